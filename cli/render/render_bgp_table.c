/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * show ip bgp (IPv4 unicast, default VRF): table version and router id,
 * the status/origin/RPKI legend of the image family, then one line per path
 * sorted by prefix. The first path of a prefix carries the network
 * (classful networks without their length, "192.168.10.0"), the others
 * leave it blank. A network too long for its 17-column field is printed
 * alone and the path continues on the next line at column 23 (observed on
 * 15.x; the 16/17 layout puts the next hop at 23 on every line anyway).
 * Columns: IOS-XE 16/17 have a 6-column status field (RPKI state, then
 * "*>i"), 15.5+ a 5-column one.
 */
#include "cli/render/render_nhrp.h"
#include "cli/render/render_routing.h"
#include "lib/inet.h"
#include "lib/mem.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char legend_head[] =
    "Status codes: s suppressed, d damped, h history, * valid, > best, i - internal, \n"
    "              r RIB-failure, S Stale, m multipath, b backup-path, f RT-Filter, \n"
    "              x best-external, a additional-path, c RIB-compressed, \n";
static const char legend_tail[] = "Origin codes: i - IGP, e - EGP, ? - incomplete\n"
                                  "RPKI validation codes: V valid, I invalid, N Not found\n"
                                  "\n"
                                  "     Network          Next Hop            Metric LocPrf Weight "
                                  "Path\n";

#define NET_FIELD   17
#define CONT_INDENT 23

static int
cmp_path(const void *pa, const void *pb, void *arg)
{
    const struct rec_bgp_path *base = arg;
    size_t ia = *(const size_t *)pa, ib = *(const size_t *)pb;
    const struct rec_bgp_path *a = &base[ia], *b = &base[ib];

    if (a->prefix != b->prefix)
        return a->prefix < b->prefix ? -1 : 1;
    if (a->len != b->len)
        return a->len < b->len ? -1 : 1;
    return ia < ib ? -1 : ia > ib;
}

/* "*>i", "r>i", "s> ", "*bi", "* i": validity (or what overrides it), the
 * best/multipath/backup column, internal. */
static void
status(char s[4], uint32_t f)
{
    s[0] = (f & REC_BGPF_SUPPRESSED)    ? 's'
           : (f & REC_BGPF_DAMPED)      ? 'd'
           : (f & REC_BGPF_HISTORY)     ? 'h'
           : (f & REC_BGPF_RIB_FAILURE) ? 'r'
           : (f & REC_BGPF_STALE)       ? 'S'
           : (f & REC_BGPF_VALID)       ? '*'
                                        : ' ';
    s[1] = (f & REC_BGPF_BEST)            ? '>'
           : (f & REC_BGPF_MULTIPATH)     ? 'm'
           : (f & REC_BGPF_BACKUP)        ? 'b'
           : (f & REC_BGPF_BEST_EXTERNAL) ? 'x'
           : (f & REC_BGPF_ADDPATH)       ? 'a'
                                          : ' ';
    s[2] = (f & REC_BGPF_INTERNAL) ? 'i' : ' ';
    s[3] = '\0';
}

static void
put_path(struct strbuf *out, const struct rec_bgp_path *p, bool first, bool wide)
{
    char st[4], net[24], nh[INET_ADDRSTRLEN_];
    size_t plen;

    status(st, p->flags);
    if (wide)
        sb_printf(out, "%c%s  ", p->rpki ? p->rpki : ' ', st);
    else
        sb_printf(out, "%c%s ", p->rpki ? p->rpki : ' ', st);
    if (first) {
        render_prefix_classful(net, p->prefix, p->len);
        plen = strlen(net);
        if (plen >= NET_FIELD) {
            sb_printf(out, "%s\n", net);
            sb_pad(out, ' ', CONT_INDENT);
        } else {
            sb_printf(out, "%-*s", NET_FIELD, net);
        }
    } else {
        sb_pad(out, ' ', NET_FIELD);
    }
    sb_printf(out, "%-16s", inet_fmt4(p->nexthop, nh));
    if (p->flags & REC_BGPF_HAS_METRIC)
        sb_printf(out, "%10u", p->metric);
    else
        sb_pad(out, ' ', 10);
    if (p->flags & REC_BGPF_HAS_LOCPREF)
        sb_printf(out, " %6u", p->local_pref);
    else
        sb_pad(out, ' ', 7);
    sb_printf(out, " %6u ", p->weight);
    if (p->as_path[0])
        sb_printf(out, "%.*s ", REC_BGP_ASPATHSIZ, p->as_path);
    sb_printf(out, "%c\n", p->origin ? p->origin : '?');
}

void
render_bgp_table(struct strbuf *out, const struct render_bgp_in *in)
{
    const struct rec_bgp_path *r = in->paths;
    bool wide = in->family == RENDER_IOS_XE17 || in->family == RENDER_IOS_XE16;
    char rid[INET_ADDRSTRLEN_];
    size_t *idx, i;

    if (!in->global) {
        sb_puts(out, "% BGP not active\n\n");
        return;
    }
    sb_printf(out, "BGP table version is %" PRIu64 ", local router ID is %s\n",
              in->global->table_version, inet_fmt4(in->global->router_id, rid));
    sb_puts(out, legend_head);
    if (in->family == RENDER_IOS_XE17)
        sb_puts(out, "              t secondary path, L long-lived-stale,\n");
    else if (in->family == RENDER_IOS_XE16)
        sb_puts(out, "              t secondary path, \n");
    sb_puts(out, legend_tail);

    idx = calloc(in->n_paths ? in->n_paths : 1, sizeof(*idx));
    if (!idx)
        mem_oom();
    for (i = 0; i < in->n_paths; i++)
        idx[i] = i;
    qsort_r(idx, in->n_paths, sizeof(*idx), cmp_path, (void *)r);
    for (i = 0; i < in->n_paths; i++) {
        const struct rec_bgp_path *p = &r[idx[i]], *q = i ? &r[idx[i - 1]] : NULL;
        bool first = !q || q->prefix != p->prefix || q->len != p->len;

        put_path(out, p, first, wide);
    }
    free(idx);
}
