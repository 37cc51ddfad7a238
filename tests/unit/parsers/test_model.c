/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Model tests: whole configs in, model fields out. They pin the meaning of
 * lines (what a handler stores), IOS's mode rules across lines, that a
 * rejected line changes nothing, validation findings, and the printer's
 * round trip.
 */
#include "tests/unit/parsers/cfg_text.h"
#include "lib/inet.h"
#include "parsers/parse.h"
#include "parsers/print.h"
#include "parsers/secret.h"
#include "parsers/validate.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

static void
test_seed_hub(void **state)
{
    struct cfg_parse *p = cfg_parse_file("testdata/lab/seed/hub.cfg");
    const struct cfg *c;
    const struct cfg_iface *t;

    assert_non_null(p);
    c = p->cfg;
    assert_int_equal(p->counts[CLS_INVALID], 0);
    t = cfg_find_iface(c, "Tunnel0");
    assert_non_null(t);
    assert_int_equal(t->addr.addr, 0x0a010101);
    assert_int_equal(t->tun_mode, TUN_MODE_GRE_MULTIPOINT);
    assert_true(t->has_tun_src_ip);
    assert_int_equal(t->tun_src_ip, 0xca010101);
    assert_string_equal(t->nhrp.auth, "@lpha");
    assert_int_equal(t->nhrp.network_id, 1);
    assert_int_equal(t->nhrp.nmaps, 1);
    assert_true(t->nhrp.maps[0].multicast && t->nhrp.maps[0].dynamic);
    assert_string_equal(t->tun_protection, "DMVPN-PRO");
    assert_non_null(cfg_find_iface(c, "FastEthernet0/0"));
    assert_non_null(cfg_find_iface(c, "Loopback0"));
    assert_int_equal(c->npols, 1);
    assert_int_equal(c->pols[0].encr, ENCR_3DES);
    assert_int_equal(c->pols[0].hash, HASH_MD5);
    assert_int_equal(c->pols[0].auth, AUTH_PRE_SHARE);
    assert_int_equal(c->pols[0].group, 2);
    assert_int_equal(c->nkeys, 1);
    assert_string_equal(c->keys[0].key, "@lpha");
    assert_int_equal(c->ntsets, 1);
    assert_int_equal(c->tsets[0].xf[0], XF_ESP_3DES);
    assert_int_equal(c->tsets[0].xf[1], XF_ESP_MD5_HMAC);
    assert_false(c->tsets[0].transport);
    assert_int_equal(c->nroutes, 2);
    assert_int_equal(c->routes[1].prefix, 0xc0a80300);
    assert_int_equal(c->routes[1].nh, 0x0a010103);
    cfg_parse_free(p);
}

static void
test_nhs_nbma(void **state)
{
    struct cfg_parse *p = cfg_parse_file("testdata/lab/seed/spoke1.cfg");
    const struct cfg_iface *t = cfg_find_iface(p->cfg, "Tunnel0");
    uint32_t nbma = 0;

    assert_int_equal(t->nhrp.nnhs, 1);
    assert_true(cfg_nhs_nbma(t, &t->nhrp.nhs[0], &nbma));
    assert_int_equal(nbma, 0xca010101);
    assert_string_equal(t->tun_src_if, "Ethernet0/0");
    assert_int_equal(cfg_nhrp_holdtime(&t->nhrp), 7200);
    cfg_parse_free(p);
}

static void
test_rejected_line_changes_nothing(void **state)
{
    struct cfg_parse *p = tcfg_parse("interface Tunnel0\n"
                                     " ip address 10.1.1.1 255.255.255.0\n"
                                     " ip address 10.2.2.1 255.0.255.0\n" /* bad mask */
                                     " ip nhrp holdtime 300\n"
                                     " ip nhrp holdtime 99999\n"            /* out of range */
                                     " ip address 10.3.3.0 255.255.255.0\n" /* network address */
                                     " tunnel key 5\n");
    const struct cfg_iface *t = cfg_find_iface(p->cfg, "Tunnel0");

    assert_int_equal(p->counts[CLS_INVALID], 3);
    assert_int_equal(t->addr.addr, 0x0a010101);
    assert_int_equal(t->addr.mask, 0xffffff00);
    assert_int_equal(t->nhrp.holdtime, 300);
    /* the mode survives rejected lines: tunnel key still lands on Tunnel0 */
    assert_true(t->has_tun_key);
    assert_int_equal(t->tun_key, 5);
    cfg_parse_free(p);
}

static void
test_implicit_exit(void **state)
{
    struct cfg_parse *p = tcfg_parse("interface Tunnel0\n"
                                     "ip route 10.0.0.0 255.0.0.0 10.1.1.2\n"
                                     "ip nhrp network-id 5\n" /* global now: invalid */
                                     "crypto isakmp policy 10\n"
                                     "hash md5\n"
                                     "interface Tunnel1\n"
                                     "hash sha256\n"); /* not an interface command */

    assert_int_equal(p->cfg->nroutes, 1);
    assert_false(cfg_find_iface(p->cfg, "Tunnel0")->nhrp.has_network_id);
    assert_int_equal(p->diags[2].cls, CLS_INVALID);
    assert_int_equal(p->cfg->pols[0].hash, HASH_MD5);
    assert_int_equal(p->diags[6].cls, CLS_INVALID);
    assert_int_equal(p->final_mode, MODE_IF);
    cfg_parse_free(p);
}

static void
test_no_forms(void **state)
{
    struct cfg_parse *p = tcfg_parse("interface Tunnel0\n"
                                     " ip nhrp map 10.1.1.2 192.0.2.2\n"
                                     " ip nhrp map 10.1.1.3 192.0.2.3\n"
                                     " ip nhrp map 10.1.1.2 192.0.2.2\n" /* duplicate: one entry */
                                     " ip nhrp nhs 10.1.1.2\n"
                                     " no ip nhrp map 10.1.1.2 192.0.2.2\n"
                                     " ip nhrp holdtime 60\n"
                                     " no ip nhrp holdtime\n"
                                     " no ip nhrp nhs 10.1.1.2\n"
                                     "ip route 10.0.0.0 255.0.0.0 10.1.1.3\n"
                                     "ip route 10.0.0.0 255.0.0.0 10.1.1.4 5\n"
                                     "ip route 10.0.0.0 255.0.0.0 10.1.1.4 7\n" /* replaces AD */
                                     "no ip route 10.0.0.0 255.0.0.0 10.1.1.3\n"
                                     "no ip route 10.0.0.0 255.0.0.0 10.1.1.9\n");
    const struct cfg_iface *t = cfg_find_iface(p->cfg, "Tunnel0");

    assert_int_equal(t->nhrp.nmaps, 1);
    assert_int_equal(t->nhrp.maps[0].proto, 0x0a010103);
    assert_int_equal(t->nhrp.holdtime, 0);
    assert_int_equal(t->nhrp.nnhs, 0);
    assert_int_equal(p->cfg->nroutes, 1);
    assert_int_equal(p->cfg->routes[0].nh, 0x0a010104);
    assert_int_equal(p->cfg->routes[0].distance, 7);
    assert_true(p->diags[13].warning);
    assert_string_equal(p->diags[13].msg, "%No matching route to delete");
    assert_int_equal(p->counts[CLS_INVALID], 0);
    cfg_parse_free(p);
}

static void
fixed_rand(unsigned char *b, size_t n)
{
    memset(b, 7, n);
}

static void
test_secrets(void **state)
{
    struct cfg_parse *p;
    const struct cfg_user *u;

    secret_set_rand(fixed_rand);
    p = tcfg_parse("username admin privilege 15 secret cisco\n"
                   "username ops secret 5 $1$oO29$iWohukYXVTpYAOj80p1nD.\n"
                   "username bad secret 9 short\n"
                   "enable secret class\n");
    secret_set_rand(NULL);
    assert_int_equal(p->cfg->nusers, 2);
    u = &p->cfg->users[0];
    assert_int_equal(u->type, 5);
    assert_int_equal(u->privilege, 15);
    assert_memory_equal(u->value, "$1$", 3);
    assert_null(strstr(u->value, "cisco")); /* never stored in clear */
    assert_true(secret_verify(5, u->value, "cisco"));
    assert_false(secret_verify(5, u->value, "Cisco"));
    assert_true(secret_verify(5, p->cfg->enable_secret, "class"));
    assert_int_equal(p->diags[2].cls, CLS_INVALID);
    cfg_parse_free(p);
}

static void
test_opaque_kept_and_undone(void **state)
{
    struct cfg_parse *p = tcfg_parse("interface Ethernet0/0\n"
                                     " ip ospf cost 10\n"
                                     " duplex auto\n"
                                     " no ip ospf cost\n"
                                     "ip domain lookup\n"
                                     "no ip domain lookup\n"
                                     "router bgp 65000\n"
                                     " neighbor 10.0.0.1 remote-as 65000\n"
                                     "neighbor 10.0.0.2 remote-as 65000\n"
                                     "interface Tunnel0\n");
    const struct cfg_iface *e = cfg_find_iface(p->cfg, "Ethernet0/0");
    char *out;

    assert_int_equal(p->counts[CLS_INVALID], 0);
    assert_int_equal(e->opaque.n, 2);
    assert_string_equal(e->opaque.v[0].text, " duplex auto");
    assert_string_equal(e->opaque.v[1].text, " no ip ospf cost");
    assert_int_equal(p->cfg->nrouters, 1);
    assert_int_equal(p->cfg->routers[0].proto, RTR_BGP);
    assert_int_equal(p->cfg->routers[0].lines.n, 2);
    assert_string_equal(p->cfg->routers[0].lines.v[1].text, " neighbor 10.0.0.2 remote-as 65000");
    out = tcfg_print(p->cfg);
    assert_non_null(strstr(out, "no ip domain lookup\n"));
    assert_null(strstr(out, "\nip domain lookup\n"));
    free(out);
    cfg_parse_free(p);
}

static void
test_validate(void **state)
{
    struct cfg_parse *p = tcfg_parse("interface Tunnel0\n"
                                     " ip address 10.1.1.2 255.255.255.0\n"
                                     " ip nhrp network-id 1\n"
                                     " ip nhrp nhs 10.1.1.1\n"
                                     " tunnel source Ethernet0/0\n"
                                     " tunnel mode gre multipoint\n"
                                     " tunnel protection ipsec profile P\n"
                                     "crypto ipsec profile P\n"
                                     " set transform-set NONE\n");
    struct cfg_findings f;
    size_t i;
    int found = 0;

    cfg_validate(p->cfg, &f);
    for (i = 0; i < f.n; i++) {
        if (strstr(f.v[i].msg, "tunnel source Ethernet0/0 does not exist"))
            found |= 1;
        if (strstr(f.v[i].msg, "NHS 10.1.1.1 has no NBMA address"))
            found |= 2;
        if (strstr(f.v[i].msg, "transform-set NONE does not exist"))
            found |= 4;
        if (strstr(f.v[i].msg, "crypto isakmp policy with authentication pre-share"))
            found |= 8;
    }
    assert_int_equal(found, 15);
    cfg_findings_free(&f);
    cfg_parse_free(p);
}

static void
test_round_trip_all_testdata(void **state)
{
    const char *files[] = {"testdata/lab/seed/hub.cfg",
                           "testdata/lab/seed/spoke1.cfg",
                           "testdata/lab/seed/spoke2.cfg",
                           "testdata/config/nhrp_full.cfg",
                           "testdata/config/crypto_full.cfg",
                           "testdata/config/opaque_stanzas.cfg",
                           "testdata/config/users_lines_snmp.cfg",
                           "testdata/config/no_forms.cfg"};
    size_t i;

    for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
        struct cfg_parse *p = cfg_parse_file(files[i]), *q;
        char *a, *b;
        assert_non_null(p);
        a = tcfg_print(p->cfg);
        q = tcfg_parse(a);
        assert_int_equal(q->counts[CLS_INVALID], 0);
        b = tcfg_print(q->cfg);
        assert_string_equal(a, b);
        free(a);
        free(b);
        cfg_parse_free(q);
        cfg_parse_free(p);
    }
}

/* Linux link -> IOS interface: one per link, and on lo (every loopback's
 * addresses) the loopback whose subnet holds the address. */
static void
test_iface_of_link(void **state)
{
    struct cfg_parse *p =
        tcfg_parse("interface Loopback0\n ip address 10.0.0.1 255.255.255.0\n"
                   "interface Loopback1\n ip address 10.0.1.1 255.255.255.0\n"
                   "interface FastEthernet0/0\n ip address 192.0.2.1 255.255.255.0\n"
                   "interface Tunnel0\n ip address 172.16.0.1 255.255.255.0\n");
    const struct cfg *c = p->cfg;
    uint32_t a = 0;
    (void)state;

    assert_string_equal(cfg_iface_of_link(c, "Fa0-0", 0)->name, "FastEthernet0/0");
    assert_string_equal(cfg_iface_of_link(c, "Tunnel0", 0)->name, "Tunnel0");
    assert_true(inet_parse4("10.0.1.7", &a));
    assert_string_equal(cfg_iface_of_link(c, "lo", a)->name, "Loopback1");
    assert_string_equal(cfg_iface_of_link(c, "lo", 0)->name, "Loopback0");
    assert_true(inet_parse4("10.9.9.9", &a));
    assert_null(cfg_iface_of_link(c, "lo", a));
    assert_null(cfg_iface_of_link(c, "Et9-9", 0));
    cfg_parse_free(p);
}

static void
test_banner(void **state)
{
    struct cfg_parse *p = tcfg_parse("banner motd #\nline one\nline two # trailing\nhostname X\n");

    assert_int_equal(p->counts[CLS_INVALID], 0);
    assert_string_equal(p->cfg->hostname, "X");
    assert_string_equal(p->cfg->global_opaque.v[0].text,
                        "banner motd #\nline one\nline two # trailing");
    cfg_parse_free(p);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_seed_hub),      cmocka_unit_test(test_iface_of_link),
        cmocka_unit_test(test_nhs_nbma),      cmocka_unit_test(test_rejected_line_changes_nothing),
        cmocka_unit_test(test_implicit_exit), cmocka_unit_test(test_no_forms),
        cmocka_unit_test(test_secrets),       cmocka_unit_test(test_opaque_kept_and_undone),
        cmocka_unit_test(test_validate),      cmocka_unit_test(test_round_trip_all_testdata),
        cmocka_unit_test(test_banner),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
