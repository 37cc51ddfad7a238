/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Records from a child (daemons/privsep/ps_recs.h): a count that does not
 * match the bytes, a kind no child answers, a negative count and an enum
 * field past its last value (a peer state, a cache entry's type or prefix
 * length, a tunnel's type) are refused; names without their NUL are cut at
 * their last byte, every other byte is left as the child wrote it. */
#include "daemons/privsep/ps_recs.h"
#include "lib/rec.h"
#include "lib/rec_nhrp6.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

static void
test_sizes(void **state)
{
    struct rec_dmvpn_peer p[2];

    (void)state;
    memset(p, 0, sizeof(p));
    assert_int_equal(ps_rec_size(REC_DMVPN_PEER), sizeof(struct rec_dmvpn_peer));
    assert_int_equal(ps_recs_sanitize(REC_DMVPN_PEER, p, 2, sizeof(p)), 0);
    assert_int_equal(ps_recs_sanitize(REC_DMVPN_PEER, p, 1, sizeof(p)), -1);
    assert_int_equal(ps_recs_sanitize(REC_DMVPN_PEER, p, 2, sizeof(p) - 1), -1);
    assert_int_equal(ps_recs_sanitize(REC_DMVPN_PEER, p, -1, 0), -1);
    assert_int_equal(ps_recs_sanitize(REC_DMVPN_PEER, p, 0, 0), 0);
    assert_int_equal(ps_rec_size(0xffff), 0);
    assert_int_equal(ps_recs_sanitize(0xffff, p, 0, 0), -1);
}

static void
test_names_cut(void **state)
{
    struct rec_tunnel t[2], want[2];

    (void)state;
    memset(t, 'A', sizeof(t)); /* no NUL anywhere */
    t[0].type = t[1].type = REC_TUN_HUB_SPOKE;
    memcpy(want, t, sizeof(t));
    assert_int_equal(ps_recs_sanitize(REC_TUNNEL, t, 2, sizeof(t)), 0);
    for (int i = 0; i < 2; i++) {
        assert_int_equal(strlen(t[i].ifname), sizeof(t[i].ifname) - 1);
        assert_int_equal(strlen(t[i].profile), sizeof(t[i].profile) - 1);
        assert_int_equal(strlen(t[i].vrf), sizeof(t[i].vrf) - 1);
        assert_int_equal(strlen(t[i].tun_vrf), sizeof(t[i].tun_vrf) - 1);
        want[i].ifname[sizeof(want[i].ifname) - 1] = '\0';
        want[i].profile[sizeof(want[i].profile) - 1] = '\0';
        want[i].vrf[sizeof(want[i].vrf) - 1] = '\0';
        want[i].tun_vrf[sizeof(want[i].tun_vrf) - 1] = '\0';
    }
    assert_memory_equal(t, want, sizeof(t));
}

static void
test_enums(void **state)
{
    struct rec_dmvpn_peer p[2];
    struct rec_nhrp_cache c[1];
    struct rec_tunnel t[1];

    (void)state;
    memset(p, 0, sizeof(p));
    p[1].state = REC_PEER_DOWN;
    p[1].target_len = 32;
    assert_int_equal(ps_recs_sanitize(REC_DMVPN_PEER, p, 2, sizeof(p)), 0);
    p[1].state = REC_PEER_DOWN + 1;
    assert_int_equal(ps_recs_sanitize(REC_DMVPN_PEER, p, 2, sizeof(p)), -1);
    p[1].state = REC_PEER_UP;
    p[1].target_len = 33;
    assert_int_equal(ps_recs_sanitize(REC_DMVPN_PEER, p, 2, sizeof(p)), -1);

    memset(c, 0, sizeof(c));
    c[0].type = REC_NHRP_INCOMPLETE;
    c[0].prefix_len = 32;
    assert_int_equal(ps_recs_sanitize(REC_NHRP_CACHE, c, 1, sizeof(c)), 0);
    c[0].type = 0xff;
    assert_int_equal(ps_recs_sanitize(REC_NHRP_CACHE, c, 1, sizeof(c)), -1);
    c[0].type = REC_NHRP_STATIC;
    c[0].prefix_len = 200;
    assert_int_equal(ps_recs_sanitize(REC_NHRP_CACHE, c, 1, sizeof(c)), -1);

    /* IPv6's records: prefix lengths up to 128 */
    struct rec_nhrp6_cache c6[1];
    struct rec_dmvpn6_peer p6[1];

    memset(c6, 0, sizeof(c6));
    c6[0].prefix_len = 128;
    assert_int_equal(ps_recs_sanitize(REC_NHRP6_CACHE, c6, 1, sizeof(c6)), 0);
    c6[0].prefix_len = 129;
    assert_int_equal(ps_recs_sanitize(REC_NHRP6_CACHE, c6, 1, sizeof(c6)), -1);
    memset(p6, 0, sizeof(p6));
    p6[0].target_len = 128;
    assert_int_equal(ps_recs_sanitize(REC_DMVPN6_PEER, p6, 1, sizeof(p6)), 0);
    p6[0].state = REC_PEER_DOWN + 1;
    assert_int_equal(ps_recs_sanitize(REC_DMVPN6_PEER, p6, 1, sizeof(p6)), -1);

    memset(t, 'A', sizeof(t)); /* refused before its names are touched */
    assert_int_equal(ps_recs_sanitize(REC_TUNNEL, t, 1, sizeof(t)), -1);
    assert_int_equal(t[0].ifname[sizeof(t[0].ifname) - 1], 'A');
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sizes),
        cmocka_unit_test(test_names_cut),
        cmocka_unit_test(test_enums),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
