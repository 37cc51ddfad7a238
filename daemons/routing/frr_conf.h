/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The pure translator from an IOS config's routing (router bgp|ospf|eigrp
 * stanzas, the interfaces' `ip ospf` lines, prefix-lists, route-maps, the
 * access-lists routing uses, static routes) to the frr.conf FRR 8.4 runs.
 * The parser keeps these lines verbatim (parsers/cfg.h `struct cfg_router`,
 * opaque lines); the translator tokenizes them itself. Every source line it
 * looks at gets a note: translated (with the FRR line(s) it became) or not
 * (with why), so the migration report can classify it and nothing is
 * dropped silently. No I/O, no clock: golden-tested (testdata/frr/).
 */
#ifndef DMVPN_ROUTING_FRR_CONF_H
#define DMVPN_ROUTING_FRR_CONF_H

#include <stdbool.h>
#include <stddef.h>

struct cfg;
struct strbuf;

struct frr_opts {
    /* `ip route` lines go to staticd too. Off while the data plane owns
     * static routes (without FRR zebra the kernel routes are ours). */
    bool statics;
    /* EIGRP runs in dmvpnd's own engine (daemons/eigrp), which hands its
     * routes to zebra: no `router eigrp` for eigrpd, the lines are that
     * engine's. */
    bool eigrp_own;
};

enum frr_note_kind {
    FRR_NOTE_TRANSLATED,  /* text: the FRR line(s) it became */
    FRR_NOTE_UNSUPPORTED, /* text: why FRR cannot express it; left out */
    FRR_NOTE_IGNORED,     /* text: why it has no FRR equivalent nor needs one */
};

struct frr_note {
    enum frr_note_kind kind;
    int lineno; /* source line; 0 for a line typed or made up */
    char *line; /* the IOS line, as stored (trimmed) */
    char *text; /* see frr_note_kind */
};

struct frr_notes {
    struct frr_note *v;
    size_t n, cap;
};

/* Appends the frr.conf text to out and one note per routing line to notes
 * (zeroed by the caller). Returns the number of FRR_NOTE_UNSUPPORTED notes;
 * 0 with an empty out when the config has no routing at all. */
int frr_conf(const struct cfg *c, const struct frr_opts *o, struct strbuf *out,
             struct frr_notes *notes);
void frr_notes_free(struct frr_notes *n);
const char *frr_note_kind_name(enum frr_note_kind k);
/* The notes that are not FRR_NOTE_TRANSLATED, one per line:
 * `FILE:LINE: kind: IOS-LINE  # why` (what `dmvpnd -n --frr-conf` prints on
 * stderr; `FILE: ...` for a stanza header, which has no line number here). */
void frr_notes_render(struct strbuf *out, const char *fname, const struct frr_notes *n);

/* The run directory (vty sockets, zserv.api) of FRR pathspace ps ("" the
 * default instance) under run_base (NULL: /var/run/frr), as watchfrr -N
 * lays it out; false when ps is not a name or the path does not fit. */
bool frr_run_dir(const char *run_base, const char *ps, char *out, size_t n);

#endif
