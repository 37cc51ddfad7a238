/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Readers of the IPv6 NHRP model (nhrp6.c) for print, diff and validate. */
#ifndef DMVPN_PARSERS_NHRP6_H
#define DMVPN_PARSERS_NHRP6_H

#include "parsers/cfg.h"
#include "parsers/validate.h"
#include "lib/strbuf.h"

/* The interface's `ipv6 nhrp ...` lines, in IOS's order. */
void nhrp6_print(struct strbuf *sb, const struct cfg_nhrp6 *n);
/* The CHGF_IF_NHRP6* flags (diff.h) that tell x from y. */
unsigned nhrp6_diff_flags(const struct cfg_nhrp6 *x, const struct cfg_nhrp6 *y);
/* Cross-line checks of one interface's IPv6 NHRP. */
void nhrp6_validate(const struct cfg_iface *ifp, struct cfg_findings *f);

#endif
