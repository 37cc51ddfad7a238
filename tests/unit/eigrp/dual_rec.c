/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The DUAL scenarios' harness (see dual_rec.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "dual_rec.h"

#include <string.h>

struct rec recs[256];
size_t nrec;
struct eigrp_dual *e;
struct eigrp_dual_config cfg;

struct rec *
rec_new(enum rkind kind, uint32_t prefix, uint8_t plen)
{
    assert_true(nrec < 256);
    struct rec *r = &recs[nrec++];
    memset(r, 0, sizeof(*r));
    r->kind = kind;
    r->prefix = prefix;
    r->plen = plen;
    return r;
}

static void
op_install(void *ctx, uint32_t prefix, uint8_t plen, const struct eigrp_dual_nh *nh, size_t n,
           uint8_t distance)
{
    struct rec *r = rec_new(R_INSTALL, prefix, plen);
    assert_true(n <= 8);
    r->n = n;
    memcpy(r->nh, nh, n * sizeof(*nh));
    r->distance = distance;
}

static void
op_withdraw(void *ctx, uint32_t prefix, uint8_t plen)
{
    rec_new(R_WITHDRAW, prefix, plen);
}

static void
op_update(void *ctx, uint32_t prefix, uint8_t plen, const struct eigrp_dual_adv *adv)
{
    rec_new(R_UPDATE, prefix, plen)->adv = *adv;
}

static void
op_query(void *ctx, uint32_t prefix, uint8_t plen, const uint32_t *nbrs, size_t n,
         const struct eigrp_dual_adv *adv)
{
    struct rec *r = rec_new(R_QUERY, prefix, plen);
    assert_true(n <= 8);
    r->n = n;
    memcpy(r->nbrs, nbrs, n * sizeof(*nbrs));
    r->adv = *adv;
}

static void
op_reply(void *ctx, uint32_t nbr, uint32_t prefix, uint8_t plen, const struct eigrp_dual_adv *adv)
{
    struct rec *r = rec_new(R_REPLY, prefix, plen);
    r->nbr = nbr;
    r->adv = *adv;
}

static void
op_siaq(void *ctx, uint32_t nbr, uint32_t prefix, uint8_t plen, const struct eigrp_dual_adv *adv)
{
    rec_new(R_SIAQ, prefix, plen)->nbr = nbr;
}

static void
op_siar(void *ctx, uint32_t nbr, uint32_t prefix, uint8_t plen, const struct eigrp_dual_adv *adv,
        bool active)
{
    struct rec *r = rec_new(R_SIAR, prefix, plen);
    r->nbr = nbr;
    r->active = active;
}

static void
op_reset(void *ctx, uint32_t nbr, enum eigrp_reset_reason why)
{
    assert_int_equal(why, EIGRP_RESET_SIA);
    rec_new(R_RESET, 0, 0)->nbr = nbr;
}

static const struct eigrp_dual_ops ops = {
    .route_install = op_install,
    .route_withdraw = op_withdraw,
    .send_update = op_update,
    .send_query = op_query,
    .send_reply = op_reply,
    .send_sia_query = op_siaq,
    .send_sia_reply = op_siar,
    .neighbour_reset = op_reset,
};

size_t
count(enum rkind kind)
{
    size_t n = 0;
    for (size_t i = 0; i < nrec; i++)
        n += recs[i].kind == kind;
    return n;
}

const struct rec *
last(enum rkind kind)
{
    for (size_t i = nrec; i-- > 0;)
        if (recs[i].kind == kind)
            return &recs[i];
    return NULL;
}

bool
queried(const struct rec *q, uint32_t nbr)
{
    for (size_t i = 0; i < q->n; i++)
        if (q->nbrs[i] == nbr)
            return true;
    return false;
}

/* A neighbour's reported vector: delay (us) and bandwidth, one hop. */
struct eigrp_metric
vec(uint64_t delay_us, uint64_t bw)
{
    struct eigrp_metric m = {US(delay_us), bw, 1500, 1, 255, 1};
    return m;
}

const struct eigrp_metric inf = {EIGRP_DELAY_INF, 1000000, 1500, 1, 255, 1};

static uint32_t snap_prefix;
static struct snap snap_out;

static void
snap_cb(void *ctx, const struct eigrp_dual_dest_view *d)
{
    if (d->prefix != snap_prefix)
        return;
    snap_out.found = true;
    snap_out.state = d->state;
    snap_out.nsucc = d->nsucc;
    snap_out.owed = d->replies_owed;
    snap_out.fd = d->fd;
    snap_out.npaths = d->npaths;
    for (size_t i = 0; i < d->npaths && i < 8; i++)
        snap_out.p[i] = d->paths[i];
}

struct snap
snap(uint32_t prefix)
{
    memset(&snap_out, 0, sizeof(snap_out));
    snap_prefix = prefix;
    eigrp_dual_walk(e, snap_cb, NULL);
    return snap_out;
}

void
start(void)
{
    nrec = 0;
    e = eigrp_dual_new(&cfg, &ops);
    assert_non_null(e);
    struct eigrp_link lan = {US(10), 1000000, 1500, 255, 1};
    struct eigrp_link tun = {US(50000), 100, 1476, 255, 1};
    struct eigrp_link lan2 = {US(100), 1000000, 1500, 255, 1};
    eigrp_dual_if_set(e, 0, IF_LAN, &lan);
    eigrp_dual_if_set(e, 0, IF_TUN, &tun);
    eigrp_dual_if_set(e, 0, IF_LAN2, &lan2);
}

int
setup(void **state)
{
    eigrp_dual_config_init(&cfg);
    start();
    return 0;
}

int
teardown(void **state)
{
    eigrp_dual_free(e);
    e = NULL;
    return 0;
}

void
upd(uint32_t nbr, uint64_t now, struct eigrp_metric m)
{
    eigrp_dual_update(e, now, nbr, PFX, 16, &m, NULL);
}
