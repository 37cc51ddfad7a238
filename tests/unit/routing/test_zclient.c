/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Unit tests of the ZAPI client session (daemons/routing/zclient.h) against a
 * fake zebra: each connection is a socketpair whose other end the test reads
 * (to check what the client sends) and writes (frames captured from FRR
 * 8.4.4's zebra, testdata/zapi/). Time is passed in explicitly, so backoff is
 * checked to the millisecond.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>
#include <cmocka.h>

#include "daemons/routing/zclient.h"
#include "tests/unit/routing/frr_testdata.h"

struct fake {
    int zebra;   /* our end of the current connection, -1 when none */
    bool refuse; /* connect fails */
    int connects;
    int ups, downs, changes, notes;
    uint32_t last_note;
};

static int
fake_connect(void *arg, const char *path)
{
    struct fake *f = arg;
    int sv[2];

    (void)path;
    f->connects++;
    if (f->refuse) {
        errno = ECONNREFUSED;
        return -1;
    }
    assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, sv), 0);
    if (f->zebra >= 0)
        close(f->zebra);
    f->zebra = sv[1];
    return sv[0];
}

static void
on_up(void *arg)
{
    ((struct fake *)arg)->ups++;
}

static void
on_down(void *arg)
{
    ((struct fake *)arg)->downs++;
}

static void
on_changed(void *arg)
{
    ((struct fake *)arg)->changes++;
}

static void
on_notify(void *arg, const struct zapi_notify *n)
{
    struct fake *f = arg;

    f->notes++;
    f->last_note = n->note;
}

static const uint8_t redist_types[] = {ZAPI_RT_CONNECT, ZAPI_RT_STATIC, ZAPI_RT_BGP};

static struct zclient *
new_client(struct fake *f)
{
    struct zclient_conf conf = {
        .path = "/nonexistent/zserv.api", .redist = redist_types, .n_redist = sizeof(redist_types)};
    struct zclient_cbs cbs = {f, on_up, on_down, on_changed, on_notify};
    struct zclient_env env = {.arg = f, .connect = fake_connect};

    memset(f, 0, sizeof(*f));
    f->zebra = -1;
    return zclient_new(&conf, &cbs, &env);
}

static void
free_client(struct zclient *c, struct fake *f)
{
    zclient_free(c);
    if (f->zebra >= 0)
        close(f->zebra);
}

/* Reads every whole frame the client has sent so far. */
static size_t
read_frames(struct fake *f, uint8_t frames[][512], size_t max)
{
    uint8_t buf[65536];
    ssize_t n = recv(f->zebra, buf, sizeof(buf), 0);
    size_t off = 0, k = 0;
    struct zapi_header h;

    if (n <= 0)
        return 0;
    while (off < (size_t)n) {
        assert_int_equal(zapi_header_decode(buf + off, (size_t)n - off, &h), ZAPI_OK);
        assert_true(off + h.length <= (size_t)n && h.length <= 512 && k < max);
        memcpy(frames[k++], buf + off, h.length);
        off += h.length;
    }
    return k;
}

static uint16_t
cmd_of(const uint8_t *frame)
{
    return (uint16_t)(frame[8] << 8 | frame[9]);
}

static void
zebra_send(struct fake *f, const char *name)
{
    uint8_t b[4096];
    size_t len = frr_testdata_frame(name, b, sizeof(b));

    assert_int_equal(send(f->zebra, b, len, 0), (ssize_t)len);
}

static void
pump(struct zclient *c, uint64_t now)
{
    int fd;
    short ev;

    if (zclient_pollfd(c, &fd, &ev))
        zclient_on_readable(c, fd, now);
}

static const struct zclient_route r9 = {.prefix = 0x0a090000,
                                        .plen = 24,
                                        .nexthop = 0xac100002,
                                        .ifindex = 3,
                                        .distance = 250,
                                        .metric = 5,
                                        .fib_override = true};

/* Session start: HELLO (nhrp, notify), one subscription per type, then the
 * routes wanted before the session existed. */
static void
test_connect_sends_hello_subs_routes(void **state)
{
    struct fake f;
    struct zclient *c = new_client(&f);
    uint8_t fr[16][512];
    struct zapi_route z;
    size_t n;

    (void)state;
    assert_int_equal(zclient_route_set(c, &r9, 0), 0);
    assert_int_equal(zclient_state(c), ZCLIENT_DOWN);
    zclient_start(c, 1000);
    assert_int_equal(zclient_state(c), ZCLIENT_UP);
    assert_int_equal(f.ups, 1);
    n = read_frames(&f, fr, 16);
    assert_int_equal(n, 1 + 3 + 1);
    assert_int_equal(cmd_of(fr[0]), ZAPI_HELLO);
    assert_int_equal(fr[0][10], ZAPI_RT_NHRP);
    assert_int_equal(fr[0][17], 1); /* receive_notify */
    for (size_t i = 0; i < 3; i++) {
        assert_int_equal(cmd_of(fr[1 + i]), ZAPI_REDISTRIBUTE_ADD);
        assert_int_equal(fr[1 + i][10], ZAPI_AFI_IP);
        assert_int_equal(fr[1 + i][11], redist_types[i]);
    }
    assert_int_equal(cmd_of(fr[4]), ZAPI_ROUTE_ADD);
    assert_int_equal(zapi_route_decode(fr[4] + 10, (size_t)(fr[4][0] << 8 | fr[4][1]) - 10, &z),
                     ZAPI_OK);
    assert_int_equal(z.type, ZAPI_RT_NHRP);
    assert_int_equal(z.flags, ZAPI_FLAG_FIB_OVERRIDE);
    assert_int_equal(z.distance, 250);
    assert_int_equal(z.metric, 5);
    assert_int_equal(z.plen, 24);
    assert_memory_equal(z.prefix, ((uint8_t[]){10, 9, 0}), 3);
    assert_int_equal(z.nexthop_num, 1);
    assert_int_equal(z.nexthops[0].type, ZAPI_NH_IPV4_IFINDEX);
    assert_int_equal(z.nexthops[0].flags, ZAPI_NHF_ONLINK);
    assert_memory_equal(z.nexthops[0].gate, ((uint8_t[]){172, 16, 0, 2}), 4);
    assert_int_equal(z.nexthops[0].ifindex, 3);
    free_client(c, &f);
}

static void
test_set_unset_while_up(void **state)
{
    struct fake f;
    struct zclient *c = new_client(&f);
    struct zclient_route r = r9;
    uint8_t fr[16][512];
    struct zapi_route z;

    (void)state;
    zclient_start(c, 0);
    read_frames(&f, fr, 16);
    assert_int_equal(zclient_route_set(c, &r, 1), 0);
    assert_int_equal(read_frames(&f, fr, 16), 1);
    assert_int_equal(cmd_of(fr[0]), ZAPI_ROUTE_ADD);
    /* The same route again: zebra has it, nothing is sent. */
    assert_int_equal(zclient_route_set(c, &r, 2), 0);
    assert_int_equal(read_frames(&f, fr, 16), 0);
    /* Interface route without override. */
    r.nexthop = 0;
    r.fib_override = false;
    assert_int_equal(zclient_route_set(c, &r, 3), 0);
    assert_int_equal(read_frames(&f, fr, 16), 1);
    assert_int_equal(zapi_route_decode(fr[0] + 10, (size_t)fr[0][1] - 10, &z), ZAPI_OK);
    assert_int_equal(z.flags, 0);
    assert_int_equal(z.nexthops[0].type, ZAPI_NH_IFINDEX);
    assert_int_equal(zclient_route_count(c), 1);
    assert_int_equal(zclient_route_unset(c, r.prefix, r.plen, 4), 0);
    assert_int_equal(read_frames(&f, fr, 16), 1);
    assert_int_equal(cmd_of(fr[0]), ZAPI_ROUTE_DELETE);
    assert_int_equal(zapi_route_decode(fr[0] + 10, (size_t)fr[0][1] - 10, &z), ZAPI_OK);
    assert_int_equal(z.type, ZAPI_RT_NHRP);
    assert_int_equal(z.nexthop_num, 0);
    assert_int_equal(z.distance, 250);
    assert_int_equal(zclient_route_unset(c, r.prefix, r.plen, 5), -ENOENT);
    /* Bad input is refused, not sent. */
    r.prefix = 0x0a090001;
    assert_int_equal(zclient_route_set(c, &r, 6), -EINVAL);
    r.prefix = 0x0a090000;
    r.distance = 0;
    assert_int_equal(zclient_route_set(c, &r, 6), -EINVAL);
    assert_int_equal(read_frames(&f, fr, 16), 0);
    free_client(c, &f);
}

/* Several next hops (an IGP's equal-cost or variance paths): one ROUTE_ADD
 * carrying them all, in order; a change in any of them is sent again. */
static void
test_multipath_route(void **state)
{
    struct fake f;
    struct zclient *c = new_client(&f);
    struct zclient_route r = r9;
    uint8_t fr[16][512];
    struct zapi_route z;

    (void)state;
    zclient_start(c, 0);
    read_frames(&f, fr, 16);
    r.fib_override = false;
    r.n_more = 2;
    r.more[0] = (struct zclient_nh){0xac100003, 4};
    r.more[1] = (struct zclient_nh){0, 5};
    assert_int_equal(zclient_route_set(c, &r, 1), 0);
    assert_int_equal(read_frames(&f, fr, 16), 1);
    assert_int_equal(zapi_route_decode(fr[0] + 10, (size_t)fr[0][1] - 10, &z), ZAPI_OK);
    assert_int_equal(z.nexthop_num, 3);
    assert_int_equal(z.nexthops[0].type, ZAPI_NH_IPV4_IFINDEX);
    assert_int_equal(z.nexthops[0].ifindex, 3);
    assert_int_equal(z.nexthops[1].type, ZAPI_NH_IPV4_IFINDEX);
    assert_memory_equal(z.nexthops[1].gate, ((uint8_t[]){172, 16, 0, 3}), 4);
    assert_int_equal(z.nexthops[1].ifindex, 4);
    assert_int_equal(z.nexthops[2].type, ZAPI_NH_IFINDEX);
    assert_int_equal(z.nexthops[2].ifindex, 5);
    assert_int_equal(zclient_route_set(c, &r, 2), 0);
    assert_int_equal(read_frames(&f, fr, 16), 0);
    r.more[1].ifindex = 6;
    assert_int_equal(zclient_route_set(c, &r, 3), 0);
    assert_int_equal(read_frames(&f, fr, 16), 1);
    r.n_more = 1;
    assert_int_equal(zclient_route_set(c, &r, 4), 0);
    assert_int_equal(read_frames(&f, fr, 16), 1);
    assert_int_equal(zapi_route_decode(fr[0] + 10, (size_t)fr[0][1] - 10, &z), ZAPI_OK);
    assert_int_equal(z.nexthop_num, 2);
    free_client(c, &f);
}

static void
count_cb(void *arg, const struct zclient_lookup_result *r)
{
    (void)r;
    (*(int *)arg)++;
}

static void
test_mirror_and_lookup(void **state)
{
    struct fake f;
    struct zclient *c = new_client(&f);
    struct zclient_lookup_result res;
    uint8_t fr[16][512];

    (void)state;
    zclient_start(c, 0);
    read_frames(&f, fr, 16);
    zebra_send(&f, "capabilities");
    zebra_send(&f, "redist_route_add_connected");
    zebra_send(&f, "redist_route_add_static");
    zebra_send(&f, "redist_route_add_static_gw");
    pump(c, 10);
    assert_int_equal(f.changes, 1); /* one batch, one callback */
    assert_int_equal(zclient_mirror_count(c), 3);
    assert_int_equal(zclient_counters(c)->ignored_cmds, 1);
    assert_int_equal(zclient_counters(c)->redist_add, 3);

    assert_true(zclient_lookup(c, 0x0a090005, &res)); /* 10.9.0.5 */
    assert_int_equal(res.type, ZAPI_RT_STATIC);
    assert_int_equal(res.prefix, 0x0a090000);
    assert_int_equal(res.plen, 24);
    assert_int_equal(res.nexthop, 0x0a000002);
    assert_int_equal(res.ifindex, 3);
    assert_int_equal(res.distance, 1);
    assert_true(zclient_lookup(c, 0x0a000007, &res));
    assert_int_equal(res.type, ZAPI_RT_CONNECT);
    assert_int_equal(res.nexthop, 0);
    assert_true(zclient_lookup(c, 0x0a06ff01, &res));
    assert_int_equal(res.plen, 16);
    assert_false(zclient_lookup(c, 0x0b000001, &res));
    {
        int walked = 0;
        zclient_mirror_walk(c, count_cb, &walked);
        assert_int_equal(walked, 3);
    }

    /* A DEL naming 10.7.0.0/24, which we never had: nothing changes. */
    zebra_send(&f, "redist_route_del_static");
    pump(c, 11);
    assert_int_equal(f.changes, 1);
    assert_int_equal(zclient_mirror_count(c), 3);
    free_client(c, &f);
}

/* Our own (nhrp) routes are mirrored but never the answer; a DEL of another
 * type does not remove the route now selected. */
static void
test_lookup_skips_own_routes(void **state)
{
    struct fake f;
    struct zclient *c = new_client(&f);
    struct zclient_lookup_result res;
    uint8_t fr[16][512], b[512];
    struct zapi_route z;
    int n;

    (void)state;
    zclient_start(c, 0);
    read_frames(&f, fr, 16);
    zebra_send(&f, "redist_route_add_connected");
    pump(c, 1);
    /* zebra's connected 10.0.0.0/24 re-typed as nhrp and narrowed to /25. */
    memset(&z, 0, sizeof(z));
    z.type = ZAPI_RT_NHRP;
    z.flags = ZAPI_FLAG_SELECTED;
    z.message = ZAPI_MSG_NEXTHOP | ZAPI_MSG_DISTANCE;
    z.safi = ZAPI_SAFI_UNICAST;
    z.family = AF_INET;
    z.plen = 25;
    z.prefix[0] = 10;
    z.nexthop_num = 1;
    z.nexthops[0].type = ZAPI_NH_IFINDEX;
    z.nexthops[0].ifindex = 9;
    z.distance = 250;
    n = zapi_route_encode(b, sizeof(b), ZAPI_ROUTE_ADD, 0, &z);
    assert_true(n > 0);
    b[9] = ZAPI_REDISTRIBUTE_ROUTE_ADD;
    assert_int_equal(send(f.zebra, b, (size_t)n, 0), n);
    pump(c, 2);
    assert_int_equal(zclient_mirror_count(c), 2);
    assert_true(zclient_lookup(c, 0x0a000001, &res));
    assert_int_equal(res.type, ZAPI_RT_CONNECT);
    assert_int_equal(res.plen, 24);
    /* A DEL for the /25 as static: not what is stored, ignored. */
    z.type = ZAPI_RT_STATIC;
    n = zapi_route_encode(b, sizeof(b), ZAPI_ROUTE_ADD, 0, &z);
    b[9] = ZAPI_REDISTRIBUTE_ROUTE_DEL;
    assert_int_equal(send(f.zebra, b, (size_t)n, 0), n);
    pump(c, 3);
    assert_int_equal(zclient_mirror_count(c), 2);
    /* The real DEL removes it. */
    z.type = ZAPI_RT_NHRP;
    n = zapi_route_encode(b, sizeof(b), ZAPI_ROUTE_ADD, 0, &z);
    b[9] = ZAPI_REDISTRIBUTE_ROUTE_DEL;
    assert_int_equal(send(f.zebra, b, (size_t)n, 0), n);
    pump(c, 4);
    assert_int_equal(zclient_mirror_count(c), 1);
    free_client(c, &f);
}

/* Frames arriving a byte at a time are assembled. */
static void
test_split_frames(void **state)
{
    struct fake f;
    struct zclient *c = new_client(&f);
    uint8_t fr[16][512];
    int sv[2];

    (void)state;
    zclient_start(c, 0);
    read_frames(&f, fr, 16);
    /* Write the frame into a pipe-like pair first, then trickle it over. */
    assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
    {
        int keep = f.zebra;
        uint8_t b[256];
        ssize_t n;

        f.zebra = sv[0];
        zebra_send(&f, "redist_route_add_static");
        f.zebra = keep;
        n = recv(sv[1], b, sizeof(b), 0);
        assert_true(n > 0);
        for (ssize_t i = 0; i < n; i++) {
            assert_int_equal(send(f.zebra, b + i, 1, 0), 1);
            pump(c, (uint64_t)i);
            assert_int_equal(zclient_mirror_count(c), i == n - 1 ? 1 : 0);
        }
    }
    close(sv[0]);
    close(sv[1]);
    free_client(c, &f);
}

/* Garbage: bodies that do not decode and unknown commands are counted and
 * skipped; a broken header resets the session, which comes back after the
 * backoff with everything replayed. */
static void
test_bad_input_and_replay(void **state)
{
    struct fake f;
    struct zclient *c = new_client(&f);
    uint8_t fr[16][512];
    uint8_t unk[12] = {0, 12, ZAPI_MARKER, ZAPI_VERSION, 0, 0, 0, 0, 0x0f, 0xa0, 1, 2};
    uint8_t shortbody[20] = {0, 20, ZAPI_MARKER, ZAPI_VERSION, 0, 0, 0, 0, 0, 30, 3, 0, 0};
    uint8_t bad[10] = {0, 10, 0x55, ZAPI_VERSION, 0, 0, 0, 0, 0, 30};
    const struct zclient_counters *k = zclient_counters(c);
    size_t n;

    (void)state;
    zclient_route_set(c, &r9, 0);
    zclient_start(c, 0);
    read_frames(&f, fr, 16);
    zebra_send(&f, "redist_route_add_static");
    assert_int_equal(send(f.zebra, unk, sizeof(unk), 0), (ssize_t)sizeof(unk));
    assert_int_equal(send(f.zebra, shortbody, sizeof(shortbody), 0), (ssize_t)sizeof(shortbody));
    pump(c, 5);
    assert_int_equal(k->unknown_cmds, 1);
    assert_int_equal(k->bad_messages, 1);
    assert_int_equal(zclient_state(c), ZCLIENT_UP);
    assert_int_equal(zclient_mirror_count(c), 1);

    assert_int_equal(send(f.zebra, bad, sizeof(bad), 0), (ssize_t)sizeof(bad));
    pump(c, 1000);
    assert_int_equal(k->bad_frames, 1);
    assert_int_equal(zclient_state(c), ZCLIENT_DOWN);
    assert_int_equal(f.downs, 1);
    assert_int_equal(zclient_mirror_count(c), 0);
    assert_int_equal(f.changes, 2); /* the batch, then the mirror emptied */
    /* The last frame received reset the backoff to its minimum. */
    assert_int_equal(zclient_next_deadline(c), 1100);
    zclient_on_timer(c, 1099);
    assert_int_equal(f.connects, 1);
    zclient_on_timer(c, 1100);
    assert_int_equal(f.connects, 2);
    assert_int_equal(zclient_state(c), ZCLIENT_UP);
    assert_int_equal(f.ups, 2);
    assert_int_equal(k->reconnects, 1);
    n = read_frames(&f, fr, 16);
    assert_int_equal(n, 5);
    assert_int_equal(cmd_of(fr[0]), ZAPI_HELLO);
    assert_int_equal(cmd_of(fr[4]), ZAPI_ROUTE_ADD);
    free_client(c, &f);
}

static void
test_backoff_and_eof(void **state)
{
    static const uint64_t want[] = {100, 200, 400, 800, 1600, 3200, 5000, 5000};
    struct fake f;
    struct zclient *c = new_client(&f);
    uint64_t now = 0;
    uint8_t fr[16][512];

    (void)state;
    f.refuse = true;
    zclient_start(c, now);
    for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
        assert_int_equal(zclient_next_deadline(c) - now, want[i]);
        now = zclient_next_deadline(c);
        zclient_on_timer(c, now);
    }
    assert_int_equal(zclient_counters(c)->connect_failures, 9);
    assert_int_equal(f.downs, 0);
    f.refuse = false;
    now = zclient_next_deadline(c);
    zclient_on_timer(c, now);
    assert_int_equal(zclient_state(c), ZCLIENT_UP);
    assert_int_equal(zclient_next_deadline(c), UINT64_MAX);
    read_frames(&f, fr, 16);
    /* zebra goes away: EOF. No frame was received, so backoff kept growing. */
    close(f.zebra);
    f.zebra = -1;
    pump(c, now);
    assert_int_equal(zclient_state(c), ZCLIENT_DOWN);
    assert_int_equal(f.downs, 1);
    assert_int_equal(zclient_next_deadline(c) - now, 5000);
    free_client(c, &f);
}

static void
test_write_error_and_notify(void **state)
{
    struct fake f;
    struct zclient *c = new_client(&f);
    uint8_t fr[16][512];
    struct zclient_route r = r9;

    (void)state;
    zclient_start(c, 0);
    read_frames(&f, fr, 16);
    zebra_send(&f, "notify_installed");
    zebra_send(&f, "notify_removed");
    pump(c, 1);
    assert_int_equal(f.notes, 2);
    assert_int_equal(f.last_note, ZAPI_NOTE_REMOVED);
    assert_int_equal(zclient_counters(c)->notify_installed, 1);
    assert_int_equal(zclient_counters(c)->notify_removed, 1);
    /* FAIL_INSTALL (note 0) is a failure. */
    {
        uint8_t b[26] = {0,           26,
                         ZAPI_MARKER, ZAPI_VERSION,
                         0,           0,
                         0,           0,
                         0,           ZAPI_ROUTE_NOTIFY_OWNER,
                         0,           0,
                         0,           0,
                         2,           24,
                         10,          9,
                         0,           0,
                         0,           0,
                         0,           254,
                         1,           1};

        assert_int_equal(send(f.zebra, b, sizeof(b), 0), (ssize_t)sizeof(b));
        pump(c, 2);
        assert_int_equal(zclient_counters(c)->notify_failures, 1);
        assert_int_equal(f.last_note, ZAPI_NOTE_FAIL_INSTALL);
    }
    /* The peer is gone: the next write fails and the session resets. */
    close(f.zebra);
    f.zebra = -1;
    r.metric = 99;
    assert_int_equal(zclient_route_set(c, &r, 3), 0);
    assert_int_equal(zclient_state(c), ZCLIENT_DOWN);
    assert_int_equal(zclient_counters(c)->write_errors, 1);
    assert_int_equal(zclient_route_count(c), 1); /* kept for the replay */
    free_client(c, &f);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_connect_sends_hello_subs_routes),
        cmocka_unit_test(test_set_unset_while_up),
        cmocka_unit_test(test_mirror_and_lookup),
        cmocka_unit_test(test_multipath_route),
        cmocka_unit_test(test_lookup_skips_own_routes),
        cmocka_unit_test(test_split_frames),
        cmocka_unit_test(test_bad_input_and_replay),
        cmocka_unit_test(test_backoff_and_eof),
        cmocka_unit_test(test_write_error_and_notify),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
