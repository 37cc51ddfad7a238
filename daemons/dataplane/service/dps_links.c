/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The data plane service's links: tunnel interfaces become backend tunnels
 * (created, updated, shut, removed as the config says); the addresses and
 * admin state of the other IOS interfaces go to their Linux links
 * (FastEthernet0/0 -> Fa0-0, every Loopback -> lo).
 */
#include "daemons/dataplane/nl.h"
#include "daemons/dataplane/service/dps_int.h"
#include "parsers/cfg.h"
#include "lib/evloop.h"
#include "lib/inet.h"
#include "lib/log.h"
#include "lib/mem.h"
#include "lib/netns.h"
#include "lib/vrfdev.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool
has_addr(const struct dps_hostaddr *v, size_t n, const struct dps_hostaddr *a)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (!strcmp(v[i].lnx, a->lnx) && !strcmp(v[i].vrf, a->vrf) && v[i].addr == a->addr &&
            v[i].len == a->len)
            return true;
    return false;
}

static struct dps_hostaddr *
want_addr(struct dps_hostaddr *a, const char *vrf, const char *lnx, const struct cfg_addr *x)
{
    snprintf(a->vrf, sizeof(a->vrf), "%s", vrf ? vrf : "");
    snprintf(a->lnx, sizeof(a->lnx), "%s", lnx);
    a->addr = x->addr;
    a->len = (uint8_t)inet_mask_len(x->mask);
    return a;
}

void
dps_apply_hosts(struct dp_svc *m, const struct cfg *c)
{
    struct dps_hostaddr *want = mem_zalloc((c->nifs * 8 + 1) * sizeof(*want));
    size_t nwant = 0, i, k;
    char buf[16];

    for (i = 0; i < c->nifs; i++) {
        const struct cfg_iface *ifp = &c->ifs[i];
        char lnx[DP_IFNAMSIZ];
        struct dpnl *nl;
        int idx;
        if (cfg_iface_is_tunnel(ifp) || !ifname_linux(ifp->name, lnx, sizeof(lnx)))
            continue;
        /* in its VRF's namespace (moved there first if it is elsewhere) */
        if ((nl = dps_vrf_place(m, lnx, ifp->vrf, &idx)) == NULL)
            continue; /* no such link on this box: nothing to configure */
        if (strcmp(lnx, "lo") != 0)
            dpnl_link_set(nl, idx, 0, ifp->shutdown ? 0 : 1);
        if (ifp->shutdown)
            continue;
        if (ifp->has_addr)
            want_addr(&want[nwant++], ifp->vrf, lnx, &ifp->addr);
        for (k = 0; k < ifp->nsecondary && k < 7; k++)
            want_addr(&want[nwant++], ifp->vrf, lnx, &ifp->secondary[k]);
    }
    for (i = 0; i < m->naddrs; i++) { /* addresses the config no longer has */
        struct dpnl *nl = dps_vrf_nl(m, m->addrs[i].vrf);
        int idx;
        if (has_addr(want, nwant, &m->addrs[i]) || !nl ||
            dpnl_link_index(nl, m->addrs[i].lnx, &idx))
            continue; /* a link that left the namespace left its addresses */
        dpnl_addr(nl, false, idx, m->addrs[i].addr, m->addrs[i].len);
    }
    for (i = 0; i < nwant; i++) {
        struct dpnl *nl = dps_vrf_nl(m, want[i].vrf);
        int idx;
        if (!nl || dpnl_link_index(nl, want[i].lnx, &idx))
            continue;
        /* a link that came back from another namespace lost its addresses:
         * what we think is there is put there again (REPLACE: no error) */
        if (dpnl_addr(nl, true, idx, want[i].addr, want[i].len) < 0 && errno != EEXIST)
            log_warn("dataplane: %s: address %s/%u: %s", want[i].lnx, inet_fmt4(want[i].addr, buf),
                     want[i].len, dpnl_error(nl));
    }
    free(m->addrs);
    m->addrs = want;
    m->naddrs = nwant;
}

static bool
tunnel_cfg(const struct cfg *c, const struct cfg_iface *ifp, struct dp_tunnel_cfg *t)
{
    memset(t, 0, sizeof(*t));
    if (ifp->tun_mode == TUN_MODE_OTHER || strlen(ifp->name) >= DP_IFNAMSIZ)
        return false;
    snprintf(t->ifname, sizeof(t->ifname), "%s", ifp->name);
    if (ifp->has_addr) {
        t->addr = ifp->addr.addr;
        t->mask = ifp->addr.mask;
    }
    if (ifp->tun_src_if) {
        const struct cfg_iface *src = cfg_find_iface(c, ifp->tun_src_if);
        if (!src || !src->has_addr)
            return false; /* IOS: the tunnel stays down */
        t->src = src->addr.addr;
    } else if (ifp->has_tun_src_ip) {
        t->src = ifp->tun_src_ip;
    } else {
        return false;
    }
    if (ifp->tun_mode == TUN_MODE_GRE_IP) {
        if (!ifp->has_tun_dst)
            return false;
        t->dst = ifp->tun_dst;
    }
    if (vrf_backend() == VRF_BACKEND_DEVICE) {
        if (ifp->tun_vrf && !vrfdev_name(ifp->tun_vrf, t->fvrf_dev, sizeof(t->fvrf_dev)))
            return false;
        if (ifp->vrf && !vrfdev_name(ifp->vrf, t->ivrf_dev, sizeof(t->ivrf_dev)))
            return false;
    } else {
        if (ifp->tun_vrf && !netns_vrf_name(ifp->tun_vrf, t->fvrf_ns, sizeof(t->fvrf_ns)))
            return false;
        if (ifp->vrf && !netns_vrf_name(ifp->vrf, t->ivrf_ns, sizeof(t->ivrf_ns)))
            return false;
    }
    t->has_key = ifp->has_tun_key;
    t->key = ifp->tun_key;
    t->mtu = (uint16_t)ifp->ip_mtu;
    t->tcp_mss = (uint16_t)ifp->tcp_mss;
    return true;
}

void
dps_apply_tunnels(struct dp_svc *m, const struct cfg *c)
{
    bool keep[DPS_MAX_TUN] = {false};
    bool ipsec = false;
    size_t i;
    int k;

    /* without a charon nothing would ever bring an SA up: protection is
     * then not enforced (the IPsec service logs it) */
    host_call(m->h, SVC_CALL_IPSEC_ENABLED, NULL, &ipsec);
    /* a tunnel that changes VRF is a new device in the other namespace */
    for (k = m->ntun - 1; k >= 0; k--) {
        const struct cfg_iface *ifp = cfg_find_iface(c, m->tun[k].ifname);
        const char *want = ifp && ifp->vrf ? ifp->vrf : "";
        if (!ifp || !strcmp(want, m->tun[k].vrf))
            continue;
        m->dp->ops->tunnel_destroy(m->dp, m->tun[k].id);
        log_notice("dataplane: %s moves from VRF \"%s\" to \"%s\"", m->tun[k].ifname, m->tun[k].vrf,
                   want);
        m->tun[k] = m->tun[--m->ntun];
    }

    for (i = 0; i < c->nifs; i++) {
        const struct cfg_iface *ifp = &c->ifs[i];
        struct dp_tunnel_cfg t;
        if (!cfg_iface_is_tunnel(ifp))
            continue;
        for (k = 0; k < m->ntun && strcmp(m->tun[k].ifname, ifp->name); k++)
            ;
        if ((ifp->tun_vrf && !dps_vrf_get(m, ifp->tun_vrf)) ||
            (ifp->vrf && !dps_vrf_get(m, ifp->vrf)))
            continue; /* logged; the tunnel cannot reach its underlay or its VRF */
        if (!tunnel_cfg(c, ifp, &t)) {
            if (k == m->ntun)
                log_warn("dataplane: %s stays down (no usable tunnel source or mode)", ifp->name);
            continue; /* an existing one is destroyed below */
        }
        if (k < m->ntun) {
            keep[k] = true;
            if (memcmp(&t, &m->tun[k].cfg, sizeof(t)) &&
                m->dp->ops->tunnel_update(m->dp, m->tun[k].id, &t) < 0)
                log_err("dataplane: %s: %s", ifp->name, dp_last_error(m->dp));
            m->tun[k].cfg = t;
        } else {
            int id = m->dp->ops->tunnel_create(m->dp, &t);
            if (id < 0 || m->ntun == DPS_MAX_TUN) {
                log_err("dataplane: %s: %s", ifp->name, dp_last_error(m->dp));
                continue;
            }
            k = m->ntun++;
            memset(&m->tun[k], 0, sizeof(m->tun[k]));
            snprintf(m->tun[k].ifname, sizeof(m->tun[k].ifname), "%s", ifp->name);
            snprintf(m->tun[k].vrf, sizeof(m->tun[k].vrf), "%s", ifp->vrf ? ifp->vrf : "");
            m->tun[k].id = id;
            m->tun[k].cfg = t;
            keep[k] = true;
            log_notice("dataplane: %s created (%s)", ifp->name, m->dp->ops->name);
        }
        ipsec = false;
        host_call(m->h, SVC_CALL_IPSEC_ENABLED, &(struct svc_peer){.ifname = ifp->name}, &ipsec);
        m->tun[k].gated = ipsec && ifp->tun_protection != NULL;
        if (m->tun[k].up == ifp->shutdown) {
            m->dp->ops->link_set(m->dp, m->tun[k].id, !ifp->shutdown);
            m->tun[k].up = !ifp->shutdown;
        }
    }
    for (k = m->ntun - 1; k >= 0; k--) {
        if (keep[k])
            continue;
        m->dp->ops->tunnel_destroy(m->dp, m->tun[k].id);
        log_notice("dataplane: %s removed", m->tun[k].ifname);
        m->tun[k] = m->tun[--m->ntun];
    }
}

/*
 * Zebra 8.4 reads addresses on its data-plane thread and links on its main
 * thread: an address the kernel reports right after the link it is on can
 * be read before zebra knows the link, and is then dropped for good (seen
 * in zebra's debug log: RTM_NEWADDR for ifindex 3 handled before RTM_NEWLINK
 * ADD Tunnel0(3)). The interface is then up without an address in FRR, and
 * OSPF, BGP listen ranges and connected routes over it do not work. With
 * FRR present every address is announced again a little later (the same
 * address replaced: the kernel reports it again, nothing changes), by when
 * zebra has the link.
 */
void
dps_links_reannounce(void *arg)
{
    struct dp_svc *m = arg;
    const struct cfg *c = host_running(m->h);

    for (size_t i = 0; c && i < c->nifs; i++) {
        const struct cfg_iface *ifp = &c->ifs[i];
        char lnx[DP_IFNAMSIZ];
        int idx;
        /* FRR runs in the global table: a VRF's links are not its business */
        if (ifp->shutdown || !ifp->has_addr || ifp->vrf ||
            !ifname_linux(ifp->name, lnx, sizeof(lnx)) || dpnl_link_index(m->nl, lnx, &idx) < 0)
            continue;
        dpnl_addr(m->nl, true, idx, ifp->addr.addr, (uint8_t)inet_mask_len(ifp->addr.mask));
        for (size_t k = 0; k < ifp->nsecondary; k++)
            dpnl_addr(m->nl, true, idx, ifp->secondary[k].addr,
                      (uint8_t)inet_mask_len(ifp->secondary[k].mask));
    }
    if (++m->reannounced < 2)
        ev_timer_after(m->reannounce_timer, DPS_REANNOUNCE_LATER_MS);
}
