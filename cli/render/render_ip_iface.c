/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * show ip interface [X]. The lines that depend on what the records carry:
 * state, address and mask, how the address was set, the IP MTU (a tunnel's
 * is its transport MTU, as IOS prints 1476 for GRE), and ICMP redirects,
 * which IOS turns off on a multipoint NHRP tunnel (parsers/print.c prints
 * the same `no ip redirects`). The other lines state IOS's defaults for
 * features this router does not have or never turns on (access lists,
 * proxy ARP, WCCP, NAT, policy routing) and read as IOS's do.
 */
#include "cli/render/render_ip_iface.h"
#include "cli/render/render_system.h"
#include "lib/inet.h"
#include "lib/json.h"

#include <string.h>

static const char *
method_name(uint8_t m)
{
    switch (m) {
    case REC_IFM_NVRAM:
        return "non-volatile memory";
    case REC_IFM_MANUAL:
        return "setup command";
    case REC_IFM_DHCP:
        return "DHCP";
    case REC_IFM_TFTP:
        return "TFTP";
    default:
        return "unset";
    }
}

static unsigned
prefix_len(uint32_t mask)
{
    unsigned n = 0;

    while (mask & 0x80000000u) {
        n++;
        mask <<= 1;
    }
    return n;
}

static const char *
status(const struct rec_iface *r)
{
    return r->deleted ? "deleted" : r->admin_up ? "up" : "administratively down";
}

static uint32_t
ip_mtu(const struct rec_iface *r)
{
    return r->kind == REC_IFK_TUNNEL ? render_tunnel_transport_mtu(r) : r->mtu;
}

/* The default lines, in IOS 15 / IOS-XE order, up to the redirects one. */
static const char *const middle[] = {
    "  Helper address is not set",
    "  Directed broadcast forwarding is disabled",
    "  Outgoing Common access list is not set",
    "  Outgoing access list is not set",
    "  Inbound Common access list is not set",
    "  Inbound  access list is not set",
    "  Proxy ARP is enabled",
    "  Local Proxy ARP is disabled",
    "  Security level is default",
    "  Split horizon is enabled",
};

static const char *const tail[] = {
    "  ICMP unreachables are always sent",
    "  ICMP mask replies are never sent",
    "  IP fast switching is enabled",
    "  IP Flow switching is disabled",
    "  IP CEF switching is enabled",
    "  IP CEF switching turbo vector",
    "  IP Null turbo vector",
    "  Associated unicast routing topologies:",
    "        Topology \"base\", operation state is UP",
    "  IP multicast fast switching is enabled",
    "  IP multicast distributed fast switching is disabled",
    "  IP route-cache flags are Fast, CEF",
    "  Router Discovery is disabled",
    "  IP output packet accounting is disabled",
    "  IP access violation accounting is disabled",
    "  TCP/IP header compression is disabled",
    "  RTP/IP header compression is disabled",
    "  Probe proxy name replies are disabled",
    "  Policy routing is disabled",
    "  Network address translation is disabled",
    "  BGP Policy Mapping is disabled",
    "  Input features: MCI Check",
    "  IPv4 WCCP Redirect outbound is disabled",
    "  IPv4 WCCP Redirect inbound is disabled",
    "  IPv4 WCCP Redirect exclude is disabled",
};

static void
put_lines(struct strbuf *out, const char *const *l, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        sb_printf(out, "%s\n", l[i]);
}

void
render_ip_interface(struct strbuf *out, const struct rec_iface *ifs, size_t n)
{
    char a[16];
    size_t i;

    for (i = 0; i < n; i++) {
        const struct rec_iface *r = &ifs[i];

        sb_printf(out, "%.*s is %s, line protocol is %s\n", REC_IFNAMSIZ, r->ifname, status(r),
                  r->admin_up && r->line_up && !r->deleted ? "up" : "down");
        if (!r->addr) {
            sb_puts(out, "  Internet protocol processing disabled\n");
            continue;
        }
        sb_printf(out, "  Internet address is %s/%u\n", inet_fmt4(r->addr, a), prefix_len(r->mask));
        sb_puts(out, "  Broadcast address is 255.255.255.255\n");
        sb_printf(out, "  Address determined by %s\n", method_name(r->method));
        sb_printf(out, "  MTU is %u bytes\n", ip_mtu(r));
        put_lines(out, middle, sizeof(middle) / sizeof(middle[0]));
        sb_printf(out, "  ICMP redirects are %s sent\n",
                  r->kind == REC_IFK_TUNNEL && r->tun_mode == REC_TUNMODE_MGRE ? "never"
                                                                               : "always");
        put_lines(out, tail, sizeof(tail) / sizeof(tail[0]));
    }
}

void
render_ip_interface_json(struct strbuf *out, const struct rec_iface *ifs, size_t n)
{
    struct json j;
    char a[16];
    size_t i;

    json_init(&j, out);
    json_obj_begin(&j, NULL);
    json_arr_begin(&j, "interfaces");
    for (i = 0; i < n; i++) {
        const struct rec_iface *r = &ifs[i];

        json_obj_begin(&j, NULL);
        json_strn(&j, "interface", r->ifname, strnlen(r->ifname, REC_IFNAMSIZ));
        json_str(&j, "status", status(r));
        json_str(&j, "protocol", r->admin_up && r->line_up && !r->deleted ? "up" : "down");
        json_str(&j, "address", r->addr ? inet_fmt4(r->addr, a) : NULL);
        if (r->addr) {
            json_uint(&j, "prefix_length", prefix_len(r->mask));
            json_str(&j, "address_method", method_name(r->method));
            json_uint(&j, "mtu", ip_mtu(r));
            json_bool(&j, "icmp_redirects",
                      !(r->kind == REC_IFK_TUNNEL && r->tun_mode == REC_TUNMODE_MGRE));
        }
        json_obj_end(&j);
    }
    json_arr_end(&j);
    json_obj_end(&j);
}
