/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Where dmvpn-snmp's rows come from: snapshot records fetched from dmvpnd's
 * control socket (read-only requests only), kept for a short time so that a
 * walk of a large table costs one request per record kind, not one per row.
 * The connection is re-opened whenever the daemon went away, so the
 * subagent outlives daemon restarts; while the daemon is down the tables
 * are empty. A daemon that accepts but does not answer (stopped, or stuck)
 * costs the request timeouts once, then SN_SOURCE_QUIET_MS of empty tables
 * without asking: inside snmpd (the module) every wait stalls the host MIBs
 * too.
 */
#ifndef DMVPN_SNMP_SN_SOURCE_H
#define DMVPN_SNMP_SN_SOURCE_H

#include "snmp/sn_table.h"
#include "lib/log.h"

#define SN_SOURCE_QUIET_MS 10000

struct sn_source {
    const char *path; /* dmvpnd control socket */
    int64_t cache_ms; /* how long one snapshot answers requests */
    int timeout_ms;   /* per request to the daemon */
    int fd;           /* -1 when not connected */
    uint32_t seq;
    int64_t fetched_at;  /* our clock (ms) of the last attempt, 0 = never */
    int64_t quiet_until; /* after a timeout: no request before this (ms) */
    bool ok;             /* the last attempt got every kind */
    int64_t boot_ms;     /* the daemon's boot_ms seen last */
    struct sn_snap snap; /* points into the arrays below */
    void *bufs[7];       /* one per record kind fetched (sn_source.c) */
    uint64_t fetches, failures, reconnects, timeouts;
    struct log_ratelimit rl;
};

void sn_source_init(struct sn_source *s, const char *path, int64_t cache_ms);
void sn_source_free(struct sn_source *s);
/* Brings the snapshot up to date at `now_ms` (our monotonic clock).
 * `uptime_ticks` is the agent's sysUpTime, recorded as the counters'
 * discontinuity time when the daemon has restarted. Returns 1 when the
 * snapshot changed (rebuild the tables), 0 when the cached one still holds. */
int sn_source_refresh(struct sn_source *s, int64_t now_ms, uint32_t uptime_ticks);

/* Decodes a CTL_RECORDS payload of `kind` into a malloc'd array of
 * `want_size`-byte records (shorter daemon records are zero-extended,
 * longer ones cut). Returns the count, -1 when the payload is malformed.
 * Pure: the unit tests feed it bytes. */
long sn_records_decode(const uint8_t *p, size_t len, uint32_t kind, size_t want_size, void **out,
                       struct rec_header *h);

/* NUL-terminates every string field of records of a known kind. */
void sn_records_sanitize(uint32_t kind, void *recs, size_t n);

#endif
