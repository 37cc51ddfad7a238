/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The capture walk's renderer driver: `capwalk_render FIXTURE` reads the
 * records of one capture (capwalk_fix.h), takes the IOS personality from
 * the fixture's `version` line as the shell takes it from the config's
 * (render_personality_of), renders the fixture's command with the renderer
 * and options the shell's action uses for it, and writes the text to
 * stdout. capture_walk.py compares it with the capture.
 */
#include "cli/render/render_crypto_extra.h"
#include "cli/render/render_personality.h"
#include "cli/render/render_system.h"
#include "cli/render/render_vrf.h"
#include "lib/inet.h"
#include "tests/golden/capwalk/capwalk_fix.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct capwalk_fix fx;

static void
show_dmvpn(struct strbuf *out, const struct render_personality *p, bool detail)
{
    struct render_dmvpn_in in = {.tunnels = fx.tun,
                                 .n_tunnels = fx.n_tun,
                                 .peers = fx.peer,
                                 .n_peers = fx.n_peer,
                                 .nhs = fx.nhs,
                                 .n_nhs = fx.n_nhs,
                                 .legend = p->legend};

    struct strbuf crypto;

    sb_init(&crypto);
    render_dmvpn_crypto(&crypto, CAPWALK_NOW, fx.cs, fx.n_cs);
    in.crypto_sessions = crypto.buf;
    if (detail)
        render_dmvpn_detail(out, CAPWALK_NOW, &in);
    else
        render_dmvpn(out, CAPWALK_NOW, &in);
    sb_free(&crypto);
}

/* show crypto ipsec sa [peer A | interface X] [detail], as act_show_crypto.c */
static int
show_ipsec(struct strbuf *out, const char *arg, const struct render_personality *p)
{
    struct render_crypto_opts o = {.dialect = p->crypto};
    struct render_crypto_sel sel = {0};
    char word[REC_IFNAMSIZ];
    size_t k = fx.n_ipsec;
    int used;

    while (*arg) {
        if (sscanf(arg, " peer %31s%n", word, &used) == 1) {
            if (!inet_parse4(word, &o.peer))
                return -1;
        } else if (sscanf(arg, " interface %31s%n", word, &used) == 1) {
            sel.ifname = word;
            k = render_crypto_ipsec_sa_select(fx.ipsec, fx.n_ipsec, &sel);
        } else if (strcmp(arg, " detail") == 0) {
            o.detail = 1;
            used = 7;
        } else {
            return -1;
        }
        arg += used;
    }
    render_crypto_ipsec_sa(out, CAPWALK_NOW, fx.ipsec, k, &o);
    return 0;
}

/* show crypto session [local A | remote A | interface X] [detail], as
 * act_show_crypto.c */
static int
show_session(struct strbuf *out, const char *arg, const struct render_personality *p)
{
    struct render_crypto_opts o = {.dialect = p->crypto};
    struct render_crypto_sel sel = {0};
    char word[32], ifname[REC_IFNAMSIZ];
    int used;

    while (*arg) {
        if (sscanf(arg, " local %31s%n", word, &used) == 1) {
            if (!inet_parse4(word, &sel.local))
                return -1;
        } else if (sscanf(arg, " remote %31s%n", word, &used) == 1) {
            if (!inet_parse4(word, &sel.remote))
                return -1;
        } else if (sscanf(arg, " interface %31s%n", ifname, &used) == 1) {
            sel.ifname = ifname;
        } else if (strcmp(arg, " detail") == 0) {
            o.detail = 1;
            used = 7;
        } else {
            return -1;
        }
        arg += used;
    }
    render_crypto_session(out, CAPWALK_NOW, fx.cs,
                          render_crypto_session_select(fx.cs, fx.n_cs, &sel), &o);
    return 0;
}

/* show ip route [next-hop-override | PROTOCOL | vrf NAME], as act_show_routing.c
 * (with vrf, the fixture's routes are that VRF's table) */
static int
show_route(struct strbuf *out, const char *arg, const struct render_personality *p)
{
    static const struct {
        const char *kw;
        char code;
    } protos[] = {{" bgp", REC_RT_BGP},     {" ospf", REC_RT_OSPF},
                  {" eigrp", REC_RT_EIGRP}, {" static", REC_RT_STATIC},
                  {" nhrp", REC_RT_NHRP},   {" connected", REC_RT_CONNECTED}};
    struct render_route_opts o = {.family = p->family};
    size_t i;

    if (strcmp(arg, " next-hop-override") == 0)
        o.next_hop_override = true;
    if (strncmp(arg, " vrf ", 5) == 0) {
        o.vrf = arg + 5;
        arg = "";
    }
    for (i = 0; i < sizeof(protos) / sizeof(protos[0]); i++)
        if (strcmp(arg, protos[i].kw) == 0)
            o.protocol = protos[i].code;
    if (*arg && !o.next_hop_override && !o.protocol)
        return -1;
    render_route_ex(out, CAPWALK_NOW, fx.route, fx.n_route, &o);
    return 0;
}

static int
render(struct strbuf *out, const char *cmd, const struct render_personality *p)
{
    if (strcmp(cmd, "show dmvpn") == 0 || strcmp(cmd, "show dmvpn detail") == 0) {
        show_dmvpn(out, p, strcmp(cmd, "show dmvpn detail") == 0);
    } else if (strcmp(cmd, "show ip nhrp") == 0) {
        render_nhrp_cache(out, CAPWALK_NOW, fx.cache, fx.n_cache, RENDER_NHRP_PLAIN);
    } else if (strcmp(cmd, "show ip nhrp detail") == 0) {
        render_nhrp_cache(out, CAPWALK_NOW, fx.cache, fx.n_cache, RENDER_NHRP_DETAIL);
    } else if (strcmp(cmd, "show ip nhrp traffic") == 0) {
        render_nhrp_traffic(out, fx.traffic, fx.n_traffic);
    } else if (strcmp(cmd, "show ip nhrp summary") == 0) {
        render_nhrp_summary(out, fx.cache, fx.n_cache);
    } else if (strcmp(cmd, "show ip nhrp shortcut") == 0) {
        struct render_nhrp_filter f = {.shortcut = true};
        size_t k = render_nhrp_filter(fx.cache, fx.n_cache, &f);

        render_nhrp_cache(out, CAPWALK_NOW, fx.cache, k, RENDER_NHRP_PLAIN);
    } else if (strcmp(cmd, "show ip nhrp self") == 0) {
        size_t k = render_nhrp_self(fx.tun, fx.n_tun, fx.cache);

        render_nhrp_cache(out, CAPWALK_NOW, fx.cache, k, RENDER_NHRP_PLAIN);
    } else if (strcmp(cmd, "show ip nhrp brief") == 0) {
        render_nhrp_cache(out, CAPWALK_NOW, fx.cache, fx.n_cache, RENDER_NHRP_BRIEF);
    } else if (strcmp(cmd, "show ip nhrp nhs") == 0 ||
               strcmp(cmd, "show ip nhrp nhs detail") == 0) {
        render_nhrp_nhs(out, CAPWALK_NOW, fx.nhs, fx.n_nhs,
                        strcmp(cmd, "show ip nhrp nhs detail") == 0, false);
    } else if (strncmp(cmd, "show ip route", 13) == 0) {
        return show_route(out, cmd + 13, p);
    } else if (strcmp(cmd, "show crypto isakmp sa") == 0 ||
               strcmp(cmd, "show crypto isakmp sa detail") == 0) {
        struct render_crypto_opts o = {.dialect = p->crypto,
                                       .detail = strcmp(cmd, "show crypto isakmp sa detail") == 0};

        render_crypto_isakmp_sa(out, CAPWALK_NOW, fx.ike, fx.n_ike, &o);
    } else if (strncmp(cmd, "show crypto session", 19) == 0) {
        return show_session(out, cmd + 19, p);
    } else if (strcmp(cmd, "show ip eigrp interfaces") == 0 ||
               strcmp(cmd, "show ip eigrp interfaces detail") == 0) {
        render_eigrp_interfaces(out, fx.eigrp_if, fx.n_eigrp_if,
                                strcmp(cmd, "show ip eigrp interfaces detail") == 0);
    } else if (strcmp(cmd, "show ip eigrp traffic") == 0) {
        render_eigrp_traffic(out, fx.eigrp_traffic, fx.n_eigrp_traffic);
    } else if (strcmp(cmd, "show ip eigrp topology") == 0) {
        render_eigrp_topology(out, fx.eigrp_topo, fx.n_eigrp_topo, p->family);
    } else if (strcmp(cmd, "show ip bgp") == 0) {
        struct render_bgp_in in = {.global = fx.n_bgp ? fx.bgp : NULL,
                                   .paths = fx.bgp_path,
                                   .n_paths = fx.n_bgp_path,
                                   .family = p->family};

        render_bgp_table(out, &in);
    } else if (strcmp(cmd, "show ip bgp summary") == 0) {
        struct render_bgp_in in = {.global = fx.n_bgp ? fx.bgp : NULL,
                                   .nbrs = fx.bgp_nbr,
                                   .n_nbrs = fx.n_bgp_nbr,
                                   .family = p->family};

        render_bgp_summary(out, CAPWALK_NOW, &in);
    } else if (strcmp(cmd, "show logging") == 0) {
        struct rec_system sys;

        memset(&sys, 0, sizeof(sys));
        render_logging(out, &sys, fx.log, fx.n_log);
    } else if (strcmp(cmd, "show vrf") == 0) {
        render_vrf(out, fx.vrf, fx.n_vrf, NULL);
    } else if (strcmp(cmd, "show ip vrf interfaces") == 0) {
        render_ip_vrf_interfaces(out, fx.vrf, fx.n_vrf);
    } else if (strncmp(cmd, "show ip vrf", 11) == 0) {
        render_ip_vrf(out, fx.vrf, fx.n_vrf, cmd[11] ? cmd + 12 : NULL);
    } else if (strcmp(cmd, "show crypto sockets") == 0) {
        render_crypto_sockets(out, fx.sock, fx.n_sock);
    } else if (strcmp(cmd, "show crypto map") == 0) {
        render_crypto_map(out, fx.sock, fx.n_sock, fx.prof, fx.n_prof);
    } else if (strncmp(cmd, "show crypto ipsec profile", 25) == 0) {
        render_crypto_ipsec_profile(out, fx.prof, fx.n_prof, cmd[25] ? cmd + 26 : NULL, p->crypto);
    } else if (strcmp(cmd, "show crypto ipsec sa count") == 0) {
        render_crypto_ipsec_sa_count(out, fx.ipsec, fx.n_ipsec);
    } else if (strcmp(cmd, "show crypto isakmp sa count") == 0) {
        render_crypto_isakmp_sa_count(out, fx.ike, fx.n_ike);
    } else if (strcmp(cmd, "show crypto isakmp default policy") == 0) {
        render_crypto_isakmp_default_policy(out);
    } else if (strncmp(cmd, "show crypto isakmp peers", 24) == 0) {
        uint32_t peer = 0;

        if (cmd[24] && !inet_parse4(cmd + 25, &peer))
            return -1;
        render_crypto_isakmp_peers(out, fx.cs, fx.n_cs, peer);
    } else if (strncmp(cmd, "show crypto ipsec sa", 20) == 0) {
        return show_ipsec(out, cmd + 20, p);
    } else if (strcmp(cmd, "show ip eigrp neighbors detail") == 0) {
        render_eigrp_neighbors_detail(out, CAPWALK_NOW, fx.eigrp, fx.n_eigrp);
    } else if (strcmp(cmd, "show ip eigrp neighbors") == 0) {
        render_eigrp_neighbors(out, CAPWALK_NOW, fx.eigrp, fx.n_eigrp);
    } else if (strcmp(cmd, "show ip ospf neighbor") == 0) {
        render_ospf_neighbor(out, CAPWALK_NOW, fx.ospf, fx.n_ospf);
    } else if (strcmp(cmd, "show crypto ikev2 sa") == 0) {
        struct render_crypto_opts o = {.dialect = p->crypto};

        render_crypto_ikev2_sa(out, CAPWALK_NOW, fx.ikev2, fx.n_ikev2, &o);
    } else if (strcmp(cmd, "show ip ospf interface brief") == 0) {
        render_ospf_iface_brief(out, fx.ospf_if, fx.n_ospf_if);
    } else if (strncmp(cmd, "show interfaces ", 16) == 0) {
        /* the fixture holds the one interface the command names */
        render_interfaces(out, CAPWALK_NOW, fx.iface, fx.n_iface);
    } else if (strcmp(cmd, "show ip interface brief") == 0) {
        render_interfaces_brief_ex(out, fx.iface, fx.n_iface, p->family == RENDER_IOS_XE17);
    } else {
        return -1;
    }
    return 0;
}

int
main(int argc, char **argv)
{
    struct render_personality p;
    struct strbuf out;
    FILE *f;
    int rc;

    if (argc != 2) {
        fprintf(stderr, "usage: capwalk_render FIXTURE\n");
        return 2;
    }
    if (!(f = fopen(argv[1], "r"))) {
        perror(argv[1]);
        return 2;
    }
    rc = capwalk_fix_read(f, argv[1], &fx);
    fclose(f);
    if (rc < 0)
        return 2;
    render_personality_of(fx.version, &p);
    sb_init(&out);
    if (render(&out, fx.command, &p) < 0) {
        fprintf(stderr, "%s: command not walked: %s\n", argv[1], fx.command);
        sb_free(&out);
        return 2;
    }
    rc = fwrite(out.buf, 1, out.len, stdout) == out.len ? 0 : 1;
    sb_free(&out);
    return rc;
}
