/* SPDX-License-Identifier: GPL-2.0-or-later */
/* show ipv6 route [static|connected|local], show ipv6 interface brief
 * (cli/render/render_route6.c, render_ipv6_iface.c). */
#include "cli/render/render_ipv6_iface.h"
#include "cli/render/render_route6.h"
#include "cli/render/render_personality.h"
#include "cli/shell/client.h"
#include "cli/shell/exec.h"
#include "cli/shell/session.h"

#include <stdio.h>
#include <string.h>

int
act_show_ipv6_route(struct session *s, const struct cmd_match *m, struct strbuf *out, bool json)
{
    static const struct {
        const char *kw, *code;
    } only[] = {{"static", "S"}, {"connected", "C"}, {"local", "L"}};
    const char *code = NULL;
    struct render_personality pers;
    struct snapshot snap;
    int rc;

    for (size_t i = 0; i < sizeof(only) / sizeof(only[0]); i++)
        if (exec_has(m, only[i].kw))
            code = only[i].code;
    if (exec_personality(s, &pers) < 0)
        return -1;
    rc = client_snapshot(&s->cl, REC_ROUTE6, NULL, sizeof(struct rec_route6), &snap);
    if (rc < 0)
        return -1;
    if (rc > 0) /* refused: an empty table */
        memset(&snap, 0, sizeof(snap));
    if (json)
        render_route6_json(out, (const struct rec_route6 *)snap.buf, snap.h.count, "default", code);
    else
        render_route6(out, (const struct rec_route6 *)snap.buf, snap.h.count, "default", code,
                      pers.family);
    snapshot_free(&snap);
    return 0;
}

/* show ipv6 interface brief: the interfaces (and their state) of show ip
 * interface brief, with the IPv6 addresses of their links. */
int
act_show_ipv6_iface(struct session *s, const struct cmd_match *m, struct strbuf *out, bool json)
{
    struct snapshot ifs, v6;
    int rc = client_snapshot(&s->cl, REC_IFACE, NULL, sizeof(struct rec_iface), &ifs);

    (void)m;
    if (rc < 0)
        return -1;
    if (rc > 0)
        memset(&ifs, 0, sizeof(ifs));
    rc = client_snapshot(&s->cl, REC_IFACE6, NULL, sizeof(struct rec_iface6), &v6);
    if (rc < 0) {
        snapshot_free(&ifs);
        return -1;
    }
    if (rc > 0)
        memset(&v6, 0, sizeof(v6));
    if (json)
        render_ipv6_iface_brief_json(out, (const struct rec_iface *)ifs.buf, ifs.h.count,
                                     (const struct rec_iface6 *)v6.buf, v6.h.count);
    else
        render_ipv6_iface_brief(out, (const struct rec_iface *)ifs.buf, ifs.h.count,
                                (const struct rec_iface6 *)v6.buf, v6.h.count);
    snapshot_free(&v6);
    snapshot_free(&ifs);
    return 0;
}
