/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * EIGRP routing policy as the engine evaluates it: prefix-lists, access
 * lists and route-maps compiled by the service from the IOS lines into
 * flat tables (no text, no pointers, so a struct eigrp_conf holding one
 * still compares and copies as plain memory), and the distribute-lists
 * that apply them. Pure: a route in, permit or deny (and a route-map's
 * sets) out.
 *
 * IOS semantics kept:
 *   - prefix-list and ACL entries are tried in sequence order, the first
 *     that matches decides, no match is a deny;
 *   - a list that a route-map or distribute-list names but the config
 *     does not define, or defines without entries, matches every route
 *     (IOS treats a reference to a missing or empty list as "permit any");
 *   - route-map clauses are tried in sequence order; a clause matches when
 *     every one of its match lines matches (several values on one line:
 *     any of them); a clause without match lines matches everything; the
 *     first matching clause decides (permit: its sets apply), no match is a
 *     deny;
 *   - a route-map named but not defined denies everything (redistribute
 *     then redistributes nothing; a distribute-list naming it passes
 *     nothing).
 */
#ifndef DMVPN_EIGRP_POL_H
#define DMVPN_EIGRP_POL_H

#include "daemons/eigrp/eigrp_metric.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define EIGRP_POL_NAME        48
#define EIGRP_POL_MAX_LISTS   16
#define EIGRP_POL_MAX_ENTRIES 128
#define EIGRP_POL_MAX_RMAPS   8
#define EIGRP_POL_MAX_CLAUSES 48
#define EIGRP_POL_MAX_VALS    4 /* values of one match line */
#define EIGRP_POL_MAX_DLISTS  8
#define EIGRP_POL_ANY_IF      UINT32_MAX /* a route with no interface / a list on all */

enum eigrp_pol_kind {
    EIGRP_POL_PLIST = 1, /* ip prefix-list */
    EIGRP_POL_ACL,       /* access-list N / ip access-list standard|extended */
    EIGRP_POL_RMAP,      /* route-map (distribute-lists only) */
};

/* One prefix-list or ACL entry. A prefix-list entry matches a route of
 * length plen..: ge/le 0 = exactly plen (le alone: plen..le, ge alone:
 * ge..32). An ACL entry matches the route's network against addr/wild
 * and, extended, its mask against maddr/mwild (how an IGP filter reads
 * `permit ip NET WILD MASK WILD`); standard ones take any mask. */
struct eigrp_pol_entry {
    bool permit;
    uint32_t prefix;
    uint8_t plen, ge, le;
    uint32_t addr, wild;
    uint32_t maddr, mwild;
};

struct eigrp_pol_list {
    char name[EIGRP_POL_NAME];
    uint8_t kind; /* EIGRP_POL_PLIST or EIGRP_POL_ACL */
    bool defined;
    uint16_t first, n; /* entries[first..first+n), in sequence order */
};

/* One `route-map NAME permit|deny SEQ` clause with its lines. */
struct eigrp_pol_clause {
    uint32_t seq;
    bool permit;
    uint8_t naddr; /* match ip address [prefix-list] X Y: lists[] indexes */
    uint8_t addr[EIGRP_POL_MAX_VALS];
    uint8_t ntag; /* match tag T... */
    uint32_t tag[EIGRP_POL_MAX_VALS];
    uint8_t nifi; /* match interface X...: the engine's interface indexes */
    uint32_t ifi[EIGRP_POL_MAX_VALS];
    bool set_metric; /* set metric BW DELAY REL LOAD MTU */
    struct eigrp_metric metric;
    bool set_tag; /* set tag T */
    uint32_t tag_value;
};

struct eigrp_pol_rmap {
    char name[EIGRP_POL_NAME];
    bool defined;
    uint16_t first, n; /* clauses[first..first+n), ascending seq */
};

/* `distribute-list {route-map X|prefix X|ACL} in|out [IFACE]` */
struct eigrp_pol_dlist {
    bool out;
    uint8_t kind; /* enum eigrp_pol_kind */
    uint8_t idx;  /* into lists[] or rmaps[] */
    uint32_t ifi; /* EIGRP_POL_ANY_IF: every interface */
};

struct eigrp_pol {
    struct eigrp_pol_list lists[EIGRP_POL_MAX_LISTS];
    size_t nlists;
    struct eigrp_pol_entry entries[EIGRP_POL_MAX_ENTRIES];
    size_t nentries;
    struct eigrp_pol_rmap rmaps[EIGRP_POL_MAX_RMAPS];
    size_t nrmaps;
    struct eigrp_pol_clause clauses[EIGRP_POL_MAX_CLAUSES];
    size_t nclauses;
    struct eigrp_pol_dlist dlists[EIGRP_POL_MAX_DLISTS];
    size_t ndlists;
};

/* What a route-map looks at. */
struct eigrp_pol_route {
    uint32_t prefix;
    uint8_t plen;
    uint32_t tag;
    uint32_t ifi; /* the interface it was heard on / goes out of; ANY_IF none */
};

/* What a permitting route-map clause sets. */
struct eigrp_pol_set {
    bool metric;
    struct eigrp_metric m;
    bool tag;
    uint32_t tag_value;
};

/* Does list li (prefix-list or ACL) permit the route? */
bool eigrp_pol_list_permits(const struct eigrp_pol *p, size_t li, uint32_t prefix, uint8_t plen);
/* Does route-map ri permit the route? set (may be NULL) gets the matching
 * clause's sets, cleared first. */
bool eigrp_pol_rmap_permits(const struct eigrp_pol *p, size_t ri, const struct eigrp_pol_route *r,
                            struct eigrp_pol_set *set);
/* Every distribute-list of that direction that applies to r->ifi (its own
 * and the ones without interface) permits the route. */
bool eigrp_pol_filter(const struct eigrp_pol *p, bool out, const struct eigrp_pol_route *r);

#endif
