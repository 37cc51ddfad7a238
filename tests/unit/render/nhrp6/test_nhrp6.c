/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The IPv6 NHRP shows: show dmvpn ipv6 and show ipv6 nhrp summary byte for
 * byte against the IOS-XE captures in testdata/ios/show/show_dmvpn_ipv6 and
 * show_ipv6_nhrp_summary (each capture's records built below), and the
 * forms without a capture (detail, cache, nhs, JSON) against the IPv4
 * twins' layout with IPv6 words.
 */
#include "cli/render/render_nhrp6.h"
#include "tests/unit/render/nhrp/golden.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

static struct inet_addr
a6(const char *s)
{
    struct inet_addr a;

    if (!inet_addr_parse(s, &a))
        fail_msg("bad address %s", s);
    return a;
}

static struct rec_nhrp6_if
tunnel(const char *name, uint8_t type)
{
    struct rec_nhrp6_if t;

    memset(&t, 0, sizeof(t));
    snprintf(t.ifname, sizeof(t.ifname), "%s", name);
    t.type = type;
    t.enabled = 1;
    t.network_id = 6;
    t.naddrs = 1;
    t.addrs[0] = a6("FD00:192::1");
    t.addr_len[0] = 64;
    t.nbma = a6("2001:DB8:1101::222");
    return t;
}

static struct rec_dmvpn6_peer
peer(const char *nbma, const char *tun, int64_t since, uint16_t attrs)
{
    struct rec_dmvpn6_peer p;

    memset(&p, 0, sizeof(p));
    snprintf(p.ifname, sizeof(p.ifname), "Tunnel1");
    p.nbma = a6(nbma);
    p.tunnel_addr = a6(tun);
    p.target = p.tunnel_addr;
    p.target_len = 128;
    p.state = REC_PEER_UP;
    p.attrs = attrs;
    p.since_ms = since;
    return p;
}

static char *
take(struct strbuf *sb)
{
    sb_putc(sb, '\0');
    return sb->buf;
}

/* A hub with two spokes registered over an IPv6 underlay. */
static void
test_dmvpn6_hub(void **state)
{
    struct rec_nhrp6_if t = tunnel("Tunnel1", REC_TUN_HUB);
    struct rec_dmvpn6_peer p[2] = {
        peer("2001:DB8:1201::122", "FD00:192::1201", T_AGO(0, 2, 39), REC_PA_D),
        peer("2001:DB8:1202::123", "FD00:192::1202", T_AGO(0, 2, 29), REC_PA_D),
    };
    struct render_dmvpn6_in in = {.ifs = &t, .n_ifs = 1, .peers = p, .n_peers = 2};
    const struct golden_case gc = {"show_dmvpn_ipv6/genie-iosxe-golden_output1.txt", GOLDEN_LINES};
    struct strbuf out;

    sb_init(&out);
    render_dmvpn6(&out, T_NOW, &in);
    golden_check(&gc, &out);
    sb_free(&out);
}

/* A spoke's static NHS peer. That capture is a terminal copy with each TAB
 * already turned into 8 blanks (README): the rendering's TABs, all at the
 * start of a line, are expanded the same way before the comparison. */
static void
test_dmvpn6_spoke(void **state)
{
    struct rec_nhrp6_if t = tunnel("Tunnel1", REC_TUN_SPOKE);
    struct rec_dmvpn6_peer p = peer("2001:DB8:1101::222", "FD00:192::1101", T_DAYS(3, 5), REC_PA_S);
    struct render_dmvpn6_in in = {.ifs = &t, .n_ifs = 1, .peers = &p, .n_peers = 1};
    const struct golden_case gc = {"show_dmvpn_ipv6/genie-iosxe-golden_output2.txt", GOLDEN_EXACT};
    struct strbuf out, exp;
    size_t i;

    sb_init(&out);
    sb_init(&exp);
    render_dmvpn6(&out, T_NOW, &in);
    for (i = 0; i < out.len; i++) {
        if (out.buf[i] == '\t')
            assert_true(i == 0 || out.buf[i - 1] == '\n');
        if (out.buf[i] == '\t')
            sb_puts(&exp, "        ");
        else
            sb_putc(&exp, out.buf[i]);
    }
    golden_check(&gc, &exp);
    sb_free(&out);
    sb_free(&exp);
}

/* A run of two rows with one NBMA, and an IPv4 NBMA with a network target. */
static void
test_dmvpn6_spoke_run(void **state)
{
    struct rec_nhrp6_if t = tunnel("Tunnel1", REC_TUN_SPOKE);
    struct rec_dmvpn6_peer p[3] = {
        peer("2001:DB8:1101::222", "FD00:192::1101", T_DAYS(3, 5), REC_PA_S),
        peer("2001:DB8:1101::222", "FD00:192::1102", T_DAYS(3, 5), REC_PA_D | REC_PA_T1),
        peer("192.0.2.7", "FD00:192::7", T_AGO(0, 0, 5), REC_PA_D),
    };
    struct render_dmvpn6_in in = {.ifs = &t, .n_ifs = 1, .peers = p, .n_peers = 3};
    struct strbuf out;
    char *s;

    p[2].target = a6("FD00:7::");
    p[2].target_len = 64;
    sb_init(&out);
    render_dmvpn6(&out, T_NOW, &in);
    s = take(&out);
    assert_non_null(strstr(s, "\nInterface: Tunnel1, IPv6 NHRP Details \n"
                              "Type:Spoke, Total NBMA Peers (v4/v6): 2\n"
                              "    1.Peer NBMA Address: 2001:DB8:1101::222\n"
                              "\tTunnel IPv6 Address: FD00:192::1101\n"
                              "\tIPv6 Target Network: FD00:192::1101/128\n"
                              "\t# Ent: 2, Status: UP, UpDn Time: 3d05h, Cache Attrib: S\n"
                              "\tTunnel IPv6 Address: FD00:192::1102\n"
                              "\tIPv6 Target Network: FD00:192::1102/128\n"
                              "\t# Ent: 2, Status: UP, UpDn Time: 3d05h, Cache Attrib: DT1\n"
                              "    2.Peer NBMA Address: 192.0.2.7\n"
                              "\tTunnel IPv6 Address: FD00:192::7\n"
                              "\tIPv6 Target Network: FD00:7::/64\n"
                              "\t# Ent: 1, Status: UP, UpDn Time: 00:00:05, Cache Attrib: D\n"));
    sb_free(&out);
}

/* No peers: the legend only, as IOS prints for a tunnel nobody reached. */
static void
test_dmvpn6_empty(void **state)
{
    struct rec_nhrp6_if t = tunnel("Tunnel1", REC_TUN_HUB);
    struct render_dmvpn6_in in = {.ifs = &t, .n_ifs = 1};
    struct strbuf out;
    char *s;

    sb_init(&out);
    render_dmvpn6(&out, T_NOW, &in);
    s = take(&out);
    assert_null(strstr(s, "Interface"));
    assert_non_null(strstr(s, "UpDn Time --> Up or Down Time for a Tunnel\n===="));
    sb_free(&out);
}

static void
test_dmvpn6_detail(void **state)
{
    struct rec_nhrp6_if t = tunnel("Tunnel1", REC_TUN_SPOKE);
    struct rec_dmvpn6_peer p =
        peer("2001:DB8:1101::222", "FD00:192::1101", T_AGO(0, 1, 0), REC_PA_S);
    struct rec_nhrp6_nhs h;
    struct render_dmvpn6_in in = {
        .ifs = &t, .n_ifs = 1, .peers = &p, .n_peers = 1, .nhs = &h, .n_nhs = 1};
    struct strbuf out;
    char *s;

    memset(&h, 0, sizeof(h));
    snprintf(h.ifname, sizeof(h.ifname), "Tunnel1");
    h.addr = a6("FD00:192::1101");
    h.status = REC_NHS_R | REC_NHS_E;
    sb_init(&out);
    render_dmvpn6_detail(&out, T_NOW, &in);
    s = take(&out);
    assert_non_null(strstr(s, "\nInterface Tunnel1 is up/up, Addr. is FD00:192::1, VRF \"\" \n"
                              "   Tunnel Src./Dest. addr: 2001:DB8:1101::222/MGRE, Tunnel VRF "
                              "\"\"\n"
                              "   Protocol/Transport: \"multi-GRE/IPv6\", Protect \"\" \n"));
    assert_non_null(strstr(s, "\nIPv6 NHS:\nFD00:192::1101  RE priority = 0 cluster = 0\n"
                              "Type:Spoke, Total NBMA Peers (v4/v6): 1\n"
                              "    1.Peer NBMA Address: 2001:DB8:1101::222\n"));
    assert_non_null(strstr(s, "Crypto Session Details: \n"));
    sb_free(&out);
}

static struct rec_nhrp6_cache
centry(const char *proto, unsigned len, uint8_t type, uint32_t flags)
{
    struct rec_nhrp6_cache e;

    memset(&e, 0, sizeof(e));
    snprintf(e.ifname, sizeof(e.ifname), "Tunnel1");
    e.proto = a6(proto);
    e.prefix_len = (uint8_t)len;
    e.type = type;
    e.flags = flags;
    e.nbma = a6("2001:DB8:1201::122");
    e.created_ms = T_AGO(0, 2, 39);
    e.expires_ms = type == REC_NHRP_STATIC ? 0 : T_IN(1, 57, 20);
    return e;
}

static void
check_summary(const char *file, const struct rec_nhrp6_cache *c, size_t n)
{
    const struct golden_case gc = {file, GOLDEN_EXACT};
    struct strbuf out;

    sb_init(&out);
    render_nhrp6_summary(&out, c, n);
    golden_check(&gc, &out);
    sb_free(&out);
}

/* Two static and two dynamic entries, three of them watched by BFD. */
static void
test_summary_four(void **state)
{
    struct rec_nhrp6_cache c[4] = {
        centry("FD00:192::1101", 128, REC_NHRP_STATIC, REC_NF_NHOP | REC_NF_BFD),
        centry("FD00:10::", 64, REC_NHRP_STATIC, REC_NF_RIB | REC_NF_BFD),
        centry("FD00:20::", 64, REC_NHRP_DYNAMIC, REC_NF_RIB | REC_NF_BFD | REC_NF_ROUTER),
        centry("FD00:192::1202", 128, REC_NHRP_DYNAMIC, REC_NF_REGISTERED),
    };

    check_summary("show_ipv6_nhrp_summary/genie-iosxe-golden_output.txt", c, 4);
}

/* A spoke's one static NHS mapping. */
static void
test_summary_one(void **state)
{
    struct rec_nhrp6_cache c = centry("FD00:192::1101", 128, REC_NHRP_STATIC, REC_NF_USED);

    check_summary("show_ipv6_nhrp_summary/genie-iosxe-golden_output1.txt", &c, 1);
}

static void
test_cache(void **state)
{
    struct rec_nhrp6_cache c[2] = {
        centry("FD00:192::1201", 128, REC_NHRP_DYNAMIC,
               REC_NF_UNIQUE | REC_NF_REGISTERED | REC_NF_USED | REC_NF_NHOP),
        centry("FD00:192::9", 128, REC_NHRP_INCOMPLETE, REC_NF_NEGATIVE),
    };
    struct strbuf out;

    c[1].cache_hits = 3;
    sb_init(&out);
    render_nhrp6_cache(&out, T_NOW, c, 2, RENDER_NHRP_PLAIN);
    assert_string_equal(take(&out), "FD00:192::1201/128 via FD00:192::1201\n"
                                    "   Tunnel1 created 00:02:39, expire 01:57:20\n"
                                    "   Type: dynamic, Flags: unique registered used nhop \n"
                                    "   NBMA address: 2001:DB8:1201::122 \n"
                                    "FD00:192::9/128\n"
                                    "   Tunnel1 created 00:02:39, expire 01:57:20\n"
                                    "   Type: incomplete, Flags: negative \n"
                                    "   Cache hits: 3\n");
    sb_free(&out);
    sb_init(&out);
    render_nhrp6_cache(&out, T_NOW, c, 2, RENDER_NHRP_BRIEF);
    /* brief leaves the incomplete entry out */
    assert_non_null(strstr(take(&out), "\nTu1      FD00:192::1201                                 "
                                       "    2001:DB8:1201::122\n"
                                       "         FD00:192::1201/128                          D/ur  "
                                       "\n"));
    assert_null(strstr(out.buf, "FD00:192::9"));
    sb_free(&out);
}

static void
test_nhs(void **state)
{
    struct rec_nhrp6_nhs h;
    struct strbuf out;

    memset(&h, 0, sizeof(h));
    snprintf(h.ifname, sizeof(h.ifname), "Tunnel1");
    h.addr = a6("FD00:192::1");
    h.nbma = a6("192.0.2.1");
    h.status = REC_NHS_R | REC_NHS_E;
    h.req_sent = 10;
    h.repl_recv = 9;
    h.last_reply_ms = T_AGO(0, 0, 7);
    sb_init(&out);
    render_nhrp6_nhs(&out, T_NOW, &h, 1, true);
    assert_string_equal(take(&out),
                        "Legend:\tE=Expecting replies, R=Responding, W=Waiting, D=Dynamic\n"
                        "Tunnel1:\n"
                        "FD00:192::1  RE  NBMA Address: 192.0.2.1 priority = 0 cluster = 0  "
                        "req-sent 10  req-failed 0  repl-recv 9 (00:00:07 ago)\n\n");
    sb_free(&out);
}

static void
test_json(void **state)
{
    struct rec_nhrp6_if t = tunnel("Tunnel1", REC_TUN_HUB);
    struct rec_dmvpn6_peer p =
        peer("2001:DB8:1201::122", "FD00:192::1201", T_AGO(0, 2, 39), REC_PA_D);
    struct render_dmvpn6_in in = {.ifs = &t, .n_ifs = 1, .peers = &p, .n_peers = 1};
    struct rec_nhrp6_cache c = centry("FD00:192::1101", 128, REC_NHRP_STATIC, REC_NF_USED);
    struct strbuf out;

    sb_init(&out);
    render_dmvpn6_json(&out, T_NOW, &in);
    assert_string_equal(take(&out),
                        "{\"interfaces\":[{\"interface\":\"Tunnel1\",\"enabled\":true,"
                        "\"type\":\"Hub\",\"network_id\":6,\"holdtime\":0,\"link_local\":null,"
                        "\"addresses\":[{\"address\":\"FD00:192::1\",\"prefix_len\":64}],"
                        "\"source\":\"2001:DB8:1101::222\",\"nhs\":[],\"peers\":[{\"entries\":1,"
                        "\"nbma\":\"2001:DB8:1201::122\",\"tunnel_address\":\"FD00:192::1201\","
                        "\"state\":\"UP\",\"updn\":\"00:02:39\",\"updn_seconds\":159,"
                        "\"attributes\":\"D\",\"target\":\"FD00:192::1201/128\"}],"
                        "\"nhrp_peers\":1}]}");
    sb_free(&out);
    sb_init(&out);
    render_nhrp6_summary_json(&out, &c, 1);
    assert_non_null(strstr(take(&out), "{\"entries\":1,\"bytes\":784,\"static\":1,"));
    sb_free(&out);
    sb_init(&out);
    render_nhrp6_cache_json(&out, T_NOW, &c, 1);
    assert_non_null(strstr(take(&out), "\"target\":\"FD00:192::1101\",\"prefix_len\":128,"
                                       "\"via\":\"FD00:192::1101\",\"type\":\"static\","
                                       "\"flags\":[\"used\"],\"nbma\":\"2001:DB8:1201::122\","
                                       "\"claimed_nbma\":null,"));
    sb_free(&out);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dmvpn6_hub),
        cmocka_unit_test(test_dmvpn6_spoke),
        cmocka_unit_test(test_dmvpn6_spoke_run),
        cmocka_unit_test(test_dmvpn6_empty),
        cmocka_unit_test(test_dmvpn6_detail),
        cmocka_unit_test(test_summary_four),
        cmocka_unit_test(test_summary_one),
        cmocka_unit_test(test_cache),
        cmocka_unit_test(test_nhs),
        cmocka_unit_test(test_json),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
