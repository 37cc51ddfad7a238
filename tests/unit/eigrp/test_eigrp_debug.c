/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * debug eigrp packets|neighbors text: headers as they leave and arrive
 * (a multicast hello, an INIT update, an ack, a query from a neighbour)
 * rendered as IOS 15 prints them, each under the log topic of its type, and
 * the neighbour line taken from the engine's %DUAL-5-NBRCHANGE line.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "daemons/eigrp/eigrp_debug.h"
#include "lib/inet.h"

static uint32_t
ip(const char *s)
{
    uint32_t a = 0;

    assert_true(inet_parse4(s, &a));
    return a;
}

/* an EIGRP header (RFC 7868 6.4) followed by tlvlen octets of TLVs */
static size_t
pkt(uint8_t *b, uint8_t op, uint32_t flags, uint32_t seq, uint32_t ack, size_t tlvlen)
{
    uint32_t v[3] = {flags, seq, ack};
    size_t i;

    memset(b, 0, 20 + tlvlen);
    b[0] = 2;
    b[1] = op;
    for (i = 0; i < 3; i++) {
        b[4 + 4 * i] = (uint8_t)(v[i] >> 24);
        b[5 + 4 * i] = (uint8_t)(v[i] >> 16);
        b[6 + 4 * i] = (uint8_t)(v[i] >> 8);
        b[7 + 4 * i] = (uint8_t)v[i];
    }
    b[19] = 100; /* AS 100 */
    return 20 + tlvlen;
}

static void
render(const uint8_t *b, size_t len, bool sent, uint32_t nbr, char *l1, char *l2, const char **t)
{
    struct eigrp_debug_pkt d = {.sent = sent, .nbr = nbr, .ifname = "Tunnel0"};

    assert_true(eigrp_debug_parse(b, len, &d));
    *t = eigrp_debug_topic(&d);
    eigrp_debug_lines(&d, l1, 160, l2, 160);
}

static void
test_packets(void **st)
{
    uint8_t b[128];
    char l1[160], l2[160];
    const char *t;
    struct eigrp_debug_pkt d;
    (void)st;

    /* the hello of Cisco's example: parameters + software version TLVs */
    render(b, pkt(b, 5, 0, 0, 0, 20), true, 0, l1, l2, &t);
    assert_string_equal(t, "eigrp.p.hello");
    assert_string_equal(l1, "Sending HELLO on Tunnel0 - paklen 20");
    assert_string_equal(l2, "  AS 100, Flags 0x0:(NULL), Seq 0/0 interfaceQ 0/0 iidbQ un/rely 0/0");
    render(b, pkt(b, 1, 0x9, 7, 3, 0), true, ip("10.0.0.2"), l1, l2, &t);
    assert_string_equal(t, "eigrp.p.update");
    assert_string_equal(l1, "Sending UPDATE on Tunnel0 - paklen 0 nbr 10.0.0.2");
    assert_string_equal(l2, "  AS 100, Flags 0x9:(INIT, EOT), Seq 7/3 interfaceQ 0/0 iidbQ "
                            "un/rely 0/0 peerQ un/rely 0/0");
    /* a hello with an ack and no TLVs is IOS's ACK */
    render(b, pkt(b, 5, 0, 0, 12, 0), true, ip("10.0.0.2"), l1, l2, &t);
    assert_string_equal(t, "eigrp.p.ack");
    assert_string_equal(l1, "Sending ACK on Tunnel0 - paklen 0 nbr 10.0.0.2");
    render(b, pkt(b, 3, 0x2, 40, 0, 28), false, ip("10.0.0.3"), l1, l2, &t);
    assert_string_equal(t, "eigrp.p.query");
    assert_string_equal(l1, "Received QUERY on Tunnel0 - paklen 28 nbr 10.0.0.3");
    assert_string_equal(l2, "  AS 100, Flags 0x2:(CR), Seq 40/0 interfaceQ 0/0 iidbQ un/rely 0/0 "
                            "peerQ un/rely 0/0");
    render(b, pkt(b, 4, 0, 41, 9, 28), false, ip("10.0.0.3"), l1, l2, &t);
    assert_string_equal(t, "eigrp.p.reply");
    render(b, pkt(b, 10, 0, 42, 0, 28), false, ip("10.0.0.3"), l1, l2, &t);
    assert_string_equal(t, "eigrp.p.other");
    assert_string_equal(l1, "Received SIAQUERY on Tunnel0 - paklen 28 nbr 10.0.0.3");
    /* shorter than a header: nothing to say */
    assert_false(eigrp_debug_parse(b, 19, &d));
}

static void
test_neighbors(void **st)
{
    char out[160];
    (void)st;

    assert_true(eigrp_debug_nbr("%DUAL-5-NBRCHANGE: EIGRP-IPv4 100: Neighbor 10.0.0.2 (Tunnel0) "
                                "is up: new adjacency",
                                out, sizeof(out)));
    assert_string_equal(out, "Neighbor 10.0.0.2 (Tunnel0) is up: new adjacency");
    assert_true(eigrp_debug_nbr("%DUAL-5-NBRCHANGE: EIGRP-IPv4 100: Neighbor 10.0.0.2 (Tunnel0) "
                                "is down: holding time expired",
                                out, sizeof(out)));
    assert_string_equal(out, "Neighbor 10.0.0.2 (Tunnel0) is down: holding time expired");
    assert_false(eigrp_debug_nbr("%DUAL-6-NBRINFO: something else", out, sizeof(out)));
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_packets),
        cmocka_unit_test(test_neighbors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
