/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Fuzz target for the EIGRP codec (daemons/eigrp/eigrp_codec.c). The input
 * is a packet as received, decoded as is and once more with its checksum
 * fixed (so mutations reach the TLVs). Properties checked:
 *  - the decoder never crashes or reads past the input (ASan);
 *  - an accepted packet re-encodes (authentication TLV first, then the
 *    general TLVs, then one TLV per route) into a packet that decodes to the
 *    same fields, and whose own re-encoding is the same bytes: classic
 *    metric units are fixed points after one conversion;
 *  - the authentication verifier never crashes on an accepted packet;
 *  - the encoder, given a buffer cut to a size chosen by the input, never
 *    writes past it and what it finishes still decodes.
 */
#include "daemons/eigrp/eigrp_auth.h"
#include "daemons/eigrp/eigrp_codec.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct eigrp_msg p, q, r2;
static uint8_t out1[70000], out2[70000];

static size_t
reencode(const struct eigrp_msg *a, uint8_t *buf, size_t cap)
{
    struct eigrp_enc e;
    unsigned i;

    eigrp_enc_init(&e, buf, cap, &a->hdr);
    if (a->has_auth) {
        /* the TLV as received, digest included: the key is not known here */
        uint8_t v[EIGRP_AUTH_TLV_FIXED - EIGRP_TLV_HDR_LEN + EIGRP_AUTH_SHA256_LEN];

        memset(v, 0, sizeof(v));
        eigrp_put16(v, a->auth.type);
        eigrp_put16(v + 2, a->auth.digest_len);
        eigrp_put32(v + 4, a->auth.key_id);
        eigrp_put32(v + 8, a->auth.key_seq);
        memcpy(v + 20, a->auth.digest, a->auth.digest_len);
        if (!eigrp_enc_raw_tlv(&e, EIGRP_TLV_AUTH, v, 20 + (size_t)a->auth.digest_len))
            abort();
    }
    if ((a->has_params && !eigrp_enc_params(&e, &a->params)) ||
        (a->has_sw && !eigrp_enc_sw_version(&e, &a->sw)) ||
        (a->has_seq && !eigrp_enc_sequence(&e, a->seq_addr, a->nseq)) ||
        (a->has_nms && !eigrp_enc_next_mcast_seq(&e, a->next_mcast_seq)) ||
        (a->has_stub && !eigrp_enc_stub(&e, a->stub_flags)) ||
        (a->has_term && !eigrp_enc_peer_term(&e, a->term_addr, a->nterm)))
        abort();
    for (i = 0; i < a->nroutes; i++)
        if (!eigrp_enc_route(&e, &a->routes[i]))
            abort();
    return eigrp_enc_finish(&e);
}

static int
same_route(const struct eigrp_route_tlv *x, const struct eigrp_route_tlv *y)
{
    return x->external == y->external && x->wide == y->wide && x->nexthop == y->nexthop &&
           x->prefix == y->prefix && x->plen == y->plen &&
           x->metric.delay_ps == y->metric.delay_ps && x->metric.bw_kbps == y->metric.bw_kbps &&
           x->metric.mtu == y->metric.mtu && x->metric.hops == y->metric.hops &&
           x->metric.reliability == y->metric.reliability && x->metric.load == y->metric.load &&
           x->flags == y->flags && x->tag == y->tag && x->priority == y->priority &&
           x->tid == y->tid && x->router_id == y->router_id && x->orig_router == y->orig_router &&
           x->orig_as == y->orig_as && x->admin_tag == y->admin_tag &&
           x->ext_metric == y->ext_metric && x->ext_proto == y->ext_proto &&
           x->ext_flags == y->ext_flags;
}

static int
same(const struct eigrp_msg *a, const struct eigrp_msg *b)
{
    unsigned i;

    if (a->hdr.opcode != b->hdr.opcode || a->hdr.flags != b->hdr.flags ||
        a->hdr.seq != b->hdr.seq || a->hdr.ack != b->hdr.ack || a->hdr.vrid != b->hdr.vrid ||
        a->hdr.asn != b->hdr.asn || a->has_params != b->has_params || a->has_sw != b->has_sw ||
        a->has_seq != b->has_seq || a->has_nms != b->has_nms || a->has_stub != b->has_stub ||
        a->has_term != b->has_term || a->has_auth != b->has_auth || a->nroutes != b->nroutes)
        return 0;
    if (a->has_params && memcmp(&a->params, &b->params, sizeof(a->params)))
        return 0;
    if (a->has_sw && memcmp(&a->sw, &b->sw, sizeof(a->sw)))
        return 0;
    if (a->nseq != b->nseq || memcmp(a->seq_addr, b->seq_addr, a->nseq * sizeof(uint32_t)))
        return 0;
    if (a->nterm != b->nterm || memcmp(a->term_addr, b->term_addr, a->nterm * sizeof(uint32_t)))
        return 0;
    if (a->next_mcast_seq != b->next_mcast_seq || a->stub_flags != b->stub_flags)
        return 0;
    if (a->has_auth && (a->auth.type != b->auth.type || a->auth.digest_len != b->auth.digest_len ||
                        a->auth.key_id != b->auth.key_id || a->auth.key_seq != b->auth.key_seq ||
                        memcmp(a->auth.digest, b->auth.digest, a->auth.digest_len)))
        return 0;
    for (i = 0; i < a->nroutes; i++)
        if (!same_route(&a->routes[i], &b->routes[i]))
            return 0;
    return 1;
}

static void
check(const uint8_t *data, size_t size)
{
    size_t n1, n2, cap, k;

    if (eigrp_decode(data, size, &p) != EIGRP_DEC_OK)
        return;
    n1 = reencode(&p, out1, sizeof(out1));
    if (!n1 || eigrp_decode(out1, n1, &q) != EIGRP_DEC_OK || !same(&p, &q))
        abort();
    n2 = reencode(&q, out2, sizeof(out2));
    if (n2 != n1 || memcmp(out1, out2, n1))
        abort();

    if (p.has_auth) {
        static const uint8_t key[] = "cisco";
        struct eigrp_auth_key k2 = {.type = p.auth.type,
                                    .key_id = p.auth.key_id,
                                    .secret = key,
                                    .secret_len = 5,
                                    .src = 0x0a000001};
        (void)eigrp_auth_verify(&p, &k2);
    }

    /* The encoder against a buffer the input's length chooses: nothing
     * past cap is touched, and the packet it can finish decodes. */
    cap = size % (n1 + 1);
    memset(out2, 0xa5, n1 + 64 < sizeof(out2) ? n1 + 64 : sizeof(out2));
    {
        struct eigrp_enc e;

        eigrp_enc_init(&e, out2, cap, &p.hdr);
        for (k = 0; k < p.nroutes; k++)
            if (!eigrp_enc_route(&e, &p.routes[k]))
                break;
        n2 = eigrp_enc_finish(&e);
        for (k = cap; k < n1 + 64 && k < sizeof(out2); k++)
            if (out2[k] != 0xa5)
                abort();
        if (n2 && eigrp_decode(out2, n2, &r2) != EIGRP_DEC_OK)
            abort();
    }
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    uint8_t *c;

    if (size > 65535)
        return 0;
    check(data, size);
    /* Mutations rarely keep the checksum right; a copy with it fixed gets
     * the TLV walk fuzzed too. An exact-size copy keeps ASan's bounds. */
    if (size < EIGRP_HDR_LEN || !(c = malloc(size)))
        return 0;
    memcpy(c, data, size);
    eigrp_put16(c + 2, 0);
    eigrp_put16(c + 2, eigrp_checksum(c, size));
    check(c, size);
    free(c);
    return 0;
}
