/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * `| json` of the NHRP show commands: the field names are a published
 * interface (docs/architecture.md), so they are pinned here byte for byte.
 */
#include "cli/render/render_nhrp.h"
#include "tests/unit/render/nhrp/golden.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

static void
test_dmvpn_json(void **state)
{
    struct rec_tunnel t = {.ifname = "Tunnel0", .admin_up = 1, .line_up = 1, .multipoint = 1};
    struct rec_dmvpn_peer p[3] = {
        {.ifname = "Tunnel0", .state = REC_PEER_UP, .attrs = REC_PA_D | REC_PA_T2},
        {.ifname = "Tunnel0", .state = REC_PEER_UP, .attrs = REC_PA_D | REC_PA_T1},
        {.ifname = "Tunnel0", .state = REC_PEER_IKE, .attrs = REC_PA_I | REC_PA_X},
    };
    struct rec_nhrp_nhs h = {.ifname = "Tunnel0",
                             .status = REC_NHS_R | REC_NHS_E,
                             .req_sent = 3,
                             .repl_recv = 3,
                             .current_request_id = 7};
    struct render_dmvpn_in in = {&t, 1, p, 3, &h, 1, NULL, RENDER_LEGEND_BGP_I2};
    struct strbuf out;

    t.type = REC_TUN_SPOKE;
    t.addr = ip("172.16.0.2");
    t.mask = mask(24);
    t.src = ip("198.51.100.2");
    t.protected_ = 1;
    snprintf(t.profile, sizeof(t.profile), "PROF");
    h.addr = ip("172.16.0.1");
    h.nbma = ip("203.0.113.2");
    h.last_reply_ms = T_AGO(0, 0, 22);
    p[0].nbma = p[1].nbma = ip("198.51.100.6");
    p[0].tunnel_addr = p[1].tunnel_addr = ip("172.16.0.3");
    p[0].since_ms = p[1].since_ms = T_AGO(0, 0, 5);
    p[1].target = ip("10.0.3.0");
    p[1].target_len = 24;
    p[2].tunnel_addr = ip("172.16.0.4");
    sb_init(&out);
    render_dmvpn_json(&out, T_NOW, &in);
    assert_string_equal(
        out.buf,
        "{\"interfaces\":[{\"interface\":\"Tunnel0\",\"admin_up\":true,\"line_up\":true,"
        "\"type\":\"Spoke\",\"address\":\"172.16.0.2\",\"prefix_len\":24,"
        "\"source\":\"198.51.100.2\",\"destination\":null,\"multipoint\":true,"
        "\"protection_profile\":\"PROF\",\"nhrp_peers\":2,"
        "\"nhs\":[{\"interface\":\"Tunnel0\",\"address\":\"172.16.0.1\",\"nbma\":\"203.0.113.2\","
        "\"status\":\"RE\",\"priority\":0,\"cluster\":0,\"requests_sent\":3,"
        "\"requests_failed\":0,\"replies_received\":3,\"last_reply\":\"00:00:22\","
        "\"last_reply_seconds\":22,\"current_request_id\":7,\"pending_request_id\":null,"
        "\"pending_retries\":0}],"
        "\"peers\":[{\"entries\":2,\"nbma\":\"198.51.100.6\",\"tunnel_address\":\"172.16.0.3\","
        "\"state\":\"UP\",\"updn\":\"00:00:05\",\"updn_seconds\":5,\"attributes\":\"DT2\","
        "\"target\":\"172.16.0.3/32\"},"
        "{\"entries\":2,\"nbma\":\"198.51.100.6\",\"tunnel_address\":\"172.16.0.3\","
        "\"state\":\"UP\",\"updn\":\"00:00:05\",\"updn_seconds\":5,\"attributes\":\"DT1\","
        "\"target\":\"10.0.3.0/24\"},"
        "{\"entries\":1,\"nbma\":null,\"tunnel_address\":\"172.16.0.4\",\"state\":\"IKE\","
        "\"updn\":null,\"updn_seconds\":null,\"attributes\":\"IX\","
        "\"target\":\"172.16.0.4/32\"}]}]}");
    sb_free(&out);
}

static void
test_cache_json(void **state)
{
    struct rec_nhrp_cache c[2] = {
        {.ifname = "Tunnel0",
         .prefix_len = 32,
         .type = REC_NHRP_DYNAMIC,
         .preference = 255,
         .flags = REC_NF_ROUTER | REC_NF_USED | REC_NF_NOSOCKET},
        {.ifname = "Tunnel0", .prefix_len = 32, .type = REC_NHRP_STATIC, .preference = 255},
    };
    struct strbuf out;

    c[0].proto = c[0].via = ip("20.169.169.2");
    c[0].nbma = ip("202.100.1.4");
    c[0].claimed_nbma = ip("10.1.1.1");
    c[0].created_ms = T_AGO(0, 17, 44);
    c[0].expires_ms = T_IN(1, 42, 17);
    c[1].proto = c[1].via = ip("20.169.169.254");
    c[1].nbma = ip("202.100.1.1");
    c[1].created_ms = T_DAYS(70, 0);
    sb_init(&out);
    render_nhrp_cache_json(&out, T_NOW, c, 2);
    assert_string_equal(
        out.buf,
        "{\"entries\":[{\"interface\":\"Tunnel0\",\"target\":\"20.169.169.2\",\"prefix_len\":32,"
        "\"via\":\"20.169.169.2\",\"type\":\"dynamic\",\"flags\":[\"router\",\"used\"],"
        "\"nbma\":\"202.100.1.4\",\"claimed_nbma\":\"10.1.1.1\",\"no_socket\":true,"
        "\"created\":\"00:17:44\",\"created_seconds\":1064,\"expire\":\"01:42:17\","
        "\"expire_seconds\":6137,\"preference\":255,\"requester\":null,\"request_id\":0,"
        "\"cache_hits\":0},"
        "{\"interface\":\"Tunnel0\",\"target\":\"20.169.169.254\",\"prefix_len\":32,"
        "\"via\":\"20.169.169.254\",\"type\":\"static\",\"flags\":[],\"nbma\":\"202.100.1.1\","
        "\"claimed_nbma\":null,\"no_socket\":false,\"created\":\"10w0d\","
        "\"created_seconds\":6048000,\"expire\":null,\"expire_seconds\":null,"
        "\"preference\":255,\"requester\":null,\"request_id\":0,\"cache_hits\":0}]}");
    sb_free(&out);
}

static void
test_traffic_and_route_json(void **state)
{
    struct rec_nhrp_traffic t = {.ifname = "Tunnel0",
                                 .max_send_pkts = 10000,
                                 .max_send_secs = 10,
                                 .sent_total = 4,
                                 .rcvd_total = 2};
    struct rec_route r[2] = {
        {.len = 0, .code = 'S', .distance = 1},
        {.len = 32, .code = 'H', .distance = 250, .metric = 1, .ifname = "Tunnel0"},
    };
    struct strbuf out;

    t.sent[REC_CTR_RES_REQ] = 2;
    t.sent[REC_CTR_TRAFFIC_IND] = 2;
    t.rcvd[REC_CTR_RES_REQ] = 2;
    t.drops[REC_DROP_AUTH] = 5;
    sb_init(&out);
    render_nhrp_traffic_json(&out, &t, 1);
    assert_string_equal(
        out.buf, "{\"interfaces\":[{\"interface\":\"Tunnel0\",\"max_send_packets\":10000,"
                 "\"max_send_seconds\":10,\"usage_percent\":0,"
                 "\"sent\":{\"total\":4,\"resolution_request\":2,\"resolution_reply\":0,"
                 "\"registration_request\":0,\"registration_reply\":0,\"purge_request\":0,"
                 "\"purge_reply\":0,\"error_indication\":0,\"traffic_indication\":2,"
                 "\"redirect_suppress\":0},"
                 "\"received\":{\"total\":2,\"resolution_request\":2,\"resolution_reply\":0,"
                 "\"registration_request\":0,\"registration_reply\":0,\"purge_request\":0,"
                 "\"purge_reply\":0,\"error_indication\":0,\"traffic_indication\":0,"
                 "\"redirect_suppress\":0},"
                 "\"drops\":{\"malformed\":0,\"checksum\":0,\"authentication\":5,\"network_id\":0,"
                 "\"hop_count\":0,\"unknown_type\":0,\"rate_limit\":0,\"no_binding\":0}}]}");
    r[0].nexthop = ip("198.51.100.1");
    r[1].prefix = ip("172.16.0.3");
    r[1].since_ms = T_AGO(0, 0, 6);
    sb_reset(&out);
    render_route_json(&out, T_NOW, r, 2);
    assert_string_equal(
        out.buf,
        "{\"gateway_of_last_resort\":\"198.51.100.1\",\"routes\":["
        "{\"code\":\"S\",\"prefix\":\"0.0.0.0\",\"prefix_len\":0,\"candidate_default\":true,"
        "\"next_hop_override\":false,\"nho_path\":false,\"distance\":1,\"metric\":0,"
        "\"next_hop\":\"198.51.100.1\",\"interface\":null,\"age\":null,\"age_seconds\":null},"
        "{\"code\":\"H\",\"prefix\":\"172.16.0.3\",\"prefix_len\":32,"
        "\"candidate_default\":false,\"next_hop_override\":false,\"nho_path\":false,"
        "\"distance\":250,\"metric\":1,\"next_hop\":null,\"interface\":\"Tunnel0\","
        "\"age\":\"00:00:06\",\"age_seconds\":6}]}");
    sb_free(&out);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dmvpn_json),
        cmocka_unit_test(test_cache_json),
        cmocka_unit_test(test_traffic_and_route_json),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
