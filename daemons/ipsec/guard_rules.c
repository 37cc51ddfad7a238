/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The clear-text guard's nftables script (guard_rules.h). One table, two
 * chains: output drops protected GRE that would leave unprotected, input
 * drops protected GRE that arrived unprotected. Under kernel ESP transport
 * mode a locally sent GRE packet carries its xfrm bundle in the route at
 * the output hook (`rt ipsec`), and decrypted GRE is re-injected with a
 * security path the input hook sees (`meta ipsec`); the ESP packets
 * themselves are protocol 50 and never match. Under kernel-libipsec a third
 * chain marks protected GRE (lib/fwmark.h) so that charon's table 220 takes
 * it when a kernel gre link sends it (the userspace data plane's socket
 * carries the mark itself); a route chain, so the mark reroutes the packet.
 */
#include "daemons/ipsec/guard_rules.h"
#include "lib/fwmark.h"
#include "lib/inet.h"
#include "lib/strbuf.h"

static void
set_list(struct strbuf *sb, const uint32_t *v, size_t n)
{
    char a[INET_ADDRSTRLEN_];
    size_t i;

    sb_puts(sb, "{ ");
    for (i = 0; i < n; i++)
        sb_printf(sb, "%s%s", i ? ", " : "", inet_fmt4(v[i], a));
    sb_puts(sb, " }");
}

void
ipsec_guard_script(struct strbuf *sb, const uint32_t *srcs, size_t n, bool kernel_esp)
{
    const char *out_cond = kernel_esp ? "rt ipsec missing" : "oifname != \"" IPSEC_LIBIPSEC_IF "\"";
    const char *in_cond =
        kernel_esp ? "meta ipsec missing" : "iifname != \"" IPSEC_LIBIPSEC_IF "\"";

    /* create-then-delete makes the script work whether or not it exists */
    sb_puts(sb, "table ip " IPSEC_GUARD_TABLE "\ndelete table ip " IPSEC_GUARD_TABLE "\n");
    if (!n)
        return;
    sb_puts(sb, "table ip " IPSEC_GUARD_TABLE " {\n"
                "  chain out {\n"
                "    type filter hook output priority 0; policy accept;\n"
                "    ip protocol gre ip saddr ");
    set_list(sb, srcs, n);
    sb_printf(sb, " %s counter drop\n", out_cond);
    if (!kernel_esp) {
        sb_puts(sb, "  }\n"
                    "  chain gremark {\n"
                    "    type route hook output priority mangle; policy accept;\n"
                    "    ip protocol gre ip saddr ");
        set_list(sb, srcs, n);
        sb_printf(sb, " meta mark set 0x%x\n", DMVPN_FWMARK_GRE);
    }
    sb_puts(sb, "  }\n"
                "  chain in {\n"
                "    type filter hook input priority 0; policy accept;\n"
                "    ip protocol gre ip daddr ");
    set_list(sb, srcs, n);
    sb_printf(sb, " %s counter drop\n", in_cond);
    sb_puts(sb, "  }\n"
                "}\n");
}
