/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * show dmvpn ipv6 [detail]. IOS-XE prints IPv6 peers as blocks, not as the
 * IPv4 table (testdata/ios/show/show_dmvpn_ipv6): per tunnel with peers an
 * "Interface: TuX, IPv6 NHRP Details " head, "Type:..., Total NBMA Peers
 * (v4/v6): N", then per peer a numbered "Peer NBMA Address" line and
 * TAB-indented tunnel address, target network and status lines. As for
 * IPv4 a peer is a run of consecutive rows with one NBMA address ("# Ent" is
 * the run's length); each row of a run prints its own three lines under the
 * run's one number (no capture shows a run longer than one). The detail
 * form adds IPv4's per-tunnel head and "IPv6 NHS:" block and its crypto
 * trailer (no capture: the IPv4 detail layout with IPv6 words).
 */
#include "cli/render/render_nhrp6.h"
#include "cli/render/render_time.h"

#include <stdio.h>
#include <string.h>

static bool
on_if(const char *ifname, const struct rec_nhrp6_if *t)
{
    return strncmp(ifname, t->ifname, REC_IFNAMSIZ) == 0;
}

/* An UNKNOWN (none) NBMA never groups: each incomplete entry is a peer. */
static size_t
run_len(const struct render_dmvpn6_in *in, size_t i)
{
    const struct rec_dmvpn6_peer *p = &in->peers[i];
    size_t j = i + 1;

    if (p->nbma.af == INET_AF_NONE)
        return 1;
    while (j < in->n_peers && inet_addr_eq(&in->peers[j].nbma, &p->nbma) &&
           strncmp(in->peers[j].ifname, p->ifname, REC_IFNAMSIZ) == 0)
        j++;
    return j - i;
}

static unsigned
count_peers(const struct render_dmvpn6_in *in, const struct rec_nhrp6_if *t)
{
    unsigned n = 0;
    size_t i = 0;

    while (i < in->n_peers) {
        if (!on_if(in->peers[i].ifname, t)) {
            i++;
            continue;
        }
        n++;
        i += run_len(in, i);
    }
    return n;
}

static void
put_peer(struct strbuf *out, int64_t now_ms, const struct rec_dmvpn6_peer *p, unsigned num,
         size_t ent, bool first)
{
    char nb[INET6_ADDRSTRLEN_], ta[INET6_ADDRSTRLEN_], tg[INET6_ADDRSTRLEN_];
    char when[RENDER_TIME_LEN], attrb[RENDER_ATTRB_LEN];
    const struct inet_addr *target = &p->target;
    unsigned len = p->target_len;

    if (first)
        sb_printf(out, "    %u.Peer NBMA Address: %s\n", num,
                  p->nbma.af == INET_AF_NONE ? "UNKNOWN" : inet_addr_fmt(&p->nbma, nb));
    if (target->af == INET_AF_NONE) { /* the peer's own address */
        target = &p->tunnel_addr;
        len = 128;
    }
    sb_printf(out, "\tTunnel IPv6 Address: %s\n", inet_addr_fmt(&p->tunnel_addr, ta));
    sb_printf(out, "\tIPv6 Target Network: %s/%u\n", inet_addr_fmt(target, tg), len);
    sb_printf(out, "\t# Ent: %zu, Status: %s, UpDn Time: %s, Cache Attrib: %s\n", ent,
              render_peer_state_name(p->state), render_time_since(when, now_ms, p->since_ms),
              render_peer_attrb(attrb, p->attrs));
}

static void
put_peers(struct strbuf *out, int64_t now_ms, const struct render_dmvpn6_in *in,
          const struct rec_nhrp6_if *t)
{
    size_t i = 0, k, n;
    unsigned num = 0;

    sb_printf(out, "Type:%s, Total NBMA Peers (v4/v6): %u\n", render_tunnel_type_name(t->type),
              count_peers(in, t));
    while (i < in->n_peers) {
        if (!on_if(in->peers[i].ifname, t)) {
            i++;
            continue;
        }
        n = run_len(in, i);
        num++;
        for (k = 0; k < n; k++)
            put_peer(out, now_ms, &in->peers[i + k], num, n, k == 0);
        i += n;
    }
}

static bool
has_block(const struct render_dmvpn6_in *in, const struct rec_nhrp6_if *t)
{
    return t->enabled && count_peers(in, t) > 0;
}

void
render_dmvpn6(struct strbuf *out, int64_t now_ms, const struct render_dmvpn6_in *in)
{
    size_t i;

    render_dmvpn_legend_text(out, in->legend);
    for (i = 0; i < in->n_ifs; i++) {
        const struct rec_nhrp6_if *t = &in->ifs[i];

        if (!has_block(in, t))
            continue;
        sb_printf(out, "\nInterface: %.*s, IPv6 NHRP Details \n", REC_IFNAMSIZ, t->ifname);
        put_peers(out, now_ms, in, t);
    }
}

static void
put_nhs(struct strbuf *out, const struct render_dmvpn6_in *in, const struct rec_nhrp6_if *t)
{
    char a[INET6_ADDRSTRLEN_], st[8];
    bool any = false;
    size_t i;

    for (i = 0; i < in->n_nhs; i++) {
        const struct rec_nhrp6_nhs *h = &in->nhs[i];

        if (!on_if(h->ifname, t))
            continue;
        if (!any)
            sb_puts(out, "\nIPv6 NHS:\n");
        any = true;
        sb_printf(out, "%s %3s priority = %u cluster = %u\n", inet_addr_fmt(&h->addr, a),
                  render_nhs_status(st, h->status), h->priority, h->cluster);
    }
}

static void
put_detail_head(struct strbuf *out, const struct rec_nhrp6_if *t)
{
    char a[INET6_ADDRSTRLEN_], s[INET6_ADDRSTRLEN_];
    const struct inet_addr *addr = t->naddrs ? &t->addrs[0] : &t->link_local;

    sb_printf(out, "\nInterface %.*s is up/up, Addr. is %s, VRF \"\" \n", REC_IFNAMSIZ, t->ifname,
              addr->af == INET_AF_NONE ? "0.0.0.0" : inet_addr_fmt(addr, a));
    sb_printf(out, "   Tunnel Src./Dest. addr: %s/MGRE, Tunnel VRF \"\"\n",
              t->nbma.af == INET_AF_NONE ? "0.0.0.0" : inet_addr_fmt(&t->nbma, s));
    sb_printf(out, "   Protocol/Transport: \"%s\", Protect \"\" \n",
              t->nbma.af == INET_AF_V6 ? "multi-GRE/IPv6" : "multi-GRE/IP");
    sb_puts(out, "   Interface State Control: Disabled\n"
                 "   nhrp event-publisher : Disabled\n");
}

void
render_dmvpn6_detail(struct strbuf *out, int64_t now_ms, const struct render_dmvpn6_in *in)
{
    size_t i;

    render_dmvpn_legend_text(out, in->legend);
    for (i = 0; i < in->n_ifs; i++) {
        const struct rec_nhrp6_if *t = &in->ifs[i];

        if (!has_block(in, t))
            continue;
        put_detail_head(out, t);
        put_nhs(out, in, t);
        put_peers(out, now_ms, in, t);
    }
    sb_puts(out, "\n          \nCrypto Session Details: \n");
    sb_pad(out, '-', 80);
    sb_puts(out, "\n\n");
    if (in->crypto_sessions)
        sb_puts(out, in->crypto_sessions);
    sb_puts(out, "Pending DMVPN Sessions:\n\n");
}
