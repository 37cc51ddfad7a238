/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Parent/child message framing (see pmsg.h): the pure codec, the reader
 * and the socket helpers that move bytes and descriptors.
 */
#include "lib/pmsg.h"

#include <errno.h>
#include <poll.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static uint32_t
get32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static uint16_t
get16(const uint8_t *p)
{
    return (uint16_t)(p[0] << 8 | p[1]);
}

static void
put32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
}

static void
put16(uint8_t *p, uint16_t v)
{
    p[0] = (uint8_t)(v >> 8);
    p[1] = (uint8_t)v;
}

static void
hdr_fill(uint8_t *h, uint16_t type, uint16_t flags, uint32_t id, size_t len)
{
    put32(h, (uint32_t)len);
    put16(h + 4, type);
    put16(h + 6, flags);
    put32(h + 8, id);
}

enum pmsg_dec
pmsg_decode(const uint8_t *buf, size_t len, uint16_t max_type, uint32_t max_len, struct pmsg *m,
            size_t *used)
{
    uint32_t plen;

    if (len < PMSG_HDR_LEN)
        return PMSG_NEED_MORE;
    /* The header alone tells a bad message: say so before waiting for a
     * payload that may never come. */
    plen = get32(buf);
    if (plen > max_len || plen > PMSG_MAX_PAYLOAD)
        return PMSG_BAD_LEN;
    m->type = get16(buf + 4);
    if (m->type == 0 || m->type > max_type)
        return PMSG_BAD_TYPE;
    m->flags = get16(buf + 6);
    if (m->flags & ~PMSG_F_ALL)
        return PMSG_BAD_FLAGS;
    if (len - PMSG_HDR_LEN < plen)
        return PMSG_NEED_MORE;
    m->id = get32(buf + 8);
    m->len = plen;
    m->payload = buf + PMSG_HDR_LEN;
    m->fd = -1;
    *used = PMSG_HDR_LEN + (size_t)plen;
    return PMSG_OK;
}

void
pmsg_encode(struct strbuf *out, uint16_t type, uint16_t flags, uint32_t id, const void *payload,
            size_t len)
{
    uint8_t h[PMSG_HDR_LEN];

    hdr_fill(h, type, flags, id, len);
    sb_append(out, h, sizeof(h));
    if (len > 0)
        sb_append(out, payload, len);
}

const char *
pmsg_dec_str(enum pmsg_dec d)
{
    switch (d) {
    case PMSG_OK:
        return "ok";
    case PMSG_NEED_MORE:
        return "partial message";
    case PMSG_BAD_LEN:
        return "message too long";
    case PMSG_BAD_TYPE:
        return "unknown message type";
    case PMSG_BAD_FLAGS:
        return "unknown message flags";
    case PMSG_BAD_FD:
        return "message without its descriptor";
    }
    return "?";
}

void
pmsg_rd_init(struct pmsg_rd *r, uint16_t max_type, uint32_t max_len)
{
    memset(r, 0, sizeof(*r));
    sb_init(&r->in);
    r->max_type = max_type;
    r->max_len = max_len > PMSG_MAX_PAYLOAD ? PMSG_MAX_PAYLOAD : max_len;
}

void
pmsg_rd_free(struct pmsg_rd *r)
{
    unsigned i;

    for (i = 0; i < r->nfds; i++)
        close(r->fds[i]);
    r->nfds = 0;
    sb_free(&r->in);
}

void
pmsg_rd_feed(struct pmsg_rd *r, const void *p, size_t n)
{
    /* Drop the consumed prefix before growing, so a long-lived stream
     * keeps a buffer of about one message. */
    if (r->off > 0 && (r->off == r->in.len || r->off >= 4096)) {
        memmove(r->in.buf, r->in.buf + r->off, r->in.len - r->off);
        r->in.len -= r->off;
        r->off = 0;
    }
    if (n > 0)
        sb_append(&r->in, p, n);
}

static enum pmsg_dec
stop(struct pmsg_rd *r, enum pmsg_dec e)
{
    if (r->error != PMSG_OK)
        return r->error;
    r->error = e;
    switch (e) {
    case PMSG_BAD_LEN:
        r->bad_len++;
        break;
    case PMSG_BAD_TYPE:
        r->bad_type++;
        break;
    case PMSG_BAD_FLAGS:
        r->bad_flags++;
        break;
    case PMSG_BAD_FD:
        r->bad_fd++;
        break;
    default:
        break;
    }
    return e;
}

void
pmsg_rd_push_fd(struct pmsg_rd *r, int fd)
{
    if (r->nfds == PMSG_MAX_FDS || r->error != PMSG_OK) {
        close(fd);
        if (r->error == PMSG_OK) {
            r->fd_overflow++;
            stop(r, PMSG_BAD_FD);
        }
        return;
    }
    r->fds[r->nfds++] = fd;
}

enum pmsg_dec
pmsg_rd_next(struct pmsg_rd *r, struct pmsg *m)
{
    enum pmsg_dec d;
    size_t used;

    if (r->error != PMSG_OK)
        return r->error;
    d = pmsg_decode((const uint8_t *)r->in.buf + r->off, r->in.len - r->off, r->max_type,
                    r->max_len, m, &used);
    if (d == PMSG_NEED_MORE)
        return d;
    if (d != PMSG_OK)
        return stop(r, d);
    if (m->flags & PMSG_F_FD) {
        if (r->nfds == 0)
            return stop(r, PMSG_BAD_FD);
        m->fd = r->fds[0];
        memmove(r->fds, r->fds + 1, (r->nfds - 1) * sizeof(r->fds[0]));
        r->nfds--;
    }
    r->off += used;
    r->msgs++;
    return PMSG_OK;
}

long
pmsg_rd_recv(struct pmsg_rd *r, int sock)
{
    uint8_t buf[65536];
    union {
        struct cmsghdr align;
        char b[CMSG_SPACE(sizeof(int) * PMSG_MAX_FDS)];
    } ctrl;
    struct iovec iov = {buf, sizeof(buf)};
    struct msghdr mh;
    struct cmsghdr *c;
    ssize_t n;

    memset(&mh, 0, sizeof(mh));
    mh.msg_iov = &iov;
    mh.msg_iovlen = 1;
    mh.msg_control = ctrl.b;
    mh.msg_controllen = sizeof(ctrl.b);
    do
        n = recvmsg(sock, &mh, MSG_CMSG_CLOEXEC);
    while (n < 0 && errno == EINTR);
    if (n < 0)
        return -1;
    for (c = CMSG_FIRSTHDR(&mh); c != NULL; c = CMSG_NXTHDR(&mh, c)) {
        size_t k, nfd;

        if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS)
            continue;
        nfd = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
        for (k = 0; k < nfd; k++) {
            int fd;

            memcpy(&fd, CMSG_DATA(c) + k * sizeof(int), sizeof(int));
            pmsg_rd_push_fd(r, fd);
        }
    }
    /* Descriptors that did not fit were closed by the kernel: the stream
     * has lost one it was promised. */
    if (mh.msg_flags & MSG_CTRUNC) {
        r->fd_overflow++;
        stop(r, PMSG_BAD_FD);
    }
    if (n == 0) {
        r->eof = true;
        return 0;
    }
    pmsg_rd_feed(r, buf, (size_t)n);
    return (long)n;
}

static int
wait_out(int sock)
{
    struct pollfd p = {.fd = sock, .events = POLLOUT};

    return poll(&p, 1, -1) < 0 && errno != EINTR ? -1 : 0;
}

int
pmsg_send(int sock, uint16_t type, uint32_t id, const void *payload, size_t len, int fd)
{
    uint8_t h[PMSG_HDR_LEN];
    struct iovec iov[2];
    union {
        struct cmsghdr align;
        char b[CMSG_SPACE(sizeof(int))];
    } ctrl;
    struct msghdr mh;
    size_t done = 0, total = PMSG_HDR_LEN + len;
    ssize_t n;

    if (len > PMSG_MAX_PAYLOAD) {
        errno = EMSGSIZE;
        return -1;
    }
    hdr_fill(h, type, fd >= 0 ? PMSG_F_FD : 0, id, len);
    while (done < total) {
        memset(&mh, 0, sizeof(mh));
        if (done < PMSG_HDR_LEN) {
            iov[0].iov_base = h + done;
            iov[0].iov_len = PMSG_HDR_LEN - done;
            iov[1].iov_base = (void *)payload;
            iov[1].iov_len = len;
            mh.msg_iovlen = len > 0 ? 2 : 1;
        } else {
            iov[0].iov_base = (uint8_t *)payload + (done - PMSG_HDR_LEN);
            iov[0].iov_len = total - done;
            mh.msg_iovlen = 1;
        }
        mh.msg_iov = iov;
        if (done == 0 && fd >= 0) {
            struct cmsghdr *c;

            memset(&ctrl, 0, sizeof(ctrl));
            mh.msg_control = ctrl.b;
            mh.msg_controllen = sizeof(ctrl.b);
            c = CMSG_FIRSTHDR(&mh);
            c->cmsg_level = SOL_SOCKET;
            c->cmsg_type = SCM_RIGHTS;
            c->cmsg_len = CMSG_LEN(sizeof(int));
            memcpy(CMSG_DATA(c), &fd, sizeof(int));
        }
        n = sendmsg(sock, &mh, MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            if ((errno == EAGAIN || errno == EWOULDBLOCK) && wait_out(sock) == 0)
                continue;
            return -1;
        }
        done += (size_t)n;
    }
    return 0;
}
