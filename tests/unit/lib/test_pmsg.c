/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Parent/child framing tests: messages split at every byte, limits, bad
 * types and flags stopping the stream with their counters, and a
 * descriptor crossing a socketpair with its message. */
#include "lib/pmsg.h"

#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

static void
test_decode(void **state)
{
    struct strbuf sb;
    struct pmsg m;
    size_t used, i;

    (void)state;
    sb_init(&sb);
    pmsg_encode(&sb, 3, 0, 0x01020304, "abc", 3);
    assert_int_equal(sb.len, PMSG_HDR_LEN + 3);
    assert_memory_equal(sb.buf, "\0\0\0\3\0\3\0\0\1\2\3\4abc", 15);
    for (i = 0; i < sb.len; i++)
        assert_int_equal(pmsg_decode((const uint8_t *)sb.buf, i, 5, 100, &m, &used),
                         PMSG_NEED_MORE);
    assert_int_equal(pmsg_decode((const uint8_t *)sb.buf, sb.len, 5, 100, &m, &used), PMSG_OK);
    assert_int_equal(used, sb.len);
    assert_int_equal(m.type, 3);
    assert_int_equal(m.id, 0x01020304);
    assert_int_equal(m.len, 3);
    assert_int_equal(m.fd, -1);
    assert_memory_equal(m.payload, "abc", 3);
    /* limits: the reader's highest type, its longest payload */
    assert_int_equal(pmsg_decode((const uint8_t *)sb.buf, sb.len, 2, 100, &m, &used),
                     PMSG_BAD_TYPE);
    assert_int_equal(pmsg_decode((const uint8_t *)sb.buf, sb.len, 5, 2, &m, &used), PMSG_BAD_LEN);
    sb.buf[5] = 0;
    assert_int_equal(pmsg_decode((const uint8_t *)sb.buf, sb.len, 5, 100, &m, &used),
                     PMSG_BAD_TYPE);
    sb.buf[5] = 3;
    sb.buf[6] = (char)0x80;
    assert_int_equal(pmsg_decode((const uint8_t *)sb.buf, sb.len, 5, 100, &m, &used),
                     PMSG_BAD_FLAGS);
    /* a bad length is seen from the header alone */
    memcpy(sb.buf, "\xff\xff\xff\xff", 4);
    assert_int_equal(pmsg_decode((const uint8_t *)sb.buf, PMSG_HDR_LEN, 5, 100, &m, &used),
                     PMSG_BAD_LEN);
    sb_free(&sb);
}

static void
test_reader_bytewise(void **state)
{
    struct strbuf sb;
    struct pmsg_rd r;
    struct pmsg m;
    size_t i;
    int got = 0;

    (void)state;
    sb_init(&sb);
    pmsg_encode(&sb, 1, 0, 0, NULL, 0);
    pmsg_encode(&sb, 2, 0, 9, "hello", 5);
    pmsg_encode(&sb, 1, 0, 10, "x", 1);
    pmsg_rd_init(&r, 2, 64);
    for (i = 0; i < sb.len; i++) {
        pmsg_rd_feed(&r, sb.buf + i, 1);
        while (pmsg_rd_next(&r, &m) == PMSG_OK) {
            got++;
            if (got == 2) {
                assert_int_equal(m.type, 2);
                assert_int_equal(m.id, 9);
                assert_memory_equal(m.payload, "hello", 5);
            }
        }
    }
    assert_int_equal(got, 3);
    assert_int_equal(r.msgs, 3);
    assert_int_equal(pmsg_rd_next(&r, &m), PMSG_NEED_MORE);
    pmsg_rd_free(&r);
    sb_free(&sb);
}

static void
test_reader_stops(void **state)
{
    struct strbuf sb;
    struct pmsg_rd r;
    struct pmsg m;

    (void)state;
    sb_init(&sb);
    pmsg_encode(&sb, 1, 0, 0, "ok", 2);
    pmsg_encode(&sb, 7, 0, 0, NULL, 0); /* above max_type */
    pmsg_encode(&sb, 1, 0, 0, "after", 5);
    pmsg_rd_init(&r, 4, 64);
    pmsg_rd_feed(&r, sb.buf, sb.len);
    assert_int_equal(pmsg_rd_next(&r, &m), PMSG_OK);
    assert_int_equal(pmsg_rd_next(&r, &m), PMSG_BAD_TYPE);
    /* the stream stays stopped: nothing after a bad header is believed */
    assert_int_equal(pmsg_rd_next(&r, &m), PMSG_BAD_TYPE);
    assert_int_equal(r.bad_type, 1);
    pmsg_rd_free(&r);

    sb_reset(&sb);
    pmsg_encode(&sb, 1, 0, 0, "0123456789", 10);
    pmsg_rd_init(&r, 4, 8);
    pmsg_rd_feed(&r, sb.buf, PMSG_HDR_LEN);
    assert_int_equal(pmsg_rd_next(&r, &m), PMSG_BAD_LEN);
    assert_int_equal(r.bad_len, 1);
    pmsg_rd_free(&r);

    /* flagged with a descriptor that never came */
    sb_reset(&sb);
    pmsg_encode(&sb, 1, PMSG_F_FD, 0, NULL, 0);
    pmsg_rd_init(&r, 4, 8);
    pmsg_rd_feed(&r, sb.buf, sb.len);
    assert_int_equal(pmsg_rd_next(&r, &m), PMSG_BAD_FD);
    assert_int_equal(r.bad_fd, 1);
    assert_string_equal(pmsg_dec_str(r.error), "message without its descriptor");
    pmsg_rd_free(&r);
    sb_free(&sb);
}

static void
test_fd_passing(void **state)
{
    int sv[2], pv[2];
    struct pmsg_rd r;
    struct pmsg m;
    struct stat a, b;
    char c;

    (void)state;
    assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
    assert_int_equal(pipe(pv), 0);
    fcntl(sv[1], F_SETFL, O_NONBLOCK);
    assert_int_equal(pmsg_send(sv[0], 2, 0, "plain", 5, -1), 0);
    assert_int_equal(pmsg_send(sv[0], 3, 42, "sock", 4, pv[1]), 0);
    pmsg_rd_init(&r, 3, 64);
    while (pmsg_rd_next(&r, &m) == PMSG_NEED_MORE)
        assert_true(pmsg_rd_recv(&r, sv[1]) > 0);
    assert_int_equal(m.type, 2);
    assert_int_equal(m.fd, -1);
    while (pmsg_rd_next(&r, &m) == PMSG_NEED_MORE)
        assert_true(pmsg_rd_recv(&r, sv[1]) > 0);
    assert_int_equal(m.type, 3);
    assert_int_equal(m.id, 42);
    assert_true(m.fd >= 0);
    /* the same pipe: what is written through the received descriptor
     * comes out of the original's other end */
    assert_int_equal(fstat(m.fd, &a), 0);
    assert_int_equal(fstat(pv[1], &b), 0);
    assert_int_equal(a.st_ino, b.st_ino);
    assert_int_equal(write(m.fd, "z", 1), 1);
    assert_int_equal(read(pv[0], &c, 1), 1);
    assert_int_equal(c, 'z');
    close(m.fd);
    /* the peer gone: EOF */
    close(sv[0]);
    assert_int_equal(pmsg_rd_recv(&r, sv[1]), 0);
    assert_true(r.eof);
    pmsg_rd_free(&r);
    close(sv[1]);
    close(pv[0]);
    close(pv[1]);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_decode),
        cmocka_unit_test(test_reader_bytewise),
        cmocka_unit_test(test_reader_stops),
        cmocka_unit_test(test_fd_passing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
