/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The parent's stand-in for a service that runs in an unprivileged child
 * (privilege separation, docs/architecture.md): registered with the inner
 * service's contract (its kinds, events, calls, requests), it forwards all
 * of it to the child as messages (daemons/privsep/ps_wire.h), performs the
 * child's emits and calls in the parent after checking them, and restarts
 * the child when it dies.
 */
#ifndef DMVPN_DAEMONS_PRIVSEP_SERVICE_PS_PROXY_H
#define DMVPN_DAEMONS_PRIVSEP_SERVICE_PS_PROXY_H

#include "daemons/dmvpnd/service.h"

#include <stdbool.h>

/* The empty directory children are chrooted to. */
#define PS_DEFAULT_ROOT "/var/lib/opendmvpn/empty"

struct ps_opts {
    const char *exe;  /* the child binary; NULL: dmvpnd-nhrp beside dmvpnd */
    const char *root; /* NULL: PS_DEFAULT_ROOT */
    const char *user; /* NULL: SANDBOX_USER (else nobody) */
    bool verbose;     /* the child logs debug lines */
    bool debug;       /* SIGUSR2 makes the child call open() (a sandbox test) */
};

/* Registers the proxy of inner (whose lists it copies) and starts the
 * child. Fatal when the child cannot be started at all. */
void ps_proxy_register(struct host *h, const struct service *inner, const struct ps_opts *o);

#endif
