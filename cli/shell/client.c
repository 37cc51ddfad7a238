/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Control socket calls for the shell (see client.h). */
#include "cli/shell/client.h"
#include "cli/shell/guard.h"
#include "lib/ctl.h"
#include "lib/log.h"
#include "lib/mem.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int
client_open(struct client *c, const char *path)
{
    c->seq = 0;
    c->on_log = NULL;
    c->log_arg = NULL;
    c->fd = ctl_connect(path);
    return c->fd < 0 ? -1 : 0;
}

void
client_close(struct client *c)
{
    if (c->fd >= 0)
        close(c->fd);
    c->fd = -1;
}

int
client_call(struct client *c, uint16_t type, const void *p, size_t n, struct strbuf *out)
{
    struct ctl_frame f;
    uint8_t *payload;
    uint32_t seq = ++c->seq;

    if (ctl_request(c->fd, type, seq, p, n) < 0)
        return -1;
    for (;;) {
        if (ctl_read_frame(c->fd, &f, &payload) < 0)
            return -1;
        if (f.type == CTL_LOG || f.seq != seq) { /* not our answer */
            if (f.type == CTL_LOG && c->on_log)
                c->on_log(c->log_arg, (const char *)payload, f.len);
            free(payload);
            continue;
        }
        if (out)
            sb_append(out, payload, f.len);
        free(payload);
        return f.type == CTL_ERR ? 1 : 0;
    }
}

int
client_pump(struct client *c)
{
    struct ctl_frame f;
    uint8_t *payload;

    if (c->fd < 0 || ctl_read_frame(c->fd, &f, &payload) < 0)
        return -1;
    if (f.type == CTL_LOG && c->on_log)
        c->on_log(c->log_arg, (const char *)payload, f.len);
    free(payload);
    return 0;
}

int
client_snapshot(struct client *c, uint32_t kind, const char *filter, size_t want_size,
                struct snapshot *s)
{
    struct strbuf req, rep;
    uint8_t k[4] = {(uint8_t)(kind >> 24), (uint8_t)(kind >> 16), (uint8_t)(kind >> 8),
                    (uint8_t)kind};
    const uint8_t *recs;
    size_t i, stride;
    int rc;

    memset(s, 0, sizeof(*s));
    sb_init(&req);
    sb_init(&rep);
    sb_append(&req, k, 4);
    if (filter)
        sb_puts(&req, filter);
    rc = client_call(c, CTL_SNAPSHOT, req.buf, req.len, &rep);
    sb_free(&req);
    if (rc != 0 || rep.len < sizeof(s->h)) {
        sb_free(&rep);
        return rc ? rc : -1;
    }
    memcpy(&s->h, rep.buf, sizeof(s->h));
    stride = s->h.rec_size;
    recs = (const uint8_t *)rep.buf + sizeof(s->h);
    if (s->h.count && (stride == 0 || (rep.len - sizeof(s->h)) / stride < s->h.count)) {
        sb_free(&rep);
        return -1; /* a reply that does not hold what it says */
    }
    s->buf = calloc(s->h.count + 1, want_size);
    if (!s->buf) {
        sb_free(&rep);
        mem_oom();
    }
    guard_own(s->buf);
    for (i = 0; i < s->h.count; i++)
        memcpy(s->buf + i * want_size, recs + i * stride, stride < want_size ? stride : want_size);
    sb_free(&rep);
    return 0;
}

void
snapshot_free(struct snapshot *s)
{
    guard_disown(s->buf);
    free(s->buf);
    s->buf = NULL;
}
