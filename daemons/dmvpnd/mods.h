/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What dmvpnd's modules offer each other. The data plane module owns the
 * backend (struct dp), the Linux links of the IOS interfaces and the static
 * routes; the NHRP module owns the engine and is the data plane's upcall
 * target; the IPsec module owns charon. Each keeps its state private and
 * exposes only these calls.
 */
#ifndef DMVPN_DAEMONS_DMVPND_MODS_H
#define DMVPN_DAEMONS_DMVPND_MODS_H

#include "daemons/dataplane/dataplane.h"

#include <stdbool.h>
#include <stdint.h>

struct dmvpnd;
struct cfg;
struct nhrp_route_info;

/* ---- data plane module (mod_dataplane.c) ---- */
struct mod_dp;
struct mod_dp *mod_dp_register(struct dmvpnd *d);
struct dp *mod_dp_backend(struct mod_dp *m);
/* The backend's tunnel id of an IOS tunnel interface, -1 when not created. */
int mod_dp_tunnel(struct mod_dp *m, const char *ifname);
const char *mod_dp_tunnel_name(struct mod_dp *m, int tun);
/* RIB longest match for the NHRP engine (routes it installed are skipped). */
bool mod_dp_route_lookup(struct mod_dp *m, uint32_t dst, struct nhrp_route_info *out);
/* "userspace" or "kernel": for show version. */
const char *mod_dp_backend_name(struct mod_dp *m);

/* The upcalls the data plane module forwards (set by the NHRP module). */
struct mod_dp_listener {
    void *arg;
    void (*nhrp_recv)(void *arg, int tun, uint32_t src_nbma, const uint8_t *pkt, size_t len);
    void (*no_mapping)(void *arg, int tun, uint32_t nexthop);
    void (*hairpin)(void *arg, int tun_in, int tun_out, uint32_t in_nbma, const uint8_t *pkt,
                    size_t len);
    void (*mapping_used)(void *arg, int tun, uint32_t proto, uint32_t dst);
    /* the set of tunnels changed (created/destroyed): the NHRP slice must follow */
    void (*tunnels_changed)(void *arg);
};
void mod_dp_listen(struct mod_dp *m, const struct mod_dp_listener *l);

/* ---- NHRP module (mod_nhrp.c) ---- */
struct mod_nhrp;
struct mod_nhrp *mod_nhrp_register(struct dmvpnd *d, struct mod_dp *dp);
/* IPsec SA state towards a peer changed (state: enum nhrp_sa_state). */
void mod_nhrp_sa_event(struct mod_nhrp *m, const char *ifname, uint32_t nbma, int state);

/* The data plane mappings and multicast destinations of a protected
 * tunnel follow its peers' SAs: usable only while the SA to the peer is up
 * (without an SA charon installs no policy either, so GRE would leave in
 * clear, under kernel-libipsec and kernel ESP alike). */
/* NHRP maps a tunnel address to nbma (data would go there). */
bool mod_nhrp_peer_in_use(struct mod_nhrp *m, const char *ifname, uint32_t nbma);

/* ---- IPsec module (mod_ipsec.c) ---- */
struct mod_ipsec;
struct mod_ipsec_ops {
    void *arg;
    /* the SA level towards nbma changed (enum nhrp_sa_state) */
    void (*sa_event)(void *arg, const char *ifname, uint32_t nbma, int state);
    /* tunnel addresses are mapped to nbma: data uses that peer */
    bool (*peer_in_use)(void *arg, const char *ifname, uint32_t nbma);
};
/* vici_path NULL: no charon; tunnel protection is then not enforced (the
 * module logs it) and NHRP runs as on an unprotected tunnel. */
struct mod_ipsec *mod_ipsec_register(struct dmvpnd *d, struct mod_dp *dp, const char *vici_path,
                                     bool kernel_esp);
void mod_ipsec_listen(struct mod_ipsec *m, const struct mod_ipsec_ops *ops);
/* A charon is configured: NHRP must wait for SAs on protected tunnels. */
bool mod_ipsec_enabled(const struct mod_ipsec *m);
/* NHRP's ops.protect / ops.release. */
void mod_ipsec_protect(struct mod_ipsec *m, const char *ifname, uint32_t nbma);
void mod_ipsec_release(struct mod_ipsec *m, const char *ifname, uint32_t nbma);
/* The SA level towards nbma now (enum nhrp_sa_state). */
int mod_ipsec_level(struct mod_ipsec *m, const char *ifname, uint32_t nbma);

/* NHRP module: use this IPsec module (protect/release, SA levels). */
void mod_nhrp_use_ipsec(struct mod_nhrp *m, struct mod_ipsec *ipsec);

#endif
