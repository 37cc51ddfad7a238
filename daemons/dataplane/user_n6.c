/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * IPv6 NBMA addresses in the userspace backend (GRE over IPv6, RFC 7676).
 * A tunnel whose source is IPv6 keeps its mappings, multicast list and
 * held packets exactly as an IPv4 one, by a 32-bit NBMA value: here that
 * value is a handle into a table of interned IPv6 addresses. The send path
 * turns the handle into a sockaddr_in6 (dpu_dest) and the kernel writes the
 * outer IPv6 header, so the per-packet path costs one array index more.
 *
 * Handles are never reused while the backend lives: a mapping or
 * multicast entry never outlives the address it names. The table is
 * bounded (DPU_N6_MAX); past it new addresses are refused with an error.
 */
#include "daemons/dataplane/user_int.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "lib/mem.h"

#define DPU_N6_MAX 65536u

static const uint8_t zero6[16];

static uint64_t
n6_hash(const void *e)
{
    return htab_hash_bytes(((const struct dpu_n6e *)e)->a, 16);
}

static int
n6_eq(const void *a, const void *b)
{
    return !memcmp(((const struct dpu_n6e *)a)->a, ((const struct dpu_n6e *)b)->a, 16);
}

uint32_t
dpu_n6_find(const struct dpu *u, const uint8_t a[16])
{
    struct dpu_n6e key;
    if (!u->n6h.hash)
        return 0;
    memcpy(key.a, a, 16);
    const struct dpu_n6e *e = htab_find(&u->n6h, &key);
    return e ? e->h : 0;
}

uint32_t
dpu_n6_intern(struct dpu *u, const uint8_t a[16])
{
    uint32_t h = dpu_n6_find(u, a);
    if (h)
        return h;
    if (u->nn6 == DPU_N6_MAX)
        return 0;
    if (!u->n6h.hash)
        htab_init(&u->n6h, n6_hash, n6_eq);
    if (u->nn6 == u->capn6) {
        uint32_t cap = u->capn6 ? u->capn6 * 2 : 16;
        struct dpu_n6e **v = realloc(u->n6, (size_t)cap * sizeof *v);
        if (!v)
            return 0;
        u->n6 = v;
        u->capn6 = cap;
    }
    struct dpu_n6e *e = mem_zalloc(sizeof *e);
    memcpy(e->a, a, 16);
    e->h = ++u->nn6;
    u->n6[e->h - 1] = e;
    htab_put(&u->n6h, e);
    return e->h;
}

const uint8_t *
dpu_n6_addr(const struct dpu *u, uint32_t h)
{
    return h && h <= u->nn6 ? u->n6[h - 1]->a : NULL;
}

void
dpu_n6_free(struct dpu *u)
{
    for (uint32_t i = 0; i < u->nn6; i++)
        free(u->n6[i]);
    free(u->n6);
    if (u->n6h.hash)
        htab_fini(&u->n6h);
    u->n6 = NULL;
    u->nn6 = u->capn6 = 0;
}

socklen_t
dpu_dest(const struct dpu *u, const struct dpu_tun *t, uint32_t nbma, void *to)
{
    if (t->cfg.src_v6) {
        struct sockaddr_in6 *s6 = to;
        const uint8_t *a = dpu_n6_addr(u, nbma);
        *s6 = (struct sockaddr_in6){.sin6_family = AF_INET6};
        memcpy(&s6->sin6_addr, a ? a : zero6, 16);
        return sizeof *s6;
    }
    struct sockaddr_in *s4 = to;
    *s4 = (struct sockaddr_in){.sin_family = AF_INET, .sin_addr.s_addr = htonl(nbma)};
    return sizeof *s4;
}

/* The handle of nbma for tunnel tun, which must run over IPv6, in *h;
 * 0 or -errno with u->err set. */
static int
handle(struct dpu *u, int tun, const uint8_t nbma[16], uint32_t *h)
{
    struct dpu_tun *t = dpu_tun_get(u, tun);
    if (!t)
        return dpu_fail(u, -ENOENT, "no tunnel %d", tun);
    if (!t->cfg.src_v6)
        return dpu_fail(u, -EAFNOSUPPORT, "%s: IPv6 NBMA address on a tunnel over IPv4",
                        t->cfg.ifname);
    if (!memcmp(nbma, zero6, 16))
        return dpu_fail(u, -EDESTADDRREQ, "%s: NBMA address ::", t->cfg.ifname);
    if (!(*h = dpu_n6_intern(u, nbma)))
        return dpu_fail(u, -ENOSPC, "%s: too many IPv6 NBMA addresses", t->cfg.ifname);
    return 0;
}

int
dpu_map_set_n6(struct dp *dp, int tun, uint32_t proto, const uint8_t nbma[16], unsigned flags)
{
    uint32_t h;
    int e = handle(dpu_of(dp), tun, nbma, &h);
    return e < 0 ? e : dpu_map_set(dp, tun, proto, h, flags);
}

int
dpu_map6_set_n6(struct dp *dp, int tun, const uint8_t proto[16], const uint8_t nbma[16],
                unsigned flags)
{
    uint32_t h;
    int e = handle(dpu_of(dp), tun, nbma, &h);
    return e < 0 ? e : dpu_map6_set(dp, tun, proto, h, flags);
}

int
dpu_mcast_add_n6(struct dp *dp, int tun, const uint8_t nbma[16], unsigned flags)
{
    uint32_t h;
    int e = handle(dpu_of(dp), tun, nbma, &h);
    return e < 0 ? e : dpu_mcast_add(dp, tun, h, flags);
}

int
dpu_mcast_del_n6(struct dp *dp, int tun, const uint8_t nbma[16], unsigned flags)
{
    uint32_t h;
    int e = handle(dpu_of(dp), tun, nbma, &h);
    return e < 0 ? e : dpu_mcast_del(dp, tun, h, flags);
}

int
dpu_nhrp_send_n6(struct dp *dp, int tun, const uint8_t nbma[16], const uint8_t *pkt, size_t len)
{
    uint32_t h;
    int e = handle(dpu_of(dp), tun, nbma, &h);
    return e < 0 ? e : dpu_nhrp_send(dp, tun, h, pkt, len);
}
