/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * show ip nhrp summary: the NHRP cache counted by type and role, in the
 * IOS-XE 16/17 layout (testdata/ios/show/show_ip_nhrp_summary). The counts
 * come from the same cache records as show ip nhrp, so the two shows always
 * agree. Counters of features we do not have (BFD, BGP-learnt routes, MPLS
 * LFIB) are printed as IOS prints them when those are off: 0.
 */
#include "cli/render/render_nhrp.h"
#include "lib/json.h"
#include "lib/rec_nhrp_count.h"

#include <string.h>

/*
 * IOS prints the memory its cache holds: 784 bytes for one entry on the
 * IOS-XE captures (IPv4 and IPv6), 3072 for four IPv6 ones, so the size per
 * entry varies a little with the entry. Ours differ anyway; 784 per entry
 * reproduces the one-entry captures and keeps the figure's scale for
 * scripts that watch it grow with the cache.
 */
#define SUMMARY_ENTRY_BYTES 784

/* k entries of one type, flags and prefix length counted at once: a cache
 * record is a group of one, a REC_NHRP_COUNT record a group of many. */
static void
add_n(struct render_nhrp_summary *s, uint8_t type, uint32_t flags, uint8_t prefix_len, uint32_t k)
{
    struct render_nhrp_summary_part *p = (flags & REC_NF_LOCAL) ? &s->local : &s->remote;
    uint32_t *by_type[] = {&p->static_, &p->dynamic, &p->incomplete};
    uint32_t *all_type[] = {&s->static_, &s->dynamic, &s->incomplete};

    s->entries += k;
    if (type <= REC_NHRP_INCOMPLETE) {
        *by_type[type] += k;
        *all_type[type] += k;
    }
    if (flags & REC_NF_LOCAL)
        return;
    /* "nhop" counts next-hop entries, "route" the ones installed as
     * routes (rib + bgp): an entry can be both (a shortcut's own /32) or
     * neither (a spoke's static NHS mapping: the IOS-XE IPv6 capture
     * shows 1 static entry, 0 nhop, 0 route). */
    if (flags & REC_NF_NHOP)
        s->nhop += k;
    if (flags & REC_NF_BFD)
        s->bfd += k;
    if (prefix_len == 0)
        s->default_ += k;
    if (flags & REC_NF_TEMPORARY)
        s->temporary += k;
    if (flags & (REC_NF_RIB | REC_NF_NHO)) {
        s->route += k;
        s->rib += k;
        if (flags & REC_NF_NHO)
            s->rib_nho += k;
        else
            s->rib_h += k;
    }
}

void
render_nhrp_summary_add(struct render_nhrp_summary *s, uint8_t type, uint32_t flags,
                        uint8_t prefix_len)
{
    add_n(s, type, flags, prefix_len, 1);
}

void
render_nhrp_summary_groups(struct strbuf *out, const struct rec_nhrp_count *g, size_t n, bool json)
{
    struct render_nhrp_summary s;
    size_t i;

    memset(&s, 0, sizeof(s));
    for (i = 0; i < n; i++)
        add_n(&s, g[i].type, g[i].flags, g[i].prefix_len, g[i].count);
    s.bytes = (uint64_t)s.entries * SUMMARY_ENTRY_BYTES;
    json ? render_nhrp_summary_json_of(out, &s) : render_nhrp_summary_text(out, &s, "IP");
}

void
render_nhrp_summary_count(struct render_nhrp_summary *s, const struct rec_nhrp_cache *c, size_t n)
{
    size_t i;

    memset(s, 0, sizeof(*s));
    for (i = 0; i < n; i++)
        render_nhrp_summary_add(s, c[i].type, c[i].flags, c[i].prefix_len);
    s->bytes = (uint64_t)s->entries * SUMMARY_ENTRY_BYTES;
}

static void
put_types(struct strbuf *out, uint32_t st, uint32_t dyn, uint32_t inc)
{
    sb_printf(out, "%5u static %3u dynamic %4u incomplete\n", st, dyn, inc);
}

void
render_nhrp_summary(struct strbuf *out, const struct rec_nhrp_cache *c, size_t n)
{
    struct render_nhrp_summary s;

    render_nhrp_summary_count(&s, c, n);
    render_nhrp_summary_text(out, &s, "IP");
}

void
render_nhrp_summary_text(struct strbuf *out, const struct render_nhrp_summary *sp,
                         const char *family)
{
    const struct render_nhrp_summary s = *sp;
    uint32_t remote = s.remote.static_ + s.remote.dynamic + s.remote.incomplete;

    sb_printf(out, "%s NHRP cache %u %s, %llu bytes\n", family, s.entries,
              s.entries == 1 ? "entry" : "entries", (unsigned long long)s.bytes);
    put_types(out, s.static_, s.dynamic, s.incomplete);
    sb_printf(out, "%u Remote\n", remote);
    put_types(out, s.remote.static_, s.remote.dynamic, s.remote.incomplete);
    sb_printf(out, "%5u nhop %5u bfd\n", s.nhop, s.bfd);
    sb_printf(out, "%5u default %2u temporary\n", s.default_, s.temporary);
    sb_printf(out, "%5u route\n", s.route);
    sb_printf(out, "%9u rib (%u H %4u nho)\n", s.rib, s.rib_h, s.rib_nho);
    sb_printf(out, "%9u bgp\n", s.bgp);
    sb_printf(out, "%5u lfib\n", s.remote.lfib);
    sb_printf(out, "%u Local\n", s.local.static_ + s.local.dynamic + s.local.incomplete);
    put_types(out, s.local.static_, s.local.dynamic, s.local.incomplete);
    sb_printf(out, "%5u lfib\n", s.local.lfib);
}

/* Opens the object of one role; the caller adds the role's own counters
 * (Remote has next hop / route ones) and closes it. */
static void
j_part_begin(struct json *j, const char *key, const struct render_nhrp_summary_part *p)
{
    json_obj_begin(j, key);
    json_uint(j, "total", (uint64_t)p->static_ + p->dynamic + p->incomplete);
    json_uint(j, "static", p->static_);
    json_uint(j, "dynamic", p->dynamic);
    json_uint(j, "incomplete", p->incomplete);
    json_uint(j, "lfib", p->lfib);
}

void
render_nhrp_summary_json(struct strbuf *out, const struct rec_nhrp_cache *c, size_t n)
{
    struct render_nhrp_summary s;

    render_nhrp_summary_count(&s, c, n);
    render_nhrp_summary_json_of(out, &s);
}

void
render_nhrp_summary_json_of(struct strbuf *out, const struct render_nhrp_summary *sp)
{
    const struct render_nhrp_summary s = *sp;
    struct json j;

    json_init(&j, out);
    json_obj_begin(&j, NULL);
    json_uint(&j, "entries", s.entries);
    json_uint(&j, "bytes", s.bytes);
    json_uint(&j, "static", s.static_);
    json_uint(&j, "dynamic", s.dynamic);
    json_uint(&j, "incomplete", s.incomplete);
    j_part_begin(&j, "remote", &s.remote);
    json_uint(&j, "nhop", s.nhop);
    json_uint(&j, "bfd", s.bfd);
    json_uint(&j, "default", s.default_);
    json_uint(&j, "temporary", s.temporary);
    json_uint(&j, "route", s.route);
    json_uint(&j, "rib", s.rib);
    json_uint(&j, "rib_h", s.rib_h);
    json_uint(&j, "rib_nho", s.rib_nho);
    json_uint(&j, "bgp", s.bgp);
    json_obj_end(&j);
    j_part_begin(&j, "local", &s.local);
    json_obj_end(&j);
    json_obj_end(&j);
}
