/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Fuzz target for dmvpn-snmp's mapping: arbitrary bytes taken as the
 * snapshot replies of the six record kinds it reads (as if the control
 * socket delivered garbage) are decoded, built into the MIB tables, walked
 * from the root, and every instance the walk returns is read back with GET.
 * Nothing may read outside the records, overflow, or make the walk go
 * backwards or repeat. Byte 0 picks the clock, then each kind takes a count
 * byte and that many records' worth of bytes (zero-padded at the end).
 */
#include "snmp/sn_mib.h"
#include "snmp/sn_source.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static uint32_t
fake_ifindex(void *arg, const char *name)
{
    return name[0] ? (uint32_t)(unsigned char)name[0] : 0;
}

static const struct {
    uint32_t kind;
    size_t size;
} kinds[6] = {
    {REC_TUNNEL, sizeof(struct rec_tunnel)},
    {REC_NHRP_CACHE, sizeof(struct rec_nhrp_cache)},
    {REC_NHRP_NHS, sizeof(struct rec_nhrp_nhs)},
    {REC_NHRP_TRAFFIC, sizeof(struct rec_nhrp_traffic)},
    {REC_IKE_SA, sizeof(struct rec_ike_sa)},
    {REC_IPSEC_SA, sizeof(struct rec_ipsec_sa)},
};

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct sn_snap s = {0};
    struct sn_mib m;
    void *bufs[6] = {0};
    long counts[6] = {0};
    size_t off = 1, i;
    uint32_t q[SN_OID_MAX] = {0}, o[SN_OID_MAX];
    size_t qn = 1, on;
    struct sn_val v, w;
    int b;

    if (size < 1)
        return 0;
    s.now_ms = (int64_t)data[0] << 40;
    for (b = 0; b < 6; b++) {
        size_t n = off < size ? data[off++] % 6 : 0, body = n * kinds[b].size;
        uint8_t *payload = calloc(1, sizeof(struct rec_header) + body + 1);
        struct rec_header h = {
            .kind = kinds[b].kind, .count = (uint32_t)n, .rec_size = (uint32_t)kinds[b].size};
        if (!payload)
            abort();
        memcpy(payload, &h, sizeof(h));
        if (off < size) {
            size_t take = size - off < body ? size - off : body;
            memcpy(payload + sizeof(h), data + off, take);
            off += take;
        }
        counts[b] = sn_records_decode(payload, sizeof(h) + body, kinds[b].kind, kinds[b].size,
                                      &bufs[b], &h);
        if (counts[b] < 0)
            abort(); /* a well-formed reply must decode */
        free(payload);
    }
    /* the raw input as one reply of any kind must not crash the decoder */
    {
        void *x = NULL;
        struct rec_header h;
        if (sn_records_decode(data, size, REC_NHRP_CACHE, sizeof(struct rec_nhrp_cache), &x, &h) >=
            0)
            free(x);
    }
    s.tun = bufs[0];
    s.ntun = (size_t)counts[0];
    s.cache = bufs[1];
    s.ncache = (size_t)counts[1];
    s.nhs = bufs[2];
    s.nnhs = (size_t)counts[2];
    s.traffic = bufs[3];
    s.ntraffic = (size_t)counts[3];
    s.ike = bufs[4];
    s.nike = (size_t)counts[4];
    s.ipsec = bufs[5];
    s.nipsec = (size_t)counts[5];
    s.ifindex = fake_ifindex;
    sn_mib_init(&m);
    sn_mib_build(&m, &s);
    for (i = 0; i < 100000 && sn_mib_next(&m, &s, q, qn, o, &on, &v); i++) {
        if (sn_oid_cmp(o, on, q, qn) <= 0 || sn_mib_get(&m, &s, o, on, &w) != 1 ||
            w.type != v.type || w.len != v.len || memcmp(w.s, v.s, v.len))
            abort();
        memcpy(q, o, on * sizeof(*q));
        qn = on;
    }
    sn_mib_free(&m);
    for (b = 0; b < 6; b++)
        free(bufs[b]);
    return 0;
}
