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
#include "lib/log.h"
#include "parsers/cfg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
    nhrp_if_config_init(out);
    out->tun = tun;
    snprintf(out->ifname, sizeof(out->ifname), "%s", ifp->name);
    out->enabled = n->enabled && n->has_network_id;
    out->up = !ifp->shutdown;
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
    out->has_key = ifp->has_tun_key;
    out->key = ifp->tun_key;
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
    out->protection = ifp->tun_protection != NULL;
    if (ifp->tun_protection)
        snprintf(out->profile, sizeof(out->profile), "%s", ifp->tun_protection);
    if (n->max_send_pkts > 0 && n->max_send_every > 0) {
        out->max_send_pkts = (uint32_t)n->max_send_pkts;
        out->max_send_secs = (uint32_t)n->max_send_every;
    }
    return true;
}

void
nhrp_if_config_free(struct nhrp_if_config *c)
{
    free((void *)c->maps);
    free((void *)c->mcast);
    c->maps = NULL;
    c->mcast = NULL;
    c->nmaps = c->nmcast = 0;
}
