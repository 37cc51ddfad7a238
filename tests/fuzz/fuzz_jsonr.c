/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Fuzz target for the bounded JSON reader (lib/jsonr.h) and the FRR show
 * converters over it (daemons/routing/frr_show.h): whatever FRR or a broken
 * socket hands us must never crash either. On an accepted text, every token
 * is walked through every getter, the tree must be consistent (each
 * container's members end exactly where it ends) and a second parse of the
 * same bytes must give the same tokens; a refused text must say where.
 */
#include "daemons/routing/frr_show.h"
#include "lib/jsonr.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The subtree at v ends at toks[v].next; its members tile it exactly. */
static void
check_tree(const struct jsonr *j, uint32_t v)
{
    struct jsonr_iter it;
    uint32_t k, x, at = v + 1, n = 0;

    if (j->toks[v].next <= v || j->toks[v].next > j->ntoks)
        abort();
    for (jsonr_iter_init(&it, j, v); jsonr_iter_next(&it, j, &k, &x); n++) {
        if (k != JSONR_NONE) {
            if (k != at || jsonr_type(j, k) != JSONR_STRING)
                abort();
            at++;
        }
        if (x != at)
            abort();
        check_tree(j, x);
        at = j->toks[x].next;
    }
    if (n != jsonr_count(j, v) || at != j->toks[v].next)
        abort();
}

static void
touch_all(const struct jsonr *j)
{
    char buf[8];
    int64_t i;
    double d;
    size_t n;

    for (uint32_t v = 0; v < j->ntoks; v++) {
        long len = jsonr_str(j, v, buf, sizeof(buf));
        if (len >= 0 && strnlen(buf, sizeof(buf)) == sizeof(buf))
            abort();
        (void)jsonr_int_ok(j, v, &i);
        (void)jsonr_double_ok(j, v, &d);
        (void)jsonr_bool(j, v, false);
        (void)jsonr_str_eq(j, v, "peers");
        (void)jsonr_get(j, v, "routes");
        (void)jsonr_at(j, v, 3);
        if (jsonr_raw(j, v, &n) == NULL || j->toks[v].start + n > j->len)
            abort();
    }
}

/* Every converter over the same bytes: -1 must leave its output empty,
 * anything else must be whole records. */
static void
convert_all(const char *s, size_t n)
{
    struct strbuf a, b;
    struct frr_show_diag d;
    struct rec_route rt[4] = {{0}};
    struct rec_bgp_neighbor nb[2] = {{0}};
    int got;

    sb_init(&a);
    sb_init(&b);
    memset(&d, 0, sizeof(d));
    rt[0].code = 'O';
    nb[0].dynamic = 1;
    got = frr_show_routes(s, n, 0, &a, &d);
    if ((got < 0 && a.len != 0) || (got >= 0 && a.len != (size_t)got * sizeof(struct rec_route)))
        abort();
    (void)frr_show_ospf_codes(s, n, s, n, rt, 4, &d);
    sb_reset(&a);
    got = frr_show_bgp_summary(s, n, 0, &a, &b, &d);
    if (got < 0 ? a.len + b.len != 0 : b.len != (size_t)got * sizeof(struct rec_bgp_neighbor))
        abort();
    sb_reset(&a);
    (void)frr_show_bgp_peer_groups(s, n, &a, nb, 2, &d);
    sb_reset(&a);
    (void)frr_show_bgp_table(s, n, &a, &d);
    sb_reset(&a);
    (void)frr_show_ospf_neighbors(s, n, 0, 1, &a, &d);
    sb_reset(&a);
    (void)frr_show_ospf_ifaces(s, n, 1, &a, &d);
    sb_reset(&a);
    got = frr_show_eigrp_neighbors(s, n, 0, &a, &d);
    if (got >= 0 && a.len != (size_t)got * sizeof(struct rec_eigrp_neighbor))
        abort();
    if (strnlen(d.err, sizeof(d.err)) == sizeof(d.err))
        abort();
    sb_free(&a);
    sb_free(&b);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct jsonr a, b;
    struct jsonr_limits lim = {1u << 20, 1u << 16, 64};

    if (jsonr_parse(&a, (const char *)data, size, &lim) == 0) {
        if (a.ntoks == 0 || jsonr_root(&a) != 0)
            abort();
        check_tree(&a, 0);
        if (a.toks[0].next != a.ntoks)
            abort();
        touch_all(&a);
        if (jsonr_parse(&b, (const char *)data, size, &lim) != 0 || b.ntoks != a.ntoks ||
            memcmp(a.toks, b.toks, a.ntoks * sizeof(*a.toks)) != 0)
            abort();
        jsonr_free(&b);
    } else if (a.err == JSONR_OK || a.err_offset > size || a.ntoks != 0) {
        abort();
    }
    jsonr_free(&a);
    convert_all((const char *)data, size);
    return 0;
}
