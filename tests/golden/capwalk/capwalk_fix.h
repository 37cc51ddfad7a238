/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The capture walk's fixture reader (capwalk_fix.c): one small text file per
 * IOS capture describes the records the router held, one record a line:
 *
 *   KIND field=value field=value ...
 *
 * KIND is tunnel, peer, nhs, cache, route, iface, ike or cs (struct
 * rec_tunnel, rec_dmvpn_peer, rec_nhrp_nhs, rec_nhrp_cache, rec_route,
 * rec_iface, rec_ike_sa, rec_crypto_session); cs_ike and cs_flow lines add
 * an IKE SA / IPsec flow to the session above them; ipsec (struct
 * rec_ipsec_sa, its #pkts counters by their words: encaps=N ...) and
 * ipsec_sa lines, the SAs of the block above them; traffic (struct
 * rec_nhrp_traffic; sent= and rcvd= list the counters in IOS's order);
 * eigrp_nbr (struct rec_eigrp_neighbor); ospf_nbr (struct rec_ospf_neighbor);
 * ikev2 (struct rec_ikev2_sa); ospf_if (struct rec_ospf_iface); profile
 * (struct rec_ipsec_profile) with profile_tset lines, its transform sets;
 * sock (struct rec_crypto_socket); bgp (struct rec_bgp_global, one) and
 * bgp_nbr (struct rec_bgp_neighbor); bgp_path (struct rec_bgp_path);
 * eigrp_topo (struct rec_eigrp_topo, one a path); eigrp_if (struct
 * rec_eigrp_iface); eigrp_traffic (struct rec_eigrp_traffic; its sent/received
 * pairs and queue quadruples as comma lists); vrf (struct rec_vrf) with
 * vrf_if lines, its interfaces; log (struct rec_log).
 * Values: dotted quads, decimal numbers, words of the field's own table
 * (state=UP, attrs=D|T1), "quoted strings" where a blank is part of the
 * value, and times as IOS prints them: an age (`00:05:07`, `1d02h`, `3w2d`,
 * `never`) for *_ms fields of the past, `+00:01:30` for a countdown. Ages
 * carry half a second more, so IOS's rounding down is exercised.
 * Lines the walker reads (capture, compare, expect, textfsm) and `#`
 * comments are skipped here; `version` and `command` are kept.
 */
#ifndef DMVPN_TESTS_GOLDEN_CAPWALK_FIX_H
#define DMVPN_TESTS_GOLDEN_CAPWALK_FIX_H

#include "lib/rec.h"
#include "lib/rec_crypto.h"
#include "lib/rec_eigrp.h"
#include "lib/rec_ikev2.h"
#include "lib/rec_routing.h"
#include "lib/rec_routing2.h"

#include <stdio.h>

#include <stddef.h>
#include <stdint.h>

/* The fixed "now" every fixture's times are relative to. */
#define CAPWALK_NOW ((int64_t)400 * 86400 * 1000)
#define CAPWALK_MAX 256

struct capwalk_fix {
    char version[32];
    char command[128];
    struct rec_tunnel tun[16];
    struct rec_dmvpn_peer peer[CAPWALK_MAX];
    struct rec_nhrp_nhs nhs[16];
    struct rec_nhrp_cache cache[CAPWALK_MAX];
    struct rec_route route[CAPWALK_MAX];
    struct rec_iface iface[64];
    struct rec_ike_sa ike[64];
    struct rec_crypto_session cs[32];
    struct rec_ipsec_sa ipsec[16];
    struct rec_nhrp_traffic traffic[8];
    struct rec_eigrp_neighbor eigrp[32];
    struct rec_ospf_neighbor ospf[32];
    struct rec_ikev2_sa ikev2[16];
    struct rec_ospf_iface ospf_if[32];
    struct rec_ipsec_profile prof[8];
    struct rec_crypto_socket sock[16];
    struct rec_bgp_global bgp[1];
    struct rec_bgp_neighbor bgp_nbr[32];
    struct rec_bgp_path bgp_path[64];
    struct rec_eigrp_topo eigrp_topo[64];
    struct rec_eigrp_iface eigrp_if[16];
    struct rec_eigrp_traffic eigrp_traffic[4];
    struct rec_vrf vrf[16];
    struct rec_log log[32];
    size_t n_tun, n_peer, n_nhs, n_cache, n_route, n_iface, n_ike, n_cs, n_ipsec, n_traffic;
    size_t n_eigrp, n_ospf, n_ikev2, n_ospf_if, n_prof, n_sock, n_bgp, n_bgp_nbr, n_bgp_path,
        n_eigrp_topo, n_eigrp_if, n_eigrp_traffic, n_vrf, n_log;
};

/* Reads the fixture from f; 0, or -1 after printing what is wrong (file
 * name and line) on stderr. */
int capwalk_fix_read(FILE *f, const char *name, struct capwalk_fix *out);

#endif
