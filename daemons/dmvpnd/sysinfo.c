/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Records the daemon core answers itself: REC_SYSTEM (show version, show
 * logging header), REC_LOG (the log buffer), and, while no module answers
 * them, REC_IFACE, REC_ROUTE and REC_TUNNEL as the running config defines them:
 * interfaces with their addresses, shutdown state and tunnel settings (zero
 * counters), and the connected, local and static routes IOS would install.
 * The data plane's module replaces these with the live state; control.c asks
 * the modules first and comes here only when none has the kind.
 */
#include "daemons/dmvpnd/dmvpnd.h"
#include "daemons/dmvpnd/host.h"
#include "daemons/dmvpnd/sysinfo.h"
#include "parsers/cfg.h"
#include "parsers/vrf.h"
#include "lib/inet.h"
#include "lib/log.h"
#include "lib/netns.h"
#include "lib/vrfdev.h"
#include "lib/rec.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/sysinfo.h>
#include <sys/utsname.h>
#include <unistd.h>

static uint8_t
kind_of(const char *name)
{
    if (!strncasecmp(name, "Tunnel", 6))
        return REC_IFK_TUNNEL;
    if (!strncasecmp(name, "Loopback", 8))
        return REC_IFK_LOOPBACK;
    if (strstr(name, "Ethernet"))
        return REC_IFK_ETHERNET;
    return REC_IFK_OTHER;
}

/* IOS defaults per interface type: MTU, BW (kbit/s), DLY (usec). */
static void
defaults(const struct cfg_iface *i, struct rec_iface *r)
{
    switch (r->kind) {
    case REC_IFK_TUNNEL:
        r->mtu = 17916 - (i->has_tun_key ? 4 : 0);
        r->bw_kbit = 100;
        r->delay_usec = 50000;
        snprintf(r->hw, sizeof(r->hw), "Tunnel");
        break;
    case REC_IFK_LOOPBACK:
        r->mtu = 1514;
        r->bw_kbit = 8000000;
        r->delay_usec = 5000;
        snprintf(r->hw, sizeof(r->hw), "Loopback");
        break;
    default:
        r->mtu = 1500;
        r->bw_kbit = !strncasecmp(i->name, "GigabitEthernet", 15) ? 1000000
                     : !strncasecmp(i->name, "FastEthernet", 12)  ? 100000
                                                                  : 10000;
        r->delay_usec = !strncasecmp(i->name, "GigabitEthernet", 15) ? 10
                        : !strncasecmp(i->name, "FastEthernet", 12)  ? 100
                                                                     : 1000;
        snprintf(r->hw, sizeof(r->hw), "%s", r->kind == REC_IFK_ETHERNET ? "Ethernet" : "Virtual");
        break;
    }
    if (i->bandwidth)
        r->bw_kbit = i->bandwidth;
    if (i->delay)
        r->delay_usec = i->delay * 10;
}

static void
fill_iface(const struct sysinfo_state *st, const struct cfg *c, const struct cfg_iface *i,
           struct rec_iface *r)
{
    memset(r, 0, sizeof(*r));
    snprintf(r->ifname, sizeof(r->ifname), "%s", i->name);
    if (i->description)
        snprintf(r->description, sizeof(r->description), "%s", i->description);
    r->kind = kind_of(i->name);
    r->admin_up = !i->shutdown;
    r->line_up = r->admin_up;
    if (i->has_addr) {
        r->addr = i->addr.addr;
        r->mask = i->addr.mask;
    }
    r->method = sysinfo_is_manual(st, i->name)    ? REC_IFM_MANUAL
                : i->has_addr || i->no_ip_address ? REC_IFM_NVRAM
                                                  : REC_IFM_UNSET;
    defaults(i, r);
    if (r->kind != REC_IFK_TUNNEL)
        return;
    r->tun_mode = i->tun_mode == TUN_MODE_GRE_MULTIPOINT ? REC_TUNMODE_MGRE
                  : i->tun_mode == TUN_MODE_GRE_IP       ? REC_TUNMODE_GRE_IP
                                                         : REC_TUNMODE_OTHER;
    r->has_key = i->has_tun_key;
    r->key = i->tun_key;
    r->tun_dst = i->has_tun_dst ? i->tun_dst : 0;
    if (i->has_tun_src_ip) {
        r->tun_src = i->tun_src_ip;
    } else if (i->tun_src_if) {
        const struct cfg_iface *s = cfg_find_iface(c, i->tun_src_if);
        snprintf(r->tun_src_if, sizeof(r->tun_src_if), "%s", i->tun_src_if);
        r->tun_src = s && s->has_addr ? s->addr.addr : 0;
    }
    if (i->tun_protection) {
        r->protected_ = 1;
        snprintf(r->profile, sizeof(r->profile), "%s", i->tun_protection);
    }
    /* IOS keeps a tunnel's line protocol down until it has a source (and a
     * destination, point-to-point) */
    r->line_up = r->admin_up && r->tun_src && (r->tun_mode != REC_TUNMODE_GRE_IP || r->tun_dst);
}

static const struct cfg *sort_cfg;

/* IOS lists physical interfaces first, then the virtual ones (Loopback,
 * Tunnel ...), each group in natural name order (Ethernet0/2 < Ethernet0/10). */
static int
show_cmp(const void *pa, const void *pb)
{
    const char *a = sort_cfg->ifs[*(const size_t *)pa].name;
    const char *b = sort_cfg->ifs[*(const size_t *)pb].name;
    int va = kind_of(a) == REC_IFK_LOOPBACK || kind_of(a) == REC_IFK_TUNNEL;
    int vb = kind_of(b) == REC_IFK_LOOPBACK || kind_of(b) == REC_IFK_TUNNEL;

    return va != vb ? va - vb : strverscmp(a, b);
}

static size_t *
show_order(const struct cfg *c)
{
    size_t *o = calloc(c->nifs + 1, sizeof(*o)), i;

    if (!o)
        fatal("out of memory");
    for (i = 0; i < c->nifs; i++)
        o[i] = i;
    sort_cfg = c;
    qsort(o, c->nifs, sizeof(*o), show_cmp);
    return o;
}

static long
ifaces(const struct sysinfo_state *st, const struct cfg *c, const char *filter, struct strbuf *out)
{
    size_t *order = show_order(c), k;
    long n = 0;

    for (k = 0; k < c->nifs; k++) {
        struct rec_iface r;
        const struct cfg_iface *i = &c->ifs[order[k]];
        if (filter && *filter && strcasecmp(filter, i->name) != 0)
            continue;
        fill_iface(st, c, i, &r);
        sb_append(out, &r, sizeof(r));
        n++;
    }
    free(order);
    return n;
}

/* NHRP tunnels as the config defines them (show dmvpn's headers, "TunnelN
 * is admin down"), until the NHRP module answers with its live view. */
/* The VRFs of the config and the interfaces in each, in IOS's order (by
 * name; interfaces as configured). */
static long
vrfs(const struct cfg *c, struct strbuf *out)
{
    struct cfg_vrf_info v[64];
    size_t n = c ? cfg_vrfs(c, v, 64) : 0, i, k;

    for (i = 0; i < n; i++) {
        struct rec_vrf r;
        memset(&r, 0, sizeof(r));
        snprintf(r.name, sizeof(r.name), "%.32s", v[i].name);
        snprintf(r.rd, sizeof(r.rd), "%.31s", v[i].rd);
        if (vrf_backend() == VRF_BACKEND_DEVICE) {
            if (!vrfdev_name(v[i].name, r.dev, sizeof(r.dev)))
                r.dev[0] = '\0';
        } else if (!netns_vrf_name(v[i].name, r.netns, sizeof(r.netns))) {
            r.netns[0] = '\0';
        }
        r.ipv4 = v[i].ipv4;
        r.ipv6 = v[i].ipv6;
        for (k = 0; k < c->nifs && r.nifs < REC_VRF_MAX_IFS; k++) {
            const struct cfg_iface *ifp = &c->ifs[k];
            if (!ifp->vrf || strcmp(ifp->vrf, v[i].name))
                continue;
            snprintf(r.ifs[r.nifs].name, sizeof(r.ifs[0].name), "%s", ifp->name);
            r.ifs[r.nifs].addr = ifp->has_addr ? ifp->addr.addr : 0;
            r.ifs[r.nifs].up = !ifp->shutdown;
            r.nifs++;
        }
        sb_append(out, &r, sizeof(r));
    }
    return (long)n;
}

static long
tunnels(const struct sysinfo_state *st, const struct cfg *c, struct strbuf *out)
{
    size_t *order = show_order(c), k;
    long n = 0;

    for (k = 0; k < c->nifs; k++) {
        const struct cfg_iface *i = &c->ifs[order[k]];
        struct rec_iface ri;
        struct rec_tunnel t;
        bool nhs = i->nhrp.nnhs > 0, dyn = false;
        size_t m;
        if (kind_of(i->name) != REC_IFK_TUNNEL || !i->nhrp.enabled)
            continue;
        for (m = 0; m < i->nhrp.nmaps; m++)
            dyn = dyn || i->nhrp.maps[m].dynamic;
        fill_iface(st, c, i, &ri);
        memset(&t, 0, sizeof(t));
        snprintf(t.ifname, sizeof(t.ifname), "%s", i->name);
        t.admin_up = ri.admin_up;
        t.line_up = ri.line_up;
        t.type = nhs && dyn ? REC_TUN_HUB_SPOKE : nhs ? REC_TUN_SPOKE : REC_TUN_HUB;
        t.multipoint = ri.tun_mode == REC_TUNMODE_MGRE;
        t.addr = ri.addr;
        t.mask = ri.mask;
        t.src = ri.tun_src;
        t.dst = ri.tun_dst;
        t.key = ri.key;
        t.has_key = ri.has_key;
        t.protected_ = ri.protected_;
        memcpy(t.profile, ri.profile, sizeof(t.profile));
        snprintf(t.vrf, sizeof(t.vrf), "%s", i->vrf ? i->vrf : "");
        snprintf(t.tun_vrf, sizeof(t.tun_vrf), "%s", i->tun_vrf ? i->tun_vrf : "");
        t.mtu = i->ip_mtu ? i->ip_mtu : 1476 - (ri.has_key ? 4 : 0);
        t.holdtime = cfg_nhrp_holdtime(&i->nhrp);
        t.network_id = i->nhrp.network_id;
        sb_append(out, &t, sizeof(t));
        n++;
    }
    free(order);
    return n;
}

static void
add_route(struct strbuf *out, long *n, uint32_t prefix, uint8_t len, char code, uint32_t nh,
          uint32_t dist, const char *ifname)
{
    struct rec_route r;

    memset(&r, 0, sizeof(r));
    r.prefix = prefix;
    r.len = len;
    r.code = code;
    r.nexthop = nh;
    r.distance = dist;
    if (ifname)
        snprintf(r.ifname, sizeof(r.ifname), "%s", ifname);
    sb_append(out, &r, sizeof(r));
    (*n)++;
}

/* Connected (C) and local (L) routes of every up interface with an
 * address; static routes (S) whose next hop is on a connected subnet or
 * whose exit interface is up. */
static long
routes(const struct sysinfo_state *st, const struct cfg *c, struct strbuf *out)
{
    long n = 0;
    size_t i, j;

    for (i = 0; i < c->nifs; i++) {
        const struct cfg_iface *f = &c->ifs[i];
        struct rec_iface r;
        fill_iface(st, c, f, &r);
        if (!f->has_addr || !r.line_up)
            continue;
        add_route(out, &n, f->addr.addr & f->addr.mask, (uint8_t)inet_mask_len(f->addr.mask), 'C',
                  0, 0, f->name);
        if (f->addr.mask != 0xffffffffu)
            add_route(out, &n, f->addr.addr, 32, 'L', 0, 0, f->name);
    }
    for (i = 0; i < c->nroutes; i++) {
        const struct cfg_route *rt = &c->routes[i];
        const char *via_if = rt->ifname;
        bool ok = false;
        for (j = 0; j < c->nifs && !ok; j++) {
            const struct cfg_iface *f = &c->ifs[j];
            struct rec_iface r;
            fill_iface(st, c, f, &r);
            if (!r.line_up)
                continue;
            if (rt->ifname && !strcmp(rt->ifname, f->name))
                ok = true;
            else if (!rt->ifname && f->has_addr && rt->has_nh &&
                     (rt->nh & f->addr.mask) == (f->addr.addr & f->addr.mask))
                ok = true;
        }
        if (ok)
            add_route(out, &n, rt->prefix, (uint8_t)inet_mask_len(rt->mask), 'S',
                      rt->has_nh ? rt->nh : 0, rt->distance ? rt->distance : 1,
                      rt->has_nh ? NULL : via_if);
    }
    return n;
}

static long
system_rec(struct dmvpnd *d, struct strbuf *out)
{
    const struct cfg *c = d->running;
    struct rec_system r;
    struct utsname u;
    struct sysinfo si;
    size_t i;

    memset(&r, 0, sizeof(r));
    snprintf(r.hostname, sizeof(r.hostname), "%s", c->hostname ? c->hostname : "Router");
    snprintf(r.version, sizeof(r.version), "%s", DMVPN_VERSION);
    snprintf(r.dataplane, sizeof(r.dataplane), "none"); /* the data plane service fills it */
    if (uname(&u) == 0) {
        snprintf(r.kernel, sizeof(r.kernel), "%.20s %.40s", u.sysname, u.release);
        snprintf(r.machine, sizeof(r.machine), "%.15s", u.machine);
    }
    if (readlink("/proc/self/exe", r.image, sizeof(r.image) - 1) < 0)
        snprintf(r.image, sizeof(r.image), "dmvpnd");
    snprintf(r.config, sizeof(r.config), "%s", d->config_path ? d->config_path : "");
    for (i = 0; i < c->global_opaque.n; i++) /* `version 15.4`: kept verbatim */
        if (!strncmp(c->global_opaque.v[i].text, "version ", 8))
            snprintf(r.ios_version, sizeof(r.ios_version), "%.15s", c->global_opaque.v[i].text + 8);
    r.boot_wall_ms = d->boot_wall_ms;
    if (sysinfo(&si) == 0)
        r.mem_kb = (uint64_t)si.totalram * si.mem_unit / 1024;
    for (i = 0; i < c->nifs; i++) {
        switch (kind_of(c->ifs[i].name)) {
        case REC_IFK_TUNNEL:
            r.n_tunnel++;
            break;
        case REC_IFK_LOOPBACK:
            r.n_loopback++;
            break;
        case REC_IFK_ETHERNET:
            r.n_ether++;
            break;
        default:
            r.n_other++;
        }
    }
    r.log_logged = d->logbuf.seq;
    r.log_rate_limited = d->logbuf.dropped;
    r.log_buffer_bytes = LOGBUF_BYTES;
    r.log_trap_lines = d->logbuf.trap;
    r.log_console = d->logbuf.trap;
    r.log_monitor = d->logbuf.monitor;
    r.debug_level = 7;
    sb_append(out, &r, sizeof(r));
    return 1;
}

long
sysinfo_snapshot(struct dmvpnd *d, uint32_t kind, const char *filter, struct strbuf *out)
{
    size_t at = out->len;
    long n;

    switch (kind) {
    case REC_SYSTEM:
        n = system_rec(d, out);
        /* the services complete what only they know (the data plane's
         * backend, interface counters) */
        host_fill(d->host, kind, out->buf + at, (size_t)n, sizeof(struct rec_system));
        return n;
    case REC_LOG:
        return logbuf_records(&d->logbuf, out);
    case REC_IFACE:
        n = ifaces(&d->sysinfo, d->running, filter, out);
        host_fill(d->host, kind, out->buf + at, (size_t)n, sizeof(struct rec_iface));
        return n;
    case REC_ROUTE:
        return routes(&d->sysinfo, d->running, out);
    case REC_TUNNEL:
        return tunnels(&d->sysinfo, d->running, out);
    case REC_VRF:
        return vrfs(d->running, out);
    default:
        return -1;
    }
}

bool
sysinfo_is_manual(const struct sysinfo_state *st, const char *ifname)
{
    int i;

    for (i = 0; i < st->nmanual; i++)
        if (!strcmp(st->manual[i], ifname))
            return true;
    return false;
}

void
sysinfo_mark_manual(struct sysinfo_state *st, const char *ifname)
{
    if (sysinfo_is_manual(st, ifname) || st->nmanual == SYSINFO_MAX_MANUAL)
        return;
    snprintf(st->manual[st->nmanual++], sizeof(st->manual[0]), "%s", ifname);
}
