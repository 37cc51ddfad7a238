/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * show dmvpn and show dmvpn detail (IOS 15.4+ "new format"). One block per
 * NHRP tunnel that has peers; a peer is a run of consecutive rows with the
 * same NBMA address, whose first row carries "# Ent" (the run length) and the
 * NBMA. Layout facts come from byte-exact captures, see
 * testdata/ios/show/show_dmvpn/README.md.
 */
#include "cli/render/render_nhrp.h"
#include "cli/render/render_time.h"
#include "lib/inet.h"

#include <stdio.h>
#include <string.h>

/* The legend's continuation lines start with a TAB on the device. */
void
render_dmvpn_legend_text(struct strbuf *out, enum render_dmvpn_legend legend)
{
    sb_puts(out, "Legend: Attrb --> S - Static, D - Dynamic, I - Incomplete\n"
                 "\tN - NATed, L - Local, X - No Socket\n");
    switch (legend) {
    case RENDER_LEGEND_I2:
        sb_puts(out, "\tT1 - Route Installed, T2 - Nexthop-override\n"
                     "\tC - CTS Capable, I2 - Temporary\n");
        break;
    case RENDER_LEGEND_CTS:
        sb_puts(out, "\tT1 - Route Installed, T2 - Nexthop-override\n"
                     "\tC - CTS Capable\n");
        break;
    case RENDER_LEGEND_PLAIN:
    case RENDER_LEGEND_15_0:
        break;
    case RENDER_LEGEND_BGP_I2:
    default:
        sb_puts(out, "\tT1 - Route Installed, T2 - Nexthop-override, B - BGP\n"
                     "\tC - CTS Capable, I2 - Temporary\n");
        break;
    }
    sb_puts(out, "\t# Ent --> Number of NHRP entries with same NBMA peer\n");
    sb_puts(out, legend == RENDER_LEGEND_15_0
                     ? "\tNHS Status: E --> Expecting Replies, R --> Responding\n"
                     : "\tNHS Status: E --> Expecting Replies, R --> Responding, W --> Waiting\n");
    sb_puts(out, "\tUpDn Time --> Up or Down Time for a Tunnel\n"
                 "=========================================================================="
                 "\n");
}

static bool
peer_of(const struct rec_dmvpn_peer *p, const struct rec_tunnel *t)
{
    return strncmp(p->ifname, t->ifname, REC_IFNAMSIZ) == 0;
}

/*
 * Length of the run of rows starting at peers[i] that share its NBMA on the
 * same tunnel. An UNKNOWN (0) NBMA never groups: each incomplete entry is its
 * own peer.
 */
static size_t
run_len(const struct render_dmvpn_in *in, size_t i)
{
    size_t j = i + 1;

    if (in->peers[i].nbma == 0)
        return 1;
    while (j < in->n_peers && in->peers[j].nbma == in->peers[i].nbma &&
           strncmp(in->peers[j].ifname, in->peers[i].ifname, REC_IFNAMSIZ) == 0)
        j++;
    return j - i;
}

/* Number of peers (runs) on tunnel t; rows of other tunnels are skipped. */
static unsigned
count_peers(const struct render_dmvpn_in *in, const struct rec_tunnel *t)
{
    unsigned n = 0;
    size_t i = 0;

    while (i < in->n_peers) {
        if (!peer_of(&in->peers[i], t)) {
            i++;
            continue;
        }
        n++;
        i += run_len(in, i);
    }
    return n;
}

static const char *
nbma_text(char buf[INET_ADDRSTRLEN_], uint32_t nbma)
{
    if (nbma == 0)
        return "UNKNOWN";
    return inet_fmt4(nbma, buf);
}

static void
put_admin_down(struct strbuf *out, const struct render_dmvpn_in *in)
{
    size_t i;

    for (i = 0; i < in->n_tunnels; i++)
        if (!in->tunnels[i].admin_up) {
            sb_printf(out, "%.*s is admin down\n", REC_IFNAMSIZ, in->tunnels[i].ifname);
            if (in->legend == RENDER_LEGEND_15_0)
                sb_printf(out, "%.*s is admin down\n", REC_IFNAMSIZ, in->tunnels[i].ifname);
        }
}

/* A tunnel gets a block when it is up and has at least one peer. */
static bool
has_block(const struct render_dmvpn_in *in, const struct rec_tunnel *t)
{
    return t->admin_up && count_peers(in, t) > 0;
}

/*
 * One table row. Summary rows: " %5d %-15s %15s %5s %8s %5s"; continuation
 * rows blank both "# Ent" and NBMA. Detail rows drop the leading blank, keep
 * the NBMA on continuation rows and add the target network.
 */
static void
put_row(struct strbuf *out, int64_t now_ms, const struct rec_dmvpn_peer *p, size_t ent, bool first,
        bool detail, enum render_dmvpn_legend legend)
{
    char nb[INET_ADDRSTRLEN_], ta[INET_ADDRSTRLEN_], when[RENDER_TIME_LEN];
    char attrb[RENDER_ATTRB_LEN], entb[24], target[24];
    const char *state = render_peer_state_name(p->state);

    render_time_since(when, now_ms, p->since_ms);
    render_peer_attrb(attrb, p->attrs);
    inet_fmt4(p->tunnel_addr, ta);
    entb[0] = '\0';
    if (first)
        snprintf(entb, sizeof(entb), "%zu", ent);
    if (!detail) {
        /* the 15.0-15.3 images (their legend has no T1/T2 line) align the
         * NBMA address right, later ones left */
        bool right = legend == RENDER_LEGEND_PLAIN || legend == RENDER_LEGEND_15_0;

        sb_printf(out, right ? " %5s %15s %15s %5s %8s %5s\n" : " %5s %-15s %15s %5s %8s %5s\n",
                  entb, first ? nbma_text(nb, p->nbma) : "", ta, state, when, attrb);
        return;
    }
    if (p->target == 0 && p->target_len == 0)
        render_prefix(target, p->tunnel_addr, 32);
    else
        render_prefix(target, p->target, p->target_len);
    /* 15.0-15.3 align the NBMA right here too, with no blank before it nor
     * before Attrb, and end each row with an empty line (burningnode's 15.2
     * and qoslab's 15.0 detail captures) */
    if (legend == RENDER_LEGEND_PLAIN || legend == RENDER_LEGEND_15_0)
        sb_printf(out, "%5s%15s %15s %5s %8s%5s %18s\n\n", entb, nbma_text(nb, p->nbma), ta, state,
                  when, attrb, target);
    else
        sb_printf(out, "%5s %-15s %15s %5s %8s %5s %18s\n", entb, nbma_text(nb, p->nbma), ta, state,
                  when, attrb, target);
}

static void
put_rows(struct strbuf *out, int64_t now_ms, const struct render_dmvpn_in *in,
         const struct rec_tunnel *t, bool detail)
{
    size_t i = 0, k, n;

    while (i < in->n_peers) {
        if (!peer_of(&in->peers[i], t)) {
            i++;
            continue;
        }
        n = run_len(in, i);
        for (k = 0; k < n; k++)
            put_row(out, now_ms, &in->peers[i + k], n, k == 0, detail, in->legend);
        i += n;
    }
}

void
render_dmvpn(struct strbuf *out, int64_t now_ms, const struct render_dmvpn_in *in)
{
    size_t i;

    render_dmvpn_legend_text(out, in->legend);
    put_admin_down(out, in);
    for (i = 0; i < in->n_tunnels; i++) {
        const struct rec_tunnel *t = &in->tunnels[i];

        if (!has_block(in, t))
            continue;
        sb_printf(out, "\nInterface: %.*s, IPv4 NHRP Details \n", REC_IFNAMSIZ, t->ifname);
        sb_printf(out, "Type:%s, NHRP Peers:%u, \n\n", render_tunnel_type_name(t->type),
                  count_peers(in, t));
        sb_puts(out, " # Ent  Peer NBMA Addr Peer Tunnel Add State  UpDn Tm Attrb\n"
                     " ----- --------------- --------------- ----- -------- -----\n");
        put_rows(out, now_ms, in, t, false);
    }
    sb_putc(out, '\n');
}

/* "IPv4 NHS:" block of a spoke: one line per NHS of this tunnel. */
static void
put_nhs(struct strbuf *out, const struct render_dmvpn_in *in, const struct rec_tunnel *t)
{
    char a[INET_ADDRSTRLEN_], st[8];
    bool any = false;
    size_t i;

    for (i = 0; i < in->n_nhs; i++) {
        const struct rec_nhrp_nhs *h = &in->nhs[i];

        if (strncmp(h->ifname, t->ifname, REC_IFNAMSIZ) != 0)
            continue;
        if (!any)
            sb_puts(out, "\nIPv4 NHS:\n");
        any = true;
        sb_printf(out, "%s %3s priority = %u cluster = %u\n", inet_fmt4(h->addr, a),
                  render_nhs_status(st, h->status), h->priority, h->cluster);
    }
}

static void
put_detail_head(struct strbuf *out, const struct rec_tunnel *t, enum render_dmvpn_legend legend)
{
    char a[INET_ADDRSTRLEN_], s[INET_ADDRSTRLEN_], d[INET_ADDRSTRLEN_];

    sb_printf(out, "\nInterface %.*s is up/%s, Addr. is %s, VRF \"%.*s\" \n", REC_IFNAMSIZ,
              t->ifname, t->line_up ? "up" : "down", inet_fmt4(t->addr, a), REC_NAMESIZ, t->vrf);
    sb_printf(out, "   Tunnel Src./Dest. addr: %s/%s, Tunnel VRF \"%.*s\"\n", inet_fmt4(t->src, s),
              t->multipoint ? "MGRE" : inet_fmt4(t->dst, d), REC_NAMESIZ, t->tun_vrf);
    sb_printf(out, "   Protocol/Transport: \"%s\", Protect \"%.*s\" \n",
              t->multipoint ? "multi-GRE/IP" : "GRE/IP", REC_NAMESIZ,
              t->protected_ ? t->profile : "");
    sb_puts(out, "   Interface State Control: Disabled\n");
    /* 15.0-15.3 have no event publisher */
    if (legend != RENDER_LEGEND_PLAIN && legend != RENDER_LEGEND_15_0)
        sb_puts(out, "   nhrp event-publisher : Disabled\n");
}

void
render_dmvpn_detail(struct strbuf *out, int64_t now_ms, const struct render_dmvpn_in *in)
{
    size_t i;

    render_dmvpn_legend_text(out, in->legend);
    put_admin_down(out, in);
    for (i = 0; i < in->n_tunnels; i++) {
        const struct rec_tunnel *t = &in->tunnels[i];

        if (!has_block(in, t))
            continue;
        put_detail_head(out, t, in->legend);
        put_nhs(out, in, t);
        sb_printf(out, "Type:%s, Total NBMA Peers (v4/v6): %u\n\n",
                  render_tunnel_type_name(t->type), count_peers(in, t));
        sb_puts(out,
                "# Ent  Peer NBMA Addr Peer Tunnel Add State  UpDn Tm Attrb    Target Network\n"
                "----- --------------- --------------- ----- -------- ----- -----------------\n");
        put_rows(out, now_ms, in, t, true);
    }
    /* IOS pads an empty line to 10 blanks before the crypto part. */
    sb_puts(out, "\n          \nCrypto Session Details: \n");
    sb_pad(out, '-', 80);
    sb_puts(out, "\n\n");
    if (in->crypto_sessions)
        sb_puts(out, in->crypto_sessions);
    sb_puts(out, "Pending DMVPN Sessions:\n\n");
}
