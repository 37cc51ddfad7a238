/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "eigrp_samples.h"

#include <string.h>

void
eigrp_sample_route(struct eigrp_route_tlv *r, unsigned which)
{
    memset(r, 0, sizeof(*r));
    r->metric.mtu = 1500;
    r->metric.reliability = 255;
    r->metric.load = 1;
    switch (which) {
    case 0: /* classic internal, FastEthernet-like: 100 us, 100 Mbit/s */
        r->prefix = A(10, 1, 0, 0);
        r->plen = 16;
        r->metric.delay_ps = 100000000ull;
        r->metric.bw_kbps = 100000;
        r->metric.hops = 1;
        break;
    case 1: /* classic internal /25, a next hop other than the sender */
        r->prefix = A(172, 16, 5, 128);
        r->plen = 25;
        r->nexthop = A(10, 0, 0, 7);
        r->metric.delay_ps = 1000000000ull; /* Ethernet: 1 ms */
        r->metric.bw_kbps = 10000;
        r->metric.hops = 2;
        r->metric.mtu = 1476;
        break;
    case 2: /* classic external from OSPF */
        r->external = true;
        r->prefix = A(192, 168, 50, 0);
        r->plen = 24;
        r->metric.delay_ps = 5000000000ull;
        r->metric.bw_kbps = 1544;
        r->metric.hops = 3;
        r->orig_router = A(10, 0, 0, 9);
        r->orig_as = 1;
        r->admin_tag = 42;
        r->ext_metric = 20;
        r->ext_proto = EIGRP_EXT_OSPF;
        break;
    case 3: /* classic external default route, candidate default */
        r->external = true;
        r->prefix = 0;
        r->plen = 0;
        r->metric.delay_ps = 10000000ull;
        r->metric.bw_kbps = 1000000;
        r->orig_router = A(10, 0, 0, 1);
        r->orig_as = 0;
        r->ext_proto = EIGRP_EXT_STATIC;
        r->ext_flags = EIGRP_EXTF_CD;
        break;
    case 4: /* wide internal: 10 Gbit/s, 10 us */
        r->wide = true;
        r->prefix = A(10, 2, 3, 0);
        r->plen = 24;
        r->router_id = A(10, 0, 0, 1);
        r->metric.delay_ps = 10000000ull;
        r->metric.bw_kbps = 10000000;
        r->metric.hops = 1;
        break;
    default: /* wide external from a static route */
        r->wide = true;
        r->external = true;
        r->prefix = A(198, 51, 100, 0);
        r->plen = 24;
        r->router_id = A(10, 0, 0, 1);
        r->metric.delay_ps = 20000000ull;
        r->metric.bw_kbps = 1000000;
        r->metric.hops = 0;
        r->orig_router = A(10, 0, 0, 1);
        r->orig_as = 100;
        r->admin_tag = 7;
        r->ext_proto = EIGRP_EXT_STATIC;
        break;
    }
}

void
eigrp_sample_key(struct eigrp_auth_key *k, uint16_t type)
{
    memset(k, 0, sizeof(*k));
    k->type = type;
    k->key_id = type == EIGRP_AUTH_TYPE_MD5 ? 1 : 2;
    k->key_seq = 0;
    k->secret = (const uint8_t *)SAMPLE_KEY;
    k->secret_len = strlen(SAMPLE_KEY);
    k->src = SAMPLE_SRC;
}

static struct eigrp_sample *
begin(struct eigrp_sample *s, struct eigrp_enc *e, const char *name, uint32_t dst, uint8_t op,
      uint32_t flags, uint32_t seq, uint32_t ack)
{
    struct eigrp_hdr h = {.version = EIGRP_VERSION,
                          .opcode = op,
                          .flags = flags,
                          .seq = seq,
                          .ack = ack,
                          .vrid = EIGRP_VRID_UNICAST,
                          .asn = SAMPLE_AS};

    s->name = name;
    s->dst = dst;
    eigrp_enc_init(e, s->buf, sizeof(s->buf), &h);
    return s;
}

static void
route(struct eigrp_enc *e, unsigned which, bool unreachable)
{
    struct eigrp_route_tlv r;

    eigrp_sample_route(&r, which);
    if (unreachable)
        r.metric.delay_ps = EIGRP_DELAY_INF;
    eigrp_enc_route(e, &r);
}

size_t
eigrp_samples(struct eigrp_sample *s, size_t max)
{
    static const struct eigrp_params par = {{{1, 0, 1, 0, 0, 0}}, EIGRP_HOLD_DEFAULT};
    static const struct eigrp_sw_version sw = {23, 0, 2, 0};
    static const uint32_t seqa[] = {A(10, 0, 0, 2), A(10, 0, 0, 3)};
    const uint32_t mc = EIGRP_MCAST_V4, nb = A(10, 0, 0, 2);
    struct eigrp_auth_key k;
    struct eigrp_enc e;
    size_t n = 0;
    unsigned i;

#define NEXT(name, dst, op, fl, sq, ak)                                                            \
    if (n >= max)                                                                                  \
        return n;                                                                                  \
    begin(&s[n], &e, name, dst, op, fl, sq, ak)
#define DONE() s[n++].len = eigrp_enc_finish(&e)

    NEXT("hello", mc, EIGRP_OP_HELLO, 0, 0, 0);
    eigrp_enc_params(&e, &par);
    eigrp_enc_sw_version(&e, &sw);
    DONE();
    NEXT("ack", nb, EIGRP_OP_HELLO, 0, 0, 7);
    DONE();
    NEXT("update-init", nb, EIGRP_OP_UPDATE, EIGRP_F_INIT, 1, 0);
    DONE();
    NEXT("update-classic", nb, EIGRP_OP_UPDATE, EIGRP_F_EOT, 2, 5);
    for (i = 0; i < 4; i++)
        route(&e, i, false);
    DONE();
    NEXT("update-wide", mc, EIGRP_OP_UPDATE, EIGRP_F_CR, 3, 0);
    route(&e, 4, false);
    route(&e, 5, false);
    DONE();
    NEXT("query", mc, EIGRP_OP_QUERY, 0, 4, 0);
    route(&e, 0, true);
    DONE();
    NEXT("reply", nb, EIGRP_OP_REPLY, 0, 5, 9);
    route(&e, 0, false);
    DONE();
    NEXT("sia-query", nb, EIGRP_OP_SIA_QUERY, 0, 6, 0);
    route(&e, 4, true);
    DONE();
    NEXT("sia-reply", nb, EIGRP_OP_SIA_REPLY, 0, 7, 0);
    route(&e, 4, false);
    DONE();
    NEXT("hello-seq", mc, EIGRP_OP_HELLO, 0, 0, 0);
    eigrp_enc_params(&e, &par);
    eigrp_enc_sequence(&e, seqa, 2);
    eigrp_enc_next_mcast_seq(&e, 42);
    DONE();
    NEXT("hello-stub", mc, EIGRP_OP_HELLO, 0, 0, 0);
    eigrp_enc_params(&e, &par);
    eigrp_enc_sw_version(&e, &sw);
    eigrp_enc_stub(&e, EIGRP_STUBF_CONNECTED | EIGRP_STUBF_SUMMARY);
    DONE();
    NEXT("hello-md5", mc, EIGRP_OP_HELLO, 0, 0, 0);
    eigrp_sample_key(&k, EIGRP_AUTH_TYPE_MD5);
    eigrp_enc_auth(&e, &k);
    eigrp_enc_params(&e, &par);
    eigrp_enc_sw_version(&e, &sw);
    s[n++].len = eigrp_auth_finish(&e, &k);
    NEXT("update-sha256", nb, EIGRP_OP_UPDATE, 0, 8, 0);
    eigrp_sample_key(&k, EIGRP_AUTH_TYPE_SHA256);
    eigrp_enc_auth(&e, &k);
    route(&e, 1, false);
    route(&e, 5, false);
    s[n++].len = eigrp_auth_finish(&e, &k);
    return n;
#undef NEXT
#undef DONE
}
