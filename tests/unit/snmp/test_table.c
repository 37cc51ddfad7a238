/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The sorted-row table core (snmp/sn_table.c): OID order, GET and GETNEXT
 * from before, inside and after a table, columns a row has no value for,
 * duplicate indexes, scalar groups; and snapshot record decoding
 * (snmp/sn_source.c). */
#include "snmp/sn_source.h"
#include "snmp/sn_table.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

static void
test_oid(void **state)
{
    uint32_t a[8], b[8];
    size_t na = sn_oid_parse(".1.3.6.1", a, 8), nb = sn_oid_parse("1.3.6.1.2", b, 8);

    assert_int_equal(na, 4);
    assert_int_equal(nb, 5);
    assert_true(sn_oid_cmp(a, na, b, nb) < 0); /* prefix first */
    assert_true(sn_oid_cmp(b, nb, a, na) > 0);
    assert_int_equal(sn_oid_cmp(a, na, a, na), 0);
    b[3] = 0;
    assert_true(sn_oid_cmp(a, na, b, nb) > 0);
    assert_int_equal(sn_oid_parse("1.x", a, 8), 0);
    assert_int_equal(sn_oid_parse("1.4294967296", a, 8), 0);
    assert_int_equal(sn_oid_parse("1.2.3", a, 2), 0);
}

/* A test table 1.9.1 with columns 2, 3, 5; column 3 has no value for rows
 * whose n is odd; values are (column * 1000 + n). */
static bool
get_test(const struct sn_table *t, const struct sn_snap *s, const struct sn_row *r, unsigned col,
         struct sn_val *v)
{
    if (col == 3 && (r->n & 1))
        return false;
    sn_val_int(v, col * 1000 + r->n);
    return col == 2 || col == 3 || col == 5;
}

static const uint8_t cols[] = {2, 3, 5, 0};

static void
make(struct sn_table *t)
{
    static const uint32_t idx[][3] = {{7, 1}, {3}, {7}, {10, 2, 1}, {3, 5}};
    static const uint8_t len[] = {2, 1, 1, 3, 2};
    size_t i;

    memset(t, 0, sizeof(*t));
    t->name = "test";
    t->oidlen = sn_oid_parse("1.9.1", t->oid, SN_OID_MAX);
    t->cols = cols;
    t->get = get_test;
    for (i = 0; i < 5; i++)
        sn_table_add(t, idx[i], len[i])->n = (uint32_t)i;
    sn_table_sort(t, -1);
}

/* Walks the table from `from`, returning the OIDs as "a.b.c=v;..." */
static void
walk(const struct sn_table *t, const char *from, char *out, size_t sz)
{
    uint32_t q[SN_OID_MAX], o[SN_OID_MAX];
    size_t qn = sn_oid_parse(from, q, SN_OID_MAX), on, i;
    struct sn_val v;
    size_t used = 0;

    out[0] = 0;
    while (sn_table_next(t, NULL, q, qn, o, &on, &v)) {
        for (i = 0; i < on; i++)
            used += (size_t)snprintf(out + used, sz - used, i ? ".%u" : "%u", o[i]);
        used += (size_t)snprintf(out + used, sz - used, "=%lld;", (long long)v.i);
        assert_true(sn_oid_cmp(o, on, q, qn) > 0); /* always forward */
        memcpy(q, o, on * sizeof(*q));
        qn = on;
    }
}

static void
test_next(void **state)
{
    struct sn_table t;
    char buf[1024];

    make(&t);
    /* rows sorted: {3}=1 {3,5}=4 {7}=2 {7,1}=0 {10,2,1}=3; column 3 skips odd n */
    walk(&t, "1", buf, sizeof(buf));
    assert_string_equal(buf, "1.9.1.2.3=2001;1.9.1.2.3.5=2004;1.9.1.2.7=2002;1.9.1.2.7.1=2000;"
                             "1.9.1.2.10.2.1=2003;"
                             "1.9.1.3.3.5=3004;1.9.1.3.7=3002;1.9.1.3.7.1=3000;"
                             "1.9.1.5.3=5001;1.9.1.5.3.5=5004;1.9.1.5.7=5002;1.9.1.5.7.1=5000;"
                             "1.9.1.5.10.2.1=5003;");
    /* from inside: a partial index, an unsupported column, past the end */
    walk(&t, "1.9.1.2.7.0", buf, sizeof(buf));
    assert_true(!strncmp(buf, "1.9.1.2.7.1=2000;", 17));
    walk(&t, "1.9.1.4", buf, sizeof(buf));
    assert_true(!strncmp(buf, "1.9.1.5.3=5001;", 15));
    walk(&t, "1.9.1.5.10.2.1", buf, sizeof(buf));
    assert_string_equal(buf, "");
    walk(&t, "1.9.2", buf, sizeof(buf));
    assert_string_equal(buf, "");
    walk(&t, "1.9.1", buf, sizeof(buf));
    assert_true(!strncmp(buf, "1.9.1.2.3=2001;", 15));
    sn_table_free(&t);
}

static void
test_get(void **state)
{
    struct sn_table t;
    struct sn_val v;
    uint32_t q[SN_OID_MAX];
    size_t n;

    make(&t);
    n = sn_oid_parse("1.9.1.5.7.1", q, SN_OID_MAX);
    assert_int_equal(sn_table_get(&t, NULL, q, n, &v), 1);
    assert_int_equal(v.i, 5000);
    n = sn_oid_parse("1.9.1.3.3", q, SN_OID_MAX); /* row without column 3 */
    assert_int_equal(sn_table_get(&t, NULL, q, n, &v), 0);
    n = sn_oid_parse("1.9.1.2.8", q, SN_OID_MAX); /* no such row */
    assert_int_equal(sn_table_get(&t, NULL, q, n, &v), 0);
    n = sn_oid_parse("1.9.1.4.3", q, SN_OID_MAX); /* unsupported column */
    assert_int_equal(sn_table_get(&t, NULL, q, n, &v), -1);
    n = sn_oid_parse("1.9.1.2", q, SN_OID_MAX); /* column, no instance */
    assert_int_equal(sn_table_get(&t, NULL, q, n, &v), 0);
    n = sn_oid_parse("1.9", q, SN_OID_MAX);
    assert_int_equal(sn_table_get(&t, NULL, q, n, &v), -1);
    sn_table_free(&t);
}

static void
test_duplicates(void **state)
{
    struct sn_table t;
    static const uint32_t a[] = {1, 4, 10, 0, 0, 1, 2, 33};

    memset(&t, 0, sizeof(t));
    sn_table_add(&t, a, 8)->n = 0;
    sn_table_add(&t, a, 8)->n = 1;
    sn_table_add(&t, a, 8)->n = 2;
    sn_table_sort(&t, 7); /* bump the last subid */
    assert_int_equal(t.nrows, 3);
    assert_int_equal(t.rows[0].idx[7], 33);
    assert_int_equal(t.rows[1].idx[7], 33 + 256);
    assert_int_equal(t.rows[2].idx[7], 33 + 512);
    sn_table_clear(&t);
    sn_table_add(&t, a, 8);
    sn_table_add(&t, a, 8);
    sn_table_sort(&t, -1); /* drop */
    assert_int_equal(t.nrows, 1);
    sn_table_free(&t);
}

static void
put_block(uint8_t *buf, size_t *len, uint32_t kind, uint32_t count, uint32_t size, int fill)
{
    struct rec_header h = {.kind = kind, .count = count, .rec_size = size, .now_ms = 42};

    memcpy(buf + *len, &h, sizeof(h));
    *len += sizeof(h);
    memset(buf + *len, fill, (size_t)count * size);
    *len += (size_t)count * size;
}

static void
test_decode(void **state)
{
    uint8_t buf[4096];
    size_t len = 0;
    struct rec_header h;
    void *out;
    struct rec_nhrp_nhs *nhs;

    /* an older daemon's shorter records are zero-extended */
    put_block(buf, &len, REC_NHRP_NHS, 2, 40, 0x5a);
    assert_int_equal(sn_records_decode(buf, len, REC_NHRP_NHS, sizeof(*nhs), &out, &h), 2);
    nhs = out;
    assert_int_equal((uint8_t)nhs[1].ifname[0], 0x5a);
    assert_int_equal(nhs[1].addr, 0x5a5a5a5au); /* offset 32..36 inside the 40 bytes */
    assert_int_equal(nhs[1].pending_retries, 0);
    assert_int_equal(h.now_ms, 42);
    free(out);
    /* a count that does not fit the payload, a wrong kind, a short header */
    len = 0;
    put_block(buf, &len, REC_NHRP_NHS, 2, 40, 0);
    assert_int_equal(sn_records_decode(buf, len - 1, REC_NHRP_NHS, sizeof(*nhs), &out, &h), -1);
    assert_int_equal(sn_records_decode(buf, len, REC_NHRP_CACHE, 88, &out, &h), -1);
    assert_int_equal(sn_records_decode(buf, 8, REC_NHRP_NHS, sizeof(*nhs), &out, &h), -1);
    /* an empty table */
    len = 0;
    put_block(buf, &len, 0, 0, 0, 0);
    assert_int_equal(sn_records_decode(buf, len, REC_IKE_SA, 8, &out, &h), 0);
    assert_null(out);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_oid),    cmocka_unit_test(test_next),
        cmocka_unit_test(test_get),    cmocka_unit_test(test_duplicates),
        cmocka_unit_test(test_decode),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
