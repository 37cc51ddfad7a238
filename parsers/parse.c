/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The config reader: walks the lines of a config the way IOS's parser does
 * when a config is pasted or loaded.
 *  - A line is tried in the current mode first, then in global config; the
 *    latter is IOS's implicit exit (`ip route` after `interface Tunnel0`).
 *  - When every mode rejects a line, the error that got furthest into the
 *    line is reported, which puts the caret where IOS puts it.
 *  - A rejected line changes nothing (handlers check before they write) and
 *    the mode stays where it was.
 *  - Stanzas we keep verbatim (router, route-map, ...) take their indented
 *    lines as they are; show-run noise (headers, prompts, `!`) is ignored.
 */
#include "parsers/parse.h"
#include "parsers/cfg_build.h"
#include "parsers/opaque.h"
#include "parsers/pki.h"
#include "parsers/router.h"
#include "lib/log.h"
#include "lib/mem.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char MSG_INVALID[] = "% Invalid input detected at '^' marker.";
static const char MSG_INCOMPLETE[] = "% Incomplete command.";

struct parser {
    struct cfg_build b;
    struct cfg_parse *p;
    enum cfg_class stanza_cls; /* class of the verbatim stanza we are in */
    const char *stanza_note;
    int stanza_indent; /* indentation of the stanza header line */
    bool sub_indented; /* the current sub-mode's lines were indented */
};

const char *
cfg_ambiguous_message(const char *line, bool session, char *buf, size_t sz)
{
    size_t n = strlen(line);

    while (n && isspace((unsigned char)line[n - 1]))
        n--;
    while (n && isspace((unsigned char)*line)) {
        line++;
        n--;
    }
    /* an IOS session puts two blanks after the colon */
    snprintf(buf, sz, "%% Ambiguous command:%s\"%.*s\"", session ? "  " : " ", (int)n, line);
    return buf;
}

const char *
cfg_match_message(const struct match_result *r, const char *line, char *buf, size_t sz)
{
    switch (r->status) {
    case MATCH_INVALID:
        return MSG_INVALID;
    case MATCH_INCOMPLETE:
        return MSG_INCOMPLETE;
    case MATCH_AMBIGUOUS:
        return cfg_ambiguous_message(line, false, buf, sz);
    default:
        return NULL;
    }
}

static const char *
keep_msg(struct cfg_parse *p, const char *m)
{
    char *d;

    if (!m)
        return NULL;
    p->msgs = mem_grow(p->msgs, &p->capmsgs, p->nmsgs, sizeof(*p->msgs));
    d = mem_strdup(m);
    p->msgs[p->nmsgs++] = d;
    return d;
}

/* Lines that show running-config or a terminal log adds around a config. */
static bool
is_noise(const char *s, const struct tokline *tl)
{
    size_t i;

    if (!strncmp(s, "Building configuration", 22) || !strncmp(s, "Current configuration", 21) ||
        !strncmp(s, "Last configuration change", 25) || !strncmp(s, "NVRAM config last", 17) ||
        (!strncmp(s, "Using ", 6) && strstr(s, " out of ") && strstr(s, " bytes")))
        return true;
    /* a CLI prompt with a command: `HUB#sh running-config`, `R1(config)#...` */
    if (tl->ntok > 0) {
        const struct tok *t = &tl->t[0];
        for (i = 1; i < t->len; i++)
            if (t->s[i] == '#' || t->s[i] == '>')
                break;
        if (i < t->len && isalpha((unsigned char)t->s[0])) {
            size_t k;
            for (k = 0; k < i; k++)
                if (!isalnum((unsigned char)t->s[k]) && !strchr("-_.()", t->s[k]))
                    return false;
            return true;
        }
    }
    return false;
}

/* A verbatim entry that took free text accepts almost anything after its
 * keywords: returns the index of the word where that text starts, or -1
 * for a match that checked every word. */
static int
weak(const struct match_result *r)
{
    int i;

    if (r->m.cmd->handler != opaque_h_line)
        return -1;
    for (i = 0; i < r->m.nvals; i++)
        if (r->m.vals[i].kind == TK_LINE)
            return r->m.vals[i].tok;
    return -1;
}

static int
progress(const struct match_result *r, const struct tokline *tl)
{
    return r->status == MATCH_INCOMPLETE ? tl->ntok : r->err_tok;
}

/* Runs the handler of a matched command and fills the line's diagnostic. */
static void
apply(struct parser *ps, const struct match_result *r, struct cfg_diag *d)
{
    const struct cmd_def *def = r->m.cmd;
    const char *err = NULL;
    enum cfg_mode before = ps->b.mode;
    int rc;

    d->cls = def->cls;
    d->note = def->note;
    if (def->no_note && r->m.op == OP_NO) {
        d->cls = def->no_cls;
        d->note = def->no_note;
    }
    if (!def->handler) {
        d->cls = CLS_IGNORED;
        return;
    }
    rc = def->handler(&ps->b, &r->m, &err);
    if (rc == H_ERR) {
        d->cls = CLS_INVALID;
        d->msg = keep_msg(ps->p, err);
        ps->b.mode = before;
        return;
    }
    if (rc == H_WARN) {
        d->msg = keep_msg(ps->p, err);
        d->warning = true;
        ps->p->nwarnings++;
    }
    /* a stanza header we keep verbatim: its lines inherit its class */
    if (def->submode == MODE_OPAQUE || def->submode == MODE_ROUTER) {
        /* (router headers say MODE_ROUTER; the handler picks the grammar) */
        ps->stanza_cls = def->cls;
        ps->stanza_note = def->note;
    }
}

/* Implicit exit: the line belongs to global config. */
static void
take_global(struct parser *ps, const struct match_result *rg, struct cfg_diag *d)
{
    enum cfg_mode before = ps->b.mode;

    ps->b.mode = MODE_GLOBAL;
    apply(ps, rg, d);
    if (d->cls == CLS_INVALID)
        ps->b.mode = before;
}

static void
fail(struct parser *ps, const struct match_result *r, const struct tokline *tl, struct cfg_diag *d)
{
    char buf[600];

    d->cls = CLS_INVALID;
    d->msg = keep_msg(ps->p, cfg_match_message(r, d->text, buf, sizeof(buf)));
    d->caret = r->status == MATCH_INVALID ? (int)r->err_col : -1;
    d->ambiguous = r->status == MATCH_AMBIGUOUS;
    (void)tl;
}

/* Is the first word exactly the first keyword of a global command? */
static bool
global_keyword(const struct tokline *tl)
{
    struct match_result r0;
    struct tokline one = *tl;
    size_t i, n;
    const struct cmd_def *defs;

    one.ntok = 1;
    one.too_many = false;
    cmd_match_line(&one, MODE_GLOBAL, &r0);
    if (r0.status == MATCH_AMBIGUOUS || r0.status == MATCH_INVALID)
        return false;
    defs = cmd_defs(&n);
    for (i = 0; i < n; i++)
        if (defs[i].mode == MODE_GLOBAL && !strncasecmp(defs[i].syntax, tl->t[0].s, tl->t[0].len) &&
            (defs[i].syntax[tl->t[0].len] == ' ' || !defs[i].syntax[tl->t[0].len]))
            return true;
    return false;
}

/* A line inside a verbatim stanza (router bgp, route-map, ...). */
static bool
stanza_line(struct parser *ps, const char *line, size_t len, const struct tokline *tl,
            struct cfg_diag *d)
{
    struct match_result r;
    int indent = (int)(tl->t[0].col);

    if (indent > ps->stanza_indent) {
        opaque_subline(&ps->b, line, len);
        d->cls = ps->stanza_cls;
        d->note = ps->stanza_note;
        return true;
    }
    cmd_match_line(tl, ps->b.mode, &r); /* exit, end */
    if (r.status == MATCH_OK) {
        apply(ps, &r, d);
        return true;
    }
    cmd_match_line(tl, MODE_GLOBAL, &r);
    if (r.status == MATCH_OK)
        return false; /* a global command ends the stanza: normal path */
    /* An exact global keyword that then fails is a broken global line; any
     * other word belongs to the stanza's own grammar, which we do not know. */
    if (r.status == MATCH_INVALID && r.err_tok >= 1 && global_keyword(tl))
        return false;
    opaque_subline(&ps->b, line, len);
    d->cls = ps->stanza_cls;
    d->note = ps->stanza_note;
    return true;
}

/* Is the first word of the line (after `no`/`default`) one a row of mode
 * m knows? Then the line is that command and must match its syntax. */
static bool
first_known(const struct tokline *tl, enum cfg_mode m)
{
    struct match_result r;
    struct tokline one = *tl;

    /* `no`/`default` and the word after them (match.c decides what they are) */
    one.ntok = tl->ntok > 1 && ((tl->t[0].len == 2 && !memcmp(tl->t[0].lc, "no", 2)) ||
                                (tl->t[0].len == 7 && !memcmp(tl->t[0].lc, "default", 7)))
                   ? 2
                   : 1;
    one.too_many = false;
    cmd_match_line(&one, m, &r);
    return r.status != MATCH_INVALID;
}

/*
 * A line inside a router stanza that has a grammar (cmd_router_*.c). It is
 * tried in the current sub-mode and then in its parents (IOS's implicit
 * exit from `address-family` to `router bgp`). A line whose first word a
 * row knows must match, or it is refused with IOS's error and changes
 * nothing; a line whose first word no row knows is valid IOS we have no
 * grammar for, and is kept as written (a real config never loses a line).
 * A line at the stanza's indentation or less may be global config instead.
 */
static bool
router_line(struct parser *ps, const char *line, size_t len, const struct tokline *tl,
            struct cfg_diag *d)
{
    struct match_result r, best;
    enum cfg_mode before = ps->b.mode, m;
    bool inside = (int)tl->t[0].col > ps->stanza_indent, known = false, have = false;

    /* show-run layout: a line indented as deep as the current block's lines
     * is one of them, even where the grammar lacks it; only typed lines and
     * shallower ones (` exit-address-family`, the next ` address-family`)
     * may leave for a parent */
    bool deep = inside && (int)tl->t[0].col - ps->stanza_indent >= rtr_depth(before);

    for (m = before; m != MODE_GLOBAL && (m == before || !deep); m = cfg_mode_parent(m)) {
        cmd_match_line(tl, m, &r);
        if (r.status == MATCH_OK) {
            ps->b.mode = m;
            apply(ps, &r, d);
            if (d->cls == CLS_INVALID)
                ps->b.mode = before;
            return true;
        }
        if (first_known(tl, m)) {
            known = true;
            if (!have || progress(&r, tl) > progress(&best, tl))
                best = r;
            have = true;
        }
    }
    if (!inside) {
        cmd_match_line(tl, MODE_GLOBAL, &r);
        if (r.status == MATCH_OK ||
            (!known && r.status == MATCH_INVALID && r.err_tok >= 1 && global_keyword(tl)))
            return false;
    }
    if (known) {
        fail(ps, &best, tl, d);
        return true;
    }
    /* an unknown line shallower than the current block's lines ends that
     * block, as a known one would: it belongs to the block its indentation
     * names, so printing it back and reading that again puts it there too */
    if (inside && !deep) {
        int rel = (int)tl->t[0].col - ps->stanza_indent;
        while (rtr_depth(ps->b.mode) > rel && cfg_mode_parent(ps->b.mode) != MODE_GLOBAL)
            ps->b.mode = cfg_mode_parent(ps->b.mode);
    }
    rtr_verbatim(&ps->b, line, len);
    d->cls = ps->stanza_cls;
    d->note = "not in dmvpnd's router grammar; kept as written";
    return true;
}

static void
parse_line(struct parser *ps, char *line, size_t len, int lineno)
{
    struct cfg_parse *p = ps->p;
    struct cfg_diag *d;
    struct tokline tl;
    struct match_result r, rg;
    enum cfg_mode mode_before;
    const char *s;
    size_t i;

    while (len && (line[len - 1] == '\r' || line[len - 1] == '\n'))
        len--;
    line[len] = '\0';
    d = &p->diags[p->ndiags++];
    memset(d, 0, sizeof(*d));
    d->lineno = lineno;
    d->text = line;
    d->caret = -1;
    ps->b.lineno = lineno;
    ps->b.raw = line;
    ps->b.rawlen = len;

    for (i = 0; i < len; i++) {
        /* control bytes (NUL included) are not something a terminal or a
         * config file carries; IOS would never see them as part of a word */
        unsigned char ch = (unsigned char)line[i];
        if ((ch < 0x20 && ch != '\t') || ch == 0x7f) {
            d->cls = CLS_INVALID;
            d->caret = (int)i;
            d->msg = MSG_INVALID;
            return;
        }
    }
    /* longer than any IOS command line; every buffer downstream holds this */
    if (len > CFG_MAX_LINE && !ps->b.banner_open) {
        d->cls = CLS_INVALID;
        d->caret = CFG_MAX_LINE;
        d->msg = MSG_INVALID;
        return;
    }
    if (ps->b.cert_open) {
        const char *err = NULL;
        if (pki_cert_line(&ps->b, line, len, &err)) {
            d->cls = CLS_TRANSLATED;
            d->note = ps->b.cert_open ? "certificate data (DER in hex)" : "end of certificate";
        } else {
            d->cls = CLS_INVALID;
            d->msg = err;
        }
        return;
    }
    if (ps->b.banner_open) {
        opaque_banner_line(&ps->b, line, len);
        d->cls = CLS_IGNORED;
        d->note = "banner text";
        return;
    }
    for (s = line; *s == ' ' || *s == '\t'; s++)
        ;
    if (!*s) {
        d->cls = CLS_IGNORED;
        d->note = "blank line";
        return;
    }
    if (*s == '!') {
        d->cls = CLS_IGNORED;
        d->note = "comment";
        /* show running-config closes every stanza with a `!` at the left
         * margin; treating it as the end of the sub-mode keeps a global line
         * printed after a stanza from being read as part of it */
        if (s == line && ps->b.mode != MODE_GLOBAL) {
            ps->b.mode = MODE_GLOBAL;
            ps->sub_indented = false;
        }
        return;
    }
    for (s = line; *s == ' ' || *s == '\t'; s++)
        ;
    tokline_split(&tl, line, len);
    if (is_noise(s, &tl)) {
        d->cls = CLS_IGNORED;
        d->note = "show running-config framing, not configuration";
        tokline_free(&tl);
        return;
    }
    if (cfg_mode_is_router(ps->b.mode) && ps->b.mode != MODE_ROUTER &&
        router_line(ps, line, len, &tl, d)) {
        tokline_free(&tl);
        return;
    }
    if ((ps->b.mode == MODE_OPAQUE || ps->b.mode == MODE_ROUTER) &&
        stanza_line(ps, line, len, &tl, d)) {
        tokline_free(&tl);
        return;
    }
    if (ps->b.mode == MODE_OPAQUE || cfg_mode_is_router(ps->b.mode))
        ps->b.mode = MODE_GLOBAL;
    mode_before = ps->b.mode;

    /* In show-run layout (sub-commands indented) a line at the left margin
     * that global config takes is global, even if the sub-mode would take
     * it too: `ip nat inside source ...` vs an interface's `ip nat inside`.
     * Typed configs have no indentation and never reach this rule. */
    if (ps->b.mode != MODE_GLOBAL && ps->sub_indented && tl.t[0].col == 0) {
        cmd_match_line(&tl, MODE_GLOBAL, &rg);
        if (rg.status == MATCH_OK) {
            take_global(ps, &rg, d);
            goto done;
        }
    }
    cmd_match_line(&tl, ps->b.mode, &r);
    if (r.status == MATCH_OK && (ps->b.mode == MODE_GLOBAL || weak(&r) < 0)) {
        apply(ps, &r, d);
        goto done;
    }
    if (ps->b.mode == MODE_GLOBAL) {
        fail(ps, &r, &tl, d);
        goto done;
    }
    /* Not a clean match in the sub-mode: global config may take the line
     * (IOS's implicit exit). A verbatim entry that swallowed free text loses
     * to a global command that checked every word, and is only as good as
     * the words before its text: ` ip tcp adjust-mss 499` is an
     * out-of-range interface command, not global `ip tcp <anything>`. */
    cmd_match_line(&tl, MODE_GLOBAL, &rg);
    if (r.status == MATCH_OK) {
        if (rg.status == MATCH_OK && weak(&rg) < 0)
            take_global(ps, &rg, d);
        else
            apply(ps, &r, d);
    } else if (rg.status == MATCH_OK) {
        if (weak(&rg) >= 0 && progress(&r, &tl) > weak(&rg))
            fail(ps, &r, &tl, d);
        else
            take_global(ps, &rg, d);
    } else {
        fail(ps, progress(&rg, &tl) > progress(&r, &tl) ? &rg : &r, &tl, d);
    }
done:
    if (ps->b.mode == MODE_OPAQUE || cfg_mode_is_router(ps->b.mode))
        ps->stanza_indent = (int)tl.t[0].col;
    if (ps->b.mode == MODE_GLOBAL || ps->b.mode != mode_before)
        ps->sub_indented = false; /* a new stanza starts */
    else if (tl.t[0].col > 0 && d->cls != CLS_INVALID)
        ps->sub_indented = true;
    tokline_free(&tl);
}

/* Parses text into ps->b's model, one diag per line. */
static struct cfg_parse *
parse_into(struct parser *ps, const char *text, size_t len)
{
    struct cfg_parse *p = ps->p;
    size_t i, start = 0, nlines = 1;
    int lineno = 0;

    p->text = mem_zalloc(len + 1);
    memcpy(p->text, text, len);
    for (i = 0; i < len; i++)
        if (text[i] == '\n')
            nlines++;
    p->diags = mem_zalloc(nlines * sizeof(*p->diags));
    /* a UTF-8 byte order mark from an editor is not part of the config */
    if (len >= 3 && !memcmp(p->text, "\xef\xbb\xbf", 3))
        start = 3;
    for (i = start; i <= len; i++) {
        if (i == len || p->text[i] == '\n') {
            if (i == len && i == start)
                break; /* no empty last line after a final newline */
            p->text[i] = '\0';
            parse_line(ps, p->text + start, i - start, ++lineno);
            start = i + 1;
        }
    }
    /* a banner still open at the end of the text takes the rest of the file,
     * as on IOS; close it so the model prints as a well-formed banner */
    if (ps->b.banner_open)
        opaque_banner_line(&ps->b, ps->b.banner_delim, strlen(ps->b.banner_delim));
    p->final_mode = ps->b.mode;
    cb_mode_header(&ps->b, p->final_header, sizeof(p->final_header));
    p->cfg = cfg_build_finish(&ps->b);
    for (i = 0; i < p->ndiags; i++)
        p->counts[p->diags[i].cls]++;
    return p;
}

struct cfg_parse *
cfg_parse_text(const char *text, size_t len)
{
    struct parser ps;

    cmd_init();
    memset(&ps, 0, sizeof(ps));
    ps.p = mem_zalloc(sizeof(*ps.p));
    cfg_build_init(&ps.b);
    return parse_into(&ps, text, len);
}

struct cfg_parse *
cfg_parse_edit(const struct cfg *base, const char *text, size_t len)
{
    struct parser ps;

    cmd_init();
    memset(&ps, 0, sizeof(ps));
    ps.p = mem_zalloc(sizeof(*ps.p));
    cfg_build_init_from(&ps.b, cfg_clone(base));
    return parse_into(&ps, text, len);
}

struct cfg_parse *
cfg_parse_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t len = 0, cap = 0;
    struct cfg_parse *p;

    if (!f)
        return NULL;
    for (;;) {
        size_t n;
        if (cap - len < 65536) {
            cap = cap ? cap * 2 : 65536;
            buf = realloc(buf, cap);
            if (!buf)
                fatal("out of memory");
        }
        n = fread(buf + len, 1, cap - len, f);
        len += n;
        if (n == 0)
            break;
    }
    if (ferror(f)) {
        int e = errno;
        fclose(f);
        free(buf);
        errno = e ? e : EIO;
        return NULL;
    }
    fclose(f);
    p = cfg_parse_text(buf, len);
    free(buf);
    return p;
}

struct cfg *
cfg_parse_take(struct cfg_parse *p)
{
    struct cfg *c = p->cfg;

    p->cfg = NULL;
    return c;
}

void
cfg_parse_free(struct cfg_parse *p)
{
    size_t i;

    if (!p)
        return;
    cfg_free(p->cfg);
    for (i = 0; i < p->nmsgs; i++)
        free(p->msgs[i]);
    free(p->msgs);
    free(p->diags);
    free(p->text);
    free(p);
}
