/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Read-only queries over a frozen config, shared by validate, print, the
 * daemon and the renderers: lookups by name, defaults IOS applies, and the
 * order IOS lists interfaces in.
 */
#include "parsers/cfg.h"
#include "lib/log.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const struct cfg_iface *
cfg_find_iface(const struct cfg *c, const char *name)
{
    size_t i;

    for (i = 0; i < c->nifs; i++)
        if (strcmp(c->ifs[i].name, name) == 0)
            return &c->ifs[i];
    return NULL;
}

const struct cfg_iface *
cfg_iface_of_link(const struct cfg *c, const char *lnx, uint32_t addr)
{
    char l[64];
    bool lo = strcmp(lnx, "lo") == 0;

    for (size_t i = 0; i < c->nifs; i++) {
        const struct cfg_iface *f = &c->ifs[i];
        if (!ifname_linux(f->name, l, sizeof(l)) || strcmp(l, lnx))
            continue;
        if (!lo || !addr || (f->has_addr && (addr & f->addr.mask) == (f->addr.addr & f->addr.mask)))
            return f;
    }
    return NULL;
}

const struct cfg_tset *
cfg_find_tset(const struct cfg *c, const char *name)
{
    size_t i;

    for (i = 0; i < c->ntsets; i++)
        if (strcmp(c->tsets[i].name, name) == 0)
            return &c->tsets[i];
    return NULL;
}

const struct cfg_ipsec_profile *
cfg_find_profile(const struct cfg *c, const char *name)
{
    size_t i;

    for (i = 0; i < c->nprofs; i++)
        if (strcmp(c->profs[i].name, name) == 0)
            return &c->profs[i];
    return NULL;
}

bool
cfg_nhs_nbma(const struct cfg_iface *ifp, const struct cfg_nhrp_nhs *nhs, uint32_t *nbma)
{
    size_t i;

    if (nhs->has_nbma && !nhs->nbma_fqdn) {
        *nbma = nhs->nbma;
        return true;
    }
    for (i = 0; i < ifp->nhrp.nmaps; i++) {
        const struct cfg_nhrp_map *m = &ifp->nhrp.maps[i];
        if (!m->multicast && !m->proto_mask && m->proto == nhs->addr) {
            *nbma = m->nbma;
            return true;
        }
    }
    /* phase 1 spoke: a point-to-point tunnel's destination is the hub */
    if (ifp->tun_mode == TUN_MODE_GRE_IP && ifp->has_tun_dst) {
        *nbma = ifp->tun_dst;
        return true;
    }
    return false;
}

uint32_t
cfg_nhrp_holdtime(const struct cfg_nhrp *n)
{
    return n->holdtime ? n->holdtime : 7200; /* RFC 2332 / IOS default */
}

bool
cfg_iface_is_tunnel(const struct cfg_iface *ifp)
{
    return strncmp(ifp->name, "Tunnel", 6) == 0;
}

/* IOS lists loopbacks, then port-channels, tunnels and templates, then the
 * physical interfaces by slot/port whatever their type, sub-interfaces right
 * after their parent. */
static int
type_rank(const char *n)
{
    static const char *const virt[] = {"Loopback", "Port-channel", "Tunnel", "Virtual-Template"};
    static const char *const late[] = {"Vlan",           "Dialer", "BVI",     "NVI",
                                       "Virtual-Access", "Null",   "Cellular"};
    size_t i;

    for (i = 0; i < sizeof(virt) / sizeof(virt[0]); i++)
        if (!strncmp(n, virt[i], strlen(virt[i])) && isdigit((unsigned char)n[strlen(virt[i])]))
            return (int)i;
    for (i = 0; i < sizeof(late) / sizeof(late[0]); i++)
        if (!strncmp(n, late[i], strlen(late[i])) && isdigit((unsigned char)n[strlen(late[i])]))
            return 10 + (int)i;
    return 5;
}

static const char *
unit_of(const char *n)
{
    while (*n && !isdigit((unsigned char)*n))
        n++;
    return n;
}

/* Compares "0/1.30" and "0/1.100" numerically, field by field. */
static int
unit_cmp(const char *a, const char *b)
{
    while (*a || *b) {
        unsigned long x, y;
        char *ea, *eb;
        if (!*a)
            return -1;
        if (!*b)
            return 1;
        if (*a != *b && !(isdigit((unsigned char)*a) && isdigit((unsigned char)*b)))
            return (*a == '.') ? 1 : (*b == '.') ? -1 : *a - *b;
        if (!isdigit((unsigned char)*a)) {
            a++;
            b++;
            continue;
        }
        x = strtoul(a, &ea, 10);
        y = strtoul(b, &eb, 10);
        if (x != y)
            return x < y ? -1 : 1;
        a = ea;
        b = eb;
    }
    return 0;
}

static const struct cfg *sort_cfg;

/* Sort key: the unit without its sub-interface, then the type name, then the
 * sub-interface number, so Gi1.15 follows Gi1 and precedes Serial1/0. */
static int
iface_cmp(const void *pa, const void *pb)
{
    const char *a = sort_cfg->ifs[*(const size_t *)pa].name;
    const char *b = sort_cfg->ifs[*(const size_t *)pb].name;
    int ra = type_rank(a), rb = type_rank(b), u;
    char ua[48], ub[48];
    const char *da, *db;
    size_t ta = (size_t)(unit_of(a) - a), tb = (size_t)(unit_of(b) - b);

    if (ra != rb)
        return ra - rb;
    snprintf(ua, sizeof(ua), "%s", unit_of(a));
    snprintf(ub, sizeof(ub), "%s", unit_of(b));
    da = strchr(ua, '.');
    db = strchr(ub, '.');
    if (da)
        *(char *)da++ = '\0';
    if (db)
        *(char *)db++ = '\0';
    u = unit_cmp(ua, ub);
    if (u)
        return u;
    u = strncmp(a, b, ta < tb ? ta : tb);
    if (u || ta != tb)
        return u ? u : (int)ta - (int)tb;
    if (!da || !db)
        return da ? 1 : db ? -1 : 0;
    return unit_cmp(da, db);
}

size_t *
cfg_iface_print_order(const struct cfg *c)
{
    size_t *o = malloc((c->nifs + 1) * sizeof(*o)), i;

    if (!o)
        fatal("out of memory");
    for (i = 0; i < c->nifs; i++)
        o[i] = i;
    sort_cfg = c;
    qsort(o, c->nifs, sizeof(*o), iface_cmp);
    return o;
}

/* IOS interface defaults by type (show interfaces: BW, DLY). A tunnel is
 * 100 kbit/s and 50000 usec since IOS 12.2(13)T; sub-interfaces inherit
 * their type's values. */
static const struct {
    const char *type;
    uint32_t bw, delay; /* kbit/s, tens of usec */
} if_defaults[] = {
    {"Tunnel", 100, 5000},           {"Loopback", 8000000, 500},
    {"Ethernet", 10000, 100},        {"FastEthernet", 100000, 10},
    {"GigabitEthernet", 1000000, 1}, {"TenGigabitEthernet", 10000000, 1},
    {"Serial", 1544, 2000},
};

static int
if_default(const struct cfg_iface *ifp)
{
    size_t i, L;

    for (i = 0; i < sizeof(if_defaults) / sizeof(if_defaults[0]); i++) {
        L = strlen(if_defaults[i].type);
        if (!strncmp(ifp->name, if_defaults[i].type, L) && isdigit((unsigned char)ifp->name[L]))
            return (int)i;
    }
    return -1;
}

uint32_t
cfg_iface_bw(const struct cfg_iface *ifp)
{
    int d = if_default(ifp);

    if (ifp->bandwidth)
        return ifp->bandwidth;
    return d < 0 ? 100000 : if_defaults[d].bw;
}

uint32_t
cfg_iface_delay(const struct cfg_iface *ifp)
{
    int d = if_default(ifp);

    if (ifp->delay)
        return ifp->delay;
    return d < 0 ? 10 : if_defaults[d].delay;
}

uint32_t
cfg_router_id(const struct cfg *c)
{
    uint32_t lo = 0, any = 0;
    size_t i;

    for (i = 0; i < c->nifs; i++) {
        const struct cfg_iface *ifp = &c->ifs[i];
        if (!ifp->has_addr || ifp->shutdown)
            continue;
        if (!strncmp(ifp->name, "Loopback", 8) && ifp->addr.addr > lo)
            lo = ifp->addr.addr;
        if (ifp->addr.addr > any)
            any = ifp->addr.addr;
    }
    return lo ? lo : any;
}
