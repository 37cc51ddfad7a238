/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Pure cross-reference validation (see validate.h). Messages name the IOS
 * object and say what is missing in the words of the config line that would
 * fix it.
 */
#include "parsers/validate.h"
#include "parsers/nhrp6.h"
#include "parsers/vrf.h"
#include "parsers/ikev2.h"
#include "parsers/isakmp_prof.h"
#include "parsers/keychain.h"
#include "parsers/pki.h"
#include "lib/inet.h"
#include "lib/mem.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void
cfg_findings_add(struct cfg_findings *f, const char *where, const char *fmt, ...)
{
    va_list ap;
    int n;

    f->v = mem_grow(f->v, &f->cap, f->n, sizeof(*f->v));
    f->v[f->n].where = where;
    n = snprintf(f->v[f->n].msg, sizeof(f->v[0].msg), "%s: ", where);
    va_start(ap, fmt);
    vsnprintf(f->v[f->n].msg + n, sizeof(f->v[0].msg) - (size_t)n, fmt, ap);
    va_end(ap);
    f->n++;
}

void
cfg_findings_free(struct cfg_findings *f)
{
    free(f->v);
    f->v = NULL;
    f->n = f->cap = 0;
}

static const struct cfg_iface *
iface_with_addr(const struct cfg *c, uint32_t a)
{
    size_t i, k;

    for (i = 0; i < c->nifs; i++) {
        const struct cfg_iface *ifp = &c->ifs[i];
        if (ifp->has_addr && ifp->addr.addr == a)
            return ifp;
        for (k = 0; k < ifp->nsecondary; k++)
            if (ifp->secondary[k].addr == a)
                return ifp;
    }
    return NULL;
}

static void
check_tunnel(const struct cfg *c, const struct cfg_iface *ifp, struct cfg_findings *f)
{
    const struct cfg_nhrp *n = &ifp->nhrp;
    char a[16], b[16];
    size_t i, j;

    if (ifp->tun_src_if) {
        const struct cfg_iface *src = cfg_find_iface(c, ifp->tun_src_if);
        if (!src)
            cfg_findings_add(f, ifp->name, "tunnel source %s does not exist", ifp->tun_src_if);
        else if (!src->has_addr && !ifp->tun_ipv6) /* IPv6 addresses: not in this model */
            cfg_findings_add(f, ifp->name, "tunnel source %s has no IP address", ifp->tun_src_if);
    } else if (ifp->has_tun_src_ip) {
        if (ifp->tun_ipv6)
            cfg_findings_add(f, ifp->name,
                             "tunnel source %s is an IPv4 address under tunnel mode gre "
                             "multipoint ipv6",
                             inet_fmt4(ifp->tun_src_ip, a));
        else if (!iface_with_addr(c, ifp->tun_src_ip))
            cfg_findings_add(f, ifp->name, "tunnel source %s is not an address of any interface",
                             inet_fmt4(ifp->tun_src_ip, a));
    } else if (ifp->has_tun_src_ip6) {
        if (!ifp->tun_ipv6)
            cfg_findings_add(f, ifp->name,
                             "tunnel source is an IPv6 address (tunnel mode gre multipoint ipv6 "
                             "missing?)");
    } else if (ifp->tun_mode == TUN_MODE_GRE_MULTIPOINT || n->enabled || ifp->nhrp6.enabled) {
        cfg_findings_add(f, ifp->name, "no tunnel source: the tunnel stays down");
    }
    if (ifp->tun_mode == TUN_MODE_GRE_IP && !ifp->has_tun_dst && n->enabled)
        cfg_findings_add(f, ifp->name,
                         "point-to-point GRE without tunnel destination "
                         "(tunnel mode gre multipoint missing?)");
    if (ifp->tun_protection && !cfg_find_profile(c, ifp->tun_protection))
        cfg_findings_add(f, ifp->name, "crypto ipsec profile %s does not exist",
                         ifp->tun_protection);
    nhrp6_validate(ifp, f);
    if (!n->enabled)
        return;
    if (!n->has_network_id)
        cfg_findings_add(f, ifp->name, "NHRP stays disabled without ip nhrp network-id");
    if (!ifp->has_addr)
        cfg_findings_add(f, ifp->name, "NHRP needs an ip address on the tunnel");
    for (i = 0; i < n->nnhs; i++) {
        uint32_t nbma;
        if (n->nhs[i].dynamic || cfg_nhs_nbma(ifp, &n->nhs[i], &nbma))
            continue;
        cfg_findings_add(f, ifp->name,
                         "NHS %s has no NBMA address (add ip nhrp map %s <nbma> or nbma)",
                         inet_fmt4(n->nhs[i].addr, a), inet_fmt4(n->nhs[i].addr, b));
    }
    /* two static maps for one tunnel address: the second never wins */
    for (i = 0; i < n->nmaps && n->nmaps < 4096; i++)
        for (j = i + 1; j < n->nmaps; j++)
            if (!n->maps[i].multicast && !n->maps[j].multicast &&
                n->maps[i].proto == n->maps[j].proto && n->maps[i].nbma != n->maps[j].nbma)
                cfg_findings_add(f, ifp->name, "ip nhrp map %s has two NBMA addresses (%s and %s)",
                                 inet_fmt4(n->maps[i].proto, a), inet_fmt4(n->maps[i].nbma, b),
                                 inet_fmt4(n->maps[j].nbma, a));
}

static void
check_overlaps(const struct cfg *c, struct cfg_findings *f)
{
    size_t i, j;
    char a[16];

    for (i = 0; i < c->nifs; i++)
        for (j = i + 1; j < c->nifs; j++) {
            const struct cfg_iface *x = &c->ifs[i], *y = &c->ifs[j];
            uint32_t m;
            if (!x->has_addr || !y->has_addr || x->shutdown || y->shutdown)
                continue;
            /* two VRFs are two tables: the same subnet in each is fine */
            if ((x->vrf || y->vrf) && (!x->vrf || !y->vrf || strcmp(x->vrf, y->vrf)))
                continue;
            m = x->addr.mask < y->addr.mask ? x->addr.mask : y->addr.mask;
            if ((x->addr.addr & m) == (y->addr.addr & m))
                cfg_findings_add(f, y->name, "%s overlaps with %s",
                                 inet_fmt4(y->addr.addr & y->addr.mask, a), x->name);
        }
}

static size_t
keyring_keys(const struct cfg *c)
{
    size_t i, n = 0;

    for (i = 0; i < c->nkrs; i++)
        n += c->krs[i].nkeys;
    return n;
}

static bool
tunnel_is_ikev2(const struct cfg *c, const struct cfg_iface *ifp)
{
    const struct cfg_ipsec_profile *p = cfg_find_profile(c, ifp->tun_protection);

    return ifp->tun_protection_ikev2_profile || (p && p->ikev2_profile);
}

/* IOS refuses a VRF nobody defined; excerpts of real configs leave the
 * definitions out, so a missing one is a finding here, and the VRF still
 * gets its table. */
static void
vrf_refs(const struct cfg *c, struct cfg_findings *f)
{
    struct cfg_vrf_info v;
    size_t i;

    for (i = 0; i < c->nifs; i++) {
        const struct cfg_iface *ifp = &c->ifs[i];
        if (ifp->vrf && !cfg_vrf_find(c, ifp->vrf, &v))
            cfg_findings_add(f, ifp->name, "VRF %s is not defined (vrf definition %s)", ifp->vrf,
                             ifp->vrf);
        if (ifp->tun_vrf && !cfg_vrf_find(c, ifp->tun_vrf, &v))
            cfg_findings_add(f, ifp->name, "tunnel vrf %s is not defined (vrf definition %s)",
                             ifp->tun_vrf, ifp->tun_vrf);
    }
    for (i = 0; i < c->nroutes; i++)
        if (c->routes[i].vrf && !cfg_vrf_find(c, c->routes[i].vrf, &v))
            cfg_findings_add(f, "ip route", "VRF %s is not defined", c->routes[i].vrf);
}

void
cfg_validate(const struct cfg *c, struct cfg_findings *f)
{
    size_t i, j;
    bool psk_needed = false;

    memset(f, 0, sizeof(*f));
    for (i = 0; i < c->nifs; i++) {
        if (cfg_iface_is_tunnel(&c->ifs[i]))
            check_tunnel(c, &c->ifs[i], f);
        /* an IKEv2 tunnel authenticates through its ikev2 profile's
         * keyring, not crypto isakmp keys */
        if (c->ifs[i].tun_protection && !tunnel_is_ikev2(c, &c->ifs[i]))
            psk_needed = true;
    }
    check_overlaps(c, f);
    ikev2_validate(c, f);
    keychain_validate(c, f);
    isaprof_validate(c, f);
    pki_validate(c, f);
    for (i = 0; i < c->nprofs; i++) {
        const struct cfg_ipsec_profile *p = &c->profs[i];
        for (j = 0; j < p->ntsets; j++)
            if (!cfg_find_tset(c, p->tsets[j]))
                cfg_findings_add(f, "crypto ipsec profile", "%s: transform-set %s does not exist",
                                 p->name, p->tsets[j]);
    }
    if (psk_needed) {
        bool psk_policy = false;
        for (i = 0; i < c->npols; i++)
            if (c->pols[i].auth == AUTH_PRE_SHARE)
                psk_policy = true;
        if (!psk_policy)
            cfg_findings_add(f, "crypto isakmp",
                             "tunnel protection needs a crypto isakmp policy with "
                             "authentication pre-share");
        else if (c->nkeys == 0 && !keyring_keys(c))
            cfg_findings_add(f, "crypto isakmp",
                             "authentication pre-share without any crypto isakmp key");
    }
    for (i = 0; i < c->nroutes; i++) {
        const struct cfg_route *r = &c->routes[i];
        if (r->ifname && !cfg_find_iface(c, r->ifname))
            cfg_findings_add(f, "ip route", "exit interface %s does not exist", r->ifname);
    }
    vrf_refs(c, f);
}
