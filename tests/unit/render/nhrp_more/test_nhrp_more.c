/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * show ip nhrp traffic [interface X] detail: traffic records holding the
 * counters of the IOS-XE captures (Fwd from the NHRP-MIB forwarding
 * counters) are rendered and compared with them; the JSON form carries the
 * same numbers. show ip nhrp redirect: the table's layout and JSON.
 */
#include "cli/render/render_nhrp_more.h"
#include "tests/unit/render/nhrp/golden.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

/* Sent and received counters in REC_CTR_* order; totals as the engine sums
 * them (the eight packet types). */
static struct rec_nhrp_traffic
tun(const char *name, const uint64_t sent[REC_CTR_COUNT], const uint64_t rcvd[REC_CTR_COUNT])
{
    struct rec_nhrp_traffic t;
    unsigned k;

    memset(&t, 0, sizeof(t));
    snprintf(t.ifname, sizeof(t.ifname), "%s", name);
    t.max_send_pkts = 10000;
    t.max_send_secs = 10;
    memcpy(t.sent, sent, sizeof(t.sent));
    memcpy(t.rcvd, rcvd, sizeof(t.rcvd));
    for (k = 0; k < REC_CTR_REDIRECT_SUPPRESS; k++) {
        t.sent_total += t.sent[k];
        t.rcvd_total += t.rcvd[k];
    }
    return t;
}

static void
fixture(struct rec_nhrp_traffic t[3])
{
    static const uint64_t s100[] = {69, 73, 5204, 0, 41, 0, 0, 0, 0};
    static const uint64_t r100[] = {73, 41, 0, 5176, 41, 0, 0, 41, 0};
    static const uint64_t s111[] = {0, 0, 8747, 0, 0, 0, 0, 0, 0};
    static const uint64_t zero[REC_CTR_COUNT];
    /* the rest of the global counters */
    static const uint64_t s200[] = {0, 0, 6998, 0, 1, 0, 0, 0, 0};
    static const uint64_t r200[] = {0, 0, 0, 6967, 0, 0, 0, 0, 0};

    t[0] = tun("Tunnel100", s100, r100);
    t[1] = tun("Tunnel111", s111, zero);
    t[2] = tun("Tunnel200", s200, r200);
}

static void
test_detail(void **state)
{
    static const struct golden_case all = {
        "show_ip_nhrp_traffic_detail/genie-iosxe-golden_output.txt", GOLDEN_LINES, "Tunnel100",
        NULL};
    static const struct golden_case one = {
        "show_ip_nhrp_traffic_detail/genie-iosxe-golden_output_2.txt", GOLDEN_LINES, NULL, NULL};
    struct rec_nhrp_traffic t[3];
    struct strbuf out;

    (void)state;
    fixture(t);
    sb_init(&out);
    render_nhrp_traffic_detail(&out, t, 3, t, 2);
    golden_check(&all, &out);
    sb_reset(&out);
    render_nhrp_traffic_detail(&out, t, 3, t, 1);
    golden_check(&one, &out);
    sb_free(&out);
}

static void
test_fwd_and_json(void **state)
{
    struct rec_nhrp_traffic t[3];
    uint64_t fwd[REC_CTR_COUNT];
    struct strbuf out;

    (void)state;
    fixture(t);
    t[0].mib[REC_MIB_S_FW_RESOLVE_REQ] = 7;
    t[0].mib[REC_MIB_S_FW_ERROR_IND] = 2;
    assert_int_equal(render_nhrp_fwd(&t[0], fwd), 9);
    assert_int_equal(fwd[REC_CTR_RES_REQ], 7);
    assert_int_equal(fwd[REC_CTR_ERROR_IND], 2);
    sb_init(&out);
    render_nhrp_traffic_detail(&out, t, 3, t, 1);
    assert_non_null(strstr(out.buf, "   Fwd: Total 9\n         7 Resolution Request  "));
    sb_reset(&out);
    render_nhrp_traffic_detail_json(&out, t, 3, t, 1);
    assert_non_null(
        strstr(out.buf, "{\"global\":{\"packet_queue_size\":0,\"sent\":{\"total\":21133,"));
    assert_non_null(strstr(out.buf, "\"received\":{\"total\":12339,"));
    assert_non_null(strstr(out.buf, "\"interfaces\":[{\"interface\":\"Tunnel100\""));
    assert_non_null(strstr(out.buf, "\"forwarded\":{\"total\":9,"));
    assert_null(strstr(out.buf, "Tunnel111"));
    sb_free(&out);
}

static void
test_redirect(void **state)
{
    struct rec_nhrp_redirect r[2];
    struct strbuf out;

    (void)state;
    memset(r, 0, sizeof(r));
    snprintf(r[0].ifname, sizeof(r[0].ifname), "Tunnel0");
    r[0].nbma = ip("203.0.113.2");
    r[0].src = ip("192.168.2.1");
    r[0].dst = ip("192.168.3.1");
    r[0].drops = 3;
    r[0].expires_ms = T_IN(0, 0, 1);
    r[1] = r[0];
    snprintf(r[1].ifname, sizeof(r[1].ifname), "Tunnel100");
    r[1].dst = ip("10.100.200.254");
    r[1].drops = 0;
    r[1].expires_ms = T_NOW - 1; /* rounds to 0 */
    sb_init(&out);
    render_nhrp_redirect(&out, T_NOW, r, 2);
    assert_string_equal(out.buf,
                        "I/F      NBMA address     Destination      Drop Count  Expiry\n"
                        "Tunnel0  203.0.113.2      192.168.3.1      3           00:00:01\n"
                        "Tunnel100 203.0.113.2      10.100.200.254   0           00:00:00\n");
    sb_reset(&out);
    render_nhrp_redirect_json(&out, T_NOW, r, 1);
    assert_string_equal(out.buf, "{\"redirects\":[{\"interface\":\"Tunnel0\",\"nbma\":"
                                 "\"203.0.113.2\",\"source\":\"192.168.2.1\",\"destination\":"
                                 "\"192.168.3.1\",\"drop_count\":3,\"expiry\":\"00:00:01\"}]}");
    sb_free(&out);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_detail),
        cmocka_unit_test(test_fwd_and_json),
        cmocka_unit_test(test_redirect),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
