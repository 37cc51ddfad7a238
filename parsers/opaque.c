/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Verbatim lines: commands IOS accepts that we recognise but do not model
 * (QoS, NAT, routing protocol details, AAA ...). They are kept so nothing an
 * operator configured disappears from show running-config or from the saved
 * startup config, and the migration report lists them as ignored/unsupported.
 * The stored text is canonical: keywords spelled out, arguments as typed.
 */
#include "parsers/cfg_build.h"
#include "parsers/opaque.h"
#include "lib/arena.h"

#include <stdio.h>
#include <string.h>

/* Builds the canonical text of a matched line into buf. */
size_t
opaque_canon(const struct tokline *tl, const struct cmd_match *m, int indent, char *buf, size_t sz)
{
    size_t n = 0;
    int k;

    if (sz == 0)
        return 0;
    buf[0] = '\0';
#define PUT(...)                                                                                   \
    do {                                                                                           \
        int w_ = snprintf(buf + n, sz - n, __VA_ARGS__);                                           \
        n = (w_ < 0 || (size_t)w_ >= sz - n) ? sz - 1 : n + (size_t)w_;                            \
    } while (0)
    if (indent > 0)
        PUT("%*s", indent, "");
    if (m->op == OP_NO)
        PUT("no ");
    else if (m->op == OP_DEFAULT)
        PUT("default ");
    for (k = 0; k < m->nvals; k++) {
        const struct cmd_val *v = &m->vals[k];
        if (v->kind == TK_KEYWORD || v->kind == TK_IF)
            PUT("%s%s", k ? " " : "", v->str);
        else
            PUT("%s%.*s", k ? " " : "", (int)v->len, v->str);
    }
#undef PUT
    (void)tl;
    return n;
}

static struct cfg_opaque_list *
target(struct cfg_build *b)
{
    switch (b->mode) {
    case MODE_IF:
        return &cb_cur_if(b)->opaque;
    case MODE_LINE:
        return &b->c->lines[b->cur_line].opaque;
    case MODE_IPSEC_PROF:
        return &b->c->profs[b->cur_prof].opaque;
    case MODE_ROUTER:
    case MODE_OPAQUE:
        return b->cur_opaque;
    default:
        return &b->c->global_opaque;
    }
}

/*
 * `no X` after `X` replaces it: the earlier line(s) go and the `no X` line
 * stays, because for a verbatim line we do not know IOS's default (`no ip
 * domain lookup` is a real setting; `no ip ospf cost` is harmless to keep).
 * An `X` after `no X` replaces it too.
 */
static size_t
indent_of(const char *t)
{
    size_t n = 0;

    while (t[n] == ' ')
        n++;
    return n;
}

static void
cancel_previous(struct cfg_opaque_list *l, const char *text, bool negated)
{
    size_t ind = indent_of(text), i, j, blen;
    const char *body = text + ind;
    bool dropping = false;

    if (negated)
        body += 3;
    blen = strlen(body);
    for (i = j = 0; i < l->n; i++) {
        const char *t = l->v[i].text;
        size_t ti = indent_of(t);
        if (dropping && ti > ind)
            continue; /* the sub-lines of a stanza header we dropped */
        dropping = false;
        t += ti;
        /* only lines of the same level: a global `no X` is not about an
         * indented line of some stanza that happens to read `X` */
        if (ti == ind &&
            (negated ? (strncmp(t, body, blen) == 0 && (t[blen] == ' ' || t[blen] == '\0'))
                     : (strncmp(t, "no ", 3) == 0 && strcmp(t + 3, body) == 0))) {
            dropping = true;
            continue;
        }
        l->v[j++] = l->v[i];
    }
    l->n = j;
}

/* `no route-map X permit 10`: drops the header and its indented lines. */
static void
remove_stanza(struct cfg_opaque_list *l, const char *header)
{
    size_t i, j;
    bool in = false;

    for (i = j = 0; i < l->n; i++) {
        const char *t = l->v[i].text;
        if (in && (t[0] == ' ' || t[0] == '\t'))
            continue;
        in = strcmp(t, header) == 0;
        if (in)
            continue;
        l->v[j++] = l->v[i];
    }
    l->n = j;
}

int
opaque_h_line(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    const struct cmd_def *d = m->cmd;
    struct cfg_opaque_list *l;
    char buf[1024];
    size_t n;
    int indent = (d->mode == MODE_GLOBAL) ? 0 : 1;

    n = opaque_canon(NULL, m, indent, buf, sizeof(buf));
    if (d->submode == MODE_OPAQUE && m->op != OP_SET) {
        remove_stanza(&b->c->global_opaque, buf + 3);
        return H_OK;
    }
    if (d->submode == MODE_OPAQUE) {
        /* a stanza header: its sub-lines follow it in the global list */
        l = &b->c->global_opaque;
        cancel_previous(l, buf, false);
        cb_opaque_add(b, l, buf, n, d->slot);
        b->cur_opaque = l;
        b->opaque_slot = d->slot;
        b->mode = MODE_OPAQUE;
        snprintf(b->stanza_header, sizeof(b->stanza_header), "%.*s", (int)n, buf);
        return H_OK;
    }
    l = target(b);
    cancel_previous(l, buf, m->op == OP_NO);
    cb_opaque_add(b, l, buf, n, b->mode == MODE_OPAQUE ? b->opaque_slot : d->slot);
    return H_OK;
}

/* A sub-line of a verbatim stanza (router, route-map, ...), kept as written. */
void
opaque_subline(struct cfg_build *b, const char *line, size_t len)
{
    char buf[1024];
    size_t n;

    while (len && (line[len - 1] == ' ' || line[len - 1] == '\t' || line[len - 1] == '\r'))
        len--;
    if (len && line[0] != ' ' && line[0] != '\t') {
        /* typed without indentation: indent as IOS prints it */
        n = (size_t)snprintf(buf, sizeof(buf), " %.*s", (int)len, line);
        if (n >= sizeof(buf))
            n = sizeof(buf) - 1;
        cb_opaque_add(b, b->cur_opaque, buf, n, b->opaque_slot);
        return;
    }
    cb_opaque_add(b, b->cur_opaque, line, len, b->opaque_slot);
}

/*
 * `banner TYPE <d>text<d>`: the first character after the type (or the two
 * characters `^C`, which is how show running-config prints Ctrl-C) delimits a
 * text that may span lines. The whole banner is one verbatim entry with its
 * newlines, so `no banner TYPE` can remove it.
 */
int
opaque_h_banner(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    const struct cmd_val *txt = cmd_get(m, "text");
    const char *type = m->vals[1].str;
    struct cfg_opaque_list *l = &b->c->global_opaque;
    char head[64];
    size_t i, j, hl;
    const char *rest;
    size_t rlen, dl;

    hl = (size_t)snprintf(head, sizeof(head), "banner %s ", type);
    for (i = j = 0; i < l->n; i++) {
        if (!strncmp(l->v[i].text, head, hl))
            continue; /* a new banner of the same type replaces the old */
        l->v[j++] = l->v[i];
    }
    l->n = j;
    if (m->op != OP_SET)
        return H_OK;
    if (!txt) {
        *err = "% Incomplete command.";
        return H_ERR;
    }
    if (txt->len >= 2 && txt->str[0] == '^' && txt->str[1] == 'C')
        dl = 2;
    else
        dl = 1;
    memcpy(b->banner_delim, txt->str, dl);
    b->banner_delim[dl] = '\0';
    rest = txt->str + dl;
    rlen = txt->len - dl;
    b->banner_open = memmem(rest, rlen, b->banner_delim, dl) == NULL;
    {
        char buf[1024];
        int n = snprintf(buf, sizeof(buf), "%s%.*s", head, (int)txt->len, txt->str);
        cb_opaque_add(b, l, buf, (size_t)(n < (int)sizeof(buf) ? n : (int)sizeof(buf) - 1),
                      m->cmd->slot);
    }
    return H_OK;
}

/* Appends a line to the open banner; closes it at the delimiter. */
void
opaque_banner_line(struct cfg_build *b, const char *line, size_t len)
{
    struct cfg_opaque_list *l = &b->c->global_opaque;
    struct cfg_opaque *o = &l->v[l->n - 1];
    size_t ol = strlen(o->text);
    char *t = arena_alloc(b->c->arena, ol + 1 + len + 1);

    memcpy(t, o->text, ol);
    t[ol] = '\n';
    memcpy(t + ol + 1, line, len);
    t[ol + 1 + len] = '\0';
    o->text = t;
    if (memmem(line, len, b->banner_delim, strlen(b->banner_delim)))
        b->banner_open = false;
}
