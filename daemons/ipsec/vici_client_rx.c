/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The receive half of the VICI client: socket readiness, connect
 * completion, framing, and dispatch of each packet to the command in
 * flight, the registration handshake or the event callback. Anything that
 * fits none of them is counted and dropped (vici_client.h counters); only a
 * frame length that cannot be skipped resets the session.
 */
#include "daemons/ipsec/vici_client_int.h"

#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static bool
is_stream(const struct ipsec_vici *c, const char *name)
{
    const struct vconn *vc = &c->conn[CONN_CMD];
    size_t i;

    for (i = 0; i < vc->nregs; i++)
        if (strcmp(vc->regs[i], name) == 0)
            return true;
    return false;
}

static void
registration_answer(struct ipsec_vici *c, struct vconn *vc, bool ok)
{
    if (c->st != IPSEC_VICI_REGISTERING || !vc->reg_sent) {
        c->cnt.unexpected++;
        return;
    }
    if (!ok) {
        c->cnt.event_reg_failed++;
        vc_warn_rl(c, "charon does not know event '%s'", vc->regs[vc->reg_next]);
    }
    vc->reg_sent = false;
    vc->reg_next++;
    vc_register_next(c, vc);
    if (c->conn[CONN_CMD].reg_next >= c->conn[CONN_CMD].nregs &&
        c->conn[CONN_EVT].reg_next >= c->conn[CONN_EVT].nregs)
        vc_fsm(c, VEV_REGISTERED);
}

static struct vici_msg *
parse_body(struct ipsec_vici *c, const struct vici_pkt *pkt)
{
    char err[128];
    struct vici_msg *m = vici_msg_parse(pkt->msg, pkt->msglen, err, sizeof(err));

    if (!m) {
        c->cnt.bad_messages++;
        vc_warn_rl(c, "bad %s%s%s message: %s", vici_pkt_type_name(pkt->type),
                   pkt->name[0] ? " " : "", pkt->name, err);
    }
    return m;
}

static void
on_cmd_packet(struct ipsec_vici *c, const struct vici_pkt *pkt)
{
    struct vici_msg *m;

    switch (pkt->type) {
    case VICI_CMD_RESPONSE:
        if (c->st != IPSEC_VICI_READY || !c->inflight) {
            c->cnt.unexpected++;
            return;
        }
        m = parse_body(c, pkt);
        if (m)
            c->cnt.responses++;
        vc_complete(c, m ? IPSEC_VICI_OK : IPSEC_VICI_BADREPLY, m);
        vici_msg_free(m);
        return;
    case VICI_CMD_UNKNOWN:
        if (c->st != IPSEC_VICI_READY || !c->inflight) {
            c->cnt.unexpected++;
            return;
        }
        c->cnt.cmd_unknown++;
        vc_warn_rl(c, "charon does not know command '%s'", c->head->cmd);
        vc_complete(c, IPSEC_VICI_UNKNOWN_CMD, NULL);
        return;
    case VICI_EVENT:
        if (!c->inflight || !is_stream(c, pkt->name)) {
            c->cnt.unexpected++;
            return;
        }
        m = parse_body(c, pkt);
        if (!m)
            return;
        c->cnt.stream_events++;
        if (c->head->stream)
            c->head->stream(c->head->arg, pkt->name, m);
        vici_msg_free(m);
        return;
    default:
        c->cnt.unexpected++;
        return;
    }
}

static void
on_evt_packet(struct ipsec_vici *c, const struct vici_pkt *pkt)
{
    struct vici_msg *m;

    if (pkt->type != VICI_EVENT || c->st == IPSEC_VICI_CONNECTING) {
        c->cnt.unexpected++;
        return;
    }
    m = parse_body(c, pkt);
    if (!m)
        return;
    c->cnt.events++;
    if (c->cbs.on_event)
        c->cbs.on_event(c->cbs.arg, pkt->name, m);
    vici_msg_free(m);
}

static void
handle_packet(struct ipsec_vici *c, int which, const uint8_t *p, size_t n)
{
    struct vici_pkt pkt;
    char err[128];

    if (vici_pkt_decode(p, n, &pkt, err, sizeof(err)) != 0) {
        c->cnt.bad_packets++;
        vc_warn_rl(c, "dropped packet: %s", err);
        return;
    }
    if (pkt.type == VICI_EVENT_CONFIRM || pkt.type == VICI_EVENT_UNKNOWN) {
        registration_answer(c, &c->conn[which], pkt.type == VICI_EVENT_CONFIRM);
        return;
    }
    if (which == CONN_CMD)
        on_cmd_packet(c, &pkt);
    else
        on_evt_packet(c, &pkt);
}

/* Dispatches every complete frame; stops if a callback ended the session. */
static void
process_rx(struct ipsec_vici *c, int which)
{
    struct vconn *vc = &c->conn[which];
    uint64_t gen = c->gen;
    size_t off = 0, fl = 0;
    int r;

    while (c->gen == gen && (r = vici_frame_check(vc->rx + off, vc->rxlen - off, &fl)) != 0) {
        if (r < 0) {
            c->cnt.bad_frames++;
            vc_warn_rl(c, "frame length out of range, resetting session");
            c->fail_why = "bad frame";
            vc_fsm(c, VEV_FAILED);
            return;
        }
        if (c->env.trace)
            c->env.trace(c->env.arg, which, true, vc->rx + off, fl);
        handle_packet(c, which, vc->rx + off + 4, fl - 4);
        off += fl;
    }
    if (c->gen != gen)
        return;
    memmove(vc->rx, vc->rx + off, vc->rxlen - off);
    vc->rxlen -= off;
}

static int
conn_index(const struct ipsec_vici *c, int fd)
{
    if (fd >= 0 && c->conn[CONN_CMD].fd == fd)
        return CONN_CMD;
    if (fd >= 0 && c->conn[CONN_EVT].fd == fd)
        return CONN_EVT;
    return -1;
}

static void
check_connected(struct ipsec_vici *c, struct vconn *vc)
{
    int err = 0;
    socklen_t l = sizeof(err);

    if (getsockopt(vc->fd, SOL_SOCKET, SO_ERROR, &err, &l) != 0 || err) {
        if (err == EINPROGRESS || err == EAGAIN)
            return;
        log_debug("vici %s: connect: %s", c->path, strerror(err ? err : errno));
        vc_fsm(c, VEV_FAILED);
        return;
    }
    vc->connected = true;
    if (c->conn[CONN_CMD].connected && c->conn[CONN_EVT].connected)
        vc_fsm(c, VEV_CONNECTED);
}

void
ipsec_vici_on_readable(struct ipsec_vici *c, int fd)
{
    int which = conn_index(c, fd), i;
    uint64_t gen = c->gen;

    if (which < 0)
        return;
    if (!c->conn[which].connected) {
        check_connected(c, &c->conn[which]);
        if (c->gen != gen || !c->conn[which].connected)
            goto out;
    }
    for (i = 0; i < READS_PER_CALL && c->gen == gen; i++) {
        struct vconn *vc = &c->conn[which];
        ssize_t n;

        if (vc->rxcap - vc->rxlen < READ_CHUNK) {
            vc->rxcap = vc->rxlen + READ_CHUNK;
            vc->rx = realloc(vc->rx, vc->rxcap);
            if (!vc->rx)
                fatal("out of memory");
        }
        n = recv(vc->fd, vc->rx + vc->rxlen, vc->rxcap - vc->rxlen, 0);
        if (n < 0 && (errno == EAGAIN || errno == EINTR))
            break;
        if (n <= 0) {
            c->fail_why = n == 0 ? "charon closed the connection" : "read failed";
            vc_fsm(c, VEV_FAILED);
            break;
        }
        c->cnt.bytes_in += (uint64_t)n;
        vc->rxlen += (size_t)n;
        process_rx(c, which);
    }
out:
    vc_run_deferred(c);
}

void
ipsec_vici_on_writable(struct ipsec_vici *c, int fd)
{
    int which = conn_index(c, fd);

    if (which < 0)
        return;
    if (!c->conn[which].connected)
        check_connected(c, &c->conn[which]);
    else
        vc_conn_flush(c, &c->conn[which]);
    vc_run_deferred(c);
}
