/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * diff(old, new) tests: each kind of change is reported once, with the right
 * interface flags, and an unchanged config gives an empty diff.
 */
#include "parsers/diff.h"
#include "parsers/parse.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

static const char base[] = "hostname hub\n"
                           "interface Tunnel0\n"
                           " ip address 10.1.1.1 255.255.255.0\n"
                           " ip nhrp network-id 1\n"
                           " ip nhrp map 10.1.1.2 192.0.2.2\n"
                           " tunnel source 192.0.2.1\n"
                           " tunnel mode gre multipoint\n"
                           "interface Ethernet0/0\n"
                           " ip address 192.0.2.1 255.255.255.0\n"
                           "ip route 10.0.0.0 255.0.0.0 10.1.1.2\n"
                           "ip route 10.9.0.0 255.255.0.0 10.1.1.2\n";

static struct cfg_diff
diff_of(const char *a, const char *b, struct cfg_parse **pa, struct cfg_parse **pb)
{
    struct cfg_diff d;

    *pa = cfg_parse_text(a, strlen(a));
    *pb = cfg_parse_text(b, strlen(b));
    cfg_diff((*pa)->cfg, (*pb)->cfg, &d);
    return d;
}

static const struct cfg_change *
find(const struct cfg_diff *d, enum cfg_change_kind k)
{
    size_t i;

    for (i = 0; i < d->n; i++)
        if (d->v[i].kind == k)
            return &d->v[i];
    return NULL;
}

static void
test_identity(void **state)
{
    struct cfg_parse *a, *b;
    struct cfg_diff d = diff_of(base, base, &a, &b);

    assert_int_equal(d.n, 0);
    cfg_diff_free(&d);
    cfg_parse_free(a);
    cfg_parse_free(b);
}

static void
test_changes(void **state)
{
    static const char next[] = "hostname hub2\n"
                               "interface Tunnel0\n"
                               " ip address 10.1.1.1 255.255.255.0\n"
                               " ip nhrp network-id 1\n"
                               " ip nhrp holdtime 300\n"
                               " ip nhrp map 10.1.1.3 192.0.2.3\n"
                               " tunnel source 192.0.2.1\n"
                               " tunnel mode gre multipoint\n"
                               " tunnel key 7\n"
                               " shutdown\n"
                               "interface Loopback0\n"
                               " ip address 10.255.0.1 255.255.255.255\n"
                               "ip route 10.0.0.0 255.0.0.0 10.1.1.2\n"
                               "ip route 10.8.0.0 255.255.0.0 10.1.1.3\n";
    struct cfg_parse *a, *b;
    struct cfg_diff d = diff_of(base, next, &a, &b);
    const struct cfg_change *c;
    size_t i, adds = 0, dels = 0;

    assert_non_null(find(&d, CHG_HOSTNAME));
    c = find(&d, CHG_IF_DEL);
    assert_non_null(c);
    assert_string_equal(c->name, "Ethernet0/0");
    c = find(&d, CHG_IF_ADD);
    assert_non_null(c);
    assert_string_equal(c->name, "Loopback0");
    c = find(&d, CHG_IF_MOD);
    assert_non_null(c);
    assert_string_equal(c->name, "Tunnel0");
    assert_int_equal(c->flags, CHGF_IF_NHRP | CHGF_IF_NHRP_MAPS | CHGF_IF_TUNNEL | CHGF_IF_ADMIN);
    for (i = 0; i < d.n; i++) {
        if (d.v[i].kind == CHG_ROUTE_ADD) {
            adds++;
            assert_int_equal(d.v[i].route->prefix, 0x0a080000);
        }
        if (d.v[i].kind == CHG_ROUTE_DEL) {
            dels++;
            assert_int_equal(d.v[i].route->prefix, 0x0a090000);
        }
    }
    assert_int_equal(adds, 1);
    assert_int_equal(dels, 1);
    assert_null(find(&d, CHG_ISAKMP));
    cfg_diff_free(&d);
    cfg_parse_free(a);
    cfg_parse_free(b);
}

static void
test_crypto_change(void **state)
{
    struct cfg_parse *a, *b;
    struct cfg_diff d = diff_of("crypto isakmp policy 10\n hash md5\n",
                                "crypto isakmp policy 10\n hash sha256\n", &a, &b);

    assert_int_equal(d.n, 1);
    assert_int_equal(d.v[0].kind, CHG_ISAKMP);
    cfg_diff_free(&d);
    cfg_parse_free(a);
    cfg_parse_free(b);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_identity),
        cmocka_unit_test(test_changes),
        cmocka_unit_test(test_crypto_change),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
