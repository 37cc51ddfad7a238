/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The shell's side of the control socket: blocking request/reply calls,
 * and snapshot fetches that hand back the records and the daemon's `now`.
 */
#ifndef DMVPN_CLI_CLIENT_H
#define DMVPN_CLI_CLIENT_H

#include "lib/rec.h"
#include "lib/strbuf.h"

#include <stddef.h>
#include <stdint.h>

struct client {
    int fd;
    uint32_t seq;
};

int client_open(struct client *c, const char *path);
void client_close(struct client *c);
/* Sends a request; the reply's text goes to out. Returns 0 for CTL_OK, 1
 * for CTL_ERR (text is the IOS message), -1 when the daemon is gone. */
int client_call(struct client *c, uint16_t type, const void *p, size_t n, struct strbuf *out);

struct snapshot {
    struct rec_header h;
    uint8_t *buf; /* records, h.count of h.rec_size bytes */
};

/* Fetches records of a kind; the records are copied into an array of
 * `want_size`-byte elements (zero-filled when the daemon's are shorter). */
int client_snapshot(struct client *c, uint32_t kind, const char *filter, size_t want_size,
                    struct snapshot *s);
void snapshot_free(struct snapshot *s);

#endif
