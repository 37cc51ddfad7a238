/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * One IOS personality per node from the config's `version` line: the
 * mapping of each train to its legends and layouts, and that the renderers
 * then print that image's text (show ip route legend, show dmvpn legend,
 * show crypto ikev2 sa layout).
 */
#include "cli/render/render_personality.h"
#include "cli/render/render_routing.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

static void
test_mapping(void **state)
{
    static const struct {
        const char *v;
        enum render_ios_family f;
        enum render_dmvpn_legend l;
        enum render_crypto_dialect c;
    } t[] = {
        {NULL, RENDER_IOS_15_5, RENDER_LEGEND_BGP_I2, RENDER_CRYPTO_IOS15},
        {"", RENDER_IOS_15_5, RENDER_LEGEND_BGP_I2, RENDER_CRYPTO_IOS15},
        {"12.4", RENDER_IOS_12, RENDER_LEGEND_CTS, RENDER_CRYPTO_IOS124},
        {"15.2", RENDER_IOS_15_4, RENDER_LEGEND_PLAIN, RENDER_CRYPTO_IOS152},
        {"15.4", RENDER_IOS_15_4, RENDER_LEGEND_CTS, RENDER_CRYPTO_IOS15},
        {"15.5", RENDER_IOS_15_5, RENDER_LEGEND_I2, RENDER_CRYPTO_IOS15},
        {"15.6", RENDER_IOS_15_5, RENDER_LEGEND_I2, RENDER_CRYPTO_IOS15},
        {"15.7", RENDER_IOS_15_5, RENDER_LEGEND_BGP_I2, RENDER_CRYPTO_IOS15},
        {"15.9", RENDER_IOS_15_5, RENDER_LEGEND_BGP_I2, RENDER_CRYPTO_IOS15},
        {"16.9", RENDER_IOS_XE16, RENDER_LEGEND_BGP_I2, RENDER_CRYPTO_IOSXE16},
        {"17.15", RENDER_IOS_XE17, RENDER_LEGEND_BGP_I2, RENDER_CRYPTO_IOSXE17},
        {"garbage", RENDER_IOS_15_5, RENDER_LEGEND_BGP_I2, RENDER_CRYPTO_IOS15},
    };

    for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
        struct render_personality p;
        render_personality_of(t[i].v, &p);
        assert_int_equal(p.family, t[i].f);
        assert_int_equal(p.legend, t[i].l);
        assert_int_equal(p.crypto, t[i].c);
        assert_non_null(p.name);
    }
}

static char *
route_text(const char *version)
{
    struct render_personality p;
    struct render_route_opts o;
    struct strbuf sb;

    render_personality_of(version, &p);
    memset(&o, 0, sizeof(o));
    o.family = p.family;
    sb_init(&sb);
    render_route_ex(&sb, 0, NULL, 0, &o);
    return sb_steal(&sb);
}

static void
test_route_legend(void **state)
{
    char *a = route_text("15.4"), *b = route_text("15.9"), *c = route_text("17.15");

    assert_non_null(strstr(a, "+ - replicated route, % - next hop override\n\n"));
    assert_null(strstr(a, "PfR"));
    assert_non_null(strstr(b, "% - next hop override, p - overrides from PfR\n\n"));
    assert_non_null(strstr(c, "m - OMP"));
    assert_non_null(strstr(c, "G - NHRP registered"));
    free(a);
    free(b);
    free(c);
}

static void
test_dmvpn_legend(void **state)
{
    struct render_dmvpn_in in;
    struct render_personality p;
    struct strbuf sb;

    memset(&in, 0, sizeof(in));
    sb_init(&sb);
    render_personality_of("15.4", &p);
    in.legend = p.legend;
    render_dmvpn(&sb, 0, &in);
    assert_non_null(strstr(sb.buf, "C - CTS Capable\n"));
    assert_null(strstr(sb.buf, "I2"));
    sb_reset(&sb);
    render_personality_of("17.3", &p);
    in.legend = p.legend;
    render_dmvpn(&sb, 0, &in);
    assert_non_null(strstr(sb.buf, "T2 - Nexthop-override, B - BGP"));
    assert_non_null(strstr(sb.buf, "I2 - Temporary"));
    sb_free(&sb);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_mapping),
        cmocka_unit_test(test_route_legend),
        cmocka_unit_test(test_dmvpn_legend),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
