/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The IKEv1 keyring and ISAKMP profile part of the model's consumers
 * (print, clone, diff, validate), kept together because they walk the
 * same two structures. parsers/ only; the daemon reads cfg.h.
 */
#ifndef DMVPN_PARSERS_ISAKMP_PROF_H
#define DMVPN_PARSERS_ISAKMP_PROF_H

#include "parsers/cfg.h"

#include <stdbool.h>

struct arena;
struct strbuf;
struct cfg_findings;

/* The crypto keyring stanzas (IOS prints them before the isakmp policies). */
void keyring_print(struct strbuf *sb, const struct cfg *c);
/* The crypto isakmp profile stanzas (after the policies and keys). */
void isaprof_print(struct strbuf *sb, const struct cfg *c);
void isaprof_clone(struct arena *a, struct cfg *c);
/* Same keyrings and profiles (the IKE side of charon's connections). */
bool isaprof_eq(const struct cfg *o, const struct cfg *n);
/* Cross references IOS accepts but leaves inactive. */
void isaprof_validate(const struct cfg *c, struct cfg_findings *f);

#endif
