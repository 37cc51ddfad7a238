/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * show commands: fetch snapshot records from dmvpnd and hand them to the
 * pure renderers (cli/render/) with the reply's clock, or to their JSON
 * forms for `| json`. An empty table (no module answers yet) renders as IOS
 * renders an empty table.
 */
#include "cli/render/render_crypto.h"
#include "cli/render/render_ip_iface.h"
#include "cli/render/render_nhrp.h"
#include "cli/render/render_privsep.h"
#include "cli/render/render_nhrp_more.h"
#include "cli/render/render_runcfg.h"
#include "cli/render/render_system.h"
#include "cli/shell/exec.h"
#include "cli/shell/session.h"
#include "lib/ctl.h"
#include "lib/json.h"
#include "lib/rec_nhrp_count.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Records of one kind; 0, or -1 when the daemon is gone. */
static int
fetch(struct session *s, uint32_t kind, size_t size, struct snapshot *snap)
{
    int rc = client_snapshot(&s->cl, kind, NULL, size, snap);

    if (rc > 0) {
        /* refused (privilege): an empty table, the daemon's word stands */
        memset(snap, 0, sizeof(*snap));
        return 0;
    }
    return rc;
}

static bool
same_if(const char *a, const char *b)
{
    return strncmp(a, b, REC_IFNAMSIZ) == 0;
}

/* show [ip] interfaces X: only X; IOS rejects a name the box does not have. */
static int
show_ifaces(struct session *s, const struct cmd_match *m, struct strbuf *out, bool json)
{
    const struct cmd_val *v = cmd_get(m, "name");
    struct snapshot snap;
    const struct rec_iface *r;
    size_t n, i, k = 0;

    if (fetch(s, REC_IFACE, sizeof(struct rec_iface), &snap) < 0)
        return -1;
    r = (const struct rec_iface *)snap.buf;
    n = snap.h.count;
    if (v) {
        for (i = 0; i < n; i++)
            if (same_if(r[i].ifname, v->str))
                break;
        if (i == n) {
            session_error(s, s->cur_line, (int)s->cur_tl->t[v->tok].col,
                          "% Invalid input detected at '^' marker.");
            snapshot_free(&snap);
            return 1;
        }
        r += i;
        k = 1;
    } else {
        k = n;
    }
    if (exec_has(m, "brief") && json) {
        render_interfaces_json(out, snap.h.now_ms, r, k);
    } else if (exec_has(m, "brief")) {
        /* IOS-XE 17 prints its own column widths */
        struct render_personality pers;

        if (exec_personality(s, &pers) < 0) {
            snapshot_free(&snap);
            return -1;
        }
        render_interfaces_brief_ex(out, r, k, pers.family == RENDER_IOS_XE17);
    } else if (exec_has(m, "ip"))
        json ? render_ip_interface_json(out, r, k) : render_ip_interface(out, r, k);
    else
        json ? render_interfaces_json(out, snap.h.now_ms, r, k)
             : render_interfaces(out, snap.h.now_ms, r, k);
    snapshot_free(&snap);
    return 0;
}

static int
show_system(struct session *s, const struct cmd_match *m, struct strbuf *out, bool json)
{
    struct snapshot sys, logs = {0};
    struct rec_system empty;
    const struct rec_system *r = &empty;

    memset(&empty, 0, sizeof(empty));
    if (fetch(s, REC_SYSTEM, sizeof(struct rec_system), &sys) < 0)
        return -1;
    if (sys.h.count)
        r = (const struct rec_system *)sys.buf;
    if (exec_has(m, "version")) {
        json ? render_version_json(out, sys.h.now_ms, sys.h.boot_ms, r)
             : render_version(out, sys.h.now_ms, sys.h.boot_ms, r);
    } else {
        if (fetch(s, REC_LOG, sizeof(struct rec_log), &logs) < 0) {
            snapshot_free(&sys);
            return -1;
        }
        json ? render_logging_json(out, r, (const struct rec_log *)logs.buf, logs.h.count)
             : render_logging(out, r, (const struct rec_log *)logs.buf, logs.h.count);
        snapshot_free(&logs);
    }
    snapshot_free(&sys);
    return 0;
}

static bool
nhrp_tunnel(const struct render_dmvpn_in *in, const char *ifname)
{
    for (size_t i = 0; i < in->n_tunnels; i++)
        if (strncmp(in->tunnels[i].ifname, ifname, REC_IFNAMSIZ) == 0)
            return true;
    return false;
}

static int
show_dmvpn(struct session *s, const struct cmd_match *m, struct strbuf *out, bool json)
{
    struct snapshot tun, peers, nhs = {0}, cs = {0};
    struct render_dmvpn_in in;
    struct render_personality pers;
    struct strbuf crypto;
    bool detail = exec_has(m, "detail");
    int rc = -1;

    memset(&in, 0, sizeof(in));
    if (exec_personality(s, &pers) < 0)
        return -1;
    in.legend = pers.legend;
    sb_init(&crypto);
    if (fetch(s, REC_TUNNEL, sizeof(struct rec_tunnel), &tun) < 0)
        goto out0;
    if (fetch(s, REC_DMVPN_PEER, sizeof(struct rec_dmvpn_peer), &peers) < 0)
        goto out1;
    if (detail && (fetch(s, REC_NHRP_NHS, sizeof(struct rec_nhrp_nhs), &nhs) < 0 ||
                   fetch(s, REC_CRYPTO_SESSION, sizeof(struct rec_crypto_session), &cs) < 0))
        goto out2;
    in.tunnels = (const struct rec_tunnel *)tun.buf;
    in.n_tunnels = tun.h.count;
    in.peers = (const struct rec_dmvpn_peer *)peers.buf;
    in.n_peers = peers.h.count;
    in.nhs = (const struct rec_nhrp_nhs *)nhs.buf;
    in.n_nhs = nhs.h.count;
    if (cs.h.count) {
        const struct rec_crypto_session *r = (const struct rec_crypto_session *)cs.buf;

        /* the sessions of the NHRP tunnels, one at a time in their order */
        for (size_t i = 0; i < cs.h.count; i++)
            if (nhrp_tunnel(&in, r[i].ifname))
                render_dmvpn_crypto(&crypto, cs.h.now_ms, &r[i], 1);
        in.crypto_sessions = crypto.buf;
    }
    if (json)
        render_dmvpn_json(out, tun.h.now_ms, &in);
    else if (detail)
        render_dmvpn_detail(out, tun.h.now_ms, &in);
    else
        render_dmvpn(out, tun.h.now_ms, &in);
    rc = 0;
out2:
    snapshot_free(&nhs);
    snapshot_free(&cs);
    snapshot_free(&peers);
out1:
    snapshot_free(&tun);
out0:
    sb_free(&crypto);
    return rc;
}

/* show ip nhrp [static|dynamic|incomplete] [ADDR [MASK]] [TunnelX] and
 * show ip nhrp shortcut: the entries asked for, moved to the front of c. */
static size_t
nhrp_select(const struct cmd_match *m, struct rec_nhrp_cache *c, size_t n)
{
    const struct cmd_val *ifv = cmd_get(m, "name");
    char ifname[REC_IFNAMSIZ];
    struct render_nhrp_filter f = {0};

    if (exec_has(m, "static"))
        f.types = 1u << REC_NHRP_STATIC;
    else if (exec_has(m, "dynamic"))
        f.types = 1u << REC_NHRP_DYNAMIC;
    else if (exec_has(m, "incomplete"))
        f.types = 1u << REC_NHRP_INCOMPLETE;
    f.shortcut = exec_has(m, "shortcut");
    if (cmd_get(m, "addr")) {
        f.has_addr = true;
        f.addr = cmd_ip(m, "addr");
        f.mask = cmd_ip(m, "mask");
    }
    if (ifv) {
        snprintf(ifname, sizeof(ifname), "%.*s", (int)ifv->len, ifv->str);
        f.ifname = ifname;
    }
    return render_nhrp_filter(c, n, &f);
}

/* show ip nhrp vrf X: the entries of the tunnels in VRF X (the daemon's VRF
 * records name them), kept in place; (size_t)-1 when the daemon is gone. */
static size_t
nhrp_in_vrf(struct session *s, const struct cmd_val *vrf, struct rec_nhrp_cache *c, size_t n)
{
    struct rec_vrf v;
    size_t i, k = 0, j;
    int rc = exec_vrf_find(s, vrf->str, vrf->len, &v);

    if (rc < 0)
        return (size_t)-1;
    for (i = 0; rc > 0 && i < n; i++)
        for (j = 0; j < v.nifs; j++)
            if (same_if(c[i].ifname, v.ifs[j].name)) {
                c[k++] = c[i];
                break;
            }
    return k;
}

/* show ip nhrp self [detail]: the router's own entries, from its tunnels. */
static int
show_nhrp_self(struct session *s, struct strbuf *out, bool json)
{
    struct snapshot tun;
    struct rec_nhrp_cache *self;
    size_t k;

    if (fetch(s, REC_TUNNEL, sizeof(struct rec_tunnel), &tun) < 0)
        return -1;
    self = calloc(tun.h.count ? tun.h.count : 1, sizeof(*self));
    if (!self) {
        snapshot_free(&tun);
        return -1;
    }
    k = render_nhrp_self((const struct rec_tunnel *)tun.buf, tun.h.count, self);
    json ? render_nhrp_cache_json(out, tun.h.now_ms, self, k)
         : render_nhrp_cache(out, tun.h.now_ms, self, k, RENDER_NHRP_PLAIN);
    free(self);
    snapshot_free(&tun);
    return 0;
}

/* show ip nhrp traffic [interface X] detail; frees snap. */
static int
show_nhrp_traffic_detail(struct snapshot *snap, const struct cmd_val *ifv, struct strbuf *out,
                         bool json)
{
    const struct rec_nhrp_traffic *r = (const struct rec_nhrp_traffic *)snap->buf;
    size_t i, n = snap->h.count, first = 0, k = n;

    for (i = 0; ifv && i < n; i++)
        if (same_if(r[i].ifname, ifv->str))
            break;
    if (ifv) {
        first = i;
        k = i < n ? 1 : 0;
    }
    json ? render_nhrp_traffic_detail_json(out, r, n, r + first, k)
         : render_nhrp_traffic_detail(out, r, n, r + first, k);
    snapshot_free(snap);
    return 0;
}

static int
show_nhrp(struct session *s, const struct cmd_match *m, struct strbuf *out, bool json)
{
    struct snapshot snap;
    const struct cmd_val *ifv = cmd_get(m, "name");

    if (exec_has(m, "nhs")) {
        struct rec_nhrp_nhs *r;
        size_t i, k = 0;
        if (fetch(s, REC_NHRP_NHS, sizeof(*r), &snap) < 0)
            return -1;
        r = (struct rec_nhrp_nhs *)snap.buf;
        for (i = 0; i < snap.h.count; i++) /* NHS of the named tunnel only */
            if (!ifv || same_if(r[i].ifname, ifv->str))
                r[k++] = r[i];
        json ? render_nhrp_nhs_json(out, snap.h.now_ms, r, k)
             : render_nhrp_nhs(out, snap.h.now_ms, r, k, exec_has(m, "detail"), ifv != NULL);
    } else if (exec_has(m, "traffic")) {
        struct rec_nhrp_traffic *r;
        size_t i, k = 0;

        if (fetch(s, REC_NHRP_TRAFFIC, sizeof(*r), &snap) < 0)
            return -1;
        r = (struct rec_nhrp_traffic *)snap.buf;
        if (exec_has(m, "detail")) /* the global sums count every tunnel */
            return show_nhrp_traffic_detail(&snap, ifv, out, json);
        for (i = 0; i < snap.h.count; i++) /* traffic interface X: X only */
            if (!ifv || same_if(r[i].ifname, ifv->str))
                r[k++] = r[i];
        json ? render_nhrp_traffic_json(out, r, k) : render_nhrp_traffic(out, r, k);
    } else if (exec_has(m, "stats")) {
        struct rec_nhrp_stats *r;
        size_t i, k = 0;

        if (fetch(s, REC_NHRP_STATS, sizeof(*r), &snap) < 0)
            return -1;
        r = (struct rec_nhrp_stats *)snap.buf;
        for (i = 0; i < snap.h.count; i++) /* the named tunnel only */
            if (!ifv || same_if(r[i].ifname, ifv->str))
                r[k++] = r[i];
        json ? render_nhrp_stats_json(out, r, k)
             : render_nhrp_stats(out, r, k, exec_has(m, "detail"), ifv != NULL);
    } else if (exec_has(m, "redirect")) {
        if (fetch(s, REC_NHRP_REDIRECT, sizeof(struct rec_nhrp_redirect), &snap) < 0)
            return -1;
        json ? render_nhrp_redirect_json(out, snap.h.now_ms,
                                         (const struct rec_nhrp_redirect *)snap.buf, snap.h.count)
             : render_nhrp_redirect(out, snap.h.now_ms, (const struct rec_nhrp_redirect *)snap.buf,
                                    snap.h.count);
    } else if (exec_has(m, "self")) {
        return show_nhrp_self(s, out, json);
    } else if (exec_has(m, "summary") && !cmd_get(m, "vrf") && !ifv) {
        /* the daemon counts: a few groups instead of every cache record */
        if (fetch(s, REC_NHRP_COUNT, sizeof(struct rec_nhrp_count), &snap) < 0)
            return -1;
        render_nhrp_summary_groups(out, (const struct rec_nhrp_count *)snap.buf, snap.h.count,
                                   json);
    } else {
        enum render_nhrp_view v = exec_has(m, "detail")  ? RENDER_NHRP_DETAIL
                                  : exec_has(m, "brief") ? RENDER_NHRP_BRIEF
                                                         : RENDER_NHRP_PLAIN;
        struct rec_nhrp_cache *c;
        size_t k;

        if (fetch(s, REC_NHRP_CACHE, sizeof(struct rec_nhrp_cache), &snap) < 0)
            return -1;
        c = (struct rec_nhrp_cache *)snap.buf;
        k = nhrp_select(m, c, snap.h.count);
        if (cmd_get(m, "vrf") && (k = nhrp_in_vrf(s, cmd_get(m, "vrf"), c, k)) == (size_t)-1) {
            snapshot_free(&snap);
            return -1;
        }
        if (exec_has(m, "summary"))
            json ? render_nhrp_summary_json(out, c, k) : render_nhrp_summary(out, c, k);
        else
            json ? render_nhrp_cache_json(out, snap.h.now_ms, c, k)
                 : render_nhrp_cache(out, snap.h.now_ms, c, k, v);
    }
    snapshot_free(&snap);
    return 0;
}

/* show crypto ikev2 proposal|policy [NAME] | sa|session [detailed] */
static int
show_ikev2(struct session *s, const struct cmd_match *m, struct strbuf *out, bool json)
{
    struct render_crypto_opts o = {.detail = exec_has(m, "detailed") ? 1 : 0};
    const struct cmd_val *v = cmd_get(m, "name");
    char name[REC_NAMESIZ];
    const char *nm = NULL;
    struct render_personality pers;
    struct snapshot snap;

    if (exec_personality(s, &pers) < 0)
        return -1;
    o.dialect = pers.crypto;

    if (v) {
        snprintf(name, sizeof(name), "%.*s", (int)v->len, v->str);
        nm = name;
    }
    if (exec_has(m, "proposal")) {
        if (fetch(s, REC_IKEV2_PROPOSAL, sizeof(struct rec_ikev2_proposal), &snap) < 0)
            return -1;
        json ? render_crypto_ikev2_proposal_json(out, (const struct rec_ikev2_proposal *)snap.buf,
                                                 snap.h.count, nm)
             : render_crypto_ikev2_proposal(out, (const struct rec_ikev2_proposal *)snap.buf,
                                            snap.h.count, nm);
    } else if (exec_has(m, "policy")) {
        if (fetch(s, REC_IKEV2_POLICY, sizeof(struct rec_ikev2_policy), &snap) < 0)
            return -1;
        json ? render_crypto_ikev2_policy_json(out, (const struct rec_ikev2_policy *)snap.buf,
                                               snap.h.count, nm)
             : render_crypto_ikev2_policy(out, (const struct rec_ikev2_policy *)snap.buf,
                                          snap.h.count, nm);
    } else {
        const struct rec_ikev2_sa *r;

        if (fetch(s, REC_IKEV2_SA, sizeof(struct rec_ikev2_sa), &snap) < 0)
            return -1;
        r = (const struct rec_ikev2_sa *)snap.buf;
        if (json)
            render_crypto_ikev2_sa_json(out, snap.h.now_ms, r, snap.h.count);
        else if (exec_has(m, "session"))
            render_crypto_ikev2_session(out, snap.h.now_ms, r, snap.h.count, &o);
        else
            render_crypto_ikev2_sa(out, snap.h.now_ms, r, snap.h.count, &o);
    }
    snapshot_free(&snap);
    return 0;
}

static int
show_crypto(struct session *s, const struct cmd_match *m, struct strbuf *out, bool json)
{
    struct render_crypto_opts o = {.detail = exec_has(m, "detail") ? 1 : 0};
    struct render_personality pers;
    struct snapshot snap;

    if (exec_personality(s, &pers) < 0)
        return -1;
    o.dialect = pers.crypto;

    if (exec_has(m, "ikev2")) /* it asks for the personality itself */
        return show_ikev2(s, m, out, json);
    if (exec_has(m, "session")) {
        if (fetch(s, REC_CRYPTO_SESSION, sizeof(struct rec_crypto_session), &snap) < 0)
            return -1;
        json ? render_crypto_session_json(out, snap.h.now_ms,
                                          (const struct rec_crypto_session *)snap.buf, snap.h.count)
             : render_crypto_session(out, snap.h.now_ms,
                                     (const struct rec_crypto_session *)snap.buf, snap.h.count, &o);
    } else if (exec_has(m, "isakmp")) {
        struct rec_ike_sa *r;
        uint32_t k = 0;

        if (fetch(s, REC_IKE_SA, sizeof(struct rec_ike_sa), &snap) < 0)
            return -1;
        /* ISAKMP is IKEv1: IOS lists IKEv2 SAs under show crypto ikev2 sa
         * only (the records keep them for dmvpn-snmp's IKE tunnel table) */
        r = (struct rec_ike_sa *)snap.buf;
        for (uint32_t i = 0; i < snap.h.count; i++)
            if (r[i].ike_version != 2)
                r[k++] = r[i];
        snap.h.count = k;
        json ? render_crypto_isakmp_sa_json(out, snap.h.now_ms, (const struct rec_ike_sa *)snap.buf,
                                            snap.h.count)
             : render_crypto_isakmp_sa(out, snap.h.now_ms, (const struct rec_ike_sa *)snap.buf,
                                       snap.h.count, &o);
    } else {
        o.peer = cmd_ip(m, "peer");
        if (fetch(s, REC_IPSEC_SA, sizeof(struct rec_ipsec_sa), &snap) < 0)
            return -1;
        json ? render_crypto_ipsec_sa_json(out, snap.h.now_ms,
                                           (const struct rec_ipsec_sa *)snap.buf, snap.h.count, &o)
             : render_crypto_ipsec_sa(out, snap.h.now_ms, (const struct rec_ipsec_sa *)snap.buf,
                                      snap.h.count, &o);
    }
    snapshot_free(&snap);
    return 0;
}

int
act_show(struct session *s, const struct cmd_match *m, struct strbuf *out, bool json)
{
    /* before "interface": show ip ospf interface brief is a routing show */
    if (exec_has(m, "route") || exec_has(m, "bgp") || exec_has(m, "ospf") || exec_has(m, "eigrp") ||
        exec_has(m, "protocols"))
        return act_show_routing(s, m, out, json); /* act_show_routing.c */
    if (exec_has(m, "version") || exec_has(m, "logging"))
        return show_system(s, m, out, json);
    /* before "interface": show ip nhrp traffic interface X */
    if (exec_has(m, "privsep")) {
        struct snapshot snap;

        if (fetch(s, REC_PRIVSEP, sizeof(struct rec_privsep), &snap) < 0)
            return -1;
        render_privsep(out, snap.h.now_ms, (const struct rec_privsep *)snap.buf, snap.h.count);
        snapshot_free(&snap);
        return 0;
    }
    if (exec_has(m, "dmvpn"))
        return show_dmvpn(s, m, out, json);
    if (exec_has(m, "nhrp"))
        return show_nhrp(s, m, out, json);
    if (exec_has(m, "interfaces") || exec_has(m, "interface"))
        return show_ifaces(s, m, out, json);
    if (exec_has(m, "route") || exec_has(m, "bgp") || exec_has(m, "ospf") || exec_has(m, "eigrp"))
        return act_show_routing(s, m, out, json); /* act_show_routing.c */
    if (exec_has(m, "crypto"))
        return show_crypto(s, m, out, json);
    return 1;
}

/* show running-config interface X: X's stanza of the running config; IOS
 * rejects a name the config does not hold, caret under the name. */
static int
show_run_iface(struct session *s, const struct cmd_val *v, const struct strbuf *text,
               struct strbuf *out, bool json)
{
    char name[REC_IFNAMSIZ];
    bool ok;

    snprintf(name, sizeof(name), "%.*s", (int)v->len, v->str);
    ok = json ? render_runcfg_interface_json(out, text->buf, text->len, name)
              : render_runcfg_interface(out, text->buf, text->len, name);
    if (!ok) {
        session_error(s, s->cur_line, (int)s->cur_tl->t[v->tok].col,
                      "% Invalid input detected at '^' marker.");
        return 1;
    }
    return 0;
}

/* show running-config / startup-config / write terminal. JSON: the lines. */
int
act_show_run(struct session *s, const struct cmd_match *m, struct strbuf *out, bool json)
{
    struct strbuf text;
    int rc;

    sb_init(&text);
    rc = client_call(&s->cl, exec_has(m, "startup-config") ? CTL_STARTUP : CTL_RUNNING, NULL, 0,
                     &text);
    if (rc < 0) {
        sb_free(&text);
        return -1;
    }
    if (rc == 0 && cmd_get(m, "name")) {
        rc = show_run_iface(s, cmd_get(m, "name"), &text, out, json);
    } else if (rc > 0) {
        /* IOS: "startup-config is not present" */
        sb_append(out, text.buf, text.len);
        sb_putc(out, '\n');
    } else if (json) {
        size_t i = 0;
        bool first = true;
        sb_puts(out, "{\"lines\":[");
        while (i < text.len) {
            const char *nl = memchr(text.buf + i, '\n', text.len - i);
            size_t e = nl ? (size_t)(nl - text.buf) : text.len;
            if (!first)
                sb_putc(out, ',');
            json_escape(out, text.buf + i, e - i); /* quotes included */
            first = false;
            i = e + 1;
        }
        sb_puts(out, "]}");
    } else {
        sb_append(out, text.buf, text.len);
    }
    sb_free(&text);
    return rc;
}
