/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The key chain part of the model's consumers (print, clone, diff,
 * validate) and the lifetime syntax the grammar (cmd_keychain.c) reads,
 * kept together because they walk the same two structures. parsers/ only;
 * the daemon reads cfg.h.
 */
#ifndef DMVPN_PARSERS_KEYCHAIN_H
#define DMVPN_PARSERS_KEYCHAIN_H

#include "parsers/cfg.h"

#include <stdbool.h>

struct arena;
struct strbuf;
struct cfg_findings;

/* `hh:mm:ss {Month day | day Month} year {infinite | hh:mm:ss ... |
 * duration N}` (the text after accept-lifetime / send-lifetime, with an
 * optional leading `local`). False with *err (IOS words) when invalid. */
bool keychain_life_parse(const char *text, struct cfg_key_life *l, const char **err);
void keychain_print(struct strbuf *sb, const struct cfg *c);
void keychain_clone(struct arena *a, struct cfg *c);
bool keychain_eq(const struct cfg *o, const struct cfg *n);
void keychain_validate(const struct cfg *c, struct cfg_findings *f);

#endif
