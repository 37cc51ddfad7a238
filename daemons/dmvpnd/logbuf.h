/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * dmvpnd's log buffer (show logging) and the routing of log lines to shell
 * sessions (terminal monitor, debug nhrp). Every message gets IOS's form:
 * a module's own "%FAC-SEV-MNEMONIC: text" is kept, plain daemon messages
 * become "%DMVPND-<sev>-<LEVEL>: text", and debug lines keep their topic in
 * capitals ("nhrp: x" -> "NHRP: x") as IOS debug output reads.
 */
#ifndef DMVPN_DAEMONS_LOGBUF_H
#define DMVPN_DAEMONS_LOGBUF_H

#include "lib/log.h"
#include "lib/rec.h"
#include "lib/strbuf.h"

#include <stddef.h>
#include <stdint.h>

#define LOGBUF_MSGS  512
#define LOGBUF_BYTES 65536 /* what `Log Buffer (N bytes)` says */

struct logbuf {
    struct rec_log ring[LOGBUF_MSGS];
    size_t head, n;
    uint32_t seq;     /* messages logged since start */
    uint32_t dropped; /* lost to the rate limiter */
    uint32_t trap;    /* lines sent to syslog/stderr */
    uint32_t monitor; /* lines sent to sessions */
};

void logbuf_init(struct logbuf *b);
/* IOS text of a daemon message (without timestamp) into out; the topic of
 * a debug line ("nhrp") into topic (empty when none). */
void logbuf_format(enum log_level lvl, const char *msg, char *out, size_t n, char *topic,
                   size_t tn);
void logbuf_add(struct logbuf *b, int64_t wall_ms, enum log_level lvl, const char *text);
/* Appends the buffered messages as rec_log records, oldest first; returns
 * how many. */
long logbuf_records(const struct logbuf *b, struct strbuf *out);
void logbuf_clear(struct logbuf *b);
/* syslog severity of a level */
int logbuf_severity(enum log_level lvl);

#endif
