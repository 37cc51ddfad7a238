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

static const char *const label[REC_CTR_COUNT] = {
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

static void
put_dir(struct strbuf *out, const char *dir, uint64_t total, const uint64_t *ctr)
{
    unsigned i;

    sb_printf(out, "   %s: Total %" PRIu64 "\n", dir, total);
    for (i = 0; i < REC_CTR_COUNT; i++) {
        if (i % 3 == 0)
            sb_puts(out, "         ");
        sb_printf(out, "%" PRIu64 " %s  ", ctr[i], label[i]);
        if (i % 3 == 2)
            sb_putc(out, '\n');
    }
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
    put_dir(out, "Sent", g.sent_total, g.sent);
    put_dir(out, "Rcvd", g.rcvd_total, g.rcvd);
    for (i = 0; i < n; i++) {
        sb_printf(out, "%.*s: Max-send limit:%uPkts/%uSec, Usage:%u%%\n", REC_IFNAMSIZ, t[i].ifname,
                  t[i].max_send_pkts, t[i].max_send_secs, t[i].usage_pct);
        put_dir(out, "Sent", t[i].sent_total, t[i].sent);
        put_dir(out, "Rcvd", t[i].rcvd_total, t[i].rcvd);
        ft = render_nhrp_fwd(&t[i], fwd);
        put_dir(out, "Fwd", ft, fwd);
    }
}

static void
j_counters(struct json *j, const char *key, uint64_t total, const uint64_t *ctr)
{
    unsigned i;

    json_obj_begin(j, key);
    json_uint(j, "total", total);
    for (i = 0; i < REC_CTR_COUNT; i++)
        json_uint(j, render_nhrp_ctr_key(i), ctr[i]);
    json_obj_end(j);
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
    j_counters(&j, "sent", g.sent_total, g.sent);
    j_counters(&j, "received", g.rcvd_total, g.rcvd);
    json_obj_end(&j);
    json_arr_begin(&j, "interfaces");
    for (i = 0; i < n; i++) {
        json_obj_begin(&j, NULL);
        json_strn(&j, "interface", t[i].ifname, strnlen(t[i].ifname, REC_IFNAMSIZ));
        json_uint(&j, "max_send_packets", t[i].max_send_pkts);
        json_uint(&j, "max_send_seconds", t[i].max_send_secs);
        json_uint(&j, "usage_percent", t[i].usage_pct);
        j_counters(&j, "sent", t[i].sent_total, t[i].sent);
        j_counters(&j, "received", t[i].rcvd_total, t[i].rcvd);
        ft = render_nhrp_fwd(&t[i], fwd);
        j_counters(&j, "forwarded", ft, fwd);
        json_obj_end(&j);
    }
    json_arr_end(&j);
    json_obj_end(&j);
}
