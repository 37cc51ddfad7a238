/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * NHRP's events for a tunnel over IPv6 (`tunnel mode gre multipoint ipv6`,
 * RFC 7676): packets, IPv4 mappings and multicast destinations whose NBMA
 * address is IPv6, handed to the backend's *_n6 calls. They do not pass
 * the IPsec gate (dps_gate.c keys its peers by IPv4 NBMA address): IPsec
 * over an IPv6 underlay is not built, so nothing waits for an SA here.
 * A backend without an IPv6 underlay (kernel) has NULL *_n6 calls: the
 * event is logged and dropped, as the tunnel itself was refused.
 */
#include "daemons/dataplane/service/dps_int.h"
#include "lib/inet6.h"
#include "lib/log.h"

/* not an errno: the backend has no *_n6 calls */
#define NO_UNDERLAY6 (-1000)

static void
fail(struct dp_svc *m, const char *what, const uint8_t nbma[16], int r)
{
    char b[INET6_ADDRSTRLEN_];
    if (r < 0)
        log_warn("dataplane: %s %s: %s", what, inet_fmt6(nbma, b),
                 r == NO_UNDERLAY6 ? "no IPv6 underlay here" : m->dp->ops->last_error(m->dp));
}

void
dps_n6_event(struct dp_svc *m, int type, const void *p)
{
    const struct dp_ops *o = m->dp->ops;
    if (type == SVC_EV_NHRP_TX6) {
        const struct svc_pkt6 *e = p;
        fail(m, "NHRP packet to", e->nbma,
             o->nhrp_send_n6 ? o->nhrp_send_n6(m->dp, e->tun, e->nbma, e->pkt, e->len)
                             : NO_UNDERLAY6);
        return;
    }
    const struct svc_map_n6 *e = p;
    if (!o->map_set_n6) {
        fail(m, "IPv6 NBMA address", e->nbma, NO_UNDERLAY6);
        return;
    }
    switch (type) {
    case SVC_EV_MAP_N6:
        fail(m, "mapping to", e->nbma,
             o->map_set_n6(m->dp, e->tun, e->proto, e->nbma, DP_MAP_DYNAMIC));
        break;
    case SVC_EV_MCAST6_ADD:
        fail(m, "multicast to", e->nbma, o->mcast_add_n6(m->dp, e->tun, e->nbma, DP_MCAST_DYNAMIC));
        break;
    case SVC_EV_MCAST6_DEL:
        fail(m, "multicast to", e->nbma, o->mcast_del_n6(m->dp, e->tun, e->nbma, DP_MCAST_DYNAMIC));
        break;
    default:
        break;
    }
}
