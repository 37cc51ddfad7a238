/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The daemon's shell support with a fake clock: exponential login
 * throttling per source, the log buffer's IOS forms and ring behaviour, and
 * the /etc/shadow lines sshd checks IOS secrets with, and the operators'
 * group of the control socket (peer.h).
 */
#include "daemons/dmvpnd/access.h"
#include "daemons/dmvpnd/auth.h"
#include "daemons/dmvpnd/logbuf.h"
#include "daemons/dmvpnd/peer.h"
#include "parsers/secret.h"

#include <crypt.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cmocka.h>

static void
test_throttle(void **state)
{
    static struct auth a;
    int64_t t = 1000000;

    memset(&a, 0, sizeof(a));
    /* three failures are free, then 1 s, 2 s, 4 s ... */
    assert_int_equal(auth_record(&a, "10.0.0.9", false, t), 0);
    assert_int_equal(auth_record(&a, "10.0.0.9", false, t), 0);
    assert_int_equal(auth_record(&a, "10.0.0.9", false, t), 1000);
    assert_int_equal(auth_quiet_left(&a, "10.0.0.9", t), 1);
    assert_int_equal(auth_quiet_left(&a, "10.0.0.8", t), 0); /* other sources unaffected */
    assert_int_equal(auth_record(&a, "10.0.0.9", false, t + 1000), 2000);
    assert_int_equal(auth_record(&a, "10.0.0.9", false, t + 3000), 4000);
    assert_int_equal(auth_quiet_left(&a, "10.0.0.9", t + 3000), 4);
    assert_int_equal(auth_quiet_left(&a, "10.0.0.9", t + 7000), 0);
    /* capped */
    for (int i = 0; i < 20; i++)
        auth_record(&a, "10.0.0.9", false, t);
    assert_int_equal(auth_quiet_left(&a, "10.0.0.9", t), AUTH_MAX_QUIET);
    /* a success clears the source */
    auth_record(&a, "10.0.0.9", true, t + 400000);
    assert_int_equal(auth_quiet_left(&a, "10.0.0.9", t + 400000), 0);
    assert_int_equal(auth_record(&a, "10.0.0.9", false, t + 400000), 0);
    /* a flood of sources reuses the table, never grows it */
    for (int i = 0; i < 10 * AUTH_SOURCES; i++) {
        char src[32];
        snprintf(src, sizeof(src), "192.0.2.%d", i);
        auth_record(&a, src, false, t + 500000 + i);
    }
    assert_int_equal(auth_quiet_left(&a, "192.0.2.1", t + 600000), 0);
}

static void
test_log_format(void **state)
{
    char out[256], topic[16];
    static struct logbuf b;
    struct strbuf sb;
    const struct rec_log *r;

    logbuf_format(LOG_LVL_NOTICE, "configuration saved to /etc/x.cfg", out, sizeof(out), topic,
                  sizeof(topic));
    assert_string_equal(out, "%DMVPND-5-NOTICE: configuration saved to /etc/x.cfg");
    logbuf_format(LOG_LVL_WARN, "%SEC_LOGIN-4-LOGIN_FAILED: Login failed", out, sizeof(out), topic,
                  sizeof(topic));
    assert_string_equal(out, "%SEC_LOGIN-4-LOGIN_FAILED: Login failed");
    logbuf_format(LOG_LVL_DEBUG, "nhrp: Tunnel0: NHS 10.0.0.1 up", out, sizeof(out), topic,
                  sizeof(topic));
    assert_string_equal(out, "NHRP: Tunnel0: NHS 10.0.0.1 up");
    assert_string_equal(topic, "nhrp");
    logbuf_format(LOG_LVL_DEBUG, "Tunnel0: no topic here", out, sizeof(out), topic, sizeof(topic));
    assert_string_equal(topic, "");
    /* a topic under another names its first word; a continuation line
     * keeps IOS's indent without it */
    logbuf_format(LOG_LVL_DEBUG, "eigrp.p.hello: Sending HELLO on Tunnel0 - paklen 20", out,
                  sizeof(out), topic, sizeof(topic));
    assert_string_equal(out, "EIGRP: Sending HELLO on Tunnel0 - paklen 20");
    assert_string_equal(topic, "eigrp.p.hello");
    logbuf_format(LOG_LVL_DEBUG, "eigrp.p.hello:   AS 100, Flags 0x0:(NULL)", out, sizeof(out),
                  topic, sizeof(topic));
    assert_string_equal(out, "  AS 100, Flags 0x0:(NULL)");
    assert_string_equal(topic, "eigrp.p.hello");
    /* the ring keeps the newest LOGBUF_MSGS, oldest first */
    logbuf_init(&b);
    for (int i = 0; i < LOGBUF_MSGS + 5; i++) {
        snprintf(out, sizeof(out), "%%X-5-Y: message %d", i);
        logbuf_add(&b, 1000 + i, LOG_LVL_NOTICE, out);
    }
    sb_init(&sb);
    assert_int_equal(logbuf_records(&b, &sb), LOGBUF_MSGS);
    r = (const struct rec_log *)sb.buf;
    assert_string_equal(r[0].text, "%X-5-Y: message 5");
    assert_int_equal(r[0].seq, 6);
    assert_int_equal(r[0].severity, 5);
    assert_string_equal(r[LOGBUF_MSGS - 1].text, "%X-5-Y: message 516");
    logbuf_clear(&b);
    sb_reset(&sb);
    assert_int_equal(logbuf_records(&b, &sb), 0);
    assert_int_equal(b.seq, LOGBUF_MSGS + 5); /* "messages logged" keeps counting */
    sb_free(&sb);
}

static void
test_shadow(void **state)
{
    char line[512], *h = secret_hash5("adminpw"), *f;
    struct crypt_data cd;

    assert_true(access_shadow_line("admin", 5, true, h, line, sizeof(line)));
    /* the IOS type-5 hash is the shadow hash: crypt(3) verifies it */
    f = strchr(line, ':') + 1;
    *strchr(f, ':') = '\0';
    memset(&cd, 0, sizeof(cd));
    assert_string_equal(crypt_r("adminpw", f, &cd), h);
    assert_string_not_equal(crypt_r("wrong", f, &cd), h);
    /* a clear-text `password` is stored hashed */
    assert_true(access_shadow_line("u", 0, false, "pw", line, sizeof(line)));
    assert_null(strstr(line, ":pw:"));
    assert_non_null(strstr(line, "u:$1$"));
    /* type 9 cannot be checked by sshd: the account is locked */
    assert_false(access_shadow_line("n", 9, true, "$9$abc", line, sizeof(line)));
    assert_string_equal(line, "n:*:19000:0:99999:7:::\n");
    assert_true(access_name_ok("admin"));
    assert_true(access_name_ok("net.ops-1"));
    assert_false(access_name_ok("-x"));
    assert_false(access_name_ok("1abc"));
    assert_false(access_name_ok("a:b"));
    assert_false(access_name_ok(""));
    free(h);
}

/* hashcat's example hashes for modes 9200 (Cisco $8$) and 9300 (Cisco $9$),
 * password "hashcat"; cross-checked with Python's hashlib. */
static void
test_secret_types_8_9(void **state)
{
    static const char t8[] = "$8$TnGX/fE4KGHOVU$pEhnEvxrvaynpi8j4f.EMHr6M.FzU8xnZnBr/tJdFWk";
    static const char t9[] = "$9$2MJBozw/9R3UsU$2lFhcKvpghcyw8deP25GOfyZaagyUOGBymkryvOdfo6";

    assert_true(secret_verify(8, t8, "hashcat"));
    assert_false(secret_verify(8, t8, "hashcaT"));
    assert_true(secret_verify(9, t9, "hashcat"));
    assert_false(secret_verify(9, t9, "hashca"));
    assert_false(secret_verify(9, t8, "hashcat")); /* type and hash must agree */
    assert_false(secret_verify(9, "$9$short$x", "hashcat"));
}

static void
test_peer_group(void **state)
{
    const gid_t sup[] = {24, 1000, 27};
    gid_t none = (gid_t)-1;
    int sv[2];

    assert_true(peer_group_member(1000, 5, sup, 3)); /* supplementary */
    assert_true(peer_group_member(5, 5, sup, 3));    /* primary */
    assert_false(peer_group_member(6, 5, sup, 3));
    assert_false(peer_group_member(6, 5, NULL, 0));
    /* no such group on this system: nobody is let in, even a peer whose
     * groups would hold the value */
    assert_false(peer_group_member(none, none, &none, 1));

    /* the kernel's view of a real connection (this process on both ends) */
    assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
    assert_true(peer_in_group(sv[0], getgid(), getgid()));
    assert_false(peer_in_group(sv[0], getgid(), 4242424));
    assert_false(peer_in_group(sv[0], getgid(), none));
    close(sv[0]);
    close(sv[1]);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_throttle),   cmocka_unit_test(test_log_format),
        cmocka_unit_test(test_shadow),     cmocka_unit_test(test_secret_types_8_9),
        cmocka_unit_test(test_peer_group),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
