/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * show crypto sockets: the router of the IOS XE capture in
 * testdata/ios/show/show_crypto_sockets/ rebuilt as crypto sessions and
 * tunnel protection lines, turned into socket records by dmvpnd's code
 * (socket_records.c) and rendered; plus a peer without SAs (Closed), a
 * session on an unprotected tunnel (no socket), shared protection and JSON;
 * and show crypto map, which is rendered from the same sockets.
 */
#include "cli/render/render_crypto_extra.h"
#include "daemons/ipsec/socket_records.h"

#include <arpa/inet.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "tests/unit/render/crypto/fixtures.h"
#include "tests/unit/render/crypto/golden.h"

#define SD "testdata/ios/show/show_crypto_sockets/"

static uint32_t
ip4(const char *s)
{
    struct in_addr a;

    assert_int_equal(inet_pton(AF_INET, s, &a), 1);
    return ntohl(a.s_addr);
}

static void
session(struct rec_crypto_session *s, const char *ifname, const char *local, const char *peer,
        int gre, unsigned status)
{
    memset(s, 0, sizeof(*s));
    snprintf(s->ifname, sizeof s->ifname, "%s", ifname);
    s->peer = ip4(peer);
    s->status = (uint8_t)status;
    s->n_ike = 1;
    s->ike[0].local = ip4(local);
    s->ike[0].remote = s->peer;
    if (status != REC_CS_UP_ACTIVE)
        return;
    s->n_flows = 1;
    if (gre) {
        s->flows[0].local = ip4(local);
        s->flows[0].remote = s->peer;
        s->flows[0].local_mask = s->flows[0].remote_mask = 0xffffffffu;
        s->flows[0].proto = 47;
    }
}

static const struct ipsec_sock_tunnel tuns[] = {
    {.ifname = "Tunnel1", .profile = "star"},
    {.ifname = "Tunnel2", .profile = "star"},
    {.ifname = "Tunnel3", .profile = "star"},
    {.ifname = "Tunnel20", .profile = "IPSEC_PROFILE"},
};

static void
compare(const char *capture, const char *ours, unsigned mode)
{
    char msg[1024];
    char *want = golden_read(capture, NULL);

    assert_non_null(want);
    if (golden_compare(want, ours, mode, msg, sizeof msg) != 0) {
        fprintf(stderr, "---- ours ----\n%s----\n", ours);
        fail_msg("%s: %s", capture, msg);
    }
    free(want);
}

static void
test_genie(void **state)
{
    struct rec_crypto_session s[5];
    struct rec_crypto_socket *r;
    struct strbuf sb;
    size_t n;

    (void)state;
    session(&s[0], "Tunnel1", "85.45.1.1", "10.0.0.2", 1, REC_CS_UP_ACTIVE);
    session(&s[1], "Tunnel9", "85.45.9.1", "10.0.0.2", 1, REC_CS_UP_ACTIVE); /* unprotected */
    session(&s[2], "Tunnel2", "85.45.2.1", "10.0.0.2", 1, REC_CS_UP_ACTIVE);
    session(&s[3], "Tunnel3", "85.45.3.1", "10.0.0.2", 1, REC_CS_UP_ACTIVE);
    session(&s[4], "Tunnel20", "21.1.1.1", "22.1.1.1", 0, REC_CS_UP_ACTIVE);
    n = ipsec_rec_sockets(s, 5, tuns, 4, &r);
    assert_int_equal(n, 8);
    sb_init(&sb);
    render_crypto_sockets(&sb, r, n);
    /* up to Tu3's idents: the capture goes on with IOS XE's TRUE ident
     * lines (per-flow selectors of crypto-map style tunnels) we do not keep */
    compare(SD "genie-iosxe-golden_1-upto-tu3.txt", sb.buf, FX_PREFIX);
    assert_non_null(strstr(sb.buf, "   Tu20 Peers (local/remote): 21.1.1.1/22.1.1.1 \n"
                                   "       Local Ident  (addr/mask/port/prot): "
                                   "(0.0.0.0/0.0.0.0/0/0)\n"));
    compare(SD "genie-iosxe-golden_1-listen.txt", strstr(sb.buf, "Crypto Sockets in Listen"),
            FX_EXACT);
    sb_reset(&sb);
    render_crypto_sockets_json(&sb, r, n);
    assert_non_null(strstr(sb.buf, "\"map_name\":\"Tunnel20-head-0\""));
    assert_non_null(strstr(sb.buf, "\"state\":\"Open\""));
    assert_null(strstr(sb.buf, "Tunnel9"));
    free(r);
    sb_free(&sb);
}

static void
test_closed_shared(void **state)
{
    static const struct ipsec_sock_tunnel shd[] = {
        {.ifname = "Tunnel0", .profile = "vpnprof", .shared = true}};
    struct rec_crypto_session s[1];
    struct rec_crypto_socket *r;
    struct strbuf sb;
    size_t n;

    (void)state;
    /* NHRP asked for the peer, IKE still negotiating: a closed socket with
     * the GRE idents tunnel protection asks for */
    session(&s[0], "Tunnel0", "172.17.0.11", "172.17.0.12", 1, REC_CS_DOWN_NEGOTIATING);
    n = ipsec_rec_sockets(s, 1, shd, 1, &r);
    sb_init(&sb);
    render_crypto_sockets(&sb, r, n);
    assert_string_equal(
        sb.buf, "Number of Crypto Socket connections 1\n\n"
                "   Shd Peers (local/remote): 172.17.0.11/172.17.0.12 \n"
                "       Local Ident  (addr/mask/port/prot): (172.17.0.11/255.255.255.255/0/47)\n"
                "       Remote Ident (addr/mask/port/prot): (172.17.0.12/255.255.255.255/0/47)\n"
                "       Flags: shared\n"
                "       IPSec Profile: \"vpnprof\"\n"
                "       Socket State: Closed\n"
                "       Client: \"TUNNEL SEC\" (Client State: Active)\n"
                "Crypto Sockets in Listen state:\n"
                "Client: \"TUNNEL SEC\" Profile: \"vpnprof\" Map-name: \"Tunnel0-head-0\"\n");
    free(r);
    /* nothing protected: no socket at all */
    n = ipsec_rec_sockets(s, 1, NULL, 0, &r);
    assert_int_equal(n, 0);
    free(r);
    sb_free(&sb);
}

/* The DMVPN configuration guide's dual-DMVPN spoke (shared protection of
 * Tunnel0 and Tunnel1 with profile vpnprof, three peers): show crypto map
 * from its socket and profile records. */
static void
test_crypto_map(void **state)
{
    static const char *const peers[] = {"172.17.0.5", "172.17.0.1", "172.17.0.12"};
    struct rec_crypto_socket s[5];
    struct rec_ipsec_profile p[2];
    struct strbuf sb;

    (void)state;
    memset(s, 0, sizeof s);
    memset(p, 0, sizeof p);
    for (int i = 0; i < 3; i++) {
        snprintf(s[i].ifname, sizeof s[i].ifname, "%s", i ? "Tunnel0" : "Tunnel1");
        snprintf(s[i].profile, sizeof s[i].profile, "vpnprof");
        s[i].local = ip4("172.17.0.11");
        s[i].remote = ip4(peers[i]);
        s[i].shared = 1;
    }
    for (int i = 3; i < 5; i++) {
        snprintf(s[i].ifname, sizeof s[i].ifname, "%s", i == 3 ? "Tunnel1" : "Tunnel0");
        snprintf(s[i].profile, sizeof s[i].profile, "vpnprof");
        snprintf(s[i].map_name, sizeof s[i].map_name, "vpnprof-head-1");
        snprintf(s[i].idb, sizeof s[i].idb, "FastEthernet0/0/0");
        s[i].local = ip4("172.17.0.11");
        s[i].listen = s[i].shared = 1;
    }
    snprintf(p[0].name, sizeof p[0].name, "default");
    snprintf(p[1].name, sizeof p[1].name, "vpnprof");
    p[1].life_kb = 4608000;
    p[1].life_s = 3600;
    p[1].ntsets = 1;
    snprintf(p[1].tsets[0].name, sizeof p[1].tsets[0].name, "trans2");
    sb_init(&sb);
    render_crypto_map(&sb, s, 5, p, 2);
    /* an HTML copy: line-end blanks are not evidence */
    compare("testdata/ios/show/show_crypto_map/cisco-doc-dmvpn-shared-tunnel-protection.txt",
            sb.buf, FX_TRIM | FX_RSTRIP);
    sb_reset(&sb);
    render_crypto_map_json(&sb, s, 5, p, 2);
    assert_non_null(strstr(sb.buf, "\"peers\":[\"172.17.0.5\",\"172.17.0.1\",\"172.17.0.12\"]"));
    assert_non_null(strstr(sb.buf, "\"interfaces\":[\"Tunnel1\",\"Tunnel0\"]"));
    sb_free(&sb);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_genie),
        cmocka_unit_test(test_closed_shared),
        cmocka_unit_test(test_crypto_map),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
