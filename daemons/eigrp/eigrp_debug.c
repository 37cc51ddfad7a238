/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * `debug eigrp packets|neighbors` text (see eigrp_debug.h). The layout is
 * IOS 15's (Cisco's documented examples: "EIGRP: Sending HELLO on Tunnel0 -
 * paklen 20" and "  AS 100, Flags 0x0:(NULL), Seq 0/0 interfaceQ 0/0 iidbQ
 * un/rely 0/0", "peerQ un/rely" after a neighbour's packets). IOS's queue
 * figures are its own scheduler's; ours has none, so they read 0/0.
 */
#include "daemons/eigrp/eigrp_debug.h"
#include "daemons/eigrp/eigrp_wire.h"
#include "lib/inet.h"

#include <stdio.h>
#include <string.h>

static uint32_t
be32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

bool
eigrp_debug_parse(const uint8_t *pkt, size_t len, struct eigrp_debug_pkt *d)
{
    /* RFC 7868 6.4: version, opcode, checksum, flags, sequence, ack,
     * virtual router id, autonomous system */
    if (len < 20)
        return false;
    d->opcode = pkt[1];
    d->flags = be32(pkt + 4);
    d->seq = be32(pkt + 8);
    d->ack = be32(pkt + 12);
    d->asn = (uint16_t)(pkt[18] << 8 | pkt[19]);
    d->paklen = len - 20;
    d->ack_only = d->opcode == EIGRP_OP_HELLO && d->ack && !d->paklen;
    return true;
}

const char *
eigrp_debug_topic(const struct eigrp_debug_pkt *d)
{
    if (d->ack_only)
        return "eigrp.p.ack";
    switch (d->opcode) {
    case EIGRP_OP_HELLO:
        return "eigrp.p.hello";
    case EIGRP_OP_UPDATE:
        return "eigrp.p.update";
    case EIGRP_OP_QUERY:
        return "eigrp.p.query";
    case EIGRP_OP_REPLY:
        return "eigrp.p.reply";
    default:
        return "eigrp.p.other";
    }
}

static const char *
op_name(const struct eigrp_debug_pkt *d)
{
    if (d->ack_only)
        return "ACK";
    switch (d->opcode) {
    case EIGRP_OP_UPDATE:
        return "UPDATE";
    case EIGRP_OP_REQUEST:
        return "REQUEST";
    case EIGRP_OP_QUERY:
        return "QUERY";
    case EIGRP_OP_REPLY:
        return "REPLY";
    case EIGRP_OP_HELLO:
        return "HELLO";
    case EIGRP_OP_SIA_QUERY:
        return "SIAQUERY";
    case EIGRP_OP_SIA_REPLY:
        return "SIAREPLY";
    default:
        return "UNKNOWN";
    }
}

/* "0x0:(NULL)", "0x8:(EOT)", "0x9:(INIT, EOT)" */
static void
flags_text(uint32_t f, char *out, size_t n)
{
    static const struct {
        uint32_t bit;
        const char *name;
    } names[] = {
        {EIGRP_F_INIT, "INIT"}, {EIGRP_F_CR, "CR"}, {EIGRP_F_RS, "RS"}, {EIGRP_F_EOT, "EOT"}};
    size_t i, k;
    int w = snprintf(out, n, "0x%X:(", f);

    k = w > 0 ? (size_t)w : 0;
    for (i = 0; i < sizeof(names) / sizeof(names[0]) && k < n; i++)
        if (f & names[i].bit) {
            w = snprintf(out + k, n - k, "%s%s", out[k - 1] == '(' ? "" : ", ", names[i].name);
            k += w > 0 ? (size_t)w : 0;
        }
    if (k < n)
        snprintf(out + k, n - k, "%s)", out[k - 1] == '(' ? "NULL" : "");
}

void
eigrp_debug_lines(const struct eigrp_debug_pkt *d, char *l1, size_t n1, char *l2, size_t n2)
{
    char nbr[32] = "", a[INET_ADDRSTRLEN_], fl[48];

    if (d->nbr)
        snprintf(nbr, sizeof(nbr), " nbr %s", inet_fmt4(d->nbr, a));
    snprintf(l1, n1, "%s %s on %s - paklen %zu%s", d->sent ? "Sending" : "Received", op_name(d),
             d->ifname, d->paklen, nbr);
    flags_text(d->flags, fl, sizeof(fl));
    /* a neighbour's packets also show its queue (IOS: peerQ) */
    snprintf(l2, n2, "  AS %u, Flags %s, Seq %u/%u interfaceQ 0/0 iidbQ un/rely 0/0%s", d->asn, fl,
             d->seq, d->ack, d->nbr ? " peerQ un/rely 0/0" : "");
}

bool
eigrp_debug_nbr(const char *log_line, char *out, size_t n)
{
    const char *p = strstr(log_line, "NBRCHANGE: ");
    const char *q = p ? strstr(p, ": Neighbor ") : NULL;

    if (!q)
        return false;
    snprintf(out, n, "%s", q + 2);
    return true;
}
