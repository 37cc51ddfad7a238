/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * charon's algorithm names (as list-sa reports them: "3DES_CBC",
 * "HMAC_SHA2_256_128", "MODP_1024") turned back into what IOS prints in its
 * crypto show commands ("esp-3des esp-sha256-hmac", "sha256", DH group 2),
 * plus the sizes IOS derives from them (IV bytes, plaintext MTU). The
 * reverse of proposals.c, kept as tables.
 */
#ifndef DMVPN_IPSEC_IOS_WORDS_H
#define DMVPN_IPSEC_IOS_WORDS_H

#include <stddef.h>
#include <stdint.h>

/* "esp-3des esp-md5-hmac", "esp-256-aes esp-sha256-hmac", "esp-gcm";
 * "" when charon named nothing IOS knows. */
void ipsec_ios_transform(const char *encr, uint32_t keysize, const char *integ, char *out,
                         size_t outsz);
/* isakmp detail Encr / Hash columns: "3des", "aes", "sha", "md5" ...; "" unknown. */
const char *ipsec_ios_ike_encr(const char *encr);
const char *ipsec_ios_ike_hash(const char *integ_or_prf);
/* IOS DH group number of charon's "MODP_1024" (2) ...; 0 for none/unknown. */
unsigned ipsec_ios_dh_group(const char *dh);
/* ESP IV bytes IOS prints ("IV size: 8 bytes"); 0 when unknown. */
unsigned ipsec_esp_iv_size(const char *encr);
/*
 * Largest inner packet that fits a path MTU once ESP is added (IOS's
 * "plaintext mtu"): outer IPv4 header in tunnel mode, UDP encapsulation
 * (NAT-T), ESP header, IV, padding to the cipher's block and the ICV
 * (RFC 4303 2, RFC 3948 2.1).
 */
uint32_t ipsec_plaintext_mtu(uint32_t path_mtu, const char *encr, const char *integ, int tunnel,
                             int udp_encap);

#endif
