/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * show ipv6 nhrp [brief|detail]: the IPv6 NHRP cache in show ip nhrp's
 * layout (render_nhrp.c) with IPv6 prefixes ("FD00:192::1201/128 via
 * FD00:192::1201"), the same trailing blanks and flag words, and in brief
 * the IPv4 banner and columns. NBMA addresses are either family.
 */
#include "cli/render/render_nhrp6.h"
#include "cli/render/render_time.h"

#include <stdio.h>

static const char *
nbma_or_unknown(const struct inet_addr *a, char *buf)
{
    return a->af == INET_AF_NONE ? "UNKNOWN" : inet_addr_fmt(a, buf);
}

static const struct inet_addr *
via_of(const struct rec_nhrp6_cache *e)
{
    return e->via.af == INET_AF_NONE ? &e->proto : &e->via;
}

static bool
claimed(const struct rec_nhrp6_cache *e)
{
    return e->claimed_nbma.af != INET_AF_NONE && !inet_addr_eq(&e->claimed_nbma, &e->nbma);
}

static void
put_entry(struct strbuf *out, int64_t now_ms, const struct rec_nhrp6_cache *e)
{
    char pfx[INET6_ADDRSTRLEN_], via[INET6_ADDRSTRLEN_], t[RENDER_TIME_LEN];
    const char *flag;
    unsigned it = 0;

    inet_addr_fmt(&e->proto, pfx);
    if (e->type == REC_NHRP_INCOMPLETE) /* resolution pending: no next hop yet */
        sb_printf(out, "%s/%u\n", pfx, e->prefix_len);
    else
        sb_printf(out, "%s/%u via %s\n", pfx, e->prefix_len, inet_addr_fmt(via_of(e), via));
    sb_printf(out, "   %.*s created %s, ", REC_IFNAMSIZ, e->ifname,
              render_time_secs(t, render_time_elapsed(now_ms, e->created_ms)));
    if (e->expires_ms == 0)
        sb_puts(out, "never expire \n");
    else
        sb_printf(out, "expire %s\n", render_time_left(t, now_ms, e->expires_ms));
    sb_printf(out, "   Type: %s, Flags: ", render_nhrp_type_name(e->type));
    while ((flag = render_nhrp_flag_at(e->flags, &it)) != NULL)
        sb_printf(out, "%s ", flag);
    sb_putc(out, '\n');
    if (e->type == REC_NHRP_INCOMPLETE) {
        sb_printf(out, "   Cache hits: %u\n", e->cache_hits);
        return;
    }
    sb_printf(out, "   NBMA address: %s \n", nbma_or_unknown(&e->nbma, via));
    if (claimed(e))
        sb_printf(out, "    (Claimed NBMA address: %s) \n", inet_addr_fmt(&e->claimed_nbma, via));
    if (e->flags & REC_NF_NOSOCKET)
        sb_puts(out, "    (no-socket) \n");
}

static void
put_brief(struct strbuf *out, const struct rec_nhrp6_cache *c, size_t n)
{
    char ifs[REC_IFNAMSIZ], via[INET6_ADDRSTRLEN_], nbma[INET6_ADDRSTRLEN_];
    char pfx[INET6_ADDRSTRLEN_ + 8], tf[16];
    size_t i;

    sb_pad(out, '*', 76);
    sb_puts(out, "\n    NOTE: Link-Local, No-socket and Incomplete entries are not displayed\n");
    sb_pad(out, '*', 76);
    sb_puts(out, "\nLegend: Type --> S - Static, D - Dynamic\n"
                 "        Flags --> u - unique, r - registered, e - temporary, c - claimed\n"
                 "        a - authoritative, t - route\n");
    sb_pad(out, '=', 76);
    sb_puts(out, "\n\nIntf     NextHop Address                                    NBMA Address\n"
                 "         Target Network                              T/Flag\n"
                 "-------- ------------------------------------------- ------ ----------------\n");
    for (i = 0; i < n; i++) {
        const struct rec_nhrp6_cache *e = &c[i];
        char *p = tf;

        if (e->type == REC_NHRP_INCOMPLETE || (e->flags & REC_NF_NOSOCKET) ||
            (e->proto.af == INET_AF_V6 && inet6_is_linklocal(e->proto.u.v6)))
            continue;
        *p++ = e->type == REC_NHRP_STATIC ? 'S' : 'D';
        *p++ = '/';
        if (e->flags & REC_NF_UNIQUE)
            *p++ = 'u';
        if (e->flags & REC_NF_REGISTERED)
            *p++ = 'r';
        if (e->flags & REC_NF_TEMPORARY)
            *p++ = 'e';
        if (claimed(e))
            *p++ = 'c';
        if (e->flags & REC_NF_AUTHORITATIVE)
            *p++ = 'a';
        if (e->flags & REC_NF_RIB)
            *p++ = 't';
        *p = '\0';
        inet_addr_fmt(&e->proto, nbma);
        snprintf(pfx, sizeof(pfx), "%s/%u", nbma, e->prefix_len);
        sb_printf(out, "%-8s %-50s %s\n", render_ifname_short(ifs, e->ifname),
                  inet_addr_fmt(via_of(e), via), nbma_or_unknown(&e->nbma, nbma));
        sb_printf(out, "         %-43s %-6s\n", pfx, tf);
    }
}

void
render_nhrp6_cache(struct strbuf *out, int64_t now_ms, const struct rec_nhrp6_cache *c, size_t n,
                   enum render_nhrp_view view)
{
    size_t i;

    if (view == RENDER_NHRP_BRIEF) {
        put_brief(out, c, n);
        return;
    }
    for (i = 0; i < n; i++)
        put_entry(out, now_ms, &c[i]);
}
