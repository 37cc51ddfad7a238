/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Fuzz target for the data plane's receive-side parsing: any bytes are a
 * GRE packet (what the raw socket hands over after the outer IP header).
 * The decoder must stay inside the buffer, report a header length within
 * it, and what follows (inner IPv4 checks, MSS clamping) must keep the
 * inner packet's TCP checksum valid when it was valid before. An IPv6
 * payload's accepted length lies inside the buffer and past the header.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "daemons/dataplane/gre.h"
#include "daemons/dataplane/pkt.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
size_t dpu_ip6_len(const uint8_t *p, size_t n); /* user_v6.c */

static uint16_t
tcp_sum(const uint8_t *ip, const struct pkt_ip4 *h)
{
    size_t tl = h->tot - h->ihl;
    uint8_t *b = malloc(12 + tl);
    if (!b)
        abort();
    memcpy(b, ip + 12, 8);
    b[8] = 0;
    b[9] = PKT_IPPROTO_TCP;
    b[10] = (uint8_t)(tl >> 8);
    b[11] = (uint8_t)tl;
    memcpy(b + 12, ip + h->ihl, tl);
    uint16_t c = pkt_csum(b, 12 + tl);
    free(b);
    return c;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct gre_hdr h;
    size_t hl = 0;
    if (size > 1 << 16)
        return 0;
    if (gre_decode(data, size, &h, &hl) != GRE_OK)
        return 0;
    if (hl > size || hl != gre_hdr_len(&h))
        abort();
    uint8_t *p = malloc(size - hl + 1);
    if (!p)
        abort();
    memcpy(p, data + hl, size - hl);
    struct pkt_ip4 ip;
    if (pkt_ip4_parse(p, size - hl, &ip)) {
        if (ip.tot > size - hl || ip.ihl > ip.tot)
            abort();
        bool tcp_ok = ip.proto == PKT_IPPROTO_TCP && !(ip.frag & 0x1fff) && ip.tot - ip.ihl >= 20 &&
                      tcp_sum(p, &ip) == 0;
        if (pkt_mss_clamp(p, ip.tot, 536) && tcp_ok && tcp_sum(p, &ip) != 0)
            abort(); /* the incremental fix broke a valid checksum */
    }
    size_t l6 = dpu_ip6_len(p, size - hl);
    if (l6 && (l6 > size - hl || l6 <= 40 || (p[0] >> 4) != 6))
        abort();
    free(p);
    return 0;
}
