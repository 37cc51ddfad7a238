/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The VICI client against a fake charon on socketpairs, with a fake clock:
 * registration handshake, one command in flight, streamed and registered
 * events, garbage of every kind counted and survived, disconnects failing
 * pending commands, reconnect backoff, command and handshake timeouts.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include <cmocka.h>

#include "daemons/ipsec/vici_client.h"
#include "lib/log.h"
#include "lib/strbuf.h"
#include "lib/vici.h"

/* ---- fake environment ---- */

static uint64_t fake_now;
static int peer[2] = {-1, -1}; /* our ends of the client's two sockets */
static int connects;
static bool refuse; /* charon "not running" */

static uint64_t
env_now(void *arg)
{
    return fake_now;
}

static int
env_connect(void *arg, const char *path, int which)
{
    int sv[2];

    connects++;
    if (refuse) {
        errno = ECONNREFUSED;
        return -1;
    }
    assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, sv), 0);
    if (peer[which] >= 0)
        close(peer[which]);
    peer[which] = sv[1];
    return sv[0];
}

/* ---- recorded callbacks ---- */

static int ups, downs, nevents;
static char last_event[64];
static char last_event_key[64];

static void
cb_up(void *arg)
{
    ups++;
}

static void
cb_down(void *arg)
{
    downs++;
}

static void
cb_event(void *arg, const char *name, const struct vici_msg *m)
{
    const char *v = vici_msg_str(m, "key");

    nevents++;
    snprintf(last_event, sizeof(last_event), "%s", name);
    snprintf(last_event_key, sizeof(last_event_key), "%s", v ? v : "");
}

struct result {
    int done;
    enum ipsec_vici_status st;
    char value[64];
    int streamed;
};

static void
res_done(void *arg, enum ipsec_vici_status st, const struct vici_msg *reply)
{
    struct result *r = arg;
    const char *v = reply ? vici_msg_str(reply, "key") : NULL;

    r->done++;
    r->st = st;
    snprintf(r->value, sizeof(r->value), "%s", v ? v : "");
}

static void
res_stream(void *arg, const char *event, const struct vici_msg *m)
{
    struct result *r = arg;

    assert_string_equal(event, "list-sa");
    r->streamed++;
}

/* ---- driving ---- */

static struct ipsec_vici *
new_client(void)
{
    static const char *const events[] = {"ike-updown", "child-updown", NULL};
    static const char *const streams[] = {"list-sa", NULL};
    struct ipsec_vici_conf conf = {.path = "unix:///fake/charon.vici",
                                   .backoff_min_ms = 100,
                                   .backoff_max_ms = 800,
                                   .request_timeout_ms = 1000,
                                   .events = events,
                                   .streams = streams};
    struct ipsec_vici_cbs cbs = {.on_up = cb_up, .on_down = cb_down, .on_event = cb_event};
    struct ipsec_vici_env env = {.now_ms = env_now, .connect = env_connect};

    return ipsec_vici_new(&conf, &cbs, &env);
}

/* Lets the client react to whatever is readable/writable now. */
static void
drive(struct ipsec_vici *c)
{
    int round;

    for (round = 0; round < 20; round++) {
        struct ipsec_vici_pollfd vp[2];
        struct pollfd pfd[2];
        size_t n = ipsec_vici_pollfds(c, vp), i;
        int any;

        for (i = 0; i < n; i++)
            pfd[i] = (struct pollfd){.fd = vp[i].fd, .events = vp[i].events};
        any = poll(pfd, n, 0);
        if (any <= 0)
            break;
        for (i = 0; i < n; i++) {
            if (pfd[i].revents & (POLLIN | POLLHUP | POLLERR))
                ipsec_vici_on_readable(c, pfd[i].fd);
            if (pfd[i].revents & POLLOUT)
                ipsec_vici_on_writable(c, pfd[i].fd);
        }
    }
    if (ipsec_vici_next_deadline(c) <= fake_now)
        ipsec_vici_on_timer(c);
}

static void
advance(struct ipsec_vici *c, uint64_t ms)
{
    fake_now += ms;
    drive(c);
    ipsec_vici_on_timer(c);
    drive(c);
}

/* Reads one frame the client sent on connection `which`; false if none. */
static bool
peer_recv(int which, struct vici_pkt *pkt, uint8_t *buf, size_t cap)
{
    size_t have = 0, fl = 0;

    for (;;) {
        ssize_t n;
        int r = vici_frame_check(buf, have, &fl);
        if (r == 1)
            break;
        assert_int_not_equal(r, -1);
        n = recv(peer[which], buf + have, have < 4 ? 4 - have : fl - have, 0);
        if (n <= 0) {
            assert_int_equal(have, 0); /* never a partial frame */
            return false;
        }
        have += (size_t)n;
        if (have == 4) {
            fl = 4 + ((size_t)buf[0] << 24 | (size_t)buf[1] << 16 | (size_t)buf[2] << 8 | buf[3]);
            assert_true(fl <= cap);
        }
    }
    assert_int_equal(vici_pkt_decode(buf + 4, fl - 4, pkt, NULL, 0), 0);
    return true;
}

static void
peer_send_raw(int which, const void *p, size_t n)
{
    assert_int_equal(send(peer[which], p, n, 0), (ssize_t)n);
}

static void
peer_send(int which, enum vici_pkt_type t, const char *name, const char *key)
{
    struct vici_msg *m = NULL;
    struct strbuf sb;

    if (key) {
        m = vici_msg_new();
        vici_msg_kv(m, "key", key);
    }
    sb_init(&sb);
    assert_int_equal(vici_pkt_encode(&sb, t, name, m), 0);
    peer_send_raw(which, sb.buf, sb.len);
    sb_free(&sb);
    vici_msg_free(m);
}

/* Answers the registrations on both connections in order; returns how many
 * were seen on each. */
static void
peer_handshake(struct ipsec_vici *c, const char *const *cmd_names, const char *const *evt_names)
{
    uint8_t buf[1024];
    struct vici_pkt pkt;
    int which;

    drive(c);
    for (which = 0; which < 2; which++) {
        const char *const *names = which ? evt_names : cmd_names;
        for (; *names; names++) {
            drive(c);
            assert_true(peer_recv(which, &pkt, buf, sizeof(buf)));
            assert_int_equal(pkt.type, VICI_EVENT_REGISTER);
            assert_string_equal(pkt.name, *names);
            /* one registration at a time per connection */
            assert_false(peer_recv(which, &pkt, buf, sizeof(buf)));
            peer_send(which, VICI_EVENT_CONFIRM, NULL, NULL);
            drive(c);
        }
    }
}

static const char *const CMD_REGS[] = {"list-sa", NULL};
static const char *const EVT_REGS[] = {"ike-updown", "child-updown", NULL};

static struct ipsec_vici *
ready_client(void)
{
    struct ipsec_vici *c;

    fake_now = 1000;
    connects = ups = downs = nevents = 0;
    refuse = false;
    c = new_client();
    assert_int_equal(ipsec_vici_state(c), IPSEC_VICI_DOWN);
    assert_int_equal(ipsec_vici_next_deadline(c), UINT64_MAX); /* not started */
    ipsec_vici_start(c);
    assert_int_equal(connects, 2);
    assert_int_equal(ipsec_vici_state(c), IPSEC_VICI_CONNECTING);
    peer_handshake(c, CMD_REGS, EVT_REGS);
    assert_int_equal(ipsec_vici_state(c), IPSEC_VICI_READY);
    assert_int_equal(ups, 1);
    assert_int_equal(ipsec_vici_next_deadline(c), UINT64_MAX);
    return c;
}

static void
teardown_peers(void)
{
    int i;

    for (i = 0; i < 2; i++) {
        if (peer[i] >= 0)
            close(peer[i]);
        peer[i] = -1;
    }
}

/* ---- tests ---- */

static void
test_request_response(void **state)
{
    struct ipsec_vici *c = ready_client();
    struct result a = {0}, b = {0};
    struct vici_pkt pkt;
    uint8_t buf[1024];
    struct vici_msg *req = vici_msg_new();

    vici_msg_kv(req, "ike", "Tunnel0-any");
    assert_int_equal(ipsec_vici_submit(c, "list-sas", req, 0, res_stream, res_done, &a), 0);
    vici_msg_free(req);
    assert_int_equal(ipsec_vici_submit(c, "version", NULL, 0, NULL, res_done, &b), 0);
    assert_int_equal(ipsec_vici_pending(c), 2);
    drive(c);
    assert_true(peer_recv(0, &pkt, buf, sizeof(buf)));
    assert_int_equal(pkt.type, VICI_CMD_REQUEST);
    assert_string_equal(pkt.name, "list-sas");
    {
        struct vici_msg *m = vici_msg_parse(pkt.msg, pkt.msglen, NULL, 0);
        assert_string_equal(vici_msg_str(m, "ike"), "Tunnel0-any");
        vici_msg_free(m);
    }
    /* the protocol allows one command in flight */
    assert_false(peer_recv(0, &pkt, buf, sizeof(buf)));
    assert_int_equal(ipsec_vici_next_deadline(c), fake_now + 1000);
    peer_send(0, VICI_EVENT, "list-sa", "sa1");
    peer_send(0, VICI_EVENT, "list-sa", "sa2");
    peer_send(0, VICI_CMD_RESPONSE, NULL, "done");
    drive(c);
    assert_int_equal(a.streamed, 2);
    assert_int_equal(a.done, 1);
    assert_int_equal(a.st, IPSEC_VICI_OK);
    assert_string_equal(a.value, "done");
    assert_true(peer_recv(0, &pkt, buf, sizeof(buf)));
    assert_string_equal(pkt.name, "version");
    /* a response arriving one byte at a time is reassembled */
    {
        struct strbuf sb;
        struct vici_msg *m = vici_msg_new();
        size_t i;
        vici_msg_kv(m, "key", "split");
        sb_init(&sb);
        vici_pkt_encode(&sb, VICI_CMD_RESPONSE, NULL, m);
        for (i = 0; i < sb.len; i++) {
            peer_send_raw(0, sb.buf + i, 1);
            drive(c);
        }
        sb_free(&sb);
        vici_msg_free(m);
    }
    assert_int_equal(b.done, 1);
    assert_string_equal(b.value, "split");
    assert_int_equal(ipsec_vici_pending(c), 0);
    assert_int_equal(ipsec_vici_counters(c)->requests, 2);
    assert_int_equal(ipsec_vici_counters(c)->responses, 2);
    assert_int_equal(ipsec_vici_counters(c)->stream_events, 2);
    /* registered events arrive on the event connection */
    peer_send(1, VICI_EVENT, "child-updown", "up");
    drive(c);
    assert_int_equal(nevents, 1);
    assert_string_equal(last_event, "child-updown");
    assert_string_equal(last_event_key, "up");
    ipsec_vici_free(c);
    teardown_peers();
}

static void
test_garbage_survived(void **state)
{
    struct ipsec_vici *c = ready_client();
    const struct ipsec_vici_counters *k = ipsec_vici_counters(c);
    static const uint8_t unknown_type[] = {0, 0, 0, 1, 9};
    static const uint8_t bad_body[] = {0, 0, 0, 3, 1, 2, 9}; /* response, garbage */
    static const uint8_t bad_evt_name[] = {0, 0, 0, 3, 7, 5, 'x'};
    static const uint8_t bad_evt_body[] = {0, 0, 0, 6, 7, 2, 'e', 'v', 4, 1};
    struct result a = {0}, b = {0}, u = {0};
    struct vici_pkt pkt;
    uint8_t buf[1024];

    peer_send_raw(0, unknown_type, sizeof(unknown_type));
    peer_send(0, VICI_CMD_RESPONSE, NULL, "nobody asked");
    peer_send(0, VICI_EVENT, "list-sa", "no command streaming");
    peer_send(0, VICI_EVENT_CONFIRM, NULL, NULL);
    peer_send_raw(1, bad_evt_name, sizeof(bad_evt_name));
    peer_send_raw(1, bad_evt_body, sizeof(bad_evt_body));
    peer_send(1, VICI_CMD_RESPONSE, NULL, "wrong connection");
    drive(c);
    assert_int_equal(k->bad_packets, 2);
    assert_int_equal(k->bad_messages, 1);
    assert_int_equal(k->unexpected, 4);
    assert_int_equal(nevents, 0);
    assert_int_equal(ipsec_vici_state(c), IPSEC_VICI_READY);

    /* A response that does not parse ends its command, not the session. */
    assert_int_equal(ipsec_vici_submit(c, "stats", NULL, 0, NULL, res_done, &a), 0);
    assert_int_equal(ipsec_vici_submit(c, "version", NULL, 0, NULL, res_done, &b), 0);
    drive(c);
    assert_true(peer_recv(0, &pkt, buf, sizeof(buf)));
    peer_send_raw(0, bad_body, sizeof(bad_body));
    drive(c);
    assert_int_equal(a.done, 1);
    assert_int_equal(a.st, IPSEC_VICI_BADREPLY);
    assert_int_equal(k->bad_messages, 2);
    assert_true(peer_recv(0, &pkt, buf, sizeof(buf)));
    assert_string_equal(pkt.name, "version");
    peer_send(0, VICI_CMD_RESPONSE, NULL, "1.0");
    drive(c);
    assert_int_equal(b.st, IPSEC_VICI_OK);
    assert_string_equal(b.value, "1.0");

    /* CMD_UNKNOWN */
    assert_int_equal(ipsec_vici_submit(c, "no-such-command", NULL, 0, NULL, res_done, &u), 0);
    drive(c);
    assert_true(peer_recv(0, &pkt, buf, sizeof(buf)));
    peer_send(0, VICI_CMD_UNKNOWN, NULL, NULL);
    drive(c);
    assert_int_equal(u.st, IPSEC_VICI_UNKNOWN_CMD);
    assert_int_equal(k->cmd_unknown, 1);
    assert_int_equal(ipsec_vici_state(c), IPSEC_VICI_READY);
    assert_int_equal(downs, 0);

    /* A length we cannot skip resets the session (then it reconnects). */
    {
        static const uint8_t huge[] = {0x7f, 0, 0, 0, 1};
        peer_send_raw(1, huge, sizeof(huge));
    }
    drive(c);
    assert_int_equal(k->bad_frames, 1);
    assert_int_equal(downs, 1);
    assert_int_equal(ipsec_vici_state(c), IPSEC_VICI_DOWN);
    advance(c, 100);
    peer_handshake(c, CMD_REGS, EVT_REGS);
    assert_int_equal(ipsec_vici_state(c), IPSEC_VICI_READY);
    assert_int_equal(ups, 2);
    ipsec_vici_free(c);
    teardown_peers();
}

static void
test_disconnect_backoff(void **state)
{
    struct ipsec_vici *c = ready_client();
    const struct ipsec_vici_counters *k = ipsec_vici_counters(c);
    struct result a = {0}, b = {0};
    uint64_t t;

    assert_int_equal(ipsec_vici_submit(c, "version", NULL, 0, NULL, res_done, &a), 0);
    assert_int_equal(ipsec_vici_submit(c, "stats", NULL, 0, NULL, res_done, &b), 0);
    drive(c);
    /* charon goes away */
    close(peer[0]);
    peer[0] = -1;
    refuse = true;
    drive(c);
    assert_int_equal(ipsec_vici_state(c), IPSEC_VICI_DOWN);
    assert_int_equal(downs, 1);
    assert_int_equal(a.st, IPSEC_VICI_DISCONNECTED);
    assert_int_equal(b.st, IPSEC_VICI_DISCONNECTED);
    assert_int_equal(k->failed_disconnect, 2);
    assert_int_equal(k->sessions_lost, 1);
    assert_int_equal(ipsec_vici_pending(c), 0);
    assert_int_equal(ipsec_vici_submit(c, "version", NULL, 0, NULL, res_done, &a), -ENOTCONN);
    /* Exponential backoff: 100, 200, 400, 800, 800 ms between attempts. */
    t = fake_now;
    assert_int_equal(ipsec_vici_next_deadline(c), t + 100);
    connects = 0;
    advance(c, 99);
    assert_int_equal(connects, 0);
    advance(c, 1);
    assert_int_equal(connects, 1);
    assert_int_equal(ipsec_vici_next_deadline(c), fake_now + 200);
    advance(c, 200);
    assert_int_equal(ipsec_vici_next_deadline(c), fake_now + 400);
    advance(c, 400);
    assert_int_equal(ipsec_vici_next_deadline(c), fake_now + 800);
    advance(c, 800);
    assert_int_equal(ipsec_vici_next_deadline(c), fake_now + 800);
    assert_int_equal(connects, 4);
    assert_int_equal(k->connect_failures, 4);
    assert_int_equal(downs, 1); /* failed attempts are not sessions */
    /* charon is back */
    refuse = false;
    advance(c, 800);
    peer_handshake(c, CMD_REGS, EVT_REGS);
    assert_int_equal(ipsec_vici_state(c), IPSEC_VICI_READY);
    assert_int_equal(ups, 2);
    /* READY resets the backoff */
    close(peer[1]);
    peer[1] = -1;
    drive(c);
    assert_int_equal(downs, 2);
    assert_int_equal(ipsec_vici_next_deadline(c), fake_now + 100);
    ipsec_vici_free(c);
    teardown_peers();
}

static void
test_timeouts(void **state)
{
    struct ipsec_vici *c = ready_client();
    const struct ipsec_vici_counters *k = ipsec_vici_counters(c);
    struct result a = {0}, b = {0};
    struct vici_pkt pkt;
    uint8_t buf[1024];

    assert_int_equal(ipsec_vici_submit(c, "initiate", NULL, 5000, NULL, res_done, &a), 0);
    assert_int_equal(ipsec_vici_submit(c, "version", NULL, 0, NULL, res_done, &b), 0);
    drive(c);
    assert_true(peer_recv(0, &pkt, buf, sizeof(buf)));
    assert_int_equal(ipsec_vici_next_deadline(c), fake_now + 5000);
    advance(c, 4999);
    assert_int_equal(a.done, 0);
    advance(c, 1);
    assert_int_equal(a.st, IPSEC_VICI_TIMEOUT);
    assert_int_equal(b.st, IPSEC_VICI_DISCONNECTED);
    assert_int_equal(k->timeouts, 1);
    assert_int_equal(downs, 1);
    assert_int_equal(ipsec_vici_state(c), IPSEC_VICI_DOWN);
    /* reconnect; charon never confirms: the handshake times out too */
    advance(c, 100);
    assert_int_equal(ipsec_vici_state(c), IPSEC_VICI_REGISTERING);
    assert_int_equal(ipsec_vici_next_deadline(c), fake_now + 1000);
    advance(c, 1000);
    assert_int_equal(ipsec_vici_state(c), IPSEC_VICI_DOWN);
    assert_int_equal(k->timeouts, 2);
    assert_int_equal(downs, 1);
    /* and an EVENT_UNKNOWN answer still lets the session come up */
    advance(c, 200);
    drive(c);
    {
        const char *const one[] = {NULL};
        uint8_t b2[256];
        struct vici_pkt p2;
        assert_true(peer_recv(0, &p2, b2, sizeof(b2)));
        peer_send(0, VICI_EVENT_UNKNOWN, NULL, NULL);
        drive(c);
        assert_true(peer_recv(1, &p2, b2, sizeof(b2)));
        peer_send(1, VICI_EVENT_CONFIRM, NULL, NULL);
        peer_handshake(c, one, EVT_REGS + 1);
    }
    assert_int_equal(ipsec_vici_state(c), IPSEC_VICI_READY);
    assert_int_equal(k->event_reg_failed, 1);
    ipsec_vici_free(c);
    teardown_peers();
}

static void
test_cancel_and_free(void **state)
{
    struct ipsec_vici *c = ready_client();
    struct result a = {0}, b = {0}, d = {0};
    struct vici_pkt pkt;
    uint8_t buf[1024];
    char big[300];

    memset(big, 'x', sizeof(big) - 1);
    big[sizeof(big) - 1] = '\0';
    assert_int_equal(ipsec_vici_submit(c, big, NULL, 0, NULL, res_done, &a), -EINVAL);
    assert_int_equal(ipsec_vici_submit(c, "", NULL, 0, NULL, res_done, &a), -EINVAL);
    assert_int_equal(ipsec_vici_submit(c, "one", NULL, 0, NULL, res_done, &a), 0);
    assert_int_equal(ipsec_vici_submit(c, "two", NULL, 0, NULL, res_done, &a), 0);
    assert_int_equal(ipsec_vici_submit(c, "three", NULL, 0, NULL, res_done, &b), 0);
    drive(c);
    ipsec_vici_cancel(c, &a);
    assert_int_equal(ipsec_vici_pending(c), 2); /* "one" in flight, "three" */
    assert_true(peer_recv(0, &pkt, buf, sizeof(buf)));
    assert_string_equal(pkt.name, "one");
    peer_send(0, VICI_CMD_RESPONSE, NULL, "r1");
    drive(c);
    assert_int_equal(a.done, 0); /* cancelled: reply consumed silently */
    assert_true(peer_recv(0, &pkt, buf, sizeof(buf)));
    assert_string_equal(pkt.name, "three");
    assert_int_equal(ipsec_vici_submit(c, "four", NULL, 0, NULL, res_done, &d), 0);
    ipsec_vici_free(c);
    assert_int_equal(b.st, IPSEC_VICI_CANCELLED);
    assert_int_equal(d.st, IPSEC_VICI_CANCELLED);
    assert_int_equal(downs, 0); /* free does not call on_down */
    teardown_peers();
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_request_response),   cmocka_unit_test(test_garbage_survived),
        cmocka_unit_test(test_disconnect_backoff), cmocka_unit_test(test_timeouts),
        cmocka_unit_test(test_cancel_and_free),
    };
    log_set_level(LOG_LVL_ERR);
    return cmocka_run_group_tests(tests, NULL, NULL);
}
