/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The host as a service in a child process sees it (ps_child.c): the
 * functions of service.h's "what the host offers a service", implemented
 * over the socket to the parent. host_emit sends an event; host_call asks
 * and waits for the answer (the parent's questions arriving meanwhile are
 * kept and handled after it); host_running is the child's own parse of the
 * config text the parent last sent. The child binary links this instead of
 * the daemon's host.c.
 */
#ifndef DMVPN_DAEMONS_PRIVSEP_PS_CHILD_H
#define DMVPN_DAEMONS_PRIVSEP_PS_CHILD_H

#include <stdint.h>

struct evloop;
struct host;

/* A host on sock (blocking, the parent's end elsewhere). */
struct host *ps_child_new(struct evloop *ev, int sock);
/* Serves the parent until it goes away: 0 at EOF, -1 on a broken stream. */
int ps_child_run(struct host *h);

#endif
