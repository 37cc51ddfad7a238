/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * show crypto ipsec profile records (lib/rec_crypto.h struct
 * rec_ipsec_profile) from the running config: the configured profiles plus
 * IOS's built-in "default" one (transform set "default", esp-aes
 * esp-sha-hmac), sorted by name as IOS lists them.
 */
#ifndef DMVPN_IPSEC_PROFILE_RECORDS_H
#define DMVPN_IPSEC_PROFILE_RECORDS_H

#include "lib/rec_crypto.h"
#include "parsers/cfg.h"

#include <stddef.h>

/* *out is malloc'ed (free it); returns the count. c may be NULL. */
size_t ipsec_rec_profiles(const struct cfg *c, struct rec_ipsec_profile **out);

#endif
