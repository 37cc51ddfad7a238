/* SPDX-License-Identifier: GPL-2.0-or-later */
/* EIGRP routing policy evaluation (eigrp_pol.h has the IOS rules kept). */
#include "daemons/eigrp/eigrp_pol.h"
#include "lib/inet.h"

#include <string.h>

static bool
plist_entry_matches(const struct eigrp_pol_entry *e, uint32_t prefix, uint8_t plen)
{
    uint8_t lo = e->plen, hi = e->plen;

    if (plen < e->plen || (prefix & inet_len_mask(e->plen)) != e->prefix)
        return false;
    if (e->ge)
        lo = e->ge, hi = 32;
    if (e->le)
        hi = e->le;
    return plen >= lo && plen <= hi;
}

static bool
acl_entry_matches(const struct eigrp_pol_entry *e, uint32_t prefix, uint8_t plen)
{
    uint32_t m = inet_len_mask(plen);

    return (prefix & ~e->wild) == (e->addr & ~e->wild) && (m & ~e->mwild) == (e->maddr & ~e->mwild);
}

bool
eigrp_pol_list_permits(const struct eigrp_pol *p, size_t li, uint32_t prefix, uint8_t plen)
{
    const struct eigrp_pol_list *l;
    size_t i;

    if (li >= p->nlists)
        return false;
    l = &p->lists[li];
    if (!l->defined)
        return true; /* IOS: a reference to a missing list permits any */
    for (i = l->first; i < (size_t)l->first + l->n && i < p->nentries; i++) {
        const struct eigrp_pol_entry *e = &p->entries[i];
        bool hit = l->kind == EIGRP_POL_PLIST ? plist_entry_matches(e, prefix, plen)
                                              : acl_entry_matches(e, prefix, plen);
        if (hit)
            return e->permit;
    }
    return false; /* the implicit deny at the end */
}

static bool
clause_matches(const struct eigrp_pol *p, const struct eigrp_pol_clause *c,
               const struct eigrp_pol_route *r)
{
    bool any;
    size_t i;

    if (c->naddr) {
        for (any = false, i = 0; i < c->naddr && !any; i++)
            any = eigrp_pol_list_permits(p, c->addr[i], r->prefix, r->plen);
        if (!any)
            return false;
    }
    if (c->ntag) {
        for (any = false, i = 0; i < c->ntag && !any; i++)
            any = c->tag[i] == r->tag;
        if (!any)
            return false;
    }
    if (c->nifi) {
        for (any = false, i = 0; i < c->nifi && !any; i++)
            any = c->ifi[i] == r->ifi && r->ifi != EIGRP_POL_ANY_IF;
        if (!any)
            return false;
    }
    return true;
}

bool
eigrp_pol_rmap_permits(const struct eigrp_pol *p, size_t ri, const struct eigrp_pol_route *r,
                       struct eigrp_pol_set *set)
{
    const struct eigrp_pol_rmap *m;
    size_t i;

    if (set)
        memset(set, 0, sizeof(*set));
    if (ri >= p->nrmaps || !p->rmaps[ri].defined)
        return false;
    m = &p->rmaps[ri];
    for (i = m->first; i < (size_t)m->first + m->n && i < p->nclauses; i++) {
        const struct eigrp_pol_clause *c = &p->clauses[i];
        if (!clause_matches(p, c, r))
            continue;
        if (c->permit && set) {
            set->metric = c->set_metric;
            set->m = c->metric;
            set->tag = c->set_tag;
            set->tag_value = c->tag_value;
        }
        return c->permit;
    }
    return false;
}

bool
eigrp_pol_filter(const struct eigrp_pol *p, bool out, const struct eigrp_pol_route *r)
{
    size_t i;

    for (i = 0; i < p->ndlists; i++) {
        const struct eigrp_pol_dlist *d = &p->dlists[i];
        bool ok;
        if (d->out != out || (d->ifi != EIGRP_POL_ANY_IF && d->ifi != r->ifi))
            continue;
        ok = d->kind == EIGRP_POL_RMAP ? eigrp_pol_rmap_permits(p, d->idx, r, NULL)
                                       : eigrp_pol_list_permits(p, d->idx, r->prefix, r->plen);
        if (!ok)
            return false;
    }
    return true;
}
