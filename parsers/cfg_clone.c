/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A deep copy of a frozen config into an arena of its own, for the edit
 * path (parse.h: cfg_parse_edit): a line typed in config mode is applied to
 * a copy of the running config instead of to a reparse of its printed text.
 * Copying is memcpy-shaped (arrays, a few strings), where printing and
 * parsing 100,000 lines is not. Every array gets some room to grow, so the
 * one route a line adds does not copy the table once more.
 *
 * Every pointer of the model must be copied here: a field left out would
 * point into the original's arena, which is freed once the edit commits.
 * tests/unit/parsers/test_edit.c frees the original before it reads the
 * copy (under ASan in CI), over every config in testdata.
 */
#include "parsers/cfg.h"
#include "parsers/ikev2.h"
#include "parsers/isakmp_prof.h"
#include "parsers/keychain.h"
#include "parsers/pki.h"
#include "lib/arena.h"
#include "lib/mem.h"

#include <string.h>

static const char *
str(struct arena *a, const char *s)
{
    return s ? arena_strdup(a, s) : NULL;
}

/* n elements of size sz, with room for a few more (the cap is updated). */
static void *
arr(struct arena *a, const void *v, size_t n, size_t *cap, size_t sz)
{
    size_t c = n + n / 8 + 4;
    void *p = arena_alloc(a, c * sz);

    if (n)
        memcpy(p, v, n * sz);
    if (cap)
        *cap = c;
    return p;
}

static void
opaque(struct arena *a, struct cfg_opaque_list *l)
{
    l->v = arr(a, l->v, l->n, &l->cap, sizeof(*l->v));
    for (size_t i = 0; i < l->n; i++)
        l->v[i].text = str(a, l->v[i].text);
}

static void
iface(struct arena *a, struct cfg_iface *i)
{
    i->name = str(a, i->name);
    i->description = str(a, i->description);
    i->secondary = arr(a, i->secondary, i->nsecondary, &i->capsecondary, sizeof(*i->secondary));
    i->tun_src_if = str(a, i->tun_src_if);
    i->tun_mode_text = str(a, i->tun_mode_text);
    i->tun_protection = str(a, i->tun_protection);
    i->tun_protection_isakmp_profile = str(a, i->tun_protection_isakmp_profile);
    i->tun_protection_ikev2_profile = str(a, i->tun_protection_ikev2_profile);
    i->tun_vrf = str(a, i->tun_vrf);
    i->vrf = str(a, i->vrf);
    i->nhrp.auth = str(a, i->nhrp.auth);
    i->nhrp.group = str(a, i->nhrp.group);
    i->nhrp.maps = arr(a, i->nhrp.maps, i->nhrp.nmaps, &i->nhrp.capmaps, sizeof(*i->nhrp.maps));
    i->nhrp.nhs = arr(a, i->nhrp.nhs, i->nhrp.nnhs, &i->nhrp.capnhs, sizeof(*i->nhrp.nhs));
    for (size_t k = 0; k < i->nhrp.nnhs; k++)
        i->nhrp.nhs[k].nbma_fqdn = str(a, i->nhrp.nhs[k].nbma_fqdn);
    i->nhrp6.auth = str(a, i->nhrp6.auth);
    i->nhrp6.maps =
        arr(a, i->nhrp6.maps, i->nhrp6.nmaps, &i->nhrp6.capmaps, sizeof(*i->nhrp6.maps));
    i->nhrp6.nhs = arr(a, i->nhrp6.nhs, i->nhrp6.nnhs, &i->nhrp6.capnhs, sizeof(*i->nhrp6.nhs));
    for (size_t k = 0; k < i->nhrp6.nnhs; k++)
        i->nhrp6.nhs[k].nbma_fqdn = str(a, i->nhrp6.nhs[k].nbma_fqdn);
    opaque(a, &i->opaque);
}

struct cfg *
cfg_clone(const struct cfg *src)
{
    struct cfg *c = mem_zalloc(sizeof(*c));
    struct arena *a;
    size_t i, k;

    *c = *src;
    a = c->arena = arena_new(256 * 1024);
    c->hostname = str(a, c->hostname);
    c->enable_secret = str(a, c->enable_secret);
    c->enable_password = str(a, c->enable_password);
    c->snmp_location = str(a, c->snmp_location);
    c->snmp_contact = str(a, c->snmp_contact);

    c->ifs = arr(a, c->ifs, c->nifs, &c->capifs, sizeof(*c->ifs));
    for (i = 0; i < c->nifs; i++)
        iface(a, &c->ifs[i]);
    c->pols = arr(a, c->pols, c->npols, &c->cappols, sizeof(*c->pols));
    c->keys = arr(a, c->keys, c->nkeys, &c->capkeys, sizeof(*c->keys));
    for (i = 0; i < c->nkeys; i++) {
        c->keys[i].key = str(a, c->keys[i].key);
        c->keys[i].hostname = str(a, c->keys[i].hostname);
    }
    c->tsets = arr(a, c->tsets, c->ntsets, &c->captsets, sizeof(*c->tsets));
    for (i = 0; i < c->ntsets; i++)
        c->tsets[i].name = str(a, c->tsets[i].name);
    c->profs = arr(a, c->profs, c->nprofs, &c->capprofs, sizeof(*c->profs));
    for (i = 0; i < c->nprofs; i++) {
        struct cfg_ipsec_profile *p = &c->profs[i];
        p->name = str(a, p->name);
        /* the transform-set list is grown one by one by its handler */
        p->tsets = arr(a, p->tsets, p->ntsets, NULL, sizeof(*p->tsets));
        for (k = 0; k < p->ntsets; k++)
            p->tsets[k] = str(a, p->tsets[k]);
        p->isakmp_profile = str(a, p->isakmp_profile);
        p->ikev2_profile = str(a, p->ikev2_profile);
        opaque(a, &p->opaque);
    }
    c->routes = arr(a, c->routes, c->nroutes, &c->caproutes, sizeof(*c->routes));
    for (i = 0; i < c->nroutes; i++) {
        /* most routes have neither: skip the calls */
        if (c->routes[i].ifname)
            c->routes[i].ifname = str(a, c->routes[i].ifname);
        if (c->routes[i].name)
            c->routes[i].name = str(a, c->routes[i].name);
        if (c->routes[i].vrf)
            c->routes[i].vrf = str(a, c->routes[i].vrf);
    }
    c->routes6 = arr(a, c->routes6, c->nroutes6, &c->caproutes6, sizeof(*c->routes6));
    for (i = 0; i < c->nroutes6; i++) {
        c->routes6[i].ifname = str(a, c->routes6[i].ifname);
        c->routes6[i].name = str(a, c->routes6[i].name);
        c->routes6[i].vrf = str(a, c->routes6[i].vrf);
    }
    c->users = arr(a, c->users, c->nusers, &c->capusers, sizeof(*c->users));
    for (i = 0; i < c->nusers; i++) {
        c->users[i].name = str(a, c->users[i].name);
        c->users[i].value = str(a, c->users[i].value);
    }
    c->comms = arr(a, c->comms, c->ncomms, &c->capcomms, sizeof(*c->comms));
    for (i = 0; i < c->ncomms; i++) {
        c->comms[i].name = str(a, c->comms[i].name);
        c->comms[i].acl = str(a, c->comms[i].acl);
    }
    c->lines = arr(a, c->lines, c->nlines, &c->caplines, sizeof(*c->lines));
    for (i = 0; i < c->nlines; i++) {
        c->lines[i].password = str(a, c->lines[i].password);
        opaque(a, &c->lines[i].opaque);
    }
    c->routers = arr(a, c->routers, c->nrouters, &c->caprouters, sizeof(*c->routers));
    for (i = 0; i < c->nrouters; i++) {
        c->routers[i].header = str(a, c->routers[i].header);
        opaque(a, &c->routers[i].lines);
    }
    ikev2_clone(a, c);
    keychain_clone(a, c);
    isaprof_clone(a, c);
    pki_clone(a, c);
    opaque(a, &c->global_opaque);
    return c;
}
