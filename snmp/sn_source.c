/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Snapshot fetching for dmvpn-snmp (sn_source.h). Requests are blocking but
 * bounded by socket timeouts, because they run inside net-snmp's request
 * processing and the master agent times a subagent out after a second or
 * so: a hung daemon must cost one timeout, then an empty table, not a hung
 * subagent. Access is whatever the daemon grants this process: as root (the
 * usual case, like snmpd) the snapshots are allowed; otherwise the daemon
 * answers "% Authorization failed." and the tables stay empty.
 */
#include "snmp/sn_source.h"
#include "lib/ctl.h"

#include <arpa/inet.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

enum { B_TUN, B_CACHE, B_NHS, B_TRAFFIC, B_IKE, B_IPSEC, B_CGLOBAL, B_COUNT };

static const struct {
    uint32_t kind;
    size_t size;
} kinds[B_COUNT] = {
    [B_TUN] = {REC_TUNNEL, sizeof(struct rec_tunnel)},
    [B_CACHE] = {REC_NHRP_CACHE, sizeof(struct rec_nhrp_cache)},
    [B_NHS] = {REC_NHRP_NHS, sizeof(struct rec_nhrp_nhs)},
    [B_TRAFFIC] = {REC_NHRP_TRAFFIC, sizeof(struct rec_nhrp_traffic)},
    [B_IKE] = {REC_IKE_SA, sizeof(struct rec_ike_sa)},
    [B_IPSEC] = {REC_IPSEC_SA, sizeof(struct rec_ipsec_sa)},
    /* an older daemon (or the fixture) answers none: the global counters
     * are then not served */
    [B_CGLOBAL] = {REC_CRYPTO_GLOBAL, sizeof(struct rec_crypto_global)},
};

_Static_assert(sizeof(((struct sn_source *)0)->bufs) / sizeof(void *) == B_COUNT,
               "sn_source.bufs holds one buffer per record kind");

#define ZT(f) ((f)[sizeof(f) - 1] = '\0')

/* Strings must end inside their fields whatever the daemon sent (the
 * getters use strcmp/strstr on them). */
void
sn_records_sanitize(uint32_t kind, void *arr, size_t n)
{
    size_t i;
    int j;

    for (i = 0; i < n; i++) {
        switch (kind) {
        case REC_TUNNEL: {
            struct rec_tunnel *r = (struct rec_tunnel *)arr + i;
            ZT(r->ifname);
            ZT(r->profile);
            break;
        }
        case REC_NHRP_CACHE:
            ZT(((struct rec_nhrp_cache *)arr)[i].ifname);
            break;
        case REC_NHRP_NHS:
            ZT(((struct rec_nhrp_nhs *)arr)[i].ifname);
            break;
        case REC_NHRP_TRAFFIC:
            ZT(((struct rec_nhrp_traffic *)arr)[i].ifname);
            break;
        case REC_IKE_SA: {
            struct rec_ike_sa *r = (struct rec_ike_sa *)arr + i;
            ZT(r->ifname);
            ZT(r->ivrf);
            ZT(r->fvrf);
            ZT(r->encr);
            ZT(r->hash);
            ZT(r->auth);
            ZT(r->engine);
            break;
        }
        case REC_IPSEC_SA: {
            struct rec_ipsec_sa *r = (struct rec_ipsec_sa *)arr + i;
            ZT(r->ifname);
            ZT(r->crypto_map);
            ZT(r->pvrf);
            ZT(r->flags);
            ZT(r->mtu_idb);
            for (j = 0; j < REC_IPSEC_MAX_SAS; j++) {
                ZT(r->sas[j].transform);
                ZT(r->sas[j].engine);
            }
            break;
        }
        }
    }
}

static size_t
kind_size(uint32_t kind)
{
    int b;

    for (b = 0; b < B_COUNT; b++)
        if (kinds[b].kind == kind)
            return kinds[b].size;
    return 0;
}

long
sn_records_decode(const uint8_t *p, size_t len, uint32_t kind, size_t want_size, void **out,
                  struct rec_header *h)
{
    uint8_t *arr;
    size_t i, n, copy;

    *out = NULL;
    if (len < sizeof(*h))
        return -1;
    memcpy(h, p, sizeof(*h));
    if (h->count == 0) {
        return 0; /* the daemon's kind field is only meaningful with records */
    }
    if (h->kind != kind || h->rec_size == 0 || h->count > (len - sizeof(*h)) / h->rec_size)
        return -1;
    n = h->count;
    arr = calloc(n, want_size);
    if (!arr)
        fatal("out of memory");
    copy = h->rec_size < want_size ? h->rec_size : want_size;
    for (i = 0; i < n; i++)
        memcpy(arr + i * want_size, p + sizeof(*h) + i * h->rec_size, copy);
    if (want_size == kind_size(kind))
        sn_records_sanitize(kind, arr, n);
    *out = arr;
    return (long)n;
}

static void
disconnect(struct sn_source *s)
{
    if (s->fd >= 0)
        close(s->fd);
    s->fd = -1;
}

static int
connect_daemon(struct sn_source *s)
{
    struct timeval tv = {.tv_sec = s->timeout_ms / 1000, .tv_usec = (s->timeout_ms % 1000) * 1000};

    s->fd = ctl_connect(s->path);
    if (s->fd < 0)
        return -1;
    setsockopt(s->fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
    setsockopt(s->fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
    s->reconnects++;
    return 0;
}

/* One CTL_SNAPSHOT round trip. */
static long
fetch(struct sn_source *s, int b, void **out, struct rec_header *h)
{
    uint8_t req[4];
    uint32_t k = htonl(kinds[b].kind);
    struct ctl_frame f;
    uint8_t *payload;
    long n;

    memcpy(req, &k, 4);
    if (ctl_request(s->fd, CTL_SNAPSHOT, ++s->seq, req, sizeof(req)) < 0 ||
        ctl_read_frame(s->fd, &f, &payload) < 0)
        return -2; /* connection lost */
    if (f.type != CTL_RECORDS) {
        if (log_ratelimit_ok(&s->rl, (uint64_t)s->fetched_at))
            log_warn("dmvpn-snmp: daemon refused snapshot %u: %.*s", kinds[b].kind,
                     (int)(f.len > 200 ? 200 : f.len), (const char *)payload);
        free(payload);
        return -1;
    }
    n = sn_records_decode(payload, f.len, kinds[b].kind, kinds[b].size, out, h);
    free(payload);
    if (n < 0 && log_ratelimit_ok(&s->rl, (uint64_t)s->fetched_at))
        log_warn("dmvpn-snmp: malformed snapshot of kind %u dropped", kinds[b].kind);
    return n;
}

static void
clear(struct sn_source *s)
{
    int b;

    for (b = 0; b < B_COUNT; b++) {
        free(s->bufs[b]);
        s->bufs[b] = NULL;
    }
    s->snap.tun = NULL;
    s->snap.cache = NULL;
    s->snap.nhs = NULL;
    s->snap.traffic = NULL;
    s->snap.ike = NULL;
    s->snap.ipsec = NULL;
    s->snap.cglobal = NULL;
    s->snap.ntun = s->snap.ncache = s->snap.nnhs = s->snap.ntraffic = s->snap.nike =
        s->snap.nipsec = 0;
}

void
sn_source_init(struct sn_source *s, const char *path, int64_t cache_ms)
{
    memset(s, 0, sizeof(*s));
    s->path = path;
    s->cache_ms = cache_ms;
    s->timeout_ms = 700;
    s->fd = -1;
    s->rl.interval_ms = 10000;
    s->rl.burst = 3;
    s->rl.tokens = 3;
}

void
sn_source_free(struct sn_source *s)
{
    disconnect(s);
    clear(s);
}

static bool
fetch_all(struct sn_source *s, void **bufs, long *counts, struct rec_header *h0)
{
    int b, attempt, err;

    for (attempt = 0; attempt < 2; attempt++) {
        bool lost = false;
        if (s->fd < 0 && connect_daemon(s) < 0)
            return false;
        memset(bufs, 0, B_COUNT * sizeof(*bufs));
        for (b = 0; b < B_COUNT; b++) {
            struct rec_header h;
            long n = fetch(s, b, &bufs[b], &h);
            if (n == -2) {
                lost = true;
                break;
            }
            counts[b] = n < 0 ? 0 : n;
            if (b == 0)
                *h0 = h;
        }
        if (!lost)
            return true;
        err = errno;
        for (b = 0; b < B_COUNT; b++)
            free(bufs[b]);
        disconnect(s);
        errno = err;
        /* a timeout: asking again would only wait again */
        if (err == EAGAIN || err == EWOULDBLOCK)
            return false;
        /* else the daemon restarted since our last request: reconnect once */
    }
    return false;
}

int
sn_source_refresh(struct sn_source *s, int64_t now_ms, uint32_t uptime_ticks)
{
    void *bufs[B_COUNT];
    long counts[B_COUNT] = {0};
    struct rec_header h;

    if (s->fetched_at && now_ms - s->fetched_at < s->cache_ms)
        return 0;
    if (now_ms < s->quiet_until)
        return 0;
    s->fetched_at = now_ms;
    s->fetches++;
    if (!fetch_all(s, bufs, counts, &h)) {
        s->failures++;
        if (errno == EAGAIN || errno == EWOULDBLOCK) {
            /* SO_RCVTIMEO expired: the daemon is there but not answering */
            s->timeouts++;
            s->quiet_until = now_ms + SN_SOURCE_QUIET_MS;
        }
        if (log_ratelimit_ok(&s->rl, (uint64_t)now_ms))
            log_warn("dmvpn-snmp: dmvpnd at %s: %s; tables are empty", s->path, strerror(errno));
        clear(s);
        s->ok = false;
        return 1;
    }
    clear(s);
    memcpy(s->bufs, bufs, sizeof(bufs));
    s->snap.now_ms = h.now_ms;
    if (s->boot_ms != h.boot_ms) {
        /* a new daemon: its counters start again from zero */
        if (s->boot_ms || s->ok)
            s->snap.disc_ticks = uptime_ticks;
        s->boot_ms = h.boot_ms;
    }
    s->snap.boot_ms = h.boot_ms;
    s->snap.tun = bufs[B_TUN];
    s->snap.ntun = (size_t)counts[B_TUN];
    s->snap.cache = bufs[B_CACHE];
    s->snap.ncache = (size_t)counts[B_CACHE];
    s->snap.nhs = bufs[B_NHS];
    s->snap.nnhs = (size_t)counts[B_NHS];
    s->snap.traffic = bufs[B_TRAFFIC];
    s->snap.ntraffic = (size_t)counts[B_TRAFFIC];
    s->snap.ike = bufs[B_IKE];
    s->snap.nike = (size_t)counts[B_IKE];
    s->snap.ipsec = bufs[B_IPSEC];
    s->snap.nipsec = (size_t)counts[B_IPSEC];
    s->snap.cglobal = counts[B_CGLOBAL] > 0 ? bufs[B_CGLOBAL] : NULL;
    s->ok = true;
    return 1;
}
