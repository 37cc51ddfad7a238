/* SPDX-License-Identifier: GPL-2.0-or-later */
/* snmpd.conf rendering (snmp/sn_conf.c): golden files for the test configs
 * (testdata/snmp/NAME.cfg -> NAME.snmpd.conf, GOLDEN_UPDATE=1 rewrites
 * them), and the ACL translation rules on small configs. */
#include "snmp/sn_conf.h"
#include "parsers/parse.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

static char *
slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    long n;
    char *p;

    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    rewind(f);
    p = calloc(1, (size_t)n + 1);
    assert_non_null(p);
    assert_int_equal(fread(p, 1, (size_t)n, f), (size_t)n);
    fclose(f);
    return p;
}

/* testdata/snmp/NAME.cfg rendered with o must be NAME[SUFFIX].snmpd.conf */
static void
golden_with(const char *name, const char *suffix, const struct sn_conf_opts *o)
{
    char cfg[256], ok[256];
    struct cfg_parse *p;
    struct strbuf sb;
    char *want;

    snprintf(cfg, sizeof(cfg), "testdata/snmp/%s.cfg", name);
    snprintf(ok, sizeof(ok), "testdata/snmp/%s%s.snmpd.conf", name, suffix);
    p = cfg_parse_file(cfg);
    assert_non_null(p);
    sb_init(&sb);
    sn_conf_render(&sb, p->cfg, o);
    if (getenv("GOLDEN_UPDATE")) {
        FILE *f = fopen(ok, "wb");
        assert_non_null(f);
        fwrite(sb.buf, 1, sb.len, f);
        fclose(f);
    }
    want = slurp(ok);
    assert_non_null(want);
    assert_string_equal(sb.buf, want);
    free(want);
    sb_free(&sb);
    cfg_parse_free(p);
}

static void
golden(const char *name)
{
    struct sn_conf_opts o = {.agentx_socket = "/run/dmvpn/agentx.sock"};

    golden_with(name, "", &o);
}

static void
test_golden(void **state)
{
    /* the tables in snmpd (dlmod): no AgentX master lines at all */
    struct sn_conf_opts mod = {.module_path = "/usr/lib/x86_64-linux-gnu/dmvpn/dmvpn_snmp.so",
                               .ctl_socket = "/run/dmvpnd.sock",
                               .cache_ms = 5000};

    golden("hub");
    golden("spoke");
    golden_with("hub", ".module", &mod);
}

/* Renders a config text; returns the unrendered count, text in *out. */
static int
render(const char *text, char **out)
{
    struct cfg_parse *p = cfg_parse_text(text, strlen(text));
    struct strbuf sb;
    struct sn_conf_opts o = {.agent_address = "udp:127.0.0.1:161"};
    int bad;

    assert_non_null(p);
    sb_init(&sb);
    bad = sn_conf_render(&sb, p->cfg, &o);
    *out = strdup(sb.buf);
    sb_free(&sb);
    cfg_parse_free(p);
    return bad;
}

static void
test_acl(void **state)
{
    char *t;

    /* wildcards to prefixes, host and bare addresses, log ignored */
    assert_int_equal(render("access-list 5 permit 10.1.0.0 0.0.255.255 log\n"
                            "access-list 5 permit host 10.9.9.9\n"
                            "access-list 5 permit 10.8.8.8\n"
                            "snmp-server community c5 RO 5\n",
                            &t),
                     0);
    assert_non_null(strstr(t, "agentAddress udp:127.0.0.1:161\n"));
    assert_non_null(strstr(t, "com2sec dmvpn_c1_ok 10.1.0.0/16 c5\n"));
    assert_non_null(strstr(t, "com2sec dmvpn_c1_ok 10.9.9.9/32 c5\n"));
    assert_non_null(strstr(t, "com2sec dmvpn_c1_ok 10.8.8.8/32 c5\n"));
    assert_non_null(strstr(t, "access dmvpn_c1 \"\" any noauth exact dmvpn_all none none\n"));
    assert_null(strstr(t, "agentXSocket"));
    free(t);
    /* non-contiguous wildcards: a permit is left out, a deny widened */
    assert_int_equal(render("access-list 6 deny 10.2.0.1 0.0.255.0\n"
                            "access-list 6 permit 10.3.0.1 0.0.255.0\n"
                            "access-list 6 permit any\n"
                            "snmp-server community c6 RW 6\n",
                            &t),
                     1);
    assert_non_null(strstr(t, "com2sec dmvpn_c1_no 10.2.0.0/16 c6\n"));
    assert_null(strstr(t, "10.3.0."));
    assert_non_null(strstr(t, "com2sec dmvpn_c1_ok default c6\n"));
    assert_non_null(strstr(t, "1 entry of access-list 6 left out"));
    assert_non_null(strstr(t, "exact dmvpn_all dmvpn_all none\n")); /* RW */
    free(t);
    /* only denies: nothing is granted, no group line */
    assert_int_equal(render("access-list 7 deny any\nsnmp-server community c7 7\n", &t), 0);
    assert_non_null(strstr(t, "answers nobody"));
    assert_null(strstr(t, "group dmvpn_c1"));
    free(t);
    /* a name snmpd must read back as one token */
    assert_int_equal(render("snmp-server community pub#lic RO\n", &t), 0);
    assert_non_null(strstr(t, "com2sec dmvpn_c1_ok default \"pub#lic\"\n"));
    free(t);
    /* no snmp-server lines: snmpd answers no community */
    assert_int_equal(render("hostname x\n", &t), 0);
    assert_null(strstr(t, "com2sec"));
    assert_non_null(strstr(t, "sysName x\n"));
    free(t);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_golden),
        cmocka_unit_test(test_acl),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
