/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Joins the per-area command tables into the one table the matcher, `?` help
 * and docs/ios-compat.md read. Order is priority: when two entries accept the
 * same line, the earlier wins, so modeled commands come before the entries
 * that keep lines verbatim.
 */
#include "parsers/cfg_build.h"
#include "lib/log.h"

#include <stdlib.h>
#include <string.h>

struct cmd_def *
cmd_table_build(size_t *n)
{
    const struct {
        const struct cmd_def *d;
        size_t n;
    } parts[] = {
        {cmd_tbl_global, cmd_tbl_global_len},
        {cmd_tbl_iface, cmd_tbl_iface_len},
        {cmd_tbl_ipv6, cmd_tbl_ipv6_len},
        {cmd_tbl_nhrp, cmd_tbl_nhrp_len},
        {cmd_tbl_nhrp6, cmd_tbl_nhrp6_len},
        {cmd_tbl_crypto, cmd_tbl_crypto_len},
        {cmd_tbl_ikev2, cmd_tbl_ikev2_len},
        {cmd_tbl_keychain, cmd_tbl_keychain_len},
        {cmd_tbl_isakmp_prof, cmd_tbl_isakmp_prof_len},
        {cmd_tbl_pki, cmd_tbl_pki_len},
        {cmd_tbl_line, cmd_tbl_line_len},
        {cmd_tbl_opaque, cmd_tbl_opaque_len},
        {cmd_tbl_opaque_if, cmd_tbl_opaque_if_len},
        {cmd_tbl_router_bgp, cmd_tbl_router_bgp_len},
        {cmd_tbl_router_igp, cmd_tbl_router_igp_len},
    };
    size_t total = 0, i, at = 0;
    struct cmd_def *all;

    for (i = 0; i < sizeof(parts) / sizeof(parts[0]); i++)
        total += parts[i].n;
    all = calloc(total, sizeof(*all));
    if (!all)
        fatal("out of memory");
    for (i = 0; i < sizeof(parts) / sizeof(parts[0]); i++) {
        memcpy(all + at, parts[i].d, parts[i].n * sizeof(*all));
        at += parts[i].n;
    }
    *n = total;
    return all;
}
