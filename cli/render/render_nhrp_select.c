/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The restricted forms of show ip nhrp: `static|dynamic|incomplete`, an
 * address with an optional mask, an interface, `shortcut` (IOS prints the
 * same entry layout, only fewer entries), and `show ip nhrp self`, the
 * router's own entries. Pure functions over records, so the shell and the golden tests
 * select exactly alike.
 */
#include "cli/render/render_nhrp.h"
#include "lib/inet.h"

#include <string.h>

static bool
keep(const struct rec_nhrp_cache *e, const struct render_nhrp_filter *f)
{
    if (f->types && !(f->types & (1u << e->type)))
        return false;
    if (f->ifname && strncmp(e->ifname, f->ifname, REC_IFNAMSIZ) != 0)
        return false;
    if (f->shortcut &&
        (e->type != REC_NHRP_DYNAMIC || !(e->flags & REC_NF_ROUTER) || (e->flags & REC_NF_LOCAL)))
        return false;
    if (f->has_addr) {
        int len;

        /* An address alone names one entry's target; with a mask it names a
         * network, and every entry inside that network is shown. */
        if (!f->mask)
            return e->proto == f->addr;
        len = inet_mask_len(f->mask);
        if ((e->proto & f->mask) != (f->addr & f->mask))
            return false;
        if (len >= 0 && e->prefix_len < len)
            return false;
    }
    return true;
}

size_t
render_nhrp_filter(struct rec_nhrp_cache *c, size_t n, const struct render_nhrp_filter *f)
{
    size_t i, k = 0;

    for (i = 0; i < n; i++)
        if (keep(&c[i], f)) {
            if (k != i)
                c[k] = c[i];
            k++;
        }
    return k;
}

/*
 * The engine keeps no cache entry for its own addresses (it never needs to
 * resolve them); IOS does, and prints it as a static, never expiring entry
 * "router unique local" with no IPsec socket, created when the tunnel came
 * up. So the entry is built from the tunnel record.
 */
size_t
render_nhrp_self(const struct rec_tunnel *t, size_t n, struct rec_nhrp_cache *out)
{
    size_t i, k = 0;

    for (i = 0; i < n; i++) {
        struct rec_nhrp_cache *e;

        if (!t[i].addr)
            continue;
        e = &out[k++];
        memset(e, 0, sizeof(*e));
        memcpy(e->ifname, t[i].ifname, REC_IFNAMSIZ);
        e->ifname[REC_IFNAMSIZ - 1] = '\0';
        e->proto = t[i].addr;
        e->prefix_len = 32;
        e->via = t[i].addr;
        e->type = REC_NHRP_STATIC;
        e->preference = 255;
        e->flags = REC_NF_ROUTER | REC_NF_UNIQUE | REC_NF_LOCAL | REC_NF_NOSOCKET;
        e->nbma = t[i].src;
        e->created_ms = t[i].state_since_ms;
    }
    return k;
}
