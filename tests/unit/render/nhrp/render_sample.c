/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Renders a fixed sample of records as IOS text and as `| json`, for the
 * TextFSM cross-check (textfsm_check.py): `render_sample dmvpn|route TXT JSON`.
 * The sample covers what parsers trip on: several tunnels, continuation
 * rows, UNKNOWN/never, ages in days and weeks, "is subnetted" groups, ECMP.
 */
#include "cli/render/render_nhrp.h"
#include "lib/inet.h"

#include <stdio.h>
#include <string.h>

#define NOW    ((int64_t)400 * 86400 * 1000)
#define AGO(s) (NOW - (int64_t)(s)*1000 - 250)

static uint32_t
ip(const char *s)
{
    uint32_t a = 0;

    if (!inet_parse4(s, &a)) {
        fprintf(stderr, "bad address %s\n", s);
        return 0;
    }
    return a;
}

static int
write_file(const char *path, const struct strbuf *sb)
{
    FILE *f = fopen(path, "wb");

    if (!f || fwrite(sb->buf, 1, sb->len, f) != sb->len) {
        perror(path);
        if (f)
            fclose(f);
        return 1;
    }
    return fclose(f) != 0;
}

static void
peer(struct rec_dmvpn_peer *p, const char *ifn, const char *nbma, const char *tun, uint8_t st,
     int64_t since, uint16_t attrs)
{
    memset(p, 0, sizeof(*p));
    snprintf(p->ifname, sizeof(p->ifname), "%s", ifn);
    p->nbma = nbma ? ip(nbma) : 0;
    p->tunnel_addr = ip(tun);
    p->state = st;
    p->since_ms = since;
    p->attrs = attrs;
}

static void
sample_dmvpn(struct strbuf *txt, struct strbuf *json)
{
    struct rec_tunnel t[2];
    struct rec_dmvpn_peer p[7];
    struct render_dmvpn_in in = {.tunnels = t, .n_tunnels = 2, .peers = p, .n_peers = 7};

    memset(t, 0, sizeof(t));
    snprintf(t[0].ifname, sizeof(t[0].ifname), "Tunnel0");
    snprintf(t[1].ifname, sizeof(t[1].ifname), "Tunnel100");
    t[0].admin_up = t[0].line_up = t[1].admin_up = t[1].line_up = 1;
    t[0].multipoint = t[1].multipoint = 1;
    t[0].type = REC_TUN_HUB;
    t[1].type = REC_TUN_SPOKE;
    peer(&p[0], "Tunnel0", NULL, "172.16.0.2", REC_PEER_IKE, 0, REC_PA_I | REC_PA_X);
    peer(&p[1], "Tunnel0", "198.51.100.6", "172.16.0.3", REC_PEER_UP, AGO(75), REC_PA_D);
    peer(&p[2], "Tunnel0", "198.51.100.10", "172.16.0.4", REC_PEER_NHRP, AGO(3 * 86400 + 4 * 3600),
         REC_PA_D | REC_PA_N);
    peer(&p[3], "Tunnel100", "203.0.113.2", "10.253.0.1", REC_PEER_UP, AGO(336 * 86400), REC_PA_S);
    peer(&p[4], "Tunnel100", "192.0.2.77", "10.253.0.77", REC_PEER_UP, AGO(5),
         REC_PA_D | REC_PA_T2);
    peer(&p[5], "Tunnel100", "192.0.2.77", "10.253.0.77", REC_PEER_UP, AGO(5),
         REC_PA_D | REC_PA_T1);
    peer(&p[6], "Tunnel100", "203.0.113.9", "10.253.0.2", REC_PEER_INTF, AGO(400 * 86400),
         REC_PA_S | REC_PA_C);
    render_dmvpn(txt, NOW, &in);
    render_dmvpn_json(json, NOW, &in);
}

static void
route(struct rec_route *r, char code, const char *pfx, unsigned len, unsigned ad, unsigned metric,
      const char *nh, const char *ifn, int64_t since)
{
    memset(r, 0, sizeof(*r));
    r->code = code;
    r->prefix = ip(pfx);
    r->len = (uint8_t)len;
    r->distance = ad;
    r->metric = metric;
    r->nexthop = nh ? ip(nh) : 0;
    snprintf(r->ifname, sizeof(r->ifname), "%s", ifn);
    r->since_ms = since;
}

static void
sample_route(struct strbuf *txt, struct strbuf *json)
{
    struct rec_route r[12];

    route(&r[0], 'S', "0.0.0.0", 0, 1, 0, "198.51.100.1", "", 0);
    route(&r[1], 'C', "172.16.0.0", 24, 0, 0, NULL, "Tunnel0", 0);
    route(&r[2], 'L', "172.16.0.2", 32, 0, 0, NULL, "Tunnel0", 0);
    route(&r[3], 'H', "172.16.0.3", 32, 250, 1, NULL, "Tunnel0", AGO(6));
    route(&r[4], 'O', "10.0.0.4", 32, 110, 2001, "172.16.0.1", "Tunnel0", AGO(301));
    route(&r[5], 'O', "10.0.0.4", 32, 110, 2001, "172.16.0.9", "Tunnel0", AGO(311));
    route(&r[6], 'C', "10.0.2.0", 24, 0, 0, NULL, "Loopback1", 0);
    route(&r[7], 'L', "10.0.2.1", 32, 0, 0, NULL, "Loopback1", 0);
    route(&r[8], 'B', "192.168.50.0", 24, 200, 0, "10.0.0.4", "", AGO(9 * 86400));
    route(&r[9], 'C', "2.2.2.2", 32, 0, 0, NULL, "Loopback0", 0);
    route(&r[10], 'D', "3.3.3.0", 24, 90, 130816, "172.16.0.1", "Tunnel0", AGO(3600));
    route(&r[11], 'S', "10.9.0.0", 16, 1, 0, "172.16.0.1", "", 0);
    render_route(txt, NOW, r, 12, false);
    render_route_json(json, NOW, r, 12);
}

int
main(int argc, char **argv)
{
    struct strbuf txt, json;
    int rc;

    if (argc != 4 || (strcmp(argv[1], "dmvpn") != 0 && strcmp(argv[1], "route") != 0)) {
        fprintf(stderr, "usage: render_sample dmvpn|route TXT JSON\n");
        return 2;
    }
    sb_init(&txt);
    sb_init(&json);
    if (strcmp(argv[1], "dmvpn") == 0)
        sample_dmvpn(&txt, &json);
    else
        sample_route(&txt, &json);
    rc = write_file(argv[2], &txt) || write_file(argv[3], &json);
    sb_free(&txt);
    sb_free(&json);
    return rc;
}
