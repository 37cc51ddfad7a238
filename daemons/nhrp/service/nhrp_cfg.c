/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Adapter from the parsed IOS model (parsers/cfg.h) to the engine's
 * per-tunnel configuration slice, applying IOS defaults where the config
 * left something out: NHRP runs only with `ip nhrp network-id`, holdtime
 * 7200 s, IP MTU 1476 (1472 with a tunnel key), NHS priority and cluster
 * 0, redirect timeout 2 s, max-send 10000 every 10 s.
 */
#include "daemons/nhrp/service/nhrp_cfg.h"
#include "lib/inet.h"
#include "lib/inet6.h"
#include "lib/log.h"
#include "parsers/cfg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What both instances of a tunnel take from the tunnel itself. */
static void
tunnel_slice_init(const struct cfg_iface *ifp, uint32_t tun, struct nhrp_if_config *out)
{
    nhrp_if_config_init(out);
    out->tun = tun;
    snprintf(out->ifname, sizeof(out->ifname), "%s", ifp->name);
    out->up = !ifp->shutdown;
    out->has_key = ifp->has_tun_key;
    out->key = ifp->tun_key;
    out->protection = ifp->tun_protection != NULL;
    if (ifp->tun_protection)
        snprintf(out->profile, sizeof(out->profile), "%s", ifp->tun_protection);
}

bool
nhrp_config_from_cfg(const struct cfg *c, const struct cfg_iface *ifp, uint32_t tun,
                     struct nhrp_if_config *out)
{
    const struct cfg_nhrp *n = &ifp->nhrp;
    struct nhrp_map_config *maps = NULL;
    uint32_t *mcast = NULL;
    size_t i, nmaps = 0, nmcast = 0;

    if (!cfg_iface_is_tunnel(ifp))
        return false;
    tunnel_slice_init(ifp, tun, out);
    out->enabled = n->enabled && n->has_network_id;
    out->network_id = n->network_id;
    if (ifp->has_addr) {
        out->addr = ifp->addr.addr;
        out->mask = ifp->addr.mask;
    }
    if (ifp->has_tun_src_ip) {
        out->nbma = ifp->tun_src_ip;
    } else if (ifp->tun_src_if) {
        const struct cfg_iface *src = cfg_find_iface(c, ifp->tun_src_if);
        if (src && src->has_addr)
            out->nbma = src->addr.addr;
    }
    if (ifp->tun_mode == TUN_MODE_GRE_IP && ifp->has_tun_dst)
        out->p2p_dst = ifp->tun_dst;
    if (ifp->ip_mtu)
        out->mtu = (uint16_t)(ifp->ip_mtu > 65535 ? 65535 : ifp->ip_mtu);
    else
        out->mtu = ifp->has_tun_key ? 1472 : 1476;
    if (n->auth)
        snprintf(out->auth, sizeof(out->auth), "%.*s", NHRP_AUTH_KEY_BYTES, n->auth);
    out->holdtime = cfg_nhrp_holdtime(n);
    out->reg_timeout = n->reg_timeout;
    out->reg_no_unique = n->reg_no_unique;
    for (i = 0; i < n->nnhs && out->nnhs < NHRP_MAX_NHS; i++) {
        const struct cfg_nhrp_nhs *s = &n->nhs[i];
        struct nhrp_nhs_config *d = &out->nhs[out->nnhs++];
        uint32_t nbma = 0;

        d->dynamic = s->dynamic;
        d->addr = s->dynamic ? 0 : s->addr;
        if (cfg_nhs_nbma(ifp, s, &nbma))
            d->nbma = nbma;
        d->priority = (uint8_t)(s->priority < 0 ? 0 : s->priority);
        d->cluster = (uint8_t)(s->cluster < 0 ? 0 : s->cluster);
        d->multicast = s->multicast;
    }
    out->nhs_fallback = (uint16_t)(n->nhs_fallback < 0 ? 0 : n->nhs_fallback);
    if (n->nmaps) {
        maps = calloc(n->nmaps, sizeof(*maps));
        mcast = calloc(n->nmaps, sizeof(*mcast));
        if (!maps || !mcast)
            fatal("out of memory");
    }
    for (i = 0; i < n->nmaps; i++) {
        const struct cfg_nhrp_map *m = &n->maps[i];
        if (m->multicast && m->dynamic) {
            out->mcast_dynamic = true;
        } else if (m->multicast) {
            mcast[nmcast++] = m->nbma;
        } else {
            int len = m->proto_mask ? inet_mask_len(m->proto_mask) : 32;
            maps[nmaps].proto = m->proto;
            maps[nmaps].plen = (uint8_t)(len < 0 ? 32 : len);
            maps[nmaps].nbma = m->nbma;
            nmaps++;
        }
    }
    out->maps = maps;
    out->nmaps = nmaps;
    out->mcast = mcast;
    out->nmcast = nmcast;
    out->redirect = n->redirect;
    if (n->redirect_timeout >= 0)
        out->redirect_timeout = (uint16_t)n->redirect_timeout;
    out->shortcut = n->shortcut;
    if (n->max_send_pkts > 0 && n->max_send_every > 0) {
        out->max_send_pkts = (uint32_t)n->max_send_pkts;
        out->max_send_secs = (uint32_t)n->max_send_every;
    }
    return true;
}

/* The tunnel's own NBMA address: `tunnel source` as an address (either
 * family) or the first address of the interface it names. */
static struct inet_addr
tunnel_nbma(const struct cfg *c, const struct cfg_iface *ifp)
{
    struct inet_addr a = {0};

    if (ifp->has_tun_src_ip6) {
        a = inet_addr_v6(ifp->tun_src_ip6);
    } else if (ifp->has_tun_src_ip) {
        a = inet_addr_v4(ifp->tun_src_ip);
    } else if (ifp->tun_src_if) {
        const struct cfg_iface *src = cfg_find_iface(c, ifp->tun_src_if);
        size_t i;
        if (src && ifp->tun_ipv6) {
            for (i = 0; i < src->v6.naddrs; i++)
                if (src->v6.addrs[i].kind == ADDR6_PLAIN) {
                    a = inet_addr_v6(src->v6.addrs[i].addr);
                    break;
                }
        } else if (src && src->has_addr) {
            a = inet_addr_v4(src->addr.addr);
        }
    }
    return a;
}

bool
nhrp_config6_from_cfg(const struct cfg *c, const struct cfg_iface *ifp, uint32_t tun,
                      struct nhrp_if_config *out)
{
    const struct cfg_nhrp6 *n = &ifp->nhrp6;
    struct nhrp_map_config_af *maps = NULL;
    struct inet_addr *mcast = NULL;
    size_t i, nmaps = 0, nmcast = 0;

    if (!cfg_iface_is_tunnel(ifp) || !n->enabled || !n->has_network_id)
        return false;
    tunnel_slice_init(ifp, tun, out);
    out->af = INET_AF_V6;
    out->enabled = true;
    out->network_id = n->network_id;
    /* the instance's own address: the first global one typed (an eui-64
     * one is only known once the link has a MAC) */
    for (i = 0; i < ifp->v6.naddrs; i++)
        if (ifp->v6.addrs[i].kind == ADDR6_PLAIN) {
            out->addr_af = inet_addr_v6(ifp->v6.addrs[i].addr);
            out->plen_af = ifp->v6.addrs[i].len;
            break;
        }
    out->nbma_af = tunnel_nbma(c, ifp);
    if (ifp->v6.mtu)
        out->mtu = (uint16_t)(ifp->v6.mtu > 65535 ? 65535 : ifp->v6.mtu);
    else
        out->mtu = ifp->has_tun_key ? 1472 : 1476;
    if (n->auth)
        snprintf(out->auth, sizeof(out->auth), "%.*s", NHRP_AUTH_KEY_BYTES, n->auth);
    out->holdtime = cfg_nhrp6_holdtime(n);
    out->reg_timeout = n->reg_timeout;
    out->reg_no_unique = n->reg_no_unique;
    for (i = 0; i < n->nnhs && out->nnhs_af < NHRP_MAX_NHS; i++) {
        const struct cfg_nhrp6_nhs *s = &n->nhs[i];
        struct nhrp_nhs_config_af *d = &out->nhs_af[out->nnhs_af++];
        struct inet_addr nbma;

        d->dynamic = s->dynamic;
        if (!s->dynamic)
            d->addr = inet_addr_v6(s->addr);
        if (cfg_nhrp6_nhs_nbma(n, s, &nbma))
            d->nbma = nbma;
        d->priority = (uint8_t)(s->priority < 0 ? 0 : s->priority);
        d->cluster = (uint8_t)(s->cluster < 0 ? 0 : s->cluster);
        d->multicast = s->multicast;
    }
    out->nhs_fallback = (uint16_t)(n->nhs_fallback < 0 ? 0 : n->nhs_fallback);
    if (n->nmaps) {
        maps = calloc(n->nmaps, sizeof(*maps));
        mcast = calloc(n->nmaps, sizeof(*mcast));
        if (!maps || !mcast)
            fatal("out of memory");
    }
    for (i = 0; i < n->nmaps; i++) {
        const struct cfg_nhrp6_map *m = &n->maps[i];
        if (m->multicast && m->dynamic) {
            out->mcast_dynamic = true;
        } else if (m->multicast) {
            mcast[nmcast++] = m->nbma;
        } else {
            maps[nmaps].proto = inet_addr_v6(m->proto);
            maps[nmaps].plen = m->has_len ? m->len : 128;
            maps[nmaps].nbma = m->nbma;
            nmaps++;
        }
    }
    out->maps_af = maps;
    out->nmaps_af = nmaps;
    out->mcast_af = mcast;
    out->nmcast_af = nmcast;
    out->redirect = n->redirect;
    if (n->redirect_timeout >= 0)
        out->redirect_timeout = (uint16_t)n->redirect_timeout;
    out->shortcut = n->shortcut;
    return true;
}

void
nhrp_if_config_free(struct nhrp_if_config *c)
{
    free((void *)c->maps);
    free((void *)c->mcast);
    free((void *)c->maps_af);
    free((void *)c->mcast_af);
    c->maps = NULL;
    c->mcast = NULL;
    c->maps_af = NULL;
    c->mcast_af = NULL;
    c->nmaps = c->nmcast = c->nmaps_af = c->nmcast_af = 0;
}
