/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * show ip nhrp [detail|brief]: the NHRP cache (RFC 2332 5.2 "cache") as IOS
 * 15.x prints it. Entry lines carry the trailing blanks IOS prints after
 * "never expire", after every flag word and after the NBMA address; the
 * `expire hh:mm:ss` form has none (captures in testdata/ios/show/show_ip_nhrp).
 */
#include "cli/render/render_nhrp.h"
#include "cli/render/render_time.h"
#include "lib/inet.h"

static void
put_entry(struct strbuf *out, int64_t now_ms, const struct rec_nhrp_cache *e)
{
    char pfx[24], via[INET_ADDRSTRLEN_], nbma[INET_ADDRSTRLEN_], t[RENDER_TIME_LEN];
    const char *flag;
    unsigned it = 0;

    render_prefix(pfx, e->proto, e->prefix_len);
    if (e->type == REC_NHRP_INCOMPLETE) /* resolution pending: no next hop yet */
        sb_printf(out, "%s\n", pfx);
    else
        sb_printf(out, "%s via %s\n", pfx, inet_fmt4(e->via ? e->via : e->proto, via));
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
    sb_printf(out, "   NBMA address: %s \n", inet_fmt4(e->nbma, nbma));
    if (e->claimed_nbma && e->claimed_nbma != e->nbma)
        sb_printf(out, "    (Claimed NBMA address: %s) \n", inet_fmt4(e->claimed_nbma, nbma));
    if (e->flags & REC_NF_NOSOCKET)
        sb_puts(out, "    (no-socket) \n");
}

/*
 * Brief: link-local, no-socket and incomplete entries are left out (the
 * banner says so). T/Flag is "S" or "D", then "/" and the short flags.
 */
static void
put_brief(struct strbuf *out, const struct rec_nhrp_cache *c, size_t n)
{
    char ifs[REC_IFNAMSIZ], via[INET_ADDRSTRLEN_], nbma[INET_ADDRSTRLEN_], pfx[24], tf[16];
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
        const struct rec_nhrp_cache *e = &c[i];
        char *p = tf;

        if (e->type == REC_NHRP_INCOMPLETE || (e->flags & REC_NF_NOSOCKET))
            continue;
        *p++ = e->type == REC_NHRP_STATIC ? 'S' : 'D';
        *p++ = '/';
        if (e->flags & REC_NF_UNIQUE)
            *p++ = 'u';
        if (e->flags & REC_NF_REGISTERED)
            *p++ = 'r';
        if (e->flags & REC_NF_TEMPORARY)
            *p++ = 'e';
        if (e->claimed_nbma && e->claimed_nbma != e->nbma)
            *p++ = 'c';
        if (e->flags & REC_NF_AUTHORITATIVE)
            *p++ = 'a';
        if (e->flags & REC_NF_RIB)
            *p++ = 't';
        *p = '\0';
        sb_printf(out, "%-8s %-50s %s\n", render_ifname_short(ifs, e->ifname),
                  inet_fmt4(e->via ? e->via : e->proto, via), inet_fmt4(e->nbma, nbma));
        sb_printf(out, "         %-43s %-6s\n", render_prefix(pfx, e->proto, e->prefix_len), tf);
    }
}

void
render_nhrp_cache(struct strbuf *out, int64_t now_ms, const struct rec_nhrp_cache *c, size_t n,
                  enum render_nhrp_view view)
{
    size_t i;

    if (view == RENDER_NHRP_BRIEF) {
        put_brief(out, c, n);
        return;
    }
    /* IOS 15.x prints the same entries for plain and detail. */
    for (i = 0; i < n; i++)
        put_entry(out, now_ms, &c[i]);
}
