/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The userspace backend's instance: construction, the vtable, upcall
 * delivery, counters and the event-loop hooks (descriptors to poll, what to
 * do when one is readable, the next hold-queue deadline).
 */
#include "daemons/dataplane/user_int.h"
#include "lib/evloop.h"
#include "lib/mem.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

int64_t
dpu_now(struct dpu *u)
{
    if (u->o.clock_ms)
        return u->o.clock_ms(u->o.clock_arg);
    return ev_clock_monotonic_ms();
}

int
dpu_fail(struct dpu *u, int err, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(u->err, sizeof u->err, fmt, ap);
    va_end(ap);
    return err < 0 ? err : -err;
}

struct dpu_tun *
dpu_tun_get(struct dpu *u, int id)
{
    if (id < 0 || id >= u->ntun || !u->tun[id] || !u->tun[id]->live)
        return NULL;
    return u->tun[id];
}

void
dpu_event(struct dpu *u, const struct dpu_ev *ev)
{
    if (u->nev < DPU_EVENTS)
        u->ev[u->nev++] = *ev;
}

void
dpu_fire_events(struct dpu *u)
{
    const struct dp_upcalls *up = &u->base.up;
    /* Copy out first: an upcall may start another burst (map_set sends the
     * held packets) that records events of its own. */
    int n = u->nev;
    struct dpu_ev ev[DPU_EVENTS];
    memcpy(ev, u->ev, (size_t)n * sizeof ev[0]);
    u->nev = 0;
    for (int i = 0; i < n; i++) {
        const struct dpu_ev *e = &ev[i];
        switch (e->kind) {
        case DPU_EV_NHRP:
            if (up->nhrp_recv)
                up->nhrp_recv(up->arg, e->tun, e->a, e->pkt, e->len);
            break;
        case DPU_EV_NOMAP:
            if (up->no_mapping)
                up->no_mapping(up->arg, e->tun, e->a, e->pkt, e->len);
            break;
        case DPU_EV_HAIRPIN:
            if (up->hairpin)
                up->hairpin(up->arg, e->tun2, e->tun, e->c, e->a, e->b, e->pkt, e->len);
            break;
        case DPU_EV_NOMAP6:
            if (up->no_mapping6)
                up->no_mapping6(up->arg, e->tun, e->a6);
            break;
        case DPU_EV_USED:
            if (up->mapping_used)
                up->mapping_used(up->arg, e->tun, e->a, e->b);
            break;
        }
    }
}

static void
u_destroy(struct dp *dp)
{
    struct dpu *u = dpu_of(dp);
    dpu_tun_free_all(u);
    dpu_maps_fini(u);
    dpu_routes_fini(u);
    dpnl_close(u->nl);
    for (int i = 0; i < DPU_BATCH; i++)
        free(u->buf[i]);
    free(u);
}

static const char *
u_last_error(struct dp *dp)
{
    return dpu_of(dp)->err;
}

static int
u_counters(struct dp *dp, int id, struct dp_counters *out)
{
    struct dpu *u = dpu_of(dp);
    if (id == DP_TUN_NONE) {
        *out = u->global;
        return 0;
    }
    struct dpu_tun *t = dpu_tun_get(u, id);
    if (!t)
        return dpu_fail(u, -ENOENT, "no tunnel %d", id);
    *out = t->ctr;
    return 0;
}

static int
u_fds(struct dp *dp, int *fds, int max)
{
    struct dpu *u = dpu_of(dp);
    int n = 0;
    if (n < max)
        fds[n] = dpnl_monitor_fd(u->nl);
    n++;
    for (int i = 0; i < u->nns; i++) {
        if (n < max)
            fds[n] = dpnl_monitor_fd(u->ns[i]->nl);
        n++;
    }
    for (int i = 0; i < u->ntun; i++) {
        struct dpu_tun *t = dpu_tun_get(u, i);
        if (!t)
            continue;
        if (n < max)
            fds[n] = t->fd;
        n++;
    }
    for (int i = 0; i < u->nsock; i++) {
        if (n < max)
            fds[n] = u->sock[i]->fd;
        n++;
    }
    return n;
}

static void
u_on_readable(struct dp *dp, int fd)
{
    struct dpu *u = dpu_of(dp);
    if (fd == dpnl_monitor_fd(u->nl)) {
        dpu_monitor(u, NULL);
        return;
    }
    struct dpu_ns *ns = dpu_ns_of_fd(u, fd);
    if (ns) {
        dpu_monitor(u, ns);
        return;
    }
    for (int i = 0; i < u->ntun; i++) {
        struct dpu_tun *t = dpu_tun_get(u, i);
        if (t && t->fd == fd) {
            dpu_tx(u, t);
            dpu_fire_events(u);
            return;
        }
    }
    for (int i = 0; i < u->nsock; i++) {
        if (u->sock[i]->fd == fd) {
            dpu_rx(u, u->sock[i]);
            dpu_fire_events(u);
            return;
        }
    }
}

static int64_t
u_next_deadline(struct dp *dp)
{
    return dpu_hold_deadline(dpu_of(dp));
}

static void
u_on_timer(struct dp *dp)
{
    struct dpu *u = dpu_of(dp);
    dpu_hold_expire(u, dpu_now(u));
}

static const struct dp_ops user_ops = {
    .name = "user",
    .destroy = u_destroy,
    .last_error = u_last_error,
    .tunnel_create = dpu_tunnel_create,
    .tunnel_update = dpu_tunnel_update,
    .tunnel_destroy = dpu_tunnel_destroy,
    .link_set = dpu_link_set,
    .map_set = dpu_map_set,
    .map_clear = dpu_map_clear,
    .map6_set = dpu_map6_set,
    .map6_clear = dpu_map6_clear,
    .mcast_add = dpu_mcast_add,
    .mcast_del = dpu_mcast_del,
    .nhrp_send = dpu_nhrp_send,
    .route_add = dpu_route_add,
    .route_del = dpu_route_del,
    .route_list = dpu_route_list,
    .counters = u_counters,
    .fds = u_fds,
    .on_readable = u_on_readable,
    .next_deadline = u_next_deadline,
    .on_timer = u_on_timer,
};

struct dp *
dp_user_new(const struct dp_user_opts *opts, const struct dp_upcalls *up, char *err, size_t errlen)
{
    struct dpu *u = mem_zalloc(sizeof *u);
    u->base.ops = &user_ops;
    if (up)
        u->base.up = *up;
    if (opts)
        u->o = *opts;
    if (!u->o.hold_packets)
        u->o.hold_packets = 3;
    if (!u->o.hold_ms)
        u->o.hold_ms = 3000;
    if (!u->o.phase2_ms)
        u->o.phase2_ms = 1000;
    if (!u->o.phase3_ms)
        u->o.phase3_ms = 8000;
    if (!u->o.used_ms)
        u->o.used_ms = 1000;
    u->nl = dpnl_open(err, errlen);
    if (!u->nl) {
        free(u);
        return NULL;
    }
    for (int i = 0; i < DPU_BATCH; i++) {
        u->buf[i] = malloc(DPU_SLOT);
        if (!u->buf[i])
            fatal("out of memory");
    }
    trig_rl_init(&u->p2);
    trig_rl_init(&u->p2v6);
    trig_hp_init(&u->hp, 1000);
    dpu_maps_init(u);
    dpu_routes_init(u);
    dpu_gro_init(u);
    return &u->base;
}
