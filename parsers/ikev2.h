/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The IKEv2 part of the model's consumers (print, clone, diff, validate),
 * kept beside each other because they walk the same five structures
 * (proposal, policy, keyring with its peers, profile) and a field added to
 * one must be added to all. parsers/ only; the daemon reads cfg.h.
 */
#ifndef DMVPN_PARSERS_IKEV2_H
#define DMVPN_PARSERS_IKEV2_H

#include "parsers/cfg.h"

#include <stdbool.h>

struct arena;
struct strbuf;
struct cfg_findings;

/* IOS spellings: "aes-cbc-256", "sha384"; "?" when out of range. */
const char *cfg_v2_encr_name(unsigned e);
const char *cfg_v2_hash_name(unsigned h);

/* The crypto ikev2 stanzas as show running-config prints them. */
void ikev2_print(struct strbuf *sb, const struct cfg *c);
/* Deep-copies c's IKEv2 objects into a (cfg_clone.c's rules). */
void ikev2_clone(struct arena *a, struct cfg *c);
/* Same IKEv2 configuration (what charon's connections are made of). */
bool ikev2_eq(const struct cfg *o, const struct cfg *n);
/* Cross references IOS accepts but leaves inactive. */
void ikev2_validate(const struct cfg *c, struct cfg_findings *f);

#endif
