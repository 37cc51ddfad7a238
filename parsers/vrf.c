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

size_t
cfg_vrfs(const struct cfg *c, struct cfg_vrf_info *out, size_t max)
{
    const struct cfg_opaque_list *g = &c->global_opaque;
    struct cfg_vrf_info *cur = NULL;
    size_t n = 0, i;

    for (i = 0; i < g->n; i++) {
        const char *t = g->v[i].text, *name;
        bool ip_form;
        if (t[0] != ' ') {
            cur = NULL;
            if ((name = header(t, &ip_form)) == NULL || n == max)
                continue;
            cur = &out[n++];
            memset(cur, 0, sizeof(*cur));
            copy_word(cur->name, sizeof(cur->name), name);
            cur->ip_form = ip_form;
            cur->ipv4 = ip_form;
        } else if (cur) {
            sub_line(cur, t);
        }
    }
    qsort(out, n, sizeof(*out), by_name);
    return n;
}

bool
cfg_vrf_find(const struct cfg *c, const char *name, struct cfg_vrf_info *out)
{
    const struct cfg_opaque_list *g = &c->global_opaque;
    size_t i, L = strlen(name);
    bool found = false;

    memset(out, 0, sizeof(*out));
    for (i = 0; i < g->n; i++) {
        const char *t = g->v[i].text, *h;
        bool ip_form;
        if (t[0] != ' ') {
            if (found)
                break;
            h = header(t, &ip_form);
            if (h && !strncmp(h, name, L) && (h[L] == '\0' || h[L] == ' ')) {
                found = true;
                copy_word(out->name, sizeof(out->name), h);
                out->ip_form = out->ipv4 = ip_form;
            }
        } else if (found) {
            sub_line(out, t);
        }
    }
    return found;
}

const char *
cfg_iface_vrf(const struct cfg_iface *ifp)
{
    return ifp->vrf;
}

const char *
cfg_tunnel_fvrf(const struct cfg_iface *ifp)
{
    return ifp->tun_vrf;
}
