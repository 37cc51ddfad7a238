/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The service registry and event bus (host.h, service.h). A record kind
 * claimed by two services is a broken invariant (fatal at start-up) unless
 * one of them overrides (the snapshot-file test fixture); the same for a
 * call answered twice. Events are delivered synchronously: the NHRP packet
 * path is an event, and must stay a function call.
 */
#include "daemons/dmvpnd/host.h"
#include "daemons/dmvpnd/dmvpnd.h"
#include "lib/log.h"
#include "lib/req.h"

#include <string.h>

static bool
in_list32(const uint32_t *l, uint32_t v)
{
    for (; l && *l; l++)
        if (*l == v)
            return true;
    return false;
}

static bool
in_list16(const uint16_t *l, int v)
{
    for (; l && *l; l++)
        if (*l == v)
            return true;
    return false;
}

void
host_init(struct host *h, struct dmvpnd *d)
{
    memset(h, 0, sizeof(*h));
    h->d = d;
    memset(h->consumers, -1, sizeof(h->consumers));
    memset(h->answerer, -1, sizeof(h->answerer));
}

void
host_fini(struct host *h)
{
    while (h->n > 0) {
        struct host_svc *s = &h->svc[--h->n];
        if (s->s.fini)
            s->s.fini(s->self);
    }
}

struct evloop *
host_ev(struct host *h)
{
    return h->d->ev;
}

const struct cfg *
host_running(struct host *h)
{
    return h->d->running;
}

/* The service that owns kind: with fixture set, the overriding one (a test
 * fixture); else the regular owner. NULL if none. */
static const struct host_svc *
owner_of(const struct host *h, uint32_t kind, bool fixture)
{
    for (int i = 0; i < h->n; i++)
        if (h->svc[i].s.overrides == fixture && in_list32(h->svc[i].s.rec_kinds, kind))
            return &h->svc[i];
    return NULL;
}

void
host_register(struct host *h, const struct service *svc, void *self)
{
    struct host_svc *s;
    int idx, k;

    if (h->n == HOST_MAX_SERVICES)
        fatal("host: too many services (%s)", svc->name);
    for (const uint32_t *kind = svc->rec_kinds; kind && *kind; kind++) {
        const struct host_svc *o = owner_of(h, *kind, svc->overrides);
        if (o)
            fatal("host: record kind %u claimed by %s and %s", *kind, o->s.name, svc->name);
    }
    /* one owner per request id, so routing never depends on order */
    for (const uint32_t *id = svc->req_ids; id && *id; id++)
        if (!req_name(*id) || control_host_request(*id) || host_request_owner(h, *id))
            fatal("host: %s cannot serve request %u (unknown or served already)", svc->name,
                  (unsigned)*id);
    idx = h->n++;
    s = &h->svc[idx];
    s->s = *svc;
    s->self = self;
    for (const uint16_t *e = svc->consumes; e && *e; e++) {
        if (*e >= SVC_EV_COUNT)
            fatal("host: %s consumes unknown event %u", svc->name, *e);
        for (k = 0; h->consumers[*e][k] >= 0; k++)
            ;
        h->consumers[*e][k] = (int8_t)idx;
    }
    for (const uint16_t *c = svc->answers; c && *c; c++) {
        if (*c >= SVC_CALL_COUNT || h->answerer[*c] >= 0)
            fatal("host: call %u answered twice or unknown (%s)", *c, svc->name);
        h->answerer[*c] = (int8_t)idx;
    }
}

void
host_emit(struct host *h, int type, const void *payload)
{
    if (type <= SVC_EV_NONE || type >= SVC_EV_COUNT)
        return;
    h->events++;
    for (int k = 0; h->consumers[type][k] >= 0; k++) {
        struct host_svc *s = &h->svc[h->consumers[type][k]];
        s->s.event(s->self, type, payload);
    }
}

int
host_call(struct host *h, int type, const void *in, void *out)
{
    struct host_svc *s;

    if (type <= SVC_CALL_NONE || type >= SVC_CALL_COUNT || h->answerer[type] < 0) {
        h->calls_unanswered++;
        return -1;
    }
    s = &h->svc[h->answerer[type]];
    return s->s.call(s->self, type, in, out);
}

void
host_snapshot_ready(struct host *h, uint64_t token)
{
    dmvpnd_snapshot_ready(h->d, token);
}

int
host_reconfigure(struct host *h, const struct cfg *old, const struct cfg *new_,
                 const struct cfg_diff *diff)
{
    int restart = 0;

    for (int i = 0; i < h->n; i++) {
        struct host_svc *s = &h->svc[i];
        if (s->s.reconfigure && s->s.reconfigure(s->self, old, new_, diff) == SVC_NEEDS_RESTART) {
            log_notice("%s: the change takes effect when dmvpnd restarts", s->s.name);
            restart++;
        }
    }
    return restart;
}

long
host_snapshot(struct host *h, uint32_t kind, const char *filter, struct strbuf *out)
{
    const struct host_svc *f = owner_of(h, kind, true), *s = owner_of(h, kind, false);
    long n;

    /* a fixture may decline a kind its file does not hold (-1) */
    if (f && f->s.snapshot && (n = f->s.snapshot(f->self, kind, filter, out)) >= 0)
        return n;
    if (!s || !s->s.snapshot)
        return -1;
    return s->s.snapshot(s->self, kind, filter, out);
}

void
host_fill(struct host *h, uint32_t kind, void *recs, size_t n, size_t size)
{
    for (int i = 0; i < h->n; i++)
        if (h->svc[i].s.fill && in_list32(h->svc[i].s.rec_fills, kind))
            h->svc[i].s.fill(h->svc[i].self, kind, recs, n, size);
}

int
host_prepare(struct host *h, uint32_t kind, uint64_t token)
{
    const struct host_svc *s = owner_of(h, kind, false);

    return s && s->s.prepare && s->s.prepare(s->self, kind, token) > 0 ? 1 : 0;
}

int
host_check(const struct host *h)
{
    int bad = 0;

    for (int e = SVC_EV_NONE + 1; e < SVC_EV_COUNT; e++) {
        bool emitted = false;
        for (int i = 0; i < h->n; i++)
            emitted = emitted || in_list16(h->svc[i].s.emits, e);
        if (!emitted && h->consumers[e][0] >= 0) {
            log_err("host: %s consumes event %d that no service emits",
                    h->svc[h->consumers[e][0]].s.name, e);
            bad++;
        }
        if (emitted && h->consumers[e][0] < 0) {
            log_err("host: event %d is emitted but nobody consumes it", e);
            bad++;
        }
    }
    return bad;
}

const struct host_svc *
host_request_owner(const struct host *h, uint32_t id)
{
    for (int i = 0; i < h->n; i++)
        if (in_list32(h->svc[i].s.req_ids, id))
            return &h->svc[i];
    return NULL;
}
