/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Sizes, names and enum fields of the records the NHRP child answers (see
 * ps_recs.h).
 */
#include "daemons/privsep/ps_recs.h"
#include "lib/rec.h"
#include "lib/rec_nhrp_count.h"
#include "lib/rec_nhrp_redirect.h"
#include "lib/rec_nhrp6.h"
#include "lib/rec_nhrp_stats.h"

#include <stdbool.h>
#include <stddef.h>

struct ps_name {
    size_t off, size;
};

/* A one-byte field holding an enum or a prefix length: at most max. */
struct ps_enum {
    size_t off;
    uint8_t max;
};

#define ENUM(type, field, max)                                                                     \
    {                                                                                              \
        offsetof(type, field), (max)                                                               \
    }

#define NAME(type, field)                                                                          \
    {                                                                                              \
        offsetof(type, field), sizeof(((type *)0)->field)                                          \
    }

struct ps_kind {
    uint32_t kind;
    size_t size;
    struct ps_name names[4];
    size_t nnames;
    struct ps_enum enums[2];
    size_t nenums;
};

static const struct ps_kind kinds[] = {
    {REC_TUNNEL,
     sizeof(struct rec_tunnel),
     {NAME(struct rec_tunnel, ifname), NAME(struct rec_tunnel, profile),
      NAME(struct rec_tunnel, vrf), NAME(struct rec_tunnel, tun_vrf)},
     4,
     {ENUM(struct rec_tunnel, type, REC_TUN_HUB_SPOKE)},
     1},
    {REC_NHRP_CACHE,
     sizeof(struct rec_nhrp_cache),
     {NAME(struct rec_nhrp_cache, ifname)},
     1,
     {ENUM(struct rec_nhrp_cache, type, REC_NHRP_INCOMPLETE),
      ENUM(struct rec_nhrp_cache, prefix_len, 32)},
     2},
    {REC_NHRP_COUNT, sizeof(struct rec_nhrp_count), {{0, 0}}, 0, {{0, 0}}, 0},
    {REC_NHRP_NHS, sizeof(struct rec_nhrp_nhs), {NAME(struct rec_nhrp_nhs, ifname)}, 1},
    {REC_NHRP_TRAFFIC, sizeof(struct rec_nhrp_traffic), {NAME(struct rec_nhrp_traffic, ifname)}, 1},
    {REC_DMVPN_PEER,
     sizeof(struct rec_dmvpn_peer),
     {NAME(struct rec_dmvpn_peer, ifname)},
     1,
     {ENUM(struct rec_dmvpn_peer, state, REC_PEER_DOWN),
      ENUM(struct rec_dmvpn_peer, target_len, 32)},
     2},
    {REC_NHRP_STATS, sizeof(struct rec_nhrp_stats), {NAME(struct rec_nhrp_stats, ifname)}, 1},
    {REC_NHRP_REDIRECT,
     sizeof(struct rec_nhrp_redirect),
     {NAME(struct rec_nhrp_redirect, ifname)},
     1},
    {REC_NHRP6_IF,
     sizeof(struct rec_nhrp6_if),
     {NAME(struct rec_nhrp6_if, ifname)},
     1,
     {ENUM(struct rec_nhrp6_if, type, REC_TUN_HUB_SPOKE)},
     1},
    {REC_NHRP6_CACHE,
     sizeof(struct rec_nhrp6_cache),
     {NAME(struct rec_nhrp6_cache, ifname)},
     1,
     {ENUM(struct rec_nhrp6_cache, type, REC_NHRP_INCOMPLETE),
      ENUM(struct rec_nhrp6_cache, prefix_len, 128)},
     2},
    {REC_NHRP6_NHS, sizeof(struct rec_nhrp6_nhs), {NAME(struct rec_nhrp6_nhs, ifname)}, 1},
    {REC_DMVPN6_PEER,
     sizeof(struct rec_dmvpn6_peer),
     {NAME(struct rec_dmvpn6_peer, ifname)},
     1,
     {ENUM(struct rec_dmvpn6_peer, state, REC_PEER_DOWN),
      ENUM(struct rec_dmvpn6_peer, target_len, 128)},
     2},
};

static const struct ps_kind *
find(uint32_t kind)
{
    for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
        if (kinds[i].kind == kind)
            return &kinds[i];
    return NULL;
}

size_t
ps_rec_size(uint32_t kind)
{
    const struct ps_kind *k = find(kind);

    return k ? k->size : 0;
}

int
ps_recs_sanitize(uint32_t kind, void *recs, long n, size_t len)
{
    const struct ps_kind *k = find(kind);
    unsigned char *r = recs;

    if (k == NULL || n < 0 || len / k->size != (size_t)n || len % k->size != 0)
        return -1;
    /* enums first: a refused answer is left as it came */
    for (long i = 0; i < n; i++)
        for (size_t j = 0; j < k->nenums; j++)
            if (r[(size_t)i * k->size + k->enums[j].off] > k->enums[j].max)
                return -1;
    for (long i = 0; i < n; i++, r += k->size)
        for (size_t j = 0; j < k->nnames; j++)
            r[k->names[j].off + k->names[j].size - 1] = '\0';
    return 0;
}
