/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Fuzz target for one whole EIGRP process (daemons/eigrp/eigrp_proc.h):
 * codec, authentication, reliable transport, DUAL and the interface rules
 * behind one entry point. The input is a sequence of records
 * (fuzz_eigrp_proc.h): packets from any source on either interface, link
 * changes, redistribution, clears, and time passing, with the timers fired
 * in between. Properties:
 *  - no crash, no leak (the process is freed after every input), no hang:
 *    at most FEP_MAX_RECS records and FEP_MAX_TICKS timer firings each;
 *  - after a tick at `now` the next deadline is later than `now` (a
 *    deadline that does not move would spin the daemon's loop);
 *  - every packet the process sends decodes, carries our AS, and on the
 *    MD5 interface verifies with the key;
 *  - the shows' snapshots of whatever state the input left are consistent
 *    (a topology entry's prefix has no host bits beyond its length).
 */
#include "tests/fuzz/fuzz_eigrp_proc.h"

#include "daemons/eigrp/eigrp_auth.h"
#include "daemons/eigrp/eigrp_codec.h"
#include "daemons/eigrp/eigrp_proc.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FEP_MAX_RECS  256
#define FEP_MAX_TICKS 512

static struct eigrp_msg msg; /* big: one decoded packet */

static void
key(struct eigrp_auth_key *k)
{
    memset(k, 0, sizeof(*k));
    k->type = EIGRP_AUTH_TYPE_MD5;
    k->key_id = FEP_KEY_ID;
    k->secret = (const uint8_t *)FEP_KEY;
    k->secret_len = strlen(FEP_KEY);
}

static void fep_policy(struct eigrp_conf *c);

void
fep_conf(struct eigrp_conf *c)
{
    struct eigrp_conf_if *t = &c->ifs[0], *g = &c->ifs[1], *lo = &c->ifs[2];

    eigrp_conf_init(c, FEP_ASN);
    c->on = true;
    c->router_id = 0x01010101u;
    c->active_time_s = 10; /* stuck-in-active reachable within an input */
    c->redist = EIGRP_REDIST_STATIC;
    c->redist_metric = true;
    c->redist_vec = (struct eigrp_metric){
        .delay_ps = 1000000000ull, .bw_kbps = 10000, .mtu = 1500, .reliability = 255, .load = 1};
    c->nets[0] = (struct eigrp_conf_net){0x0A000000u, 0x00ffffffu};
    c->nets[1] = (struct eigrp_conf_net){0xC0A80000u, 0x0000ffffu};
    c->nnets = 2;
    eigrp_conf_if_init(t);
    strcpy(t->ios_name, "Tunnel0");
    strcpy(t->linux_name, "Tunnel0");
    t->addr = FEP_NET0 + FEP_SELF;
    t->plen = 24;
    t->running = true;
    t->split_horizon = false;
    t->next_hop_self = false;
    t->link.bw_kbps = 100;
    t->link.delay_ps = 50000ull * 1000000ull;
    t->summ[0] = (struct eigrp_conf_summary){0xAC140000u, 16, 5}; /* 172.20.0.0/16 */
    t->nsumm = 1;
    eigrp_conf_if_init(g);
    strcpy(g->ios_name, "GigabitEthernet0/1");
    strcpy(g->linux_name, "eth1");
    g->addr = FEP_NET1 + FEP_SELF;
    g->plen = 24;
    g->running = true;
    g->link.bw_kbps = 1000000;
    g->link.delay_ps = 10ull * 1000000ull;
    g->auth = EIGRP_AUTH_TYPE_MD5;
    strcpy(g->key_chain, "KC");
    g->keys[0] = (struct eigrp_conf_key){.id = FEP_KEY_ID, .send = true, .accept = true};
    g->keys[0].len = (uint8_t)strlen(FEP_KEY);
    memcpy(g->keys[0].secret, FEP_KEY, strlen(FEP_KEY));
    g->nkeys = 1;
    eigrp_conf_if_init(lo);
    strcpy(lo->ios_name, "Loopback0");
    strcpy(lo->linux_name, "lo");
    lo->addr = 0xC0A80001u; /* 192.168.0.1/24 */
    lo->plen = 24;
    lo->running = true;
    lo->link.bw_kbps = 8000000;
    lo->link.delay_ps = 5000ull * 1000000ull;
    c->nifs = 3;
    fep_policy(c);
}

/* Policy on every path a route takes: static routes redistributed through
 * a route-map (a prefix-list match that sets the metric and a tag, a tag
 * match that denies, a catch-all), BGP routes with the line's metric, and
 * distribute-lists in (a route-map on tags) and out of Tunnel0 (an ACL). */
static void
fep_policy(struct eigrp_conf *c)
{
    struct eigrp_pol *p = &c->pol;
    struct eigrp_metric m = {
        .delay_ps = 2000000000ull, .bw_kbps = 50000, .mtu = 1500, .reliability = 255, .load = 1};

    p->lists[0] = (struct eigrp_pol_list){"P", EIGRP_POL_PLIST, true, 0, 1};
    p->entries[0] =
        (struct eigrp_pol_entry){.permit = true, .prefix = 0xAC140000u, .plen = 16, .le = 24};
    p->lists[1] = (struct eigrp_pol_list){"10", EIGRP_POL_ACL, true, 1, 2};
    p->entries[1] = (struct eigrp_pol_entry){
        .permit = false, .addr = 0xAC148000u, .wild = 0x00007fffu, .mwild = 0xffffffffu};
    p->entries[2] =
        (struct eigrp_pol_entry){.permit = true, .wild = 0xffffffffu, .mwild = 0xffffffffu};
    p->nlists = 2;
    p->nentries = 3;
    p->rmaps[0] = (struct eigrp_pol_rmap){"R", true, 0, 3};
    p->clauses[0] = (struct eigrp_pol_clause){.seq = 10, .permit = false, .ntag = 1, .tag = {9000}};
    p->clauses[1] = (struct eigrp_pol_clause){.seq = 20,
                                              .permit = true,
                                              .naddr = 1,
                                              .addr = {0},
                                              .set_metric = true,
                                              .metric = m,
                                              .set_tag = true,
                                              .tag_value = 77};
    p->clauses[2] = (struct eigrp_pol_clause){.seq = 30, .permit = true};
    p->rmaps[1] = (struct eigrp_pol_rmap){"IN", true, 3, 2};
    p->clauses[3] = (struct eigrp_pol_clause){.seq = 10, .permit = false, .ntag = 1, .tag = {9000}};
    p->clauses[4] = (struct eigrp_pol_clause){.seq = 20, .permit = true};
    p->nrmaps = 2;
    p->nclauses = 5;
    p->dlists[0] = (struct eigrp_pol_dlist){false, EIGRP_POL_RMAP, 1, EIGRP_POL_ANY_IF};
    p->dlists[1] = (struct eigrp_pol_dlist){true, EIGRP_POL_ACL, 1, 0};
    p->ndlists = 2;
    c->redist |= EIGRP_REDIST_BGP;
    c->redists[0] = (struct eigrp_conf_redist){.src = EIGRP_REDIST_STATIC, .has_rmap = true};
    c->redists[1] = (struct eigrp_conf_redist){
        .src = EIGRP_REDIST_BGP, .id = 65000, .has_metric = true, .m = m};
    c->nredists = 2;
}

void
fep_redist(struct eigrp_proc *p, uint8_t host, uint8_t flags, uint64_t now)
{
    struct eigrp_proc_ext r = {.prefix = 0xAC140000u | (uint32_t)(host & 0x7f) << 8,
                               .plen = 24,
                               .src = (flags & FEP_F_IF1) ? EIGRP_REDIST_BGP : EIGRP_REDIST_STATIC,
                               .tag = (flags & FEP_F_FIX) ? 9000 : 0,
                               .ifi = EIGRP_POL_ANY_IF};
    int i, n = (host & 0x80) ? 8 : 1;

    /* host's top bit: a batch of 8 neighbouring routes under a hold, as
     * the service gives a zebra batch */
    if (n > 1)
        eigrp_proc_hold(p, true);
    for (i = 0; i < n; i++, r.prefix += 256)
        eigrp_proc_redist(p, &r, (flags & FEP_F_UCAST) != 0, now);
    if (n > 1)
        eigrp_proc_hold(p, false);
}

bool
fep_put(uint8_t *buf, size_t cap, size_t *len, uint8_t flags, uint8_t src, uint16_t adv_ms,
        const uint8_t *pkt, uint16_t plen)
{
    uint8_t *o = buf + *len;

    if (cap - *len < FEP_REC_HDR + (size_t)plen)
        return false;
    o[0] = flags;
    o[1] = src;
    eigrp_put16(o + 2, adv_ms);
    eigrp_put16(o + 4, plen);
    if (plen)
        memcpy(o + FEP_REC_HDR, pkt, plen);
    *len += FEP_REC_HDR + (size_t)plen;
    return true;
}

static void
op_send(void *ctx, uint32_t ifi, uint32_t dst, const uint8_t *b, size_t len)
{
    struct eigrp_auth_key k;

    (void)ctx;
    (void)dst;
    if (ifi > 2 || eigrp_decode(b, len, &msg) != EIGRP_DEC_OK || msg.hdr.asn != FEP_ASN)
        abort();
    key(&k);
    if (ifi == 1 && !eigrp_auth_verify(&msg, &k))
        abort();
}

static void
op_set(void *ctx, const struct eigrp_proc_route *r)
{
    (void)ctx;
    if (r->nnh > EIGRP_PROC_MAX_NH || r->plen > 32)
        abort();
}

/* The checksum again and, on the MD5 interface, the digest, so that
 * mutations reach past the header and the authentication check. */
static void
fix(uint8_t *b, size_t len, bool if1)
{
    struct eigrp_auth_key k;

    if (len < EIGRP_HDR_LEN)
        return;
    eigrp_put16(b + 2, 0);
    eigrp_put16(b + 2, eigrp_checksum(b, len));
    if (!if1 || eigrp_decode(b, len, &msg) != EIGRP_DEC_OK || !msg.has_auth ||
        msg.auth.type != EIGRP_AUTH_TYPE_MD5 || msg.auth.digest_len != 16)
        return;
    key(&k);
    k.key_id = msg.auth.key_id;
    {
        size_t off = msg.auth.digest_off;
        uint8_t d[32];

        if (off + 16 > len || !eigrp_auth_digest(b, len, &k, d))
            return;
        memcpy(b + off, d, 16);
    }
    eigrp_put16(b + 2, 0);
    eigrp_put16(b + 2, eigrp_checksum(b, len));
}

/* What `show ip eigrp ...` would read, in the state the input left. */
static void
snapshots(const struct eigrp_proc *p)
{
    struct eigrp_proc_snap_nbr *nb = NULL;
    struct eigrp_proc_snap_path *pa = NULL;
    struct eigrp_proc_snap_if *fs = NULL;
    struct eigrp_proc_snap_traffic tr;
    size_t n;

    n = eigrp_proc_snap_nbrs(p, &nb);
    (void)n;
    free(nb);
    for (int all = 0; all < 2; all++) {
        n = eigrp_proc_snap_topo(p, all, &pa);
        for (size_t i = 0; i < n; i++)
            if (pa[i].plen > 32 || (pa[i].plen < 32 && (pa[i].prefix << pa[i].plen)))
                abort();
        free(pa);
        pa = NULL;
    }
    (void)eigrp_proc_snap_ifs(p, &fs);
    free(fs);
    eigrp_proc_snap_traffic(p, &tr);
    (void)eigrp_proc_router_id(p);
}

/* Moves the clock to `to`, firing every timer due on the way. */
static void
advance(struct eigrp_proc *p, uint64_t *now, uint64_t to)
{
    for (int i = 0; i < FEP_MAX_TICKS; i++) {
        uint64_t d = eigrp_proc_next_deadline(p);

        if (d > to)
            break;
        if (d > *now)
            *now = d;
        eigrp_proc_tick(p, *now);
        if (eigrp_proc_next_deadline(p) <= *now)
            abort();
    }
    if (to > *now)
        *now = to;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const struct eigrp_proc_ops ops = {.send = op_send, .route_set = op_set};
    static struct eigrp_conf c;
    static uint8_t pkt[65536];
    uint64_t now = 1000000;
    struct eigrp_proc *p;
    size_t off = 0;

    if (!c.on)
        fep_conf(&c);
    p = eigrp_proc_new(&c, &ops, now);
    for (uint32_t k = 0; k < c.nifs; k++)
        eigrp_proc_if_state(p, k, true, now);
    for (int r = 0; r < FEP_MAX_RECS && size - off >= FEP_REC_HDR; r++) {
        const uint8_t *h = data + off;
        uint8_t fl = h[0];
        uint32_t ifi = fl & FEP_F_IF1, net = ifi ? FEP_NET1 : FEP_NET0;
        uint32_t src = net | h[1];
        size_t len = eigrp_get16(h + 4);

        if (len > size - off - FEP_REC_HDR)
            len = size - off - FEP_REC_HDR;
        memcpy(pkt, h + FEP_REC_HDR, len);
        off += FEP_REC_HDR + len;
        advance(p, &now, now + eigrp_get16(h + 2));
        switch (FEP_ACT(fl)) {
        case FEP_ACT_PKT:
            if (fl & FEP_F_FIX)
                fix(pkt, len, ifi);
            eigrp_proc_rx(p, ifi, src, (fl & FEP_F_UCAST) ? net + FEP_SELF : EIGRP_MCAST_V4, pkt,
                          len, now);
            break;
        case FEP_ACT_LINK:
            eigrp_proc_if_state(p, ifi, !(fl & FEP_F_UCAST), now);
            break;
        case FEP_ACT_REDIST:
            fep_redist(p, h[1], fl, now);
            break;
        case FEP_ACT_CLEAR:
            eigrp_proc_clear(p, now);
            break;
        default:
            break;
        }
    }
    snapshots(p);
    /* the hold and active timers run out: every neighbour goes */
    advance(p, &now, now + 200000);
    eigrp_proc_free(p);
    return 0;
}
