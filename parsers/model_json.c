/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * JSON view of the model. Secrets are never included: user entries carry
 * the name and privilege only.
 */
#include "parsers/model_json.h"
#include "lib/inet.h"
#include "lib/inet6.h"
#include "lib/json.h"

#include <stdio.h>

static void
addr(struct json *j, const char *key, uint32_t a)
{
    char b[16];

    json_str(j, key, inet_fmt4(a, b));
}

/* IPv6 NHRP beside IPv4's: "nhrp6", "nhrp6_network_id", "nhs6". */
static void
nhrp6(struct json *j, const struct cfg_nhrp6 *n)
{
    char a[INET6_ADDRSTRLEN_];
    size_t i;

    json_bool(j, "nhrp6", n->enabled);
    if (n->has_network_id)
        json_uint(j, "nhrp6_network_id", n->network_id);
    json_arr_begin(j, "nhs6");
    for (i = 0; i < n->nnhs; i++) {
        struct inet_addr nbma;
        json_obj_begin(j, NULL);
        json_str(j, "address", n->nhs[i].dynamic ? NULL : inet_fmt6(n->nhs[i].addr, a));
        if (cfg_nhrp6_nhs_nbma(n, &n->nhs[i], &nbma))
            json_str(j, "nbma", inet_addr_fmt(&nbma, a));
        json_obj_end(j);
    }
    json_arr_end(j);
}

static void
iface(struct json *j, const struct cfg_iface *ifp)
{
    char lnx[32];
    size_t i;

    json_obj_begin(j, NULL);
    json_str(j, "name", ifp->name);
    json_str(j, "linux", ifname_linux(ifp->name, lnx, sizeof(lnx)) ? lnx : NULL);
    json_str(j, "description", ifp->description);
    if (ifp->has_addr) {
        addr(j, "address", ifp->addr.addr);
        addr(j, "mask", ifp->addr.mask);
        json_int(j, "prefix_len", inet_mask_len(ifp->addr.mask));
    }
    json_arr_begin(j, "secondary");
    for (i = 0; i < ifp->nsecondary; i++) {
        char a[16], m[16], buf[40];
        snprintf(buf, sizeof(buf), "%s/%s", inet_fmt4(ifp->secondary[i].addr, a),
                 inet_fmt4(ifp->secondary[i].mask, m));
        json_str(j, NULL, buf);
    }
    json_arr_end(j);
    /* IPv6 as printed: "X/LEN", "X link-local", "P/LEN eui-64" */
    json_arr_begin(j, "ipv6");
    for (i = 0; i < ifp->v6.naddrs; i++) {
        const struct cfg_addr6 *a6 = &ifp->v6.addrs[i];
        char t[INET6_ADDRSTRLEN_], buf[72];
        if (a6->kind == ADDR6_LINKLOCAL)
            snprintf(buf, sizeof(buf), "%s link-local", inet_fmt6(a6->addr, t));
        else
            snprintf(buf, sizeof(buf), "%s/%u%s", inet_fmt6(a6->addr, t), a6->len,
                     a6->kind == ADDR6_EUI64 ? " eui-64" : "");
        json_str(j, NULL, buf);
    }
    json_arr_end(j);
    json_bool(j, "ipv6_enable", ifp->v6.enable || ifp->v6.naddrs);
    json_bool(j, "shutdown", ifp->shutdown);
    json_str(j, "vrf", ifp->vrf);
    json_bool(j, "tunnel", cfg_iface_is_tunnel(ifp));
    if (cfg_iface_is_tunnel(ifp)) {
        json_str(j, "tunnel_vrf", ifp->tun_vrf);
        json_str(j, "tunnel_source_if", ifp->tun_src_if);
        if (ifp->has_tun_src_ip)
            addr(j, "tunnel_source_ip", ifp->tun_src_ip);
        if (ifp->has_tun_src_ip6) {
            char a6[INET6_ADDRSTRLEN_];
            json_str(j, "tunnel_source_ip", inet_fmt6(ifp->tun_src_ip6, a6));
        }
        if (ifp->has_tun_dst)
            addr(j, "tunnel_destination", ifp->tun_dst);
        json_str(j, "tunnel_mode",
                 ifp->tun_mode == TUN_MODE_GRE_MULTIPOINT
                     ? (ifp->tun_ipv6 ? "gre multipoint ipv6" : "gre multipoint")
                 : ifp->tun_mode == TUN_MODE_GRE_IP ? "gre ip"
                                                    : ifp->tun_mode_text);
        if (ifp->has_tun_key)
            json_uint(j, "tunnel_key", ifp->tun_key);
        json_str(j, "tunnel_protection", ifp->tun_protection);
        json_bool(j, "nhrp", ifp->nhrp.enabled);
        if (ifp->nhrp.has_network_id)
            json_uint(j, "nhrp_network_id", ifp->nhrp.network_id);
        json_arr_begin(j, "nhs");
        for (i = 0; i < ifp->nhrp.nnhs; i++) {
            uint32_t nbma;
            json_obj_begin(j, NULL);
            if (!ifp->nhrp.nhs[i].dynamic)
                addr(j, "address", ifp->nhrp.nhs[i].addr);
            if (cfg_nhs_nbma(ifp, &ifp->nhrp.nhs[i], &nbma))
                addr(j, "nbma", nbma);
            json_obj_end(j);
        }
        json_arr_end(j);
        nhrp6(j, &ifp->nhrp6);
    }
    json_obj_end(j);
}

void
cfg_json(struct strbuf *sb, const struct cfg *c)
{
    struct json j;
    size_t i;
    bool telnet = false, ssh = false;

    json_init(&j, sb);
    json_obj_begin(&j, NULL);
    json_str(&j, "hostname", c->hostname ? c->hostname : "Router");
    json_arr_begin(&j, "interfaces");
    for (i = 0; i < c->nifs; i++)
        iface(&j, &c->ifs[i]);
    json_arr_end(&j);
    json_arr_begin(&j, "routes");
    for (i = 0; i < c->nroutes; i++) {
        json_obj_begin(&j, NULL);
        json_str(&j, "vrf", c->routes[i].vrf);
        addr(&j, "prefix", c->routes[i].prefix);
        json_int(&j, "len", inet_mask_len(c->routes[i].mask));
        if (c->routes[i].has_nh)
            addr(&j, "nexthop", c->routes[i].nh);
        json_str(&j, "interface", c->routes[i].ifname);
        json_obj_end(&j);
    }
    json_arr_end(&j);
    json_bool(&j, "ipv6_unicast_routing", c->ipv6_unicast_routing);
    json_arr_begin(&j, "ipv6_routes");
    for (i = 0; i < c->nroutes6; i++) {
        char t[INET6_ADDRSTRLEN_];
        json_obj_begin(&j, NULL);
        json_str(&j, "vrf", c->routes6[i].vrf);
        json_str(&j, "prefix", inet_fmt6(c->routes6[i].prefix, t));
        json_int(&j, "len", c->routes6[i].len);
        if (c->routes6[i].has_nh)
            json_str(&j, "nexthop", inet_fmt6(c->routes6[i].nh, t));
        json_str(&j, "interface", c->routes6[i].ifname);
        json_obj_end(&j);
    }
    json_arr_end(&j);
    json_arr_begin(&j, "users");
    for (i = 0; i < c->nusers; i++) {
        json_obj_begin(&j, NULL);
        json_str(&j, "name", c->users[i].name);
        json_int(&j, "privilege", c->users[i].privilege < 0 ? 1 : c->users[i].privilege);
        json_obj_end(&j);
    }
    json_arr_end(&j);
    for (i = 0; i < c->nlines; i++) {
        const struct cfg_line *l = &c->lines[i];
        if (l->kind != LINE_VTY)
            continue;
        /* IOS 15's default for vty lines is telnet and ssh */
        if (!l->has_transport || (l->transport & (TRANSPORT_ALL | TRANSPORT_TELNET)))
            telnet = true;
        if (!l->has_transport || (l->transport & (TRANSPORT_ALL | TRANSPORT_SSH)))
            ssh = true;
    }
    json_bool(&j, "vty_telnet", telnet);
    json_bool(&j, "vty_ssh", ssh);
    json_bool(&j, "snmp", c->ncomms > 0);
    json_bool(&j, "ipsec", c->nprofs > 0);
    json_bool(&j, "routing", c->nrouters > 0);
    json_obj_end(&j);
    sb_putc(sb, '\n');
}
