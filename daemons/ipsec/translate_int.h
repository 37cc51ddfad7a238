/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What the translator's files share (translate.c: IKEv1, CHILD and
 * load-conn; translate_psk.c: IKEv1 keys, keyrings, isakmp profiles;
 * translate_ikev2.c: IKEv2 proposals, identities and keyring
 * secrets). Not for the rest of the daemon: translate.h is the interface.
 */
#ifndef DMVPN_IPSEC_TRANSLATE_INT_H
#define DMVPN_IPSEC_TRANSLATE_INT_H

#include "daemons/ipsec/translate.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct cfg_iface;
struct cfg_isakmp_key;
struct cfg_isakmp_profile;
struct cfg_ikev2_profile;
struct cfg_pki_cert;
struct vici_msg;

#define MAX_IKE_PROPS   32
#define MAX_CHILD_PROPS 8
#define IOS_IKE_LIFE    86400u
#define MAX_CAS         8
#define MAX_SCOPE       8

struct xctx {
    const struct cfg *c;
    const struct ipsec_xlate_opts *o;
    struct ipsec_xlate *x;
    bool quiet; /* run-time peer: only errors are noted */
    int errors;
};

struct ike_props {
    int version; /* 1: IKEv1 main mode, 2: IKEv2 */
    char prop[MAX_IKE_PROPS][96];
    size_t n;
    uint32_t lifetime;
    uint32_t dpd_delay, dpd_timeout; /* 0: no DPD (timeout: IKEv1 only) */
    /* IKEv2: the tunnel's ikev2 profile (identities come from it) */
    const struct cfg_ikev2_profile *v2;
    /* IKEv2 rsa-sig: our certificate (local certs) and the CAs we accept
     * the peer's from (remote cacerts), from the profile's trustpoints */
    const struct cfg_pki_cert *mycert;
    const struct cfg_pki_cert *cas[MAX_CAS];
    size_t ncas;
    /* IKEv1 isakmp profile's match identity addresses: remote_addrs of
     * the responder connection (none: %any) */
    char scope[MAX_SCOPE][40];
    size_t nscope;
};

struct child_props {
    char esp[MAX_CHILD_PROPS][96];
    size_t nesp;
    char ah[MAX_CHILD_PROPS][64];
    size_t nah;
    bool transport;
    uint32_t life, rekey;
    uint64_t life_bytes, rekey_bytes; /* 0: no volume limit */
    bool responder_only;
    uint32_t replay_window; /* packets; 0: replay detection off */
};

/* Records a note once: several tunnels share policies, keys and profiles. */
/* One IKE shared secret for load-shared: id, the clear key, its owners
 * (translate_psk.c; IKEv1 keys and IKEv2 keyring peers alike). */
void xlate_shared_ike(struct xctx *x, const char *where, const char *id, const char *key,
                      const char *const *owners, size_t nowners);
void xlate_note(struct xctx *x, enum ipsec_note_kind k, const char *where, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* The tunnel source address, 0 when not static (no note: for lookups). */
uint32_t xlate_source_addr(const struct cfg *c, const struct cfg_iface *ifp);

/* ---- translate_psk.c ---- */

/* The isakmp profile protecting a tunnel (interface override, else the
 * ipsec profile's set isakmp-profile); NULL if none or missing. */
const struct cfg_isakmp_profile *xlate_v1_profile(const struct cfg *c, const struct cfg_iface *ifp);
/* The key IOS would use with peer on tunnel ifp (0: a wildcard one; ifp
 * NULL: the global table); NULL if none. */
const struct cfg_isakmp_key *xlate_v1_best_key(const struct cfg *c, const struct cfg_iface *ifp,
                                               uint32_t peer);
/* charon remote id of a per-peer IKEv1 connection; "" for %any. */
void xlate_v1_remote_id(const struct cfg *c, const struct cfg_iface *ifp, uint32_t peer, char *buf,
                        size_t sz);
/* load-shared for every crypto isakmp key and keyring key. */
void xlate_v1_shared_keys(struct xctx *x);
/* The isakmp profile's keepalive and match identity into ip. */
void xlate_v1_profile_props(struct xctx *x, const struct cfg_iface *ifp, struct ike_props *ip);

/* ---- translate_ikev2.c ---- */

/* The ikev2 profile protecting a tunnel (interface override, else the
 * ipsec profile's set ikev2-profile); NULL for IKEv1. */
const char *xlate_v2_profile_name(const struct cfg *c, const struct cfg_iface *ifp);
/* IKE side of an IKEv2 tunnel: the proposals of the policy matching the
 * tunnel (IOS's default proposal without policies), lifetime, DPD. */
bool xlate_v2_ike_props(struct xctx *x, const struct cfg_iface *ifp, uint32_t local,
                        struct ike_props *ip);
/* load-shared for every keyring peer's key (owners: its identity). */
void xlate_v2_shared_keys(struct xctx *x);
/* charon ids of a connection to peer (0: the responder template); ""
 * when charon's default (the IP address, IOS's default too) fits. */
void xlate_v2_ids(const struct ike_props *ip, uint32_t peer, char *lid, size_t lsz, char *rid,
                  size_t rsz);
/* A keyring key IOS would use for peer exists (0: a wildcard one). */
bool xlate_v2_has_key(const struct cfg *c, const struct cfg_ikev2_profile *p, uint32_t peer);

/* ---- translate_pki.c ---- */

/* IKEv2 rsa-sig: the certificates and the key of the profile's
 * trustpoints into ip (and load-cert / load-key, once each); false with an
 * error note when a side that signs or verifies has nothing to do it with. */
bool xlate_v2_pki(struct xctx *x, const struct cfg_ikev2_profile *p, struct ike_props *ip);
/* auth (psk or pubkey) and, for pubkey, certs / cacerts of a local or
 * remote section. */
void xlate_v2_auth(const struct ike_props *ip, bool local, struct vici_msg *m);

#endif
