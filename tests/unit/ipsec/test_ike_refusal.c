/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * charon's log lines -> IOS's refusal syslog (daemons/ipsec/ike_refusal.c):
 * a PSK whose MAC does not match, a peer's AUTHENTICATION_FAILED, an
 * expired and a not-yet-valid certificate, a certificate of another CA;
 * one report per IKE SA (the first reason wins), addresses from the
 * packet lines, lines of other SAs and of no SA ignored. The lines are
 * strongSwan 5.9's as charon logs them in the e2e labs.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "daemons/ipsec/ike_refusal.h"

#define NOW ((time_t)1796602800) /* Dec  7 00:20:00 UTC 2026 */

static struct ike_refusal_track T;

static bool
feed(uint32_t uid, const char *line, struct ike_refusal *r)
{
    return ike_refusal_feed(&T, uid, line, NOW, r);
}

static void
test_psk_mismatch(void **state)
{
    struct ike_refusal r;
    char lines[2][IKE_REFUSAL_LINESIZ];
    (void)state;
    memset(&T, 0, sizeof(T));
    assert_false(feed(7, "received packet: from 202.1.1.3[500] to 202.1.1.1[500] (464 bytes)", &r));
    assert_false(feed(7, "202.1.1.3 is initiating an IKE_SA", &r));
    assert_false(
        feed(7, "received packet: from 202.1.1.3[4500] to 202.1.1.1[4500] (236 bytes)", &r));
    assert_true(
        feed(7, "tried 1 shared key for '202.1.1.1' - '202.1.1.3', but MAC mismatched", &r));
    assert_int_equal(r.why, IKE_REFUSE_AUTH);
    /* the AUTHENTICATION_FAILED we send back, more lines: one report */
    assert_false(feed(7, "no trusted RSA public key found for '202.1.1.3'", &r));
    assert_int_equal(T.refused[IKE_REFUSE_AUTH], 1);
    assert_int_equal(ike_refusal_ios(&r, lines), 1);
    assert_string_equal(lines[0], "%IKEV2-3-NEG_ABORT: Local:202.1.1.1:4500 Remote:202.1.1.3:4500 "
                                  "Username:Unknown IKEv2 Negotiation aborted due to ERROR: "
                                  "Failed to authenticate the IKE SA");
}

static void
test_rejected_by_peer(void **state)
{
    struct ike_refusal r;
    char lines[2][IKE_REFUSAL_LINESIZ];
    (void)state;
    memset(&T, 0, sizeof(T));
    assert_false(feed(3, "initiating IKE_SA Tunnel0-202.1.1.1[3] to 202.1.1.1", &r));
    assert_true(feed(3, "received AUTHENTICATION_FAILED notify error", &r));
    assert_int_equal(r.why, IKE_REFUSE_REJECTED);
    assert_int_equal(ike_refusal_ios(&r, lines), 1);
    assert_string_equal(lines[0], "%IKEV2-3-NEG_ABORT: Remote:202.1.1.1:0 Username:Unknown IKEv2 "
                                  "Negotiation aborted due to ERROR: Failed to authenticate the "
                                  "IKE SA");
}

static void
test_cert_expired_then_no_key(void **state)
{
    struct ike_refusal r;
    char lines[2][IKE_REFUSAL_LINESIZ];
    (void)state;
    memset(&T, 0, sizeof(T));
    feed(9, "sending packet: from 202.1.1.1[4500] to 202.1.1.4[4500] (80 bytes)", &r);
    assert_true(feed(9,
                     "  subject certificate invalid (valid from Dec 03 23:00:00 UTC 2026 to "
                     "Dec 05 23:00:00 UTC 2026)",
                     &r));
    assert_int_equal(r.why, IKE_REFUSE_CERT_EXPIRED);
    assert_false(feed(9, "no trusted RSA public key found for '202.1.1.4'", &r));
    assert_int_equal(ike_refusal_ios(&r, lines), 2);
    assert_string_equal(lines[0], "%PKI-3-CERTIFICATE_INVALID_EXPIRED: Certificate chain "
                                  "validation has failed.  The certificate has expired.  Validity "
                                  "period ended on 23:00:00 UTC Dec 5 2026");
    assert_string_equal(lines[1], "%IKEV2-3-NEG_ABORT: Local:202.1.1.1:4500 Remote:202.1.1.4:4500 "
                                  "Username:Unknown IKEv2 Negotiation aborted due to ERROR: "
                                  "Failed to authenticate the IKE SA");
}

static void
test_cert_not_yet_valid(void **state)
{
    struct ike_refusal r;
    char lines[2][IKE_REFUSAL_LINESIZ];
    (void)state;
    memset(&T, 0, sizeof(T));
    assert_true(feed(4,
                     "  subject certificate invalid (valid from Dec 09 01:02:03 UTC 2026 to "
                     "Dec 19 01:02:03 UTC 2026)",
                     &r));
    assert_int_equal(r.why, IKE_REFUSE_CERT_NOT_YET);
    assert_int_equal(ike_refusal_ios(&r, lines), 2);
    assert_string_equal(lines[0], "%PKI-3-CERTIFICATE_INVALID_NOT_YET_VALID: Certificate chain "
                                  "validation has failed.  The certificate is not yet valid.  "
                                  "Validity period starts on 01:02:03 UTC Dec 9 2026");
}

static void
test_other_ca(void **state)
{
    struct ike_refusal r;
    char lines[2][IKE_REFUSAL_LINESIZ];
    (void)state;
    memset(&T, 0, sizeof(T));
    assert_false(feed(5, "202.1.1.4 is initiating an IKE_SA", &r));
    assert_true(feed(5, "no issuer certificate found for \"O=Lab, CN=spoke3.lab\"", &r));
    assert_int_equal(r.why, IKE_REFUSE_CERT_ISSUER);
    assert_int_equal(ike_refusal_ios(&r, lines), 2);
    assert_string_equal(lines[0], "%PKI-3-CERTIFICATE_INVALID: Certificate chain validation has "
                                  "failed.  No trusted issuer (another CA)");
    assert_non_null(strstr(lines[1], "Remote:202.1.1.4:0 "));
}

static void
test_other_sas_and_noise(void **state)
{
    struct ike_refusal r;
    (void)state;
    memset(&T, 0, sizeof(T));
    /* no SA: ignored; a good SA's lines: nothing */
    assert_false(feed(0, "tried 1 shared key for 'a' - 'b', but MAC mismatched", &r));
    assert_false(feed(1, "authentication of '202.1.1.2' with pre-shared key successful", &r));
    assert_false(feed(1, "IKE_SA Tunnel0-any[1] established between 202.1.1.1[202.1.1.1]...", &r));
    assert_false(feed(1, "received packet: from [500] to x", &r));
    assert_false(feed(1, "received packet: from 1.2.3.4[99999] to 1.2.3.5[500]", &r));
    assert_false(feed(1, "  subject certificate invalid (valid from garbage", &r) &&
                 r.why != IKE_REFUSE_CERT_EXPIRED);
    /* IKEv1 SAs are not told in IKEv2's words */
    assert_false(feed(8, "202.1.1.3 is initiating a Main Mode IKE_SA", &r));
    assert_false(feed(8, "tried 1 shared key for 'a' - 'b', but MAC mismatched", &r));
    assert_false(feed(9, "initiating Main Mode IKE_SA Tunnel0-202.1.1.1[9] to 202.1.1.1", &r));
    assert_false(feed(9, "received AUTHENTICATION_FAILED notify error", &r));
    /* a refused SA does not hide the next SA's refusal */
    assert_true(feed(2, "received AUTHENTICATION_FAILED notify error", &r));
    assert_true(feed(6, "received AUTHENTICATION_FAILED notify error", &r));
    assert_false(feed(6, "received AUTHENTICATION_FAILED notify error", &r));
    /* more SAs than slots: the oldest are forgotten, never overrun */
    for (uint32_t u = 100; u < 100 + 3 * IKE_REFUSAL_SLOTS; u++)
        assert_true(feed(u, "tried 2 shared keys for 'x' - 'y', but MAC mismatched", &r));
    assert_int_equal(T.refused[IKE_REFUSE_AUTH], 3 * IKE_REFUSAL_SLOTS);
    assert_string_equal(ike_refusal_why_name(IKE_REFUSE_CERT_ISSUER), "cert-issuer");
    assert_string_equal(ike_refusal_why_name(IKE_REFUSE_COUNT), "?");
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_psk_mismatch),
        cmocka_unit_test(test_rejected_by_peer),
        cmocka_unit_test(test_cert_expired_then_no_key),
        cmocka_unit_test(test_cert_not_yet_valid),
        cmocka_unit_test(test_other_ca),
        cmocka_unit_test(test_other_sas_and_noise),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
