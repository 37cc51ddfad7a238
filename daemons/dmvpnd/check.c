/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * `dmvpnd -n`: check a config file without touching the system, optionally
 * printing the canonical running-config (-v) or the migration report
 * (--report). Exit status: 0 no invalid line, 1 some invalid, 2 unreadable.
 * Also `--charon-conf`: the strongswan.conf of the node's charon, from the
 * same config, so the lab and operators do not restate it. And
 * `--frr-conf`: the frr.conf FRR would run for the config's routing, with
 * the translator's notes on stderr; the report classifies every routing
 * line by what the translator made of it.
 */
#include "daemons/dmvpnd/dmvpnd.h"
#include "parsers/parse.h"
#include "parsers/model_json.h"
#include "parsers/print.h"
#include "parsers/report.h"
#include "parsers/validate.h"
#include "parsers/vrf.h"
#include "daemons/ipsec/translate.h"
#include "daemons/routing/frr_conf.h"
#include "daemons/eigrp/service/eigrp_cfg.h"
#include "lib/mem.h"
#include "lib/strbuf.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Each routing line the translator looked at takes its class from it:
 * translated with the FRR line(s) it became (dmvpnd --frr hands them to
 * FRR), unsupported or ignored with why. The stanza headers are not in the
 * model with a line number; they are found by their text. The notes must
 * outlive the report (d->note points in). */
static void
report_routing(struct cfg_parse *p, struct frr_notes *n, bool frr)
{
    static const enum cfg_class cls[] = {CLS_TRANSLATED, CLS_UNSUPPORTED, CLS_IGNORED};
    size_t i, k;

    for (i = 0; i < n->n; i++) {
        struct frr_note *e = &n->v[i];
        for (k = 0; k < p->ndiags; k++) {
            struct cfg_diag *d = &p->diags[k];
            const char *t = d->text;
            size_t L;
            if (e->lineno) {
                if (d->lineno != e->lineno)
                    continue;
            } else {
                while (*t == ' ')
                    t++;
                L = strlen(e->line);
                if (strncmp(t, e->line, L) || strspn(t + L, " \t") != strlen(t + L))
                    continue;
            }
            if (d->cls == CLS_INVALID)
                break;
            p->counts[d->cls]--;
            d->cls = cls[e->kind];
            p->counts[d->cls]++;
            if (e->kind == FRR_NOTE_TRANSLATED) {
                struct strbuf nt;
                sb_init(&nt);
                if (frr)
                    sb_printf(&nt, "FRR: %s (dmvpnd --frr; dmvpnd -n --frr-conf shows the file)",
                              e->text);
                else
                    sb_printf(&nt, "runs in dmvpnd's EIGRP engine, routes to zebra (dmvpnd --frr)");
                free(e->text);
                e->text = nt.buf; /* freed with the notes */
            }
            d->note = e->text;
            break;
        }
    }
}

/* Our EIGRP engine's reading of each EIGRP line, as report notes. */
static void
eigrp_note(void *ctx, const struct cfg_opaque *o, bool ok, const char *why)
{
    struct frr_notes *ns = ctx;
    const char *t = o->text;
    size_t n;

    while (*t == ' ')
        t++;
    n = strlen(t);
    while (n && (t[n - 1] == ' ' || t[n - 1] == '\t'))
        n--;
    ns->v = mem_grow(ns->v, &ns->cap, ns->n, sizeof(*ns->v));
    ns->v[ns->n++] = (struct frr_note){ok ? FRR_NOTE_TRANSLATED : FRR_NOTE_UNSUPPORTED, o->lineno,
                                       strndup(t, n), strdup(ok ? "" : why)};
}

int
dmvpnd_check(const char *path, bool print, enum report_fmt report, bool eigrp_own)
{
    struct cfg_parse *p = cfg_parse_file(path);
    struct cfg_findings f;
    struct frr_notes notes = {0}, enotes = {0};
    struct strbuf out, err;
    int rc;

    if (!p) {
        fprintf(stderr, "%s: cannot read: %s\n", path, strerror(errno));
        return 2;
    }
    cfg_validate(p->cfg, &f);
    if (report == REPORT_TEXT || report == REPORT_JSON) {
        struct frr_opts fo = {.eigrp_own = eigrp_own};
        sb_init(&out);
        frr_conf(p->cfg, &fo, &out, &notes);
        sb_free(&out);
        report_routing(p, &notes, true);
        if (eigrp_own) {
            static struct eigrp_conf procs[EIGRP_CFG_MAX_PROCS];
            struct eigrp_cfg_notes en = {&enotes, eigrp_note};
            eigrp_cfg_build(p->cfg, (int64_t)time(NULL), procs, EIGRP_CFG_MAX_PROCS, &en);
            report_routing(p, &enotes, false);
        }
    }
    sb_init(&out);
    sb_init(&err);
    cfg_report_errors(&err, path, p);
    if (report == REPORT_NONE)
        cfg_report_findings(&err, path, &f);
    if (report == REPORT_TEXT)
        cfg_report_text(&out, path, p, &f);
    else if (report == REPORT_JSON)
        cfg_report_json(&out, path, p, &f);
    else if (report == REPORT_MODEL_JSON)
        cfg_json(&out, p->cfg);
    else if (print)
        cfg_print(&out, p->cfg, true);
    fwrite(err.buf, 1, err.len, stderr);
    fwrite(out.buf, 1, out.len, stdout);
    rc = p->counts[CLS_INVALID] ? 1 : 0;
    sb_free(&out);
    sb_free(&err);
    cfg_findings_free(&f);
    frr_notes_free(&notes);
    frr_notes_free(&enotes);
    cfg_parse_free(p);
    return rc;
}

int
dmvpnd_frr_conf(const char *path, bool statics, bool eigrp_own)
{
    struct cfg_parse *p = cfg_parse_file(path);
    struct frr_opts fo = {.statics = statics, .eigrp_own = eigrp_own};
    struct frr_notes notes = {0};
    struct strbuf out, err;
    int rc;

    if (!p) {
        fprintf(stderr, "%s: cannot read: %s\n", path, strerror(errno));
        return 2;
    }
    sb_init(&out);
    sb_init(&err);
    cfg_report_errors(&err, path, p);
    frr_conf(p->cfg, &fo, &out, &notes);
    frr_notes_render(&err, path, &notes);
    fwrite(err.buf, 1, err.len, stderr);
    fwrite(out.buf, 1, out.len, stdout);
    rc = p->counts[CLS_INVALID] ? 1 : 0;
    sb_free(&out);
    sb_free(&err);
    frr_notes_free(&notes);
    cfg_parse_free(p);
    return rc;
}

int
dmvpnd_charon_conf(const char *path, const char *vrf, const char *vici_path, const char *log_path,
                   bool kernel_esp)
{
    struct cfg_parse *p = cfg_parse_file(path);
    struct ipsec_charon_conf cc = {0};
    struct cfg_vrf_info vi;
    struct strbuf out;

    if (!p) {
        fprintf(stderr, "%s: cannot read: %s\n", path, strerror(errno));
        return 2;
    }
    /* a charon for a VRF the config lacks would serve no tunnel */
    if (vrf && !cfg_vrf_find(p->cfg, vrf, &vi)) {
        fprintf(stderr, "%s: --vici-vrf %s: the config defines no VRF %s\n", path, vrf, vrf);
        cfg_parse_free(p);
        return 2;
    }
    cc.vici_socket = vici_path ? vici_path : "/run/dmvpn/charon.vici";
    cc.libipsec = !kernel_esp;
    cc.log_path = log_path;
    cc.log_level = 1;
    ipsec_charon_conf_from_cfg(&cc, p->cfg);
    sb_init(&out);
    ipsec_charon_conf_render(&out, &cc);
    fwrite(out.buf, 1, out.len, stdout);
    sb_free(&out);
    cfg_parse_free(p);
    return 0;
}
