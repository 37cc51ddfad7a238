/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * nhrp_config_from_cfg(): an IOS config parsed by the real parser becomes
 * the engine's per-tunnel slices with IOS's defaults, and an engine fed
 * with them registers as the config says.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "fake.h"
#include "daemons/nhrp/service/nhrp_cfg.h"
#include "lib/log.h"
#include "parsers/parse.h"

#include <stdlib.h>
#include <string.h>

static const char cfgtext[] =
    "interface GigabitEthernet0/0\n"
    " ip address 198.51.100.2 255.255.255.0\n"
    "interface Tunnel0\n"
    " ip address 10.0.0.2 255.255.255.0\n"
    " ip mtu 1400\n"
    " ip nhrp authentication s3cr3t12\n"
    " ip nhrp map 10.0.0.1 203.0.113.1\n"
    " ip nhrp map multicast 203.0.113.1\n"
    " ip nhrp map 172.16.0.0 255.255.0.0 203.0.113.9\n"
    " ip nhrp network-id 100\n"
    " ip nhrp holdtime 300\n"
    " ip nhrp nhs 10.0.0.1\n"
    " ip nhrp nhs 10.0.0.254 nbma 203.0.113.2 multicast priority 5 cluster 2\n"
    " ip nhrp nhs fallback 15\n"
    " ip nhrp registration no-unique\n"
    " ip nhrp registration timeout 60\n"
    " ip nhrp shortcut\n"
    " tunnel source GigabitEthernet0/0\n"
    " tunnel mode gre multipoint\n"
    " tunnel key 42\n"
    " tunnel protection ipsec profile PROF\n"
    "interface Tunnel1\n"
    " ip address 10.1.0.1 255.255.255.0\n"
    " ip nhrp map multicast dynamic\n"
    " ip nhrp redirect timeout 5\n"
    " ip nhrp max-send 500 every 20\n"
    " ip nhrp network-id 2\n"
    " tunnel source 198.51.100.2\n"
    " tunnel mode gre multipoint\n"
    " shutdown\n"
    "interface Tunnel2\n"
    " ip address 10.2.0.2 255.255.255.252\n"
    " tunnel source 198.51.100.2\n"
    " tunnel destination 192.0.2.1\n";

static void
t_adapter(void **state)
{
    struct cfg_parse *p = cfg_parse_text(cfgtext, strlen(cfgtext));
    const struct cfg_iface *t0 = cfg_find_iface(p->cfg, "Tunnel0");
    const struct cfg_iface *t1 = cfg_find_iface(p->cfg, "Tunnel1");
    const struct cfg_iface *t2 = cfg_find_iface(p->cfg, "Tunnel2");
    const struct cfg_iface *g = cfg_find_iface(p->cfg, "GigabitEthernet0/0");
    struct nhrp_if_config c;

    assert_int_equal(p->counts[CLS_INVALID], 0);
    assert_non_null(t0);
    assert_false(nhrp_config_from_cfg(p->cfg, g, 9, &c));

    assert_true(nhrp_config_from_cfg(p->cfg, t0, 10, &c));
    assert_int_equal(c.tun, 10);
    assert_string_equal(c.ifname, "Tunnel0");
    assert_true(c.enabled);
    assert_true(c.up);
    assert_int_equal(c.network_id, 100);
    assert_int_equal(c.addr, A(10, 0, 0, 2));
    assert_int_equal(c.mask, 0xffffff00);
    assert_int_equal(c.nbma, A(198, 51, 100, 2)); /* from the source interface */
    assert_int_equal(c.p2p_dst, 0);
    assert_true(c.has_key);
    assert_int_equal(c.key, 42);
    assert_int_equal(c.mtu, 1400);
    assert_string_equal(c.auth, "s3cr3t12");
    assert_int_equal(c.holdtime, 300);
    assert_int_equal(c.reg_timeout, 60);
    assert_true(c.reg_no_unique);
    assert_int_equal(c.nnhs, 2);
    assert_int_equal(c.nhs[0].addr, A(10, 0, 0, 1));
    assert_int_equal(c.nhs[0].nbma, A(203, 0, 113, 1)); /* from the static map */
    assert_int_equal(c.nhs[0].priority, 0);
    assert_int_equal(c.nhs[1].nbma, A(203, 0, 113, 2));
    assert_int_equal(c.nhs[1].priority, 5);
    assert_int_equal(c.nhs[1].cluster, 2);
    assert_true(c.nhs[1].multicast);
    assert_int_equal(c.nhs_fallback, 15);
    assert_int_equal(c.nmaps, 2);
    assert_int_equal(c.maps[0].proto, A(10, 0, 0, 1));
    assert_int_equal(c.maps[0].plen, 32);
    assert_int_equal(c.maps[1].plen, 16);
    assert_int_equal(c.nmcast, 1);
    assert_int_equal(c.mcast[0], A(203, 0, 113, 1));
    assert_false(c.mcast_dynamic);
    assert_true(c.shortcut);
    assert_false(c.redirect);
    assert_true(c.protection);
    assert_string_equal(c.profile, "PROF");
    assert_int_equal(c.max_send_pkts, 10000);
    assert_int_equal(c.max_send_secs, 10);
    nhrp_if_config_free(&c);

    assert_true(nhrp_config_from_cfg(p->cfg, t1, 11, &c));
    assert_false(c.up);
    assert_true(c.mcast_dynamic);
    assert_int_equal(c.nmcast, 0);
    assert_true(c.redirect);
    assert_int_equal(c.redirect_timeout, 5);
    assert_int_equal(c.max_send_pkts, 500);
    assert_int_equal(c.max_send_secs, 20);
    assert_int_equal(c.holdtime, 7200);
    assert_int_equal(c.mtu, 1476);
    assert_int_equal(c.nbma, A(198, 51, 100, 2));
    assert_string_equal(c.auth, "");
    nhrp_if_config_free(&c);

    assert_true(nhrp_config_from_cfg(p->cfg, t2, 12, &c));
    assert_false(c.enabled); /* no network-id: IOS runs no NHRP */
    assert_int_equal(c.p2p_dst, A(192, 0, 2, 1));
    nhrp_if_config_free(&c);
    cfg_parse_free(p);
}

static void
t_engine_from_config(void **state)
{
    struct cfg_parse *p = cfg_parse_text(cfgtext, strlen(cfgtext));
    struct nhrp_if_config c[3];
    struct rec_tunnel *tun;
    struct rec_nhrp_nhs *nhs;
    struct fnet net;
    struct fnode *n;
    struct nhrp_pkt pkt;
    const struct nhrp_ext *x;
    size_t k;

    log_set_level(LOG_LVL_ERR);
    fnet_init(&net);
    n = fnet_add(&net, A(198, 51, 100, 2));
    assert_true(nhrp_config_from_cfg(p->cfg, cfg_find_iface(p->cfg, "Tunnel0"), 0, &c[0]));
    assert_true(nhrp_config_from_cfg(p->cfg, cfg_find_iface(p->cfg, "Tunnel1"), 1, &c[1]));
    assert_true(nhrp_config_from_cfg(p->cfg, cfg_find_iface(p->cfg, "Tunnel2"), 2, &c[2]));
    c[0].protection = false;
    fnode_config(n, c, 3);
    /* the slices were copied: freeing them does not disturb the engine */
    for (k = 0; k < 3; k++)
        nhrp_if_config_free(&c[k]);
    cfg_parse_free(p);

    assert_int_equal(fnet_count(&net, n->idx, -1, NHRP_REG_REQ), 2);
    assert_non_null(fnet_last(&net, n->idx, NHRP_REG_REQ));
    assert_int_equal(nhrp_decode(net.log[0].data, net.log[0].len, &pkt, NULL), NHRP_DEC_OK);
    assert_int_equal(pkt.flags, NHRP_F_CISCO_NAT); /* no-unique */
    assert_int_equal(pkt.cie[pkt.cie0].holdtime, 300);
    assert_int_equal(pkt.cie[pkt.cie0].mtu, 1400);
    x = nhrp_find_ext(&pkt, NHRP_EXT_AUTH);
    assert_non_null(x);
    assert_memory_equal(nhrp_ext_value(&pkt, x), "\0\0\0\1s3cr3t12", 12);
    assert_true(fnode_has_mcast(n, A(203, 0, 113, 1)));
    assert_true(fnode_has_mcast(n, A(203, 0, 113, 2)));
    assert_true(fnode_mapped(n, A(10, 0, 0, 1), NULL));

    k = nhrp_snap_nhs(n->e, net.now, NHRP_TUN_ANY, &nhs);
    assert_int_equal(k, 2);
    assert_int_equal(nhs[1].priority, 5);
    assert_int_equal(nhs[1].cluster, 2);
    free(nhs);
    k = nhrp_snap_tunnels(n->e, net.now, NHRP_TUN_ANY, &tun);
    assert_int_equal(k, 3);
    assert_string_equal(tun[0].ifname, "Tunnel0");
    assert_int_equal(tun[0].type, REC_TUN_SPOKE);
    assert_true(tun[0].line_up);
    assert_true(tun[0].has_key);
    assert_int_equal(tun[0].holdtime, 300);
    assert_int_equal(tun[0].network_id, 100);
    assert_int_equal(tun[1].type, REC_TUN_HUB);
    assert_false(tun[1].admin_up);
    assert_false(tun[1].line_up);
    assert_false(tun[2].multipoint);
    assert_int_equal(tun[2].dst, A(192, 0, 2, 1));
    free(tun);
    fnet_fini(&net);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(t_adapter),
        cmocka_unit_test(t_engine_from_config),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
