/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * show ip eigrp neighbors: one block per AS (per VRF, per named instance),
 * each with its title and the two-line column header, rows in the caller's
 * order (IOS lists the newest neighbor, highest H, first). A record with
 * address 0 stands for an AS without neighbors: its block has no rows.
 * detail adds per neighbour the lines below its row.
 * Titles: classic "EIGRP-IPv4 Neighbors for AS(100)", named mode
 * "EIGRP-IPv4 VR(NAME) Address-Family Neighbors for AS(1)"; a VRF follows
 * on the same line, or for named mode on a line of its own.
 */
#include "cli/render/render_routing.h"
#include "cli/render/render_time.h"
#include "lib/inet.h"

#include <stdio.h>
#include <string.h>

static bool
same_block(const struct rec_eigrp_neighbor *a, const struct rec_eigrp_neighbor *b)
{
    return a->as == b->as && strncmp(a->vrf, b->vrf, sizeof(a->vrf)) == 0 &&
           strncmp(a->instance, b->instance, sizeof(a->instance)) == 0;
}

static void
put_title(struct strbuf *out, const struct rec_eigrp_neighbor *p)
{
    int vl = (int)sizeof(p->vrf), il = (int)sizeof(p->instance);

    if (p->instance[0]) {
        sb_printf(out, "EIGRP-IPv4 VR(%.*s) Address-Family Neighbors for AS(%u)", il, p->instance,
                  p->as);
        if (p->vrf[0])
            sb_printf(out, " \n           VRF(%.*s)", vl, p->vrf);
    } else {
        sb_printf(out, "EIGRP-IPv4 Neighbors for AS(%u)", p->as);
        if (p->vrf[0])
            sb_printf(out, " VRF(%.*s)", vl, p->vrf);
    }
    sb_puts(out, "\n"
                 "H   Address                 Interface              Hold Uptime   SRTT   RTO  Q  "
                 "Seq\n"
                 "                                                   (sec)         (ms)       Cnt "
                 "Num\n");
}

static void
put_row(struct strbuf *out, int64_t now_ms, const struct rec_eigrp_neighbor *p)
{
    char a[INET_ADDRSTRLEN_], ifn[REC_IFNAMSIZ], t[RENDER_TIME_LEN];
    int64_t hold = p->hold_ms > now_ms ? (p->hold_ms - now_ms) / 1000 : 0;

    sb_printf(out, "%-3u %-23s %-22s %4lld %-8s %4u %5u %2u  %u\n", p->handle,
              inet_fmt4(p->addr, a), render_ifname_abbrev(ifn, p->ifname), (long long)hold,
              render_time_since(t, now_ms, p->since_ms), p->srtt_ms, p->rto_ms, p->q_count, p->seq);
}

void
render_eigrp_neighbors(struct strbuf *out, int64_t now_ms, const struct rec_eigrp_neighbor *r,
                       size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (i == 0 || !same_block(&r[i - 1], &r[i]))
            put_title(out, &r[i]);
        if (r[i].addr != 0)
            put_row(out, now_ms, &r[i]);
    }
}

/* "CONNECTED SUMMARY ": each word with a blank after it (IOS 15). */
static void
put_stub(struct strbuf *out, uint16_t stub)
{
    static const char *const words[] = {"CONNECTED",     "STATIC",   "SUMMARY",
                                        "REDISTRIBUTED", "LEAK-MAP", "RECEIVE-ONLY"};

    sb_puts(out, "   Stub Peer Advertising (");
    for (unsigned b = 0; b < sizeof(words) / sizeof(words[0]); b++)
        if (stub & (1u << b))
            sb_printf(out, "%s ", words[b]);
    sb_puts(out, ") Routes\n   Suppressing queries\n");
}

/*
 * show ip eigrp neighbors detail: each row followed by its version,
 * retransmission and prefix counts; named mode adds the topologies
 * advertised and a blank line; every block ends with IOS's neighbour limit
 * line (no maximum-neighbors configured: 0/0).
 */
void
render_eigrp_neighbors_detail(struct strbuf *out, int64_t now_ms,
                              const struct rec_eigrp_neighbor *r, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const struct rec_eigrp_neighbor *p = &r[i];

        if (i == 0 || !same_block(&r[i - 1], p))
            put_title(out, p);
        if (p->addr != 0) {
            put_row(out, now_ms, p);
            sb_printf(out,
                      "   Version %u.%u/%u.%u, Retrans: %u, Retries: %u, Prefixes: %u\n"
                      "   Topology-ids from peer - 0\n",
                      p->version[0], p->version[1], p->version[2], p->version[3], p->retrans,
                      p->retries, p->prefixes);
            if (p->instance[0])
                sb_puts(out, "   Topologies advertised to peer:   base\n\n");
            if (p->stub & REC_EIGRP_STUB)
                put_stub(out, p->stub);
        }
        if (i + 1 == n || !same_block(p, &r[i + 1]))
            sb_puts(out, "Max Nbrs: 0, Current Nbrs: 0\n");
    }
}
