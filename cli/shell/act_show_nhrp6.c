/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * show dmvpn ipv6 [detail], show ipv6 nhrp [detail|brief], show ipv6 nhrp
 * nhs [detail], show ipv6 nhrp summary: the lib/rec_nhrp6.h records handed
 * to cli/render/render_nhrp6.h. No REC_NHRP6_IF record means no tunnel runs
 * IPv6 NHRP (none configured, or no module answers yet): show dmvpn ipv6
 * then prints its legend alone, as show dmvpn does without tunnels, and the
 * show ipv6 nhrp forms print nothing (no capture shows IOS's words there).
 */
#include "cli/render/render_nhrp6.h"
#include "cli/shell/client.h"
#include "cli/shell/exec.h"
#include "cli/shell/session.h"

#include <string.h>

/* Records of one kind; 0, or -1 when the daemon is gone. A refusal is an
 * empty table (the daemon's word on privilege stands). */
static int
fetch6(struct session *s, uint32_t kind, size_t size, struct snapshot *snap)
{
    int rc = client_snapshot(&s->cl, kind, NULL, size, snap);

    if (rc > 0) {
        memset(snap, 0, sizeof(*snap));
        return 0;
    }
    return rc;
}

static int
show_dmvpn6(struct session *s, const struct cmd_match *m, struct strbuf *out, bool json,
            const struct snapshot *ifs)
{
    struct snapshot peers = {0}, nhs = {0};
    struct render_dmvpn6_in in;
    struct render_personality pers;
    bool detail = exec_has(m, "detail");
    int rc = -1;

    memset(&in, 0, sizeof(in));
    if (exec_personality(s, &pers) < 0)
        return -1;
    in.legend = pers.legend;
    if (fetch6(s, REC_DMVPN6_PEER, sizeof(struct rec_dmvpn6_peer), &peers) < 0)
        goto out;
    if ((detail || json) && fetch6(s, REC_NHRP6_NHS, sizeof(struct rec_nhrp6_nhs), &nhs) < 0)
        goto out;
    in.ifs = (const struct rec_nhrp6_if *)ifs->buf;
    in.n_ifs = ifs->h.count;
    in.peers = (const struct rec_dmvpn6_peer *)peers.buf;
    in.n_peers = peers.h.count;
    in.nhs = (const struct rec_nhrp6_nhs *)nhs.buf;
    in.n_nhs = nhs.h.count;
    if (json)
        render_dmvpn6_json(out, ifs->h.now_ms, &in);
    else if (detail)
        render_dmvpn6_detail(out, ifs->h.now_ms, &in);
    else
        render_dmvpn6(out, ifs->h.now_ms, &in);
    rc = 0;
out:
    snapshot_free(&peers);
    snapshot_free(&nhs);
    return rc;
}

static int
show_nhrp6(struct session *s, const struct cmd_match *m, struct strbuf *out, bool json,
           bool configured)
{
    struct snapshot snap = {0};
    bool nhs = exec_has(m, "nhs");

    if (nhs ? fetch6(s, REC_NHRP6_NHS, sizeof(struct rec_nhrp6_nhs), &snap) < 0
            : fetch6(s, REC_NHRP6_CACHE, sizeof(struct rec_nhrp6_cache), &snap) < 0)
        return -1;
    if (!configured && !json) {
        snapshot_free(&snap);
        return 0;
    }
    if (nhs) {
        const struct rec_nhrp6_nhs *r = (const struct rec_nhrp6_nhs *)snap.buf;
        json ? render_nhrp6_nhs_json(out, snap.h.now_ms, r, snap.h.count)
             : render_nhrp6_nhs(out, snap.h.now_ms, r, snap.h.count, exec_has(m, "detail"));
    } else if (exec_has(m, "summary")) {
        const struct rec_nhrp6_cache *c = (const struct rec_nhrp6_cache *)snap.buf;
        json ? render_nhrp6_summary_json(out, c, snap.h.count)
             : render_nhrp6_summary(out, c, snap.h.count);
    } else {
        const struct rec_nhrp6_cache *c = (const struct rec_nhrp6_cache *)snap.buf;
        enum render_nhrp_view v = exec_has(m, "detail")  ? RENDER_NHRP_DETAIL
                                  : exec_has(m, "brief") ? RENDER_NHRP_BRIEF
                                                         : RENDER_NHRP_PLAIN;
        json ? render_nhrp6_cache_json(out, snap.h.now_ms, c, snap.h.count)
             : render_nhrp6_cache(out, snap.h.now_ms, c, snap.h.count, v);
    }
    snapshot_free(&snap);
    return 0;
}

int
act_show_nhrp6(struct session *s, const struct cmd_match *m, struct strbuf *out, bool json)
{
    struct snapshot ifs;
    int rc;

    if (fetch6(s, REC_NHRP6_IF, sizeof(struct rec_nhrp6_if), &ifs) < 0)
        return -1;
    if (exec_has(m, "dmvpn"))
        rc = show_dmvpn6(s, m, out, json, &ifs);
    else
        rc = show_nhrp6(s, m, out, json, ifs.h.count > 0);
    snapshot_free(&ifs);
    return rc;
}
