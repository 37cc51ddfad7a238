/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * neigh_wait: the moment every spoke's mapping is usable in the kernel, for
 * the registration bench in the VM (bench_vm_reg.sh). Run in the hub's
 * namespace before the load generator starts; it listens to the kernel's
 * neighbour notifications (RTNLGRP_NEIGH) and counts the spokes whose
 * tunnel address on DEV has a neighbour entry holding that spoke's NBMA
 * address as its link-layer address, in a state the kernel sends with
 * (anything but INCOMPLETE or FAILED). Spoke i has tunnel address
 * PROTO_BASE + i and NBMA address NBMA_BASE + i, as nhrp_loadgen plays them.
 * When every one of the N is there it prints the CLOCK_MONOTONIC time (the
 * generator prints its own start on the same clock) and exits 0; after
 * TIMEOUT_S it prints how many it saw and exits 1. A lost notification
 * (ENOBUFS) is made up by a dump of the table.
 *
 * usage: neigh_wait DEV N NBMA_BASE PROTO_BASE TIMEOUT_S
 */
#include "lib/inet.h"

#include <arpa/inet.h>
#include <errno.h>
#include <linux/neighbour.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <net/if.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

struct nw {
    int ifindex;
    long n, seen;
    uint32_t nbma0, proto0;
    uint8_t *have;
};

static double
now_s(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void
nw_set(struct nw *w, long i, int usable)
{
    if (usable && !w->have[i]) {
        w->have[i] = 1;
        w->seen++;
    } else if (!usable && w->have[i]) {
        w->have[i] = 0;
        w->seen--;
    }
}

/* One RTM_NEWNEIGH / RTM_DELNEIGH message. */
static void
nw_msg(struct nw *w, const struct nlmsghdr *h)
{
    const struct ndmsg *nd = NLMSG_DATA(h);
    const struct rtattr *rta;
    int len = (int)h->nlmsg_len - (int)NLMSG_LENGTH(sizeof(*nd));
    uint32_t dst = 0, ll = 0;
    int has_dst = 0, has_ll = 0;
    long i;

    if ((h->nlmsg_type != RTM_NEWNEIGH && h->nlmsg_type != RTM_DELNEIGH) || len < 0 ||
        nd->ndm_family != AF_INET || nd->ndm_ifindex != w->ifindex)
        return;
    for (rta = (const struct rtattr *)((const char *)nd + NLMSG_ALIGN(sizeof(*nd)));
         RTA_OK(rta, len); rta = RTA_NEXT(rta, len)) {
        if (rta->rta_type == NDA_DST && RTA_PAYLOAD(rta) == 4) {
            memcpy(&dst, RTA_DATA(rta), 4);
            has_dst = 1;
        } else if (rta->rta_type == NDA_LLADDR && RTA_PAYLOAD(rta) == 4) {
            memcpy(&ll, RTA_DATA(rta), 4);
            has_ll = 1;
        }
    }
    if (!has_dst)
        return;
    i = (long)(ntohl(dst) - w->proto0);
    if (i < 0 || i >= w->n)
        return;
    nw_set(w, i,
           h->nlmsg_type == RTM_NEWNEIGH && has_ll && ntohl(ll) == w->nbma0 + (uint32_t)i &&
               !(nd->ndm_state & (NUD_INCOMPLETE | NUD_FAILED)));
}

/* Read what is waiting on fd; returns -1 on ENOBUFS (notifications lost). */
static int
nw_read(struct nw *w, int fd, int *dump_done)
{
    static char buf[1 << 16];
    ssize_t r;

    while ((r = recv(fd, buf, sizeof(buf), MSG_DONTWAIT)) > 0) {
        const struct nlmsghdr *h;
        int len = (int)r;
        for (h = (const struct nlmsghdr *)buf; NLMSG_OK(h, len); h = NLMSG_NEXT(h, len)) {
            if (h->nlmsg_type == NLMSG_DONE && dump_done)
                *dump_done = 1;
            nw_msg(w, h);
        }
    }
    return r < 0 && errno == ENOBUFS ? -1 : 0;
}

/* Dump the neighbour table into the count (start, and after a loss). */
static int
nw_dump(struct nw *w)
{
    struct {
        struct nlmsghdr h;
        struct ndmsg nd;
    } req = {{NLMSG_LENGTH(sizeof(struct ndmsg)), RTM_GETNEIGH, NLM_F_REQUEST | NLM_F_DUMP, 1, 0},
             {.ndm_family = AF_INET}};
    int fd = socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE), done = 0;

    if (fd < 0 || send(fd, &req, req.h.nlmsg_len, 0) < 0)
        return -1;
    memset(w->have, 0, (size_t)w->n);
    w->seen = 0;
    while (!done) {
        struct pollfd pf = {fd, POLLIN, 0};
        if (poll(&pf, 1, 5000) <= 0 || nw_read(w, fd, &done) < 0)
            break;
    }
    close(fd);
    return done ? 0 : -1;
}

int
main(int argc, char **argv)
{
    struct sockaddr_nl sa = {.nl_family = AF_NETLINK, .nl_groups = RTMGRP_NEIGH};
    struct nw w = {0};
    double t0, timeout;
    int fd, sz = 64 << 20;

    if (argc != 6 || !(w.ifindex = (int)if_nametoindex(argv[1])) || (w.n = atol(argv[2])) <= 0 ||
        !inet_parse4(argv[3], &w.nbma0) || !inet_parse4(argv[4], &w.proto0)) {
        fprintf(stderr, "usage: %s DEV N NBMA_BASE PROTO_BASE TIMEOUT_S\n", argv[0]);
        return 2;
    }
    timeout = atof(argv[5]);
    w.have = calloc((size_t)w.n, 1);
    fd = socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE);
    if (!w.have || fd < 0 || setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &sz, sizeof(sz)) < 0 ||
        bind(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0 || nw_dump(&w) < 0) {
        perror("neigh_wait");
        return 1;
    }
    printf("neigh_wait listening on %s, %ld of %ld already there\n", argv[1], w.seen, w.n);
    fflush(stdout);
    t0 = now_s();
    while (w.seen < w.n && now_s() - t0 < timeout) {
        struct pollfd pf = {fd, POLLIN, 0};
        if (poll(&pf, 1, 200) > 0 && nw_read(&w, fd, NULL) < 0)
            nw_dump(&w);
    }
    if (w.seen < w.n) {
        printf("neigh_wait timeout: %ld of %ld usable after %.0f s\n", w.seen, w.n, timeout);
        return 1;
    }
    printf("neigh_ready %ld mono %.6f\n", w.n, now_s());
    return 0;
}
