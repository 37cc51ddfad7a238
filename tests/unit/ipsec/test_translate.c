/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Golden tests of the IOS crypto -> VICI translator: for each config, the
 * strongswan.conf and a dump of every load-shared/load-conn message (with
 * the notes) must equal testdata/vici/<name>.txt byte for byte.
 * GOLDEN_UPDATE=1 rewrites the files instead. Also checks that every message
 * encodes and decodes back to the same bytes, and a few properties the
 * daemon relies on (names, initiate flags, run-time peers).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "daemons/ipsec/proposals.h"
#include "daemons/ipsec/translate.h"
#include "lib/inet.h"
#include "lib/strbuf.h"
#include "lib/vici.h"
#include "parsers/parse.h"

static const struct golden {
    const char *cfg, *out;
    bool kernel;
} goldens[] = {
    {"testdata/lab/seed/hub.cfg", "testdata/vici/seed-hub.txt", false},
    {"testdata/lab/seed/spoke1.cfg", "testdata/vici/seed-spoke1.txt", false},
    {"testdata/lab/seed/spoke2.cfg", "testdata/vici/seed-spoke2.txt", false},
    {"testdata/ios/running_config/ngmunia-R1-hub-tu0-ios157.txt",
     "testdata/vici/ngmunia-R1-hub-tu0.txt", false},
    {"testdata/ios/running_config/ngmunia-R1-hub-tu0-ios157.txt",
     "testdata/vici/ngmunia-R1-hub-tu0.kernel.txt", true},
    {"testdata/ios/running_config/ngmunia-R3-spoke-dualcloud-ios157.txt",
     "testdata/vici/ngmunia-R3-spoke-dualcloud.txt", false},
    {"testdata/ios/running_config/ngmunia-R1-BRANCH-ios156.txt",
     "testdata/vici/ngmunia-R1-BRANCH.txt", false},
    {"testdata/vici/features.cfg", "testdata/vici/features.txt", false},
    {"testdata/vici/features.cfg", "testdata/vici/features.kernel.txt", true},
    {"testdata/ios/running_config/dcantor-c8000v-R1-hub-1715-EXCERPT.txt",
     "testdata/vici/dcantor-R1-hub-ikev2.txt", false},
    {"testdata/ios/running_config/dcantor-c8000v-R2-spoke-1715-EXCERPT.txt",
     "testdata/vici/dcantor-R2-spoke-ikev2.txt", false},
    {"testdata/ios/running_config/hb-iwan-hub-csr-ikev2-fvrf.txt",
     "testdata/vici/hb-iwan-hub-ikev2-fvrf.txt", false},
    {"testdata/vici/ikev2.cfg", "testdata/vici/ikev2.txt", false},
    {"testdata/vici/ikev2-cert.cfg", "testdata/vici/ikev2-cert.txt", false},
    {"testdata/vici/keyring.cfg", "testdata/vici/keyring.txt", false},
    {"testdata/ios/running_config/hb-yuansh0u-china-client-user1-without-nat-ios150.txt",
     "testdata/vici/hb-yuansh0u-client-keyring.txt", false},
    {"testdata/ios/running_config/hb-yuansh0u-usa-1-ios150.txt",
     "testdata/vici/hb-yuansh0u-usa-1-keyring.txt", false},
};

static char *
read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    struct strbuf sb;
    char buf[4096];
    size_t n;

    if (!f)
        return NULL;
    sb_init(&sb);
    while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
        sb_append(&sb, buf, n);
    fclose(f);
    *len = sb.len;
    return sb_steal(&sb);
}

static void
check_round_trip(const struct vici_msg *m)
{
    struct strbuf a, b;
    struct vici_msg *p;
    char err[128];

    sb_init(&a);
    sb_init(&b);
    assert_int_equal(vici_msg_encode(m, &a), 0);
    p = vici_msg_parse((const uint8_t *)a.buf, a.len, err, sizeof(err));
    assert_non_null(p);
    assert_int_equal(vici_msg_encode(p, &b), 0);
    assert_int_equal(a.len, b.len);
    assert_memory_equal(a.buf, b.buf, a.len);
    vici_msg_free(p);
    sb_free(&a);
    sb_free(&b);
}

static void
render(const struct golden *g, struct strbuf *out)
{
    struct cfg_parse *p = cfg_parse_file(g->cfg);
    struct ipsec_xlate x;
    struct ipsec_xlate_opts o = {.kernel_ipsec = g->kernel};
    struct ipsec_charon_conf cc = {
        .vici_socket = "/run/dmvpn/charon.vici", .libipsec = !g->kernel, .log_level = 1};
    size_t i;
    int errors;

    assert_non_null(p);
    errors = ipsec_xlate_config(p->cfg, &o, &x);
    ipsec_charon_conf_from_cfg(&cc, p->cfg);
    sb_printf(out, "# %s (%s)\n", g->cfg, g->kernel ? "kernel IPsec" : "kernel-libipsec");
    sb_puts(out, "# strongswan.conf\n");
    ipsec_charon_conf_render(out, &cc);
    ipsec_xlate_dump(out, &x);
    for (i = 0; i < x.nshared; i++)
        check_round_trip(x.shared[i].msg);
    for (i = 0; i < x.nconns; i++) {
        char name[64];
        check_round_trip(x.conns[i].msg);
        ipsec_conn_name(name, sizeof(name), x.conns[i].ifname, x.conns[i].peer);
        assert_string_equal(name, x.conns[i].name);
        assert_non_null(vici_node_get(vici_msg_root(x.conns[i].msg), name));
        if (!x.conns[i].peer)
            assert_false(x.conns[i].initiate);
    }
    for (i = 0, errors -= 0; i < x.nnotes; i++)
        if (x.notes[i].kind == IPSEC_NOTE_ERROR)
            errors--;
    assert_int_equal(errors, 0); /* the return value counts error notes */
    ipsec_xlate_free(&x);
    cfg_parse_free(p);
}

static void
test_goldens(void **state)
{
    bool update = getenv("GOLDEN_UPDATE") && *getenv("GOLDEN_UPDATE") == '1';
    size_t i, failed = 0;

    for (i = 0; i < sizeof(goldens) / sizeof(goldens[0]); i++) {
        struct strbuf sb;
        char *want;
        size_t wl = 0;

        sb_init(&sb);
        render(&goldens[i], &sb);
        if (update) {
            FILE *f = fopen(goldens[i].out, "wb");
            assert_non_null(f);
            assert_int_equal(fwrite(sb.buf, 1, sb.len, f), sb.len);
            fclose(f);
        } else {
            want = read_all(goldens[i].out, &wl);
            if (!want || wl != sb.len || memcmp(want, sb.buf, wl) != 0) {
                fprintf(stderr, "golden mismatch: %s (GOLDEN_UPDATE=1 regenerates)\n%s",
                        goldens[i].out, sb.buf);
                failed++;
            }
            free(want);
        }
        sb_free(&sb);
    }
    assert_int_equal(failed, 0);
}

/* A peer learnt at run time gets the same shape as a configured one. */
static void
test_runtime_peer(void **state)
{
    struct cfg_parse *p = cfg_parse_file("testdata/lab/seed/hub.cfg");
    struct ipsec_xlate x = {0};
    struct ipsec_xlate_opts o = {0};
    uint32_t peer;
    const struct vici_node *conn, *child;
    struct strbuf sb;

    assert_non_null(p);
    assert_true(inet_parse4("202.1.1.3", &peer));
    assert_int_equal(ipsec_xlate_peer(p->cfg, &o, "Tunnel0", peer, &x), 0);
    assert_int_equal(x.nconns, 1);
    assert_string_equal(x.conns[0].name, "Tunnel0-202.1.1.3");
    assert_true(x.conns[0].initiate);
    assert_int_equal(x.nnotes, 0); /* run-time translation is quiet */
    conn = vici_node_get(vici_msg_root(x.conns[0].msg), "Tunnel0-202.1.1.3");
    assert_non_null(conn);
    assert_string_equal(vici_node_str(conn, "version"), "1");
    child = vici_node_get(vici_node_get(conn, "children"), "Tunnel0-202.1.1.3");
    assert_non_null(child);
    assert_string_equal(vici_node_value(vici_node_first(vici_node_get(child, "remote_ts")), NULL),
                        "202.1.1.3/32[gre]");
    assert_string_equal(vici_node_value(vici_node_first(vici_node_get(child, "local_ts")), NULL),
                        "202.1.1.1/32[gre]");
    assert_string_equal(vici_node_str(child, "mode"), "tunnel");
    /* Not a protected tunnel: refused with an error note. */
    assert_int_equal(ipsec_xlate_peer(p->cfg, &o, "Loopback0", peer, &x), -1);
    assert_int_equal(x.nconns, 1);
    assert_int_equal(x.nnotes, 1);
    assert_int_equal(x.notes[0].kind, IPSEC_NOTE_ERROR);
    ipsec_xlate_free(&x);
    cfg_parse_free(p);
    sb_init(&sb);
    ipsec_proposals_table(&sb);
    assert_non_null(strstr(sb.buf, "esp-gcm [128|192|256]          aes<bits>gcm16"));
    sb_free(&sb);
}

/* A spoke-to-spoke peer of an IKEv2 tunnel (the dcantor spoke, IOS XE
 * 17.15): the same path as IKEv1, an IKEv2 connection pinned to the
 * peer's address (the keyring key IOS would use for it). */
static void
test_runtime_peer_ikev2(void **state)
{
    struct cfg_parse *p =
        cfg_parse_file("testdata/ios/running_config/dcantor-c8000v-R2-spoke-1715-EXCERPT.txt");
    struct ipsec_xlate x = {0};
    struct ipsec_xlate_opts o = {0};
    uint32_t peer;
    const struct vici_node *conn;

    assert_non_null(p);
    assert_true(inet_parse4("100.64.0.3", &peer));
    assert_int_equal(ipsec_xlate_peer(p->cfg, &o, "Tunnel0", peer, &x), 0);
    assert_int_equal(x.nconns, 1);
    assert_true(x.conns[0].initiate);
    conn = vici_node_get(vici_msg_root(x.conns[0].msg), "Tunnel0-100.64.0.3");
    assert_non_null(conn);
    assert_string_equal(vici_node_str(conn, "version"), "2");
    assert_string_equal(vici_node_str(conn, "mobike"), "no");
    assert_string_equal(vici_node_str(conn, "rekey_time"), "77760");
    assert_null(vici_node_str(conn, "reauth_time"));
    assert_string_equal(vici_node_value(vici_node_first(vici_node_get(conn, "proposals")), NULL),
                        "aes256-sha256-modp2048");
    assert_string_equal(vici_node_str(vici_node_get(conn, "remote"), "id"), "100.64.0.3");
    assert_string_equal(vici_node_str(vici_node_get(conn, "local"), "auth"), "psk");
    ipsec_xlate_free(&x);
    cfg_parse_free(p);
}

static void
test_tset_props(void **state)
{
    struct cfg_tset t = {
        .name = "X", .nxf = 2, .xf = {XF_ESP_AES, XF_ESP_SHA256_HMAC}, .bits = {256, 0}};
    struct ipsec_tset_props tp;

    ipsec_tset_props(&t, NULL, &tp);
    assert_string_equal(tp.esp, "aes256-sha256");
    ipsec_tset_props(&t, "modp2048", &tp);
    assert_string_equal(tp.esp, "aes256-sha256-modp2048");
    t.bits[0] = 0;
    ipsec_tset_props(&t, NULL, &tp);
    assert_string_equal(tp.esp, "aes128-sha256");
    t = (struct cfg_tset){.nxf = 1, .xf = {XF_ESP_SHA_HMAC}};
    ipsec_tset_props(&t, NULL, &tp);
    assert_string_equal(tp.esp, "null-sha1");
    t = (struct cfg_tset){.nxf = 2, .xf = {XF_ESP_SEAL, XF_ESP_SHA_HMAC}};
    ipsec_tset_props(&t, NULL, &tp);
    assert_string_equal(tp.esp, ""); /* never a silent NULL cipher */
    assert_int_equal(tp.ndropped, 1);
    t = (struct cfg_tset){.nxf = 2, .xf = {XF_AH_SHA_HMAC, XF_ESP_3DES}};
    ipsec_tset_props(&t, "modp1024", &tp);
    assert_string_equal(tp.esp, "3des-modp1024");
    assert_string_equal(tp.ah, "sha1-modp1024");
    assert_string_equal(ipsec_dh_name(2), "modp1024");
    assert_null(ipsec_dh_name(3));
    assert_string_equal(ipsec_ike_encr(ENCR_AES, 192), "aes192");
    assert_string_equal(ipsec_ike_hash(HASH_SHA), "sha1");
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_goldens),
        cmocka_unit_test(test_runtime_peer),
        cmocka_unit_test(test_runtime_peer_ikev2),
        cmocka_unit_test(test_tset_props),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
