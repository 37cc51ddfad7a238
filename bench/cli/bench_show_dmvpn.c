/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * show dmvpn on a big hub: N peers on one mGRE tunnel (default 10,000), each
 * with its own NBMA address, a mix of states and ages. Times the text
 * renderer, the detail renderer, `| json`, and the shell's `| include`
 * filter over the text, and prints the best and median of RUNS runs and the
 * output size. Usage: bench_show_dmvpn [PEERS] [RUNS]
 */
#include "cli/render/render_nhrp.h"
#include "cli/shell/pipe.h"
#include "lib/strbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double
now_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int
cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;

    return x < y ? -1 : x > y;
}

enum what { TEXT, DETAIL, JSON, INCLUDE };

static void
bench(const char *name, enum what w, const struct render_dmvpn_in *in, int64_t now, int runs)
{
    double *t = calloc((size_t)runs, sizeof(*t));
    struct strbuf sb, f;
    struct pipe_spec p;
    size_t col, bytes = 0;
    int r;

    if (!t)
        exit(1);
    pipe_parse("show dmvpn | include 10.0.1[0-9]", &p, &col);
    for (r = 0; r < runs; r++) {
        double t0;
        sb_init(&sb);
        sb_init(&f);
        if (w == INCLUDE)
            render_dmvpn(&sb, now, in);
        t0 = now_ms();
        switch (w) {
        case TEXT:
            render_dmvpn(&sb, now, in);
            break;
        case DETAIL:
            render_dmvpn_detail(&sb, now, in);
            break;
        case JSON:
            render_dmvpn_json(&sb, now, in);
            break;
        case INCLUDE:
            pipe_apply(&p, sb.buf, sb.len, &f);
            break;
        }
        t[r] = now_ms() - t0;
        bytes = w == INCLUDE ? f.len : sb.len;
        sb_free(&sb);
        sb_free(&f);
    }
    pipe_free(&p);
    qsort(t, (size_t)runs, sizeof(*t), cmp);
    printf("%-24s %zu peers: best %.2f ms, median %.2f ms, %zu bytes\n", name, in->n_peers, t[0],
           t[runs / 2], bytes);
    free(t);
}

int
main(int argc, char **argv)
{
    size_t n = argc > 1 ? strtoul(argv[1], NULL, 10) : 10000, i;
    int runs = argc > 2 ? atoi(argv[2]) : 20;
    int64_t now = (int64_t)100 * 86400 * 1000;
    struct rec_tunnel tun;
    struct rec_dmvpn_peer *peers = calloc(n + 1, sizeof(*peers));
    struct render_dmvpn_in in;

    if (!peers || runs < 1)
        return 1;
    memset(&tun, 0, sizeof(tun));
    snprintf(tun.ifname, sizeof(tun.ifname), "Tunnel0");
    tun.admin_up = tun.line_up = 1;
    tun.type = REC_TUN_HUB;
    tun.multipoint = 1;
    tun.addr = 0x0a000001;
    tun.mask = 0xffff0000;
    for (i = 0; i < n; i++) {
        struct rec_dmvpn_peer *p = &peers[i];
        snprintf(p->ifname, sizeof(p->ifname), "Tunnel0");
        p->nbma = 0xc0000200 + (uint32_t)i * 7 + 2; /* distinct NBMA per peer */
        p->tunnel_addr = 0x0a000002 + (uint32_t)i;
        p->target = p->tunnel_addr;
        p->target_len = 32;
        p->state = i % 50 ? REC_PEER_UP : REC_PEER_NHRP;
        p->attrs = REC_PA_D;
        p->since_ms = now - (int64_t)(i % 86400) * 1000 - 500;
    }
    memset(&in, 0, sizeof(in));
    in.tunnels = &tun;
    in.n_tunnels = 1;
    in.peers = peers;
    in.n_peers = n;
    bench("show dmvpn", TEXT, &in, now, runs);
    bench("show dmvpn detail", DETAIL, &in, now, runs);
    bench("show dmvpn | json", JSON, &in, now, runs);
    bench("| include (on the text)", INCLUDE, &in, now, runs);
    free(peers);
    return 0;
}
