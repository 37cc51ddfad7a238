/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * NHRP registration load generator for bench_lab.py: plays N spokes, each
 * with its own NBMA source address (raw GRE with IP_HDRINCL; the bench makes
 * the whole NBMA range local in the generator's namespace so the replies come
 * back), sends one IOS-style registration request per spoke as fast as the
 * socket takes them, and counts the successful replies. Prints the time from
 * the first request to the last reply.
 *
 * usage: nhrp_loadgen HUB_NBMA HUB_TUNNEL_ADDR KEY AUTH N NBMA_BASE PROTO_BASE
 */
#include "daemons/nhrp/wire.h"
#include "lib/inet.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/ip.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static double
now_s(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static uint16_t
ip_csum(const void *p, size_t n)
{
    const uint8_t *b = p;
    uint32_t s = 0;
    size_t i;

    for (i = 0; i + 1 < n; i += 2)
        s += (uint32_t)(b[i] << 8 | b[i + 1]);
    while (s >> 16)
        s = (s & 0xffff) + (s >> 16);
    return (uint16_t)~s;
}

/* IOS registration request: flags unique+nat, one CIE (prefix 32, MTU,
 * holdtime), Cisco authentication, responder and transit records empty. */
static size_t
build(uint8_t *out, size_t cap, uint32_t hub_nbma, uint32_t hub_proto, uint32_t key,
      const char *auth, uint32_t nbma, uint32_t proto, uint32_t reqid)
{
    struct ip *ip = (struct ip *)out;
    uint8_t *gre = out + sizeof(*ip);
    struct nhrp_wbuf w;
    struct nhrp_cie cie = {0};
    size_t h, n;

    nhrp_w_init(&w, gre + 8, cap - sizeof(*ip) - 8);
    nhrp_w_header(&w, NHRP_REG_REQ, NHRP_HOPS_DEFAULT, NHRP_F_REG_U | NHRP_F_CISCO_NAT, reqid, nbma,
                  proto, hub_proto);
    cie.plen = 32;
    cie.mtu = 1472;
    cie.holdtime = 7200;
    nhrp_w_cie(&w, &cie);
    nhrp_w_ext_end(&w, nhrp_w_ext_begin(&w, NHRP_EXT_COMPULSORY | NHRP_EXT_RESPONDER));
    nhrp_w_ext_end(&w, nhrp_w_ext_begin(&w, NHRP_EXT_COMPULSORY | NHRP_EXT_FWD_TRANSIT));
    nhrp_w_ext_end(&w, nhrp_w_ext_begin(&w, NHRP_EXT_COMPULSORY | NHRP_EXT_REV_TRANSIT));
    if (*auth) {
        uint8_t a[4 + NHRP_AUTH_KEY_MAX] = {0, 0, 0, NHRP_AUTH_CISCO};
        size_t kl = strlen(auth);
        memcpy(a + 4, auth, kl);
        h = nhrp_w_ext_begin(&w, NHRP_EXT_COMPULSORY | NHRP_EXT_AUTH);
        nhrp_w_bytes(&w, a, 4 + kl);
        nhrp_w_ext_end(&w, h);
    }
    n = nhrp_w_finish(&w);
    if (!n)
        return 0;
    gre[0] = 0x20; /* key present */
    gre[1] = 0;
    nhrp_put16(gre + 2, 0x2001);
    nhrp_put32(gre + 4, key);
    memset(ip, 0, sizeof(*ip));
    ip->ip_v = 4;
    ip->ip_hl = 5;
    ip->ip_len = htons((uint16_t)(sizeof(*ip) + 8 + n));
    ip->ip_ttl = 255;
    ip->ip_p = IPPROTO_GRE;
    ip->ip_src.s_addr = htonl(nbma);
    ip->ip_dst.s_addr = htonl(hub_nbma);
    ip->ip_sum = htons(ip_csum(ip, sizeof(*ip)));
    return sizeof(*ip) + 8 + n;
}

int
main(int argc, char **argv)
{
    uint32_t hub_nbma, hub_proto, nbma0, proto0, key;
    long n, i, replies = 0, sent = 0, bad = 0;
    int tx, rx, one = 1;
    double t0, tlast = 0, tend;
    uint8_t pkt[512], in[2048];
    struct sockaddr_in dst = {.sin_family = AF_INET};

    if (argc != 8 || !inet_parse4(argv[1], &hub_nbma) || !inet_parse4(argv[2], &hub_proto) ||
        !inet_parse4(argv[6], &nbma0) || !inet_parse4(argv[7], &proto0)) {
        fprintf(stderr, "usage: %s HUB_NBMA HUB_TUN KEY AUTH N NBMA_BASE PROTO_BASE\n", argv[0]);
        return 2;
    }
    key = (uint32_t)strtoul(argv[3], NULL, 10);
    n = atol(argv[5]);
    tx = socket(AF_INET, SOCK_RAW, IPPROTO_GRE);
    rx = socket(AF_INET, SOCK_RAW, IPPROTO_GRE);
    if (tx < 0 || rx < 0 || setsockopt(tx, IPPROTO_IP, IP_HDRINCL, &one, sizeof(one)) < 0) {
        perror("socket");
        return 1;
    }
    {
        int sz = 64 << 20;
        setsockopt(rx, SOL_SOCKET, SO_RCVBUFFORCE, &sz, sizeof(sz));
        setsockopt(tx, SOL_SOCKET, SO_SNDBUFFORCE, &sz, sizeof(sz));
    }
    dst.sin_addr.s_addr = htonl(hub_nbma);
    t0 = now_s();
    for (i = 0; i < n || replies < n;) {
        struct pollfd pf[1] = {{rx, POLLIN, 0}};
        if (i < n) {
            size_t len = build(pkt, sizeof(pkt), hub_nbma, hub_proto, key, argv[4],
                               nbma0 + (uint32_t)i, proto0 + (uint32_t)i, (uint32_t)i + 1);
            if (sendto(tx, pkt, len, 0, (struct sockaddr *)&dst, sizeof(dst)) < 0) {
                if (errno != ENOBUFS && errno != EAGAIN) {
                    perror("sendto");
                    return 1;
                }
            } else {
                i++;
                sent++;
            }
        }
        while (poll(pf, 1, i < n ? 0 : 2000) > 0) {
            ssize_t r = recv(rx, in, sizeof(in), 0);
            struct nhrp_pkt p;
            size_t hl;
            if (r < 0)
                break;
            hl = (size_t)(in[0] & 15) * 4 + 8;
            if ((size_t)r <= hl || nhrp_decode(in + hl, (size_t)r - hl, &p, NULL) != NHRP_DEC_OK ||
                p.type != NHRP_REG_REPLY)
                continue;
            if (p.ncie && p.cie[p.cie0].code == NHRP_CODE_SUCCESS)
                replies++;
            else
                bad++;
            tlast = now_s();
        }
        if (i >= n && now_s() - (tlast ? tlast : t0) > 3)
            break; /* nothing more is coming */
    }
    tend = tlast ? tlast : now_s();
    printf("spokes %ld sent %ld replies %ld refused %ld seconds %.3f registrations/s %.0f\n", n,
           sent, replies, bad, tend - t0, (double)replies / (tend - t0));
    return replies == n ? 0 : 1;
}
