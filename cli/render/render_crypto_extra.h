/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The crypto shows that select or count the records of render_crypto.h
 * (show crypto isakmp|ipsec sa count, show crypto session brief | local A |
 * remote A | interface X, show crypto ipsec sa interface X) and the one that
 * prints IOS's built-in facts (show crypto isakmp default policy). Pure:
 * records (+ now) -> text or JSON. The selections compact an array in place,
 * so the shell renders the kept records with the ordinary renderers and a
 * selection can never disagree with the unfiltered show.
 */
#ifndef DMVPN_CLI_RENDER_CRYPTO_EXTRA_H
#define DMVPN_CLI_RENDER_CRYPTO_EXTRA_H

#include "cli/render/render_crypto.h"

#include <stddef.h>
#include <stdint.h>

/* What `show crypto session` keeps. Zero fields do not filter. */
struct render_crypto_sel {
    uint32_t local;     /* session local A: one of its IKE SAs is local to A */
    uint32_t remote;    /* session remote A: the peer is A */
    const char *ifname; /* session interface X / ipsec sa interface X */
};

/* Moves the matching records to the front; returns how many match. */
size_t render_crypto_session_select(struct rec_crypto_session *recs, size_t n,
                                    const struct render_crypto_sel *sel);
size_t render_crypto_ipsec_sa_select(struct rec_ipsec_sa *recs, size_t n,
                                     const struct render_crypto_sel *sel);

/* show crypto session brief: one row per session under its ivrf heading. */
void render_crypto_session_brief(struct strbuf *sb, int64_t now_ms,
                                 const struct rec_crypto_session *recs, size_t n);
/* The two-letter status of the brief table ("UA", "UI", "DN" ...). */
const char *render_crypto_session_brief_status(unsigned status);

/* show crypto isakmp sa count: IKEv1 SAs by state (IKEv2 ones are skipped,
 * as in show crypto isakmp sa). */
void render_crypto_isakmp_sa_count(struct strbuf *sb, const struct rec_ike_sa *recs, size_t n);
void render_crypto_isakmp_sa_count_json(struct strbuf *sb, const struct rec_ike_sa *recs, size_t n);
/* show crypto ipsec sa count: the SAs (each inbound/outbound esp/ah entry). */
void render_crypto_ipsec_sa_count(struct strbuf *sb, const struct rec_ipsec_sa *recs, size_t n);
void render_crypto_ipsec_sa_count_json(struct strbuf *sb, const struct rec_ipsec_sa *recs,
                                       size_t n);

/* show crypto isakmp default policy: IOS's built-in protection suites. */
void render_crypto_isakmp_default_policy(struct strbuf *sb);
void render_crypto_isakmp_default_policy_json(struct strbuf *sb);

/* show crypto ipsec profile [NAME]: name NULL lists every profile; dialect
 * RENDER_CRYPTO_IOSXE17 is XE 17's layout (tabs, Dualstack), any other the
 * 15 / XE 16 one. */
void render_crypto_ipsec_profile(struct strbuf *sb, const struct rec_ipsec_profile *recs, size_t n,
                                 const char *name, unsigned dialect);
void render_crypto_ipsec_profile_json(struct strbuf *sb, const struct rec_ipsec_profile *recs,
                                      size_t n, const char *name);

/* show crypto sockets: the peer sockets, then the listening ones. */
void render_crypto_sockets(struct strbuf *sb, const struct rec_crypto_socket *recs, size_t n);
void render_crypto_sockets_json(struct strbuf *sb, const struct rec_crypto_socket *recs, size_t n);

/* show crypto map: the maps tunnel protection makes (one per listening
 * socket's map name), each with its profile's template instance (65536)
 * and one instance per peer socket, from the socket and profile records. */
void render_crypto_map(struct strbuf *sb, const struct rec_crypto_socket *socks, size_t ns,
                       const struct rec_ipsec_profile *profs, size_t np);
void render_crypto_map_json(struct strbuf *sb, const struct rec_crypto_socket *socks, size_t ns,
                            const struct rec_ipsec_profile *profs, size_t np);

/* show crypto isakmp peers [A]: the IKEv1 peers of the sessions (peer 0 =
 * all), one entry per IKE SA endpoint pair. */
void render_crypto_isakmp_peers(struct strbuf *sb, const struct rec_crypto_session *recs, size_t n,
                                uint32_t peer);
void render_crypto_isakmp_peers_json(struct strbuf *sb, const struct rec_crypto_session *recs,
                                     size_t n, uint32_t peer);
/* show crypto isakmp sa active|standby: keeps the SAs of that status. */
size_t render_crypto_ike_select_status(struct rec_ike_sa *recs, size_t n, unsigned status);

#endif
