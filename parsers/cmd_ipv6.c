/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * IPv6 addressing and static routing: interface `ipv6 address` (plain,
 * eui-64, link-local), `ipv6 enable`, `ipv6 mtu`, and the global
 * `ipv6 unicast-routing` and `ipv6 route`. The matcher takes the address
 * text (a prefix X/LEN with <ipv6pfx>); what IOS refuses of a well-formed
 * address is refused here, with lib/inet6.h. The
 * `ipv6 nhrp ...` lines belong to the NHRP table, and the other IPv6
 * lines stay verbatim (cmd_opaque*.c).
 */
#include "parsers/cfg_build.h"
#include "parsers/opaque.h"
#include "parsers/slots.h"
#include "parsers/vrf.h"
#include "lib/inet6.h"

#include <stdio.h>
#include <string.h>

static bool
word6(const struct cmd_match *m, const char *name, uint8_t a[16], uint8_t *len, bool with_len)
{
    const struct cmd_val *v = cmd_get(m, name);
    char buf[64];

    if (!v || v->len >= sizeof(buf))
        return false;
    memcpy(buf, v->str, v->len);
    buf[v->len] = '\0';
    if (with_len)
        return inet_parse6_prefix(buf, a, len);
    *len = 128;
    return inet_parse6(buf, a);
}

static bool
addr6_eq(const struct cfg_addr6 *x, const struct cfg_addr6 *y)
{
    return x->kind == y->kind && x->len == y->len && !memcmp(x->addr, y->addr, 16);
}

static void
addr6_remove(struct cfg_if6 *v, size_t i)
{
    memmove(&v->addrs[i], &v->addrs[i + 1], (v->naddrs - i - 1) * sizeof(v->addrs[0]));
    v->naddrs--;
    memset(&v->addrs[v->naddrs], 0, sizeof(v->addrs[0])); /* memcmp in diff */
}

/* RFC 4291 section 2.5: what an interface may carry as a unicast address. */
static const char *
check_addr6(struct cfg_build *b, const struct cfg_addr6 *a)
{
    char t[INET6_ADDRSTRLEN_];

    inet_fmt6(a->addr, t);
    if (inet6_is_multicast(a->addr) || inet6_is_zero(a->addr))
        return cb_msg(b, "%% %s is not a valid unicast address", t);
    if (a->addr[0] == 0 && !memcmp(a->addr, "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\1", 16))
        return cb_msg(b, "%% %s is the loopback address", t);
    if (a->kind == ADDR6_LINKLOCAL && !inet6_is_linklocal(a->addr))
        return cb_msg(b, "%% %s is not a link-local address (FE80::/10)", t);
    if (a->kind != ADDR6_LINKLOCAL && inet6_is_linklocal(a->addr))
        return cb_msg(b, "%% %s/%u: a link-local address takes the link-local keyword", t, a->len);
    if (a->kind == ADDR6_EUI64 && a->len > 64)
        return cb_msg(b, "%% %s/%u: eui-64 needs a prefix of 64 bits or less", t, a->len);
    if (a->kind == ADDR6_PLAIN && a->len == 0)
        return cb_msg(b, "%% %s/0 is not an interface prefix", t);
    return NULL;
}

static int
h_ipv6_address(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg_if6 *v = &cb_cur_if(b)->v6;
    struct cfg_addr6 a = {{0}, 0, ADDR6_PLAIN};
    size_t i;

    if (!cmd_has(m, "addr") && !cmd_has(m, "ll")) { /* `no ipv6 address`: all go */
        if (m->op == OP_SET) {
            *err = "% Incomplete command.";
            return H_ERR;
        }
        memset(v->addrs, 0, sizeof(v->addrs));
        v->naddrs = 0;
        return H_OK;
    }
    if (cmd_has(m, "link-local"))
        a.kind = ADDR6_LINKLOCAL;
    else if (cmd_has(m, "eui-64"))
        a.kind = ADDR6_EUI64;
    if (!word6(m, a.kind == ADDR6_LINKLOCAL ? "ll" : "addr", a.addr, &a.len,
               a.kind != ADDR6_LINKLOCAL)) {
        *err = a.kind == ADDR6_LINKLOCAL ? "% Invalid IPv6 address (X:X:X:X::X)"
                                         : "% Invalid IPv6 prefix (X:X:X:X::X/<0-128>)";
        return H_ERR;
    }
    if (a.kind == ADDR6_EUI64)
        inet6_mask(a.addr, a.len);
    for (i = 0; i < v->naddrs && !addr6_eq(&v->addrs[i], &a); i++)
        ;
    if (m->op != OP_SET) {
        if (i == v->naddrs) {
            *err = "Error: Address not found";
            return H_WARN;
        }
        addr6_remove(v, i);
        return H_OK;
    }
    if ((*err = check_addr6(b, &a)) != NULL)
        return H_ERR;
    if (i < v->naddrs)
        return H_OK;                 /* already there */
    if (a.kind == ADDR6_LINKLOCAL) { /* one link-local per interface: the new one replaces */
        for (i = 0; i < v->naddrs; i++)
            if (v->addrs[i].kind == ADDR6_LINKLOCAL)
                addr6_remove(v, i--);
    }
    if (v->naddrs == CFG_IF6_MAX_ADDRS) {
        *err = cb_msg(b, "%% At most %d IPv6 addresses per interface are supported",
                      CFG_IF6_MAX_ADDRS);
        return H_ERR;
    }
    v->addrs[v->naddrs++] = a;
    return H_OK;
}

static int
h_ipv6_enable(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    cb_cur_if(b)->v6.enable = m->op == OP_SET;
    return H_OK;
}

static int
h_ipv6_mtu(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    cb_cur_if(b)->v6.mtu = m->op == OP_SET ? (uint32_t)cmd_num(m, "v", 0) : 0;
    return H_OK;
}

/* The line stays verbatim where IOS prints it; the flag is for the data
 * plane (IPv6 forwarding on the box). */
static int
h_ipv6_unicast_routing(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    b->c->ipv6_unicast_routing = m->op == OP_SET;
    return opaque_h_line(b, m, err);
}

static bool
route6_same(const struct cfg_route6 *x, const struct cfg_route6 *y)
{
    return x->len == y->len && !memcmp(x->prefix, y->prefix, 16) && x->has_nh == y->has_nh &&
           (!x->has_nh || !memcmp(x->nh, y->nh, 16)) &&
           ((!x->vrf && !y->vrf) || (x->vrf && y->vrf && !strcmp(x->vrf, y->vrf))) &&
           ((!x->ifname && !y->ifname) ||
            (x->ifname && y->ifname && !strcmp(x->ifname, y->ifname)));
}

static int
h_ipv6_route(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg *c = b->c;
    struct cfg_route6 r = {0};
    const struct cmd_val *ifv = cmd_get(m, "ifname"), *vrfv = cmd_get(m, "vrf");
    char vrf[CFG_VRF_NAME_MAX + 1], ifn[64];
    uint8_t l;
    size_t i, j, removed = 0;

    if (vrfv) {
        if (vrfv->len > CFG_VRF_NAME_MAX) {
            *err = "% VRF name too long";
            return H_ERR;
        }
        snprintf(vrf, sizeof(vrf), "%.*s", (int)vrfv->len, vrfv->str);
        r.vrf = vrf;
    }
    if (!word6(m, "prefix", r.prefix, &r.len, true)) {
        *err = "% Invalid IPv6 prefix (X:X:X:X::X/<0-128>)";
        return H_ERR;
    }
    inet6_mask(r.prefix, r.len); /* IOS keeps the prefix, not the host bits */
    if (ifv) {
        snprintf(ifn, sizeof(ifn), "%.*s", (int)ifv->len, ifv->str);
        r.ifname = ifn;
    }
    if (cmd_has(m, "nh")) {
        r.has_nh = true;
        if (!word6(m, "nh", r.nh, &l, false)) {
            *err = "% Invalid IPv6 address (X:X:X:X::X)";
            return H_ERR;
        }
        if (inet6_is_multicast(r.nh) || inet6_is_zero(r.nh)) {
            *err = "% Invalid next hop address";
            return H_ERR;
        }
        if (inet6_is_linklocal(r.nh) && !r.ifname) {
            *err = "% Interface has to be specified for a link-local nexthop";
            return H_ERR;
        }
    }
    if (m->op != OP_SET) {
        for (i = j = 0; i < c->nroutes6; i++) {
            const struct cfg_route6 *x = &c->routes6[i];
            bool hit = (r.has_nh || r.ifname)
                           ? route6_same(x, &r)
                           : x->len == r.len && !memcmp(x->prefix, r.prefix, 16) &&
                                 (!x->vrf == !r.vrf) && (!x->vrf || !strcmp(x->vrf, r.vrf));
            if (hit) {
                removed++;
                continue;
            }
            c->routes6[j++] = *x;
        }
        c->nroutes6 = j;
        if (!removed) {
            *err = "%No matching route to delete";
            return H_WARN;
        }
        return H_OK;
    }
    if (!r.has_nh && !r.ifname) {
        *err = "% Incomplete command.";
        return H_ERR;
    }
    r.distance = (uint32_t)cmd_num(m, "distance", 0);
    r.has_tag = cmd_has(m, "tag");
    r.tag = (uint32_t)cmd_num(m, "tagv", 0);
    for (i = 0; i < c->nroutes6 && !route6_same(&c->routes6[i], &r); i++)
        ;
    r.vrf = vrfv ? cb_strdup(b, vrfv->str, vrfv->len) : NULL;
    r.ifname = ifv ? cb_strdup(b, ifv->str, ifv->len) : NULL;
    r.name = cmd_str(b, m, "rname");
    if (i < c->nroutes6) { /* IOS replaces distance, tag and name of the same route */
        c->routes6[i] = r;
        return H_OK;
    }
    *CB_PUSH(b, c->routes6, c->nroutes6, c->caproutes6) = r;
    return H_OK;
}

#define NP (CMDF_NO | CMDF_NO_PREFIX | CMDF_DEFAULT)
#define ROUTE6_TAIL                                                                                \
    "<ipv6pfx:prefix> {<ipv6:nh> | <if:ifname> [<ipv6:nh>]} [<num:1-254:distance>] "               \
    "[tag <num:1-4294967295:tagv>] [name <word:rname>]"
#define NOTE_ROUTE6 "kernel IPv6 route, protocol static (210), metric = distance"

const struct cmd_def cmd_tbl_ipv6[] = {
    {MODE_IF, "ipv6 address {<ipv6pfx:addr> [eui-64] | <ipv6:ll> link-local}", CLS_TRANSLATED,
     "IPv6 address on the Linux link of the same IOS name (eui-64 from its MAC)", h_ipv6_address,
     MODE_EXEC, NP,
     .help = CMD_HELP({"ipv6", "IPv6 interface subcommands"},
                      {"address", "Configure IPv6 address on interface"},
                      {"<ll>", "IPv6 link-local address"}, {"link-local", "Use link-local address"},
                      {"eui-64", "Use eui-64 interface identifier"})},
    {MODE_IF, "ipv6 enable", CLS_TRANSLATED, "IPv6 on the Linux link with its link-local address",
     h_ipv6_enable, MODE_EXEC, NP, .help = CMD_HELP({"enable", "Enable IPv6 on interface"})},
    {MODE_IF, "ipv6 mtu <num:1280-17916:v>", CLS_TRANSLATED, "net.ipv6.conf.IF.mtu", h_ipv6_mtu,
     MODE_EXEC, NP, .help = CMD_HELP({"mtu", "Set IPv6 Maximum Transmission Unit"})},
    {MODE_GLOBAL, "ipv6 unicast-routing [<line:rest>]", CLS_TRANSLATED,
     "net.ipv6.conf.all.forwarding = 1", h_ipv6_unicast_routing, MODE_EXEC, CMDF_NO | CMDF_DEFAULT,
     SG_EARLY,
     .help = CMD_HELP({"ipv6", "Global IPv6 configuration commands"},
                      {"unicast-routing", "Enable unicast routing"})},
    {MODE_GLOBAL, "ipv6 route " ROUTE6_TAIL, CLS_TRANSLATED, NOTE_ROUTE6, h_ipv6_route, MODE_EXEC,
     CMDF_NO | CMDF_NO_PREFIX | CMDF_NO_NEEDS_ARG,
     .help =
         CMD_HELP({"route", "Configure static routes"}, {"<nh>", "IPv6 address of the next hop"},
                  {"tag", "Tag value"}, {"name", "Specify name of the next hop"})},
    {MODE_GLOBAL, "ipv6 route vrf <word:vrf> " ROUTE6_TAIL, CLS_TRANSLATED,
     NOTE_ROUTE6 ", in the VRF's network namespace", h_ipv6_route, MODE_EXEC,
     CMDF_NO | CMDF_NO_PREFIX | CMDF_NO_NEEDS_ARG,
     .help = CMD_HELP({"vrf", "Configure static route for a VPN Routing/Forwarding instance"},
                      {"<vrf>", "VPN Routing/Forwarding instance name"}, {"tag", "Tag value"},
                      {"name", "Specify name of the next hop"})},
};

const size_t cmd_tbl_ipv6_len = TABLE_LEN(cmd_tbl_ipv6);
