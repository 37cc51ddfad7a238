/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What IOS's IPsec counters remember and charon's SA list forgets. charon
 * counts packets and bytes per CHILD SA, and a CHILD SA ends at every rekey;
 * IOS counts per phase-2 tunnel (a flow: tunnel, peer, selectors), which
 * lives on across rekeys, and its global counters keep what ended tunnels
 * counted (show crypto ipsec sa, CISCO-IPSEC-FLOW-MONITOR-MIB). The tally
 * follows every complete SA list: CHILD SAs that left it hand their last
 * counts to their flow, flows without CHILD SAs hand theirs to the totals,
 * and each flow keeps the number it got when it first appeared. Pure: fed
 * what charon said, no clock or socket. The records (ipsec_records.c) add
 * it to what the current SAs count.
 */
#ifndef DMVPN_IPSEC_TALLY_H
#define DMVPN_IPSEC_TALLY_H

#include "daemons/ipsec/ipsec_records.h"
#include "lib/htab.h"

#include <stdbool.h>
#include <stdint.h>

struct ipsec_tally_flow {
    struct ipsec_flow_key key;
    uint32_t index;                /* conn id of its first inbound SA */
    uint32_t refreshes;            /* CHILD SAs that joined it after the first */
    uint32_t expired;              /* SAs (in + out) of CHILD SAs that left while it lived on */
    uint32_t gen;                  /* the list that last had a CHILD SA of it */
    uint32_t nkids;                /* its CHILD SAs not ended */
    uint32_t born;                 /* the list (or event) that first had it */
    int64_t created_ms;            /* when its first CHILD SA was installed */
    uint64_t pin, pout, bin, bout; /* counts of the CHILD SAs that left */
};

struct ipsec_tally {
    struct htab flows;    /* struct ipsec_tally_flow, by key */
    struct htab children; /* CHILD SAs by charon's uniqueid */
    struct htab ikes;     /* established IKE SAs by uniqueid */
    uint32_t gen;         /* lists observed */
    uint64_t ike_previous, ike_initiated, ipsec_previous;
    uint64_t pin, pout, bin, bout; /* counts of the flows that ended */
};

void ipsec_tally_init(struct ipsec_tally *t);
void ipsec_tally_free(struct ipsec_tally *t);

/* A complete list-sas (in->sas; NULL or empty when charon is gone: every
 * SA ended). */
void ipsec_tally_observe(struct ipsec_tally *t, const struct ipsec_rec_input *in);

/* CHILD SAs reported by an event going down (child-updown, ike-updown):
 * they end now, with their counts as charon had them at the end; a flow
 * left without CHILD SAs ends too. */
void ipsec_tally_final(struct ipsec_tally *t, const struct ipsec_rec_input *in);

/* Whether CHILD SA uid was ended by an event: a list that still has it
 * (it started before the event) must not count it. */
bool ipsec_tally_child_ended(const struct ipsec_tally *t, uint32_t uid);

/* The flow of key k; NULL when the tally has not seen it. */
const struct ipsec_tally_flow *ipsec_tally_flow(const struct ipsec_tally *t,
                                                const struct ipsec_flow_key *k);

/* The totals: what ended plus the current flows v[0..n) (records built with
 * this tally, so their counts already include their retired SAs). */
void ipsec_tally_global(const struct ipsec_tally *t, const struct rec_ipsec_sa *v, size_t n,
                        struct rec_crypto_global *g);

#endif
