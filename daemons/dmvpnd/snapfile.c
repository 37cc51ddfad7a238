/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * TEST FIXTURE, not a feature: `dmvpnd --snapshot-file FILE` answers
 * snapshot requests for the record kinds found in FILE from that file, so
 * clients of the control socket (dmvpn-snmp, dmvpn-cli renderers) can be
 * tested end to end, and benchmarked with 10,000-entry tables, before or
 * independently of the engines that fill those records. Kinds not in the
 * file are answered by the real modules as usual.
 *
 * FILE is a sequence of CTL_RECORDS payloads (struct rec_header + records,
 * host byte order), as tests/e2e/snmp/snmp_fixture.c writes them. Times in
 * the records are relative to that block's now_ms; when the file is loaded
 * they are moved onto the daemon's clock, so holding times count down from
 * the moment of loading. The file is re-read when its mtime changes, which
 * lets a test change counters under a running daemon.
 */
#include "daemons/dmvpnd/dmvpnd.h"
#include "daemons/dmvpnd/host.h"
#include "lib/mem.h"
#include "lib/evloop.h"
#include "lib/log.h"
#include "lib/rec.h"
#include "lib/rec_crypto.h"
#include "lib/rec_nhrp_count.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct snapfile {
    struct host *h;
    char *path;
    struct timespec mtime;
    uint8_t *data;
    size_t len;
};

#define SHIFT(f)                                                                                   \
    do {                                                                                           \
        if (f)                                                                                     \
            (f) += shift;                                                                          \
    } while (0)

/* Moves the absolute times of one record onto the daemon's clock. */
static void
rebase(uint32_t kind, uint8_t *p, size_t size, int64_t shift)
{
    int i;

    switch (kind) {
    case REC_TUNNEL:
        if (size == sizeof(struct rec_tunnel))
            SHIFT(((struct rec_tunnel *)p)->state_since_ms);
        break;
    case REC_NHRP_CACHE:
        if (size == sizeof(struct rec_nhrp_cache)) {
            SHIFT(((struct rec_nhrp_cache *)p)->created_ms);
            SHIFT(((struct rec_nhrp_cache *)p)->expires_ms);
        }
        break;
    case REC_NHRP_NHS:
        if (size == sizeof(struct rec_nhrp_nhs))
            SHIFT(((struct rec_nhrp_nhs *)p)->last_reply_ms);
        break;
    case REC_DMVPN_PEER:
        if (size == sizeof(struct rec_dmvpn_peer))
            SHIFT(((struct rec_dmvpn_peer *)p)->since_ms);
        break;
    case REC_IKE_SA:
        if (size == sizeof(struct rec_ike_sa)) {
            SHIFT(((struct rec_ike_sa *)p)->created_ms);
            SHIFT(((struct rec_ike_sa *)p)->expires_ms);
        }
        break;
    case REC_IPSEC_SA:
        if (size == sizeof(struct rec_ipsec_sa)) {
            struct rec_ipsec_sa *a = (struct rec_ipsec_sa *)p;
            SHIFT(a->created_ms);
            for (i = 0; i < REC_IPSEC_MAX_SAS; i++)
                SHIFT(a->sas[i].expires_ms);
        }
        break;
    }
}

static void
load(struct snapfile *sf, int64_t now)
{
    FILE *fp = fopen(sf->path, "rb");
    struct strbuf sb;
    char buf[65536];
    size_t n, off;

    if (!fp) {
        log_warn("snapshot-file %s: cannot open", sf->path);
        return;
    }
    sb_init(&sb);
    while ((n = fread(buf, 1, sizeof(buf), fp)) > 0)
        sb_append(&sb, buf, n);
    fclose(fp);
    /* validate every block and rebase its times */
    for (off = 0; off + sizeof(struct rec_header) <= sb.len;) {
        struct rec_header h;
        size_t i, body;
        memcpy(&h, sb.buf + off, sizeof(h));
        body = (size_t)h.count * h.rec_size;
        if (h.rec_size == 0 || body > sb.len - off - sizeof(h)) {
            log_warn("snapshot-file %s: truncated block at %zu; ignoring the rest", sf->path, off);
            sb.len = off;
            break;
        }
        for (i = 0; i < h.count; i++)
            rebase(h.kind, (uint8_t *)sb.buf + off + sizeof(h) + i * h.rec_size, h.rec_size,
                   now - h.now_ms);
        off += sizeof(h) + body;
    }
    free(sf->data);
    sf->data = (uint8_t *)sb.buf;
    sf->len = sb.len;
    log_notice("snapshot-file %s: %zu bytes of fixture records loaded", sf->path, sf->len);
}

/* A fixture's NHRP cache answers the summary's groups too, so that show ip
 * nhrp summary counts the fixture's entries and not the engine's. */
static long
counts_of(const uint8_t *recs, const struct rec_header *h, struct strbuf *out)
{
    struct rec_nhrp_counts c = {0};
    struct rec_nhrp_cache r;

    if (h->rec_size != sizeof(r))
        return -1;
    for (uint32_t i = 0; i < h->count; i++) {
        memcpy(&r, recs + (size_t)i * sizeof(r), sizeof(r));
        rec_nhrp_count_add(&c, r.type, r.flags, r.prefix_len);
    }
    if (c.n)
        sb_append(out, c.v, c.n * sizeof(*c.v));
    free(c.v);
    return (long)c.n;
}

static long
snapshot(void *self, uint32_t kind, const char *filter, struct strbuf *out)
{
    struct snapfile *sf = self;
    struct stat st;
    size_t off;

    if (stat(sf->path, &st) == 0 &&
        (st.st_mtim.tv_sec != sf->mtime.tv_sec || st.st_mtim.tv_nsec != sf->mtime.tv_nsec)) {
        sf->mtime = st.st_mtim;
        load(sf, ev_now(host_ev(sf->h)));
    }
    for (off = 0; off + sizeof(struct rec_header) <= sf->len;) {
        struct rec_header h;
        size_t body;
        memcpy(&h, sf->data + off, sizeof(h));
        body = (size_t)h.count * h.rec_size;
        if (kind == REC_NHRP_COUNT && h.kind == REC_NHRP_CACHE)
            return counts_of(sf->data + off + sizeof(h), &h, out);
        if (h.kind == kind) {
            sb_append(out, sf->data + off + sizeof(h), body);
            return h.count;
        }
        off += sizeof(h) + body;
    }
    return -1; /* not in the fixture: the real modules answer */
}

static void
fini(void *self)
{
    struct snapfile *sf = self;

    free(sf->data);
    free(sf->path);
    free(sf);
}

/* Every kind a fixture file may hold; snapshot() declines those it lacks. */
static const uint32_t kinds[] = {
    REC_TUNNEL,         REC_NHRP_CACHE, REC_NHRP_NHS,   REC_NHRP_TRAFFIC,
    REC_DMVPN_PEER,     REC_ROUTE,      REC_IKE_SA,     REC_IPSEC_SA,
    REC_CRYPTO_SESSION, REC_IFACE,      REC_LOG,        REC_SYSTEM,
    REC_CRYPTO_GLOBAL,  REC_NHRP_STATS, REC_NHRP_COUNT, 0};

static const struct service snapfile_service = {
    .name = "snapshot-file",
    .rec_kinds = kinds,
    .overrides = true,
    .snapshot = snapshot,
    .fini = fini,
};

void
dmvpnd_snapfile_register(struct dmvpnd *d, const char *path)
{
    struct snapfile *sf = mem_zalloc(sizeof(*sf));

    sf->h = d->host;
    sf->path = mem_strdup(path);
    log_warn("snapshot-file %s: TEST FIXTURE: show/SNMP records come from this file", path);
    host_register(d->host, &snapfile_service, sf);
}
