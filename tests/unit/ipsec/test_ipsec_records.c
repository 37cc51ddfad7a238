/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * charon's SA list -> IOS crypto show records (daemons/ipsec/ipsec_records.c,
 * ipsec_sessions.c, ios_words.c). Inputs are list-sa events captured from
 * the seed lab's hub charon (testdata/vici/charon/list-sa-hub-seed-*.bin:
 * two spokes after some pings) and a responder still in main mode; the
 * records are checked field by field in IOS words, then rendered with the
 * real renderers and compared byte for byte with
 * the files in testdata/vici/records (GOLDEN_UPDATE=1 rewrites them).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "cli/render/render_crypto.h"
#include "daemons/ipsec/ios_words.h"
#include "daemons/ipsec/ipsec_records.h"
#include "lib/inet.h"
#include "lib/strbuf.h"
#include "lib/vici.h"

#define NOW 5000000 /* the daemon's clock when charon answered */

static uint32_t
ip(const char *s)
{
    uint32_t a = 0;

    assert_true(inet_parse4(s, &a));
    return a;
}

static void
add(struct ipsec_sa_list *l, const char *name)
{
    char path[256];
    static uint8_t buf[65536];
    struct vici_pkt pkt;
    struct vici_msg *m;
    size_t n, fl;
    FILE *f;

    snprintf(path, sizeof(path), "testdata/vici/charon/%s", name);
    f = fopen(path, "rb");
    assert_non_null(f);
    n = fread(buf, 1, sizeof(buf), f);
    fclose(f);
    assert_int_equal(vici_frame_check(buf, n, &fl), 1);
    assert_int_equal(vici_pkt_decode(buf + 4, n - 4, &pkt, NULL, 0), 0);
    m = vici_msg_parse(pkt.msg, pkt.msglen, NULL, 0);
    assert_non_null(m);
    assert_int_equal(ipsec_sa_list_add(l, m), 0);
    vici_msg_free(m);
}

static const struct ipsec_rec_conn conns[] = {
    {"Tunnel0-any", "Tunnel0", 86400, 4608000, false},
};
static const struct ipsec_rec_if ifs[] = {
    {"Tunnel0", "FastEthernet0/0", 0, 0, 0},
};

static void
input(struct ipsec_rec_input *in, struct ipsec_rec_if *ifv, const struct ipsec_sa_list *l)
{
    memset(in, 0, sizeof(*in));
    ifv[0] = ifs[0];
    ifv[0].local = ip("202.1.1.1");
    in->sas = l;
    in->now_ms = NOW;
    in->conns = conns;
    in->nconns = 1;
    in->ifs = ifv;
    in->nifs = 1;
}

static void
golden(const char *name, const struct strbuf *got)
{
    char path[256];
    struct strbuf want;
    char buf[4096];
    size_t n;
    FILE *f;

    snprintf(path, sizeof(path), "testdata/vici/records/%s", name);
    if (getenv("GOLDEN_UPDATE")) {
        f = fopen(path, "wb");
        assert_non_null(f);
        fwrite(got->buf, 1, got->len, f);
        fclose(f);
        return;
    }
    f = fopen(path, "rb");
    assert_non_null(f);
    sb_init(&want);
    while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
        sb_append(&want, buf, n);
    fclose(f);
    if (want.len != got->len || memcmp(want.buf, got->buf, got->len)) {
        fprintf(stderr, "%s differs; got:\n%s\n", path, got->buf);
        fail();
    }
    sb_free(&want);
}

static void
test_hub_seed(void **state)
{
    struct ipsec_sa_list l = {0};
    struct ipsec_rec_input in;
    struct ipsec_rec_if ifv[1];
    struct rec_ike_sa *ike;
    struct rec_ipsec_sa *ips;
    struct rec_crypto_session *cs;
    struct render_crypto_opts o = {0};
    struct strbuf sb;
    size_t nike, nips, ncs;

    add(&l, "list-sa-hub-seed-0.bin");
    add(&l, "list-sa-hub-seed-1.bin");
    input(&in, ifv, &l);

    nike = ipsec_rec_ike(&in, &ike);
    assert_int_equal(nike, 2);
    /* newest first; IOS conn-ids from 1001; the hub responded (dst = us) */
    assert_true(ike[0].conn_id > ike[1].conn_id);
    assert_true(ike[1].conn_id >= 1001);
    assert_int_equal(ike[0].state, REC_IKE_QM_IDLE);
    assert_int_equal(ike[0].status, REC_IKE_ACTIVE);
    assert_int_equal(ike[0].local, ip("202.1.1.1"));
    assert_false(ike[0].initiator);
    assert_string_equal(ike[0].ifname, "Tunnel0");
    assert_string_equal(ike[0].encr, "3des");
    assert_string_equal(ike[0].hash, "md5");
    assert_string_equal(ike[0].auth, "psk");
    assert_int_equal(ike[0].dh_group, 2);
    assert_int_equal(ike[0].local_port, 4500); /* kernel-libipsec: NAT-T */
    assert_true(ike[0].caps & REC_IKE_CAP_N);
    assert_true(ike[0].expires_ms > NOW && ike[0].expires_ms <= NOW + 86400000);

    nips = ipsec_rec_ipsec(&in, &ips);
    assert_int_equal(nips, 2);
    assert_int_equal(ips[0].peer, ip("202.1.1.2")); /* sorted by peer */
    assert_int_equal(ips[1].peer, ip("202.1.1.3"));
    assert_string_equal(ips[0].crypto_map, "Tunnel0-head-0");
    assert_string_equal(ips[0].mtu_idb, "FastEthernet0/0");
    assert_int_equal(ips[0].lid_addr, ip("202.1.1.1"));
    assert_int_equal(ips[0].lid_mask, 0xffffffffu);
    assert_int_equal(ips[0].lid_proto, 47);
    assert_int_equal(ips[0].rid_addr, ip("202.1.1.2"));
    assert_int_equal(ips[0].n_sas, 2);
    assert_int_equal(ips[0].sas[0].dir, REC_SA_IN);
    assert_int_equal(ips[0].sas[1].dir, REC_SA_OUT);
    assert_int_equal(ips[0].out_spi, ips[0].sas[1].spi);
    assert_string_equal(ips[0].sas[0].transform, "esp-3des esp-md5-hmac");
    assert_int_equal(ips[0].sas[0].mode, REC_SA_TUNNEL);
    assert_int_equal(ips[0].sas[0].udp_encaps, 1);
    assert_int_equal(ips[0].sas[0].iv_size, 8);
    assert_int_equal(ips[0].sas[1].conn_id, ips[0].sas[0].conn_id + 1);
    /* 20 pings from spoke1 and the registration traffic */
    assert_true(ips[0].ctr[REC_IPC_ENCAPS] >= 20 && ips[0].ctr[REC_IPC_DECAPS] >= 20);
    assert_true(ips[0].ctr[REC_IPC_ENCAPS] == ips[0].ctr[REC_IPC_ENCRYPT]);
    assert_true(ips[0].sas[0].kb_left < 4608000 && ips[0].sas[0].kb_left > 4607000);
    /* 3DES/MD5 in UDP-encapsulated tunnel mode over a 1500 path */
    assert_int_equal(ips[0].plaintext_mtu, 1438);

    ncs = ipsec_rec_sessions(&in, &cs);
    assert_int_equal(ncs, 2);
    assert_int_equal(cs[0].status, REC_CS_UP_ACTIVE);
    assert_int_equal(cs[0].n_ike, 1);
    assert_int_equal(cs[0].n_flows, 1);
    assert_int_equal(cs[0].flows[0].active_sas, 2);
    assert_int_equal(cs[0].flows[0].proto, 47);
    assert_int_equal(cs[0].peer_port, 4500);
    /* show dmvpn detail: the flow's outbound SA, an open socket, and a
     * handle of its own per session */
    assert_int_equal(cs[0].flows[0].out_spi, ips[0].out_spi);
    assert_string_equal(cs[0].flows[0].transform, "esp-3des esp-md5-hmac");
    assert_int_equal(cs[0].socket_open, 1);
    assert_true(cs[0].handle != 0 && cs[0].handle != cs[1].handle);

    sb_init(&sb);
    render_crypto_isakmp_sa(&sb, NOW, ike, nike, &o);
    sb_puts(&sb, "----\n");
    render_crypto_session(&sb, NOW, cs, ncs, &o);
    sb_puts(&sb, "----\n");
    render_crypto_ipsec_sa(&sb, NOW, ips, nips, &o);
    sb_puts(&sb, "---- detail\n");
    o.detail = 1;
    render_crypto_isakmp_sa(&sb, NOW, ike, nike, &o);
    sb_puts(&sb, "----\n");
    render_crypto_session(&sb, NOW, cs, ncs, &o);
    golden("hub-seed.txt", &sb);
    sb_free(&sb);
    free(ike);
    free(ips);
    free(cs);
    ipsec_sa_list_free(&l);
}

/* A peer still in main mode (the responder has not named it: "(unnamed)")
 * and a peer NHRP wants with no SA at all. */
/* crypto ipsec security-association replay ...: the window charon was given
 * shows in the SA blocks as IOS prints it (size only when not 64), and
 * `replay disable` turns the detection flag to N. */
static void
test_replay_window(void **state)
{
    static const struct {
        uint32_t window;
        bool off;
        const char *want;
    } cases[] = {
        {0, false, "replay detection support: Y\n"},
        {64, false, "replay detection support: Y\n"},
        {1024, false, "replay detection support: Y  replay window size: 1024\n"},
        {0, true, "replay detection support: N\n"},
    };
    struct ipsec_sa_list l = {0};
    struct render_crypto_opts o = {.detail = 1};
    size_t k;

    add(&l, "list-sa-hub-seed-0.bin");
    for (k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
        struct ipsec_rec_conn c = conns[0];
        struct ipsec_rec_input in;
        struct ipsec_rec_if ifv[1];
        struct rec_ipsec_sa *ips;
        struct strbuf sb;
        size_t n, i;

        c.replay_window = cases[k].window;
        c.replay_off = cases[k].off;
        input(&in, ifv, &l);
        in.conns = &c;
        n = ipsec_rec_ipsec(&in, &ips);
        assert_int_equal(n, 1);
        for (i = 0; i < ips[0].n_sas; i++) {
            assert_int_equal(ips[0].sas[i].replay, !cases[k].off);
            assert_int_equal(ips[0].sas[i].replay_window, cases[k].window == 1024 ? 1024 : 0);
        }
        sb_init(&sb);
        render_crypto_ipsec_sa(&sb, NOW, ips, n, &o);
        assert_non_null(strstr(sb.buf, cases[k].want));
        sb_free(&sb);
        free(ips);
    }
    ipsec_sa_list_free(&l);
}

static void
test_negotiating_and_down(void **state)
{
    struct ipsec_sa_list l = {0};
    struct ipsec_rec_input in;
    struct ipsec_rec_if ifv[1];
    struct ipsec_rec_peer peers[2] = {{"Tunnel0", 0}, {"Tunnel0", 0}};
    struct rec_ike_sa *ike;
    struct rec_crypto_session *cs;
    struct rec_ipsec_sa *ips;
    struct render_crypto_opts o = {0};
    struct strbuf sb;
    size_t nike, ncs;

    add(&l, "list-sa-connecting.bin");
    input(&in, ifv, &l);
    peers[0].peer = ip("202.1.1.2"); /* the one negotiating */
    peers[1].peer = ip("202.1.1.9");
    in.peers = peers;
    in.npeers = 2;
    nike = ipsec_rec_ike(&in, &ike);
    assert_int_equal(nike, 1);
    assert_string_equal(ike[0].ifname, "Tunnel0"); /* by its local address */
    assert_int_equal(ike[0].state, REC_IKE_MM_KEY_EXCH);
    assert_int_equal(ike[0].expires_ms, 0);
    assert_int_equal(ipsec_rec_ipsec(&in, &ips), 0);
    assert_null(ips);
    ncs = ipsec_rec_sessions(&in, &cs);
    assert_int_equal(ncs, 2);
    assert_int_equal(cs[0].status, REC_CS_DOWN_NEGOTIATING);
    assert_int_equal(cs[0].ike[0].active, 0);
    assert_int_equal(cs[1].status, REC_CS_DOWN);
    assert_int_equal(cs[1].peer, ip("202.1.1.9"));
    assert_int_equal(cs[1].n_flows, 1); /* the GRE flow, no SAs */
    assert_int_equal(cs[1].flows[0].active_sas, 0);
    assert_int_equal(cs[1].flows[0].local, ip("202.1.1.1"));
    assert_int_equal(cs[0].socket_open, 0);
    assert_int_equal(cs[1].socket_open, 0);
    /* show dmvpn detail's block of the peer without SAs: no Phase1_id, so
     * the flow runs into the fvrf line, and a closed socket */
    sb_init(&sb);
    render_dmvpn_crypto(&sb, NOW, &cs[1], 1);
    assert_non_null(strstr(sb.buf, "  Crypto Session Status: DOWN          \n"
                                   "  fvrf: (none),\t  IPSEC FLOW: permit 47 host 202.1.1.1 host "
                                   "202.1.1.9 \n"
                                   "        Active SAs: 0, origin: crypto map\n"));
    assert_non_null(strstr(sb.buf, "   Outbound SPI : 0x       0, transform :  \n"
                                   "    Socket State: Closed\n\n"));
    assert_null(strstr(sb.buf, "IKEv"));
    sb_free(&sb);
    sb_init(&sb);
    render_crypto_isakmp_sa(&sb, NOW, ike, nike, &o);
    sb_puts(&sb, "----\n");
    render_crypto_session(&sb, NOW, cs, ncs, &o);
    golden("negotiating.txt", &sb);
    sb_free(&sb);
    free(ike);
    free(cs);
    ipsec_sa_list_free(&l);
}

static void
test_words(void **state)
{
    char t[64];

    ipsec_ios_transform("AES_CBC", 256, "HMAC_SHA2_256_128", t, sizeof(t));
    assert_string_equal(t, "esp-256-aes esp-sha256-hmac");
    ipsec_ios_transform("AES_CBC", 128, "HMAC_SHA1_96", t, sizeof(t));
    assert_string_equal(t, "esp-aes esp-sha-hmac");
    ipsec_ios_transform("AES_GCM_16", 256, "", t, sizeof(t));
    assert_string_equal(t, "esp-256-gcm");
    ipsec_ios_transform("WHAT", 0, "NOPE", t, sizeof(t));
    assert_string_equal(t, "");
    assert_string_equal(ipsec_ios_ike_hash("PRF_HMAC_SHA1"), "sha");
    assert_int_equal(ipsec_ios_dh_group("MODP_2048"), 14);
    assert_int_equal(ipsec_ios_dh_group("ECP_384"), 20);
    assert_int_equal(ipsec_ios_dh_group(NULL), 0);
    assert_int_equal(ipsec_esp_iv_size("AES_CBC"), 16);
    /* IOS's own figure: 3DES + SHA-256 in transport mode over 1500 */
    assert_int_equal(ipsec_plaintext_mtu(1500, "3DES_CBC", "HMAC_SHA2_256_128", 0, 0), 1466);
    assert_int_equal(ipsec_plaintext_mtu(40, "3DES_CBC", "HMAC_MD5_96", 1, 1), 0);
}

/* Whatever a list holds (even SAs charon could never report), the builders
 * stay in their bounds: many CHILD generations of one flow, unknown
 * algorithms, no addresses. */
static void
test_odd_lists(void **state)
{
    struct ipsec_sa_list l = {0};
    struct ipsec_rec_input in;
    struct ipsec_rec_if ifv[1];
    struct rec_ipsec_sa *ips;
    struct rec_crypto_session *cs;
    struct rec_ike_sa *ike;
    size_t i, n;

    add(&l, "list-sa-hub-seed-0.bin");
    for (i = 0; i < 7; i++) { /* seven more generations of the same CHILD SA */
        struct ipsec_child_sa c = l.child[0];
        c.uniqueid = 100 + (uint32_t)i;
        c.packets_in = 1;
        l.child = realloc(l.child, (l.nchild + 1) * sizeof(*l.child));
        l.child[l.nchild++] = c;
    }
    l.ike = realloc(l.ike, (l.nike + 1) * sizeof(*l.ike));
    memset(&l.ike[l.nike], 0, sizeof(l.ike[0]));
    snprintf(l.ike[l.nike].name, sizeof(l.ike[0].name), "no-dash");
    l.nike++;
    input(&in, ifv, &l);
    n = ipsec_rec_ipsec(&in, &ips);
    assert_int_equal(n, 1);
    assert_int_equal(ips[0].n_sas, REC_IPSEC_MAX_SAS);
    assert_int_equal(ips[0].sas[0].conn_id, 2 * 106 - 1); /* newest first */
    assert_true(ips[0].ctr[REC_IPC_DECAPS] >= 7);
    free(ips);
    n = ipsec_rec_ike(&in, &ike);
    assert_int_equal(n, 1); /* the one without addresses is not IPv4 */
    free(ike);
    n = ipsec_rec_sessions(&in, &cs);
    assert_int_equal(n, 1);
    assert_int_equal(cs[0].flows[0].active_sas, REC_IPSEC_MAX_SAS);
    free(cs);
    ipsec_sa_list_free(&l);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hub_seed),
        cmocka_unit_test(test_replay_window),
        cmocka_unit_test(test_negotiating_and_down),
        cmocka_unit_test(test_words),
        cmocka_unit_test(test_odd_lists),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
