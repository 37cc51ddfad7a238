/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * clear dmvpn session [peer [{ipv4|nbma}] A.B.C.D | interface TunnelX]:
 * IOS clears the NHRP entries of the peers named and their crypto sessions
 * (the peer then registers or is resolved again and IKE starts over). The
 * shell carries it out with the requests the services already answer, one
 * per entry or peer: REQ_CLEAR_IP_NHRP for every dynamic NHRP entry learnt
 * from a chosen peer (its own /32 and the networks reached through it) and
 * REQ_CLEAR_CRYPTO_SESSION for the peer's NBMA address. Without a filter it
 * is clear ip nhrp plus clear crypto session. Static entries stay, as IOS
 * keeps them without its `static` keyword (not offered: the NHRP service
 * never removes configured mappings).
 */
#include "cli/shell/exec.h"
#include "cli/shell/session.h"
#include "lib/ctl.h"
#include "lib/inet.h"
#include "lib/req.h"

#include <stdio.h>
#include <string.h>

/* One request; 0, 1 refused (its text in out), -1 the daemon is gone. */
static int
send_req(struct session *s, uint32_t id, const uint32_t *v, unsigned nv, struct strbuf *out)
{
    struct strbuf enc, rep;
    struct req r;
    unsigned i;
    int rc;

    req_init(&r, id);
    for (i = 0; i < nv; i++)
        req_add_ipv4(&r, v[i]);
    sb_init(&enc);
    sb_init(&rep);
    req_encode(&enc, &r);
    rc = client_call(&s->cl, CTL_EXEC, enc.buf, enc.len, &rep);
    if (rc > 0) {
        struct req_error e;
        if (req_err_decode((const uint8_t *)rep.buf, rep.len, &e) == 0 && e.code == REQ_E_FAILED)
            sb_printf(out, "%s\n", e.text);
        else
            sb_puts(out, "% Unexpected reply from dmvpnd\n");
    }
    sb_free(&enc);
    sb_free(&rep);
    return rc;
}

/* Does peer p match what the command named? */
static bool
chosen(const struct cmd_match *m, const struct rec_dmvpn_peer *p, const char *ifname)
{
    uint32_t a = cmd_ip(m, "peer");

    if (ifname)
        return strncmp(p->ifname, ifname, REC_IFNAMSIZ) == 0;
    if (exec_has(m, "nbma"))
        return p->nbma == a;
    if (exec_has(m, "ipv4"))
        return p->tunnel_addr == a;
    return p->nbma == a || p->tunnel_addr == a;
}

static uint32_t
len_mask(unsigned len)
{
    return len ? 0xffffffffu << (32 - len) : 0;
}

/* The dynamic entries learnt from p (its own, and the ones via it). */
static int
clear_peer_nhrp(struct session *s, const struct rec_dmvpn_peer *p, const struct snapshot *cache,
                struct strbuf *out)
{
    const struct rec_nhrp_cache *c = (const struct rec_nhrp_cache *)cache->buf;
    size_t i;
    int rc;

    for (i = 0; i < cache->h.count; i++) {
        uint32_t v[2] = {c[i].proto, len_mask(c[i].prefix_len)};
        if (c[i].type == REC_NHRP_STATIC || strncmp(c[i].ifname, p->ifname, REC_IFNAMSIZ) ||
            !((c[i].via && c[i].via == p->tunnel_addr) || (c[i].nbma && c[i].nbma == p->nbma)))
            continue;
        if ((rc = send_req(s, REQ_CLEAR_IP_NHRP, v, 2, out)) != 0)
            return rc;
    }
    return 0;
}

int
act_clear_dmvpn(struct session *s, const struct cmd_match *m, struct strbuf *out, bool json)
{
    const struct cmd_val *ifv = cmd_get(m, "name");
    char ifname[REC_IFNAMSIZ];
    struct snapshot peers, cache;
    const struct rec_dmvpn_peer *p;
    size_t i;
    int rc = 0;

    if (!ifv && !cmd_get(m, "peer")) { /* every session */
        if ((rc = send_req(s, REQ_CLEAR_IP_NHRP, NULL, 0, out)) != 0)
            return rc;
        return send_req(s, REQ_CLEAR_CRYPTO_SESSION, NULL, 0, out);
    }
    if (ifv)
        snprintf(ifname, sizeof(ifname), "%.*s", (int)ifv->len, ifv->str);
    if (client_snapshot(&s->cl, REC_DMVPN_PEER, NULL, sizeof(*p), &peers) < 0)
        return -1;
    if (client_snapshot(&s->cl, REC_NHRP_CACHE, NULL, sizeof(struct rec_nhrp_cache), &cache) < 0) {
        snapshot_free(&peers);
        return -1;
    }
    p = (const struct rec_dmvpn_peer *)peers.buf;
    for (i = 0; i < peers.h.count && rc == 0; i++) {
        if (!chosen(m, &p[i], ifv ? ifname : NULL))
            continue;
        rc = clear_peer_nhrp(s, &p[i], &cache, out);
        if (rc == 0 && p[i].nbma)
            rc = send_req(s, REQ_CLEAR_CRYPTO_SESSION, &p[i].nbma, 1, out);
    }
    snapshot_free(&cache);
    snapshot_free(&peers);
    return rc;
}
