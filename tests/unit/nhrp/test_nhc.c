/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * NHC (spoke) scenarios: registration with several NHS, retransmission
 * back-off, NHS failover and fallback, phase 2 resolution, phase 3 redirect
 * to shortcut (RIB and next-hop override), shortcut refresh and expiry,
 * purge received, IPsec coupling, static and multicast maps, dynamic NHS,
 * reconfiguration.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "fake.h"
#include "lib/log.h"
#include "lib/rec_nhrp_stats.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HUB   A(10, 0, 0, 1)
#define SA_   A(10, 0, 0, 2)
#define SB    A(10, 0, 0, 3)
#define N_HUB A(203, 0, 113, 1)
#define N_H2  A(203, 0, 113, 2)
#define N_A   A(198, 51, 100, 2)
#define N_B   A(198, 51, 100, 3)
#define LAN_A A(192, 168, 2, 0)
#define LAN_B A(192, 168, 3, 0)
#define SEC   1000

static uint8_t ip_a_to_b[40];

static struct fnet net;
static struct fnode *hub, *a, *b;
static struct nhrp_if_config hc, ac, bc;

static int
setup(void **state)
{
    log_set_level(LOG_LVL_ERR);
    fnet_init(&net);
    hub = fnet_add(&net, N_HUB);
    a = fnet_add(&net, N_A);
    b = fnet_add(&net, N_B);
    fcfg_hub(&hc, 0, HUB, N_HUB);
    fcfg_spoke(&ac, 0, SA_, N_A, HUB, N_HUB);
    fcfg_spoke(&bc, 0, SB, N_B, HUB, N_HUB);
    /* the hub routes each LAN to its spoke; each spoke owns its LAN */
    fnode_route(hub, LAN_A, 24, NHRP_ROUTE_TUNNEL, 0, SA_);
    fnode_route(hub, LAN_B, 24, NHRP_ROUTE_TUNNEL, 0, SB);
    fnode_route(a, LAN_A, 24, NHRP_ROUTE_OFF_NBMA, 0, 0);
    fnode_route(a, LAN_B, 24, NHRP_ROUTE_TUNNEL, 0, HUB);
    fnode_route(b, LAN_B, 24, NHRP_ROUTE_OFF_NBMA, 0, 0);
    fnode_route(b, LAN_A, 24, NHRP_ROUTE_TUNNEL, 0, HUB);
    return 0;
}

static int
teardown(void **state)
{
    fnet_fini(&net);
    return 0;
}

static void
decode(const struct fpkt *f, struct nhrp_pkt *p)
{
    assert_non_null(f);
    assert_int_equal(nhrp_decode(f->data, f->len, p, NULL), NHRP_DEC_OK);
}

static void
up3(void)
{
    fnode_config(hub, &hc, 1);
    fnode_config(a, &ac, 1);
    fnode_config(b, &bc, 1);
    fnet_pump(&net);
}

static void
t_register_every_nhs(void **state)
{
    struct fnode *h2 = fnet_add(&net, N_H2);
    struct nhrp_if_config h2c;
    struct rec_nhrp_nhs n1, n2;
    struct rec_nhrp_cache r;

    fcfg_hub(&h2c, 0, A(10, 0, 0, 254), N_H2);
    fnode_config(hub, &hc, 1);
    fnode_config(h2, &h2c, 1);
    ac.nnhs = 2;
    ac.nhs[1].addr = A(10, 0, 0, 254);
    ac.nhs[1].nbma = N_H2;
    ac.reg_timeout = 60; /* ip nhrp registration timeout 60 */
    fnode_config(a, &ac, 1);
    fnet_pump(&net);
    assert_true(fnode_nhs(a, 0, N_HUB, &n1));
    assert_true(fnode_nhs(a, 0, N_H2, &n2));
    assert_int_equal(n1.status, REC_NHS_E | REC_NHS_R);
    assert_int_equal(n2.status, REC_NHS_E | REC_NHS_R);
    assert_int_equal(n2.addr, A(10, 0, 0, 254));
    assert_int_equal(n1.acked_request_id, n1.current_request_id);
    assert_true(fnode_entry(h2, 0, SA_, 32, NULL));
    /* each NHS is a static entry on the spoke */
    assert_true(fnode_entry(a, 0, HUB, 32, &r));
    assert_int_equal(r.type, REC_NHRP_STATIC);
    assert_int_equal(r.flags, 0);
    assert_int_equal(r.expires_ms, 0);
    fnet_advance(&net, 60 * SEC);
    assert_int_equal(fnet_count(&net, a->idx, hub->idx, NHRP_REG_REQ), 2);
    assert_int_equal(fnet_count(&net, a->idx, h2->idx, NHRP_REG_REQ), 2);
    /* the holdtime on the wire stays `ip nhrp holdtime` */
    {
        struct nhrp_pkt p;
        decode(fnet_last(&net, a->idx, NHRP_REG_REQ), &p);
        assert_int_equal(p.cie[p.cie0].holdtime, 600);
    }
    /* multicast goes to each NHS configured with `multicast` */
    assert_true(fnode_has_mcast(a, N_HUB));
}

static void
t_retry_backoff(void **state)
{
    static const int gaps[] = {1, 2, 4, 8, 16, 32, 64, 64};
    struct rec_nhrp_nhs n;
    struct nhrp_pkt p;
    uint32_t reqid = 0;
    size_t i, k = 0;
    int64_t prev = 0;

    hub->blackhole = true;
    fnode_config(hub, &hc, 1);
    fnode_config(a, &ac, 1);
    fnet_advance(&net, 200 * SEC);
    for (i = 0; i < net.nlog; i++) {
        if (net.log[i].from != a->idx || net.log[i].data[17] != NHRP_REG_REQ)
            continue;
        decode(&net.log[i], &p);
        if (k == 0)
            reqid = p.reqid;
        assert_int_equal(p.reqid, reqid); /* RFC 2332 5.2.0.1: same ID */
        if (k > 0 && k <= 8)
            assert_int_equal(net.log[i].at - prev, gaps[k - 1] * SEC);
        prev = net.log[i].at;
        k++;
    }
    assert_true(k >= 9);
    assert_true(fnode_nhs(a, 0, N_HUB, &n));
    assert_int_equal(n.status, REC_NHS_E);
    assert_int_equal(n.req_sent, k);
    assert_int_equal(n.req_failed, 1);
    assert_int_equal(n.repl_recv, 0);
    assert_int_equal(n.pending_request_id, reqid);
    assert_int_equal(n.last_reply_ms, 0);
    /* the hub comes back: the next retransmission succeeds */
    hub->blackhole = false;
    fnet_advance(&net, 64 * SEC);
    assert_true(fnode_nhs(a, 0, N_HUB, &n));
    assert_int_equal(n.status, REC_NHS_E | REC_NHS_R);
    assert_int_equal(n.repl_recv, 1);
    assert_int_equal(n.pending_request_id, 0);
    assert_true(fnode_entry(hub, 0, SA_, 32, NULL));
}

static void
t_nhs_failover_and_fallback(void **state)
{
    struct fnode *h2 = fnet_add(&net, N_H2);
    struct nhrp_if_config h2c;
    struct rec_nhrp_nhs n1, n2;
    struct nhrp_pkt p;

    fcfg_hub(&h2c, 0, A(10, 0, 0, 254), N_H2);
    fnode_config(hub, &hc, 1);
    fnode_config(h2, &h2c, 1);
    ac.nnhs = 2;
    ac.nhs[0].priority = 1;
    ac.nhs[1].addr = A(10, 0, 0, 254);
    ac.nhs[1].nbma = N_H2;
    ac.nhs[1].priority = 2;
    ac.nhs_max_conn = 1;
    ac.nhs_fallback = 30;
    fnode_config(a, &ac, 1);
    fnet_pump(&net);
    assert_true(fnode_nhs(a, 0, N_HUB, &n1));
    assert_true(fnode_nhs(a, 0, N_H2, &n2));
    assert_int_equal(n1.status, REC_NHS_E | REC_NHS_R);
    assert_int_equal(n2.status, REC_NHS_W);
    assert_int_equal(fnet_count(&net, a->idx, h2->idx, NHRP_REG_REQ), 0);

    /* NHS 1 dies: after three unanswered sends, NHS 2 takes over. */
    hub->blackhole = true;
    fnet_advance(&net, 200 * SEC + 8 * SEC);
    assert_true(fnode_nhs(a, 0, N_HUB, &n1));
    assert_true(fnode_nhs(a, 0, N_H2, &n2));
    assert_int_equal(n1.status, REC_NHS_E);
    assert_int_equal(n2.status, REC_NHS_E | REC_NHS_R);
    assert_true(fnode_entry(h2, 0, SA_, 32, NULL));
    /* resolution requests now go to the responding NHS */
    nhrp_trigger_resolve(a->e, net.now, 0, SB);
    decode(fnet_last(&net, a->idx, NHRP_RES_REQ), &p);
    assert_int_equal(net.log[net.nlog - 1].dst_nbma, N_H2);

    /* NHS 1 returns; NHS 2 is let go after the 30 s fallback. */
    hub->blackhole = false;
    fnet_advance(&net, 8 * SEC); /* its next retransmission, at 215 s */
    assert_true(fnode_nhs(a, 0, N_HUB, &n1));
    assert_int_equal(n1.status, REC_NHS_E | REC_NHS_R);
    assert_true(fnode_nhs(a, 0, N_H2, &n2));
    assert_int_equal(n2.status, REC_NHS_E | REC_NHS_R);
    fnet_advance(&net, 28 * SEC);
    assert_true(fnode_nhs(a, 0, N_H2, &n2));
    assert_int_equal(n2.status, REC_NHS_E | REC_NHS_R);
    fnet_advance(&net, 2 * SEC);
    assert_true(fnode_nhs(a, 0, N_H2, &n2));
    assert_int_equal(n2.status, REC_NHS_W);
    assert_true(fnode_nhs(a, 0, N_HUB, &n1));
    assert_int_equal(n1.status, REC_NHS_E | REC_NHS_R);
}

static void
t_phase2_resolution(void **state)
{
    struct rec_nhrp_cache r;
    struct rec_dmvpn_peer *peers;
    struct rec_nhrp_traffic t;
    struct nhrp_pkt p;
    uint32_t nbma;
    size_t n;

    up3();
    /* A's route to some network goes via B's tunnel address, unmapped. */
    nhrp_trigger_resolve(a->e, net.now, 0, SB);
    assert_true(fnode_entry(a, 0, SB, 32, &r));
    assert_int_equal(r.type, REC_NHRP_INCOMPLETE);
    assert_int_equal(r.flags, REC_NF_NEGATIVE);
    assert_int_equal(r.nbma, 0);
    decode(fnet_last(&net, a->idx, NHRP_RES_REQ), &p);
    assert_int_equal(p.flags, NHRP_F_RES_Q | NHRP_F_RES_A | NHRP_F_RES_S | NHRP_F_CISCO_NAT);
    assert_int_equal(p.dst_proto.u.v4, SB);
    assert_int_equal(p.hops, 255);
    nhrp_trigger_resolve(a->e, net.now, 0, SB); /* while incomplete: a cache hit */
    assert_true(fnode_entry(a, 0, SB, 32, &r));
    assert_int_equal(r.cache_hits, 1);
    assert_int_equal(fnet_count(&net, a->idx, -1, NHRP_RES_REQ), 1);
    fnet_pump(&net);

    /* The hub forwarded it to B, B answered A directly. */
    assert_int_equal(fnet_count(&net, hub->idx, b->idx, NHRP_RES_REQ), 1);
    assert_int_equal(fnet_count(&net, b->idx, a->idx, NHRP_RES_REPLY), 1);
    decode(fnet_last(&net, b->idx, NHRP_RES_REPLY), &p);
    assert_int_equal(p.flags, 0xf802); /* router auth dst-stable unique src-stable nat */
    assert_int_equal(p.cie[p.cie0].plen, 32);
    assert_int_equal(p.cie[p.cie0].nbma.u.v4, N_B);
    assert_int_equal(p.cie[p.cie0].proto.u.v4, SB);
    assert_int_equal(nhrp_ext_cie(&p, nhrp_find_ext(&p, NHRP_EXT_RESPONDER), 0)->proto.u.v4, SB);
    assert_int_equal(nhrp_find_ext(&p, NHRP_EXT_FWD_TRANSIT)->ncie, 1); /* the hub */

    assert_true(fnode_entry(a, 0, SB, 32, &r));
    assert_int_equal(r.type, REC_NHRP_DYNAMIC);
    assert_int_equal(r.flags, REC_NF_ROUTER | REC_NF_USED | REC_NF_NHOP);
    assert_int_equal(r.nbma, N_B);
    assert_int_equal(r.expires_ms, net.now + 600 * SEC);
    assert_true(fnode_mapped(a, SB, &nbma));
    assert_int_equal(nbma, N_B);

    /* B shows the answer as a local entry with the requester. */
    assert_true(fnode_entry(b, 0, SB, 32, &r));
    assert_int_equal(r.flags, REC_NF_ROUTER | REC_NF_UNIQUE | REC_NF_LOCAL | REC_NF_NOSOCKET);
    assert_int_equal(r.requester, SA_);
    assert_int_equal(r.nbma, N_B);
    assert_true(fnode_mapped(b, SA_, &nbma)); /* and can send straight back */
    assert_int_equal(nbma, N_A);

    fnode_traffic(hub, 0, &t);
    assert_int_equal(t.mib[REC_MIB_S_FW_RESOLVE_REQ], 1);
    assert_int_equal(t.sent[REC_CTR_RES_REQ], 1);
    fnode_traffic(a, 0, &t);
    assert_int_equal(t.mib[REC_MIB_C_TX_RESOLVE_REQ], 1);
    assert_int_equal(t.mib[REC_MIB_C_RX_RESOLVE_REPLY_ACK], 1);
    {
        /* show ip nhrp stats: the tunnel came up once, mapped the hub
         * (static NHS) then B; packets received as show ip nhrp traffic */
        struct rec_nhrp_stats *st;

        assert_int_equal(nhrp_snap_stats(a->e, net.now, 0, &st), 1);
        assert_int_equal(st[0].count[REC_NEV_IF_UP], 1);
        assert_int_equal(st[0].count[REC_NEV_IF_DOWN], 0);
        assert_int_equal(st[0].count[REC_NEV_EP_ADD], 2);
        assert_int_equal(st[0].count[REC_NEV_EP_DEL], 0);
        assert_int_equal(st[0].count[REC_NEV_IF_PKTS_RCVD], t.rcvd_total);
        assert_true(t.rcvd_total > 0);
        free(st);
    }

    n = nhrp_snap_peers(a->e, net.now, 0, &peers);
    assert_int_equal(n, 2);
    assert_int_equal(peers[0].nbma, N_B); /* sorted by NBMA address */
    assert_int_equal(peers[0].attrs, REC_PA_D);
    assert_int_equal(peers[0].state, REC_PEER_UP);
    assert_int_equal(peers[1].nbma, N_HUB);
    assert_int_equal(peers[1].attrs, REC_PA_S);
    free(peers);
}

static void
t_negative_cache(void **state)
{
    struct rec_nhrp_cache r;
    struct rec_nhrp_traffic t;
    const uint32_t X = A(10, 0, 0, 77);

    up3();
    nhrp_trigger_resolve(a->e, net.now, 0, X);
    fnet_pump(&net);
    /* The hub knows no binding (code 12): A keeps a negative entry. */
    fnode_traffic(a, 0, &t);
    assert_int_equal(t.mib[REC_MIB_C_RX_RESOLVE_REPLY_NAK_NO_BIND], 1);
    assert_true(fnode_entry(a, 0, X, 32, &r));
    assert_int_equal(r.type, REC_NHRP_INCOMPLETE);
    assert_int_equal(r.flags, REC_NF_NEGATIVE);
    assert_true(r.expires_ms <= net.now + 180 * SEC);
    assert_false(fnode_mapped(a, X, NULL));
    nhrp_trigger_resolve(a->e, net.now, 0, X);
    nhrp_trigger_resolve(a->e, net.now, 0, X);
    assert_true(fnode_entry(a, 0, X, 32, &r));
    assert_int_equal(r.cache_hits, 2);
    assert_int_equal(fnet_count(&net, a->idx, -1, NHRP_RES_REQ), 1);
    /* once it times out, traffic may ask again */
    fnet_advance(&net, 181 * SEC);
    assert_false(fnode_entry(a, 0, X, 32, NULL));
    nhrp_trigger_resolve(a->e, net.now, 0, X);
    assert_int_equal(fnet_count(&net, a->idx, -1, NHRP_RES_REQ), 2);
}

static void
t_traffic_indication_hop_zero(void **state)
{
    struct rec_nhrp_traffic t;
    uint8_t buf[256];
    struct nhrp_wbuf w;
    size_t n;

    up3();
    nhrp_w_init(&w, buf, sizeof(buf));
    nhrp_w_header(&w, NHRP_TRAFFIC_IND, 0, 0, 0, N_HUB, HUB, A(192, 168, 2, 10));
    nhrp_w_bytes(&w, ip_a_to_b, 28);
    n = nhrp_w_finish(&w);
    fnet_inject(a, 0, N_HUB, buf, n);
    /* IOS: "Packet Recved with 0 Hop counts", dropped */
    fnode_traffic(a, 0, &t);
    assert_int_equal(t.drops[REC_DROP_HOPCOUNT], 1);
    assert_int_equal(t.rcvd[REC_CTR_TRAFFIC_IND], 0);
    assert_int_equal(fnet_count(&net, a->idx, -1, NHRP_RES_REQ), 0);
}

static uint8_t ip_a_to_b[40] = {0x45, 0, 0,   40,  0, 1,  0,   0,   63, 6,
                                0,    0, 192, 168, 2, 10, 192, 168, 3,  10};

static void
phase3(enum nhrp_route_result rr)
{
    a->route_result = rr;
    up3();
    nhrp_trigger_hairpin(hub->e, net.now, 0, N_A, 0, ip_a_to_b, sizeof(ip_a_to_b));
    fnet_pump(&net);
}

static void
t_phase3_redirect_shortcut(void **state)
{
    struct rec_nhrp_cache r;
    struct rec_nhrp_traffic t;
    struct rec_dmvpn_peer *peers;
    struct nhrp_pkt p;
    uint32_t via, nbma;
    size_t n, i;

    phase3(NHRP_RT_RIB);
    /* The hub's traffic indication, as IOS builds it. */
    decode(fnet_last(&net, hub->idx, NHRP_TRAFFIC_IND), &p);
    assert_int_equal(p.hops, 255);
    assert_int_equal(p.traffic_code, 0);
    assert_int_equal(p.src_nbma.u.v4, N_HUB);
    assert_int_equal(p.src_proto.u.v4, HUB);
    assert_int_equal(p.dst_proto.u.v4, A(192, 168, 2, 10)); /* the data's source */
    assert_int_equal(p.payload_len, 28);
    assert_memory_equal(p.raw + p.payload_off, ip_a_to_b, 28);
    assert_int_equal(fnet_count(&net, hub->idx, a->idx, NHRP_TRAFFIC_IND), 1);

    /* A resolved the destination; the hub forwarded along its route to
     * B; B answered with its LAN prefix. */
    decode(fnet_last(&net, a->idx, NHRP_RES_REQ), &p);
    assert_int_equal(p.dst_proto.u.v4, A(192, 168, 3, 10));
    assert_int_equal(fnet_count(&net, hub->idx, b->idx, NHRP_RES_REQ), 1);
    decode(fnet_last(&net, b->idx, NHRP_RES_REPLY), &p);
    assert_int_equal(p.cie[p.cie0].plen, 24);
    assert_int_equal(p.cie[p.cie0].proto.u.v4, SB);

    /* A: an NHRP route for B's LAN via B's tunnel address, and B's
     * address as a mapped next hop. */
    assert_true(fnode_has_route(a, LAN_B, 24, &via));
    assert_int_equal(via, SB);
    assert_true(fnode_entry(a, 0, LAN_B, 24, &r));
    assert_int_equal(r.flags, REC_NF_ROUTER | REC_NF_RIB | REC_NF_USED);
    assert_int_equal(r.via, SB);
    assert_int_equal(r.nbma, N_B);
    assert_true(fnode_entry(a, 0, SB, 32, &r));
    assert_int_equal(r.flags, REC_NF_ROUTER | REC_NF_NHOP);
    assert_true(fnode_mapped(a, SB, &nbma));
    assert_int_equal(nbma, N_B);
    assert_false(fnode_entry(a, 0, A(192, 168, 3, 10), 32, NULL)); /* incomplete gone */
    /* B: its LAN as a local entry, A's address learnt from the request */
    assert_true(fnode_entry(b, 0, LAN_B, 24, &r));
    assert_int_equal(r.flags, REC_NF_ROUTER | REC_NF_UNIQUE | REC_NF_LOCAL | REC_NF_NOSOCKET);
    assert_int_equal(r.via, SB);
    assert_true(fnode_mapped(b, SA_, NULL));

    n = nhrp_snap_peers(a->e, net.now, 0, &peers);
    for (i = 0; i < n; i++)
        if (peers[i].target == LAN_B)
            assert_int_equal(peers[i].attrs, REC_PA_D | REC_PA_T1);
    free(peers);

    /* Redirects for the same flow are rate-limited (2 s by default). */
    nhrp_trigger_hairpin(hub->e, net.now, 0, N_A, 0, ip_a_to_b, sizeof(ip_a_to_b));
    fnode_traffic(hub, 0, &t);
    assert_int_equal(t.sent[REC_CTR_TRAFFIC_IND], 1);
    assert_int_equal(t.sent[REC_CTR_REDIRECT_SUPPRESS], 1);
    fnet_advance(&net, 3 * SEC);
    nhrp_trigger_hairpin(hub->e, net.now, 0, N_A, 0, ip_a_to_b, sizeof(ip_a_to_b));
    fnet_pump(&net);
    fnode_traffic(hub, 0, &t);
    assert_int_equal(t.sent[REC_CTR_TRAFFIC_IND], 2);
    /* A already has the shortcut: no second resolution */
    assert_int_equal(fnet_count(&net, a->idx, -1, NHRP_RES_REQ), 1);
    fnode_traffic(a, 0, &t);
    assert_int_equal(t.rcvd[REC_CTR_TRAFFIC_IND], 2);
}

static void
t_phase3_next_hop_override(void **state)
{
    struct rec_nhrp_cache r;
    struct rec_dmvpn_peer *peers;
    size_t n, i, found = 0;

    phase3(NHRP_RT_NHO);
    assert_true(fnode_entry(a, 0, LAN_B, 24, &r));
    assert_int_equal(r.flags, REC_NF_ROUTER | REC_NF_RIB | REC_NF_NHO | REC_NF_USED);
    n = nhrp_snap_peers(a->e, net.now, 0, &peers);
    for (i = 0; i < n; i++)
        if (peers[i].target == LAN_B) {
            assert_int_equal(peers[i].attrs, REC_PA_D | REC_PA_T2);
            found++;
        }
    assert_int_equal(found, 1);
    free(peers);
    {
        /* show ip nhrp stats counts the override as "Add NHO", not a route;
         * clear ip nhrp takes it back as "Del NHO" */
        struct rec_nhrp_stats *st;

        assert_int_equal(nhrp_snap_stats(a->e, net.now, 0, &st), 1);
        assert_int_equal(st[0].count[REC_NEV_RIB_ADD_NHO], 1);
        assert_int_equal(st[0].count[REC_NEV_RIB_ADD_ROUTE], 0);
        free(st);
        nhrp_clear(a->e, net.now, NHRP_TUN_ANY, 0, 0);
        assert_int_equal(nhrp_snap_stats(a->e, net.now, 0, &st), 1);
        assert_int_equal(st[0].count[REC_NEV_RIB_DEL_NHO], 1);
        assert_int_equal(st[0].count[REC_NEV_RIB_DEL_ROUTE], 0);
        assert_true(st[0].count[REC_NEV_EP_DEL] >= 1); /* B's mapping */
        free(st);
    }
}

static void
t_no_shortcut_ignores_indication(void **state)
{
    ac.shortcut = false;
    phase3(NHRP_RT_RIB);
    assert_int_equal(fnet_count(&net, hub->idx, a->idx, NHRP_TRAFFIC_IND), 1);
    assert_int_equal(fnet_count(&net, a->idx, -1, NHRP_RES_REQ), 0);
    /* and a hub without `ip nhrp redirect` sends none */
    hc.redirect = false;
    fnode_config(hub, &hc, 1);
    nhrp_trigger_hairpin(hub->e, net.now + 5000, 0, N_A, 0, ip_a_to_b, sizeof(ip_a_to_b));
    assert_int_equal(fnet_count(&net, hub->idx, a->idx, NHRP_TRAFFIC_IND), 1);
}

static void
t_shortcut_refresh_and_expiry(void **state)
{
    struct rec_nhrp_cache r, h;
    int64_t t0;

    phase3(NHRP_RT_RIB);
    t0 = net.now;
    /* Used: refreshed 2 minutes before it runs out, keeping its age. */
    fnet_advance(&net, 480 * SEC - 1);
    assert_int_equal(fnet_count(&net, a->idx, -1, NHRP_RES_REQ), 1);
    fnet_advance(&net, 1);
    assert_int_equal(fnet_count(&net, a->idx, -1, NHRP_RES_REQ), 2);
    assert_true(fnode_entry(a, 0, LAN_B, 24, &r));
    assert_int_equal(r.created_ms, t0);
    assert_int_equal(r.expires_ms, t0 + 1080 * SEC);
    assert_true(fnode_entry(a, 0, SB, 32, &h));
    assert_int_equal(h.expires_ms, t0 + 1080 * SEC);
    assert_true(fnode_has_route(a, LAN_B, 24, NULL));

    /* Not used since: it is not refreshed again and expires. */
    fnet_advance(&net, 600 * SEC - 1);
    assert_int_equal(fnet_count(&net, a->idx, -1, NHRP_RES_REQ), 2);
    assert_true(fnode_entry(a, 0, LAN_B, 24, NULL));
    fnet_advance(&net, 2);
    assert_false(fnode_entry(a, 0, LAN_B, 24, NULL));
    assert_false(fnode_has_route(a, LAN_B, 24, NULL));
    assert_false(fnode_entry(a, 0, SB, 32, NULL));
    assert_false(fnode_mapped(a, SB, NULL));

    /* Used traffic keeps a refreshed entry alive. */
    nhrp_trigger_hairpin(hub->e, net.now, 0, N_A, 0, ip_a_to_b, sizeof(ip_a_to_b));
    fnet_pump(&net);
    assert_true(fnode_entry(a, 0, LAN_B, 24, NULL));
    fnet_advance(&net, 480 * SEC); /* refresh #1 (flagged at creation) */
    nhrp_trigger_used(a->e, net.now, 0, SB, A(192, 168, 3, 77));
    fnet_advance(&net, 480 * SEC); /* refresh #2 because of that use */
    fnet_advance(&net, 130 * SEC); /* past where it would have expired */
    assert_true(fnode_entry(a, 0, LAN_B, 24, NULL));
    assert_true(fnode_has_route(a, LAN_B, 24, NULL));
    assert_int_equal(fnet_count(&net, a->idx, -1, NHRP_RES_REQ), 5);
}

static void
t_purge_received(void **state)
{
    phase3(NHRP_RT_RIB);
    assert_true(fnode_has_route(a, LAN_B, 24, NULL));
    /* B withdraws its LAN (clear ip nhrp on B): A is told to forget. */
    nhrp_clear(b->e, net.now, 0, LAN_B, 24);
    fnet_pump(&net);
    assert_int_equal(fnet_count(&net, b->idx, a->idx, NHRP_PURGE_REQ), 1);
    assert_int_equal(fnet_count(&net, a->idx, b->idx, NHRP_PURGE_REPLY), 1);
    assert_false(fnode_has_route(a, LAN_B, 24, NULL));
    assert_false(fnode_entry(a, 0, LAN_B, 24, NULL));
    fnet_advance(&net, 10 * SEC);
    assert_int_equal(fnet_count(&net, b->idx, a->idx, NHRP_PURGE_REQ), 1);
}

static void
t_ipsec_coupling(void **state)
{
    struct rec_dmvpn_peer *peers;
    struct rec_nhrp_nhs nhs;
    size_t n, i;

    hc.protection = ac.protection = bc.protection = true;
    fnode_config(hub, &hc, 1);
    fnode_config(a, &ac, 1);
    fnet_pump(&net);
    /* The registration waits for the SA to the hub. */
    assert_int_equal(fnet_count(&net, a->idx, -1, NHRP_REG_REQ), 0);
    assert_int_equal(a->nprotect, 1);
    assert_int_equal(a->protect[0], N_HUB);
    assert_true(fnode_nhs(a, 0, N_HUB, &nhs));
    assert_true(nhs.protect_requested);
    n = nhrp_snap_peers(a->e, net.now, 0, &peers);
    assert_int_equal(n, 1);
    /* No SA yet: IKE, as IOS shows a protected peer before its IKE SA. */
    assert_int_equal(peers[0].state, REC_PEER_IKE);
    free(peers);
    nhrp_sa_event(a->e, net.now, 0, N_HUB, NHRP_SA_IKE);
    nhrp_sa_event(a->e, net.now, 0, N_HUB, NHRP_SA_IPSEC);
    n = nhrp_snap_peers(a->e, net.now, 0, &peers);
    assert_int_equal(peers[0].state, REC_PEER_IPSEC);
    free(peers);
    nhrp_sa_event(a->e, net.now, 0, N_HUB, NHRP_SA_UP);
    /* SAs up, registration not answered yet: NHRP. */
    n = nhrp_snap_peers(a->e, net.now, 0, &peers);
    assert_int_equal(peers[0].state, REC_PEER_NHRP);
    free(peers);
    fnet_pump(&net);
    assert_int_equal(fnet_count(&net, a->idx, -1, NHRP_REG_REQ), 1);
    /* The request proves only A's outbound SA: the hub's charon may not
     * have installed the hub's outbound SA and policy yet, so the reply
     * waits for the hub's own SA report (it asks for the SA). */
    assert_int_equal(fnet_count(&net, hub->idx, a->idx, NHRP_REG_REPLY), 0);
    assert_int_equal(hub->nprotect, 1);
    assert_int_equal(hub->protect[0], N_A);
    nhrp_sa_event(hub->e, net.now, NHRP_TUN_ANY, N_A, NHRP_SA_UP);
    fnet_pump(&net);
    assert_int_equal(fnet_count(&net, hub->idx, a->idx, NHRP_REG_REPLY), 1);
    n = nhrp_snap_peers(a->e, net.now, 0, &peers);
    assert_int_equal(peers[0].state, REC_PEER_UP);
    free(peers);

    hub->auto_sa = a->auto_sa = b->auto_sa = true;
    fnode_config(b, &bc, 1);
    fnet_pump(&net);
    b->auto_sa = false;
    a->nprotect = b->nprotect = 0;
    /* Phase 2: B's reply to A waits for the spoke-to-spoke SA. */
    nhrp_trigger_resolve(a->e, net.now, 0, SB);
    fnet_pump(&net);
    assert_int_equal(fnet_count(&net, hub->idx, b->idx, NHRP_RES_REQ), 1);
    assert_int_equal(fnet_count(&net, b->idx, a->idx, NHRP_RES_REPLY), 0);
    assert_int_equal(b->nprotect, 1);
    assert_int_equal(b->protect[0], N_A);
    nhrp_sa_event(b->e, net.now, NHRP_TUN_ANY, N_A, NHRP_SA_UP);
    fnet_pump(&net);
    assert_int_equal(fnet_count(&net, b->idx, a->idx, NHRP_RES_REPLY), 1);
    assert_true(fnode_entry(a, 0, SB, 32, NULL));

    /* SA to the hub lost: A registers again, asking for a new SA. */
    a->auto_sa = false;
    a->nprotect = 0;
    n = fnet_count(&net, a->idx, hub->idx, NHRP_REG_REQ);
    nhrp_sa_event(a->e, net.now, 0, N_HUB, NHRP_SA_DOWN);
    fnet_pump(&net);
    assert_int_equal(fnet_count(&net, a->idx, hub->idx, NHRP_REG_REQ), n);
    assert_int_equal(a->nprotect, 1);
    assert_int_equal(a->protect[0], N_HUB);
    nhrp_sa_event(a->e, net.now, 0, N_HUB, NHRP_SA_UP);
    fnet_pump(&net);
    assert_int_equal(fnet_count(&net, a->idx, hub->idx, NHRP_REG_REQ), n + 1);

    /* The spoke-to-spoke peer is released when its entry goes. */
    nhrp_clear(a->e, net.now, 0, SB, 32);
    for (i = 0; i < a->nreleased && a->released[i] != N_B; i++)
        ;
    assert_true(i < a->nreleased);
}

static void
t_ipsec_s2s_requested(void **state)
{
    size_t i;

    /* When the answer comes from the hub's cache, nothing proves an SA to
     * B yet: A asks for one as soon as it learns the direct path. */
    hc.protection = ac.protection = bc.protection = true;
    hc.answer_from_cache = true;
    hub->auto_sa = a->auto_sa = b->auto_sa = true;
    up3();
    a->auto_sa = false;
    a->nprotect = 0;
    nhrp_trigger_resolve(a->e, net.now, 0, SB);
    fnet_pump(&net);
    assert_int_equal(fnet_count(&net, hub->idx, a->idx, NHRP_RES_REPLY), 1);
    assert_true(fnode_entry(a, 0, SB, 32, NULL));
    for (i = 0; i < a->nprotect && a->protect[i] != N_B; i++)
        ;
    assert_true(i < a->nprotect);
}

static void
t_static_and_multicast_maps(void **state)
{
    struct nhrp_map_config m[2] = {{A(10, 0, 0, 9), 32, A(192, 0, 2, 9)},
                                   {A(10, 0, 0, 10), 32, A(192, 0, 2, 10)}};
    uint32_t mc[1] = {A(192, 0, 2, 9)};
    struct rec_nhrp_cache r;

    ac.maps = m;
    ac.nmaps = 2;
    ac.mcast = mc;
    ac.nmcast = 1;
    fnode_config(a, &ac, 1);
    assert_true(fnode_entry(a, 0, A(10, 0, 0, 9), 32, &r));
    assert_int_equal(r.type, REC_NHRP_STATIC);
    assert_int_equal(r.flags, 0); /* "Flags:" empty until used */
    assert_int_equal(r.expires_ms, 0);
    assert_true(fnode_mapped(a, A(10, 0, 0, 9), NULL));
    assert_true(fnode_has_mcast(a, A(192, 0, 2, 9)));
    assert_true(fnode_has_mcast(a, N_HUB));
    nhrp_trigger_used(a->e, net.now, 0, A(10, 0, 0, 9), A(10, 0, 0, 9));
    assert_true(fnode_entry(a, 0, A(10, 0, 0, 9), 32, &r));
    assert_int_equal(r.flags, REC_NF_USED);
    /* remove one map and the multicast map */
    ac.nmaps = 1;
    ac.nmcast = 0;
    m[0] = m[1];
    fnode_config(a, &ac, 1);
    assert_false(fnode_entry(a, 0, A(10, 0, 0, 9), 32, NULL));
    assert_false(fnode_mapped(a, A(10, 0, 0, 9), NULL));
    assert_true(fnode_entry(a, 0, A(10, 0, 0, 10), 32, NULL));
    assert_false(fnode_has_mcast(a, A(192, 0, 2, 9)));
    assert_true(fnode_has_mcast(a, N_HUB));
}

static void
t_dynamic_nhs(void **state)
{
    struct rec_nhrp_nhs n;
    struct nhrp_pkt p;

    ac.nhs[0].addr = 0;
    ac.nhs[0].dynamic = true;
    fnode_config(hub, &hc, 1);
    fnode_config(a, &ac, 1);
    decode(fnet_last(&net, a->idx, NHRP_REG_REQ), &p);
    assert_int_equal(p.dst_proto.u.v4, SA_); /* RFC 2332 5.2.3: NHS unknown */
    fnet_pump(&net);
    assert_true(fnode_nhs(a, 0, N_HUB, &n));
    assert_int_equal(n.addr, HUB);
    assert_int_equal(n.status, REC_NHS_E | REC_NHS_R | REC_NHS_D);
    assert_true(fnode_entry(a, 0, HUB, 32, NULL));
    fnet_advance(&net, 200 * SEC);
    decode(fnet_last(&net, a->idx, NHRP_REG_REQ), &p);
    assert_int_equal(p.dst_proto.u.v4, HUB);
}

static void
t_reconfigure(void **state)
{
    size_t n;

    up3();
    nhrp_trigger_resolve(a->e, net.now, 0, SB);
    fnet_pump(&net);
    assert_true(fnode_entry(a, 0, SB, 32, NULL));
    n = fnet_count(&net, a->idx, hub->idx, NHRP_REG_REQ);
    /* The same slice again changes nothing. */
    fnode_config(a, &ac, 1);
    fnet_pump(&net);
    assert_int_equal(fnet_count(&net, a->idx, hub->idx, NHRP_REG_REQ), n);
    /* A new holdtime re-registers; learnt entries stay. */
    ac.holdtime = 300;
    fnode_config(a, &ac, 1);
    fnet_pump(&net);
    assert_int_equal(fnet_count(&net, a->idx, hub->idx, NHRP_REG_REQ), n + 1);
    assert_true(fnode_entry(a, 0, SB, 32, NULL));
    /* A new tunnel address starts over under the new identity. */
    ac.addr = A(10, 0, 0, 12);
    fnode_config(a, &ac, 1);
    fnet_pump(&net);
    assert_false(fnode_entry(a, 0, SB, 32, NULL));
    assert_true(fnode_entry(hub, 0, A(10, 0, 0, 12), 32, NULL));
    /* Shut down: everything the engine told the data plane is undone. */
    ac.up = false;
    fnode_config(a, &ac, 1);
    assert_int_equal(a->nmaps, 0);
    assert_int_equal(a->nmcast, 0);
    assert_int_equal(fnode_entries(a, 0), 0);
    ac.up = true;
    fnode_config(a, &ac, 1);
    assert_true(a->nmaps > 0);
    /* The tunnel removed altogether. */
    fnode_config(a, NULL, 0);
    assert_int_equal(a->nmaps, 0);
    assert_int_equal(a->nmcast, 0);
    assert_int_equal(nhrp_next_deadline(a->e), NHRP_NEVER);
    assert_int_equal(nhrp_cache_count(a->e), 0);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(t_register_every_nhs, setup, teardown),
        cmocka_unit_test_setup_teardown(t_retry_backoff, setup, teardown),
        cmocka_unit_test_setup_teardown(t_nhs_failover_and_fallback, setup, teardown),
        cmocka_unit_test_setup_teardown(t_phase2_resolution, setup, teardown),
        cmocka_unit_test_setup_teardown(t_negative_cache, setup, teardown),
        cmocka_unit_test_setup_teardown(t_traffic_indication_hop_zero, setup, teardown),
        cmocka_unit_test_setup_teardown(t_phase3_redirect_shortcut, setup, teardown),
        cmocka_unit_test_setup_teardown(t_phase3_next_hop_override, setup, teardown),
        cmocka_unit_test_setup_teardown(t_no_shortcut_ignores_indication, setup, teardown),
        cmocka_unit_test_setup_teardown(t_shortcut_refresh_and_expiry, setup, teardown),
        cmocka_unit_test_setup_teardown(t_purge_received, setup, teardown),
        cmocka_unit_test_setup_teardown(t_ipsec_coupling, setup, teardown),
        cmocka_unit_test_setup_teardown(t_ipsec_s2s_requested, setup, teardown),
        cmocka_unit_test_setup_teardown(t_static_and_multicast_maps, setup, teardown),
        cmocka_unit_test_setup_teardown(t_dynamic_nhs, setup, teardown),
        cmocka_unit_test_setup_teardown(t_reconfigure, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
