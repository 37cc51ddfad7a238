/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * VICI codec: the encoding of the README's example structure, round trips
 * through encode/parse/dump, builder misuse, and malformed input of every
 * kind the parser must refuse (truncation, bad grammar, limits).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "lib/strbuf.h"
#include "lib/vici.h"

/* The README's example tree: key1 = value1, section1 { sub-section { key2 =
 * value2 } list1 = [item1, item2] }, written out element by element. */
static const uint8_t example[] = {
    3,   4,   'k', 'e', 'y', '1', 0,   6,   'v', 'a', 'l', 'u', 'e', '1', 1,   8,
    's', 'e', 'c', 't', 'i', 'o', 'n', '1', 1,   11,  's', 'u', 'b', '-', 's', 'e',
    'c', 't', 'i', 'o', 'n', 3,   4,   'k', 'e', 'y', '2', 0,   6,   'v', 'a', 'l',
    'u', 'e', '2', 2,   4,   5,   'l', 'i', 's', 't', '1', 5,   0,   5,   'i', 't',
    'e', 'm', '1', 5,   0,   5,   'i', 't', 'e', 'm', '2', 6,   2,
};

static struct vici_msg *
build_example(void)
{
    struct vici_msg *m = vici_msg_new();

    vici_msg_kv(m, "key1", "value1");
    vici_msg_section_begin(m, "section1");
    vici_msg_section_begin(m, "sub-section");
    vici_msg_kv(m, "key2", "value2");
    vici_msg_section_end(m);
    vici_msg_list_begin(m, "list1");
    vici_msg_list_item(m, "item1");
    vici_msg_list_item(m, "item2");
    vici_msg_list_end(m);
    vici_msg_section_end(m);
    return m;
}

static void
test_encode_example(void **state)
{
    struct vici_msg *m = build_example();
    struct strbuf sb;

    sb_init(&sb);
    assert_null(vici_msg_error(m));
    assert_int_equal(vici_msg_encode(m, &sb), 0);
    assert_int_equal(sb.len, sizeof(example));
    assert_memory_equal(sb.buf, example, sizeof(example));
    sb_free(&sb);
    vici_msg_free(m);
}

static void
test_parse_example(void **state)
{
    char err[128];
    struct vici_msg *m = vici_msg_parse(example, sizeof(example), err, sizeof(err));
    const struct vici_node *n;
    struct strbuf sb;

    assert_non_null(m);
    assert_string_equal(vici_msg_str(m, "key1"), "value1");
    assert_string_equal(vici_msg_str(m, "section1.sub-section.key2"), "value2");
    assert_null(vici_msg_str(m, "section1.sub-section")); /* a section, not a value */
    assert_null(vici_msg_find(m, "section1.nope"));
    n = vici_msg_find(m, "section1.list1");
    assert_non_null(n);
    assert_int_equal(vici_node_kind(n), VICI_N_LIST);
    assert_int_equal(vici_node_count(n), 2);
    assert_string_equal(vici_node_value(vici_node_first(n), NULL), "item1");
    assert_string_equal(vici_node_value(vici_node_next(vici_node_first(n)), NULL), "item2");
    sb_init(&sb);
    vici_msg_dump(&sb, m);
    assert_string_equal(sb.buf, "key1 = value1\n"
                                "section1 {\n"
                                "  sub-section {\n"
                                "    key2 = value2\n"
                                "  }\n"
                                "  list1 [\n"
                                "    item1\n"
                                "    item2\n"
                                "  ]\n"
                                "}\n");
    sb_free(&sb);
    vici_msg_free(m);
}

static void
test_round_trip(void **state)
{
    struct vici_msg *m = vici_msg_new(), *p;
    struct strbuf a, b, da, db;
    char err[128];
    uint8_t blob[3] = {0, 0xff, '"'};

    vici_msg_section_begin(m, "Tunnel0-202.1.1.2");
    vici_msg_kvf(m, "version", "%d", 1);
    vici_msg_kv(m, "empty", "");
    vici_msg_kv_blob(m, "blob", blob, sizeof(blob));
    vici_msg_list_begin(m, "none");
    vici_msg_list_end(m);
    vici_msg_list_begin(m, "proposals");
    vici_msg_list_itemf(m, "%s-%s", "3des", "md5");
    vici_msg_list_item(m, " spaced ");
    vici_msg_list_end(m);
    vici_msg_section_begin(m, "");
    vici_msg_section_end(m);
    vici_msg_section_end(m);
    assert_true(vici_msg_complete(m));
    sb_init(&a);
    assert_int_equal(vici_msg_encode(m, &a), 0);
    p = vici_msg_parse((const uint8_t *)a.buf, a.len, err, sizeof(err));
    assert_non_null(p);
    sb_init(&b);
    assert_int_equal(vici_msg_encode(p, &b), 0);
    assert_int_equal(a.len, b.len);
    assert_memory_equal(a.buf, b.buf, a.len);
    sb_init(&da);
    sb_init(&db);
    vici_msg_dump(&da, m);
    vici_msg_dump(&db, p);
    assert_string_equal(da.buf, db.buf);
    assert_string_equal(da.buf, "Tunnel0-202.1.1.2 {\n"
                                "  version = 1\n"
                                "  empty = \"\"\n"
                                "  blob = \"\\x00\\xff\\x22\"\n"
                                "  none [\n"
                                "  ]\n"
                                "  proposals [\n"
                                "    3des-md5\n"
                                "    \" spaced \"\n"
                                "  ]\n"
                                "  \"\" {\n"
                                "  }\n"
                                "}\n");
    /* Dotted names are reached with vici_node_get, not a path. */
    assert_null(vici_msg_find(p, "Tunnel0-202.1.1.2"));
    {
        const struct vici_node *c = vici_node_get(vici_msg_root(p), "Tunnel0-202.1.1.2");
        size_t l;
        assert_non_null(c);
        assert_null(vici_node_str(c, "blob")); /* has a NUL inside */
        assert_non_null(vici_node_value(vici_node_get(c, "blob"), &l));
        assert_int_equal(l, 3);
        assert_string_equal(vici_node_str(c, "empty"), "");
    }
    sb_free(&a);
    sb_free(&b);
    sb_free(&da);
    sb_free(&db);
    vici_msg_free(m);
    vici_msg_free(p);
}

static void
test_numbers(void **state)
{
    struct vici_msg *m = vici_msg_new();
    const struct vici_node *r;
    uint64_t u;
    int64_t i;

    vici_msg_kv(m, "a", "18446744073709551615");
    vici_msg_kv(m, "b", "18446744073709551616");
    vici_msg_kv(m, "c", "-42");
    vici_msg_kv(m, "d", "12x");
    vici_msg_kv(m, "e", "");
    vici_msg_kv(m, "f", "yes");
    vici_msg_kv(m, "g", "9223372036854775808");
    r = vici_msg_root(m);
    assert_true(vici_node_u64(r, "a", &u));
    assert_true(u == UINT64_MAX);
    assert_false(vici_node_u64(r, "b", &u));
    assert_false(vici_node_u64(r, "c", &u));
    assert_true(vici_node_i64(r, "c", &i));
    assert_int_equal(i, -42);
    assert_false(vici_node_i64(r, "d", &i));
    assert_false(vici_node_u64(r, "e", &u));
    assert_false(vici_node_i64(r, "e", &i));
    assert_false(vici_node_i64(r, "g", &i));
    assert_false(vici_node_u64(r, "missing", &u));
    assert_true(vici_node_yes(r, "f"));
    assert_false(vici_node_yes(r, "a"));
    assert_false(vici_node_yes(r, "missing"));
    vici_msg_free(m);
}

static void
test_builder_misuse(void **state)
{
    struct vici_msg *m;
    struct strbuf sb;
    char longname[300];
    int i;

    sb_init(&sb);
    m = vici_msg_new();
    vici_msg_kv(m, "k", "1");
    vici_msg_kv(m, "k", "2");
    assert_non_null(vici_msg_error(m));
    assert_int_equal(vici_msg_encode(m, &sb), -1);
    assert_int_equal(sb.len, 0);
    vici_msg_free(m);

    m = vici_msg_new();
    vici_msg_list_begin(m, "l");
    vici_msg_kv(m, "k", "1");
    assert_non_null(vici_msg_error(m));
    vici_msg_free(m);

    m = vici_msg_new();
    vici_msg_list_item(m, "x");
    assert_non_null(vici_msg_error(m));
    vici_msg_free(m);

    m = vici_msg_new();
    vici_msg_section_end(m);
    assert_non_null(vici_msg_error(m));
    vici_msg_free(m);

    m = vici_msg_new();
    vici_msg_list_end(m);
    assert_non_null(vici_msg_error(m));
    vici_msg_free(m);

    m = vici_msg_new();
    vici_msg_section_begin(m, "open");
    assert_null(vici_msg_error(m));
    assert_false(vici_msg_complete(m));
    assert_int_equal(vici_msg_encode(m, &sb), -1);
    vici_msg_free(m);

    m = vici_msg_new();
    memset(longname, 'n', sizeof(longname));
    longname[256] = '\0';
    vici_msg_kv(m, longname, "v");
    assert_non_null(vici_msg_error(m));
    vici_msg_free(m);

    m = vici_msg_new();
    for (i = 0; i <= VICI_MAX_DEPTH; i++)
        vici_msg_section_begin(m, "s");
    assert_non_null(vici_msg_error(m));
    vici_msg_free(m);

    m = vici_msg_new();
    vici_msg_list_begin(m, "l");
    for (i = 0; i < (int)VICI_MAX_ELEMS + 1; i++)
        vici_msg_list_item(m, "");
    assert_non_null(vici_msg_error(m));
    vici_msg_free(m);
    sb_free(&sb);
}

static void
expect_bad(const uint8_t *p, size_t n, const char *why)
{
    char err[128] = "";
    struct vici_msg *m = vici_msg_parse(p, n, err, sizeof(err));

    if (m) {
        vici_msg_free(m);
        fail_msg("accepted: %s", why);
    }
    assert_true(err[0] != '\0');
}

static void
test_parse_malformed(void **state)
{
    static const uint8_t unknown[] = {9};
    static const uint8_t zero[] = {0};
    static const uint8_t end_at_root[] = {2};
    static const uint8_t item_outside[] = {5, 0, 1, 'x'};
    static const uint8_t listend_outside[] = {6};
    static const uint8_t nested_list[] = {4, 1, 'a', 4, 1, 'b', 6, 6};
    static const uint8_t kv_in_list[] = {4, 1, 'a', 3, 1, 'k', 0, 0, 6};
    static const uint8_t sec_in_list[] = {4, 1, 'a', 1, 1, 's', 2, 6};
    static const uint8_t open_list[] = {4, 1, 'a'};
    static const uint8_t open_sec[] = {1, 1, 's'};
    static const uint8_t name_trunc[] = {3, 5, 'k', 'e'};
    static const uint8_t name_missing[] = {3};
    static const uint8_t name_nul[] = {3, 2, 'k', 0, 0, 0};
    static const uint8_t value_len_trunc[] = {3, 1, 'k', 0};
    static const uint8_t value_trunc[] = {3, 1, 'k', 0, 9, 'a'};
    uint8_t deep[3 * (VICI_MAX_DEPTH + 1) + VICI_MAX_DEPTH + 1];
    size_t i, n = 0;

    expect_bad(unknown, sizeof(unknown), "unknown element");
    expect_bad(zero, sizeof(zero), "element type 0");
    expect_bad(end_at_root, sizeof(end_at_root), "section end at root");
    expect_bad(item_outside, sizeof(item_outside), "item outside list");
    expect_bad(listend_outside, sizeof(listend_outside), "list end outside list");
    expect_bad(nested_list, sizeof(nested_list), "nested list");
    expect_bad(kv_in_list, sizeof(kv_in_list), "kv in list");
    expect_bad(sec_in_list, sizeof(sec_in_list), "section in list");
    expect_bad(open_list, sizeof(open_list), "unterminated list");
    expect_bad(open_sec, sizeof(open_sec), "unterminated section");
    expect_bad(name_trunc, sizeof(name_trunc), "truncated name");
    expect_bad(name_missing, sizeof(name_missing), "missing name");
    expect_bad(name_nul, sizeof(name_nul), "NUL in name");
    expect_bad(value_len_trunc, sizeof(value_len_trunc), "truncated value length");
    expect_bad(value_trunc, sizeof(value_trunc), "truncated value");

    /* One level too deep is refused; exactly VICI_MAX_DEPTH is fine. */
    for (i = 0; i < VICI_MAX_DEPTH + 1; i++) {
        deep[n++] = 1;
        deep[n++] = 1;
        deep[n++] = 's';
    }
    for (i = 0; i < VICI_MAX_DEPTH + 1; i++)
        deep[n++] = 2;
    expect_bad(deep, n, "too deep");
    {
        char err[128];
        struct vici_msg *m = vici_msg_parse(deep + 3, n - 4, err, sizeof(err));
        assert_non_null(m);
        vici_msg_free(m);
    }

    /* Every strict prefix of the example cuts an element or leaves
     * section1 open, so each must be refused, except the empty message and
     * the one ending after key1 (both complete messages). */
    for (i = 0; i < sizeof(example); i++) {
        char err[128];
        struct vici_msg *m = vici_msg_parse(example, i, err, sizeof(err));
        if (i == 0 || i == 14)
            assert_non_null(m);
        else
            assert_null(m);
        vici_msg_free(m);
    }
}

/* A list named "l" with n empty items: 1 + n elements. */
static uint8_t *
make_list(size_t nitems, size_t *len)
{
    uint8_t *p = malloc(4 + nitems * 3);
    size_t i, off = 0;

    p[off++] = 4;
    p[off++] = 1;
    p[off++] = 'l';
    for (i = 0; i < nitems; i++) {
        p[off++] = 5;
        p[off++] = 0;
        p[off++] = 0;
    }
    p[off++] = 6;
    *len = off;
    return p;
}

static void
test_parse_elem_limit(void **state)
{
    char err[128];
    struct vici_msg *m;
    size_t n;
    uint8_t *p;

    p = make_list(VICI_MAX_ELEMS - 1, &n); /* exactly the limit */
    m = vici_msg_parse(p, n, err, sizeof(err));
    assert_non_null(m);
    assert_int_equal(vici_node_count(vici_msg_find(m, "l")), VICI_MAX_ELEMS - 1);
    vici_msg_free(m);
    free(p);
    p = make_list(VICI_MAX_ELEMS, &n); /* one more */
    m = vici_msg_parse(p, n, err, sizeof(err));
    assert_null(m);
    assert_non_null(strstr(err, "elements"));
    free(p);
}

static void
test_frames_and_packets(void **state)
{
    static const uint8_t ver[] = {0, 0, 0, 9, 0, 7, 'v', 'e', 'r', 's', 'i', 'o', 'n'};
    uint8_t big[4] = {0, 8, 0, 1}; /* 512 KiB + 1 */
    uint8_t ok_max[4] = {0, 8, 0, 0};
    uint8_t zero[4] = {0, 0, 0, 0};
    struct vici_pkt pkt;
    struct strbuf sb;
    struct vici_msg *m;
    size_t fl = 0;
    char err[128];

    sb_init(&sb);
    assert_int_equal(vici_pkt_encode(&sb, VICI_CMD_REQUEST, "version", NULL), 0);
    assert_int_equal(sb.len, sizeof(ver));
    assert_memory_equal(sb.buf, ver, sizeof(ver));
    assert_int_equal(vici_frame_check(ver, 3, &fl), 0);
    assert_int_equal(vici_frame_check(ver, 12, &fl), 0);
    assert_int_equal(vici_frame_check(ver, 13, &fl), 1);
    assert_int_equal(fl, 13);
    assert_int_equal(vici_frame_check(big, 4, &fl), -1);
    assert_int_equal(vici_frame_check(zero, 4, &fl), -1);
    assert_int_equal(vici_frame_check(ok_max, 4, &fl), 0);

    assert_int_equal(vici_pkt_decode(ver + 4, 9, &pkt, err, sizeof(err)), 0);
    assert_int_equal(pkt.type, VICI_CMD_REQUEST);
    assert_string_equal(pkt.name, "version");
    assert_int_equal(pkt.msglen, 0);
    assert_int_equal(vici_pkt_decode(ver + 4, 5, &pkt, err, sizeof(err)), -1);
    {
        static const uint8_t resp[] = {1, 3, 1, 'k', 0, 1, 'v'};
        static const uint8_t bad_type[] = {8};
        static const uint8_t no_namelen[] = {7};
        static const uint8_t nul_name[] = {3, 2, 'a', 0};
        assert_int_equal(vici_pkt_decode(resp, sizeof(resp), &pkt, err, sizeof(err)), 0);
        assert_int_equal(pkt.type, VICI_CMD_RESPONSE);
        assert_string_equal(pkt.name, "");
        assert_int_equal(pkt.msglen, 6);
        m = vici_msg_parse(pkt.msg, pkt.msglen, err, sizeof(err));
        assert_non_null(m);
        assert_string_equal(vici_msg_str(m, "k"), "v");
        vici_msg_free(m);
        assert_int_equal(vici_pkt_decode(bad_type, 1, &pkt, err, sizeof(err)), -1);
        assert_int_equal(vici_pkt_decode(no_namelen, 1, &pkt, err, sizeof(err)), -1);
        assert_int_equal(vici_pkt_decode(nul_name, sizeof(nul_name), &pkt, err, sizeof(err)), -1);
        assert_int_equal(vici_pkt_decode(resp, 0, &pkt, err, sizeof(err)), -1);
    }
    sb_reset(&sb);
    assert_int_equal(vici_pkt_encode(&sb, VICI_EVENT_REGISTER, NULL, NULL), -1);
    assert_int_equal(sb.len, 0);
    assert_int_equal(vici_pkt_encode(&sb, (enum vici_pkt_type)9, "x", NULL), -1);
    m = build_example();
    assert_int_equal(vici_pkt_encode(&sb, VICI_CMD_RESPONSE, NULL, m), 0);
    assert_int_equal(sb.len, 4 + 1 + sizeof(example));
    assert_memory_equal(sb.buf + 5, example, sizeof(example));
    vici_msg_free(m);
    assert_string_equal(vici_pkt_type_name(VICI_EVENT_CONFIRM), "EVENT_CONFIRM");
    assert_string_equal(vici_pkt_type_name(42), "?");
    sb_free(&sb);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_encode_example),   cmocka_unit_test(test_parse_example),
        cmocka_unit_test(test_round_trip),       cmocka_unit_test(test_numbers),
        cmocka_unit_test(test_builder_misuse),   cmocka_unit_test(test_parse_malformed),
        cmocka_unit_test(test_parse_elem_limit), cmocka_unit_test(test_frames_and_packets),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
