/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * charon's SA list (ipsec_state.h) as the IOS crypto show records
 * (lib/rec_crypto.h): rows of show crypto isakmp sa, blocks of show crypto
 * ipsec sa, sessions of show crypto session. Pure: the caller passes what
 * charon said, the time it said it, and what the daemon knows that charon
 * does not report (which tunnel a connection protects, the IOS lifetimes,
 * the tunnel source's IOS interface, peers NHRP wants but that have no SA).
 *
 * IOS words chosen: IKE SA uniqueid n is conn-id 1000 + n (IOS numbers from
 * 1001); CHILD SA uniqueid n gives conn ids 2n-1 (inbound) and 2n
 * (outbound), flow_id SW:<conn id> (software crypto); an established IKEv1
 * SA is QM_IDLE, one still negotiating is MM_NO_STATE before a proposal was
 * chosen and MM_KEY_EXCH after (where a wrong pre-shared key leaves it);
 * one being deleted is "ACTIVE (deleted)".
 */
#ifndef DMVPN_IPSEC_RECORDS_H
#define DMVPN_IPSEC_RECORDS_H

#include "daemons/ipsec/ipsec_state.h"
#include "lib/rec_crypto.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* What the daemon loaded as one charon connection. */
struct ipsec_rec_conn {
    char name[IPSEC_NAME_LEN];
    char ifname[REC_IFNAMSIZ];
    uint32_t ike_life; /* IOS isakmp lifetime, seconds (0: 86400) */
    uint64_t life_kb;  /* IOS SA volume lifetime, KB; 0: volume rekey disabled */
    bool dpd;          /* crypto isakmp keepalive */
    /* anti-replay window charon was given, packets (0: not in the reply,
     * IOS's default 64 assumed); IOS prints the size only for a
     * non-default window. */
    uint32_t replay_window;
    /* charon was given a window of 0 (`... replay disable`): kept apart
     * because replay_window 0 also means "not reported" */
    bool replay_off;
    uint32_t life_s; /* IOS SA lifetime, seconds (0: unknown) */
    /* IKEv2 profile's `dpd INTERVAL RETRY` (show crypto ikev2 sa detailed);
     * 0 when none */
    uint32_t dpd_s, dpd_retry;
    /* auth = pubkey on our side / the peer's (IKEv2 rsa-sig): IOS's
     * `Auth sign: RSA` / `Auth verify: RSA` instead of PSK */
    bool sign_rsa, verify_rsa;
};

/* A protected tunnel interface. */
struct ipsec_rec_if {
    char ifname[REC_IFNAMSIZ];
    char idb[REC_IFNAMSIZ]; /* IOS name of the tunnel source interface, "" unknown */
    uint32_t local;         /* tunnel source address */
    uint32_t path_mtu;      /* of the source interface (0: 1500) */
    uint32_t ip_mtu;
    char fvrf[REC_NAMESIZ]; /* `tunnel vrf`; "" the global table */
    char ivrf[REC_NAMESIZ]; /* the tunnel's `vrf forwarding`; "" global */
};

/* A peer the daemon tracks that may have no SA at all (session DOWN). */
struct ipsec_rec_peer {
    char ifname[REC_IFNAMSIZ];
    uint32_t peer;
};

struct ipsec_tally;

struct ipsec_rec_input {
    const struct ipsec_sa_list *sas;
    int64_t now_ms; /* the daemon's clock when charon answered */
    const struct ipsec_rec_conn *conns;
    size_t nconns;
    const struct ipsec_rec_if *ifs;
    size_t nifs;
    const struct ipsec_rec_peer *peers;
    size_t npeers;
    /* what ended SAs counted (ipsec_tally.h); NULL: only the current SAs */
    const struct ipsec_tally *tally;
};

/* What makes CHILD SAs one flow, one block of show crypto ipsec sa (IOS's
 * phase-2 tunnel): tunnel, peer and the first selector of each side. */
struct ipsec_flow_key {
    char ifname[REC_IFNAMSIZ];
    uint32_t peer, lid, rid;
    uint8_t lproto, rproto;
};

void ipsec_rec_flow_key(const struct ipsec_rec_input *in, const struct ipsec_ike_sa *ike,
                        const struct ipsec_child_sa *c, struct ipsec_flow_key *k);
bool ipsec_flow_key_eq(const struct ipsec_flow_key *a, const struct ipsec_flow_key *b);

/* The tunnel an IKE SA belongs to: its loaded connection's, else its name
 * up to the last '-' ("Tunnel0-202.1.1.1" -> "Tunnel0"), else (a responder
 * that has not found the peer's connection yet) the tunnel whose source
 * address the SA is on. False when none gives one. */
/* The front-door VRF of a protected tunnel; "" for the global table. */
const char *ipsec_rec_fvrf(const struct ipsec_rec_input *in, const char *ifname);
const char *ipsec_rec_ivrf(const struct ipsec_rec_input *in, const char *ifname);
bool ipsec_rec_ifname(const struct ipsec_rec_input *in, const struct ipsec_ike_sa *sa, char *out,
                      size_t sz);

/* Each returns a malloc'ed array (caller frees; NULL when 0). */
size_t ipsec_rec_ike(const struct ipsec_rec_input *in, struct rec_ike_sa **out);
size_t ipsec_rec_ipsec(const struct ipsec_rec_input *in, struct rec_ipsec_sa **out);
size_t ipsec_rec_sessions(const struct ipsec_rec_input *in, struct rec_crypto_session **out);

/* The IOS state of one IKE SA (QM_IDLE ...) and whether it counts as
 * usable (established, not being deleted). */
unsigned ipsec_rec_ike_state(const struct ipsec_ike_sa *sa, unsigned *status);
bool ipsec_ike_usable(const struct ipsec_ike_sa *sa);
bool ipsec_child_usable(const struct ipsec_child_sa *c);

#endif
