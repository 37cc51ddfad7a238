/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * show crypto ipsec profile from a running config: the routers of the IOS
 * XE captures in testdata/ios/show/show_crypto_ipsec_profile/ retyped as
 * config, turned into records by dmvpnd's code (profile_records.c) and
 * rendered, must print the captures; plus the built-in "default" profile,
 * the name filter, PFS, a disabled volume lifetime and the JSON.
 */
#include "cli/render/render_crypto_extra.h"
#include "daemons/ipsec/profile_records.h"
#include "parsers/parse.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "tests/unit/render/crypto/fixtures.h"
#include "tests/unit/render/crypto/golden.h"

#define SD "testdata/ios/show/show_crypto_ipsec_profile/"

static struct cfg_parse *
parse(const char *text)
{
    struct cfg_parse *p = cfg_parse_text(text, strlen(text));

    assert_non_null(p);
    assert_non_null(p->cfg);
    return p;
}

static char *
render_d(const char *cfgtext, const char *name, int json, unsigned dialect)
{
    struct cfg_parse *p = parse(cfgtext);
    struct rec_ipsec_profile *r;
    size_t n = ipsec_rec_profiles(p->cfg, &r);
    struct strbuf sb;

    sb_init(&sb);
    json ? render_crypto_ipsec_profile_json(&sb, r, n, name)
         : render_crypto_ipsec_profile(&sb, r, n, name, dialect);
    free(r);
    cfg_parse_free(p);
    return sb.buf;
}

static char *
render(const char *cfgtext, const char *name, int json)
{
    return render_d(cfgtext, name, json, RENDER_CRYPTO_IOS15);
}

static void
compare(const char *capture, const char *ours, unsigned mode)
{
    char msg[1024];
    char *want = golden_read(capture, NULL);

    assert_non_null(want);
    if (golden_compare(want, ours, mode, msg, sizeof msg) != 0) {
        fprintf(stderr, "---- ours ----\n%s----\n", ours);
        fail_msg("%s: %s", capture, msg);
    }
    free(want);
}

/* genie ShowCryptoIpsecProfile golden_output: one IKEv2 profile with two
 * transform sets, and IOS's default profile listed first (by name) */
static const char genie_cfg[] = "crypto ikev2 profile nil_ike_prof\n"
                                " match identity remote any\n"
                                " authentication remote pre-share\n"
                                " authentication local pre-share\n"
                                "!\n"
                                "crypto ipsec transform-set nil_tfs esp-aes esp-sha-hmac\n"
                                "crypto ipsec transform-set test esp-aes esp-sha-hmac\n"
                                "crypto ipsec profile nil_ips\n"
                                " set transform-set nil_tfs test\n"
                                " set ikev2-profile nil_ike_prof\n"
                                "!\n";

/* golden_output_1: two responder-only profiles of a site router, sorted
 * before "default" (upper case sorts first, as IOS compares names) */
static const char site_cfg[] = "crypto ikev2 profile DCCRT1012-IKEv2-PROFILE\n"
                               " match identity remote any\n"
                               " authentication remote pre-share\n"
                               " authentication local pre-share\n"
                               "crypto ikev2 profile FRCRT1012-IKEv2-PROFILE\n"
                               " match identity remote any\n"
                               " authentication remote pre-share\n"
                               " authentication local pre-share\n"
                               "crypto ipsec transform-set RSITE-ipsec-proposal-set esp-gcm 256\n"
                               "crypto ipsec profile FRCRT1012-IPSEC-PROFILE\n"
                               " set security-association lifetime kilobytes 102400000\n"
                               " set security-association lifetime seconds 27000\n"
                               " set transform-set RSITE-ipsec-proposal-set\n"
                               " set ikev2-profile FRCRT1012-IKEv2-PROFILE\n"
                               " responder-only\n"
                               "crypto ipsec profile DCCRT1012-IPSEC-PROFILE\n"
                               " set security-association lifetime kilobytes 102400000\n"
                               " set security-association lifetime seconds 27000\n"
                               " set transform-set RSITE-ipsec-proposal-set\n"
                               " set ikev2-profile DCCRT1012-IKEv2-PROFILE\n"
                               " responder-only\n"
                               "!\n";

static void
test_genie(void **state)
{
    char *t = render(genie_cfg, NULL, 0);

    (void)state;
    compare(SD "genie-iosxe-golden_output.txt", t, FX_EXACT);
    free(t);
}

static void
test_site(void **state)
{
    char *t = render(site_cfg, NULL, 0);

    (void)state;
    /* the copy keeps blanks after "={" and " ," that the other capture has
     * not and lost its final newline: compared without line-end blanks */
    compare(SD "genie-iosxe-golden_output_1.txt", t, FX_RSTRIP | FX_TRIM);
    free(t);
}

static void
test_filter_pfs_json(void **state)
{
    static const char cfg[] = "crypto ipsec transform-set TS esp-aes 256 esp-sha256-hmac\n"
                              " mode transport\n"
                              "crypto ipsec profile P\n"
                              " set transform-set TS\n"
                              " set pfs group14\n"
                              " set security-association lifetime kilobytes disable\n"
                              "crypto ipsec profile Q\n"
                              " set pfs\n"
                              "!\n";
    char *t;

    (void)state;
    t = render(cfg, "P", 0);
    assert_string_equal(t, "IPSEC profile P\n"
                           "        Kilobyte Volume Rekey has been disabled.\n"
                           "        Security association lifetime:3600 seconds\n"
                           "        Responder-Only (Y/N): N\n"
                           "        PFS (Y/N): Y\n"
                           "        DH group: group14\n"
                           "        Mixed-mode : Disabled\n"
                           "        Transform sets={\n"
                           "                TS:  { esp-256-aes esp-sha256-hmac  } ,\n"
                           "        }\n");
    free(t);
    /* a bare set pfs is group 1; no transform set: IOS's default one */
    t = render(cfg, "Q", 0);
    assert_non_null(strstr(t, "DH group: group1\n"));
    assert_non_null(strstr(t, "default:  { esp-aes esp-sha-hmac  } ,\n"));
    free(t);
    t = render(cfg, "nosuch", 0);
    assert_string_equal(t, "");
    free(t);
    t = render(cfg, NULL, 1);
    assert_non_null(strstr(t, "{\"name\":\"P\""));
    assert_non_null(strstr(t, "\"transforms\":\"esp-256-aes esp-sha256-hmac\""));
    assert_non_null(strstr(t, "\"name\":\"default\""));
    free(t);
    /* no config at all: the default profile alone */
    {
        struct rec_ipsec_profile *r;
        size_t n = ipsec_rec_profiles(NULL, &r);

        assert_int_equal(n, 1);
        assert_string_equal(r[0].name, "default");
        assert_int_equal(r[0].life_kb, 4608000);
        free(r);
    }
}

/* golden_output_2 (IOS XE 17): the dmvpn-hub profile, in two parts around
 * its PQC Key Exchange line (ML-KEM, which this project does not offer) */
static void
test_xe17(void **state)
{
    static const char cfg[] = "crypto ikev2 profile ikev2profile\n"
                              " match identity remote any\n"
                              " authentication remote pre-share\n"
                              " authentication local pre-share\n"
                              "crypto ipsec transform-set tset1 esp-aes 256 esp-sha256-hmac\n"
                              "crypto ipsec profile dmvpn-hub\n"
                              " set security-association lifetime kilobytes disable\n"
                              " set transform-set tset1\n"
                              " set pfs group21\n"
                              " set ikev2-profile ikev2profile\n"
                              "!\n";
    char *t = render_d(cfg, "dmvpn-hub", 0, RENDER_CRYPTO_IOSXE17);
    char *head = golden_read(SD "genie-iosxe-golden_output_2-dmvpn-hub-upto-dh.txt", NULL);
    char *tail = golden_read(SD "genie-iosxe-golden_output_2-dmvpn-hub-after-pqc.txt", NULL);

    (void)state;
    assert_non_null(head);
    assert_non_null(tail);
    /* the capture's output ends without the last newline */
    assert_true(strlen(t) > 0 && t[strlen(t) - 1] == '\n');
    t[strlen(t) - 1] = '\0';
    if (strncmp(t, head, strlen(head)) != 0 || strcmp(t + strlen(head), tail) != 0) {
        fprintf(stderr, "---- ours ----\n%s----\n", t);
        fail_msg("XE 17 dmvpn-hub profile differs from the capture");
    }
    free(head);
    free(tail);
    free(t);
    /* the other dialects keep the 16 layout */
    t = render_d(cfg, "dmvpn-hub", 0, RENDER_CRYPTO_IOS124);
    assert_null(strchr(t, '\t'));
    free(t);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_genie),
        cmocka_unit_test(test_site),
        cmocka_unit_test(test_filter_pfs_json),
        cmocka_unit_test(test_xe17),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
