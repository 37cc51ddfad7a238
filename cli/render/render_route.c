/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * show ip route [next-hop-override|bgp|ospf|...], IOS 15.5+ layout (the
 * legend of 15.4 and IOS-XE 17 on request): codes legend, gateway
 * of last resort, then routes grouped under their classful network
 * ("10.0.0.0/8 is variably subnetted, 5 subnets, 2 masks"). A classful
 * network with a single route of its natural length, and supernets such as
 * 0.0.0.0/0, print on their own with a 6-column code field; routes under a
 * parent line use 9 columns. Column 5 of the code field carries the `%`
 * next-hop-override marker (or `+`, `&`, `p`). ECMP paths continue under the
 * first `[`. A protocol filter keeps the legend and the gateway line and the
 * whole table's counts in the "is subnetted" lines (IOS counts every route
 * of the network, shown or not), and prints only networks holding a route
 * of that protocol.
 */
#include "cli/render/render_nhrp.h"
#include "cli/render/render_routing.h"
#include "cli/render/render_time.h"
#include "lib/inet.h"
#include "lib/log.h"
#include "lib/mem.h"

#include <stdlib.h>
#include <stdio.h>
#include <string.h>

/* The legend up to its "i - IS-IS" line differs by image; the rest too. */
static const char legend_head[] =
    "Codes: L - local, C - connected, S - static, R - RIP, M - mobile, B - BGP\n"
    "       D - EIGRP, EX - EIGRP external, O - OSPF, IA - OSPF inter area \n"
    "       N1 - OSPF NSSA external type 1, N2 - OSPF NSSA external type 2\n";
static const char legend_15[] =
    "       E1 - OSPF external type 1, E2 - OSPF external type 2\n"
    "       i - IS-IS, su - IS-IS summary, L1 - IS-IS level-1, L2 - IS-IS level-2\n"
    "       ia - IS-IS inter area, * - candidate default, U - per-user static route\n"
    "       o - ODR, P - periodic downloaded static route, H - NHRP, l - LISP\n"
    "       a - application route\n";
static const char legend_xe17[] =
    "       E1 - OSPF external type 1, E2 - OSPF external type 2, m - OMP\n"
    "       n - NAT, Ni - NAT inside, No - NAT outside, Nd - NAT DIA\n"
    "       i - IS-IS, su - IS-IS summary, L1 - IS-IS level-1, L2 - IS-IS level-2\n"
    "       ia - IS-IS inter area, * - candidate default, U - per-user static route\n"
    "       H - NHRP, G - NHRP registered, g - NHRP registration summary\n"
    "       o - ODR, P - periodic downloaded static route, l - LISP\n"
    "       a - application route\n"
    "       + - replicated route, % - next hop override, p - overrides from PfR\n"
    "       & - replicated local route overrides by connected\n"
    "\n";

static void
put_legend(struct strbuf *out, enum render_ios_family f)
{
    sb_puts(out, legend_head);
    if (f == RENDER_IOS_XE17) {
        sb_puts(out, legend_xe17);
        return;
    }
    sb_puts(out, legend_15);
    if (f == RENDER_IOS_15_4)
        sb_puts(out, "       + - replicated route, % - next hop override\n\n");
    else
        sb_puts(out,
                "       + - replicated route, % - next hop override, p - overrides from PfR\n\n");
}

/* What the route view prints: options and the protocol filter. */
struct view {
    const struct render_route_opts *o;
};

static bool
shown(const struct view *v, const struct rec_route *r)
{
    char p = v->o->protocol;

    if (!p)
        return true;
    return r->code == p || (p == REC_RT_CONNECTED && r->code == REC_RT_LOCAL);
}

static uint32_t
masked(uint32_t a, unsigned len)
{
    return a & inet_len_mask((int)len);
}

/*
 * Sort key: address, length, the NHO path after the normal paths, input
 * order. Sorting by address keeps each classful network contiguous, with a
 * supernet just before the network it starts at.
 */
static int
cmp_route(const void *pa, const void *pb, void *arg)
{
    const struct rec_route *base = arg;
    const struct rec_route *a = &base[*(const size_t *)pa];
    const struct rec_route *b = &base[*(const size_t *)pb];

    if (a->prefix != b->prefix)
        return a->prefix < b->prefix ? -1 : 1;
    if (a->len != b->len)
        return a->len < b->len ? -1 : 1;
    if (a->nho_path != b->nho_path)
        return a->nho_path < b->nho_path ? -1 : 1;
    if (*(const size_t *)pa != *(const size_t *)pb)
        return *(const size_t *)pa < *(const size_t *)pb ? -1 : 1;
    return 0;
}

static bool
same_route(const struct rec_route *a, const struct rec_route *b)
{
    return a->prefix == b->prefix && a->len == b->len;
}

/* IOS keeps no age for connected, local and static routes. */
static bool
shows_age(char code)
{
    return code != REC_RT_CONNECTED && code != REC_RT_LOCAL && code != REC_RT_STATIC;
}

/* "[AD/metric] via NH, age, IfX" or "is directly connected, age, IfX". */
static void
put_path(struct strbuf *out, int64_t now_ms, const struct rec_route *r)
{
    char nh[INET_ADDRSTRLEN_], t[RENDER_TIME_LEN];

    if (r->nexthop) {
        sb_printf(out, "[%u/%u] via %s", r->distance, r->metric, inet_fmt4(r->nexthop, nh));
        if (r->nh_vrf[0])
            sb_printf(out, " (%.*s)", (int)sizeof(r->nh_vrf), r->nh_vrf);
    } else if ((r->code == REC_RT_EIGRP || r->code == REC_RT_OSPF) &&
               !strncmp(r->ifname, "Null0", sizeof(r->ifname)))
        sb_puts(out, "is a summary"); /* IOS: an EIGRP/OSPF summary's discard route */
    else
        sb_puts(out, "is directly connected");
    if (shows_age(r->code))
        sb_printf(out, ", %s", render_time_since(t, now_ms, r->since_ms ? r->since_ms : now_ms));
    if (r->ifname[0])
        sb_printf(out, ", %.*s", REC_IFNAMSIZ, r->ifname);
    sb_putc(out, '\n');
}

/*
 * One route: its paths are idx[i..j). `child` selects the 9-column code
 * field; `with_len` prints "/len" (omitted under an "is subnetted" parent).
 */
static void
put_route(struct strbuf *out, int64_t now_ms, const struct rec_route *base, const size_t *idx,
          size_t i, size_t j, bool child, bool with_len, bool nho)
{
    const struct rec_route *r = &base[idx[i]];
    char code[8], dst[24], mark;
    size_t start = out->len, col, k;
    bool cand = r->len == 0 || (r->rflags & REC_RTF_CANDIDATE);

    /* "S*", "O IA", "O*E2", "D EX": letter, candidate star, second code */
    snprintf(code, sizeof(code), "%c%s%.*s", r->code,
             cand          ? "*"
             : r->code2[0] ? " "
                           : "",
             (int)sizeof(r->code2), r->code2);
    mark = r->nho                             ? '%'
           : (r->rflags & REC_RTF_REPLICATED) ? '+'
           : (r->rflags & REC_RTF_REPL_LOCAL) ? '&'
           : (r->rflags & REC_RTF_PFR)        ? 'p'
                                              : ' ';
    sb_printf(out, "%-4s%c%s", code, mark, child ? "    " : " ");
    if (with_len)
        render_prefix(dst, r->prefix, r->len);
    else
        inet_fmt4(r->prefix, dst);
    sb_printf(out, "%s ", dst);
    col = out->len - start;
    put_path(out, now_ms, r);
    for (k = i + 1; k < j; k++) {
        const struct rec_route *p = &base[idx[k]];

        if (p->nho_path && !nho)
            continue;
        sb_pad(out, ' ', col);
        if (p->nho_path)
            sb_puts(out, "[NHO]");
        put_path(out, now_ms, p);
    }
}

/* End of the paths of the route starting at idx[i]. */
static size_t
route_end(const struct rec_route *base, const size_t *idx, size_t n, size_t i)
{
    size_t j = i + 1;

    while (j < n && same_route(&base[idx[j]], &base[idx[i]]))
        j++;
    return j;
}

static void
put_gateway(struct strbuf *out, const struct rec_route *base, const size_t *idx, size_t n)
{
    char a[INET_ADDRSTRLEN_];

    if (n > 0 && base[idx[0]].len == 0 && !base[idx[0]].nho_path)
        sb_printf(out, "Gateway of last resort is %s to network 0.0.0.0\n\n",
                  inet_fmt4(base[idx[0]].nexthop, a));
    else
        sb_puts(out, "Gateway of last resort is not set\n\n");
}

/* Routes idx[i..j) all belong to one classful network; print it. */
static void
put_major(struct strbuf *out, int64_t now_ms, const struct rec_route *base, const size_t *idx,
          size_t i, size_t j, const struct view *v)
{
    bool nho = v->o->next_hop_override;
    unsigned subnets = 0, masks = 0, cl = render_class_len(base[idx[i]].prefix);
    uint32_t seen_len[33] = {0};
    char a[INET_ADDRSTRLEN_];
    unsigned one_len = 0;
    size_t k, e;

    for (k = i; k < j; k = route_end(base, idx, j, k)) {
        unsigned len = base[idx[k]].len > 32 ? 32 : base[idx[k]].len; /* bad record */

        subnets++;
        if (!seen_len[len]++)
            masks++;
        one_len = len;
    }
    for (k = i; k < j && !shown(v, &base[idx[k]]); k++)
        ;
    if (k == j)
        return; /* nothing of the filtered protocol here: no header either */
    if (subnets == 1 && one_len == cl) {
        put_route(out, now_ms, base, idx, i, j, false, true, nho);
        return;
    }
    inet_fmt4(masked(base[idx[i]].prefix, cl), a);
    if (masks == 1)
        sb_printf(out, "      %s/%u is subnetted, %u subnets\n", a, one_len, subnets);
    else
        sb_printf(out, "      %s/%u is variably subnetted, %u subnets, %u masks\n", a, cl, subnets,
                  masks);
    for (k = i; k < j; k = e) {
        e = route_end(base, idx, j, k);
        if (shown(v, &base[idx[k]]))
            put_route(out, now_ms, base, idx, k, e, true, masks > 1, nho);
    }
}

void
render_route_ex(struct strbuf *out, int64_t now_ms, const struct rec_route *r, size_t n,
                const struct render_route_opts *o)
{
    struct view v = {o};
    size_t *idx, i, j;

    idx = calloc(n ? n : 1, sizeof(*idx));
    if (!idx)
        mem_oom();
    for (i = 0; i < n; i++)
        idx[i] = i;
    qsort_r(idx, n, sizeof(*idx), cmp_route, (void *)r);

    if (o->vrf)
        sb_printf(out, "Routing Table: %s\n", o->vrf);
    put_legend(out, o->family);
    put_gateway(out, r, idx, n);
    for (i = 0; i < n; i = j) {
        const struct rec_route *first = &r[idx[i]];
        unsigned cl = render_class_len(first->prefix);

        if (first->len < cl) { /* supernet (or default): a line of its own */
            j = route_end(r, idx, n, i);
            if (shown(&v, first))
                put_route(out, now_ms, r, idx, i, j, false, true, o->next_hop_override);
            continue;
        }
        j = i + 1;
        while (j < n && r[idx[j]].len >= cl &&
               masked(r[idx[j]].prefix, cl) == masked(first->prefix, cl))
            j++;
        put_major(out, now_ms, r, idx, i, j, &v);
    }
    free(idx);
}

void
render_route(struct strbuf *out, int64_t now_ms, const struct rec_route *r, size_t n,
             bool next_hop_override)
{
    struct render_route_opts o = {.next_hop_override = next_hop_override};

    render_route_ex(out, now_ms, r, n, &o);
}
