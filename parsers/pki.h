/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The crypto pki part of the model's consumers (print, clone, diff,
 * validate) and the reader of a certificate's hex lines, which the line
 * parser hands over raw: IOS reads them in a mode of its own that ends at
 * `quit`, not through the command grammar. parsers/ only.
 */
#ifndef DMVPN_PARSERS_PKI_H
#define DMVPN_PARSERS_PKI_H

#include "parsers/cfg.h"

#include <stdbool.h>
#include <stddef.h>

struct arena;
struct strbuf;
struct cfg_findings;
struct cfg_build;

void pki_print(struct strbuf *sb, const struct cfg *c);
void pki_clone(struct arena *a, struct cfg *c);
bool pki_eq(const struct cfg *o, const struct cfg *n);
void pki_validate(const struct cfg *c, struct cfg_findings *f);
/* One line while a certificate is open: hex words appended to its DER, or
 * `quit` closing it. False with *err (IOS words) when the line is not hex. */
bool pki_cert_line(struct cfg_build *b, const char *line, size_t len, const char **err);

#endif
