/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Inside VRFs of the userspace backend. A VRF is a network namespace on this
 * kernel (lib/netns.h): a tunnel with `vrf forwarding` has its TUN device made
 * while the daemon stands in that namespace, and its address, MTU, state and
 * routes set through netlink sockets opened there; the monitor socket of the
 * namespace keeps the tunnel's route mirror (fib.h) current. Interface
 * indexes are per namespace, so every lookup by index is made against the
 * tunnel's own namespace.
 */
#include "daemons/dataplane/user_int.h"
#include "lib/mem.h"
#include "lib/netns.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int
dpu_ns_enter(struct dpu_ns *ns)
{
    return !ns || netns_enter(ns->fd) == 0 ? 0 : -errno;
}

void
dpu_ns_leave(struct dpu_ns *ns)
{
    if (ns)
        netns_leave();
}

struct dpu_ns *
dpu_ns_get(struct dpu *u, const char *name)
{
    struct dpu_ns *ns;
    char err[256];
    int i, e;

    for (i = 0; i < u->nns; i++)
        if (!strcmp(u->ns[i]->name, name)) {
            u->ns[i]->refs++;
            return u->ns[i];
        }
    ns = mem_zalloc(sizeof(*ns));
    snprintf(ns->name, sizeof(ns->name), "%s", name);
    if ((ns->fd = netns_open(name)) < 0) {
        e = errno;
        free(ns);
        dpu_fail(u, -e, "network namespace %s: %s", name, strerror(e));
        return NULL;
    }
    if (!(ns->nl = dpnl_open_in(ns->fd, true, err, sizeof(err)))) {
        close(ns->fd);
        free(ns);
        dpu_fail(u, -EIO, "netlink in namespace %s: %s", name, err);
        return NULL;
    }
    ns->refs = 1;
    struct dpu_ns **v = realloc(u->ns, (size_t)(u->nns + 1) * sizeof(*v));
    if (!v)
        fatal("out of memory");
    u->ns = v;
    u->ns[u->nns++] = ns;
    if (u->base.up.fd_changed)
        u->base.up.fd_changed(u->base.up.arg, dpnl_monitor_fd(ns->nl), true);
    return ns;
}

void
dpu_ns_put(struct dpu *u, struct dpu_ns *ns)
{
    int i;

    if (!ns || --ns->refs > 0)
        return;
    for (i = 0; i < u->nns && u->ns[i] != ns; i++)
        ;
    if (i < u->nns)
        u->ns[i] = u->ns[--u->nns];
    if (u->base.up.fd_changed)
        u->base.up.fd_changed(u->base.up.arg, dpnl_monitor_fd(ns->nl), false);
    dpnl_close(ns->nl);
    close(ns->fd);
    free(ns);
}

struct dpnl *
dpu_nl(struct dpu *u, const struct dpu_tun *t)
{
    return t && t->ns ? t->ns->nl : u->nl;
}

struct dpu_ns *
dpu_ns_of_fd(struct dpu *u, int fd)
{
    for (int i = 0; i < u->nns; i++)
        if (dpnl_monitor_fd(u->ns[i]->nl) == fd)
            return u->ns[i];
    return NULL;
}
