/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Fuzz target for the kernel backend's netlink parsers (kmsg.c): any bytes
 * are what a netlink socket read returned, a batch of messages that the
 * kernel (or whoever got hold of the socket) sent. The walk must stay inside
 * the buffer; a parsed NFLOG payload must lie inside its message and its
 * prefix be a terminated string; a parsed neighbour event must rebuild (as
 * the request we would send for it) into a message that parses back to the
 * same fields.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <linux/neighbour.h>
#include <linux/rtnetlink.h>

#include "daemons/dataplane/kmsg.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check_neigh(const struct kmsg_neigh_ev *ev)
{
    uint8_t b[128];
    struct kmsg_neigh_ev back;
    uint16_t type = ev->type == RTM_DELNEIGH ? RTM_DELNEIGH : RTM_NEWNEIGH;
    uint32_t ll = type == RTM_NEWNEIGH && ev->has_lladdr ? ev->lladdr : 0;
    size_t n = kmsg_neigh(b, sizeof b, type, 1, ev->ifindex, ev->dst, ll, ev->state);

    if (!n || n > sizeof b)
        abort();
    if (kmsg_parse_neigh(b, n, &back) != 0)
        abort();
    if (back.type != type || back.ifindex != ev->ifindex || back.dst != ev->dst ||
        back.state != ev->state || back.has_lladdr != (ll != 0) || (ll && back.lladdr != ll))
        abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t off = 0, len = 0, prev = 0;
    const uint8_t *m;

    if (size > 1 << 16)
        return 0;
    while ((m = kmsg_next(data, size, &off, &len))) {
        struct kmsg_neigh_ev ne;
        struct kmsg_nflog nf;
        uint32_t seq;

        if (m < data || len > size - (size_t)(m - data) || off <= prev)
            abort(); /* outside the buffer, or no progress */
        prev = off;
        (void)kmsg_error(m, len, &seq);
        if (kmsg_parse_neigh(m, len, &ne) == 0)
            check_neigh(&ne);
        if (kmsg_parse_nflog(m, len, &nf) == 0) {
            if (!nf.payload || nf.payload < m || nf.len > len - (size_t)(nf.payload - m))
                abort();
            if (memchr(nf.prefix, 0, sizeof nf.prefix) == NULL)
                abort();
        }
    }
    return 0;
}
