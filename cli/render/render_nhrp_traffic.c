/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * show ip nhrp traffic: per-tunnel NHRP packet counters by RFC 2332 packet
 * type (5.2.1-5.2.7, 5.3) plus the IOS redirect (traffic indication) ones.
 * Each counter is printed as "N Name" followed by two blanks, three to a
 * line, so every counter line ends in two blanks, as the IOL/IOS-XE captures
 * show.
 */
#include "cli/render/render_nhrp.h"
#include "cli/render/render_nhrp_more.h"

#include <inttypes.h>

static const char *const ctr_label[REC_CTR_COUNT] = {
    [REC_CTR_RES_REQ] = "Resolution Request",
    [REC_CTR_RES_REPLY] = "Resolution Reply",
    [REC_CTR_REG_REQ] = "Registration Request",
    [REC_CTR_REG_REPLY] = "Registration Reply",
    [REC_CTR_PURGE_REQ] = "Purge Request",
    [REC_CTR_PURGE_REPLY] = "Purge Reply",
    [REC_CTR_ERROR_IND] = "Error Indication",
    [REC_CTR_TRAFFIC_IND] = "Traffic Indication",
    [REC_CTR_REDIRECT_SUPPRESS] = "Redirect Suppress",
};

void
render_nhrp_ctr_lines(struct strbuf *out, const char *dir, uint64_t total, const uint64_t *ctr)
{
    unsigned i;

    sb_printf(out, "   %s: Total %" PRIu64 "\n", dir, total);
    for (i = 0; i < REC_CTR_COUNT; i++) {
        if (i % 3 == 0)
            sb_puts(out, "         ");
        sb_printf(out, "%" PRIu64 " %s  ", ctr[i], ctr_label[i]);
        if (i % 3 == 2)
            sb_putc(out, '\n');
    }
}

void
render_nhrp_traffic(struct strbuf *out, const struct rec_nhrp_traffic *t, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        sb_printf(out, "%.*s: Max-send limit:%uPkts/%uSec, Usage:%u%%\n", REC_IFNAMSIZ, t[i].ifname,
                  t[i].max_send_pkts, t[i].max_send_secs, t[i].usage_pct);
        render_nhrp_ctr_lines(out, "Sent", t[i].sent_total, t[i].sent);
        render_nhrp_ctr_lines(out, "Rcvd", t[i].rcvd_total, t[i].rcvd);
    }
}
