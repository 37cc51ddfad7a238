/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * crypto pki trustpoint / certificate chain in the model (pki.h). IOS
 * prints a certificate as its DER in hex: 4-byte words in upper case, 8 to
 * a line indented by two blanks, the last word as short as the data, then
 * `quit` after a tab. That is the only form a running-config carries, so
 * the reader accepts any grouping of hex digits and the printer always
 * writes IOS's.
 */
#include "parsers/pki.h"
#include "parsers/cfg_build.h"
#include "parsers/validate.h"
#include "lib/arena.h"
#include "lib/strbuf.h"

#include <string.h>

const struct cfg_pki_trustpoint *
cfg_find_trustpoint(const struct cfg *c, const char *name)
{
    size_t i;

    for (i = 0; i < c->ntps; i++)
        if (!strcmp(c->tps[i].name, name))
            return &c->tps[i];
    return NULL;
}

const struct cfg_pki_chain *
cfg_find_chain(const struct cfg *c, const char *name)
{
    size_t i;

    for (i = 0; i < c->nchains; i++)
        if (!strcmp(c->chains[i].name, name))
            return &c->chains[i];
    return NULL;
}

/* ---- hex lines ---- */

static int
hexval(char ch)
{
    if (ch >= '0' && ch <= '9')
        return ch - '0';
    if (ch >= 'a' && ch <= 'f')
        return ch - 'a' + 10;
    if (ch >= 'A' && ch <= 'F')
        return ch - 'A' + 10;
    return -1;
}

static void
der_append(struct arena *a, struct cfg_pki_cert *ct, unsigned char byte)
{
    if (ct->len == ct->cap) {
        size_t cap = ct->cap ? ct->cap * 2 : 1024;
        unsigned char *p = arena_alloc(a, cap);
        if (ct->len)
            memcpy(p, ct->der, ct->len);
        ct->der = p;
        ct->cap = cap;
    }
    ct->der[ct->len++] = byte;
}

bool
pki_cert_line(struct cfg_build *b, const char *line, size_t len, const char **err)
{
    struct cfg_pki_chain *ch = &b->c->chains[b->cur_chain];
    struct cfg_pki_cert *ct = &ch->certs[ch->ncerts - 1];
    size_t i = 0, start;

    while (i < len && (line[i] == ' ' || line[i] == '\t'))
        i++;
    if (len - i >= 4 && !strncmp(line + i, "quit", 4)) {
        b->cert_open = false;
        return true;
    }
    /* check the whole line first: a bad line adds nothing */
    for (start = i; i < len; i++) {
        if (line[i] == ' ' || line[i] == '\t')
            continue;
        if (hexval(line[i]) < 0) {
            *err = "% Invalid certificate data: hex digits or quit expected";
            return false;
        }
    }
    for (i = start; i < len;) {
        size_t w = i;
        if (line[i] == ' ' || line[i] == '\t') {
            i++;
            continue;
        }
        while (w < len && line[w] != ' ' && line[w] != '\t')
            w++;
        if ((w - i) % 2) {
            *err = "% Invalid certificate data: odd number of hex digits";
            return false;
        }
        for (; i < w; i += 2)
            der_append(b->c->arena, ct,
                       (unsigned char)(hexval(line[i]) << 4 | hexval(line[i + 1])));
    }
    return true;
}

/* ---- print ---- */

static void
opt(struct strbuf *sb, const char *kw, const char *v)
{
    if (v)
        sb_printf(sb, " %s %s\n", kw, v);
}

static const char *const kind_kw[] = {"", "ca ", "self-signed "};

void
pki_print(struct strbuf *sb, const struct cfg *c)
{
    size_t i, j, k;
    int e;

    for (i = 0; i < c->ntps; i++) {
        const struct cfg_pki_trustpoint *t = &c->tps[i];
        sb_printf(sb, "crypto pki trustpoint %s\n", t->name);
        opt(sb, "enrollment", t->enrollment);
        opt(sb, "serial-number", t->serial);
        opt(sb, "fqdn", t->fqdn);
        opt(sb, "ip-address", t->ipaddr);
        opt(sb, "subject-name", t->subject);
        opt(sb, "revocation-check", t->revocation);
        opt(sb, "rsakeypair", t->rsakeypair);
        for (e = 0; e < t->nextra; e++)
            sb_printf(sb, " %s\n", t->extra[e]);
        sb_puts(sb, "!\n");
    }
    for (i = 0; i < c->nchains; i++) {
        const struct cfg_pki_chain *ch = &c->chains[i];
        sb_printf(sb, "crypto pki certificate chain %s\n", ch->name);
        for (j = 0; j < ch->ncerts; j++) {
            const struct cfg_pki_cert *ct = &ch->certs[j];
            sb_printf(sb, " certificate %s%s\n", kind_kw[ct->kind], ct->serial);
            for (k = 0; k < ct->len; k++) {
                if (k % 32 == 0)
                    sb_puts(sb, "  ");
                sb_printf(sb, "%02X", ct->der[k]);
                if (k + 1 == ct->len || k % 32 == 31)
                    sb_putc(sb, '\n');
                else if (k % 4 == 3)
                    sb_putc(sb, ' ');
            }
            sb_puts(sb, "  \tquit\n");
        }
        sb_puts(sb, "!\n");
    }
}

/* ---- clone ---- */

static const char *
str(struct arena *a, const char *s)
{
    return s ? arena_strdup(a, s) : NULL;
}

void
pki_clone(struct arena *a, struct cfg *c)
{
    struct cfg_pki_trustpoint *tps = c->tps;
    struct cfg_pki_chain *chs = c->chains;
    size_t i, j;
    int e;

    c->captps = c->ntps + 4;
    c->tps = arena_alloc(a, c->captps * sizeof(*c->tps));
    for (i = 0; i < c->ntps; i++) {
        struct cfg_pki_trustpoint *t = &c->tps[i];
        *t = tps[i];
        t->name = str(a, t->name);
        t->enrollment = str(a, t->enrollment);
        t->subject = str(a, t->subject);
        t->revocation = str(a, t->revocation);
        t->rsakeypair = str(a, t->rsakeypair);
        t->fqdn = str(a, t->fqdn);
        t->serial = str(a, t->serial);
        t->ipaddr = str(a, t->ipaddr);
        for (e = 0; e < t->nextra; e++)
            t->extra[e] = str(a, t->extra[e]);
    }
    c->capchains = c->nchains + 4;
    c->chains = arena_alloc(a, c->capchains * sizeof(*c->chains));
    for (i = 0; i < c->nchains; i++) {
        struct cfg_pki_chain *ch = &c->chains[i];
        const struct cfg_pki_cert *old = chs[i].certs;
        *ch = chs[i];
        ch->name = str(a, ch->name);
        ch->capcerts = ch->ncerts + 4;
        ch->certs = arena_alloc(a, ch->capcerts * sizeof(*ch->certs));
        for (j = 0; j < ch->ncerts; j++) {
            struct cfg_pki_cert *ct = &ch->certs[j];
            *ct = old[j];
            ct->serial = str(a, ct->serial);
            ct->cap = ct->len ? ct->len : 1;
            ct->der = arena_alloc(a, ct->cap);
            if (ct->len)
                memcpy(ct->der, old[j].der, ct->len);
        }
    }
}

/* ---- diff ---- */

static bool
streq(const char *a, const char *b)
{
    return (!a && !b) || (a && b && !strcmp(a, b));
}

static bool
tp_eq(const struct cfg_pki_trustpoint *a, const struct cfg_pki_trustpoint *b)
{
    int e;

    if (!streq(a->name, b->name) || !streq(a->enrollment, b->enrollment) ||
        !streq(a->subject, b->subject) || !streq(a->revocation, b->revocation) ||
        !streq(a->rsakeypair, b->rsakeypair) || !streq(a->fqdn, b->fqdn) ||
        !streq(a->serial, b->serial) || !streq(a->ipaddr, b->ipaddr) || a->nextra != b->nextra)
        return false;
    for (e = 0; e < a->nextra; e++)
        if (strcmp(a->extra[e], b->extra[e]))
            return false;
    return true;
}

bool
pki_eq(const struct cfg *o, const struct cfg *n)
{
    size_t i, j;

    if (o->ntps != n->ntps || o->nchains != n->nchains)
        return false;
    for (i = 0; i < o->ntps; i++)
        if (!tp_eq(&o->tps[i], &n->tps[i]))
            return false;
    for (i = 0; i < o->nchains; i++) {
        const struct cfg_pki_chain *a = &o->chains[i], *b = &n->chains[i];
        if (strcmp(a->name, b->name) || a->ncerts != b->ncerts)
            return false;
        for (j = 0; j < a->ncerts; j++) {
            const struct cfg_pki_cert *x = &a->certs[j], *y = &b->certs[j];
            if (x->kind != y->kind || strcmp(x->serial, y->serial) || x->len != y->len ||
                (x->len && memcmp(x->der, y->der, x->len)))
                return false;
        }
    }
    return true;
}

/* ---- validate ---- */

void
pki_validate(const struct cfg *c, struct cfg_findings *f)
{
    size_t i, j;
    int k;

    for (i = 0; i < c->nchains; i++) {
        const struct cfg_pki_chain *ch = &c->chains[i];
        if (!cfg_find_trustpoint(c, ch->name))
            cfg_findings_add(f, "crypto pki certificate chain", "%s: no trustpoint of that name",
                             ch->name);
        for (j = 0; j < ch->ncerts; j++)
            /* every DER certificate is a SEQUENCE with a long-form length */
            if (ch->certs[j].len < 4 || ch->certs[j].der[0] != 0x30)
                cfg_findings_add(f, "crypto pki certificate chain", "%s: certificate %s is not DER",
                                 ch->name, ch->certs[j].serial);
    }
    for (i = 0; i < c->nv2profs; i++) {
        const struct cfg_ikev2_profile *p = &c->v2profs[i];
        for (k = 0; k < p->npki; k++)
            if (!cfg_find_trustpoint(c, p->pki_tp[k]))
                cfg_findings_add(f, "crypto ikev2 profile", "%s: trustpoint %s does not exist",
                                 p->name, p->pki_tp[k]);
        if ((p->auth_local == V2A_RSA_SIG || (p->auth_remote & (1u << V2A_RSA_SIG))) && !p->npki)
            cfg_findings_add(f, "crypto ikev2 profile",
                             "%s: rsa-sig authentication without pki trustpoint", p->name);
    }
}
