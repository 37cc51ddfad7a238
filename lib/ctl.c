/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Control protocol framing and connection buffers (see ctl.h).
 */
#include "lib/ctl.h"
#include "lib/mem.h"
#include "lib/log.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
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

bool
ctl_type_valid(uint16_t t)
{
    return (t >= CTL_HELLO && t <= CTL_DISABLE) || (t >= CTL_OK && t <= CTL_LOG);
}

enum ctl_decode
ctl_decode(const uint8_t *buf, size_t len, struct ctl_frame *f, size_t *used)
{
    if (len < CTL_HDR_LEN)
        return CTL_DEC_NEED_MORE;
    f->len = get32(buf);
    f->type = get16(buf + 4);
    f->flags = get16(buf + 6);
    f->seq = get32(buf + 8);
    if (f->len > CTL_MAX_PAYLOAD)
        return CTL_DEC_TOO_BIG;
    if (!ctl_type_valid(f->type))
        return CTL_DEC_BAD_TYPE;
    if (len - CTL_HDR_LEN < f->len)
        return CTL_DEC_NEED_MORE;
    f->payload = buf + CTL_HDR_LEN;
    *used = CTL_HDR_LEN + f->len;
    return CTL_DEC_OK;
}

void
ctl_encode(struct strbuf *out, uint16_t type, uint16_t flags, uint32_t seq, const void *payload,
           size_t len)
{
    uint8_t h[CTL_HDR_LEN];

    h[0] = (uint8_t)(len >> 24);
    h[1] = (uint8_t)(len >> 16);
    h[2] = (uint8_t)(len >> 8);
    h[3] = (uint8_t)len;
    h[4] = (uint8_t)(type >> 8);
    h[5] = (uint8_t)type;
    h[6] = (uint8_t)(flags >> 8);
    h[7] = (uint8_t)flags;
    h[8] = (uint8_t)(seq >> 24);
    h[9] = (uint8_t)(seq >> 16);
    h[10] = (uint8_t)(seq >> 8);
    h[11] = (uint8_t)seq;
    sb_append(out, h, sizeof(h));
    if (len)
        sb_append(out, payload, len);
}

void
ctl_conn_init(struct ctl_conn *c, int fd)
{
    memset(c, 0, sizeof(*c));
    c->fd = fd;
    sb_init(&c->in);
    sb_init(&c->out);
}

void
ctl_conn_free(struct ctl_conn *c)
{
    if (c->fd >= 0)
        close(c->fd);
    c->fd = -1;
    sb_free(&c->in);
    sb_free(&c->out);
}

int
ctl_conn_read(struct ctl_conn *c)
{
    for (;;) {
        ssize_t n;
        sb_reserve(&c->in, 65536);
        n = read(c->fd, c->in.buf + c->in.len, c->in.cap - c->in.len - 1);
        if (n > 0) {
            c->in.len += (size_t)n;
            c->in.buf[c->in.len] = '\0';
            if ((size_t)n < 65536)
                return 0;
            continue;
        }
        if (n == 0) {
            c->closed = true;
            return -1;
        }
        if (errno == EINTR)
            continue;
        if (errno == EAGAIN || errno == EWOULDBLOCK)
            return 0;
        c->closed = true;
        return -1;
    }
}

bool
ctl_conn_next(struct ctl_conn *c, struct ctl_frame *f)
{
    size_t used;
    enum ctl_decode r;

    if (c->closed && c->in_off >= c->in.len)
        return false;
    r = ctl_decode((const uint8_t *)c->in.buf + c->in_off, c->in.len - c->in_off, f, &used);
    if (r == CTL_DEC_OK) {
        c->in_off += used;
        return true;
    }
    if (r != CTL_DEC_NEED_MORE) {
        c->bad_frames++;
        c->closed = true; /* framing is lost: nothing after this can be trusted */
        return false;
    }
    /* compact: keep only the unconsumed tail */
    if (c->in_off) {
        memmove(c->in.buf, c->in.buf + c->in_off, c->in.len - c->in_off);
        c->in.len -= c->in_off;
        c->in_off = 0;
    }
    return false;
}

void
ctl_conn_send(struct ctl_conn *c, uint16_t type, uint32_t seq, const void *p, size_t n)
{
    ctl_encode(&c->out, type, 0, seq, p, n);
}

bool
ctl_conn_pending(const struct ctl_conn *c)
{
    return c->out.len > c->out_off;
}

long
ctl_conn_flush(struct ctl_conn *c)
{
    while (c->out.len > c->out_off) {
        ssize_t n = send(c->fd, c->out.buf + c->out_off, c->out.len - c->out_off, MSG_NOSIGNAL);
        if (n > 0) {
            c->out_off += (size_t)n;
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            break;
        c->closed = true;
        return -1;
    }
    if (c->out_off == c->out.len) {
        sb_reset(&c->out);
        c->out_off = 0;
    }
    return (long)(c->out.len - c->out_off);
}

int
ctl_connect(const char *path)
{
    struct sockaddr_un sa;
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);

    if (fd < 0)
        return -1;
    memset(&sa, 0, sizeof(sa));
    sa.sun_family = AF_UNIX;
    if (strlen(path) >= sizeof(sa.sun_path)) {
        close(fd);
        errno = ENAMETOOLONG;
        return -1;
    }
    strcpy(sa.sun_path, path);
    if (connect(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0) {
        int e = errno;
        close(fd);
        errno = e;
        return -1;
    }
    return fd;
}

static int
write_all(int fd, const char *p, size_t n)
{
    while (n) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return -1;
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

static int
read_all(int fd, uint8_t *p, size_t n)
{
    while (n) {
        ssize_t r = read(fd, p, n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return -1;
        p += r;
        n -= (size_t)r;
    }
    return 0;
}

int
ctl_request(int fd, uint16_t type, uint32_t seq, const void *p, size_t n)
{
    struct strbuf sb;
    int rc;

    sb_init(&sb);
    ctl_encode(&sb, type, 0, seq, p, n);
    rc = write_all(fd, sb.buf, sb.len);
    sb_free(&sb);
    return rc;
}

int
ctl_read_frame(int fd, struct ctl_frame *f, uint8_t **payload)
{
    uint8_t h[CTL_HDR_LEN];
    size_t used;
    enum ctl_decode r;

    *payload = NULL;
    if (read_all(fd, h, sizeof(h)) < 0)
        return -1;
    r = ctl_decode(h, sizeof(h), f, &used);
    if (r != CTL_DEC_OK && r != CTL_DEC_NEED_MORE) {
        errno = EPROTO;
        return -1;
    }
    *payload = malloc(f->len + 1);
    if (!*payload) {
        /* read the frame to its end first, so that whoever catches the
         * out-of-memory (the shell ends just the command) still has a
         * stream that starts at a frame */
        uint8_t sink[4096];
        for (size_t left = f->len; left;) {
            size_t k = left < sizeof(sink) ? left : sizeof(sink);
            if (read_all(fd, sink, k) < 0)
                return -1;
            left -= k;
        }
        mem_oom();
    }
    if (read_all(fd, *payload, f->len) < 0) {
        free(*payload);
        *payload = NULL;
        return -1;
    }
    (*payload)[f->len] = 0;
    f->payload = *payload;
    return 0;
}
