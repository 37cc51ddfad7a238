/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What tshark prints of an EIGRP packet and what our decoder reads of it,
 * as the same text (see eigrp_tshark.h): shared by the wire check of the
 * packets we send and the check of public IOS captures.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "eigrp_tshark.h"
#include "daemons/eigrp/eigrp_codec.h"
#include "daemons/eigrp/eigrp_metric.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct eigrp_msg pkt;

char *
eigrp_tshark_run(const char *cmd, size_t *len)
{
    FILE *f = popen(cmd, "r");
    struct strbuf sb;
    char buf[4096];
    size_t n;

    assert_non_null(f);
    sb_init(&sb);
    while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
        sb_append(&sb, buf, n);
    assert_int_equal(pclose(f), 0);
    *len = sb.len;
    sb_putc(&sb, 0);
    return sb_steal(&sb);
}

/* --- expected values from our decoder ---------------------------------------------- */

const char *const eigrp_tshark_fields[] = {
    "eigrp.opcode",
    "eigrp.flags",
    "eigrp.seq",
    "eigrp.ack",
    "eigrp.vrid",
    "eigrp.as",
    "eigrp.tlv_type",
    "eigrp.tlv.len",
    "eigrp.par.k1",
    "eigrp.par.k3",
    "eigrp.par.k6",
    "eigrp.par.holdtime",
    "eigrp.seq.addrlen",
    "eigrp.seq.ipv4addr",
    "eigrp.next_mcast_seq",
    "eigrp.stub_options",
    "eigrp.ipv4.nexthop",
    "eigrp.ipv4.prefixlen",
    "eigrp.ipv4.destination",
    "eigrp.old_metric.delay",
    "eigrp.old_metric.bw",
    "eigrp.old_metric.mtu",
    "eigrp.old_metric.hopcount",
    "eigrp.old_metric.rel",
    "eigrp.old_metric.load",
    "eigrp.metric.delay",
    "eigrp.metric.bandwidth",
    "eigrp.metric.mtu",
    "eigrp.metric.hopcount",
    "eigrp.afi",
    "eigrp.routerid",
    "eigrp.extdata.origrid",
    "eigrp.extdata.as",
    "eigrp.extdata.tag",
    "eigrp.extdata.metric",
    "eigrp.extdata.proto",
    "eigrp.auth.type",
    "eigrp.auth.length",
    "eigrp.auth.keyid",
    "eigrp.auth.keyseq",
    "eigrp.auth.digest",
};
const size_t eigrp_tshark_nf = sizeof(eigrp_tshark_fields) / sizeof(eigrp_tshark_fields[0]);

static void add(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void
add(struct strbuf *sb, const char *fmt, ...)
{
    va_list ap;

    if (sb->len)
        sb_putc(sb, ',');
    va_start(ap, fmt);
    sb_vprintf(sb, fmt, ap);
    va_end(ap);
}

static void
add_ip(struct strbuf *sb, uint32_t a)
{
    add(sb, "%u.%u.%u.%u", a >> 24, a >> 16 & 255, a >> 8 & 255, a & 255);
}

void
eigrp_tshark_expect(struct strbuf *x, const uint8_t *b, size_t len)
{
    size_t off, i;

    assert_int_equal(eigrp_decode(b, len, &pkt), EIGRP_DEC_OK);
    add(&x[0], "%u", pkt.hdr.opcode);
    add(&x[1], "0x%08x", pkt.hdr.flags);
    add(&x[2], "%u", pkt.hdr.seq);
    add(&x[3], "%u", pkt.hdr.ack);
    add(&x[4], "%u", pkt.hdr.vrid);
    add(&x[5], "%u", pkt.hdr.asn);
    for (off = EIGRP_HDR_LEN; off < len; off += eigrp_get16(b + off + 2)) {
        add(&x[6], "0x%04x", eigrp_get16(b + off));
        add(&x[7], "%u", eigrp_get16(b + off + 2));
    }
    if (pkt.has_params) {
        add(&x[8], "%u", pkt.params.k.k[0]);
        add(&x[9], "%u", pkt.params.k.k[2]);
        add(&x[10], "%u", pkt.params.k.k[5]);
        add(&x[11], "%u", pkt.params.hold);
    }
    if (pkt.has_seq)
        for (i = 0; i < pkt.nseq; i++) {
            add(&x[12], "4");
            add_ip(&x[13], pkt.seq_addr[i]);
        }
    if (pkt.has_nms)
        add(&x[14], "%u", pkt.next_mcast_seq);
    if (pkt.has_stub)
        add(&x[15], "0x%04x", pkt.stub_flags);
    for (i = 0; i < pkt.nroutes; i++) {
        const struct eigrp_route_tlv *r = &pkt.routes[i];

        add_ip(&x[16], r->nexthop);
        add(&x[17], "%u", r->plen);
        add_ip(&x[18], r->prefix);
        if (!r->wide) {
            add(&x[19], "%u", eigrp_ps_to_classic_delay(r->metric.delay_ps));
            add(&x[20], "%u", eigrp_kbps_to_classic_bw(r->metric.bw_kbps));
            add(&x[21], "%u", r->metric.mtu);
            add(&x[22], "%u", r->metric.hops);
            add(&x[23], "%u", r->metric.reliability);
            add(&x[24], "%u", r->metric.load);
        } else {
            add(&x[25], "%llu",
                (unsigned long long)(r->metric.delay_ps == EIGRP_DELAY_INF ? EIGRP_WIDE_48_INF
                                                                           : r->metric.delay_ps));
            add(&x[26], "%llu", (unsigned long long)r->metric.bw_kbps);
            add(&x[27], "%u", r->metric.mtu);
            add(&x[28], "%u", r->metric.hops);
            add(&x[29], "1");
            add_ip(&x[30], r->router_id);
        }
        if (r->external) {
            add_ip(&x[31], r->orig_router);
            add(&x[32], "%u", r->orig_as);
            add(&x[33], "%u", r->admin_tag);
            add(&x[34], "%u", r->ext_metric);
            add(&x[35], "%u", r->ext_proto);
        }
    }
    if (pkt.has_auth) {
        add(&x[36], "%u", pkt.auth.type);
        add(&x[37], "%u", pkt.auth.digest_len);
        add(&x[38], "%u", pkt.auth.key_id);
        add(&x[39], "%u", pkt.auth.key_seq);
        if (x[40].len)
            sb_putc(&x[40], ',');
        for (i = 0; i < pkt.auth.digest_len; i++)
            sb_printf(&x[40], "%02x", pkt.auth.digest[i]);
    }
}
