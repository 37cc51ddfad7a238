/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The crypto shows that select or count records (show crypto isakmp|ipsec sa
 * count, show crypto isakmp sa active|standby, show crypto isakmp peers,
 * show crypto session brief | local A | remote A | interface X, show crypto
 * ipsec sa interface X), show crypto ipsec profile, show crypto sockets,
 * show crypto map and show crypto isakmp default policy. The selections run
 * on the records the unfiltered shows print (cli/render/render_crypto_select.c,
 * render_crypto_peer.c), so both always agree.
 */
#include "cli/render/render_crypto_extra.h"
#include "cli/shell/client.h"
#include "cli/shell/exec.h"
#include "cli/shell/session.h"

#include <stdio.h>
#include <string.h>

static int
fetch(struct session *s, uint32_t kind, size_t size, struct snapshot *snap)
{
    int rc = client_snapshot(&s->cl, kind, NULL, size, snap);

    if (rc > 0) { /* refused (privilege): an empty table */
        memset(snap, 0, sizeof(*snap));
        return 0;
    }
    return rc;
}

static void
selection(const struct cmd_match *m, struct render_crypto_sel *sel, char *ifname, size_t cap)
{
    const struct cmd_val *v = cmd_get(m, "name");

    memset(sel, 0, sizeof(*sel));
    if (cmd_get(m, "local"))
        sel->local = cmd_ip(m, "local");
    if (cmd_get(m, "remote"))
        sel->remote = cmd_ip(m, "remote");
    if (v) {
        snprintf(ifname, cap, "%.*s", (int)v->len, v->str);
        sel->ifname = ifname;
    }
}

static int
show_session(struct session *s, const struct cmd_match *m, struct strbuf *out, bool json,
             const struct render_crypto_opts *o)
{
    struct render_crypto_sel sel;
    char ifname[REC_IFNAMSIZ];
    struct snapshot snap;
    struct rec_crypto_session *r;
    size_t k;

    if (fetch(s, REC_CRYPTO_SESSION, sizeof(*r), &snap) < 0)
        return -1;
    selection(m, &sel, ifname, sizeof ifname);
    r = (struct rec_crypto_session *)snap.buf;
    k = render_crypto_session_select(r, snap.h.count, &sel);
    if (json)
        render_crypto_session_json(out, snap.h.now_ms, r, k);
    else if (exec_has(m, "brief"))
        render_crypto_session_brief(out, snap.h.now_ms, r, k);
    else
        render_crypto_session(out, snap.h.now_ms, r, k, o);
    snapshot_free(&snap);
    return 0;
}

static int
show_ipsec(struct session *s, const struct cmd_match *m, struct strbuf *out, bool json,
           const struct render_crypto_opts *o)
{
    struct render_crypto_sel sel;
    char ifname[REC_IFNAMSIZ];
    struct snapshot snap;
    struct rec_ipsec_sa *r;
    size_t k;

    if (fetch(s, REC_IPSEC_SA, sizeof(*r), &snap) < 0)
        return -1;
    selection(m, &sel, ifname, sizeof ifname);
    r = (struct rec_ipsec_sa *)snap.buf;
    k = render_crypto_ipsec_sa_select(r, snap.h.count, &sel);
    if (exec_has(m, "count"))
        json ? render_crypto_ipsec_sa_count_json(out, r, k)
             : render_crypto_ipsec_sa_count(out, r, k);
    else
        json ? render_crypto_ipsec_sa_json(out, snap.h.now_ms, r, k, o)
             : render_crypto_ipsec_sa(out, snap.h.now_ms, r, k, o);
    snapshot_free(&snap);
    return 0;
}

/* show crypto isakmp sa count | active | standby, show crypto isakmp peers */
static int
show_isakmp(struct session *s, const struct cmd_match *m, struct strbuf *out, bool json,
            const struct render_crypto_opts *o)
{
    struct snapshot snap;
    struct rec_ike_sa *r;
    size_t k = 0;

    if (exec_has(m, "peers")) {
        uint32_t peer = cmd_get(m, "peer") ? cmd_ip(m, "peer") : 0;
        const struct rec_crypto_session *cs;

        if (fetch(s, REC_CRYPTO_SESSION, sizeof(*cs), &snap) < 0)
            return -1;
        cs = (const struct rec_crypto_session *)snap.buf;
        json ? render_crypto_isakmp_peers_json(out, cs, snap.h.count, peer)
             : render_crypto_isakmp_peers(out, cs, snap.h.count, peer);
        snapshot_free(&snap);
        return 0;
    }
    if (fetch(s, REC_IKE_SA, sizeof(*r), &snap) < 0)
        return -1;
    r = (struct rec_ike_sa *)snap.buf;
    if (exec_has(m, "count")) {
        json ? render_crypto_isakmp_sa_count_json(out, r, snap.h.count)
             : render_crypto_isakmp_sa_count(out, r, snap.h.count);
    } else {
        /* IKEv1 only, as show crypto isakmp sa */
        for (size_t i = 0; i < snap.h.count; i++)
            if (r[i].ike_version != 2)
                r[k++] = r[i];
        k = render_crypto_ike_select_status(
            r, k, exec_has(m, "standby") ? REC_IKE_STDBY : REC_IKE_ACTIVE);
        json ? render_crypto_isakmp_sa_json(out, snap.h.now_ms, r, k)
             : render_crypto_isakmp_sa(out, snap.h.now_ms, r, k, o);
    }
    snapshot_free(&snap);
    return 0;
}

static int
show_profile(struct session *s, const struct cmd_match *m, struct strbuf *out, bool json)
{
    struct render_personality pers;
    const struct cmd_val *v = cmd_get(m, "name");
    char name[REC_NAMESIZ];
    struct snapshot snap;
    const struct rec_ipsec_profile *r;

    if (exec_personality(s, &pers) < 0)
        return -1;
    if (fetch(s, REC_IPSEC_PROFILE, sizeof(*r), &snap) < 0)
        return -1;
    if (v)
        snprintf(name, sizeof name, "%.*s", (int)v->len, v->str);
    r = (const struct rec_ipsec_profile *)snap.buf;
    json ? render_crypto_ipsec_profile_json(out, r, snap.h.count, v ? name : NULL)
         : render_crypto_ipsec_profile(out, r, snap.h.count, v ? name : NULL, pers.crypto);
    snapshot_free(&snap);
    return 0;
}

static int
show_sockets(struct session *s, struct strbuf *out, bool json)
{
    struct snapshot snap;
    const struct rec_crypto_socket *r;

    if (fetch(s, REC_CRYPTO_SOCKET, sizeof(*r), &snap) < 0)
        return -1;
    r = (const struct rec_crypto_socket *)snap.buf;
    json ? render_crypto_sockets_json(out, r, snap.h.count)
         : render_crypto_sockets(out, r, snap.h.count);
    snapshot_free(&snap);
    return 0;
}

/* show crypto map: tunnel protection's maps from the sockets and profiles */
static int
show_map(struct session *s, struct strbuf *out, bool json)
{
    struct snapshot sk, pf;
    const struct rec_crypto_socket *r;
    const struct rec_ipsec_profile *p;

    if (fetch(s, REC_CRYPTO_SOCKET, sizeof(*r), &sk) < 0)
        return -1;
    if (fetch(s, REC_IPSEC_PROFILE, sizeof(*p), &pf) < 0) {
        snapshot_free(&sk);
        return -1;
    }
    r = (const struct rec_crypto_socket *)sk.buf;
    p = (const struct rec_ipsec_profile *)pf.buf;
    json ? render_crypto_map_json(out, r, sk.h.count, p, pf.h.count)
         : render_crypto_map(out, r, sk.h.count, p, pf.h.count);
    snapshot_free(&pf);
    snapshot_free(&sk);
    return 0;
}

int
act_show_crypto(struct session *s, const struct cmd_match *m, struct strbuf *out, bool json)
{
    struct render_crypto_opts o = {.detail = exec_has(m, "detail") ? 1 : 0};
    struct render_personality pers;

    if (exec_has(m, "default")) {
        json ? render_crypto_isakmp_default_policy_json(out)
             : render_crypto_isakmp_default_policy(out);
        return 0;
    }
    if (exec_has(m, "map"))
        return show_map(s, out, json);
    if (exec_has(m, "sockets"))
        return show_sockets(s, out, json);
    if (exec_has(m, "profile"))
        return show_profile(s, m, out, json);
    if (exec_personality(s, &pers) < 0)
        return -1;
    o.dialect = pers.crypto;
    if (exec_has(m, "session"))
        return show_session(s, m, out, json, &o);
    if (exec_has(m, "ipsec"))
        return show_ipsec(s, m, out, json, &o);
    if (exec_has(m, "isakmp"))
        return show_isakmp(s, m, out, json, &o);
    return 1;
}
