/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * EIGRP packet authentication (RFC 7868 6.7, authentication TLV): keyed MD5 (type 2) and
 * HMAC-SHA-256 (type 3) in the authentication TLV, which IOS always sends
 * as the first TLV. The encoder side reserves the TLV right after the
 * header and fills the digest when the packet is complete; the decoder side
 * verifies a packet eigrp_decode accepted.
 */
#ifndef DMVPN_EIGRP_AUTH_H
#define DMVPN_EIGRP_AUTH_H

#include "daemons/eigrp/eigrp_codec.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define EIGRP_AUTH_KEY_MAX 80 /* IOS key-string limit */

/* One key of a key chain as the digest needs it. */
struct eigrp_auth_key {
    uint16_t type;    /* EIGRP_AUTH_TYPE_MD5 or EIGRP_AUTH_TYPE_SHA256 */
    uint32_t key_id;  /* IOS "key N" */
    uint32_t key_seq; /* sent as is; IOS sends 0 unless configured otherwise */
    const uint8_t *secret;
    size_t secret_len; /* <= EIGRP_AUTH_KEY_MAX */
    /* HMAC-SHA-256 only: the IPv4 address the packet is sent from, host
     * byte order (mixed into the HMAC key, see eigrp_auth.c). */
    uint32_t src;
};

/* Reserves the authentication TLV; must be the first TLV (right after
 * eigrp_enc_init). The digest stays zero until eigrp_auth_finish. */
bool eigrp_enc_auth(struct eigrp_enc *e, const struct eigrp_auth_key *k);

/* Computes the digest over the finished packet, then the checksum. Returns
 * the packet length, 0 on failure (no auth TLV reserved, bad key, crypto
 * error). */
size_t eigrp_auth_finish(struct eigrp_enc *e, const struct eigrp_auth_key *k);

/* Verifies a decoded packet (p from eigrp_decode over buf/len) with key k:
 * false when p has no auth TLV, the type or key id differ, or the digest is
 * wrong. Key sequence checks (replay) belong to the neighbour state. */
bool eigrp_auth_verify(const struct eigrp_msg *p, const struct eigrp_auth_key *k);

/* The digest of buf as the sender computes it (checksum and digest fields
 * read as zero); out gets 16 or 32 octets. Exposed for tests. */
bool eigrp_auth_digest(const uint8_t *buf, size_t len, const struct eigrp_auth_key *k,
                       uint8_t *out);

#endif
