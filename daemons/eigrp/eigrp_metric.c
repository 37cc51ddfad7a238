/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * EIGRP metric arithmetic (RFC 7868 section 5.6). Every intermediate is
 * 64-bit and every step saturates: a path that overflows must read as the
 * worst metric, never wrap round to a good one (a wrapped metric would
 * attract traffic and could break DUAL's feasibility ordering).
 */
#include "daemons/eigrp/eigrp_metric.h"

#define PS_PER_10US 10000000ull /* classic delay unit: tens of microseconds */
#define PS_PER_US   1000000ull
#define BW_SCALE    10000000ull /* 10^7: the kbit/s reference, 5.6.1 */
#define WIDE_SCALE  65536ull    /* EIGRP_WIDE_SCALE, 5.6.2 */

static uint64_t
sat_add(uint64_t a, uint64_t b)
{
    return a > UINT64_MAX - b ? UINT64_MAX : a + b;
}

static uint64_t
sat_mul(uint64_t a, uint64_t b)
{
    if (a != 0 && b > UINT64_MAX / a)
        return UINT64_MAX;
    return a * b;
}

void
eigrp_kvals_default(struct eigrp_kvals *k)
{
    /* IOS "metric weights 0 1 0 1 0 0" (TOS, K1..K5): bandwidth and delay. */
    k->k[0] = 1;
    k->k[1] = 0;
    k->k[2] = 1;
    k->k[3] = 0;
    k->k[4] = 0;
    k->k[5] = 0;
}

bool
eigrp_metric_unreachable(const struct eigrp_metric *m)
{
    /* 5.6.1: a delay of all ones is how a withdrawn route is advertised;
     * a zero bandwidth cannot carry anything either. */
    return m->delay_ps == EIGRP_DELAY_INF || m->bw_kbps == 0;
}

void
eigrp_metric_set_unreachable(struct eigrp_metric *m)
{
    m->delay_ps = EIGRP_DELAY_INF;
}

void
eigrp_metric_add_link(struct eigrp_metric *m, const struct eigrp_link *l)
{
    /* Unreachable stays unreachable: sat_add keeps the all-ones delay. */
    m->delay_ps = sat_add(m->delay_ps, l->delay_ps);
    if (l->bw_kbps < m->bw_kbps)
        m->bw_kbps = l->bw_kbps;
    if (l->mtu < m->mtu)
        m->mtu = l->mtu;
    if (m->hops < UINT8_MAX)
        m->hops++;
    /* Reliability: 255 is best, so the path has the lowest; load: 1 is
     * best, so the path has the highest (5.6.1 "minimum"/"maximum"). */
    if (l->reliability < m->reliability)
        m->reliability = l->reliability;
    if (l->load > m->load)
        m->load = l->load;
}

/*
 * The K1..K5 polynomial shared by both forms (5.6.1, 5.6.2):
 *   (K1*bw + K2*bw/(256-load) + K3*delay [+ K6*ext]) * K5/(K4+rel)
 * with the last factor applied only when K5 != 0.
 */
static uint64_t
composite(uint64_t bw, uint64_t delay, uint64_t ext, const struct eigrp_metric *m,
          const struct eigrp_kvals *k)
{
    uint64_t sum = sat_mul(k->k[0], bw);
    if (k->k[1] != 0) {
        /* load is 1..255 on the wire; clamp so 256-load is never zero. */
        unsigned load = m->load < 255 ? m->load : 255;
        sum = sat_add(sum, sat_mul(k->k[1], bw) / (256u - load));
    }
    sum = sat_add(sum, sat_mul(k->k[2], delay));
    sum = sat_add(sum, sat_mul(k->k[5], ext));
    if (k->k[4] != 0) {
        uint64_t div = (uint64_t)m->reliability + k->k[3];
        if (div == 0)
            return UINT64_MAX;
        if (sum == UINT64_MAX)
            return sum;
        sum = sat_mul(sum, k->k[4]) / div;
    }
    return sum;
}

uint32_t
eigrp_metric_classic(const struct eigrp_metric *m, const struct eigrp_kvals *k)
{
    if (eigrp_metric_unreachable(m))
        return EIGRP_CLASSIC_INF;
    /* 5.6.1: bandwidth term is 10^7 / minimum kbit/s, delay is in tens of
     * microseconds, each truncated then scaled by 256 before the K terms
     * (IOS prints T1 = 256 * (6476 + 2000) = 2169856: 10^7/1544 truncates
     * first; the K5 division then works on the scaled sum). */
    uint64_t bw = (BW_SCALE / m->bw_kbps) * 256;
    uint64_t delay = sat_mul(m->delay_ps / PS_PER_10US, 256);
    uint64_t c = composite(bw, delay, 0, m, k);
    /* All ones is the classic "unreachable"; a reachable path that big
     * saturates to it as well (there is nothing worse to report). */
    return c >= EIGRP_CLASSIC_INF ? EIGRP_CLASSIC_INF : (uint32_t)c;
}

uint64_t
eigrp_metric_wide(const struct eigrp_metric *m, const struct eigrp_kvals *k)
{
    if (eigrp_metric_unreachable(m))
        return EIGRP_WIDE_INF;
    /* 5.6.2: throughput = 10^7 * 65536 / kbit/s; latency = ps * 65536 /
     * 10^6. The latency product is split so a long delay cannot overflow
     * before the division (65536 * delay wraps above ~281 s). */
    uint64_t tput = (BW_SCALE * WIDE_SCALE) / m->bw_kbps;
    uint64_t lat = sat_add(sat_mul(m->delay_ps / PS_PER_US, WIDE_SCALE),
                           (m->delay_ps % PS_PER_US) * WIDE_SCALE / PS_PER_US);
    /* K6 weighs jitter and energy (5.6.2.x extended attributes); the
     * vector does not carry them yet, so that term is zero. */
    return composite(tput, lat, 0, m, k);
}

uint32_t
eigrp_metric_rib(uint64_t wide)
{
    /* IOS "metric rib-scale 128": the RIB only holds 32 bits. */
    uint64_t r = wide / EIGRP_RIB_SCALE;
    return r > UINT32_MAX ? UINT32_MAX : (uint32_t)r;
}
