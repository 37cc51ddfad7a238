/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * NHRP registration load generator for bench_lab.py and bench/vm: plays N
 * spokes, each with its own NBMA source address (raw GRE with IP_HDRINCL; the
 * bench makes the whole NBMA range local in the generator's namespace so the
 * replies come back), sends one IOS-style registration request per spoke as
 * fast as the socket takes them, and counts the successful replies. Prints
 * the time from the first request to the last reply.
 *
 * -w WINDOW keeps at most WINDOW requests unanswered; -r RTO_MS sends a
 * spoke's request again when no reply came within RTO_MS (a spoke retries
 * its registration too), so a hub whose socket buffer overflows in a burst
 * is measured by how fast it registers everyone rather than by how many
 * packets it dropped; -g GIVEUP_S stops after that long without a reply.
 * Without options every request goes once, back to back.
 *
 * -t HOLDTIME sets the holding time the spokes register with (7200, IOS's
 * default); -s STEADY_S keeps them registered that long after the burst,
 * each of the first KEEP spokes (-k; default all) refreshing every
 * HOLDTIME/3, spread evenly; the rest stop after their first registration.
 *
 * usage: nhrp_loadgen [-w W] [-r MS] [-g S] [-t HOLD] [-s STEADY_S] [-k KEEP] HUB_NBMA
 *                     HUB_TUNNEL_ADDR KEY AUTH N NBMA_BASE PROTO_BASE
 */
#include "daemons/nhrp/wire.h"
#include "lib/inet.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/ip.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static double
now_s(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static uint16_t
ip_csum(const void *p, size_t n)
{
    const uint8_t *b = p;
    uint32_t s = 0;
    size_t i;

    for (i = 0; i + 1 < n; i += 2)
        s += (uint32_t)(b[i] << 8 | b[i + 1]);
    while (s >> 16)
        s = (s & 0xffff) + (s >> 16);
    return (uint16_t)~s;
}

/* IOS registration request: flags unique+nat, one CIE (prefix 32, MTU,
 * holdtime), Cisco authentication, responder and transit records empty. */
static size_t
build(uint8_t *out, size_t cap, uint32_t hub_nbma, uint32_t hub_proto, uint32_t key,
      const char *auth, uint32_t nbma, uint32_t proto, uint32_t reqid, uint16_t holdtime)
{
    struct ip *ip = (struct ip *)out;
    uint8_t *gre = out + sizeof(*ip);
    struct nhrp_wbuf w;
    struct nhrp_cie cie = {0};
    size_t h, n;

    nhrp_w_init(&w, gre + 8, cap - sizeof(*ip) - 8);
    nhrp_w_header(&w, NHRP_REG_REQ, NHRP_HOPS_DEFAULT, NHRP_F_REG_U | NHRP_F_CISCO_NAT, reqid, nbma,
                  proto, hub_proto);
    cie.plen = 32;
    cie.mtu = 1472;
    cie.holdtime = holdtime;
    nhrp_w_cie(&w, &cie);
    nhrp_w_ext_end(&w, nhrp_w_ext_begin(&w, NHRP_EXT_COMPULSORY | NHRP_EXT_RESPONDER));
    nhrp_w_ext_end(&w, nhrp_w_ext_begin(&w, NHRP_EXT_COMPULSORY | NHRP_EXT_FWD_TRANSIT));
    nhrp_w_ext_end(&w, nhrp_w_ext_begin(&w, NHRP_EXT_COMPULSORY | NHRP_EXT_REV_TRANSIT));
    if (*auth) {
        uint8_t a[4 + NHRP_AUTH_KEY_MAX] = {0, 0, 0, NHRP_AUTH_CISCO};
        size_t kl = strlen(auth);
        memcpy(a + 4, auth, kl);
        h = nhrp_w_ext_begin(&w, NHRP_EXT_COMPULSORY | NHRP_EXT_AUTH);
        nhrp_w_bytes(&w, a, 4 + kl);
        nhrp_w_ext_end(&w, h);
    }
    n = nhrp_w_finish(&w);
    if (!n)
        return 0;
    gre[0] = 0x20; /* key present */
    gre[1] = 0;
    nhrp_put16(gre + 2, 0x2001);
    nhrp_put32(gre + 4, key);
    memset(ip, 0, sizeof(*ip));
    ip->ip_v = 4;
    ip->ip_hl = 5;
    ip->ip_len = htons((uint16_t)(sizeof(*ip) + 8 + n));
    ip->ip_ttl = 255;
    ip->ip_p = IPPROTO_GRE;
    ip->ip_src.s_addr = htonl(nbma);
    ip->ip_dst.s_addr = htonl(hub_nbma);
    ip->ip_sum = htons(ip_csum(ip, sizeof(*ip)));
    return sizeof(*ip) + 8 + n;
}

/* One spoke's progress: queued (to be sent, or sent again after its
 * retransmission timer ran out), in flight, or answered. */
enum lg_state { LG_QUEUED, LG_SENT, LG_DONE };

struct lg {
    long n, window, inflight, answered, refused, sent, resent, dups;
    double rto;
    uint8_t *state;
    double *sent_at;
    long *fifo; /* in-flight spokes in send order: the oldest times out first */
    long fhead, ftail;
    long *again; /* timed-out spokes waiting to go again */
    long ahead, atail;
    long next; /* first spoke never sent */
};

static int
lg_init(struct lg *g, long n, long window, double rto)
{
    memset(g, 0, sizeof(*g));
    g->n = n;
    g->window = window > 0 ? window : n;
    g->rto = rto;
    g->state = calloc((size_t)n, 1);
    g->sent_at = calloc((size_t)n, sizeof(double));
    g->fifo = calloc((size_t)n, sizeof(long));
    g->again = calloc((size_t)n, sizeof(long));
    return g->state && g->sent_at && g->fifo && g->again ? 0 : -1;
}

/* Spokes whose request went unanswered for rto seconds go back in the
 * queue: a lost request or reply (a full socket buffer at the hub) is
 * retried as a real spoke retries, instead of lowering the count. */
static void
lg_expire(struct lg *g, double now)
{
    while (g->rto > 0 && g->fhead != g->ftail) {
        long i = g->fifo[g->fhead % g->n];
        if (g->state[i] == LG_SENT && now - g->sent_at[i] < g->rto)
            break;
        g->fhead++;
        if (g->state[i] == LG_SENT) {
            g->state[i] = LG_QUEUED;
            g->inflight--;
            g->again[g->atail++ % g->n] = i;
        }
    }
}

/* The next spoke to send, or -1 (window full or nothing queued). */
static long
lg_pick(const struct lg *g)
{
    if (g->inflight >= g->window)
        return -1;
    if (g->ahead != g->atail)
        return g->again[g->ahead % g->n];
    return g->next < g->n ? g->next : -1;
}

static void
lg_sent(struct lg *g, long i, double now)
{
    if (g->ahead != g->atail && g->again[g->ahead % g->n] == i) {
        g->ahead++;
        g->resent++;
    } else {
        g->next++;
    }
    g->sent++;
    g->inflight++;
    g->state[i] = LG_SENT;
    g->sent_at[i] = now;
    g->fifo[g->ftail++ % g->n] = i;
}

static void
lg_reply(struct lg *g, uint32_t reqid, int success)
{
    long i = (long)reqid - 1;

    if (i < 0 || i >= g->n)
        return;
    if (g->state[i] == LG_DONE) {
        g->dups++;
        return;
    }
    if (!success) {
        g->refused++;
        return;
    }
    if (g->state[i] == LG_SENT)
        g->inflight--;
    g->state[i] = LG_DONE;
    g->answered++;
}

/* Where the requests go and what they carry. */
struct gen {
    int tx, rx;
    struct sockaddr_in dst;
    uint32_t hub_nbma, hub_proto, key, nbma0, proto0;
    uint16_t holdtime;
    const char *auth;
};

/* Spoke i's registration request; -1 on a send error other than a full
 * buffer, 0 when the buffer was full (try again later), 1 when sent. */
static int
gen_send(const struct gen *c, long i)
{
    uint8_t pkt[512];
    size_t len =
        build(pkt, sizeof(pkt), c->hub_nbma, c->hub_proto, c->key, c->auth, c->nbma0 + (uint32_t)i,
              c->proto0 + (uint32_t)i, (uint32_t)i + 1, c->holdtime);

    if (sendto(c->tx, pkt, len, 0, (const struct sockaddr *)&c->dst, sizeof(c->dst)) >= 0)
        return 1;
    if (errno != ENOBUFS && errno != EAGAIN) {
        perror("sendto");
        return -1;
    }
    return 0;
}

/* Takes the replies waiting (waiting up to ms for the first); returns how
 * many registration replies came. */
static long
gen_drain(const struct gen *c, struct lg *g, int ms)
{
    struct pollfd pf[1] = {{c->rx, POLLIN, 0}};
    uint8_t in[2048];
    long got = 0;

    while (poll(pf, 1, ms) > 0) {
        ssize_t r = recv(c->rx, in, sizeof(in), 0);
        struct nhrp_pkt p;
        size_t hl;
        if (r < 0)
            break;
        ms = 0;
        hl = (size_t)(in[0] & 15) * 4 + 8;
        if ((size_t)r <= hl || nhrp_decode(in + hl, (size_t)r - hl, &p, NULL) != NHRP_DEC_OK ||
            p.type != NHRP_REG_REPLY)
            continue;
        lg_reply(g, p.reqid, p.ncie && p.cie[p.cie0].code == NHRP_CODE_SUCCESS);
        got++;
    }
    return got;
}

/* Steady state after the burst: the first keep spokes refresh every
 * holdtime/3 (RFC 2332 5.2.3 suggests a third of the holding time, as IOS
 * does), spread evenly over that period; the others never refresh, so
 * the hub must expire them holdtime after their registration. */
static int
gen_steady(const struct gen *c, struct lg *g, long keep, double seconds)
{
    double ts = now_s(), rate = (double)keep / (c->holdtime / 3.0), now;
    long refreshes = 0, dups0 = g->dups, refused0 = g->refused, due;
    int rc;

    while ((now = now_s()) - ts < seconds) {
        due = (long)((now - ts) * rate);
        while (keep > 0 && refreshes < due && (rc = gen_send(c, refreshes % keep)) != 0) {
            if (rc < 0)
                return -1;
            refreshes++;
        }
        gen_drain(c, g, 5);
    }
    gen_drain(c, g, 1000);
    printf("steady seconds %.0f keep %ld holdtime %u refreshes %ld refresh_replies %ld refused %ld "
           "end_mono %.6f\n",
           seconds, keep, c->holdtime, refreshes, g->dups - dups0, g->refused - refused0, now_s());
    return 0;
}

static void
usage(const char *prog)
{
    fprintf(stderr,
            "usage: %s [-w WINDOW] [-r RTO_MS] [-g GIVEUP_S] [-t HOLDTIME] [-s STEADY_S] "
            "[-k KEEP] HUB_NBMA HUB_TUN KEY AUTH N NBMA_BASE PROTO_BASE\n",
            prog);
}

int
main(int argc, char **argv)
{
    struct gen c = {.dst = {.sin_family = AF_INET}, .holdtime = 7200};
    long window = 0, keep = -1;
    double rto = 0, giveup = 3, steady = 0, t0, tlast = 0, tprogress, tend;
    int one = 1, opt;
    struct lg g;
    char **a;

    while ((opt = getopt(argc, argv, "w:r:g:t:s:k:")) != -1) {
        switch (opt) {
        case 'w':
            window = atol(optarg);
            break;
        case 'r':
            rto = atof(optarg) / 1000.0;
            break;
        case 'g':
            giveup = atof(optarg);
            break;
        case 't':
            c.holdtime = (uint16_t)atoi(optarg);
            break;
        case 's':
            steady = atof(optarg);
            break;
        case 'k':
            keep = atol(optarg);
            break;
        default:
            usage(argv[0]);
            return 2;
        }
    }
    a = argv + optind;
    if (argc - optind != 7 || !inet_parse4(a[0], &c.hub_nbma) || !inet_parse4(a[1], &c.hub_proto) ||
        !inet_parse4(a[5], &c.nbma0) || !inet_parse4(a[6], &c.proto0) || atol(a[4]) <= 0 ||
        c.holdtime < 3) {
        usage(argv[0]);
        return 2;
    }
    c.key = (uint32_t)strtoul(a[2], NULL, 10);
    c.auth = a[3];
    if (lg_init(&g, atol(a[4]), window, rto) < 0) {
        perror("calloc");
        return 1;
    }
    if (keep < 0 || keep > g.n)
        keep = g.n;
    c.tx = socket(AF_INET, SOCK_RAW, IPPROTO_GRE);
    c.rx = socket(AF_INET, SOCK_RAW, IPPROTO_GRE);
    if (c.tx < 0 || c.rx < 0 || setsockopt(c.tx, IPPROTO_IP, IP_HDRINCL, &one, sizeof(one)) < 0) {
        perror("socket");
        return 1;
    }
    {
        int sz = 64 << 20;
        setsockopt(c.rx, SOL_SOCKET, SO_RCVBUFFORCE, &sz, sizeof(sz));
        setsockopt(c.tx, SOL_SOCKET, SO_SNDBUFFORCE, &sz, sizeof(sz));
    }
    c.dst.sin_addr.s_addr = htonl(c.hub_nbma);
    t0 = tprogress = now_s();
    while (g.answered < g.n) {
        double now = now_s();
        long i;
        int rc = 0;
        lg_expire(&g, now);
        if ((i = lg_pick(&g)) >= 0 && (rc = gen_send(&c, i)) > 0)
            lg_sent(&g, i, now);
        if (rc < 0)
            return 1;
        if (gen_drain(&c, &g, lg_pick(&g) >= 0 ? 0 : 10) > 0)
            tlast = tprogress = now_s();
        if (g.next >= g.n && g.ahead == g.atail && now_s() - tprogress > giveup)
            break; /* nothing more is coming */
        if (g.rto > 0 && now_s() - tprogress > giveup)
            break; /* retries get no answer either */
    }
    tend = tlast ? tlast : now_s();
    printf("spokes %ld sent %ld replies %ld refused %ld seconds %.3f registrations/s %.0f "
           "resent %ld duplicates %ld start_mono %.6f end_mono %.6f\n",
           g.n, g.sent, g.answered, g.refused, tend - t0, (double)g.answered / (tend - t0),
           g.resent, g.dups, t0, tend);
    fflush(stdout);
    if (g.answered == g.n && steady > 0 && gen_steady(&c, &g, keep, steady) < 0)
        return 1;
    return g.answered == g.n ? 0 : 1;
}
