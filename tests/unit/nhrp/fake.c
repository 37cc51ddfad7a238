/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Fake clock, ops and NBMA network for the NHRP engine tests (fake.h).
 */
#include "fake.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int
node_by_public(struct fnet *net, uint32_t nbma)
{
    int i;

    for (i = 0; i < net->n; i++)
        if (net->nodes[i].public_nbma == nbma)
            return i;
    return -1;
}

/* NHRP_CORPUS_DIR=dir: every packet sent also becomes a fuzz corpus file
 * (tests/fuzz/fuzz_nhrp.c input: tunnel, source and clock octets first). */
static void
corpus_dump(const uint8_t *pkt, size_t len)
{
    const char *dir = getenv("NHRP_CORPUS_DIR");
    uint64_t h = 0xcbf29ce484222325ULL;
    char path[512];
    size_t i;
    int t;

    if (!dir)
        return;
    for (i = 0; i < len; i++)
        h = (h ^ pkt[i]) * 0x100000001b3ULL;
    for (t = 0; t < 3; t++) {
        uint8_t pre[3] = {(uint8_t)t, (uint8_t)(t + 1), 4};
        FILE *f;
        snprintf(path, sizeof(path), "%s/%s-%d-%016llx", dir, nhrp_type_name(pkt[17]), t,
                 (unsigned long long)h);
        for (i = strlen(dir); path[i]; i++)
            if (path[i] == ' ')
                path[i] = '_';
        f = fopen(path, "wb");
        if (!f)
            return;
        fwrite(pre, 1, 3, f);
        fwrite(pkt, 1, len, f);
        fclose(f);
    }
}

static void
op_send(void *ctx, uint32_t tun, uint32_t nbma, const uint8_t *pkt, size_t len)
{
    struct fnode *n = ctx;
    struct fnet *net = n->net;
    struct fpkt *p;

    if (len > sizeof(p->data))
        abort();
    corpus_dump(pkt, len);
    if (net->nlog == net->caplog) {
        net->caplog *= 2;
        net->log = realloc(net->log, net->caplog * sizeof(*net->log));
        if (!net->log)
            abort();
    }
    p = &net->log[net->nlog++];
    memset(p, 0, offsetof(struct fpkt, data));
    p->from = n->idx;
    p->to = node_by_public(net, nbma);
    p->tun = tun;
    p->src_nbma = n->public_nbma; /* NAT rewrites the outer source */
    p->dst_nbma = nbma;
    p->len = len;
    p->at = net->now;
    memcpy(p->data, pkt, len);
    p->dropped = n->blackhole || (p->to >= 0 && net->nodes[p->to].blackhole);
    if (net->qtail - net->qhead >= F_MAX_LOG)
        abort();
    net->queue[net->qtail++ % F_MAX_LOG] = *p;
}

static void
op_map(void *ctx, uint32_t tun, uint32_t proto, uint32_t nbma)
{
    struct fnode *n = ctx;
    size_t i;

    for (i = 0; i < n->nmaps; i++)
        if (n->maps[i].tun == tun && n->maps[i].proto == proto) {
            n->maps[i].nbma = nbma;
            return;
        }
    if (n->nmaps < sizeof(n->maps) / sizeof(n->maps[0]))
        n->maps[n->nmaps++] = (struct fmap){tun, proto, nbma};
}

static void
op_unmap(void *ctx, uint32_t tun, uint32_t proto)
{
    struct fnode *n = ctx;
    size_t i;

    for (i = 0; i < n->nmaps; i++)
        if (n->maps[i].tun == tun && n->maps[i].proto == proto) {
            n->maps[i] = n->maps[--n->nmaps];
            return;
        }
    abort(); /* unmapping something never mapped is an engine bug */
}

static void
op_mcast(void *ctx, uint32_t tun, uint32_t nbma, bool add)
{
    struct fnode *n = ctx;
    size_t i;

    for (i = 0; i < n->nmcast; i++)
        if (n->mcast[i] == nbma) {
            if (add)
                abort(); /* added twice */
            n->mcast[i] = n->mcast[--n->nmcast];
            return;
        }
    if (!add)
        abort(); /* removing what was never added */
    n->mcast[n->nmcast++] = nbma;
}

static enum nhrp_route_result
op_route_add(void *ctx, uint32_t tun, uint32_t prefix, uint8_t plen, uint32_t nexthop)
{
    struct fnode *n = ctx;

    if (n->ninstalled < 64) {
        struct froute *r = &n->installed[n->ninstalled++];
        r->prefix = prefix;
        r->plen = plen;
        r->ri.tun = tun;
        r->ri.nexthop = nexthop;
    }
    return n->route_result;
}

static void
op_route_del(void *ctx, uint32_t tun, uint32_t prefix, uint8_t plen, uint32_t nexthop)
{
    struct fnode *n = ctx;
    size_t i;

    for (i = 0; i < n->ninstalled; i++)
        if (n->installed[i].prefix == prefix && n->installed[i].plen == plen &&
            n->installed[i].ri.nexthop == nexthop) {
            n->installed[i] = n->installed[--n->ninstalled];
            return;
        }
    abort();
}

static bool
op_route_lookup(void *ctx, uint32_t tun, uint32_t dst, struct nhrp_route_info *out)
{
    struct fnode *n = ctx;
    const struct froute *best = NULL;
    size_t i;

    for (i = 0; i < n->nrib; i++) {
        const struct froute *r = &n->rib[i];
        uint32_t m = r->plen ? ~0u << (32 - r->plen) : 0;
        if ((dst & m) == r->prefix && (!best || r->plen > best->plen))
            best = r;
    }
    if (!best)
        return false;
    *out = best->ri;
    out->prefix = best->prefix;
    out->plen = best->plen;
    return true;
}

static void
op_protect(void *ctx, uint32_t tun, uint32_t nbma)
{
    struct fnode *n = ctx;

    if (n->nprotect < 64)
        n->protect[n->nprotect++] = nbma;
}

static void
op_release(void *ctx, uint32_t tun, uint32_t nbma)
{
    struct fnode *n = ctx;

    if (n->nreleased < 64)
        n->released[n->nreleased++] = nbma;
}

void
fnet_init(struct fnet *net)
{
    memset(net, 0, sizeof(*net));
    net->now = 1000000;
    net->caplog = 256;
    net->log = calloc(net->caplog, sizeof(*net->log));
    net->queue = calloc(F_MAX_LOG, sizeof(*net->queue));
    if (!net->log || !net->queue)
        abort();
}

void
fnet_fini(struct fnet *net)
{
    int i;

    for (i = 0; i < net->n; i++)
        nhrp_free(net->nodes[i].e);
    free(net->log);
    free(net->queue);
}

struct fnode *
fnet_add(struct fnet *net, uint32_t nbma)
{
    struct fnode *n = &net->nodes[net->n];
    struct nhrp_ops ops = {
        .ctx = n,
        .send = op_send,
        .map = op_map,
        .unmap = op_unmap,
        .mcast = op_mcast,
        .route_add = op_route_add,
        .route_del = op_route_del,
        .route_lookup = op_route_lookup,
        .protect = op_protect,
        .release = op_release,
    };

    fake6_ops(&ops);

    memset(n, 0, sizeof(*n));
    n->net = net;
    n->idx = net->n++;
    n->nbma = n->public_nbma = nbma;
    n->route_result = NHRP_RT_RIB;
    n->e = nhrp_new(&ops, net->now);
    return n;
}

void
fnode_config(struct fnode *n, const struct nhrp_if_config *c, size_t count)
{
    nhrp_configure(n->e, n->net->now, c, count);
}

void
fnode_route(struct fnode *n, uint32_t prefix, uint8_t plen, enum nhrp_route_kind kind, uint32_t tun,
            uint32_t nexthop)
{
    struct froute *r = &n->rib[n->nrib++];

    r->prefix = prefix;
    r->plen = plen;
    r->ri.kind = kind;
    r->ri.tun = tun;
    r->ri.nexthop = nexthop;
}

static bool
auto_sa(struct fnet *net)
{
    bool did = false;
    int i;

    /* Protected tunnels: a fake charon that brings SAs up at once. */
    for (i = 0; i < net->n; i++) {
        struct fnode *n = &net->nodes[i];
        while (n->auto_sa && n->nprotect) {
            uint32_t x = n->protect[--n->nprotect];
            nhrp_sa_event(n->e, net->now, NHRP_TUN_ANY, x, NHRP_SA_UP);
            did = true;
        }
    }
    return did;
}

void
fnet_pump(struct fnet *net)
{
    int guard = 0;

    for (;;) {
        struct fpkt p;

        if (++guard > 100000)
            abort(); /* packets loop forever */
        if (auto_sa(net))
            continue;
        if (net->qhead == net->qtail)
            break;
        p = net->queue[net->qhead++ % F_MAX_LOG];
        if (p.dropped || p.to < 0)
            continue;
        nhrp_recv(net->nodes[p.to].e, net->now, p.tun, p.src_nbma, p.data, p.len);
    }
}

void
fnet_advance(struct fnet *net, int64_t ms)
{
    int64_t until = net->now + ms;

    fnet_pump(net);
    for (;;) {
        int64_t next = NHRP_NEVER;
        int i;

        for (i = 0; i < net->n; i++) {
            int64_t d = nhrp_next_deadline(net->nodes[i].e);
            if (d < next)
                next = d;
        }
        if (next > until)
            break;
        if (next > net->now)
            net->now = next;
        for (i = 0; i < net->n; i++)
            if (nhrp_next_deadline(net->nodes[i].e) <= net->now)
                nhrp_tick(net->nodes[i].e, net->now);
        fnet_pump(net);
    }
    net->now = until;
}

void
fnet_inject(struct fnode *n, uint32_t tun, uint32_t src_nbma, const void *pkt, size_t len)
{
    nhrp_recv(n->e, n->net->now, tun, src_nbma, pkt, len);
}

const struct fpkt *
fnet_last(struct fnet *net, int from, uint8_t type)
{
    size_t i;

    for (i = net->nlog; i-- > 0;)
        if ((from < 0 || net->log[i].from == from) && net->log[i].data[17] == type)
            return &net->log[i];
    return NULL;
}

size_t
fnet_count(struct fnet *net, int from, int to, uint8_t type)
{
    size_t i, n = 0;

    for (i = 0; i < net->nlog; i++)
        if ((from < 0 || net->log[i].from == from) && (to < 0 || net->log[i].to == to) &&
            net->log[i].data[17] == type)
            n++;
    return n;
}

bool
fnode_mapped(const struct fnode *n, uint32_t proto, uint32_t *nbma)
{
    size_t i;

    for (i = 0; i < n->nmaps; i++)
        if (n->maps[i].proto == proto) {
            if (nbma)
                *nbma = n->maps[i].nbma;
            return true;
        }
    return false;
}

bool
fnode_has_route(const struct fnode *n, uint32_t prefix, uint8_t plen, uint32_t *via)
{
    size_t i;

    for (i = 0; i < n->ninstalled; i++)
        if (n->installed[i].prefix == prefix && n->installed[i].plen == plen) {
            if (via)
                *via = n->installed[i].ri.nexthop;
            return true;
        }
    return false;
}

bool
fnode_has_mcast(const struct fnode *n, uint32_t nbma)
{
    size_t i;

    for (i = 0; i < n->nmcast; i++)
        if (n->mcast[i] == nbma)
            return true;
    return false;
}

bool
fnode_entry(struct fnode *n, uint32_t tun, uint32_t proto, uint8_t plen, struct rec_nhrp_cache *out)
{
    struct rec_nhrp_cache *r;
    size_t k = nhrp_snap_cache(n->e, n->net->now, tun, &r), i;
    bool found = false;

    for (i = 0; i < k; i++)
        if (r[i].proto == proto && r[i].prefix_len == plen) {
            if (out)
                *out = r[i];
            found = true;
        }
    free(r);
    return found;
}

size_t
fnode_entries(struct fnode *n, uint32_t tun)
{
    struct rec_nhrp_cache *r;
    size_t k = nhrp_snap_cache(n->e, n->net->now, tun, &r);

    free(r);
    return k;
}

bool
fnode_nhs(struct fnode *n, uint32_t tun, uint32_t nbma, struct rec_nhrp_nhs *out)
{
    struct rec_nhrp_nhs *r;
    size_t k = nhrp_snap_nhs(n->e, n->net->now, tun, &r), i;
    bool found = false;

    for (i = 0; i < k; i++)
        if (r[i].nbma == nbma) {
            *out = r[i];
            found = true;
        }
    free(r);
    return found;
}

void
fnode_traffic(struct fnode *n, uint32_t tun, struct rec_nhrp_traffic *out)
{
    struct rec_nhrp_traffic *r;
    size_t k = nhrp_snap_traffic(n->e, n->net->now, tun, &r);

    memset(out, 0, sizeof(*out));
    if (k)
        *out = r[0];
    free(r);
}

void
fcfg_hub(struct nhrp_if_config *c, uint32_t tun, uint32_t addr, uint32_t nbma)
{
    nhrp_if_config_init(c);
    c->tun = tun;
    snprintf(c->ifname, sizeof(c->ifname), "Tunnel%u", tun);
    c->enabled = true;
    c->network_id = 1;
    c->addr = addr;
    c->mask = 0xffffff00;
    c->nbma = nbma;
    c->holdtime = 600;
    c->mcast_dynamic = true;
    c->redirect = true;
}

void
fcfg_spoke(struct nhrp_if_config *c, uint32_t tun, uint32_t addr, uint32_t nbma, uint32_t hub_addr,
           uint32_t hub_nbma)
{
    nhrp_if_config_init(c);
    c->tun = tun;
    snprintf(c->ifname, sizeof(c->ifname), "Tunnel%u", tun);
    c->enabled = true;
    c->network_id = 1;
    c->addr = addr;
    c->mask = 0xffffff00;
    c->nbma = nbma;
    c->holdtime = 600;
    c->shortcut = true;
    c->nnhs = 1;
    c->nhs[0].addr = hub_addr;
    c->nhs[0].nbma = hub_nbma;
    c->nhs[0].multicast = true;
}

size_t
fbuild(uint8_t *buf, size_t cap, uint8_t type, uint16_t flags, uint32_t reqid, uint32_t src_nbma,
       uint32_t src_proto, uint32_t dst_proto, const struct nhrp_cie *cies, size_t ncie,
       const char *auth, bool nat_ext)
{
    struct nhrp_wbuf w;
    size_t i, h;

    nhrp_w_init(&w, buf, cap);
    nhrp_w_header(&w, type, 255, flags, reqid, src_nbma, src_proto, dst_proto);
    for (i = 0; i < ncie; i++)
        nhrp_w_cie(&w, &cies[i]);
    h = nhrp_w_ext_begin(&w, 0x8003);
    nhrp_w_ext_end(&w, h);
    h = nhrp_w_ext_begin(&w, 0x8004);
    nhrp_w_ext_end(&w, h);
    h = nhrp_w_ext_begin(&w, 0x8005);
    nhrp_w_ext_end(&w, h);
    if (auth) {
        uint8_t v[12] = {0, 0, 0, 1};
        size_t n = strlen(auth);
        memcpy(v + 4, auth, n);
        h = nhrp_w_ext_begin(&w, 0x8007);
        nhrp_w_bytes(&w, v, 4 + n);
        nhrp_w_ext_end(&w, h);
    }
    if (nat_ext) {
        h = nhrp_w_ext_begin(&w, 0x0009);
        nhrp_w_ext_end(&w, h);
    }
    return nhrp_w_finish(&w);
}
