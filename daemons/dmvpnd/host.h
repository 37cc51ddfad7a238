/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The host's side of the service contract (service.h), for the daemon core
 * only: config.c hands every change to host_reconfigure, control.c asks the
 * host for records, prepares and typed requests, daemon.c creates and frees
 * it. Dispatch is by the tables services declare, never by asking each in
 * turn: a record kind has one owner (checked when services register), an
 * event goes to its consumers, a call to its one answerer.
 */
#ifndef DMVPN_DAEMONS_DMVPND_HOST_H
#define DMVPN_DAEMONS_DMVPND_HOST_H

#include "daemons/dmvpnd/service.h"

struct dmvpnd;

#define HOST_MAX_SERVICES 8

struct host_svc {
    struct service s;
    void *self;
};

struct host {
    struct dmvpnd *d;
    struct host_svc svc[HOST_MAX_SERVICES];
    int n;
    /* precomputed from the declarations: consumers of each event (indexes
     * into svc, -1 ends) and the answerer of each call (-1: none) */
    int8_t consumers[SVC_EV_COUNT][HOST_MAX_SERVICES + 1];
    int8_t answerer[SVC_CALL_COUNT];
    uint64_t events, calls_unanswered;
};

void host_init(struct host *h, struct dmvpnd *d);
/* Every service's fini, last registered first. */
void host_fini(struct host *h);
/* Tells every service; returns how many answered SVC_NEEDS_RESTART. */
int host_reconfigure(struct host *h, const struct cfg *old, const struct cfg *new_,
                     const struct cfg_diff *diff);
/* Records of kind from its owner; -1 when no service owns it. */
long host_snapshot(struct host *h, uint32_t kind, const char *filter, struct strbuf *out);
/* Lets the services that complete kind fill records the core built. */
void host_fill(struct host *h, uint32_t kind, void *recs, size_t n, size_t size);
/* How many services will call host_snapshot_ready for token. */
int host_prepare(struct host *h, uint32_t kind, uint64_t token);
/* Every consumed event has an emitter and every emitted one a consumer:
 * the number of mismatches (each logged). */
int host_check(const struct host *h);
/* The service that serves request id; NULL if none. */
const struct host_svc *host_request_owner(const struct host *h, uint32_t id);

#endif
