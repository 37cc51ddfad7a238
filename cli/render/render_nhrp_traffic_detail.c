/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * show ip nhrp traffic [interface X] detail (IOS-XE): the global sums, then
 * each tunnel's Sent / Rcvd / Fwd blocks. Counter lines are the plain
 * traffic show's: "N Name" and two blanks, three to a line.
 *
 * "Packet Queue size: 0[0](1)" is IOS's NHRP process input queue (depth,
 * high-water mark, limit index); this engine handles each packet as it
 * arrives and never queues one, so the line always reads as an idle IOS
 * queue does.
 */
#include "cli/render/render_nhrp.h"
#include "cli/render/render_nhrp_more.h"
#include "lib/json.h"

#include <inttypes.h>
#include <string.h>

uint64_t
render_nhrp_fwd(const struct rec_nhrp_traffic *t, uint64_t fwd[REC_CTR_COUNT])
{
    static const unsigned mib[][2] = {
        {REC_CTR_RES_REQ, REC_MIB_S_FW_RESOLVE_REQ},
        {REC_CTR_RES_REPLY, REC_MIB_S_FW_RESOLVE_REPLY},
        {REC_CTR_REG_REQ, REC_MIB_S_FW_REGISTER_REQ},
        {REC_CTR_REG_REPLY, REC_MIB_S_FW_REGISTER_REPLY},
        {REC_CTR_PURGE_REQ, REC_MIB_S_FW_PURGE_REQ},
        {REC_CTR_PURGE_REPLY, REC_MIB_S_FW_PURGE_REPLY},
        {REC_CTR_ERROR_IND, REC_MIB_S_FW_ERROR_IND},
    };
    uint64_t total = 0;
    size_t i;

    memset(fwd, 0, REC_CTR_COUNT * sizeof(fwd[0]));
    for (i = 0; i < sizeof(mib) / sizeof(mib[0]); i++) {
        fwd[mib[i][0]] = t->mib[mib[i][1]];
        total += fwd[mib[i][0]];
    }
    return total;
}

/* The node's sums: sent and received, with their totals. */
static void
sums(const struct rec_nhrp_traffic *t, size_t n, struct rec_nhrp_traffic *g)
{
    size_t i;
    unsigned k;

    memset(g, 0, sizeof(*g));
    for (i = 0; i < n; i++) {
        g->sent_total += t[i].sent_total;
        g->rcvd_total += t[i].rcvd_total;
        for (k = 0; k < REC_CTR_COUNT; k++) {
            g->sent[k] += t[i].sent[k];
            g->rcvd[k] += t[i].rcvd[k];
        }
    }
}

void
render_nhrp_traffic_detail(struct strbuf *out, const struct rec_nhrp_traffic *all_t, size_t n_all,
                           const struct rec_nhrp_traffic *t, size_t n)
{
    struct rec_nhrp_traffic g;
    uint64_t fwd[REC_CTR_COUNT], ft;
    size_t i;

    sums(all_t, n_all, &g);
    sb_puts(out, "Global statistics:\n Packet Queue size: 0[0](1)\n");
    render_nhrp_ctr_lines(out, "Sent", g.sent_total, g.sent);
    render_nhrp_ctr_lines(out, "Rcvd", g.rcvd_total, g.rcvd);
    for (i = 0; i < n; i++) {
        sb_printf(out, "%.*s: Max-send limit:%uPkts/%uSec, Usage:%u%%\n", REC_IFNAMSIZ, t[i].ifname,
                  t[i].max_send_pkts, t[i].max_send_secs, t[i].usage_pct);
        render_nhrp_ctr_lines(out, "Sent", t[i].sent_total, t[i].sent);
        render_nhrp_ctr_lines(out, "Rcvd", t[i].rcvd_total, t[i].rcvd);
        ft = render_nhrp_fwd(&t[i], fwd);
        render_nhrp_ctr_lines(out, "Fwd", ft, fwd);
    }
}

void
render_nhrp_traffic_detail_json(struct strbuf *out, const struct rec_nhrp_traffic *all_t,
                                size_t n_all, const struct rec_nhrp_traffic *t, size_t n)
{
    struct rec_nhrp_traffic g;
    uint64_t fwd[REC_CTR_COUNT], ft;
    struct json j;
    size_t i;

    sums(all_t, n_all, &g);
    json_init(&j, out);
    json_obj_begin(&j, NULL);
    json_obj_begin(&j, "global");
    json_uint(&j, "packet_queue_size", 0);
    render_nhrp_ctr_json(&j, "sent", g.sent_total, g.sent);
    render_nhrp_ctr_json(&j, "received", g.rcvd_total, g.rcvd);
    json_obj_end(&j);
    json_arr_begin(&j, "interfaces");
    for (i = 0; i < n; i++) {
        json_obj_begin(&j, NULL);
        json_strn(&j, "interface", t[i].ifname, strnlen(t[i].ifname, REC_IFNAMSIZ));
        json_uint(&j, "max_send_packets", t[i].max_send_pkts);
        json_uint(&j, "max_send_seconds", t[i].max_send_secs);
        json_uint(&j, "usage_percent", t[i].usage_pct);
        render_nhrp_ctr_json(&j, "sent", t[i].sent_total, t[i].sent);
        render_nhrp_ctr_json(&j, "received", t[i].rcvd_total, t[i].rcvd);
        ft = render_nhrp_fwd(&t[i], fwd);
        render_nhrp_ctr_json(&j, "forwarded", ft, fwd);
        json_obj_end(&j);
    }
    json_arr_end(&j);
    json_obj_end(&j);
}
