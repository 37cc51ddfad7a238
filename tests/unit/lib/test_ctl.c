/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Control framing tests: partial frames, limits, bad types, a connection
 * over a socketpair delivering frames split at every byte. */
#include "lib/ctl.h"

#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cmocka.h>

static void
test_decode(void **state)
{
    struct strbuf sb;
    struct ctl_frame f;
    size_t used, i;

    sb_init(&sb);
    ctl_encode(&sb, CTL_EXEC, 0, 7, "clear ip nhrp", 13);
    for (i = 0; i < sb.len; i++)
        assert_int_equal(ctl_decode((const uint8_t *)sb.buf, i, &f, &used), CTL_DEC_NEED_MORE);
    assert_int_equal(ctl_decode((const uint8_t *)sb.buf, sb.len, &f, &used), CTL_DEC_OK);
    assert_int_equal(used, sb.len);
    assert_int_equal(f.type, CTL_EXEC);
    assert_int_equal(f.seq, 7);
    assert_memory_equal(f.payload, "clear ip nhrp", 13);
    sb.buf[4] = 0x7f; /* unknown type */
    assert_int_equal(ctl_decode((const uint8_t *)sb.buf, sb.len, &f, &used), CTL_DEC_BAD_TYPE);
    memcpy(sb.buf, "\xff\xff\xff\xff", 4); /* 4 GiB payload */
    sb.buf[4] = 0;
    assert_int_equal(ctl_decode((const uint8_t *)sb.buf, sb.len, &f, &used), CTL_DEC_TOO_BIG);
    sb_free(&sb);
}

static void
test_conn_bytewise(void **state)
{
    int sv[2];
    struct ctl_conn c;
    struct ctl_frame f;
    struct strbuf sb;
    size_t i;
    int got = 0;

    assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
    fcntl(sv[0], F_SETFL, O_NONBLOCK);
    ctl_conn_init(&c, sv[0]);
    sb_init(&sb);
    ctl_encode(&sb, CTL_RUNNING, 0, 1, NULL, 0);
    ctl_encode(&sb, CTL_OK, 0, 2, "hello", 5);
    for (i = 0; i < sb.len; i++) {
        assert_int_equal(write(sv[1], sb.buf + i, 1), 1);
        ctl_conn_read(&c);
        while (ctl_conn_next(&c, &f)) {
            got++;
            if (got == 2)
                assert_memory_equal(f.payload, "hello", 5);
        }
    }
    assert_int_equal(got, 2);
    /* garbage closes the connection and is counted */
    assert_int_equal(write(sv[1], "\0\0\0\0\x12\x34\0\0\0\0\0\0", 12), 12);
    ctl_conn_read(&c);
    assert_false(ctl_conn_next(&c, &f));
    assert_true(c.closed);
    assert_int_equal(c.bad_frames, 1);
    ctl_conn_free(&c);
    close(sv[1]);
    sb_free(&sb);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_decode),
        cmocka_unit_test(test_conn_bytewise),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
