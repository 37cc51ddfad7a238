/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Golden tests of the crypto show renderers: every fixture rebuilds a real
 * IOS capture as records and must render it back byte for byte (under the
 * normalisation its README entry declares); the seed hub's published output
 * must match line for line once whitespace is collapsed; plus the edge cases
 * a capture does not show (filters, empty sets, expired lifetimes, states,
 * unterminated strings, time formats).
 */
#include "cli/render/render_crypto_int.h"
#include "fixtures.h"
#include "golden.h"
#include "lib/inet.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

static void
test_capture(void **state)
{
    const struct fx *f = *state;
    struct strbuf sb;
    char msg[1024];
    char *want = golden_read(f->capture, NULL);

    if (!want)
        fail_msg("cannot read %s", f->capture);
    sb_init(&sb);
    fx_render(&sb, f, 0);
    if (golden_compare(want, sb.buf, f->mode, msg, sizeof msg) != 0) {
        fprintf(stderr, "---- rendered %s ----\n%s----\n", f->name, sb.buf);
        fail_msg("%s vs %s: %s", f->name, f->capture, msg);
    }
    free(want);
    sb_free(&sb);
}

/* Splits the published seed output at its prompt lines ("Hub#sh crypto X"). */
static char *
seed_section(const char *all, const char *prompt)
{
    const char *p = strstr(all, prompt), *end;

    assert_non_null(p);
    p = strchr(p, '\n');
    assert_non_null(p);
    p++;
    end = strstr(p, "Hub#");
    if (!end)
        end = p + strlen(p);
    return strndup(p, (size_t)(end - p));
}

static void
seed_compare(const char *published, const char *ours, const char *what)
{
    char *a = golden_collapse(published), *b = golden_collapse(ours);

    if (strcmp(a, b) != 0) {
        char msg[1024];

        golden_compare(a, b, FX_EXACT, msg, sizeof msg);
        fprintf(stderr, "---- ours (collapsed) ----\n%s----\n", b);
        fail_msg("seed %s: %s", what, msg);
    }
    free(a);
    free(b);
}

static void
test_seed_published(void **state)
{
    const struct rec_crypto_session *s;
    const struct rec_ike_sa *k;
    const struct rec_ipsec_sa *p;
    size_t ns, nk, np;
    struct render_crypto_opts o = {.dialect = RENDER_CRYPTO_IOS124};
    char *all = golden_read("testdata/ios/seed-published/hub-show-crypto.txt", NULL);
    char *sec;
    struct strbuf sb;

    (void)state;
    assert_non_null(all);
    fx_seed(&s, &ns, &k, &nk, &p, &np);
    sb_init(&sb);

    sec = seed_section(all, "Hub#sh crypto session");
    render_crypto_session(&sb, FX_NOW, s, ns, &o);
    seed_compare(sec, sb.buf, "show crypto session");
    free(sec);

    sb_reset(&sb);
    sec = seed_section(all, "Hub#sh crypto isakmp sa");
    render_crypto_isakmp_sa(&sb, FX_NOW, k, nk, &o);
    seed_compare(sec, sb.buf, "show crypto isakmp sa");
    free(sec);

    sb_reset(&sb);
    sec = seed_section(all, "Hub#sh crypto ipsec sa");
    render_crypto_ipsec_sa(&sb, FX_NOW, p, np, &o);
    seed_compare(sec, sb.buf, "show crypto ipsec sa");
    free(sec);

    /* The 15.x dialect must not pass: the seed hub is a 12.4 image. */
    sb_reset(&sb);
    o.dialect = RENDER_CRYPTO_IOS15;
    render_crypto_isakmp_sa(&sb, FX_NOW, k, nk, &o);
    sec = seed_section(all, "Hub#sh crypto isakmp sa");
    {
        char *a = golden_collapse(sec), *b = golden_collapse(sb.buf);
        assert_string_not_equal(a, b);
        free(a);
        free(b);
    }
    free(sec);
    sb_free(&sb);
    free(all);
}

static void
test_peer_filter(void **state)
{
    const struct fx *f = fx_find("ipsec_otus_r15");
    struct render_crypto_opts o = {.peer = 0};
    struct strbuf sb;

    (void)state;
    assert_non_null(f);
    sb_init(&sb);
    assert_true(inet_parse4("9.9.9.9", &o.peer));
    render_crypto_ipsec_sa(&sb, FX_NOW, f->recs, f->n, &o);
    assert_int_equal(sb.len, 0); /* no block, no interface header */
    assert_true(inet_parse4("172.16.5.22", &o.peer));
    render_crypto_ipsec_sa(&sb, FX_NOW, f->recs, f->n, &o);
    assert_non_null(strstr(sb.buf, "interface: Tunnel0\n"));
    assert_null(strstr(sb.buf, "Tunnel500"));
    sb_reset(&sb);
    render_crypto_ipsec_sa_json(&sb, FX_NOW, f->recs, f->n, &o);
    assert_non_null(strstr(sb.buf, "\"current_peer\":\"172.16.5.22\""));
    assert_null(strstr(sb.buf, "172.16.5.30"));
    sb_free(&sb);
}

static void
test_empty(void **state)
{
    struct strbuf sb;

    (void)state;
    sb_init(&sb);
    render_crypto_ipsec_sa(&sb, FX_NOW, NULL, 0, NULL);
    assert_int_equal(sb.len, 0);
    render_crypto_session(&sb, FX_NOW, NULL, 0, NULL);
    assert_string_equal(sb.buf, "Crypto session current status\n\n");
    sb_reset(&sb);
    render_crypto_isakmp_sa(&sb, FX_NOW, NULL, 0,
                            &(struct render_crypto_opts){.dialect = RENDER_CRYPTO_IOS124});
    assert_string_equal(sb.buf,
                        "dst             src             state          conn-id slot status\n\n");
    sb_reset(&sb);
    render_crypto_session_json(&sb, FX_NOW, NULL, 0);
    assert_string_equal(sb.buf, "{\"now_ms\":1700000000000,\"sessions\":[]}\n");
    sb_free(&sb);
}

static void
test_session_states(void **state)
{
    const struct fx *f = fx_find("tfsm_session_hub");
    struct render_crypto_opts o = {.detail = 0};
    struct strbuf sb;

    (void)state;
    sb_init(&sb);
    render_crypto_session(&sb, FX_NOW, f->recs, f->n, &o);
    /* the status is padded to 14 columns; longer words are not cut */
    assert_non_null(strstr(sb.buf,
                           "Session status: UP-ACTIVE     \nPeer: 203.0.113.9 port 4500 \n"
                           "  Session ID: 7  \n"
                           "  IKEv1 SA: local 192.0.2.1/4500 remote 203.0.113.9/4500 Active \n"));
    assert_non_null(strstr(sb.buf, "Session status: UP-IDLE       \n"));
    assert_non_null(strstr(sb.buf, "Session status: DOWN-NEGOTIATING\n"));
    assert_non_null(strstr(sb.buf, "remote 198.51.100.99/500 Inactive \n"
                                   "  IPSEC FLOW: permit ip 0.0.0.0/0.0.0.0 0.0.0.0/0.0.0.0 \n"
                                   "        Active SAs: 0, origin: crypto map\n\n"));
    assert_null(strstr(sb.buf, "Uptime:")); /* detail only */
    sb_reset(&sb);
    o.detail = 1;
    render_crypto_session(&sb, FX_NOW, f->recs, f->n, &o);
    assert_non_null(strstr(sb.buf, "Uptime: 2w0d\n")); /* 1234567 s */
    assert_non_null(strstr(sb.buf, "Uptime: 00:00:59\n"));
    assert_non_null(strstr(sb.buf, "Peer: 203.0.113.9 port 4500 fvrf: INET ivrf: (none)\n"
                                   "      Phase1_id: spoke1.example.net\n      Desc: (none)\n"));
    assert_non_null(strstr(sb.buf, "          Capabilities:DN connid:1007 lifetime:22:13:20\n"));
    assert_non_null(strstr(sb.buf, "          Capabilities:(none) connid:0 lifetime:0\n"));
    assert_non_null(strstr(sb.buf,
                           "        Inbound:  #pkts dec'ed 123456789012 drop 9 life (KB/Sec) "
                           "4600000/1200\n"
                           "        Outbound: #pkts enc'ed 42 drop 0 life (KB/Sec) "
                           "4600001/1200\n"));
    /* a DOWN session has no uptime line */
    assert_non_null(strstr(sb.buf, "Interface: Tunnel1\nSession status: DOWN-NEGOTIATING\n"));
    sb_free(&sb);
}

static void
test_ipsec_variants(void **state)
{
    struct rec_ipsec_sa r;
    struct rec_ipsec_sa_entry *e;
    struct strbuf sb;
    struct render_crypto_opts o = {.detail = 0};

    (void)state;
    memset(&r, 0, sizeof r);
    memcpy(r.ifname, "Tunnel9", 8);
    r.n_sas = 2;
    e = &r.sas[0];
    e->dir = REC_SA_IN;
    e->proto = REC_SA_AH;
    e->spi = 0x0000ABCD;
    memcpy(e->transform, "ah-sha-hmac", 12);
    e->expires_ms = FX_NOW - 5000; /* expired: prints 0, never negative */
    e->replay = 1;
    e = &r.sas[1];
    e->dir = REC_SA_OUT;
    e->proto = REC_SA_ESP;
    e->spi = 0x78C1E59;
    e->sibling_flags = 0xFFFFFFFF80000008ull;
    e->flow_id = 16001;
    memcpy(e->engine, "HW", 3);
    sb_init(&sb);
    render_crypto_ipsec_sa(&sb, FX_NOW, &r, 1, &o);
    /* AH sits in its own list and has no IV line */
    assert_non_null(strstr(sb.buf, "     inbound ah sas:\n      spi: 0xABCD(43981)\n"
                                   "        transform: ah-sha-hmac ,\n"));
    assert_non_null(strstr(sb.buf, "(k/sec): (0/0)\n        replay detection support: Y\n"
                                   "        Status: ACTIVE(ACTIVE)\n\n     inbound pcp sas:\n"));
    /* SPIs are not zero-padded; XE-style 64-bit sibling flags print whole */
    assert_non_null(strstr(sb.buf, "      spi: 0x78C1E59(126623321)\n"));
    assert_non_null(
        strstr(sb.buf, "flow_id: HW:16001, sibling_flags FFFFFFFF80000008, crypto map: \n"));
    assert_non_null(strstr(sb.buf, "ip mtu idb (none)\n     current outbound spi: 0x0(0)\n"
                                   "     PFS (Y/N): N, DH group: none\n"));
    sb_reset(&sb);
    o.dialect = RENDER_CRYPTO_IOS124;
    render_crypto_ipsec_sa(&sb, FX_NOW, &r, 1, &o);
    assert_null(strstr(sb.buf, "sibling_flags"));
    assert_null(strstr(sb.buf, "PFS"));
    assert_null(strstr(sb.buf, "plaintext"));
    assert_non_null(strstr(sb.buf, "        Status: ACTIVE\n"));
    sb_free(&sb);
}

/* A record off the wire need not be NUL-terminated: output stays bounded. */
static void
test_unterminated_strings(void **state)
{
    struct rec_crypto_session s;
    struct rec_ike_sa k;
    struct strbuf sb;
    struct render_crypto_opts o = {.detail = 1};
    char want[REC_IFNAMSIZ + 1];

    (void)state;
    memset(&s, 'A', sizeof s);
    s.n_ike = 200; /* out of range counts are clamped */
    s.n_flows = 200;
    s.status = 99;
    memset(&k, 'B', sizeof k);
    sb_init(&sb);
    render_crypto_session(&sb, FX_NOW, &s, 1, &o);
    memset(want, 'A', REC_IFNAMSIZ);
    want[REC_IFNAMSIZ] = '\0';
    assert_non_null(strstr(sb.buf, want));
    assert_non_null(strstr(sb.buf, "Session status: ?"));
    render_crypto_isakmp_sa(&sb, FX_NOW, &k, 1, &o);
    render_crypto_session_json(&sb, FX_NOW, &s, 1);
    render_crypto_isakmp_sa_json(&sb, FX_NOW, &k, 1);
    assert_non_null(strstr(sb.buf, "\"state\":\"?\""));
    sb_free(&sb);
}

static void
test_time_formats(void **state)
{
    static const struct {
        int64_t s;
        const char *want;
    } up[] = {{0, "00:00:00"},
              {59, "00:00:59"},
              {86399, "23:59:59"},
              {86400, "1d00h"},
              {3 * 86400 + 18 * 3600, "3d18h"},
              {7 * 86400, "1w0d"},
              {49 * 86400 + 5, "7w0d"},
              {366 * 86400, "1y0w"}};
    struct strbuf sb;
    char caps[16];

    (void)state;
    sb_init(&sb);
    for (size_t i = 0; i < sizeof up / sizeof up[0]; i++) {
        sb_reset(&sb);
        render_crypto_uptime(&sb, up[i].s);
        assert_string_equal(sb.buf, up[i].want);
    }
    sb_reset(&sb);
    render_crypto_hms(&sb, 86400);
    assert_string_equal(sb.buf, "24:00:00");
    assert_int_equal(render_crypto_left_s(FX_NOW, 0), 0);
    assert_int_equal(render_crypto_left_s(FX_NOW, FX_NOW - 1), 0);
    assert_int_equal(render_crypto_left_s(FX_NOW, FX_NOW + 1999), 1);
    assert_string_equal(render_crypto_caps(REC_IKE_CAP_N | REC_IKE_CAP_D, caps), "DN");
    assert_string_equal(render_crypto_caps(0x3ff, caps), "CDKNTXFRUS");
    assert_string_equal(render_crypto_ike_state_name(REC_IKE_AG_INIT_EXCH), "AG_INIT_EXCH");
    assert_string_equal(render_crypto_ike_status_name(REC_IKE_ACTIVE_DELETED), "ACTIVE (deleted)");
    assert_string_equal(render_crypto_session_status_name(REC_CS_UP_NO_IKE), "UP-NO-IKE");
    sb_free(&sb);
}

static void
test_json_fields(void **state)
{
    struct strbuf sb;

    (void)state;
    sb_init(&sb);
    fx_render(&sb, fx_find("isakmp_detail_otus"), 1);
    assert_non_null(strstr(sb.buf,
                           "\"dst\":\"20.10.20.2\",\"src\":\"20.30.10.2\",\"state\":\"QM_IDLE\","
                           "\"conn_id\":1074,\"status\":\"ACTIVE\""));
    assert_non_null(strstr(sb.buf, "\"lifetime_s\":85637,"));
    sb_reset(&sb);
    fx_render(&sb, fx_find("ipsec_detail_ntc"), 1);
    assert_non_null(
        strstr(sb.buf, "\"flow_id\":\"Onboard VPN:124\",\"sibling_flags\":\"80000000\""));
    assert_non_null(strstr(sb.buf, "\"mode\":\"Transport\",\"udp_encaps\":true"));
    sb_reset(&sb);
    fx_render(&sb, fx_find("session_detail_genie"), 1);
    assert_non_null(strstr(sb.buf, "\"status\":\"UP-ACTIVE\",\"peer\":\"11.0.2.1\""));
    assert_non_null(strstr(sb.buf, "\"uptime_s\":325234,"));
    sb_free(&sb);
}

int
main(void)
{
    const struct fx *fx;
    size_t nfx = fx_all(&fx);
    const struct CMUnitTest fixed[] = {
        cmocka_unit_test(test_seed_published), cmocka_unit_test(test_peer_filter),
        cmocka_unit_test(test_empty),          cmocka_unit_test(test_session_states),
        cmocka_unit_test(test_ipsec_variants), cmocka_unit_test(test_unterminated_strings),
        cmocka_unit_test(test_time_formats),   cmocka_unit_test(test_json_fields),
    };
    size_t nfixed = sizeof fixed / sizeof fixed[0];
    struct CMUnitTest *tests = calloc(nfx + nfixed, sizeof *tests);
    size_t n = 0;
    int rc;

    if (!tests)
        return 1;
    for (size_t i = 0; i < nfx; i++) {
        if (!fx[i].capture)
            continue;
        tests[n].name = fx[i].name;
        tests[n].test_func = test_capture;
        tests[n].initial_state = (void *)&fx[i];
        n++;
    }
    memcpy(tests + n, fixed, sizeof fixed);
    n += nfixed;
    rc = _cmocka_run_group_tests("render_crypto", tests, n, NULL, NULL);
    free(tests);
    return rc;
}
