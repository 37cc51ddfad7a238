/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * IKEv1 keys from crypto keyring and crypto isakmp profile: which key IOS
 * (and so charon) uses for which peer of which tunnel, the front-door VRF
 * scoping, and what the profile adds to the connections
 * (testdata/vici/keyring.cfg; its golden dump is test_ipsec_translate's).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "daemons/ipsec/translate.h"
#include "daemons/ipsec/translate_int.h"
#include "lib/inet.h"
#include "lib/vici.h"
#include "parsers/parse.h"

#define CFG "testdata/vici/keyring.cfg"

/* The key string IOS picks on tunnel ifname for peer ("" if none). */
static const char *
key_for(const struct cfg *c, const char *ifname, const char *peer)
{
    uint32_t a = 0;
    const struct cfg_isakmp_key *k;

    if (*peer)
        assert_true(inet_parse4(peer, &a));
    k = xlate_v1_best_key(c, ifname ? cfg_find_iface(c, ifname) : NULL, a);
    return k ? k->key : "";
}

static void
test_key_choice(void **state)
{
    struct cfg_parse *p = cfg_parse_file(CFG);
    const struct cfg *c;

    assert_non_null(p);
    c = p->cfg;
    /* global table, no profile: global keys + keyrings without vrf */
    assert_string_equal(key_for(c, "Tunnel0", "198.51.100.9"), "hostkey");
    assert_string_equal(key_for(c, "Tunnel0", "198.51.100.20"), "globalhost");
    /* not ETH3-ONLY's more specific key: local-address Ethernet3 */
    assert_string_equal(key_for(c, "Tunnel0", "198.51.100.50"), "subnetkey");
    assert_string_equal(key_for(c, "Tunnel0", "203.0.113.7"), "spokewild");
    assert_string_equal(key_for(c, "Tunnel0", ""), "spokewild");
    /* front-door VRF INET: its keyring only, never the global ones */
    assert_string_equal(key_for(c, "Tunnel1", "203.0.113.7"), "inethost");
    assert_string_equal(key_for(c, "Tunnel1", "198.51.100.9"), "inetwild");
    assert_string_equal(key_for(c, "Tunnel1", "198.51.100.20"), "inetwild");
    /* set isakmp-profile SPOKES-PROF: SPOKES + GLOBAL-KR, no global key */
    assert_string_equal(key_for(c, "Tunnel2", "198.51.100.9"), "hostkey");
    assert_string_equal(key_for(c, "Tunnel2", "198.51.100.77"), "subnetkey");
    assert_string_equal(key_for(c, "Tunnel2", "198.51.100.20"), "subnetkey");
    assert_string_equal(key_for(c, "Tunnel2", "10.9.9.9"), "spokewild");
    /* tunnel protection ... isakmp-profile ANY-PROF overrides: SPOKES and
     * ETH3-ONLY (Tunnel3's source is Ethernet3), not GLOBAL-KR */
    assert_string_equal(key_for(c, "Tunnel3", "198.51.100.9"), "eth3key");
    assert_string_equal(key_for(c, "Tunnel3", "198.51.100.200"), "spokewild");
    /* no tunnel context: the global table */
    assert_string_equal(key_for(c, NULL, "203.0.113.7"), "spokewild");
    cfg_parse_free(p);
}

static const struct vici_node *
conn(const struct ipsec_xlate *x, const char *name)
{
    size_t i;

    for (i = 0; i < x->nconns; i++)
        if (!strcmp(x->conns[i].name, name))
            return vici_node_get(vici_msg_root(x->conns[i].msg), name);
    fail_msg("no connection %s", name);
    return NULL;
}

static const struct vici_node *
shared(const struct ipsec_xlate *x, const char *id)
{
    size_t i;

    for (i = 0; i < x->nshared; i++)
        if (!strcmp(x->shared[i].id, id))
            return vici_msg_root(x->shared[i].msg);
    fail_msg("no shared key %s", id);
    return NULL;
}

static bool
has_owner(const struct vici_node *s, const char *owner)
{
    const struct vici_node *n;

    for (n = vici_node_first(vici_node_get(s, "owners")); n; n = vici_node_next(n))
        if (!strcmp(vici_node_value(n, NULL), owner))
            return true;
    return false;
}

static void
test_vici(void **state)
{
    struct cfg_parse *p = cfg_parse_file(CFG);
    struct ipsec_xlate x = {0};
    struct ipsec_xlate_opts o = {0};
    const struct vici_node *n, *s;

    assert_non_null(p);
    assert_int_equal(ipsec_xlate_config(p->cfg, &o, &x), 0);
    /* the VRF keyring's keys carry the VRF tunnel's source, not the others' */
    s = shared(&x, "keyring-0.0.0.0/0@INET-KR");
    assert_string_equal(vici_node_str(s, "data"), "inetwild");
    assert_true(has_owner(s, "%any"));
    assert_true(has_owner(s, "203.0.113.1"));
    assert_false(has_owner(s, "192.0.2.1"));
    s = shared(&x, "keyring-0.0.0.0/0@SPOKES");
    assert_true(has_owner(s, "192.0.2.65"));
    assert_false(has_owner(s, "203.0.113.1"));
    /* GLOBAL-KR serves Tunnel0 (global) and Tunnel2 (profile), not Tunnel3 */
    s = shared(&x, "keyring-198.51.100.9/32@GLOBAL-KR");
    assert_true(has_owner(s, "192.0.2.1"));
    assert_true(has_owner(s, "192.0.2.129"));
    assert_false(has_owner(s, "192.0.2.65"));
    /* remote ids: the scope of the key IOS picks */
    n = conn(&x, "Tunnel2-198.51.100.77");
    assert_string_equal(vici_node_str(vici_node_get(n, "remote"), "id"), "198.51.100.0/24");
    n = conn(&x, "Tunnel3-198.51.100.9");
    assert_string_equal(vici_node_str(vici_node_get(n, "remote"), "id"), "198.51.100.0/25");
    s = shared(&x, "keyring-198.51.100.0/25@ETH3-ONLY");
    assert_true(has_owner(s, "192.0.2.65"));
    assert_false(has_owner(s, "192.0.2.1"));
    n = conn(&x, "Tunnel1-203.0.113.7");
    assert_string_equal(vici_node_str(vici_node_get(n, "remote"), "id"), "203.0.113.7");
    /* the profile's keepalive (10 retry 2) beats crypto isakmp keepalive 30 5 */
    n = conn(&x, "Tunnel2-any");
    assert_string_equal(vici_node_str(n, "dpd_delay"), "10");
    assert_string_equal(vici_node_str(n, "dpd_timeout"), "20");
    assert_string_equal(vici_node_str(conn(&x, "Tunnel0-any"), "dpd_delay"), "30");
    /* match identity subnets: the responder accepts only those peers */
    n = vici_node_first(vici_node_get(n, "remote_addrs"));
    assert_string_equal(vici_node_value(n, NULL), "10.0.0.0/8");
    assert_string_equal(vici_node_value(vici_node_next(n), NULL), "198.51.100.0/24");
    assert_null(vici_node_next(vici_node_next(n)));
    n = vici_node_first(vici_node_get(conn(&x, "Tunnel3-any"), "remote_addrs"));
    assert_string_equal(vici_node_value(n, NULL), "%any");
    ipsec_xlate_free(&x);
    cfg_parse_free(p);
}

/* A profile that does not exist: noted, the VRF's keys serve, and a
 * run-time peer is still translated. */
static void
test_missing_profile(void **state)
{
    static const char text[] = "crypto isakmp policy 10\n"
                               " authentication pre-share\n"
                               "crypto keyring K\n"
                               "  pre-shared-key address 0.0.0.0 0.0.0.0 key k1\n"
                               "crypto ipsec transform-set TS esp-aes esp-sha-hmac\n"
                               "crypto ipsec profile P\n"
                               " set transform-set TS\n"
                               " set isakmp-profile NOPE\n"
                               "interface Ethernet0\n"
                               " ip address 192.0.2.1 255.255.255.0\n"
                               "interface Tunnel0\n"
                               " ip address 10.0.0.1 255.255.255.0\n"
                               " tunnel source Ethernet0\n"
                               " tunnel mode gre multipoint\n"
                               " tunnel protection ipsec profile P\n";
    struct cfg_parse *p = cfg_parse_text(text, sizeof(text) - 1);
    struct ipsec_xlate x = {0};
    struct ipsec_xlate_opts o = {0};
    size_t i;
    bool seen = false;

    assert_non_null(p);
    assert_int_equal(ipsec_xlate_config(p->cfg, &o, &x), 0);
    for (i = 0; i < x.nnotes; i++)
        if (x.notes[i].kind == IPSEC_NOTE_IGNORED && strstr(x.notes[i].text, "NOPE does not exist"))
            seen = true;
    assert_true(seen);
    ipsec_xlate_free(&x);
    assert_int_equal(ipsec_xlate_peer(p->cfg, &o, "Tunnel0", 0xc6336401u, &x), 0);
    assert_int_equal(x.nconns, 1);
    assert_string_equal(key_for(p->cfg, "Tunnel0", "198.51.100.1"), "k1");
    ipsec_xlate_free(&x);
    cfg_parse_free(p);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_key_choice),
        cmocka_unit_test(test_vici),
        cmocka_unit_test(test_missing_profile),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
