/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Fuzz target for the VICI client's receive path: a READY session (on
 * socketpairs) with a command in flight gets arbitrary bytes from "charon"
 * on its command connection and, after the first 0xff byte, on its event
 * connection. Whatever arrives must be counted and survived: the session may
 * only go down for a frame length it cannot skip, and the command either
 * completes once or stays pending.
 */
#include "daemons/ipsec/vici_client.h"
#include "lib/log.h"
#include "lib/vici.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int peer[2];
static int done_calls;

static uint64_t
fake_now(void *arg)
{
    return 1000;
}

static int
fake_connect(void *arg, const char *path, int which)
{
    int sv[2];

    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, sv) != 0)
        abort();
    peer[which] = sv[1];
    return sv[0];
}

static void
on_done(void *arg, enum ipsec_vici_status st, const struct vici_msg *reply)
{
    done_calls++;
    if ((st == IPSEC_VICI_OK) != (reply != NULL))
        abort();
}

static void
on_stream(void *arg, const char *event, const struct vici_msg *msg)
{
    if (!msg || strcmp(event, "list-sa") != 0)
        abort();
}

static void
on_event(void *arg, const char *name, const struct vici_msg *msg)
{
    if (!msg)
        abort();
}

static void
feed(struct ipsec_vici *c, int which, const uint8_t *p, size_t n)
{
    struct ipsec_vici_pollfd vp[2];
    size_t k, i;

    if (n && send(peer[which], p, n, 0) != (ssize_t)n)
        abort();
    k = ipsec_vici_pollfds(c, vp);
    for (i = 0; i < k; i++)
        ipsec_vici_on_readable(c, vp[i].fd);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const none[] = {"list-sa", NULL};
    static const char *const evts[] = {NULL};
    struct ipsec_vici_conf conf = {.path = "/fuzz", .streams = none, .events = evts};
    struct ipsec_vici_cbs cbs = {.on_event = on_event};
    struct ipsec_vici_env env = {.now_ms = fake_now, .connect = fake_connect};
    struct ipsec_vici_pollfd vp[2];
    const struct ipsec_vici_counters *k;
    const uint8_t *split;
    struct ipsec_vici *c;
    uint8_t reg[64];
    size_t n, i;

    if (size > 16384)
        return 0;
    log_set_level(LOG_LVL_ERR);
    done_calls = 0;
    c = ipsec_vici_new(&conf, &cbs, &env);
    ipsec_vici_start(c);
    n = ipsec_vici_pollfds(c, vp);
    for (i = 0; i < n; i++)
        ipsec_vici_on_writable(c, vp[i].fd);
    /* answer the one registration (list-sa on the command connection) */
    if (recv(peer[0], reg, sizeof(reg), 0) <= 0)
        abort();
    reg[0] = 0, reg[1] = 0, reg[2] = 0, reg[3] = 1, reg[4] = VICI_EVENT_CONFIRM;
    feed(c, 0, reg, 5);
    if (ipsec_vici_state(c) != IPSEC_VICI_READY)
        abort();
    if (ipsec_vici_submit(c, "list-sas", NULL, 0, on_stream, on_done, NULL) != 0)
        abort();
    split = memchr(data, 0xff, size);
    feed(c, 0, data, split ? (size_t)(split - data) : size);
    if (split && ipsec_vici_state(c) == IPSEC_VICI_READY)
        feed(c, 1, split + 1, size - (size_t)(split - data) - 1);
    k = ipsec_vici_counters(c);
    if (ipsec_vici_state(c) != IPSEC_VICI_READY && !k->bad_frames)
        abort(); /* only an unskippable length may end the session */
    if (done_calls > 1 || (done_calls == 0) != (ipsec_vici_pending(c) == 1))
        abort();
    ipsec_vici_free(c);
    close(peer[0]);
    close(peer[1]);
    return 0;
}
