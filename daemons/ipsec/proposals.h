/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * IOS crypto keywords to strongSwan proposal keywords, as tables: ISAKMP
 * encryption/hash/group, transform-set transforms, PFS groups. Kept apart
 * from the translator so the tables can be printed (docs) and tested alone.
 */
#ifndef DMVPN_IPSEC_PROPOSALS_H
#define DMVPN_IPSEC_PROPOSALS_H

#include "parsers/cfg.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct strbuf;

/* strongSwan key exchange keyword of an IOS DH group ("modp1024" for
 * group 2), NULL when strongSwan or IKEv1 has no such group. */
const char *ipsec_dh_name(uint32_t group);
/* "3des", "aes256" ... for an isakmp policy's encryption. */
const char *ipsec_ike_encr(enum cfg_isakmp_encr e, uint32_t aes_bits);
/* "md5", "sha1" ...: in IKEv1 the hash is both integrity and PRF. */
const char *ipsec_ike_hash(enum cfg_isakmp_hash h);
/* IOS spelling of a policy's encryption / hash, for notes. */
const char *ipsec_ios_encr(enum cfg_isakmp_encr e);
const char *ipsec_ios_hash(enum cfg_isakmp_hash h);

/* What one transform set becomes. */
struct ipsec_tset_props {
    char esp[96];           /* "aes256-sha256-modp2048", "" when no ESP transform */
    char ah[64];            /* "sha1-modp1024", "" when no AH transform */
    const char *dropped[3]; /* IOS keywords with no strongSwan equivalent */
    int ndropped;
    bool comp; /* comp-lzs present (strongSwan has deflate only) */
};

/* dh: strongSwan DH keyword for PFS, NULL for none. */
void ipsec_tset_props(const struct cfg_tset *t, const char *dh, struct ipsec_tset_props *out);
const char *ipsec_xf_ios(enum cfg_transform xf);

/* The whole mapping as a text table (docs, the report). */
void ipsec_proposals_table(struct strbuf *out);

#endif
