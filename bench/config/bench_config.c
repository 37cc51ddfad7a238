/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Config pipeline benchmark: generates a hub config of N lines (mostly one
 * static NHRP map, one map multicast and one route per spoke, the shape a
 * large phase 1/2 hub has), then times parse + validate + print over it and
 * prints lines per second and peak memory. Usage: bench_config [LINES] [RUNS]
 */
#include "parsers/parse.h"
#include "parsers/print.h"
#include "parsers/validate.h"
#include "lib/strbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

static double
now_s(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void
generate(struct strbuf *sb, long lines)
{
    long i, n = 0;

    sb_puts(sb, "hostname big-hub\n"
                "crypto isakmp policy 10\n encr aes 256\n hash sha256\n"
                " authentication pre-share\n group 14\n"
                "crypto isakmp key k address 0.0.0.0 0.0.0.0\n"
                "crypto ipsec transform-set TS esp-aes 256 esp-sha256-hmac\n mode transport\n"
                "crypto ipsec profile P\n set transform-set TS\n"
                "interface Ethernet0/0\n ip address 192.0.2.1 255.255.255.0\n"
                "interface Tunnel0\n ip address 10.0.0.1 255.255.0.0\n"
                " ip nhrp authentication key\n ip nhrp network-id 1\n"
                " ip nhrp map multicast dynamic\n tunnel source Ethernet0/0\n"
                " tunnel mode gre multipoint\n tunnel protection ipsec profile P\n");
    n = 22;
    /* half the lines are maps (two per spoke), the other half routes */
    for (i = 0; n < lines / 2; i++) {
        unsigned t = 0x0a000002u + (unsigned)i;  /* 10.0.x.y spoke tunnel address */
        unsigned nb = 0x64400002u + (unsigned)i; /* 100.64.x.y spoke NBMA */
        sb_printf(sb, " ip nhrp map %u.%u.%u.%u %u.%u.%u.%u\n", t >> 24, (t >> 16) & 255,
                  (t >> 8) & 255, t & 255, nb >> 24, (nb >> 16) & 255, (nb >> 8) & 255, nb & 255);
        sb_printf(sb, " ip nhrp map multicast %u.%u.%u.%u\n", nb >> 24, (nb >> 16) & 255,
                  (nb >> 8) & 255, nb & 255);
        n += 2;
    }
    /* routes to every spoke LAN, after the interface (implicit exit) */
    for (i = 0; n < lines; i++, n++) {
        unsigned t = 0x0a000002u + (unsigned)(i % 60000);
        unsigned lan = 0xac000000u + ((unsigned)i << 8);
        sb_printf(sb, "ip route %u.%u.%u.0 255.255.255.0 %u.%u.%u.%u\n", lan >> 24,
                  (lan >> 16) & 255, (lan >> 8) & 255, t >> 24, (t >> 16) & 255, (t >> 8) & 255,
                  t & 255);
    }
}

int
main(int argc, char **argv)
{
    long lines = argc > 1 ? atol(argv[1]) : 100000;
    int runs = argc > 2 ? atoi(argv[2]) : 5, r;
    struct strbuf text;
    double best = 1e9, bestp = 1e9, bestv = 1e9, bestw = 1e9;
    struct rusage ru;
    size_t printed = 0;

    sb_init(&text);
    generate(&text, lines);
    for (r = 0; r < runs; r++) {
        double t0 = now_s(), t1, t2, t3;
        struct cfg_parse *p = cfg_parse_text(text.buf, text.len);
        struct cfg_findings f;
        struct strbuf out;
        t1 = now_s();
        cfg_validate(p->cfg, &f);
        t2 = now_s();
        sb_init(&out);
        cfg_print(&out, p->cfg, true);
        t3 = now_s();
        if (p->counts[CLS_INVALID]) {
            fprintf(stderr, "bench: %u invalid lines\n", p->counts[CLS_INVALID]);
            return 1;
        }
        printed = out.len;
        if (t3 - t0 < best)
            best = t3 - t0;
        if (t1 - t0 < bestp)
            bestp = t1 - t0;
        if (t2 - t1 < bestv)
            bestv = t2 - t1;
        if (t3 - t2 < bestw)
            bestw = t3 - t2;
        sb_free(&out);
        cfg_findings_free(&f);
        cfg_parse_free(p);
    }
    getrusage(RUSAGE_SELF, &ru);
    printf("config lines:        %ld (%zu bytes in, %zu bytes printed)\n", lines, text.len,
           printed);
    printf("parse:               %.3f s\n", bestp);
    printf("validate:            %.3f s\n", bestv);
    printf("print:               %.3f s\n", bestw);
    printf("parse+validate+print %.3f s  = %.0f lines/s (best of %d)\n", best, (double)lines / best,
           runs);
    printf("peak RSS:            %ld KiB\n", ru.ru_maxrss);
    sb_free(&text);
    return 0;
}
