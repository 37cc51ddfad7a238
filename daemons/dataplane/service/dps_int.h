/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The data plane service's state, shared by its files: dps.c (the service:
 * backend, events, calls, records), dps_links.c (tunnels and the Linux
 * links of the other IOS interfaces), dps_static.c (`ip route` with retry)
 * and dps_gate.c (what NHRP maps, gated by IPsec SAs; NHRP's routes).
 * Nothing here is seen outside this folder.
 */
#ifndef DMVPN_DAEMONS_DATAPLANE_SERVICE_DPS_INT_H
#define DMVPN_DAEMONS_DATAPLANE_SERVICE_DPS_INT_H

#include "daemons/dataplane/dataplane.h"
#include "daemons/dmvpnd/service.h"
#include "lib/htab.h"

#include <stdbool.h>
#include <stdint.h>

#define DPS_MAX_TUN      64
#define DPS_MAX_FDS      32
#define DPS_RETRY_MS     2000
#define DPS_SWEEP_ROUTES 1024 /* installed routes re-added per retry tick */

struct cfg;
struct dpnl;
struct ev_timer;
struct ev_fd;
struct nhrp_route_info;
struct nhrp_route_info_af;

#define DPS_VRF_NAME_MAX 32

struct dps_tunnel {
    char ifname[DP_IFNAMSIZ];
    char vrf[DPS_VRF_NAME_MAX + 1]; /* inside VRF (`vrf forwarding`), "" global */
    int id;
    bool up;
    bool gated; /* protected and a charon enforces it: maps wait for SAs */
    struct dp_tunnel_cfg cfg;
};

#define DPS_MAX_VRF 16

/* A VRF: a network namespace of its own (lib/netns.h), its links, their
 * addresses and its `ip route vrf` routes set through a netlink socket
 * opened inside it; or, where the kernel has them, a VRF device whose
 * table holds its routes and to which its links are enslaved (dps_vrf.c). */
struct dps_vroute {
    uint32_t prefix, nexthop;
    uint8_t len;
    bool blackhole;
    char oif[DP_IFNAMSIZ]; /* exit link, "" none */
    uint32_t distance;
    bool installed;
};

/* A routing protocol's route in a VRF: what the listing needs beyond the
 * kernel's (the code, the metric, its age). */
struct dps_vigp {
    uint32_t prefix;
    uint8_t len;
    char proto;
    uint32_t distance, metric;
    int64_t since_ms;
};

struct dps_vrf {
    char name[DPS_VRF_NAME_MAX + 1];
    char ns[200];    /* namespace form: its name; device form: the device's */
    int fd;          /* namespace form: the namespace; device form: -1 */
    struct dpnl *nl; /* device form: the service's own (dp_svc.nl) */
    bool device;     /* the VRF is a device (lib/vrfdev.h) */
    int devidx;      /* device form: the VRF device */
    uint32_t table;  /* its routing table: RT_TABLE_MAIN of a namespace, or the device's */
    struct dps_vroute *routes;
    size_t nroutes;
    struct dps_vigp *igp;
    size_t nigp, capigp;
};

struct dps_hostaddr {
    char vrf[DPS_VRF_NAME_MAX + 1]; /* "" the global table */
    char lnx[DP_IFNAMSIZ];
    uint32_t addr;
    uint8_t len;
};

struct dps_sroute {
    struct dp_route rt;
    bool installed;
    unsigned refs; /* config lines that make this route */
    size_t pos;    /* in dp_svc.routes */
};

/* A mapping (proto != 0) or multicast destination (proto 0) NHRP handed
 * over (dps_gate.c). */
struct dps_pmap {
    int tun;
    uint32_t proto;
    uint32_t nbma;
    bool live; /* handed to the backend as usable */
};

/* A route NHRP installed: its own `H` or a next-hop override. */
struct dps_nroute {
    uint32_t prefix, nexthop;
    uint8_t len;
    int tun;
    uint32_t distance;
};

struct dp_svc {
    struct host *h;
    struct dp *dp;
    struct dpnl *nl; /* host links: addresses and admin state */
    struct dps_tunnel tun[DPS_MAX_TUN];
    int ntun;
    struct dps_hostaddr *addrs;
    size_t naddrs;
    struct dps_sroute **routes; /* static routes, for the retry walk */
    size_t nroutes, caproutes;
    struct htab route_idx; /* the same, by backend identity */
    size_t sweep;          /* where the next retry's window starts */
    struct htab pmap_idx;  /* struct dps_pmap, each allocated */
    struct dps_nroute *nroutes_v;
    size_t nnroutes, capnroutes;
    struct {
        int fd;
        struct ev_fd *w;
    } fds[DPS_MAX_FDS];
    struct ev_timer *dp_timer, *retry_timer;
    bool statics_in_frr; /* `ip route` goes to FRR's staticd, not here */
    struct dps_vrf vrf[DPS_MAX_VRF];
    int nvrf;
    struct ev_timer *reannounce_timer; /* FRR present: addresses told again */
    unsigned reannounced;
    struct dps_v6 *v6; /* dps_v6.c: IPv6 addresses and routes put in */
};

/* dps.c */
int dps_tunnel(const struct dp_svc *m, const char *ifname);
const char *dps_tunnel_name(const struct dp_svc *m, int tun);
struct dps_tunnel *dps_tunnel_by_id(struct dp_svc *m, int tun);
bool dps_route_lookup(struct dp_svc *m, const struct svc_route_q *q, struct nhrp_route_info *out);

/* dps_links.c */
void dps_apply_hosts(struct dp_svc *m, const struct cfg *c);
void dps_apply_tunnels(struct dp_svc *m, const struct cfg *c);

/* With FRR: every address announced again DPS_REANNOUNCE_MS after a config
 * change and DPS_REANNOUNCE_LATER_MS after that (zebra 8.4 can miss an
 * address reported right after its link; dps_links.c). */
#define DPS_REANNOUNCE_MS       1000
#define DPS_REANNOUNCE_LATER_MS 4000
void dps_links_reannounce(void *arg);

/* dps_v6.c: IPv6 addresses, enable/mtu, forwarding and `ipv6 route` from
 * the config (the whole set each time); the retry tick tries again what
 * did not go in; fini removes the routes. */
struct dps_v6;
void dps_v6_apply(struct dp_svc *m, const struct cfg *c);
void dps_v6_retry(struct dp_svc *m);
void dps_v6_fini(struct dp_svc *m);
/* dps_v6_show.c: REC_ROUTE6 records of the global table (show ipv6 route). */
struct strbuf;
long dps_v6_snapshot(struct dp_svc *m, struct strbuf *out);
/* REC_IFACE6 records: each IOS interface's IPv6 addresses (show ipv6
 * interface brief). */
long dps_v6_iface_snapshot(struct dp_svc *m, struct strbuf *out);

/* dps_vrf.c */
/* The VRF's state, its namespace made or opened; NULL (logged) if it
 * cannot be. */
struct dps_vrf *dps_vrf_get(struct dp_svc *m, const char *name);
/* The netlink handle of a VRF ("" or NULL: the global table). */
struct dpnl *dps_vrf_nl(struct dp_svc *m, const char *vrf);
/* The Linux link lnx placed in vrf's namespace (moved there from the
 * global one or another VRF's when it is elsewhere): the handle to
 * configure it with and its index; NULL when the link exists nowhere. */
struct dpnl *dps_vrf_place(struct dp_svc *m, const char *lnx, const char *vrf, int *ifindex);
/* `ip route vrf` of the config into their namespaces (the whole set; a VRF
 * has few). */
void dps_vrf_apply_routes(struct dp_svc *m, const struct cfg *c);
/* The retry tick: a VRF route that did not go in (its next hop's link not
 * up yet) is tried again. */
void dps_vrf_retry(struct dp_svc *m);
void dps_vrf_fini(struct dp_svc *m);
/* SVC_CALL_VRF_ROUTE: a routing protocol's route into (out of) a VRF's
 * table; 0 or -1 (logged). */
int dps_vrf_igp_route(struct dp_svc *m, const struct svc_vrf_route *r);
/* What the listing of a VRF's protocol route needs: its code, metric and
 * age; false if the route is not one of them. */
bool dps_vrf_igp_info(struct dp_svc *m, const char *vrf, uint32_t prefix, uint8_t len,
                      struct dps_vigp *out);
/* The routes of a VRF's table as the backend lists its own (cb gets each);
 * -1 when the VRF is unknown. */
int dps_vrf_list(struct dp_svc *m, const char *vrf, void (*cb)(void *, const struct dp_route *),
                 void *arg);

/* dps_static.c */
struct cfg_diff;
void dps_apply_routes(struct dp_svc *m, const struct cfg_diff *diff);
void dps_on_retry(void *arg);
void dps_routes_fini(struct dp_svc *m);
/* Links or addresses changed: every route is tried again. */
void dps_routes_reinstall(struct dp_svc *m);

/* dps_gate.c */
void dps_gate_map(struct dp_svc *m, const struct svc_map *p);
void dps_gate_unmap(struct dp_svc *m, const struct svc_map *p);
void dps_gate_mcast(struct dp_svc *m, const struct svc_map *p, bool add);
void dps_gate_sa(struct dp_svc *m, const struct svc_sa_state *s);
/* After a reconfigure: what waited on a tunnel that is no longer gated
 * goes in. */
void dps_gate_reconfigured(struct dp_svc *m);
bool dps_gate_in_use(struct dp_svc *m, const struct svc_peer *p);
int dps_nhrp_route_add(struct dp_svc *m, const struct svc_route *r);
void dps_nhrp_route_del(struct dp_svc *m, const struct svc_route *r);
/* IPv6 NHRP (dps_nhrp6.c): the RIB lookup and the shortcut routes. */
bool dps_route6_lookup(struct dp_svc *m, const struct svc_route6_q *q,
                       struct nhrp_route_info_af *out);
int dps_nhrp_route6_add(struct dp_svc *m, const struct svc_route6 *r);
void dps_nhrp_route6_del(struct dp_svc *m, const struct svc_route6 *r);
void dps_gate_fini(struct dp_svc *m);

#endif
