/* SPDX-License-Identifier: GPL-2.0-or-later */
/* show vrf [NAME], show ip vrf [NAME | interfaces] (cli/render/render_vrf.c). */
#include "cli/render/render_vrf.h"
#include "cli/shell/client.h"
#include "cli/shell/exec.h"
#include "cli/shell/session.h"

#include <stdio.h>
#include <string.h>

int
exec_vrf_find(struct session *s, const char *name, size_t len, struct rec_vrf *out)
{
    struct snapshot snap;
    const struct rec_vrf *v;
    int rc = client_snapshot(&s->cl, REC_VRF, NULL, sizeof(*v), &snap), found = 0;

    if (rc < 0)
        return -1;
    if (rc > 0) /* refused: no VRF to see */
        return 0;
    v = (const struct rec_vrf *)snap.buf;
    for (size_t i = 0; i < snap.h.count && !found; i++)
        if (strnlen(v[i].name, sizeof(v[i].name)) == len && !strncmp(v[i].name, name, len)) {
            *out = v[i];
            found = 1;
        }
    snapshot_free(&snap);
    return found;
}

int
act_show_vrf(struct session *s, const struct cmd_match *m, struct strbuf *out, bool json)
{
    const struct cmd_val *nv = cmd_get(m, "vrf");
    char name[REC_NAMESIZ];
    struct snapshot snap;
    const struct rec_vrf *v;
    int rc = client_snapshot(&s->cl, REC_VRF, NULL, sizeof(struct rec_vrf), &snap);

    if (rc < 0)
        return -1;
    if (rc > 0) /* refused: an empty table */
        memset(&snap, 0, sizeof(snap));
    if (nv)
        snprintf(name, sizeof(name), "%.*s", (int)nv->len, nv->str);
    v = (const struct rec_vrf *)snap.buf;
    if (json)
        render_vrf_json(out, v, snap.h.count, nv ? name : NULL);
    else if (!exec_has(m, "ip"))
        render_vrf(out, v, snap.h.count, nv ? name : NULL);
    else if (exec_has(m, "interfaces"))
        render_ip_vrf_interfaces(out, v, snap.h.count);
    else
        render_ip_vrf(out, v, snap.h.count, nv ? name : NULL);
    snapshot_free(&snap);
    return 0;
}
