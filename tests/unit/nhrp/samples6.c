/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The IPv6 sample packets (samples6.h). Field values follow what IOS puts
 * in its IPv4 packets (unique/NAT flags, prefix 128 for a host binding,
 * hop count 255, extension order responder, forward, reverse, auth, NAT).
 */
#include "samples6.h"

#include <stdlib.h>
#include <string.h>

struct inet_addr
s6_addr(const char *text)
{
    struct inet_addr a;

    if (!inet_addr_parse(text, &a))
        abort();
    return a;
}

static struct inet_addr
nbma(uint8_t af, unsigned host)
{
    /* IPv4 NBMA: 198.51.100.x spokes, 203.0.113.1 the hub (x = 1);
     * IPv6 NBMA: 2001:db8:ff::x. */
    struct inet_addr a;
    uint8_t v6[16] = {0x20, 0x01, 0x0d, 0xb8, 0, 0xff};

    if (af == INET_AF_V4)
        return inet_addr_v4(host == 1 ? 0xcb007101u : 0xc6336400u + host);
    v6[15] = (uint8_t)host;
    a = inet_addr_v6(v6);
    return a;
}

static struct nhrp_cie
cie(uint8_t code, uint8_t plen, const struct inet_addr *n, const struct inet_addr *p)
{
    struct nhrp_cie c;

    memset(&c, 0, sizeof(c));
    c.code = code;
    c.plen = plen;
    c.mtu = 1400;
    c.holdtime = 7200;
    if (n) {
        c.has_nbma = true;
        c.nbma = *n;
    }
    if (p) {
        c.has_proto = true;
        c.proto = *p;
    }
    return c;
}

static void
ext_cies(struct nhrp_wbuf *w, uint16_t type, const struct nhrp_cie *c, size_t n)
{
    size_t h = nhrp_w_ext_begin(w, type), i;

    for (i = 0; i < n; i++)
        nhrp_w_cie(w, &c[i]);
    nhrp_w_ext_end(w, h);
}

static void
auth(struct nhrp_wbuf *w)
{
    /* Cisco cleartext: the word 1, then the key. */
    size_t h = nhrp_w_ext_begin(w, NHRP_EXT_COMPULSORY | NHRP_EXT_AUTH);

    nhrp_w_bytes(w, "\0\0\0\1cisco", 9);
    nhrp_w_ext_end(w, h);
}

static void
finish(struct s6_pkt *o, struct nhrp_wbuf *w, const struct inet_addr *from,
       const struct inet_addr *to)
{
    o->len = nhrp_w_finish(w);
    if (!o->len)
        abort();
    o->outer_src = *from;
    o->outer_dst = *to;
}

size_t
s6_build(uint8_t af, struct s6_pkt *out)
{
    struct inet_addr spoke = s6_addr(S6_SPOKE), hub = s6_addr(S6_HUB), b = s6_addr(S6_SPOKEB),
                     target = s6_addr(S6_TARGET), data = s6_addr(S6_DATA);
    struct inet_addr n_spoke = nbma(af, 2), n_hub = nbma(af, 1), n_b = nbma(af, 3);
    struct nhrp_cie c[2];
    struct nhrp_wbuf w;
    size_t k = 0;
    uint8_t ip6[48];

    /* 1. Registration request, spoke to hub (5.2.3): unique, NAT. */
    nhrp_w_init(&w, out[k].data, sizeof(out[k].data));
    nhrp_w_header_af(&w, NHRP_REG_REQ, 255, NHRP_F_REG_U | NHRP_F_CISCO_NAT, 0x101, &n_spoke,
                     &spoke, &hub);
    c[0] = cie(0, 128, NULL, NULL);
    nhrp_w_cie(&w, &c[0]);
    ext_cies(&w, NHRP_EXT_COMPULSORY | NHRP_EXT_RESPONDER, NULL, 0);
    ext_cies(&w, NHRP_EXT_COMPULSORY | NHRP_EXT_FWD_TRANSIT, NULL, 0);
    ext_cies(&w, NHRP_EXT_COMPULSORY | NHRP_EXT_REV_TRANSIT, NULL, 0);
    auth(&w);
    c[0] = cie(0, 128, &n_hub, &hub);
    ext_cies(&w, NHRP_EXT_NAT, c, 1);
    finish(&out[k++], &w, &n_spoke, &n_hub);

    /* 2. Registration reply: the responder, and the NBMA address seen. */
    nhrp_w_init(&w, out[k].data, sizeof(out[k].data));
    nhrp_w_header_af(&w, NHRP_REG_REPLY, 255, NHRP_F_REG_U | NHRP_F_CISCO_NAT, 0x101, &n_spoke,
                     &spoke, &hub);
    c[0] = cie(NHRP_CODE_SUCCESS, 128, NULL, NULL);
    nhrp_w_cie(&w, &c[0]);
    c[0] = cie(0, 128, &n_hub, &hub);
    ext_cies(&w, NHRP_EXT_COMPULSORY | NHRP_EXT_RESPONDER, c, 1);
    ext_cies(&w, NHRP_EXT_COMPULSORY | NHRP_EXT_FWD_TRANSIT, NULL, 0);
    ext_cies(&w, NHRP_EXT_COMPULSORY | NHRP_EXT_REV_TRANSIT, NULL, 0);
    auth(&w);
    c[1] = cie(0, 128, &n_spoke, &spoke);
    ext_cies(&w, NHRP_EXT_NAT, c, 2);
    finish(&out[k++], &w, &n_hub, &n_spoke);

    /* 3. Resolution request for a host behind spoke B (5.2.1), with the
     * hub's forward transit record as it leaves the hub. */
    nhrp_w_init(&w, out[k].data, sizeof(out[k].data));
    nhrp_w_header_af(&w, NHRP_RES_REQ, 254, NHRP_F_RES_Q | NHRP_F_RES_A | NHRP_F_CISCO_NAT, 0x202,
                     &n_spoke, &spoke, &target);
    c[0] = cie(0, 0, NULL, NULL);
    c[0].holdtime = 7200;
    nhrp_w_cie(&w, &c[0]);
    ext_cies(&w, NHRP_EXT_COMPULSORY | NHRP_EXT_RESPONDER, NULL, 0);
    c[0] = cie(0, 128, &n_hub, &hub);
    ext_cies(&w, NHRP_EXT_COMPULSORY | NHRP_EXT_FWD_TRANSIT, c, 1);
    ext_cies(&w, NHRP_EXT_COMPULSORY | NHRP_EXT_REV_TRANSIT, NULL, 0);
    finish(&out[k++], &w, &n_hub, &n_b);

    /* 4. Resolution reply from B straight to the spoke: B's /64. */
    nhrp_w_init(&w, out[k].data, sizeof(out[k].data));
    nhrp_w_header_af(&w, NHRP_RES_REPLY, 255,
                     NHRP_F_RES_Q | NHRP_F_RES_A | NHRP_F_RES_S | NHRP_F_CISCO_NAT, 0x202, &n_spoke,
                     &spoke, &target);
    c[0] = cie(NHRP_CODE_SUCCESS, 64, &n_b, &b);
    nhrp_w_cie(&w, &c[0]);
    c[0] = cie(0, 128, &n_b, &b);
    ext_cies(&w, NHRP_EXT_COMPULSORY | NHRP_EXT_RESPONDER, c, 1);
    c[0] = cie(0, 128, &n_hub, &hub);
    ext_cies(&w, NHRP_EXT_COMPULSORY | NHRP_EXT_FWD_TRANSIT, c, 1);
    ext_cies(&w, NHRP_EXT_COMPULSORY | NHRP_EXT_REV_TRANSIT, NULL, 0);
    finish(&out[k++], &w, &n_b, &n_spoke);

    /* 5. Purge request for the spoke's binding (5.2.5). */
    nhrp_w_init(&w, out[k].data, sizeof(out[k].data));
    nhrp_w_header_af(&w, NHRP_PURGE_REQ, 255, 0, 0x303, &n_hub, &hub, &spoke);
    c[0] = cie(0, 128, NULL, &b);
    c[0].holdtime = 0;
    nhrp_w_cie(&w, &c[0]);
    auth(&w);
    finish(&out[k++], &w, &n_hub, &n_spoke);

    /* 6. Traffic indication (Cisco): the hub tells the spoke about data
     * from S6_DATA to S6_TARGET; the payload is the data's IPv6 header
     * and the first octets of its ICMPv6 echo request. */
    memset(ip6, 0, sizeof(ip6));
    ip6[0] = 0x60;
    ip6[5] = 8;  /* payload length */
    ip6[6] = 58; /* ICMPv6 */
    ip6[7] = 63;
    memcpy(ip6 + 8, data.u.v6, 16);
    memcpy(ip6 + 24, target.u.v6, 16);
    ip6[40] = 128; /* echo request */
    nhrp_w_init(&w, out[k].data, sizeof(out[k].data));
    nhrp_w_header_af(&w, NHRP_TRAFFIC_IND, 255, 0, (uint32_t)NHRP_TRAFFIC_REDIRECT << 16, &n_hub,
                     &hub, &data);
    nhrp_w_bytes(&w, ip6, sizeof(ip6));
    finish(&out[k++], &w, &n_hub, &n_spoke);

    /* 7. Error indication answering packet 3 (5.2.7: the packet in
     * error follows the addresses). */
    nhrp_w_init(&w, out[k].data, sizeof(out[k].data));
    nhrp_w_header_af(&w, NHRP_ERROR_IND, 255, 0, (uint32_t)NHRP_ERR_PROTO_UNREACHABLE << 16 | 0,
                     &n_b, &b, &spoke);
    nhrp_w_bytes(&w, out[2].data, out[2].len);
    finish(&out[k++], &w, &n_b, &n_spoke);
    return k;
}
