/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Sorted-row MIB tables and the GET/GETNEXT walk over them (sn_table.h).
 * The lexicographic order of OIDs (RFC 3416 4.2.2: GetNext returns the
 * lexicographic successor) is the order of (column, index): all rows of
 * column 1, then all rows of column 2, and so on; within a column, rows are
 * in index order, an index that is a prefix of another sorting first.
 */
#include "snmp/sn_table.h"
#include "lib/log.h"

#include <stdlib.h>
#include <string.h>

int
sn_oid_cmp(const uint32_t *a, size_t alen, const uint32_t *b, size_t blen)
{
    size_t i, n = alen < blen ? alen : blen;

    for (i = 0; i < n; i++)
        if (a[i] != b[i])
            return a[i] < b[i] ? -1 : 1;
    return alen < blen ? -1 : alen > blen ? 1 : 0;
}

size_t
sn_oid_parse(const char *s, uint32_t *oid, size_t max)
{
    size_t n = 0;

    if (*s == '.')
        s++;
    while (*s) {
        char *end;
        unsigned long v = strtoul(s, &end, 10);
        if (end == s || v > UINT32_MAX || n == max)
            return 0;
        oid[n++] = (uint32_t)v;
        if (*end == '.')
            end++;
        else if (*end)
            return 0;
        s = end;
    }
    return n;
}

void
sn_table_def(struct sn_table *t, const char *name, const uint32_t *oid, size_t n,
             const uint8_t *cols, sn_get_fn get, bool scalar)
{
    t->name = name;
    memcpy(t->oid, oid, n * sizeof(*oid));
    t->oidlen = n;
    t->cols = cols;
    t->get = get;
    t->scalar = scalar;
}

struct sn_row *
sn_table_add(struct sn_table *t, const uint32_t *idx, size_t idxlen)
{
    struct sn_row *r;

    if (idxlen > SN_IDX_MAX)
        fatal("sn_table_add: index of %zu subids", idxlen);
    if (t->nrows == t->caprows) {
        size_t cap = t->caprows ? t->caprows * 2 : 16;
        struct sn_row *p = realloc(t->rows, cap * sizeof(*p));
        if (!p)
            fatal("out of memory");
        t->rows = p;
        t->caprows = cap;
    }
    r = &t->rows[t->nrows++];
    memset(r, 0, sizeof(*r));
    memcpy(r->idx, idx, idxlen * sizeof(*idx));
    r->idxlen = (uint8_t)idxlen;
    return r;
}

static int
row_cmp(const void *a, const void *b)
{
    const struct sn_row *x = a, *y = b;
    int c = sn_oid_cmp(x->idx, x->idxlen, y->idx, y->idxlen);

    if (c)
        return c;
    /* equal indexes: keep the earlier record (stable by address) */
    return x->rec < y->rec ? -1 : x->rec > y->rec ? 1 : 0;
}

void
sn_table_sort(struct sn_table *t, int bump_pos)
{
    size_t i, j;
    bool bumped = false;

    if (t->nrows < 2)
        return;
    qsort(t->rows, t->nrows, sizeof(*t->rows), row_cmp);
    if (bump_pos >= 0) {
        uint32_t k = 0;
        for (i = 1; i < t->nrows; i++) {
            struct sn_row *r = &t->rows[i], *q = &t->rows[i - 1];
            bool dup = r->idxlen == q->idxlen && (size_t)bump_pos < r->idxlen &&
                       !sn_oid_cmp(r->idx, r->idxlen, q->idx, q->idxlen);
            /* q may already be bumped: compare against its natural index */
            if (!dup && k && r->idxlen == q->idxlen && (size_t)bump_pos < r->idxlen) {
                uint32_t save = q->idx[bump_pos];
                q->idx[bump_pos] -= 256u * k;
                dup = !sn_oid_cmp(r->idx, r->idxlen, q->idx, q->idxlen);
                q->idx[bump_pos] = save;
            }
            k = dup ? k + 1 : 0;
            if (dup) {
                r->idx[bump_pos] += 256u * k;
                bumped = true;
            }
        }
        if (bumped)
            qsort(t->rows, t->nrows, sizeof(*t->rows), row_cmp);
    }
    /* Two records with one index would make GETNEXT skip or repeat: keep
     * the first. The builders derive indexes so this does not happen with
     * sane records; when it does, the row is dropped, never served twice. */
    for (i = 1, j = 0; i < t->nrows; i++) {
        if (!sn_oid_cmp(t->rows[i].idx, t->rows[i].idxlen, t->rows[j].idx, t->rows[j].idxlen))
            continue;
        t->rows[++j] = t->rows[i];
    }
    t->nrows = j + 1;
}

void
sn_table_clear(struct sn_table *t)
{
    t->nrows = 0;
}

void
sn_table_free(struct sn_table *t)
{
    free(t->rows);
    t->rows = NULL;
    t->nrows = t->caprows = 0;
}

static bool
has_col(const struct sn_table *t, uint32_t col)
{
    const uint8_t *c;

    for (c = t->cols; *c; c++)
        if (*c == col)
            return true;
    return false;
}

/* First row whose index sorts after idx (strictly). */
static size_t
first_after(const struct sn_table *t, const uint32_t *idx, size_t len)
{
    size_t lo = 0, hi = t->nrows;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (sn_oid_cmp(t->rows[mid].idx, t->rows[mid].idxlen, idx, len) <= 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

int
sn_table_get(const struct sn_table *t, const struct sn_snap *s, const uint32_t *oid, size_t len,
             struct sn_val *v)
{
    const uint32_t *idx;
    size_t p = t->oidlen, ilen, i;

    if (len < p + 1 || sn_oid_cmp(oid, p, t->oid, p) != 0 || !has_col(t, oid[p]))
        return -1;
    idx = oid + p + 1;
    ilen = len - p - 1;
    if (ilen == 0 || ilen > SN_IDX_MAX)
        return 0;
    i = first_after(t, idx, ilen);
    /* rows[i-1] is the last row <= idx: the match, if any */
    if (i == 0 || sn_oid_cmp(t->rows[i - 1].idx, t->rows[i - 1].idxlen, idx, ilen) != 0)
        return 0;
    memset(v, 0, sizeof(*v));
    return t->get(t, s, &t->rows[i - 1], oid[p], v) ? 1 : 0;
}

static void
make_oid(const struct sn_table *t, unsigned col, const struct sn_row *r, uint32_t *out,
         size_t *outlen)
{
    memcpy(out, t->oid, t->oidlen * sizeof(*out));
    out[t->oidlen] = col;
    memcpy(out + t->oidlen + 1, r->idx, r->idxlen * sizeof(*out));
    *outlen = t->oidlen + 1 + r->idxlen;
}

bool
sn_table_next(const struct sn_table *t, const struct sn_snap *s, const uint32_t *oid, size_t len,
              uint32_t *out, size_t *outlen, struct sn_val *v)
{
    size_t p = t->oidlen, n = len < p ? len : p;
    uint32_t col = 0;
    const uint32_t *idx = NULL;
    size_t ilen = 0;
    const uint8_t *c;
    int pc = sn_oid_cmp(oid, n, t->oid, n);

    if (pc > 0)
        return false; /* past this table */
    if (pc == 0 && len > p) {
        col = oid[p];
        if (len > p + 1) {
            idx = oid + p + 1;
            ilen = len - p - 1;
        }
    }
    /* pc < 0, or oid a prefix of the table: start at the beginning */
    for (c = t->cols; *c; c++) {
        size_t i;
        if (*c < col)
            continue;
        i = (*c == col && idx) ? first_after(t, idx, ilen) : 0;
        for (; i < t->nrows; i++) {
            memset(v, 0, sizeof(*v));
            if (t->get(t, s, &t->rows[i], *c, v)) {
                make_oid(t, *c, &t->rows[i], out, outlen);
                return true;
            }
        }
    }
    return false;
}

int64_t
sn_ms_diff(int64_t a, int64_t b)
{
    int64_t d;

    if (__builtin_sub_overflow(a, b, &d))
        return a < b ? INT64_MIN : INT64_MAX;
    return d;
}

void
sn_val_int(struct sn_val *v, int64_t i)
{
    v->type = SN_INTEGER;
    v->i = i;
}

void
sn_val_uns(struct sn_val *v, enum sn_type type, uint64_t u)
{
    v->type = type;
    /* 32-bit SMI types wrap (Counter32) or are clamped by the builders */
    v->u = type == SN_COUNTER64 ? u : (u & 0xffffffffu);
}

void
sn_val_bytes(struct sn_val *v, const void *p, size_t len)
{
    v->type = SN_OCTETS;
    if (len > sizeof(v->s))
        len = sizeof(v->s);
    memcpy(v->s, p, len);
    v->len = len;
}

void
sn_val_str(struct sn_val *v, const char *s)
{
    sn_val_bytes(v, s, strlen(s));
}

void
sn_val_ipv4(struct sn_val *v, uint32_t addr)
{
    uint8_t b[4] = {(uint8_t)(addr >> 24), (uint8_t)(addr >> 16), (uint8_t)(addr >> 8),
                    (uint8_t)addr};

    sn_val_bytes(v, b, sizeof(b));
}

void
sn_val_truth(struct sn_val *v, bool b)
{
    sn_val_int(v, b ? 1 : 2);
}
