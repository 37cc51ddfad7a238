/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * show dmvpn [detail] golden tests: each case rebuilds, as records, the state
 * a real router was in when the capture was taken, renders it and compares
 * bytes with the capture (testdata/ios/show/show_dmvpn*, README there).
 */
#include "cli/render/render_nhrp.h"
#include "tests/unit/render/nhrp/golden.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

struct fixture {
    struct rec_tunnel tun[4];
    struct rec_dmvpn_peer peer[16];
    struct rec_nhrp_nhs nhs[4];
    struct render_dmvpn_in in;
};

static struct rec_tunnel *
tunnel(struct fixture *f, const char *ifname, uint8_t type)
{
    struct rec_tunnel *t = &f->tun[f->in.n_tunnels++];

    memset(t, 0, sizeof(*t));
    snprintf(t->ifname, sizeof(t->ifname), "%s", ifname);
    t->admin_up = t->line_up = 1;
    t->multipoint = 1;
    t->type = type;
    f->in.tunnels = f->tun;
    return t;
}

static struct rec_dmvpn_peer *
peer(struct fixture *f, const char *ifname, const char *nbma, const char *tun, uint8_t state,
     int64_t since_ms, uint16_t attrs)
{
    struct rec_dmvpn_peer *p = &f->peer[f->in.n_peers++];

    memset(p, 0, sizeof(*p));
    snprintf(p->ifname, sizeof(p->ifname), "%s", ifname);
    p->nbma = nbma ? ip(nbma) : 0;
    p->tunnel_addr = ip(tun);
    p->state = state;
    p->since_ms = since_ms;
    p->attrs = attrs;
    f->in.peers = f->peer;
    return p;
}

static struct rec_nhrp_nhs *
nhs(struct fixture *f, const char *ifname, const char *addr, uint32_t status)
{
    struct rec_nhrp_nhs *h = &f->nhs[f->in.n_nhs++];

    memset(h, 0, sizeof(*h));
    snprintf(h->ifname, sizeof(h->ifname), "%s", ifname);
    h->addr = ip(addr);
    h->status = status;
    f->in.nhs = f->nhs;
    return h;
}

static void
check(const struct golden_case *gc, struct fixture *f, bool detail)
{
    struct strbuf out;

    sb_init(&out);
    if (detail)
        render_dmvpn_detail(&out, T_NOW, &f->in);
    else
        render_dmvpn(&out, T_NOW, &f->in);
    golden_check(gc, &out);
    sb_free(&out);
}

/* IOSv 15.4-15.6 hub, two dynamic spokes, no IPsec; TAB legend without I2. */
static void
test_lab4g_hub1(void **state)
{
    struct fixture f = {.in.legend = RENDER_LEGEND_CTS};
    const struct golden_case gc = {"show_dmvpn/lab4g-hub1.txt", GOLDEN_EXACT};

    tunnel(&f, "Tunnel0", REC_TUN_HUB);
    peer(&f, "Tunnel0", "172.16.0.3", "192.168.1.3", REC_PEER_UP, T_AGO(0, 22, 5), REC_PA_D);
    peer(&f, "Tunnel0", "172.16.0.4", "192.168.1.4", REC_PEER_UP, T_AGO(0, 3, 44), REC_PA_D);
    check(&gc, &f, false);
}

static void
test_netlab_hub1(void **state)
{
    struct fixture f = {.in.legend = RENDER_LEGEND_CTS};
    const struct golden_case gc = {"show_dmvpn/netlab-iosv-hub1.txt", GOLDEN_EXACT};

    tunnel(&f, "Tunnel1", REC_TUN_HUB);
    peer(&f, "Tunnel1", "172.16.0.4", "192.168.1.4", REC_PEER_UP, T_AGO(2, 20, 27), REC_PA_D);
    peer(&f, "Tunnel1", "172.16.0.5", "192.168.1.5", REC_PEER_UP, T_AGO(2, 20, 27), REC_PA_D);
    check(&gc, &f, false);
}

/* Dual-cloud spoke: one block per tunnel; the source dropped the last blank line. */
static void
test_netlab_spoke_2tunnels(void **state)
{
    struct fixture f = {.in.legend = RENDER_LEGEND_CTS};
    const struct golden_case gc = {"show_dmvpn/netlab-iosv-spoke-2tunnels.txt", GOLDEN_RSTRIP};

    tunnel(&f, "Tunnel1", REC_TUN_SPOKE);
    tunnel(&f, "Tunnel2", REC_TUN_SPOKE);
    peer(&f, "Tunnel1", "10.0.1.2", "192.168.1.1", REC_PEER_UP, T_AGO(2, 21, 43), REC_PA_S);
    peer(&f, "Tunnel2", "10.0.1.3", "192.168.2.1", REC_PEER_UP, T_AGO(2, 21, 40), REC_PA_S);
    check(&gc, &f, false);
}

/* IOL, default legend (B - BGP, I2): phase 3 hub with three spokes. */
static void
test_jplab_hub_3spokes(void **state)
{
    struct fixture f = {0};
    const struct golden_case gc = {"show_dmvpn/jplab-hub-3spokes.txt", GOLDEN_RSTRIP};

    tunnel(&f, "Tunnel0", REC_TUN_HUB);
    peer(&f, "Tunnel0", "198.51.100.2", "172.16.0.2", REC_PEER_UP, T_AGO(0, 0, 16), REC_PA_D);
    peer(&f, "Tunnel0", "198.51.100.6", "172.16.0.3", REC_PEER_UP, T_AGO(0, 0, 15), REC_PA_D);
    peer(&f, "Tunnel0", "198.51.100.10", "172.16.0.4", REC_PEER_UP, T_AGO(0, 0, 15), REC_PA_D);
    check(&gc, &f, false);
}

/* A spoke that sent IKE but never registered: incomplete, UNKNOWN NBMA, never. */
static void
test_jplab_hub_unknown(void **state)
{
    struct fixture f = {0};
    const struct golden_case gc = {"show_dmvpn/jplab-hub-UNKNOWN-IKE-IX.txt", GOLDEN_RSTRIP};

    tunnel(&f, "Tunnel0", REC_TUN_HUB);
    peer(&f, "Tunnel0", NULL, "172.16.0.2", REC_PEER_IKE, 0, REC_PA_I | REC_PA_X);
    peer(&f, "Tunnel0", "198.51.100.6", "172.16.0.3", REC_PEER_UP, T_AGO(0, 1, 15), REC_PA_D);
    peer(&f, "Tunnel0", "198.51.100.10", "172.16.0.4", REC_PEER_UP, T_AGO(0, 1, 14), REC_PA_D);
    check(&gc, &f, false);
}

/* Phase 3 shortcut: two entries behind one NBMA give "# Ent 2" and a continuation row. */
static void
test_jplab_spoke_dt1_dt2(void **state)
{
    struct fixture f = {0};
    const struct golden_case gc = {"show_dmvpn/jplab-spoke-DT1-DT2.txt", GOLDEN_RSTRIP};

    tunnel(&f, "Tunnel0", REC_TUN_SPOKE);
    peer(&f, "Tunnel0", "198.51.100.6", "172.16.0.3", REC_PEER_UP, T_AGO(0, 0, 5),
         REC_PA_D | REC_PA_T2);
    peer(&f, "Tunnel0", "198.51.100.6", "172.16.0.3", REC_PEER_UP, T_AGO(0, 0, 5),
         REC_PA_D | REC_PA_T1);
    peer(&f, "Tunnel0", "203.0.113.2", "172.16.0.1", REC_PEER_UP, T_AGO(0, 0, 23), REC_PA_S);
    check(&gc, &f, false);
}

static void
test_jplab_spoke_ike(void **state)
{
    struct fixture f = {0};
    const struct golden_case gc = {"show_dmvpn/jplab-spoke-IKE-state.txt", GOLDEN_RSTRIP};

    tunnel(&f, "Tunnel0", REC_TUN_SPOKE);
    peer(&f, "Tunnel0", "203.0.113.2", "172.16.0.1", REC_PEER_IKE, T_AGO(0, 1, 10), REC_PA_S);
    check(&gc, &f, false);
}

/* A tunnel without peers prints no block at all, only the legend. */
static void
test_jplab_hub_empty(void **state)
{
    struct fixture f = {0};
    const struct golden_case gc = {"show_dmvpn/jplab-hub-empty-legend-only.txt", GOLDEN_RSTRIP};

    tunnel(&f, "Tunnel0", REC_TUN_HUB);
    check(&gc, &f, false);
}

/* Detail of an IKEv2 spoke (crypto session blocks and edited legend cut). */
static void
test_detail_hackmd_spoke(void **state)
{
    struct fixture f = {0};
    const struct golden_case gc = {"show_dmvpn_detail/hackmd-spoke-ikev2.txt", GOLDEN_EXACT,
                                   "Interface Tunnel0 is", "----------"};
    struct rec_tunnel *t = tunnel(&f, "Tunnel0", REC_TUN_SPOKE);
    struct rec_dmvpn_peer *p;

    t->addr = ip("192.168.124.4");
    t->mask = mask(24);
    t->src = ip("10.43.1.4");
    t->protected_ = 1;
    snprintf(t->profile, sizeof(t->profile), "PF");
    nhs(&f, "Tunnel0", "192.168.124.1", REC_NHS_R | REC_NHS_E);
    p = peer(&f, "Tunnel0", "10.13.1.1", "192.168.124.1", REC_PEER_UP, T_AGO(2, 3, 49), REC_PA_S);
    p->target = ip("192.168.124.1");
    p->target_len = 32;
    check(&gc, &f, true);
}

/* Detail with an I2 (temporary) continuation row; source lost trailing blanks. */
static void
test_detail_quiz_i2(void **state)
{
    struct fixture f = {0};
    const struct golden_case gc = {"show_dmvpn_detail/quiz-spoke-ikev2-I2.txt", GOLDEN_LINES,
                                   "Interface Tunnel0 is", "----------"};
    struct rec_tunnel *t = tunnel(&f, "Tunnel0", REC_TUN_SPOKE);

    t->addr = ip("172.16.123.4");
    t->mask = mask(24);
    t->src = ip("4.4.4.4");
    t->protected_ = 1;
    snprintf(t->profile, sizeof(t->profile), "ipsecprof");
    nhs(&f, "Tunnel0", "172.16.123.1", REC_NHS_R | REC_NHS_E);
    peer(&f, "Tunnel0", "1.1.1.1", "172.16.123.1", REC_PEER_UP, T_AGO(0, 13, 38), REC_PA_S);
    peer(&f, "Tunnel0", "1.1.1.1", "172.16.123.4", REC_PEER_UP, T_AGO(0, 0, 6), REC_PA_I2);
    peer(&f, "Tunnel0", "2.2.2.2", "172.16.123.2", REC_PEER_UP, T_AGO(0, 0, 17), REC_PA_D);
    peer(&f, "Tunnel0", "3.3.3.3", "172.16.123.3", REC_PEER_UP, T_AGO(0, 0, 8), REC_PA_D);
    check(&gc, &f, true);
}

/*
 * Behaviour without a capture of our family: shut tunnels are listed right
 * after the rule and get no block; the detail ends with the crypto frame.
 */
static void
test_admin_down_and_detail_tail(void **state)
{
    struct fixture f = {0};
    struct strbuf out;
    struct rec_tunnel *t;

    t = tunnel(&f, "Tunnel31", REC_TUN_HUB);
    t->admin_up = 0;
    tunnel(&f, "Tunnel301", REC_TUN_HUB_SPOKE);
    peer(&f, "Tunnel31", "192.0.2.9", "10.9.9.9", REC_PEER_UP, T_AGO(0, 0, 1), REC_PA_D);
    peer(&f, "Tunnel301", "202.100.1.3", "20.169.169.1", REC_PEER_UP, T_DAYS(3, 4), REC_PA_D);
    peer(&f, "Tunnel301", "202.100.1.3", "20.169.169.1", REC_PEER_UP, T_DAYS(3, 4),
         REC_PA_D | REC_PA_X);
    peer(&f, "Tunnel301", "202.100.1.4", "20.169.169.2", REC_PEER_UP, T_DAYS(23, 0),
         REC_PA_D | REC_PA_N);
    sb_init(&out);
    render_dmvpn(&out, T_NOW, &f.in);
    assert_non_null(strstr(out.buf, "=\nTunnel31 is admin down\n\nInterface: Tunnel301, IPv4 "
                                    "NHRP Details \nType:Hub/Spoke, NHRP Peers:2, \n"));
    assert_non_null(strstr(out.buf, "     2 202.100.1.3        20.169.169.1    UP    3d04h     D\n"
                                    "                          20.169.169.1    UP    3d04h    DX\n"
                                    "     1 202.100.1.4        20.169.169.2    UP     3w2d    DN\n"
                                    "\n"));
    assert_null(strstr(out.buf, "10.9.9.9"));
    sb_reset(&out);
    f.in.crypto_sessions = "Interface: Tunnel301\nSession: [0x1]\n\n";
    render_dmvpn_detail(&out, T_NOW, &f.in);
    assert_non_null(strstr(out.buf,
                           "    1 202.100.1.4        20.169.169.2    UP     3w2d    DN"
                           "    20.169.169.2/32\n\n          \nCrypto Session Details: \n"));
    assert_non_null(strstr(out.buf, "-\n\nInterface: Tunnel301\nSession: [0x1]\n\n"
                                    "Pending DMVPN Sessions:\n\n"));
    sb_free(&out);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lab4g_hub1),
        cmocka_unit_test(test_netlab_hub1),
        cmocka_unit_test(test_netlab_spoke_2tunnels),
        cmocka_unit_test(test_jplab_hub_3spokes),
        cmocka_unit_test(test_jplab_hub_unknown),
        cmocka_unit_test(test_jplab_spoke_dt1_dt2),
        cmocka_unit_test(test_jplab_spoke_ike),
        cmocka_unit_test(test_jplab_hub_empty),
        cmocka_unit_test(test_detail_hackmd_spoke),
        cmocka_unit_test(test_detail_quiz_i2),
        cmocka_unit_test(test_admin_down_and_detail_tail),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
