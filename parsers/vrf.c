/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * VRFs. Their definitions (`vrf definition X` with `rd`, `description`,
 * `address-family ipv4|ipv6`; the older `ip vrf X`) are kept verbatim as
 * stanzas (printed back as written); what the rest of the program needs of
 * them is read here from those lines. On Linux a VRF becomes a network
 * namespace of its own (this kernel has no VRF device) or a VRF device.
 */
#include "parsers/vrf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* "vrf definition NAME" / "ip vrf NAME" at column 0: the name, else NULL. */
static const char *
header(const char *t, bool *ip_form)
{
    if (!strncmp(t, "vrf definition ", 15)) {
        *ip_form = false;
        return t + 15;
    }
    if (!strncmp(t, "ip vrf ", 7) && strncmp(t, "ip vrf forwarding", 17)) {
        *ip_form = true;
        return t + 7;
    }
    return NULL;
}

static void
copy_word(char *dst, size_t sz, const char *src)
{
    size_t n = strcspn(src, " \t");

    if (n >= sz)
        n = sz - 1;
    memcpy(dst, src, n);
    dst[n] = '\0';
}

static void
sub_line(struct cfg_vrf_info *v, const char *t)
{
    while (*t == ' ')
        t++;
    if (!strncmp(t, "rd ", 3))
        copy_word(v->rd, sizeof(v->rd), t + 3);
    else if (!strncmp(t, "description ", 12))
        snprintf(v->desc, sizeof(v->desc), "%s", t + 12);
    else if (!strncmp(t, "address-family ipv4", 19))
        v->ipv4 = true;
    else if (!strncmp(t, "address-family ipv6", 19))
        v->ipv6 = true;
}

static int
by_name(const void *a, const void *b)
{
    return strcmp(((const struct cfg_vrf_info *)a)->name, ((const struct cfg_vrf_info *)b)->name);
}

/* Walks the VRF stanzas: each definition in turn (with its sub-lines read)
 * to fn, until fn returns false. */
static void
walk(const struct cfg *c, bool (*fn)(void *arg, const struct cfg_vrf_info *v), void *arg)
{
    const struct cfg_opaque_list *g = &c->global_opaque;
    struct cfg_vrf_info cur;
    bool open = false;
    size_t i;

    for (i = 0; i <= g->n; i++) {
        const char *t = i < g->n ? g->v[i].text : "", *name;
        bool ip_form;
        if (i < g->n && t[0] == ' ') {
            if (open)
                sub_line(&cur, t);
            continue;
        }
        if (open && !fn(arg, &cur))
            return;
        open = false;
        if (i < g->n && (name = header(t, &ip_form)) != NULL) {
            memset(&cur, 0, sizeof(cur));
            copy_word(cur.name, sizeof(cur.name), name);
            cur.ip_form = cur.ipv4 = ip_form;
            open = true;
        }
    }
}

struct collect {
    struct cfg_vrf_info *out;
    size_t n, max;
    const char *name; /* cfg_vrf_find: the one wanted */
    bool found;
};

static bool
collect_one(void *arg, const struct cfg_vrf_info *v)
{
    struct collect *k = arg;

    if (k->name) {
        if (strcmp(v->name, k->name))
            return true;
        *k->out = *v;
        k->found = true;
        return false;
    }
    if (k->n < k->max)
        k->out[k->n++] = *v;
    return true;
}

size_t
cfg_vrfs(const struct cfg *c, struct cfg_vrf_info *out, size_t max)
{
    struct collect k = {out, 0, max, NULL, false};

    walk(c, collect_one, &k);
    qsort(out, k.n, sizeof(*out), by_name);
    return k.n;
}

bool
cfg_vrf_find(const struct cfg *c, const char *name, struct cfg_vrf_info *out)
{
    struct collect k = {out, 0, 1, name, false};

    memset(out, 0, sizeof(*out));
    walk(c, collect_one, &k);
    return k.found;
}
