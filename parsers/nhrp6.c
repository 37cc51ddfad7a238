/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The IPv6 NHRP model's readers: its show running-config lines, what a
 * diff says changed, and the checks IOS makes across lines. IOS prints
 * `ipv6 nhrp` lines in the same order as their `ip nhrp` twins
 * (authentication, maps, network-id, holdtime, nhs, nhs fallback,
 * registration, shortcut, redirect), addresses in capitals.
 */
#include "parsers/nhrp6.h"
#include "parsers/diff.h"
#include "lib/inet.h"

#include <string.h>

uint32_t
cfg_nhrp6_holdtime(const struct cfg_nhrp6 *n)
{
    return n->holdtime ? n->holdtime : 7200;
}

bool
cfg_nhrp6_nhs_nbma(const struct cfg_nhrp6 *n, const struct cfg_nhrp6_nhs *s, struct inet_addr *nbma)
{
    size_t i;

    if (s->has_nbma && !s->nbma_fqdn) {
        *nbma = s->nbma;
        return true;
    }
    for (i = 0; i < n->nmaps && !s->dynamic; i++) {
        const struct cfg_nhrp6_map *m = &n->maps[i];
        if (!m->multicast && !memcmp(m->proto, s->addr, 16)) {
            *nbma = m->nbma;
            return true;
        }
    }
    return false;
}

void
nhrp6_print(struct strbuf *sb, const struct cfg_nhrp6 *n)
{
    char a[INET6_ADDRSTRLEN_], b[INET6_ADDRSTRLEN_];
    size_t i;

    if (n->auth)
        sb_printf(sb, " ipv6 nhrp authentication %s\n", n->auth);
    for (i = 0; i < n->nmaps; i++) {
        const struct cfg_nhrp6_map *m = &n->maps[i];
        if (m->multicast && m->dynamic)
            sb_puts(sb, " ipv6 nhrp map multicast dynamic\n");
        else if (m->multicast)
            sb_printf(sb, " ipv6 nhrp map multicast %s\n", inet_addr_fmt(&m->nbma, a));
        else if (m->has_len)
            sb_printf(sb, " ipv6 nhrp map %s/%u %s\n", inet_fmt6(m->proto, a), m->len,
                      inet_addr_fmt(&m->nbma, b));
        else
            sb_printf(sb, " ipv6 nhrp map %s %s\n", inet_fmt6(m->proto, a),
                      inet_addr_fmt(&m->nbma, b));
    }
    if (n->has_network_id)
        sb_printf(sb, " ipv6 nhrp network-id %u\n", n->network_id);
    if (n->holdtime)
        sb_printf(sb, " ipv6 nhrp holdtime %u\n", n->holdtime);
    for (i = 0; i < n->nnhs; i++) {
        const struct cfg_nhrp6_nhs *s = &n->nhs[i];
        if (s->dynamic)
            sb_puts(sb, " ipv6 nhrp nhs dynamic");
        else
            sb_printf(sb, " ipv6 nhrp nhs %s", inet_fmt6(s->addr, a));
        if (s->has_nbma)
            sb_printf(sb, " nbma %s", s->nbma_fqdn ? s->nbma_fqdn : inet_addr_fmt(&s->nbma, a));
        if (s->multicast)
            sb_puts(sb, " multicast");
        if (s->priority > 0)
            sb_printf(sb, " priority %d", s->priority);
        if (s->cluster > 0)
            sb_printf(sb, " cluster %d", s->cluster);
        sb_putc(sb, '\n');
    }
    if (n->nhs_fallback >= 0)
        sb_printf(sb, " ipv6 nhrp nhs fallback %d\n", n->nhs_fallback);
    if (n->reg_no_unique)
        sb_puts(sb, " ipv6 nhrp registration no-unique\n");
    if (n->reg_timeout)
        sb_printf(sb, " ipv6 nhrp registration timeout %u\n", n->reg_timeout);
    if (n->shortcut)
        sb_puts(sb, " ipv6 nhrp shortcut\n");
    if (n->redirect) {
        if (n->redirect_timeout >= 0)
            sb_printf(sb, " ipv6 nhrp redirect timeout %d\n", n->redirect_timeout);
        else
            sb_puts(sb, " ipv6 nhrp redirect\n");
    }
}

static bool
streq(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

static bool
nhs_eq(const struct cfg_nhrp6_nhs *p, const struct cfg_nhrp6_nhs *q)
{
    return p->dynamic == q->dynamic && !memcmp(p->addr, q->addr, 16) &&
           p->has_nbma == q->has_nbma && inet_addr_eq(&p->nbma, &q->nbma) &&
           streq(p->nbma_fqdn, q->nbma_fqdn) && p->multicast == q->multicast &&
           p->priority == q->priority && p->cluster == q->cluster;
}

static bool
map_eq(const struct cfg_nhrp6_map *p, const struct cfg_nhrp6_map *q)
{
    return p->multicast == q->multicast && p->dynamic == q->dynamic && p->has_len == q->has_len &&
           p->len == q->len && !memcmp(p->proto, q->proto, 16) && inet_addr_eq(&p->nbma, &q->nbma);
}

unsigned
nhrp6_diff_flags(const struct cfg_nhrp6 *x, const struct cfg_nhrp6 *y)
{
    unsigned f = 0;
    size_t i;

    if (x->enabled != y->enabled || !streq(x->auth, y->auth) ||
        x->has_network_id != y->has_network_id || x->network_id != y->network_id ||
        x->holdtime != y->holdtime || x->nhs_fallback != y->nhs_fallback ||
        x->reg_timeout != y->reg_timeout || x->reg_no_unique != y->reg_no_unique ||
        x->redirect != y->redirect || x->redirect_timeout != y->redirect_timeout ||
        x->shortcut != y->shortcut)
        f |= CHGF_IF_NHRP6;
    if (x->nmaps != y->nmaps)
        f |= CHGF_IF_NHRP6_MAPS;
    for (i = 0; !(f & CHGF_IF_NHRP6_MAPS) && i < x->nmaps; i++)
        if (!map_eq(&x->maps[i], &y->maps[i]))
            f |= CHGF_IF_NHRP6_MAPS;
    if (x->nnhs != y->nnhs)
        f |= CHGF_IF_NHRP6_NHS;
    for (i = 0; !(f & CHGF_IF_NHRP6_NHS) && i < x->nnhs; i++)
        if (!nhs_eq(&x->nhs[i], &y->nhs[i]))
            f |= CHGF_IF_NHRP6_NHS;
    return f;
}

void
nhrp6_validate(const struct cfg_iface *ifp, struct cfg_findings *f)
{
    const struct cfg_nhrp6 *n = &ifp->nhrp6;
    char a[INET6_ADDRSTRLEN_], b[INET6_ADDRSTRLEN_], c[INET6_ADDRSTRLEN_];
    size_t i, j;

    if (!n->enabled)
        return;
    /* IOS leaves IPv6 NHRP off on a tunnel until it has a network-id */
    if (!n->has_network_id) {
        if (n->nnhs)
            cfg_findings_add(f, ifp->name,
                             "ipv6 nhrp nhs without ipv6 nhrp network-id: "
                             "IPv6 NHRP stays disabled");
        else
            cfg_findings_add(f, ifp->name, "IPv6 NHRP stays disabled without ipv6 nhrp network-id");
    }
    for (i = 0; i < n->nnhs; i++) {
        struct inet_addr nb;
        if (n->nhs[i].dynamic || n->nhs[i].nbma_fqdn || cfg_nhrp6_nhs_nbma(n, &n->nhs[i], &nb))
            continue;
        inet_fmt6(n->nhs[i].addr, a);
        cfg_findings_add(f, ifp->name,
                         "IPv6 NHS %s has no NBMA address (add ipv6 nhrp map %s/128 <nbma> or "
                         "nbma)",
                         a, a);
    }
    /* the NBMA family must be the underlay's: IPv6 under gre multipoint
     * ipv6, IPv4 otherwise */
    for (i = 0; i < n->nmaps; i++) {
        const struct inet_addr *nb = &n->maps[i].nbma;
        if (nb->af == INET_AF_NONE)
            continue;
        if ((nb->af == INET_AF_V6) != ifp->tun_ipv6)
            cfg_findings_add(f, ifp->name, "ipv6 nhrp map NBMA %s is not an %s address",
                             inet_addr_fmt(nb, a), ifp->tun_ipv6 ? "IPv6" : "IPv4");
    }
    /* two static maps for one tunnel address: the second never wins */
    for (i = 0; i < n->nmaps && n->nmaps < 4096; i++)
        for (j = i + 1; j < n->nmaps; j++) {
            const struct cfg_nhrp6_map *p = &n->maps[i], *q = &n->maps[j];
            if (!p->multicast && !q->multicast && !memcmp(p->proto, q->proto, 16) &&
                !inet_addr_eq(&p->nbma, &q->nbma))
                cfg_findings_add(
                    f, ifp->name, "ipv6 nhrp map %s has two NBMA addresses (%s and %s)",
                    inet_fmt6(p->proto, a), inet_addr_fmt(&p->nbma, b), inet_addr_fmt(&q->nbma, c));
        }
}
