/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * show ip nhrp [detail|brief], show ip nhrp nhs detail and show ip nhrp
 * traffic golden tests: records rebuilt from real captures, rendered and
 * compared byte for byte (testdata/ios/show/show_ip_nhrp*, READMEs there).
 */
#include "cli/render/render_nhrp.h"
#include "tests/unit/render/nhrp/golden.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

static struct rec_nhrp_cache cache[8];
static size_t n_cache;

static struct rec_nhrp_cache *
entry(const char *ifname, const char *pfx, unsigned len, const char *via, uint8_t type,
      uint32_t flags, const char *nbma, int64_t created_ms, int64_t expires_ms)
{
    struct rec_nhrp_cache *e = &cache[n_cache++];

    memset(e, 0, sizeof(*e));
    snprintf(e->ifname, sizeof(e->ifname), "%s", ifname);
    e->proto = ip(pfx);
    e->prefix_len = (uint8_t)len;
    e->via = ip(via);
    e->type = type;
    e->preference = 255;
    e->flags = flags;
    e->nbma = ip(nbma);
    e->created_ms = created_ms;
    e->expires_ms = expires_ms;
    return e;
}

static int
reset(void **state)
{
    n_cache = 0;
    return 0;
}

static void
check_cache(const char *file, enum golden_mode mode, enum render_nhrp_view view)
{
    const struct golden_case gc = {file, mode};
    struct strbuf out;

    sb_init(&out);
    render_nhrp_cache(&out, T_NOW, cache, n_cache, view);
    golden_check(&gc, &out);
    sb_free(&out);
}

#define DYN_HUB (REC_NF_UNIQUE | REC_NF_REGISTERED | REC_NF_USED | REC_NF_NHOP)

/* IOS 15.4 hub: spokes registered with the unique flag, holdtime 180. */
static void
test_otus154_hub(void **state)
{
    entry("Tunnel114", "10.111.2.207", 32, "10.111.2.207", REC_NHRP_DYNAMIC, DYN_HUB, "27.27.27.27",
          T_AGO(0, 55, 9), T_IN(0, 2, 24));
    entry("Tunnel114", "10.111.2.208", 32, "10.111.2.208", REC_NHRP_DYNAMIC, DYN_HUB, "28.28.28.28",
          T_AGO(0, 54, 37), T_IN(0, 2, 30));
    check_cache("show_ip_nhrp/otus154-R14-hub-unique-used.txt", GOLDEN_EXACT, RENDER_NHRP_PLAIN);
}

/* IOS 15.4 dual-cloud spoke: one static NHS entry per tunnel, "never expire ". */
static void
test_otus154_spoke(void **state)
{
    entry("Tunnel114", "10.111.2.194", 32, "10.111.2.194", REC_NHRP_STATIC, REC_NF_USED,
          "40.40.40.40", T_AGO(1, 8, 38), 0);
    entry("Tunnel115", "10.111.2.225", 32, "10.111.2.225", REC_NHRP_STATIC, REC_NF_USED,
          "50.50.50.50", T_AGO(1, 8, 38), 0);
    check_cache("show_ip_nhrp/otus154-R27-spoke-static-used.txt", GOLDEN_EXACT, RENDER_NHRP_PLAIN);
}

/* Phase 3 spoke after a shortcut to a NATed spoke: claimed NBMA, own (no-socket) entries. */
static void
test_nat_claimed(void **state)
{
    const uint32_t local = REC_NF_ROUTER | REC_NF_UNIQUE | REC_NF_LOCAL | REC_NF_NOSOCKET;
    struct rec_nhrp_cache *e;

    entry("Tunnel0", "20.169.169.1", 32, "20.169.169.1", REC_NHRP_DYNAMIC, local, "202.100.1.3",
          T_AGO(0, 23, 4), T_IN(1, 36, 55));
    e = entry("Tunnel0", "20.169.169.2", 32, "20.169.169.2", REC_NHRP_DYNAMIC, REC_NF_ROUTER,
              "202.100.1.4", T_AGO(0, 17, 44), T_IN(1, 42, 17));
    e->claimed_nbma = ip("10.1.1.1");
    entry("Tunnel0", "20.169.169.253", 32, "20.169.169.253", REC_NHRP_STATIC, REC_NF_USED,
          "202.100.1.2", T_AGO(0, 23, 16), 0);
    entry("Tunnel0", "20.169.169.254", 32, "20.169.169.254", REC_NHRP_STATIC, REC_NF_USED,
          "202.100.1.1", T_AGO(0, 23, 16), 0);
    entry("Tunnel0", "150.1.1.1", 32, "20.169.169.1", REC_NHRP_DYNAMIC, local, "202.100.1.3",
          T_AGO(0, 17, 42), T_IN(1, 42, 21));
    e = entry("Tunnel0", "150.1.1.2", 32, "20.169.169.2", REC_NHRP_DYNAMIC,
              REC_NF_ROUTER | REC_NF_USED, "202.100.1.4", T_AGO(0, 21, 36), T_IN(1, 38, 33));
    e->claimed_nbma = ip("10.1.1.1");
    check_cache("show_ip_nhrp/hb-yuansh0u-spoke-nat-claimed.txt", GOLDEN_EXACT, RENDER_NHRP_PLAIN);
}

/* Static entry made by "ip nhrp nhs X nbma Y multicast": empty flag list. */
static void
test_static_empty_flags(void **state)
{
    entry("Tunnel100", "100.64.2.100", 32, "100.64.2.100", REC_NHRP_STATIC, 0, "123.123.123.1",
          T_AGO(0, 0, 55), 0);
    check_cache("show_ip_nhrp/hb-yuansh0u-smartdef-spoke-static-emptyflags.txt", GOLDEN_EXACT,
                RENDER_NHRP_PLAIN);
}

/* 15.4 detail == plain; the source stripped trailing blanks of every line. */
static void
test_detail_otusdump_hub(void **state)
{
    entry("Tunnel10", "10.101.0.2", 32, "10.101.0.2", REC_NHRP_DYNAMIC, DYN_HUB, "172.16.9.61",
          T_AGO(22, 36, 19), T_IN(0, 1, 11));
    entry("Tunnel10", "10.101.0.3", 32, "10.101.0.3", REC_NHRP_DYNAMIC, DYN_HUB, "172.16.10.71",
          T_AGO(21, 50, 30), T_IN(0, 1, 3));
    check_cache("show_ip_nhrp_detail/otusdump-R13-hub.txt", GOLDEN_LINES, RENDER_NHRP_DETAIL);
}

static void
test_detail_otusdump_spoke(void **state)
{
    entry("Tunnel10", "10.100.0.1", 32, "10.100.0.1", REC_NHRP_STATIC, REC_NF_USED, "10.10.14.254",
          T_AGO(23, 1, 11), 0);
    entry("Tunnel20", "10.101.0.1", 32, "10.101.0.1", REC_NHRP_STATIC, REC_NF_USED, "10.10.13.254",
          T_AGO(22, 46, 57), 0);
    check_cache("show_ip_nhrp_detail/otusdump-R61-spoke-static.txt", GOLDEN_LINES,
                RENDER_NHRP_DETAIL);
}

/* IOSv hub, brief: no-unique registrations show "D/r". */
static void
test_brief_iosv_hub(void **state)
{
    const char *s[] = {"10.0.0.11",    "203.0.113.11", "10.0.0.12",
                       "203.0.113.12", "10.0.0.13",    "203.0.113.13"};
    unsigned i;

    for (i = 0; i < 3; i++)
        entry("Tunnel0", s[2 * i], 32, s[2 * i], REC_NHRP_DYNAMIC, REC_NF_REGISTERED | REC_NF_NHOP,
              s[2 * i + 1], T_AGO(0, 30, 0), T_IN(0, 9, 0));
    /* the spoke's own entry would be no-socket: brief leaves it out */
    entry("Tunnel0", "10.0.0.1", 32, "10.0.0.1", REC_NHRP_DYNAMIC, REC_NF_LOCAL | REC_NF_NOSOCKET,
          "203.0.113.1", T_AGO(0, 30, 0), T_IN(0, 9, 0));
    check_cache("show_ip_nhrp_brief/ccies-iosv-hub.txt", GOLDEN_EXACT, RENDER_NHRP_BRIEF);
}

/* Incomplete entries: no "via", "Cache hits" instead of the NBMA line. */
static void
test_incomplete_entry(void **state)
{
    struct rec_nhrp_cache *e;
    struct strbuf out;

    e = entry("Tunnel0", "10.0.0.3", 32, "0.0.0.0", REC_NHRP_INCOMPLETE, REC_NF_NEGATIVE, "0.0.0.0",
              T_AGO(0, 0, 4), T_IN(0, 2, 55));
    e->cache_hits = 2;
    sb_init(&out);
    render_nhrp_cache(&out, T_NOW, cache, n_cache, RENDER_NHRP_PLAIN);
    assert_string_equal(out.buf, "10.0.0.3/32\n"
                                 "   Tunnel0 created 00:00:04, expire 00:02:55\n"
                                 "   Type: incomplete, Flags: negative \n"
                                 "   Cache hits: 2\n");
    sb_free(&out);
}

static struct rec_nhrp_nhs *
nhs(struct rec_nhrp_nhs *h, const char *ifname, const char *addr, const char *nbma, uint32_t status,
    uint32_t sent, uint32_t recv, int64_t last_ms)
{
    memset(h, 0, sizeof(*h));
    snprintf(h->ifname, sizeof(h->ifname), "%s", ifname);
    h->addr = ip(addr);
    h->nbma = ip(nbma);
    h->status = status;
    h->req_sent = sent;
    h->repl_recv = recv;
    h->last_reply_ms = last_ms;
    return h;
}

static void
check_nhs(const char *file, enum golden_mode mode, const struct rec_nhrp_nhs *h, size_t n)
{
    const struct golden_case gc = {file, mode};
    struct strbuf out;

    sb_init(&out);
    render_nhrp_nhs(&out, T_NOW, h, n, true, false);
    golden_check(&gc, &out);
    sb_free(&out);
}

/* NHS never answered: "repl-recv 0 " keeps its blank, a registration is pending. */
static void
test_nhs_no_reply(void **state)
{
    struct rec_nhrp_nhs h;

    nhs(&h, "Tunnel0", "172.16.0.254", "203.0.113.2", REC_NHS_E, 6, 0, 0);
    h.pending_request_id = 109;
    h.pending_retries = 64;
    check_nhs("show_ip_nhrp_nhs_detail/jplab-spoke-E-no-ago.txt", GOLDEN_EXACT, &h, 1);
}

static void
test_nhs_pending(void **state)
{
    struct rec_nhrp_nhs h;

    nhs(&h, "Tunnel0", "172.16.0.1", "203.0.113.2", REC_NHS_E, 6, 0, T_AGO(0, 1, 45));
    h.pending_request_id = 15;
    h.pending_retries = 64;
    check_nhs("show_ip_nhrp_nhs_detail/jplab-spoke-E-pending.txt", GOLDEN_EXACT, &h, 1);
}

static void
test_nhs_responding(void **state)
{
    struct rec_nhrp_nhs h;

    nhs(&h, "Tunnel0", "172.16.0.1", "203.0.113.2", REC_NHS_R | REC_NHS_E, 1, 1, T_AGO(0, 0, 22));
    check_nhs("show_ip_nhrp_nhs_detail/jplab-spoke-RE.txt", GOLDEN_RSTRIP, &h, 1);
}

/* Plain (non-detail) NHS list over two tunnels, one NHS without NBMA. */
static void
test_nhs_plain(void **state)
{
    struct rec_nhrp_nhs h[3];
    struct strbuf out;

    nhs(&h[0], "Tunnel100", "100.0.0.100", "101.1.1.1", REC_NHS_R | REC_NHS_E, 9, 9, T_NOW);
    nhs(&h[1], "Tunnel111", "111.0.0.100", "111.1.1.1", REC_NHS_E, 9, 0, 0);
    nhs(&h[2], "Tunnel100", "172.16.0.1", "0.0.0.0", REC_NHS_E, 9, 0, 0);
    h[1].pending_request_id = 57;
    sb_init(&out);
    render_nhrp_nhs(&out, T_NOW, h, 3, false, false);
    assert_string_equal(out.buf,
                        "Legend:\tE=Expecting replies, R=Responding, W=Waiting, D=Dynamic\n"
                        "Tunnel100:\n"
                        "100.0.0.100  RE  NBMA Address: 101.1.1.1 priority = 0 cluster = 0\n"
                        "172.16.0.1   E  priority = 0 cluster = 0\n"
                        "\n"
                        "Tunnel111:\n"
                        "111.0.0.100   E  NBMA Address: 111.1.1.1 priority = 0 cluster = 0\n"
                        "\n");
    sb_reset(&out);
    render_nhrp_nhs(&out, T_NOW, &h[1], 1, true, true);
    assert_non_null(strstr(out.buf, "\n\n\nPending Registration Requests:\n"
                                    "Registration Request: Reqid 57, Ret 0  NHS 111.0.0.100 "
                                    "expired\n"));
    sb_free(&out);
}

static void
counters(uint64_t *dst, const uint64_t src[REC_CTR_COUNT])
{
    memcpy(dst, src, sizeof(uint64_t) * REC_CTR_COUNT);
}

static struct rec_nhrp_traffic *
traffic(struct rec_nhrp_traffic *t, const char *ifname, uint32_t pkts, uint64_t sent_total,
        const uint64_t sent[REC_CTR_COUNT], uint64_t rcvd_total, const uint64_t rcvd[REC_CTR_COUNT])
{
    memset(t, 0, sizeof(*t));
    snprintf(t->ifname, sizeof(t->ifname), "%s", ifname);
    t->max_send_pkts = pkts;
    t->max_send_secs = 10;
    t->sent_total = sent_total;
    t->rcvd_total = rcvd_total;
    counters(t->sent, sent);
    counters(t->rcvd, rcvd);
    return t;
}

static void
check_traffic(const char *file, enum golden_mode mode, const struct rec_nhrp_traffic *t, size_t n)
{
    const struct golden_case gc = {file, mode};
    struct strbuf out;

    sb_init(&out);
    render_nhrp_traffic(&out, t, n);
    golden_check(&gc, &out);
    sb_free(&out);
}

/* Phase 3 hub: the two Traffic Indications it sent are its redirects. */
static void
test_traffic_hub(void **state)
{
    static const uint64_t s[] = {2, 0, 0, 0, 0, 0, 0, 2, 0}, r[] = {2, 0, 0, 0, 0, 0, 0, 0, 0};
    struct rec_nhrp_traffic t;

    traffic(&t, "Tunnel0", 10000, 4, s, 2, r);
    check_traffic("show_ip_nhrp_traffic/jplab-hub-phase3-traffic-indication.txt", GOLDEN_RSTRIP, &t,
                  1);
}

static void
test_traffic_spoke(void **state)
{
    static const uint64_t s[] = {5, 5, 9, 0, 0, 0, 0, 0, 0}, r[] = {5, 5, 0, 7, 0, 0, 0, 5, 0};
    struct rec_nhrp_traffic t;

    traffic(&t, "Tunnel0", 10000, 19, s, 22, r);
    check_traffic("show_ip_nhrp_traffic/jplab-spoke-phase3.txt", GOLDEN_RSTRIP, &t, 1);
}

/* IOS 15.4 dual-cloud spoke, max-send 100; source stripped line-end blanks. */
static void
test_traffic_two_tunnels(void **state)
{
    static const uint64_t s10[] = {9568, 9472, 2749, 0, 4, 0, 0, 0, 0};
    static const uint64_t r10[] = {9576, 9468, 0, 2749, 0, 3, 1, 0, 0};
    static const uint64_t s20[] = {9641, 9544, 2734, 0, 2, 0, 0, 0, 0};
    static const uint64_t r20[] = {9635, 9543, 0, 2734, 0, 1, 0, 0, 0};
    struct rec_nhrp_traffic t[2];

    traffic(&t[0], "Tunnel10", 100, 21793, s10, 21797, r10);
    traffic(&t[1], "Tunnel20", 100, 21921, s20, 21913, r20);
    check_traffic("show_ip_nhrp_traffic/otusdump-R61-spoke-2tunnels.txt", GOLDEN_LINES, t, 2);
}

/* IOS-XE hub with two tunnels (genie); the second only registers. */
static void
test_traffic_xe_two_tunnels(void **state)
{
    static const uint64_t s100[] = {69, 73, 5083, 0, 41, 0, 0, 0, 0};
    static const uint64_t r100[] = {73, 41, 0, 5055, 41, 0, 0, 41, 0};
    static const uint64_t s111[] = {0, 0, 8531, 0, 0, 0, 0, 0, 0};
    static const uint64_t zero[REC_CTR_COUNT] = {0};
    struct rec_nhrp_traffic t[2];

    traffic(&t[0], "Tunnel100", 10000, 5266, s100, 5251, r100);
    traffic(&t[1], "Tunnel111", 10000, 8531, s111, 0, zero);
    check_traffic("show_ip_nhrp_traffic/genie-iosxe-golden_output.txt", GOLDEN_LINES, t, 2);
    /* show ip nhrp traffic interface Tunnel100: the shell passes that one */
    check_traffic("show_ip_nhrp_traffic/genie-iosxe-golden_output_2.txt", GOLDEN_LINES, t, 1);
}

/* IOS 15.4 dual hubs of one cloud: registrations answered, a few purges. */
static void
test_traffic_154_hubs(void **state)
{
    static const uint64_t s13[] = {3, 0, 0, 5406, 2, 1, 0, 0, 0};
    static const uint64_t r13[] = {3, 0, 5406, 0, 2, 1, 0, 0, 0};
    static const uint64_t s14[] = {6, 0, 0, 5435, 3, 3, 1, 0, 0};
    static const uint64_t r14[] = {6, 0, 5435, 0, 4, 3, 0, 0, 0};
    struct rec_nhrp_traffic t;

    traffic(&t, "Tunnel10", 100, 5412, s13, 5412, r13);
    check_traffic("show_ip_nhrp_traffic/otusdump-R13-hub.txt", GOLDEN_LINES, &t, 1);
    traffic(&t, "Tunnel10", 100, 5448, s14, 5448, r14);
    t.usage_pct = 1;
    check_traffic("show_ip_nhrp_traffic/otusdump-R14-hub.txt", GOLDEN_LINES, &t, 1);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_otus154_hub, reset),
        cmocka_unit_test_setup(test_otus154_spoke, reset),
        cmocka_unit_test_setup(test_nat_claimed, reset),
        cmocka_unit_test_setup(test_static_empty_flags, reset),
        cmocka_unit_test_setup(test_detail_otusdump_hub, reset),
        cmocka_unit_test_setup(test_detail_otusdump_spoke, reset),
        cmocka_unit_test_setup(test_brief_iosv_hub, reset),
        cmocka_unit_test_setup(test_incomplete_entry, reset),
        cmocka_unit_test(test_nhs_no_reply),
        cmocka_unit_test(test_nhs_pending),
        cmocka_unit_test(test_nhs_responding),
        cmocka_unit_test(test_nhs_plain),
        cmocka_unit_test(test_traffic_hub),
        cmocka_unit_test(test_traffic_spoke),
        cmocka_unit_test(test_traffic_two_tunnels),
        cmocka_unit_test(test_traffic_xe_two_tunnels),
        cmocka_unit_test(test_traffic_154_hubs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
