/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * IPv6 NHRP instances (`ipv6 nhrp`, protocol type 0x86DD) over an IPv4
 * NBMA network, beside the IPv4 instances of the same tunnels (dual
 * stack): a hub and two spokes in the fake network with the fake clock.
 * Registration (with authentication), phase 2 resolution, phase 3
 * redirect and shortcut, purge, NAT detection; the IPv4 instance keeps its
 * own cache, and the IPv6 records (lib/rec_nhrp6.h) show what happened.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "fake.h"
#include "lib/log.h"
#include "lib/rec_nhrp6.h"
#include "samples6.h"

#include <stdlib.h>
#include <string.h>

#define N_HUB A(203, 0, 113, 1)
#define N_A   A(198, 51, 100, 2)
#define N_B   A(198, 51, 100, 3)
#define HUB6  "2001:DB8::1"
#define A6    "2001:DB8::2"
#define B6    "2001:DB8::3"

static struct fnet net;
static struct fnode *hub, *sa, *sb;
static struct nhrp_if_config hc[2], ac[2], bc[2];

/* Dual stack: slice 0 is `ip nhrp`, slice 1 `ipv6 nhrp`, on Tunnel0. */
static void
topology(const char *hub_key, const char *spoke_key)
{
    log_set_level(LOG_LVL_ERR);
    fnet_init(&net);
    hub = fnet_add(&net, N_HUB);
    sa = fnet_add(&net, N_A);
    sb = fnet_add(&net, N_B);
    fcfg_hub(&hc[0], 0, A(10, 0, 0, 1), N_HUB);
    fcfg_spoke(&ac[0], 0, A(10, 0, 0, 2), N_A, A(10, 0, 0, 1), N_HUB);
    fcfg_spoke(&bc[0], 0, A(10, 0, 0, 3), N_B, A(10, 0, 0, 1), N_HUB);
    fcfg6_hub(&hc[1], 0, HUB6, N_HUB);
    fcfg6_spoke(&ac[1], 0, A6, N_A, HUB6, N_HUB);
    fcfg6_spoke(&bc[1], 0, B6, N_B, HUB6, N_HUB);
    strcpy(hc[1].auth, hub_key);
    strcpy(ac[1].auth, spoke_key);
    strcpy(bc[1].auth, spoke_key);
}

static void
start(void)
{
    fnode_config(hub, hc, 2);
    fnode_config(sa, ac, 2);
    fnode_config(sb, bc, 2);
    fnet_pump(&net);
    fnet_advance(&net, 100);
}

static int
setup(void **state)
{
    topology("", "");
    return 0;
}

static int
teardown(void **state)
{
    fnet_fini(&net);
    return 0;
}

static bool
entry6(struct fnode *n, const char *proto, uint8_t plen, struct rec_nhrp6_cache *out)
{
    struct rec_nhrp6_cache *r;
    struct inet_addr p = fa6(proto);
    size_t k = nhrp_snap_cache6(n->e, net.now, NHRP_TUN_ANY, &r), i;
    bool found = false;

    for (i = 0; i < k && !found; i++)
        if (inet_addr_eq(&r[i].proto, &p) && r[i].prefix_len == plen) {
            if (out)
                *out = r[i];
            found = true;
        }
    free(r);
    return found;
}

static void
assert_addr(const struct inet_addr *a, const char *text)
{
    char buf[INET6_ADDRSTRLEN_];

    assert_string_equal(inet_addr_fmt(a, buf), text);
}

/* The last IPv6 NHRP packet of type node `from` sent (to node `to`, or
 * anyone when -1). */
static bool
last6_to(int from, int to, uint8_t type, struct nhrp_pkt *p)
{
    size_t i;

    for (i = net.nlog; i-- > 0;) {
        const struct fpkt *f = &net.log[i];
        if (f->from != from || f->data[17] != type || (to >= 0 && f->to != to))
            continue;
        assert_int_equal(nhrp_decode(f->data, f->len, p, NULL), NHRP_DEC_OK);
        if (p->proto_af == INET_AF_V6)
            return true;
    }
    return false;
}

static bool
last6(int from, uint8_t type, struct nhrp_pkt *p)
{
    return last6_to(from, -1, type, p);
}

static void
t_registration_dual_stack(void **state)
{
    struct rec_nhrp6_cache r;
    struct rec_nhrp6_nhs *nhs;
    struct rec_nhrp6_if *ifs;
    struct rec_dmvpn6_peer *peers;
    struct rec_nhrp_cache r4;
    struct inet_addr nbma;
    struct nhrp_pkt p;
    size_t n;

    start();
    /* the spoke's IPv6 registration: 0x86DD over IPv4 NBMA, unique nat,
     * one CIE with prefix 128 */
    assert_true(last6(sa->idx, NHRP_REG_REQ, &p));
    assert_int_equal(p.nbma_af, INET_AF_V4);
    assert_addr(&p.src_proto, A6);
    assert_addr(&p.dst_proto, HUB6);
    assert_addr(&p.src_nbma, "198.51.100.2");
    assert_int_equal(p.flags, NHRP_F_REG_U | NHRP_F_CISCO_NAT);
    assert_int_equal(p.ncie, 1);
    assert_int_equal(p.cie[p.cie0].plen, 128);
    assert_true(last6(hub->idx, NHRP_REG_REPLY, &p));
    assert_int_equal(p.cie[p.cie0].code, NHRP_CODE_SUCCESS);

    /* the hub's IPv6 cache, map and multicast list */
    assert_true(entry6(hub, A6, 128, &r));
    assert_int_equal(r.type, REC_NHRP_DYNAMIC);
    assert_addr(&r.nbma, "198.51.100.2");
    assert_addr(&r.via, A6);
    assert_true(r.flags & REC_NF_REGISTERED);
    assert_true(r.flags & REC_NF_UNIQUE);
    assert_int_equal(r.claimed_nbma.af, INET_AF_NONE);
    assert_true(entry6(hub, B6, 128, NULL));
    assert_true(fnode_mapped6(hub, A6, &nbma));
    assert_addr(&nbma, "198.51.100.2");
    assert_true(fnode_has_mcast6(hub, N_A));
    assert_true(fnode_has_mcast6(hub, N_B));

    /* the IPv4 instance registered on its own, into its own cache */
    assert_true(fnode_entry(hub, 0, A(10, 0, 0, 2), 32, &r4));
    assert_int_equal(r4.nbma, N_A);
    assert_false(entry6(hub, "10.0.0.2", 32, NULL));
    assert_int_equal(fnode_entries(hub, 0), 2);
    assert_true(fnode_has_mcast(hub, N_A)); /* IPv4 list apart from IPv6 */

    /* the spoke's NHS record: E and R, one reply */
    n = nhrp_snap_nhs6(sa->e, net.now, NHRP_TUN_ANY, &nhs);
    assert_int_equal(n, 1);
    assert_addr(&nhs[0].addr, HUB6);
    assert_addr(&nhs[0].nbma, "203.0.113.1");
    assert_int_equal(nhs[0].status & (REC_NHS_E | REC_NHS_R), REC_NHS_E | REC_NHS_R);
    assert_int_equal(nhs[0].repl_recv, 1);
    free(nhs);
    /* the spoke knows the hub statically (its NHS entry) and mapped it */
    assert_true(entry6(sa, HUB6, 128, NULL));
    assert_true(fnode_mapped6(sa, HUB6, NULL));

    /* interface and show dmvpn ipv6 rows */
    n = nhrp_snap_if6(hub->e, net.now, NHRP_TUN_ANY, &ifs);
    assert_int_equal(n, 1);
    assert_string_equal(ifs[0].ifname, "Tunnel0");
    assert_int_equal(ifs[0].type, REC_TUN_HUB); /* no NHS of its own */
    assert_int_equal(ifs[0].network_id, 6);
    assert_int_equal(ifs[0].naddrs, 1);
    assert_addr(&ifs[0].addrs[0], HUB6);
    assert_int_equal(ifs[0].addr_len[0], 64);
    assert_addr(&ifs[0].nbma, "203.0.113.1");
    free(ifs);
    n = nhrp_snap_peers6(hub->e, net.now, NHRP_TUN_ANY, &peers);
    assert_int_equal(n, 2);
    assert_addr(&peers[0].nbma, "198.51.100.2"); /* sorted by NBMA */
    assert_addr(&peers[0].tunnel_addr, A6);
    assert_int_equal(peers[0].state, REC_PEER_UP);
    assert_int_equal(peers[0].attrs, REC_PA_D);
    free(peers);
}

static void
t_authentication(void **state)
{
    struct rec_nhrp6_nhs *nhs;
    size_t n;

    /* a wrong key: dropped by the hub's IPv6 instance, never answered */
    fnet_fini(&net);
    topology("v6key", "wrong");
    start();
    fnet_advance(&net, 10000);
    assert_false(entry6(hub, A6, 128, NULL));
    assert_int_equal(fnet_count(&net, hub->idx, sa->idx, NHRP_REG_REPLY), 1); /* IPv4 only */
    n = nhrp_snap_nhs6(sa->e, net.now, NHRP_TUN_ANY, &nhs);
    assert_int_equal(n, 1);
    assert_int_equal(nhs[0].status & REC_NHS_R, 0);
    assert_int_equal(nhs[0].repl_recv, 0);
    free(nhs);

    /* the right key on both sides */
    fnet_fini(&net);
    topology("v6key", "v6key");
    start();
    assert_true(entry6(hub, A6, 128, NULL));
    assert_true(entry6(hub, B6, 128, NULL));
}

static void
t_phase2_resolution(void **state)
{
    struct rec_nhrp6_cache r;
    struct inet_addr a = fa6(B6), nbma;
    struct nhrp_pkt p;

    start();
    /* A's data for B's tunnel address has no mapping (phase 2) */
    nhrp_trigger_resolve_af(sa->e, net.now, 0, &a);
    fnet_pump(&net);
    assert_true(last6(sa->idx, NHRP_RES_REQ, &p));
    assert_addr(&p.dst_proto, B6);
    /* the hub forwards it to B, which answers A directly */
    assert_true(last6(sb->idx, NHRP_RES_REPLY, &p));
    assert_int_equal(p.cie[p.cie0].code, NHRP_CODE_SUCCESS);
    assert_int_equal(p.cie[p.cie0].plen, 128);
    assert_addr(&p.cie[p.cie0].proto, B6);
    assert_true(entry6(sa, B6, 128, &r));
    assert_addr(&r.nbma, "198.51.100.3");
    assert_true(r.flags & REC_NF_ROUTER);
    assert_true(fnode_mapped6(sa, B6, &nbma));
    assert_addr(&nbma, "198.51.100.3");
    /* B keeps A (the request's source) and its local answer */
    assert_true(entry6(sb, A6, 128, NULL));
    assert_true(entry6(sb, B6, 128, &r));
    assert_true(r.flags & REC_NF_LOCAL);
    assert_addr(&r.requester, A6);
    /* IPv4 untouched: A resolved nothing there */
    assert_false(fnode_entry(sa, 0, A(10, 0, 0, 3), 32, NULL));
}

static void
t_phase3_redirect_shortcut(void **state)
{
    static uint8_t ip6[48] = {0x60, 0, 0, 0, 0, 8, 58, 63};
    struct inet_addr from = inet_addr_v4(N_A), via, src = fa6("2001:DB8:2::10"),
                     dst = fa6("2001:DB8:3::10");
    struct rec_nhrp6_cache r;
    struct nhrp_pkt p;

    hc[1].redirect = true;
    ac[1].shortcut = bc[1].shortcut = true;
    start();
    /* B's LAN 2001:db8:3::/64; the hub routes it to B over the tunnel */
    fnode_route6(sb, "2001:DB8:3::", 64, NHRP_ROUTE_OFF_NBMA, 1, NULL);
    fnode_route6(hub, "2001:DB8:3::", 64, NHRP_ROUTE_TUNNEL, 0, B6);
    memcpy(ip6 + 8, src.u.v6, 16);
    memcpy(ip6 + 24, dst.u.v6, 16);
    ip6[40] = 128;
    /* A's data to 2001:db8:3::10 enters and leaves the hub's tunnel */
    nhrp_trigger_hairpin_af(hub->e, net.now, 0, &from, 0, ip6, sizeof(ip6));
    fnet_pump(&net);
    assert_true(last6(hub->idx, NHRP_TRAFFIC_IND, &p));
    assert_addr(&p.dst_proto, "2001:DB8:2::10"); /* the data's source */
    assert_int_equal(p.payload_len, 48);
    /* A resolved the data's destination; B answered with its /64 */
    assert_true(last6(sa->idx, NHRP_RES_REQ, &p));
    assert_addr(&p.dst_proto, "2001:DB8:3::10");
    assert_true(last6(sb->idx, NHRP_RES_REPLY, &p));
    assert_int_equal(p.cie[p.cie0].plen, 64);
    assert_true(entry6(sa, "2001:DB8:3::", 64, &r));
    assert_addr(&r.via, B6);
    assert_true(r.flags & REC_NF_RIB);
    assert_true(fnode_has_route6(sa, "2001:DB8:3::", 64, &via));
    assert_addr(&via, B6);
    assert_true(fnode_mapped6(sa, B6, NULL));
    /* a second packet of the flow within the redirect timeout: no new
     * indication (IOS's per-flow rate limit) */
    nhrp_trigger_hairpin_af(hub->e, net.now, 0, &from, 0, ip6, sizeof(ip6));
    fnet_pump(&net);
    assert_int_equal(fnet_count(&net, hub->idx, sa->idx, NHRP_TRAFFIC_IND), 1);
    /* an IPv4 data packet is the IPv4 instance's (which redirects too):
     * its traffic indication is 0x0800 and names the IPv4 source */
    ip6[0] = 0x45;
    nhrp_trigger_hairpin_af(hub->e, net.now, 0, &from, 0, ip6, sizeof(ip6));
    fnet_pump(&net);
    assert_int_equal(fnet_count(&net, hub->idx, sa->idx, NHRP_TRAFFIC_IND), 2);
    {
        const struct fpkt *f = fnet_last(&net, hub->idx, NHRP_TRAFFIC_IND);
        assert_int_equal(nhrp_decode(f->data, f->len, &p, NULL), NHRP_DEC_OK);
        assert_int_equal(p.proto_af, INET_AF_V4);
        assert_int_equal(p.dst_proto.u.v4, nhrp_get32(ip6 + 12));
    }

    /* the shortcut was used, so it is resolved again before it expires
     * (IOS refreshes used entries); unused since, it then expires and its
     * route goes */
    fnet_advance(&net, 700000);
    assert_true(fnode_has_route6(sa, "2001:DB8:3::", 64, NULL));
    assert_true(fnet_count(&net, sa->idx, hub->idx, NHRP_RES_REQ) >= 2);
    fnet_advance(&net, 700000);
    assert_false(fnode_has_route6(sa, "2001:DB8:3::", 64, NULL));
    assert_false(entry6(sa, "2001:DB8:3::", 64, NULL));
}

static void
t_purge(void **state)
{
    struct inet_addr a = fa6(B6), all = fa6("::");
    struct nhrp_pkt p;

    start();
    nhrp_trigger_resolve_af(sa->e, net.now, 0, &a);
    fnet_pump(&net);
    assert_true(entry6(sa, B6, 128, NULL));
    /* `clear ipv6 nhrp` on B: its local answer goes, and A, which
     * resolved it, gets a purge (RFC 2332 5.2.5) and drops the binding */
    nhrp_clear_af(sb->e, net.now, NHRP_TUN_ANY, &all, 0);
    fnet_pump(&net);
    assert_true(last6(sb->idx, NHRP_PURGE_REQ, &p));
    assert_addr(&p.cie[p.cie0].proto, B6);
    assert_true(last6(sa->idx, NHRP_PURGE_REPLY, &p));
    assert_false(entry6(sa, B6, 128, NULL));
    assert_false(fnode_mapped6(sa, B6, NULL));
    /* the IPv4 instance's cache was not cleared */
    assert_true(fnode_entry(sb, 0, A(10, 0, 0, 1), 32, NULL));
}

static void
t_nat(void **state)
{
    struct rec_nhrp6_cache r;
    struct nhrp_pkt p;
    const struct nhrp_ext *x;

    /* A sits behind NAT: it knows 192.168.1.2, the hub sees N_A. */
    sa->nbma = A(192, 168, 1, 2);
    ac[0].nbma = A(192, 168, 1, 2);
    ac[1].nbma_af = inet_addr_v4(A(192, 168, 1, 2));
    start();
    assert_true(entry6(hub, A6, 128, &r));
    assert_addr(&r.nbma, "198.51.100.2");
    assert_addr(&r.claimed_nbma, "192.168.1.2");
    /* the reply's NAT extension tells A what the hub saw */
    assert_true(last6_to(hub->idx, sa->idx, NHRP_REG_REPLY, &p));
    x = nhrp_find_ext(&p, NHRP_EXT_NAT);
    assert_non_null(x);
    assert_int_equal(x->ncie, 2);
    assert_addr(&nhrp_ext_cie(&p, x, 1)->nbma, "198.51.100.2");
    assert_addr(&nhrp_ext_cie(&p, x, 1)->proto, A6);
}

/* --- IPv6 over an IPv6 NBMA network (`tunnel mode gre multipoint ipv6`) --- */

/* Two engines joined by hand: what one sends through send_af is handed to
 * the other with its NBMA address as the outer source. */
struct wire6 {
    struct nhrp_engine *e[2];
    struct inet_addr nbma[2];
    uint8_t q[8][512];
    size_t qlen[8], qto[8], nq;
    unsigned v4_sends, protects;
    struct inet_addr mapped_proto, mapped_nbma;
    bool mapped;
};

static struct wire6 w6;

static void
w6_send_v4(void *ctx, uint32_t tun, uint32_t nbma, const uint8_t *pkt, size_t len)
{
    w6.v4_sends++; /* an IPv6 NBMA network never uses the IPv4 op */
}

static void
w6_send(void *ctx, uint32_t tun, const struct inet_addr *nbma, const uint8_t *pkt, size_t len)
{
    size_t to = inet_addr_eq(nbma, &w6.nbma[0]) ? 0 : 1;

    assert_true(w6.nq < 8 && len <= sizeof(w6.q[0]));
    memcpy(w6.q[w6.nq], pkt, len);
    w6.qlen[w6.nq] = len;
    w6.qto[w6.nq++] = to;
}

static void
w6_map(void *ctx, uint32_t tun, const struct inet_addr *proto, const struct inet_addr *nbma)
{
    w6.mapped = true;
    w6.mapped_proto = *proto;
    w6.mapped_nbma = *nbma;
}

static void
w6_protect(void *ctx, uint32_t tun, const struct inet_addr *nbma)
{
    w6.protects++;
}

/* Delivers what is queued now; answers queue up for the next call. */
static void
w6_pump(int64_t now)
{
    uint8_t q[8][512];
    size_t qlen[8], qto[8], n = w6.nq, i;

    memcpy(q, w6.q, sizeof(q));
    memcpy(qlen, w6.qlen, sizeof(qlen));
    memcpy(qto, w6.qto, sizeof(qto));
    w6.nq = 0;
    for (i = 0; i < n; i++)
        nhrp_recv_af(w6.e[qto[i]], now, 0, &w6.nbma[1 - qto[i]], q[i], qlen[i]);
}

/* Registration over an IPv6 NBMA network, of an IPv6 instance (v6) or of
 * an IPv4 one (`ip nhrp` over `tunnel mode gre multipoint ipv6`). */
static void
over_ipv6_nbma(bool v6)
{
    struct nhrp_ops ops = {
        .send = w6_send_v4, .send_af = w6_send, .map_af = w6_map, .protect_af = w6_protect};
    struct nhrp_if_config h, s;
    struct rec_nhrp6_cache *r;
    struct rec_nhrp6_nhs *nhs;
    int64_t now = 1000000;
    size_t n;

    memset(&w6, 0, sizeof(w6));
    w6.nbma[0] = fa6("2001:DB8:FF::1");
    w6.nbma[1] = fa6("2001:DB8:FF::2");
    w6.e[0] = nhrp_new(&ops, now);
    w6.e[1] = nhrp_new(&ops, now);
    fcfg6_hub(&h, 0, v6 ? HUB6 : "10.0.0.1", 0);
    h.nbma_af = w6.nbma[0];
    fcfg6_spoke(&s, 0, v6 ? A6 : "10.0.0.2", 0, v6 ? HUB6 : "10.0.0.1", 0);
    s.nbma_af = w6.nbma[1];
    s.nhs_af[0].nbma = w6.nbma[0];
    if (!v6) {
        h.af = s.af = INET_AF_V4;
        h.plen_af = s.plen_af = 24;
    }
    s.protection = true; /* the SA is asked for with the IPv6 NBMA */
    nhrp_configure(w6.e[0], now, &h, 1);
    nhrp_configure(w6.e[1], now, &s, 1);
    assert_int_equal(w6.protects, 1);
    nhrp_sa_event_af(w6.e[1], now, NHRP_TUN_ANY, &w6.nbma[0], NHRP_SA_UP);
    /* the registration leaves with ar$afn 2 and 16-octet NBMA addresses */
    assert_int_equal(w6.nq, 1);
    assert_int_equal(nhrp_get16(w6.q[0]), NHRP_AFN_IPV6);
    assert_int_equal(nhrp_get16(w6.q[0] + 2), v6 ? NHRP_PROTO_IPV6 : NHRP_PROTO_IPV4);
    w6_pump(now);
    assert_int_equal(w6.nq, 1); /* the reply */
    w6_pump(now);
    assert_int_equal(w6.v4_sends, 0);
    /* the hub mapped the spoke at its IPv6 NBMA address */
    assert_true(w6.mapped);
    assert_addr(&w6.mapped_proto, v6 ? A6 : "10.0.0.2");
    assert_addr(&w6.mapped_nbma, "2001:DB8:FF::2");
    if (!v6) {
        /* the IPv4 records hold no IPv6 NBMA (0, not its first octets);
         * the IPv6 ones are not this instance's */
        struct rec_nhrp_nhs *n4;
        struct rec_nhrp_cache *c4;
        assert_int_equal(nhrp_snap_cache(w6.e[0], now, NHRP_TUN_ANY, &c4), 1);
        assert_int_equal(c4[0].proto, A(10, 0, 0, 2));
        assert_int_equal(c4[0].nbma, 0);
        free(c4);
        assert_int_equal(nhrp_snap_cache6(w6.e[0], now, NHRP_TUN_ANY, &r), 0);
        free(r);
        assert_int_equal(nhrp_snap_nhs(w6.e[1], now, NHRP_TUN_ANY, &n4), 1);
        assert_true(n4[0].status & REC_NHS_R);
        free(n4);
        nhrp_free(w6.e[0]);
        nhrp_free(w6.e[1]);
        return;
    }
    n = nhrp_snap_cache6(w6.e[0], now, NHRP_TUN_ANY, &r);
    assert_int_equal(n, 1);
    assert_addr(&r[0].nbma, "2001:DB8:FF::2");
    free(r);
    n = nhrp_snap_nhs6(w6.e[1], now, NHRP_TUN_ANY, &nhs);
    assert_int_equal(n, 1);
    assert_true(nhs[0].status & REC_NHS_R);
    free(nhs);
    /* an IPv4-NBMA packet on this tunnel is of the wrong NBMA family */
    {
        struct s6_pkt smp[S6_MAX];
        struct inet_addr v4 = inet_addr_v4(N_A);
        struct rec_nhrp6_cache *r2;

        s6_build(INET_AF_V4, smp);
        nhrp_recv_af(w6.e[0], now, 0, &v4, smp[0].data, smp[0].len);
        assert_int_equal(w6.nq, 0);
        n = nhrp_snap_cache6(w6.e[0], now, NHRP_TUN_ANY, &r2);
        assert_int_equal(n, 1); /* still only the IPv6-NBMA spoke */
        free(r2);
    }
    nhrp_free(w6.e[0]);
    nhrp_free(w6.e[1]);
}

static void
t_ipv6_nbma(void **state)
{
    over_ipv6_nbma(true);
}

static void
t_ipv4_over_ipv6_nbma(void **state)
{
    over_ipv6_nbma(false);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(t_registration_dual_stack, setup, teardown),
        cmocka_unit_test_setup_teardown(t_authentication, setup, teardown),
        cmocka_unit_test_setup_teardown(t_phase2_resolution, setup, teardown),
        cmocka_unit_test_setup_teardown(t_phase3_redirect_shortcut, setup, teardown),
        cmocka_unit_test_setup_teardown(t_purge, setup, teardown),
        cmocka_unit_test_setup_teardown(t_nat, setup, teardown),
        cmocka_unit_test(t_ipv6_nbma),
        cmocka_unit_test(t_ipv4_over_ipv6_nbma),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
