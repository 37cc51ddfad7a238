/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * show ip interface brief and show interfaces [X], IOS 15.x layout.
 *  - brief: "%-27s%-16s%-4s%-7s%-22s%s" (captures otusdump-R14/R61, ntc-iol
 *    in testdata/ios/show/show_ip_interface_brief); a name of 27 characters
 *    or more still gets one blank after it.
 *  - interfaces: the first-line and MTU-line trailing blanks IOS prints
 *    (`line protocol is up `, `DLY 50000 usec, `); tunnel blocks as an IOS
 *    15.4 mGRE tunnel prints them (otus154-R14/R27 captures for the top, the
 *    rest from the 15.x tunnel blocks in the ntc and genie captures).
 * Counters, rates and last input/output come from the data plane's record.
 */
#include "cli/render/render_system.h"
#include "cli/render/render_time.h"
#include "lib/inet.h"
#include "lib/inet6.h"
#include "lib/json.h"

#include <stdio.h>
#include <string.h>

static const char *
status_word(const struct rec_iface *r)
{
    if (r->deleted)
        return "deleted";
    if (!r->admin_up)
        return "administratively down";
    return r->line_up ? "up" : "down";
}

static const char *
method_word(uint8_t m)
{
    static const char *const w[] = {"unset", "NVRAM", "manual", "TFTP", "DHCP"};

    return m < sizeof(w) / sizeof(w[0]) ? w[m] : "unset";
}

void
render_interfaces_brief_ex(struct strbuf *out, const struct rec_iface *ifs, size_t n, bool xe17)
{
    /* IOS-XE 17 narrows the interface column to 23 and pads the protocol
     * to 8 (show_ip_interface_brief/hb-iol-xe17.15-rt01, IOL 17.15.1) */
    int width = xe17 ? 23 : 27;
    size_t i;

    sb_printf(out, "%-*sIP-Address      OK? Method Status                Protocol\n", width,
              "Interface");
    for (i = 0; i < n; i++) {
        const struct rec_iface *r = &ifs[i];
        char a[INET_ADDRSTRLEN_];
        int len = (int)strnlen(r->ifname, REC_IFNAMSIZ);

        sb_printf(out, "%.*s", len, r->ifname);
        sb_pad(out, ' ', len < width ? (size_t)(width - len) : 1);
        sb_printf(out, xe17 ? "%-16s%-4s%-7s%-22s%-8s\n" : "%-16s%-4s%-7s%-22s%s\n",
                  r->addr ? inet_fmt4(r->addr, a) : "unassigned", "YES", method_word(r->method),
                  status_word(r), r->admin_up && r->line_up && !r->deleted ? "up" : "down");
    }
}

void
render_interfaces_brief(struct strbuf *out, const struct rec_iface *ifs, size_t n)
{
    render_interfaces_brief_ex(out, ifs, n, false);
}

uint32_t
render_tunnel_transport_mtu(const struct rec_iface *r)
{
    if (r->tun_transport_mtu)
        return r->tun_transport_mtu;
    /* 1500 less the outer IPv4 header (20) and the GRE header (4, +4 with a key) */
    return 1500 - 20 - 4 - (r->has_key ? 4 : 0);
}

/* The tunnel's source as IOS prints it, NULL when it has none. */
static const char *
tun_source(const struct rec_iface *r, char *buf)
{
    if (r->tun_ipv6)
        return inet6_is_zero(r->tun_src6) ? NULL : inet_fmt6(r->tun_src6, buf);
    return r->tun_src ? inet_fmt4(r->tun_src, buf) : NULL;
}

static const char *
tun_transport(const struct rec_iface *r)
{
    if (r->tun_mode == REC_TUNMODE_MGRE)
        return r->tun_ipv6 ? "multi-GRE/IPv6" : "multi-GRE/IP";
    return r->tun_mode == REC_TUNMODE_GRE_IP ? "GRE/IP" : "other";
}

static void
put_tunnel(struct strbuf *out, const struct rec_iface *r)
{
    char a[INET6_ADDRSTRLEN_], b[INET_ADDRSTRLEN_];
    const char *src = tun_source(r, a);

    if (!r->admin_up)
        sb_puts(out, "  Tunnel linestate evaluation down - interface admin down\n");
    else if (!src)
        sb_puts(out, "  Tunnel linestate evaluation down - no tunnel source\n");
    else
        sb_printf(out, "  Tunnel linestate evaluation %s\n", r->line_up ? "up" : "down");
    if (src || r->tun_src_if[0]) {
        sb_printf(out, "  Tunnel source %s", src ? src : "UNKNOWN");
        if (r->tun_src_if[0])
            sb_printf(out, " (%.*s)", (int)strnlen(r->tun_src_if, REC_IFNAMSIZ), r->tun_src_if);
        if (r->tun_dst)
            sb_printf(out, ", destination %s", inet_fmt4(r->tun_dst, b));
        sb_putc(out, '\n');
    }
    sb_printf(out, "  Tunnel protocol/transport %s\n", tun_transport(r));
    if (r->has_key)
        sb_printf(out, "    Key 0x%X, sequencing disabled\n", r->key);
    else
        sb_puts(out, "    Key disabled, sequencing disabled\n");
    sb_puts(out, "    Checksumming of packets disabled\n");
    sb_printf(out, "  Tunnel TTL %u, Fast tunneling enabled\n", r->tun_ttl ? r->tun_ttl : 255);
    sb_printf(out, "  Tunnel transport MTU %u bytes\n", render_tunnel_transport_mtu(r));
    sb_puts(out, "  Tunnel transmit bandwidth 8000 (kbps)\n"
                 "  Tunnel receive bandwidth 8000 (kbps)\n");
    if (r->protected_)
        sb_printf(out, "  Tunnel protection via IPSec (profile \"%.*s\")\n",
                  (int)strnlen(r->profile, REC_NAMESIZ), r->profile);
}

static void
put_counters(struct strbuf *out, int64_t now_ms, const struct rec_iface *r)
{
    char t1[RENDER_TIME_LEN], t2[RENDER_TIME_LEN], t3[RENDER_TIME_LEN];
    bool eth = r->kind == REC_IFK_ETHERNET;

    sb_printf(out, "  Last input %s, output %s, output hang never\n",
              render_time_since(t1, now_ms, r->last_input_ms),
              render_time_since(t2, now_ms, r->last_output_ms));
    sb_printf(out, "  Last clearing of \"show interface\" counters %s\n",
              render_time_since(t3, now_ms, r->cleared_ms));
    sb_printf(out,
              "  Input queue: 0/75/%llu/0 (size/max/drops/flushes); Total output drops: %llu\n",
              (unsigned long long)r->in_drops, (unsigned long long)r->out_drops);
    sb_printf(out, "  Queueing strategy: fifo\n  Output queue: 0/%u (size/max)\n", eth ? 40 : 0);
    sb_printf(out, "  5 minute input rate %u bits/sec, %u packets/sec\n", r->in_rate_bps,
              r->in_rate_pps);
    sb_printf(out, "  5 minute output rate %u bits/sec, %u packets/sec\n", r->out_rate_bps,
              r->out_rate_pps);
    sb_printf(out, "     %llu packets input, %llu bytes, 0 no buffer\n",
              (unsigned long long)r->in_pkts, (unsigned long long)r->in_bytes);
    sb_printf(out, "     Received %llu broadcasts (%llu IP multicasts)\n",
              (unsigned long long)r->in_bcast, (unsigned long long)r->in_mcast);
    sb_puts(out, "     0 runts, 0 giants, 0 throttles\n");
    if (eth)
        sb_printf(out,
                  "     %llu input errors, 0 CRC, 0 frame, 0 overrun, 0 ignored\n"
                  "     0 input packets with dribble condition detected\n",
                  (unsigned long long)r->in_errors);
    else
        sb_printf(out, "     %llu input errors, 0 CRC, 0 frame, 0 overrun, 0 ignored, 0 abort\n",
                  (unsigned long long)r->in_errors);
    sb_printf(out, "     %llu packets output, %llu bytes, 0 underruns\n",
              (unsigned long long)r->out_pkts, (unsigned long long)r->out_bytes);
    sb_printf(out, "     %llu output errors, 0 collisions, 0 interface resets\n",
              (unsigned long long)r->out_errors);
    sb_puts(out, "     0 unknown protocol drops\n");
    if (eth)
        sb_puts(out, "     0 babbles, 0 late collision, 0 deferred\n"
                     "     0 lost carrier, 0 no carrier\n");
    sb_puts(out, "     0 output buffer failures, 0 output buffers swapped out\n");
}

static void
put_block(struct strbuf *out, int64_t now_ms, const struct rec_iface *r)
{
    char a[INET_ADDRSTRLEN_];
    const char *enc = r->kind == REC_IFK_TUNNEL     ? "TUNNEL"
                      : r->kind == REC_IFK_LOOPBACK ? "LOOPBACK"
                                                    : "ARPA";

    sb_printf(out, "%.*s is %s, line protocol is %s \n", (int)strnlen(r->ifname, REC_IFNAMSIZ),
              r->ifname, status_word(r), r->admin_up && r->line_up && !r->deleted ? "up" : "down");
    sb_printf(out, "  Hardware is %.*s", (int)strnlen(r->hw, REC_IFNAMSIZ), r->hw);
    if (r->has_mac)
        sb_printf(out, ", address is %02x%02x.%02x%02x.%02x%02x (bia %02x%02x.%02x%02x.%02x%02x)",
                  r->mac[0], r->mac[1], r->mac[2], r->mac[3], r->mac[4], r->mac[5], r->mac[0],
                  r->mac[1], r->mac[2], r->mac[3], r->mac[4], r->mac[5]);
    sb_putc(out, '\n');
    if (r->description[0])
        sb_printf(out, "  Description: %.*s\n", (int)strnlen(r->description, REC_DESCSIZ),
                  r->description);
    if (r->addr)
        sb_printf(out, "  Internet address is %s/%d\n", inet_fmt4(r->addr, a),
                  inet_mask_len(r->mask) < 0 ? 0 : inet_mask_len(r->mask));
    sb_printf(out, "  MTU %u bytes, BW %u Kbit/sec, DLY %u usec, \n", r->mtu, r->bw_kbit,
              r->delay_usec);
    sb_puts(out, "     reliability 255/255, txload 1/255, rxload 1/255\n");
    sb_printf(out, "  Encapsulation %s, loopback not set\n", enc);
    if (r->kind == REC_IFK_TUNNEL) {
        sb_puts(out, "  Keepalive not set\n");
        put_tunnel(out, r);
    } else {
        sb_puts(out, "  Keepalive set (10 sec)\n");
        if (r->kind == REC_IFK_ETHERNET)
            sb_puts(out, "  ARP type: ARPA, ARP Timeout 04:00:00\n");
    }
    put_counters(out, now_ms, r);
}

void
render_interfaces(struct strbuf *out, int64_t now_ms, const struct rec_iface *ifs, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        put_block(out, now_ms, &ifs[i]);
}

void
render_interfaces_json(struct strbuf *out, int64_t now_ms, const struct rec_iface *ifs, size_t n)
{
    struct json j;
    size_t i;

    json_init(&j, out);
    json_obj_begin(&j, NULL);
    json_arr_begin(&j, "interfaces");
    for (i = 0; i < n; i++) {
        const struct rec_iface *r = &ifs[i];
        char a[INET_ADDRSTRLEN_], t[RENDER_TIME_LEN];
        json_obj_begin(&j, NULL);
        json_strn(&j, "interface", r->ifname, strnlen(r->ifname, REC_IFNAMSIZ));
        json_strn(&j, "description", r->description, strnlen(r->description, REC_DESCSIZ));
        json_str(&j, "status", status_word(r));
        json_str(&j, "protocol", r->admin_up && r->line_up && !r->deleted ? "up" : "down");
        json_str(&j, "address", r->addr ? inet_fmt4(r->addr, a) : NULL);
        json_int(&j, "prefix_len", r->addr ? inet_mask_len(r->mask) : 0);
        json_str(&j, "method", method_word(r->method));
        json_uint(&j, "mtu", r->mtu);
        json_uint(&j, "bandwidth_kbit", r->bw_kbit);
        json_uint(&j, "delay_usec", r->delay_usec);
        if (r->kind == REC_IFK_TUNNEL) {
            char s6[INET6_ADDRSTRLEN_];
            json_str(&j, "tunnel_source", tun_source(r, s6));
            json_str(&j, "tunnel_destination", r->tun_dst ? inet_fmt4(r->tun_dst, a) : NULL);
            json_str(&j, "tunnel_mode", tun_transport(r));
            if (r->has_key)
                json_uint(&j, "tunnel_key", r->key);
            else
                json_str(&j, "tunnel_key", NULL);
            json_uint(&j, "tunnel_transport_mtu", render_tunnel_transport_mtu(r));
            json_strn(&j, "protection_profile", r->protected_ ? r->profile : NULL,
                      strnlen(r->profile, REC_NAMESIZ));
        }
        json_uint(&j, "input_packets", r->in_pkts);
        json_uint(&j, "input_bytes", r->in_bytes);
        json_uint(&j, "output_packets", r->out_pkts);
        json_uint(&j, "output_bytes", r->out_bytes);
        json_uint(&j, "input_errors", r->in_errors);
        json_uint(&j, "output_errors", r->out_errors);
        json_str(&j, "last_input", render_time_since(t, now_ms, r->last_input_ms));
        json_str(&j, "last_output", render_time_since(t, now_ms, r->last_output_ms));
        json_obj_end(&j);
    }
    json_arr_end(&j);
    json_obj_end(&j);
}
