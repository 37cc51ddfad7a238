/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Golden tests of the selecting and counting crypto shows (show crypto
 * isakmp|ipsec sa count, show crypto session local|remote|interface|brief,
 * show crypto ipsec sa interface, show crypto isakmp peers, show crypto
 * isakmp sa active|standby, show crypto isakmp default policy): each
 * capture of testdata/ios/show/ is rebuilt as records with an extra record
 * the selection must drop, rendered and compared under the mode its README
 * states; plus the cases no capture shows (brief, empty selections, JSON).
 */
#include "cli/render/render_crypto_extra.h"
#include "fixtures.h"
#include "golden.h"

#include <arpa/inet.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#define SD "testdata/ios/show/"

static uint32_t
ip4(const char *s)
{
    struct in_addr a;

    assert_int_equal(inet_pton(AF_INET, s, &a), 1);
    return ntohl(a.s_addr);
}

static int64_t
in_s(int64_t s)
{
    return FX_NOW + s * 1000;
}

#define PUT(field, s) snprintf((field), sizeof(field), "%s", (s))

static void
expect(const char *capture, const char *got, unsigned mode)
{
    char msg[1024];
    char *want = golden_read(capture, NULL);

    if (!want)
        fail_msg("cannot read %s", capture);
    if (golden_compare(want, got, mode, msg, sizeof msg) != 0) {
        fprintf(stderr, "---- rendered ----\n%s----\n", got);
        fail_msg("%s: %s", capture, msg);
    }
    free(want);
}

/* The publication cut the whitespace that ends the output (the last line's
 * blank, the final newline or both): both sides lose it, and everything
 * before it compares byte for byte. */
static void
rstrip_tail(char *s)
{
    size_t n = strlen(s);

    while (n && (s[n - 1] == ' ' || s[n - 1] == '\n'))
        s[--n] = '\0';
}

static void
expect_rstripped(const char *capture, struct strbuf *got)
{
    char msg[1024];
    char *want = golden_read(capture, NULL);

    if (!want)
        fail_msg("cannot read %s", capture);
    rstrip_tail(want);
    rstrip_tail(got->buf);
    got->len = strlen(got->buf);
    if (golden_compare(want, got->buf, FX_EXACT, msg, sizeof msg) != 0) {
        fprintf(stderr, "---- rendered ----\n%s----\n", got->buf);
        fail_msg("%s: %s", capture, msg);
    }
    free(want);
}

static void
test_isakmp_sa_count(void **state)
{
    static struct rec_ike_sa r[452];
    struct strbuf sb;

    (void)state;
    memset(r, 0, sizeof r);
    for (size_t i = 0; i < 450; i++) {
        r[i].ike_version = 1;
        r[i].state = REC_IKE_QM_IDLE;
        r[i].status = REC_IKE_ACTIVE_DELETED;
    }
    /* IKEv2 SAs belong to show crypto ikev2 sa, not to these counts */
    r[450].ike_version = 2;
    r[450].state = REC_IKE_QM_IDLE;
    r[451].ike_version = 2;
    r[451].state = REC_IKE_MM_NO_STATE;
    sb_init(&sb);
    render_crypto_isakmp_sa_count(&sb, r, 452);
    expect_rstripped(SD "show_crypto_isakmp_sa_count/genie-iosxe-golden_output.txt", &sb);

    /* one of each class */
    r[0].status = REC_IKE_ACTIVE;
    r[1].status = REC_IKE_STDBY;
    r[2].status = REC_IKE_ACTIVE;
    r[2].state = REC_IKE_MM_KEY_EXCH;
    sb_reset(&sb);
    render_crypto_isakmp_sa_count(&sb, r, 4);
    assert_string_equal(sb.buf,
                        "Active ISAKMP SA's: 1\n\nStandby ISAKMP SA's: 1\n\n"
                        "Currently being negotiated ISAKMP SA's: 1\n\nDead ISAKMP SA's: 1\n");
    sb_reset(&sb);
    render_crypto_isakmp_sa_count_json(&sb, r, 4);
    assert_string_equal(sb.buf, "{\"active\":1,\"standby\":1,\"negotiating\":1,\"dead\":1}\n");
    sb_free(&sb);
}

static void
sa_entry(struct rec_ipsec_sa *r, unsigned dir, uint32_t spi)
{
    struct rec_ipsec_sa_entry *e = &r->sas[r->n_sas++];

    e->dir = (uint8_t)dir;
    e->proto = REC_SA_ESP;
    e->spi = spi;
    e->status = REC_SA_ACTIVE;
}

static void
test_ipsec_sa_count(void **state)
{
    struct rec_ipsec_sa r[5];
    struct strbuf sb;

    (void)state;
    memset(r, 0, sizeof r);
    for (int i = 0; i < 4; i++) {
        sa_entry(&r[i], REC_SA_IN, 0x1000u + (unsigned)i);
        sa_entry(&r[i], REC_SA_OUT, 0x2000u + (unsigned)i);
    }
    sb_init(&sb);
    render_crypto_ipsec_sa_count(&sb, r, 4);
    expect_rstripped(SD "show_crypto_ipsec_sa_count/genie-iosxe-golden_output.txt", &sb);

    /* a rekey in flight: the older inbound/outbound pair is rekeying, a
     * standby pair is unused */
    sa_entry(&r[4], REC_SA_IN, 1);
    sa_entry(&r[4], REC_SA_OUT, 2);
    sa_entry(&r[4], REC_SA_IN, 3);
    sa_entry(&r[4], REC_SA_OUT, 4);
    sb_reset(&sb);
    render_crypto_ipsec_sa_count(&sb, &r[4], 1);
    assert_string_equal(sb.buf,
                        "IPsec SA total: 4, active: 2, rekeying: 2, unused: 0, invalid: 0\n");
    r[0].sas[0].status = r[0].sas[1].status = REC_SA_STANDBY;
    sb_reset(&sb);
    render_crypto_ipsec_sa_count_json(&sb, r, 1);
    assert_string_equal(sb.buf,
                        "{\"total\":2,\"active\":0,\"rekeying\":0,\"unused\":2,\"invalid\":0}\n");
    sb_free(&sb);
}

static void
test_isakmp_default_policy(void **state)
{
    struct strbuf sb;

    (void)state;
    sb_init(&sb);
    render_crypto_isakmp_default_policy(&sb);
    /* every lifetime line ends in a blank, the capture's last one was cut */
    assert_non_null(strstr(sb.buf, "86400 seconds, no volume limit \nDefault protection suite"));
    expect_rstripped(SD "show_crypto_isakmp_default_policy/genie-iosxe-golden_output_1.txt", &sb);
    sb_reset(&sb);
    render_crypto_isakmp_default_policy_json(&sb);
    assert_non_null(strstr(sb.buf, "\"priority\":65508"));
    assert_non_null(strstr(sb.buf, "\"authentication_method\":\"Pre-Shared Key\""));
    sb_free(&sb);
}

/* ---- sessions ---- */

static struct rec_crypto_session *
session(struct rec_crypto_session *s, const char *ifname, const char *peer, uint16_t port)
{
    memset(s, 0, sizeof(*s));
    PUT(s->ifname, ifname);
    s->peer = ip4(peer);
    s->peer_port = port;
    s->status = REC_CS_UP_ACTIVE;
    return s;
}

static struct rec_cs_ike *
session_ike(struct rec_crypto_session *s, unsigned version, const char *local, uint16_t lport,
            uint32_t id)
{
    struct rec_cs_ike *k = &s->ike[s->n_ike++];

    k->ike_version = (uint8_t)version;
    k->local = ip4(local);
    k->local_port = lport;
    k->remote = s->peer;
    k->remote_port = s->peer_port;
    k->session_id = id;
    k->active = 1;
    return k;
}

static struct rec_cs_flow *
session_flow(struct rec_crypto_session *s, const char *l, const char *lm, const char *r,
             const char *rm, uint32_t sas)
{
    struct rec_cs_flow *f = &s->flows[s->n_flows++];

    f->local = ip4(l);
    f->local_mask = ip4(lm);
    f->remote = ip4(r);
    f->remote_mask = ip4(rm);
    f->active_sas = sas;
    return f;
}

/* genie ShowCryptoSessionLocal: one IKEv2 session on Tunnel1, local 4.4.4.1;
 * plus one through another local address that the selection drops. */
static void
build_local(struct rec_crypto_session s[2])
{
    struct rec_cs_ike *k;
    struct rec_cs_flow *f;

    session(&s[0], "Tunnel1", "10.1.1.1", 4500);
    PUT(s[0].profile, "IKEV2_PROFILE");
    PUT(s[0].phase1_id, "10.1.1.1");
    s[0].up_since_ms = FX_NOW - 31000;
    k = session_ike(&s[0], 2, "4.4.4.1", 4500, 78);
    k->caps = REC_IKE_CAP_D | REC_IKE_CAP_N | REC_IKE_CAP_U;
    k->conn_id = 1;
    k->expires_ms = in_s(23 * 3600 + 59 * 60 + 29);
    f = session_flow(&s[0], "0.0.0.0", "0.0.0.0", "0.0.0.0", "0.0.0.0", 2);
    f->in_pkts = 2;
    f->in_kb = 4607999;
    f->out_kb = 4608000;
    f->in_expires_ms = f->out_expires_ms = in_s(3569);
    session(&s[1], "Tunnel2", "10.9.9.9", 500);
    session_ike(&s[1], 1, "4.4.4.2", 500, 79);
    session_flow(&s[1], "0.0.0.0", "0.0.0.0", "0.0.0.0", "0.0.0.0", 2);
}

static void
test_session_local(void **state)
{
    struct rec_crypto_session s[2];
    struct render_crypto_sel sel = {.local = ip4("4.4.4.1")};
    struct render_crypto_opts o = {0};
    struct strbuf sb;

    (void)state;
    build_local(s);
    assert_int_equal(render_crypto_session_select(s, 2, &sel), 1);
    sb_init(&sb);
    render_crypto_session(&sb, FX_NOW, s, 1, &o);
    /* a text copy: the padding of its status and ID lines was trimmed */
    expect(SD "show_crypto_session_local/genie-iosxe-golden_output.txt", sb.buf,
           FX_TRIM | FX_RSTRIP);
    sb_reset(&sb);
    o.detail = 1;
    render_crypto_session(&sb, FX_NOW, s, 1, &o);
    expect(SD "show_crypto_session_local_detail/genie-iosxe-golden_output.txt", sb.buf,
           FX_TRIM | FX_RSTRIP);

    /* an address no session uses selects nothing: the title alone */
    build_local(s);
    sel.local = ip4("4.4.4.3");
    assert_int_equal(render_crypto_session_select(s, 2, &sel), 0);
    sb_free(&sb);
}

/* genie ShowCryptoSessionRemote (csr8kv_flow): one IKEv2 session to 1.1.1.1
 * with two crypto-map flows, one of them without SAs. */
static void
test_session_remote(void **state)
{
    struct rec_crypto_session s[2];
    struct render_crypto_sel sel = {.remote = ip4("1.1.1.1")};
    struct render_crypto_opts o = {0};
    struct strbuf sb;

    (void)state;
    session(&s[0], "GigabitEthernet2", "1.1.1.9", 500);
    session_ike(&s[0], 2, "1.1.1.2", 500, 2);
    session(&s[1], "GigabitEthernet3", "1.1.1.1", 500);
    PUT(s[1].profile, "ASM-PROFILE");
    session_ike(&s[1], 2, "1.1.1.2", 500, 1);
    session_flow(&s[1], "20.20.20.0", "255.255.255.0", "10.10.10.0", "255.255.255.0", 2);
    session_flow(&s[1], "40.40.40.0", "255.255.255.0", "30.30.30.0", "255.255.255.0", 0);
    assert_int_equal(render_crypto_session_select(s, 2, &sel), 1);
    assert_string_equal(s[0].ifname, "GigabitEthernet3");
    sb_init(&sb);
    render_crypto_session(&sb, FX_NOW, s, 1, &o);
    expect(SD "show_crypto_session_remote/genie-iosxe-golden_output_csr8kv_flow.txt", sb.buf,
           FX_TRIM);
    sb_free(&sb);
}

/* genie ShowCryptoSessionRemoteDetail (csr8kv_flow): two sessions of peer
 * 17.27.1.11 (two NAT ports), two flows each. */
static void
test_session_remote_detail(void **state)
{
    static const struct {
        const char *ifname;
        uint16_t port;
        uint32_t id, connid;
        int64_t up_s, life_s;
        const char *host0;
        uint64_t dec, enc;
        uint32_t in_kb, out_kb;
        int64_t sa_s;
    } v[2] = {
        {"Virtual-Access1325", 38452, 22000, 276, 13 * 3600 + 17 * 60 + 14,
         10 * 3600 + 42 * 60 + 46, "7.1.2.40", 47673, 47672, 4607772, 4607812, 1874},
        {"Virtual-Access929", 55411, 22062, 323, 13 * 3600 + 16 * 60 + 53, 10 * 3600 + 43 * 60 + 7,
         "7.1.2.88", 47668, 47694, 4607746, 4607791, 1687},
    };
    struct rec_crypto_session s[3];
    struct render_crypto_sel sel = {.remote = ip4("17.27.1.11")};
    struct render_crypto_opts o = {.detail = 1};
    struct strbuf sb;

    (void)state;
    for (int i = 0; i < 2; i++) {
        struct rec_crypto_session *c = session(&s[i], v[i].ifname, "17.27.1.11", v[i].port);
        struct rec_cs_ike *k;
        struct rec_cs_flow *f;

        PUT(c->profile, "IKEV2_PROFILE");
        PUT(c->ivrf, "10");
        PUT(c->phase1_id, "scale");
        c->up_since_ms = FX_NOW - v[i].up_s * 1000;
        k = session_ike(c, 2, "1.1.1.1", 4500, v[i].id);
        k->caps = REC_IKE_CAP_D | REC_IKE_CAP_N;
        k->conn_id = v[i].connid;
        k->expires_ms = in_s(v[i].life_s);
        f = session_flow(c, "0.0.0.0", "0.0.0.0", v[i].host0, "255.255.255.255", 2);
        f->in_pkts = v[i].dec;
        f->out_pkts = v[i].enc;
        f->in_kb = v[i].in_kb;
        f->out_kb = v[i].out_kb;
        f->in_expires_ms = f->out_expires_ms = in_s(v[i].sa_s);
        /* the second flow of both is the first session's (as captured) */
        f = session_flow(c, "1.0.0.0", "0.0.0.0", "7.1.2.40", "255.255.255.255", 2);
        f->in_pkts = 47673;
        f->out_pkts = 47672;
        f->in_kb = 4607772;
        f->out_kb = 4607812;
        f->in_expires_ms = f->out_expires_ms = in_s(1874);
    }
    memmove(&s[1], &s[0], sizeof s[0] * 2); /* the other peer first */
    session(&s[0], "Tunnel0", "17.27.1.12", 500);
    assert_int_equal(render_crypto_session_select(s, 3, &sel), 2);
    sb_init(&sb);
    render_crypto_session(&sb, FX_NOW, s, 2, &o);
    /* one flow line lost its trailing blank in the copy */
    expect(SD "show_crypto_session_remote_detail/genie-iosxe-golden_output_csr8kv_flow.txt", sb.buf,
           FX_TRIM | FX_RSTRIP);
    sb_free(&sb);
}

/* genie ShowCryptoSessionInterfaceDetail: an XE image that pads nothing and
 * prints "permit ip   0.0.0.0/..."; its words must be ours line for line. */
static void
test_session_interface_detail(void **state)
{
    struct rec_crypto_session s[2];
    struct render_crypto_sel sel = {.ifname = "tunnel2"};
    struct render_crypto_opts o = {.detail = 1};
    struct rec_cs_ike *k;
    struct rec_cs_flow *f;
    struct strbuf sb;
    char *want, *a, *b;

    (void)state;
    session(&s[0], "Tunnel1", "70.70.70.1", 4500);
    session(&s[1], "Tunnel2", "70.70.70.70", 4500);
    PUT(s[1].profile, "nil_ike_prof");
    PUT(s[1].phase1_id, "70.70.70.70");
    s[1].up_since_ms = FX_NOW - (30 * 60 + 25) * 1000LL;
    k = session_ike(&s[1], 2, "71.71.71.71", 4500, 395);
    k->caps = REC_IKE_CAP_N | REC_IKE_CAP_U;
    k->conn_id = 1;
    k->expires_ms = in_s(23 * 3600 + 29 * 60 + 35);
    f = session_flow(&s[1], "0.0.0.0", "0.0.0.0", "0.0.0.0", "0.0.0.0", 2);
    f->in_pkts = 47;
    f->out_pkts = 12;
    f->in_kb = 7;
    f->out_kb = 3;
    f->in_expires_ms = f->out_expires_ms = in_s(233);
    assert_int_equal(render_crypto_session_select(s, 2, &sel), 1);
    sb_init(&sb);
    render_crypto_session(&sb, FX_NOW, s, 1, &o);
    want =
        golden_read(SD "show_crypto_session_interface_detail/genie-iosxe-golden_output.txt", NULL);
    assert_non_null(want);
    /* the capture starts at the legend (its title was cut) */
    a = golden_collapse(want);
    b = golden_collapse(strstr(sb.buf, "Code:"));
    assert_string_equal(a, b);
    free(a);
    free(b);
    free(want);
    sb_free(&sb);
}

static void
test_session_brief(void **state)
{
    struct rec_crypto_session s[3];
    struct strbuf sb;

    (void)state;
    session(&s[0], "Tunnel0", "192.168.10.2", 500);
    PUT(s[0].phase1_id, "192.168.10.2");
    s[0].up_since_ms = FX_NOW - 29000;
    session(&s[1], "Tunnel1", "10.0.0.9", 500);
    PUT(s[1].ivrf, "RED");
    s[1].status = REC_CS_DOWN_NEGOTIATING;
    session(&s[2], "Tunnel0", "192.168.10.3", 4500);
    PUT(s[2].phase1_id, "spoke3.example.net");
    s[2].up_since_ms = FX_NOW - (2 * 86400 + 3 * 3600) * 1000LL;
    s[2].status = REC_CS_UP_IDLE;
    sb_init(&sb);
    render_crypto_session_brief(&sb, FX_NOW, s, 3);
    assert_string_equal(
        sb.buf,
        "Status: A- Active, U - Up, D - Down, I - Idle, S - Standby, N - Negotiating \n"
        "        K - No IKE\n"
        "ivrf = (none)\n"
        "Peer            I/F          Username        Group/Phase1_id          Uptime   Status\n"
        "192.168.10.2    Tu0                          192.168.10.2             00:00:29 UA\n"
        "192.168.10.3    Tu0                          spoke3.example.net       2d03h    UI\n"
        "ivrf = RED\n"
        "Peer            I/F          Username        Group/Phase1_id          Uptime   Status\n"
        "10.0.0.9        Tu1                                                            DN\n");
    sb_free(&sb);
}

/* genie ShowCryptoIpsecSaInterface golden_output_2 (Tunnel10), cut before
 * the SA lists: a Catalyst 9000 prints platform lines there we do not. */
static void
test_ipsec_sa_interface(void **state)
{
    struct rec_ipsec_sa r[2];
    struct render_crypto_sel sel = {.ifname = "Tunnel10"};
    struct render_crypto_opts o = {0};
    struct strbuf sb;

    (void)state;
    memset(r, 0, sizeof r);
    PUT(r[0].ifname, "Tunnel11");
    PUT(r[0].crypto_map, "Tunnel11-head-0");
    PUT(r[1].ifname, "Tunnel10");
    PUT(r[1].crypto_map, "Tunnel10-head-0");
    PUT(r[1].mtu_idb, "FiveGigabitEthernet3/0/15");
    r[1].map_local = r[1].local_endpt = ip4("101.1.1.1");
    r[1].peer = r[1].remote_endpt = ip4("101.1.1.2");
    r[1].peer_port = 500;
    r[1].plaintext_mtu = 1446;
    r[1].path_mtu = r[1].ip_mtu = 1500;
    r[1].out_spi = 0x6976013A;
    r[1].ctr[REC_IPC_ENCAPS] = r[1].ctr[REC_IPC_ENCRYPT] = r[1].ctr[REC_IPC_DIGEST] = 144;
    r[1].ctr[REC_IPC_DECAPS] = r[1].ctr[REC_IPC_DECRYPT] = r[1].ctr[REC_IPC_VERIFY] = 131;
    assert_int_equal(render_crypto_ipsec_sa_select(r, 2, &sel), 1);
    sb_init(&sb);
    render_crypto_ipsec_sa(&sb, FX_NOW, r, 1, &o);
    expect(SD "show_crypto_ipsec_sa_interface/genie-iosxe-golden_output_2-upto-pfs.txt", sb.buf,
           FX_PREFIX);
    sb_reset(&sb);
    render_crypto_ipsec_sa_json(&sb, FX_NOW, r, 1, &o);
    assert_non_null(strstr(sb.buf, "\"interface\":\"Tunnel10\""));
    assert_null(strstr(sb.buf, "Tunnel11"));
    sb_free(&sb);
}

/* genie ShowCryptoIsakmpPeers: peer 1.1.1.2 seen from two local addresses */
static void
test_isakmp_peers(void **state)
{
    struct rec_crypto_session s[3];
    struct strbuf sb;

    (void)state;
    session(&s[0], "Tunnel0", "1.1.1.2", 500);
    PUT(s[0].phase1_id, "1.1.1.2");
    session_ike(&s[0], 1, "1.1.1.1", 500, 1);
    session_ike(&s[0], 1, "1.1.1.1", 500, 2); /* a rekey: the same endpoints */
    session_ike(&s[0], 2, "1.1.1.1", 500, 3); /* IKEv2: not an ISAKMP peer */
    session(&s[1], "Tunnel1", "1.1.1.9", 500);
    session_ike(&s[1], 1, "1.1.1.1", 500, 4);
    session(&s[2], "Tunnel2", "1.1.1.2", 600);
    session_ike(&s[2], 1, "1.1.1.3", 500, 5); /* no phase-1 id: its address */
    sb_init(&sb);
    render_crypto_isakmp_peers(&sb, s, 3, ip4("1.1.1.2"));
    expect(SD "show_crypto_isakmp_peer/genie-iosxe-golden_output.txt", sb.buf, FX_EXACT);
    sb_reset(&sb);
    render_crypto_isakmp_peers(&sb, s, 3, 0);
    assert_non_null(
        strstr(sb.buf, "Peer: 1.1.1.9 Port: 500 Local: 1.1.1.1\n Phase1 id: 1.1.1.9\n"));
    sb_reset(&sb);
    render_crypto_isakmp_peers_json(&sb, s, 3, ip4("1.1.1.9"));
    assert_string_equal(sb.buf,
                        "{\"peers\":[{\"peer\":\"1.1.1.9\",\"port\":500,\"local\":\"1.1.1.1\","
                        "\"phase1_id\":\"1.1.1.9\",\"interface\":\"Tunnel1\"}]}\n");
    sb_free(&sb);
}

/* show crypto isakmp sa active|standby: a dying SA is the active side's */
static void
test_isakmp_sa_status(void **state)
{
    struct rec_ike_sa r[4];
    struct render_crypto_opts o = {0};
    struct strbuf sb;

    (void)state;
    memset(r, 0, sizeof r);
    for (int i = 0; i < 4; i++) {
        r[i].ike_version = 1;
        r[i].state = REC_IKE_QM_IDLE;
        r[i].local = ip4("10.165.200.225");
        r[i].remote = ip4("10.165.201.3") + (uint32_t)i;
        r[i].conn_id = 1001 + (uint32_t)i;
    }
    r[1].status = REC_IKE_STDBY;
    r[2].status = REC_IKE_ACTIVE_DELETED;
    r[3].status = REC_IKE_STDBY;
    assert_int_equal(render_crypto_ike_select_status(r, 4, REC_IKE_STDBY), 2);
    assert_int_equal(r[0].conn_id, 1002);
    assert_int_equal(r[1].conn_id, 1004);
    sb_init(&sb);
    render_crypto_isakmp_sa(&sb, FX_NOW, r, 2, &o);
    assert_non_null(strstr(sb.buf, "1002 STDBY\n"));
    assert_null(strstr(sb.buf, "ACTIVE"));
    sb_free(&sb);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_isakmp_sa_count),
        cmocka_unit_test(test_ipsec_sa_count),
        cmocka_unit_test(test_isakmp_default_policy),
        cmocka_unit_test(test_session_local),
        cmocka_unit_test(test_session_remote),
        cmocka_unit_test(test_session_remote_detail),
        cmocka_unit_test(test_session_interface_detail),
        cmocka_unit_test(test_session_brief),
        cmocka_unit_test(test_ipsec_sa_interface),
        cmocka_unit_test(test_isakmp_peers),
        cmocka_unit_test(test_isakmp_sa_status),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
