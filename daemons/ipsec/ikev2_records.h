/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The IKEv2 show records (lib/rec_ikev2.h): proposals and policies from
 * the running config, with IOS's built-in "default" proposal and policy
 * listed first as IOS XE lists them; IKE SAs of version 2 from charon's SA
 * list (IKEv1 SAs belong to show crypto isakmp sa). Pure, like
 * ipsec_records.h.
 *
 * IOS words chosen: charon's IKE SA uniqueid is both the Tunnel-id and the
 * Session-id (IOS numbers both from 1); CE id 0 (software crypto);
 * authentication is PSK both ways (the only method translate_ikev2.c
 * loads); message ids are not reported by charon (0) and its window is 1
 * (charon's default window_size); the DPD line shows the IKEv2 profile's
 * configured `dpd` values.
 */
#ifndef DMVPN_IPSEC_IKEV2_RECORDS_H
#define DMVPN_IPSEC_IKEV2_RECORDS_H

#include "daemons/ipsec/ipsec_records.h"
#include "lib/rec_ikev2.h"
#include "parsers/cfg.h"

#include <stddef.h>

/* Each returns a malloc'ed array (caller frees; NULL when 0). c may be NULL
 * (no config yet): the built-ins only. */
size_t ipsec_rec_v2_proposals(const struct cfg *c, struct rec_ikev2_proposal **out);
size_t ipsec_rec_v2_policies(const struct cfg *c, struct rec_ikev2_policy **out);
size_t ipsec_rec_ikev2(const struct ipsec_rec_input *in, struct rec_ikev2_sa **out);

/* The IKEv2 profile protecting tunnel `ifname`; NULL when none. */
const struct cfg_ikev2_profile *ipsec_rec_v2_profile(const struct cfg *c, const char *ifname);

#endif
