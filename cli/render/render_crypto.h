/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Pure renderers for the crypto show commands: show crypto isakmp sa
 * [detail], show crypto ipsec sa [peer X] [detail], show crypto session
 * [detail], and their `| json` forms. Each is a function of snapshot records
 * (lib/rec_crypto.h) and the daemon's `now_ms`; none reads a clock. The text
 * follows one IOS family byte for byte (docs/architecture.md, "Crypto show
 * renderers"): IOS 15.x classic software crypto by default, or IOS 12.4 (the
 * seed hub's image) when asked, since scripts written against either parse
 * the exact words and columns.
 */
#ifndef DMVPN_CLI_RENDER_CRYPTO_H
#define DMVPN_CLI_RENDER_CRYPTO_H

#include "lib/rec_crypto.h"
#include "lib/rec_ikev2.h"
#include "lib/strbuf.h"

#include <stddef.h>
#include <stdint.h>

/* Which IOS release's layout to print. */
enum render_crypto_dialect {
    /* IOS 15.x classic (15.4-15.9 IOL/IOSv/ISR): IPv4/IPv6 ISAKMP sections,
     * no slot column; "IKEv1 SA:" with "Session ID:"; plaintext mtu, PFS line,
     * sibling_flags, "Status: ACTIVE(ACTIVE)". The default. */
    RENDER_CRYPTO_IOS15 = 0,
    /* IOS 12.4 mainline: no IPv4/IPv6 titles and a "slot" column in isakmp;
     * "IKE SA:" and no Session ID; no plaintext mtu, PFS or sibling_flags;
     * "Status: ACTIVE". What the seed walk-through's hub printed. */
    RENDER_CRYPTO_IOS124,
    /* IOS XE 17: show crypto ikev2 sa adds the CE id / Local spi lines, its
     * detailed form puts Status Description after the SPIs and ends with
     * PEER TYPE (the other crypto shows print as IOS15). */
    RENDER_CRYPTO_IOSXE17,
    /* IOS 15.0-15.3: as IOS15 but show crypto ipsec sa has no "plaintext
     * mtu" (captures of 15.2 and 15.1-15.3: fr-cdc2-*, burningnode-*). */
    RENDER_CRYPTO_IOS152,
    /* IOS-XE 16 (CSR1000V): as IOS15 but show crypto ikev2 sa starts with an
     * empty line and its titles at the margin ("IPv4 Crypto IKEv2  SA", no
     * leading blank: the azure-csr1000v and hb-azure-csr1 captures; IOS-XE
     * 3.16 still prints the blank, hb-iwan). */
    RENDER_CRYPTO_IOSXE16,
};

struct render_crypto_opts {
    uint8_t dialect; /* enum render_crypto_dialect */
    uint8_t detail;  /* the `detail` keyword */
    uint8_t pad[2];
    uint32_t peer; /* show crypto ipsec sa peer X; 0 = every peer */
};

/* show crypto isakmp sa [detail] */
void render_crypto_isakmp_sa(struct strbuf *sb, int64_t now_ms, const struct rec_ike_sa *recs,
                             size_t n, const struct render_crypto_opts *o);
/* show crypto ipsec sa [peer X] [detail] */
void render_crypto_ipsec_sa(struct strbuf *sb, int64_t now_ms, const struct rec_ipsec_sa *recs,
                            size_t n, const struct render_crypto_opts *o);
/* show crypto session [detail] */
void render_crypto_session(struct strbuf *sb, int64_t now_ms, const struct rec_crypto_session *recs,
                           size_t n, const struct render_crypto_opts *o);
/*
 * show dmvpn detail's crypto part: one block per session under "Crypto
 * Session Details:", each ending with an empty line (render_dmvpn_crypto.c).
 */
void render_dmvpn_crypto(struct strbuf *sb, int64_t now_ms, const struct rec_crypto_session *recs,
                         size_t n);

/* `| json`: the same records as one JSON object, every field whatever the
 * detail keyword, with remaining lifetimes/uptimes already computed in
 * seconds against now_ms. The peer filter of `o` applies to ipsec sa. */
void render_crypto_isakmp_sa_json(struct strbuf *sb, int64_t now_ms, const struct rec_ike_sa *recs,
                                  size_t n);
void render_crypto_ipsec_sa_json(struct strbuf *sb, int64_t now_ms, const struct rec_ipsec_sa *recs,
                                 size_t n, const struct render_crypto_opts *o);
void render_crypto_session_json(struct strbuf *sb, int64_t now_ms,
                                const struct rec_crypto_session *recs, size_t n);

/* show crypto ikev2 proposal [NAME] / policy [NAME]: name NULL lists all. */
void render_crypto_ikev2_proposal(struct strbuf *sb, const struct rec_ikev2_proposal *recs,
                                  size_t n, const char *name);
void render_crypto_ikev2_policy(struct strbuf *sb, const struct rec_ikev2_policy *recs, size_t n,
                                const char *name);
/* show crypto ikev2 sa [detailed] (o->detail) */
void render_crypto_ikev2_sa(struct strbuf *sb, int64_t now_ms, const struct rec_ikev2_sa *recs,
                            size_t n, const struct render_crypto_opts *o);
/* show crypto ikev2 session [detailed] */
void render_crypto_ikev2_session(struct strbuf *sb, int64_t now_ms, const struct rec_ikev2_sa *recs,
                                 size_t n, const struct render_crypto_opts *o);
void render_crypto_ikev2_proposal_json(struct strbuf *sb, const struct rec_ikev2_proposal *recs,
                                       size_t n, const char *name);
void render_crypto_ikev2_policy_json(struct strbuf *sb, const struct rec_ikev2_policy *recs,
                                     size_t n, const char *name);
void render_crypto_ikev2_sa_json(struct strbuf *sb, int64_t now_ms, const struct rec_ikev2_sa *recs,
                                 size_t n);
const char *render_crypto_ikev2_status_name(unsigned status);

/* IOS words for the record enums (also used by dmvpnd's logs); "?" when out
 * of range. */
const char *render_crypto_ike_state_name(unsigned state);
const char *render_crypto_ike_status_name(unsigned status);
const char *render_crypto_session_status_name(unsigned status);
/* Capability letters ("DN"), "" for none; out must hold 11 bytes. */
char *render_crypto_caps(uint16_t caps, char *out);

#endif
