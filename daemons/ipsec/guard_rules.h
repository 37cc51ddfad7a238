/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The nftables script of the clear-text GRE guard (ipsec_svc_guard.c runs
 * it with nft -f): pure, so both ESP back ends' rules are unit-tested.
 * IOS never sends a protected tunnel's GRE without ESP and drops GRE that
 * arrives in clear; the rules say the same for a set of tunnel sources:
 * - kernel-libipsec: ESP happens behind charon's TUN, so protected GRE
 *   leaves only through ipsec0 and is accepted only from it;
 * - kernel ESP: GRE leaves only on a route the kernel's IPsec policies
 *   transform (`rt ipsec exists`) and is accepted only when it came out of
 *   ESP (`meta ipsec exists`).
 */
#ifndef DMVPN_IPSEC_GUARD_RULES_H
#define DMVPN_IPSEC_GUARD_RULES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct strbuf;

#define IPSEC_GUARD_TABLE "dmvpnd_ipsec"
#define IPSEC_LIBIPSEC_IF "ipsec0" /* kernel-libipsec's TUN device */

/* Appends the script replacing table ip dmvpnd_ipsec with the rules for
 * srcs (host order); with n == 0 the script only removes the table. */
void ipsec_guard_script(struct strbuf *sb, const uint32_t *srcs, size_t n, bool kernel_esp);

#endif
