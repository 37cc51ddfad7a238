/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * show running-config interface X: a config holding the interface of an
 * IOSv capture is parsed and printed whole (parsers/print.c), the stanza is
 * cut from that text and compared byte for byte with the capture (byte
 * count included); an interface the config lacks gives nothing, and the
 * JSON form holds the stanza's lines.
 */
#include "cli/render/render_runcfg.h"
#include "parsers/parse.h"
#include "parsers/print.h"
#include "tests/unit/render/nhrp/golden.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

static const char branch1[] = "hostname Branch1\n"
                              "!\n"
                              "interface GigabitEthernet0/1\n"
                              " ip address 200.0.0.1 255.255.255.0\n"
                              "!\n"
                              "interface Tunnel0\n"
                              " ip address 10.0.1.1 255.255.255.0\n"
                              " ip nhrp map multicast 200.0.0.12\n"
                              " ip nhrp network-id 1\n"
                              " ip nhrp nhs 10.0.1.12\n"
                              " tunnel source GigabitEthernet0/1\n"
                              " tunnel destination 200.0.0.12\n"
                              "!\n"
                              "end\n";

static void
running(struct strbuf *run)
{
    struct cfg_parse *p = cfg_parse_text(branch1, strlen(branch1));

    assert_non_null(p->cfg);
    sb_init(run);
    cfg_print(run, p->cfg, true);
    cfg_parse_free(p);
}

static void
test_tunnel0_iosv(void **state)
{
    static const struct golden_case gc = {
        "show_running_config_interface/hqlab-iosv-Branch1-tunnel0-p2p.txt", GOLDEN_EXACT, NULL,
        NULL};
    struct strbuf run, out;

    (void)state;
    running(&run);
    sb_init(&out);
    assert_true(render_runcfg_interface(&out, run.buf, run.len, "Tunnel0"));
    golden_check(&gc, &out);
    sb_free(&out);
    sb_free(&run);
}

static void
test_other_and_missing(void **state)
{
    struct strbuf run, out;

    (void)state;
    running(&run);
    sb_init(&out);
    /* a prefix of a name is not the name */
    assert_false(render_runcfg_interface(&out, run.buf, run.len, "Tunnel1"));
    assert_false(render_runcfg_interface(&out, run.buf, run.len, "GigabitEthernet0"));
    assert_int_equal(out.len, 0);
    assert_true(render_runcfg_interface(&out, run.buf, run.len, "GigabitEthernet0/1"));
    assert_string_equal(out.buf, "Building configuration...\n\n"
                                 "Current configuration : 67 bytes\n!\n"
                                 "interface GigabitEthernet0/1\n"
                                 " ip address 200.0.0.1 255.255.255.0\n"
                                 "end\n");
    sb_reset(&out);
    assert_true(render_runcfg_interface_json(&out, run.buf, run.len, "GigabitEthernet0/1"));
    assert_string_equal(out.buf, "{\"interface\":\"GigabitEthernet0/1\",\"lines\":["
                                 "\"interface GigabitEthernet0/1\","
                                 "\" ip address 200.0.0.1 255.255.255.0\"]}");
    sb_free(&out);
    sb_free(&run);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tunnel0_iosv),
        cmocka_unit_test(test_other_and_missing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
