/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * One packet of each kind the EIGRP engine will send, built with the
 * encoder: shared by the codec test, the tshark wire test and the fuzz seed
 * corpus generator, so all three look at the same bytes.
 */
#ifndef DMVPN_TEST_EIGRP_SAMPLES_H
#define DMVPN_TEST_EIGRP_SAMPLES_H

#include "daemons/eigrp/eigrp_auth.h"
#include "daemons/eigrp/eigrp_codec.h"

#define A(a, b, c, d)                                                                              \
    ((uint32_t)(a) << 24 | (uint32_t)(b) << 16 | (uint32_t)(c) << 8 | (uint32_t)(d))

#define SAMPLE_SRC A(10, 0, 0, 1)
#define SAMPLE_AS  100
#define SAMPLE_KEY "cisco"

struct eigrp_sample {
    const char *name;
    uint32_t dst; /* host byte order: 224.0.0.10 or a neighbour */
    size_t len;
    uint8_t buf[EIGRP_MAX_PKT];
};

/* Fills s[0..max) and returns how many were built. */
size_t eigrp_samples(struct eigrp_sample *s, size_t max);

/* The routes the samples carry, for tests that check field values. */
void eigrp_sample_route(struct eigrp_route_tlv *r, unsigned which);
#define SAMPLE_ROUTES 6

/* The keys the authenticated samples use. */
void eigrp_sample_key(struct eigrp_auth_key *k, uint16_t type);

#endif
