/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The command registry: joins the static tables with tables added at run
 * time (the shell's EXEC commands), compiles them, indexes them per mode and
 * first letter for the matcher, and splits lines into words. Also the
 * accessors handlers use to read a match.
 */
#include "parsers/match_int.h"
#include "lib/log.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

const struct cmd_def *cmd_defs_all;
size_t cmd_ndefs_all;
/* Per mode: indices of the commands in that mode, in table order, and the
 * same split by the first letter of their first keyword (seeding a line
 * only looks at commands that can match its first word). */
int *cmd_mode_cmds[MODE_COUNT];
int cmd_mode_ncmds[MODE_COUNT];
int *cmd_mode_letter[MODE_COUNT][27];
int cmd_mode_nletter[MODE_COUNT][27];
int *cmd_mode_runend[MODE_COUNT][27][SYN_LEAD];

int
cmd_letter_of(char c)
{
    c = (char)(c | 0x20);
    return c >= 'a' && c <= 'z' ? c - 'a' : 26;
}
static bool inited;

struct cmd_def *cmd_table_build(size_t *n); /* cmd_table.c */

static const struct cmd_def *extra_defs[8];
static size_t extra_n[8];
static int nextra;

void
cmd_add_table(const struct cmd_def *defs, size_t n)
{
    if (inited || nextra == 8)
        fatal("cmd_add_table after cmd_init");
    extra_defs[nextra] = defs;
    extra_n[nextra++] = n;
}

static int
lead_cmp(const void *pa, const void *pb)
{
    const struct syn_cmd *a = &syn_cmds[*(const int *)pa], *b = &syn_cmds[*(const int *)pb];
    int k, r;

    for (k = 0; k < SYN_LEAD; k++) {
        if (!a->lead[k] || !b->lead[k])
            return !a->lead[k] - !b->lead[k];
        if ((r = strcmp(a->lead[k], b->lead[k])) != 0)
            return r;
    }
    return *(const int *)pa - *(const int *)pb;
}

void
cmd_init(void)
{
    size_t i;
    int m;

    if (inited)
        return;
    {
        struct cmd_def *all = cmd_table_build(&cmd_ndefs_all);
        int x;
        for (x = 0; x < nextra; x++) {
            all = realloc(all, (cmd_ndefs_all + extra_n[x]) * sizeof(*all));
            if (!all)
                fatal("out of memory");
            memcpy(all + cmd_ndefs_all, extra_defs[x], extra_n[x] * sizeof(*all));
            cmd_ndefs_all += extra_n[x];
        }
        cmd_defs_all = all;
    }
    syn_compile_all(cmd_defs_all, cmd_ndefs_all);
    for (m = 0; m < MODE_COUNT; m++) {
        cmd_mode_cmds[m] = calloc(cmd_ndefs_all + 1, sizeof(int));
        if (!cmd_mode_cmds[m])
            fatal("out of memory");
    }
    for (i = 0; i < cmd_ndefs_all; i++)
        cmd_mode_cmds[cmd_defs_all[i].mode][cmd_mode_ncmds[cmd_defs_all[i].mode]++] = (int)i;
    for (m = 0; m < MODE_COUNT; m++) {
        int l;
        for (l = 0; l < 27; l++) {
            cmd_mode_letter[m][l] = calloc((size_t)cmd_mode_ncmds[m] + 1, sizeof(int));
            if (!cmd_mode_letter[m][l])
                fatal("out of memory");
        }
        for (i = 0; i < (size_t)cmd_mode_ncmds[m]; i++) {
            int c = cmd_mode_cmds[m][i];
            l = cmd_letter_of(syn_cmds[c].first_kw[0]);
            cmd_mode_letter[m][l][cmd_mode_nletter[m][l]++] = c;
        }
        /* commands sharing leading keywords side by side: the matcher's
         * seeding compares each distinct keyword once (priority stays the
         * table index, so this order is free to choose) */
        for (l = 0; l < 27; l++) {
            int n = cmd_mode_nletter[m][l], k, j;
            qsort(cmd_mode_letter[m][l], (size_t)n, sizeof(int), lead_cmp);
            /* where each run of equal keywords at position k ends */
            for (k = 0; k < SYN_LEAD; k++) {
                cmd_mode_runend[m][l][k] = calloc((size_t)n + 1, sizeof(int));
                if (!cmd_mode_runend[m][l][k])
                    fatal("out of memory");
                for (j = n - 1; j >= 0; j--) {
                    const int *b = cmd_mode_letter[m][l];
                    cmd_mode_runend[m][l][k][j] =
                        (j + 1 < n && syn_cmds[b[j + 1]].lead[k] == syn_cmds[b[j]].lead[k])
                            ? cmd_mode_runend[m][l][k][j + 1]
                            : j + 1;
                }
            }
        }
    }
    match_init_stamps();
    inited = true;
}

const struct cmd_def *
cmd_defs(size_t *n)
{
    cmd_init();
    *n = cmd_ndefs_all;
    return cmd_defs_all;
}

void
tokline_split(struct tokline *tl, const char *line, size_t len)
{
    size_t i = 0;

    memset(tl, 0, sizeof(*tl));
    tl->buf = malloc(2 * (len + 1));
    if (!tl->buf)
        fatal("out of memory");
    memcpy(tl->buf, line, len);
    tl->buf[len] = '\0';
    tl->lbuf = tl->buf + len + 1;
    for (i = 0; i <= len; i++)
        tl->lbuf[i] = (char)tolower((unsigned char)tl->buf[i]);
    i = 0;
    while (i < len) {
        size_t s;
        while (i < len && (tl->buf[i] == ' ' || tl->buf[i] == '\t'))
            i++;
        if (i >= len)
            break;
        s = i;
        while (i < len && tl->buf[i] != ' ' && tl->buf[i] != '\t')
            i++;
        if (tl->ntok == LINE_MAX_TOKS) {
            tl->too_many = true;
            break;
        }
        tl->t[tl->ntok].s = tl->buf + s;
        tl->t[tl->ntok].lc = tl->lbuf + s;
        tl->t[tl->ntok].len = i - s;
        tl->t[tl->ntok].col = s;
        tl->ntok++;
    }
}

void
tokline_free(struct tokline *tl)
{
    free(tl->buf);
    tl->buf = NULL;
}

/* Arguments only: a keyword flag never shadows an argument of the same
 * name (`crypto isakmp key <word:key>`). */
const struct cmd_val *
cmd_get(const struct cmd_match *m, const char *name)
{
    int i;

    for (i = 0; i < m->nvals; i++)
        if (m->vals[i].kind != TK_KEYWORD && strcmp(m->vals[i].name, name) == 0)
            return &m->vals[i];
    return NULL;
}

/* An argument or a keyword of that name was given. */
bool
cmd_has(const struct cmd_match *m, const char *name)
{
    int i;

    for (i = 0; i < m->nvals; i++)
        if (strcmp(m->vals[i].name, name) == 0)
            return true;
    return false;
}

uint64_t
cmd_num(const struct cmd_match *m, const char *name, uint64_t dflt)
{
    const struct cmd_val *v = cmd_get(m, name);

    return v ? v->num : dflt;
}

uint32_t
cmd_ip(const struct cmd_match *m, const char *name)
{
    const struct cmd_val *v = cmd_get(m, name);

    return v ? (uint32_t)v->num : 0;
}
