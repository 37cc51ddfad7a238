/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Wire check with an independent decoder: one packet of each kind the
 * EIGRP engine sends (hello with parameters and software version, ACK,
 * update with INIT, updates with classic and wide routes, query, reply,
 * SIA-query/reply, hello with sequence + next multicast sequence, stub
 * hello, MD5 and HMAC-SHA-256 authenticated packets) goes into a pcap as
 * raw IPv4 (protocol 88) and is decoded by tshark. No packet may be
 * malformed or raise an expert item other than the "unreachable" note
 * tshark attaches to a route with infinite delay (what a query for a lost
 * route is); the checksum must be good; and the fields tshark prints must
 * equal what we encoded, read back by our decoder. A few wire values are
 * also checked against constants computed by hand from RFC 7868.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "eigrp_samples.h"
#include "eigrp_tshark.h"
#include "lib/strbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define NS 16
static struct eigrp_sample samp[NS];
static size_t nsamp;

/* --- pcap ---------------------------------------------------------------------- */

static void
put16(FILE *f, uint16_t v)
{
    fwrite(&v, 2, 1, f);
}

static void
put32(FILE *f, uint32_t v)
{
    fwrite(&v, 4, 1, f);
}

static uint16_t
ip_csum(const uint8_t *p, size_t n)
{
    uint32_t s = 0;
    size_t i;

    for (i = 0; i < n; i += 2)
        s += (uint32_t)(p[i] << 8 | p[i + 1]);
    while (s >> 16)
        s = (s & 0xffff) + (s >> 16);
    return (uint16_t)~s;
}

static void
write_pcap(const char *path)
{
    FILE *f = fopen(path, "wb");
    size_t i;

    assert_non_null(f);
    put32(f, 0xa1b2c3d4);
    put16(f, 2);
    put16(f, 4);
    put32(f, 0);
    put32(f, 0);
    put32(f, 65535);
    put32(f, 101); /* LINKTYPE_RAW: IPv4 */
    for (i = 0; i < nsamp; i++) {
        uint8_t ip[20];
        size_t tot = 20 + samp[i].len;

        memset(ip, 0, sizeof(ip));
        ip[0] = 0x45;
        ip[1] = 0xc0; /* IOS sends EIGRP as internetwork control */
        eigrp_put16(ip + 2, (uint16_t)tot);
        eigrp_put16(ip + 4, (uint16_t)(i + 1));
        ip[8] = samp[i].dst == EIGRP_MCAST_V4 ? 1 : 64; /* link-local multicast: TTL 1 */
        ip[9] = EIGRP_IP_PROTO;
        eigrp_put32(ip + 12, SAMPLE_SRC);
        eigrp_put32(ip + 16, samp[i].dst);
        eigrp_put16(ip + 10, ip_csum(ip, 20));
        put32(f, (uint32_t)(1700000000 + i));
        put32(f, 0);
        put32(f, (uint32_t)tot);
        put32(f, (uint32_t)tot);
        fwrite(ip, 1, 20, f);
        fwrite(samp[i].buf, 1, samp[i].len, f);
    }
    fclose(f);
}

static void
t_tshark_decodes_samples(void **state)
{
    char dir[] = "/tmp/eigrp-wire-XXXXXX", path[128], cmd[4096];
    struct strbuf fl;
    char *out, *line, *save = NULL;
    size_t len, k, frames = 0;

    nsamp = eigrp_samples(samp, NS);
    assert_int_equal(nsamp, 13);
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof(path), "%s/eigrp.pcap", dir);
    write_pcap(path);

    /* 1. Nothing malformed; the only expert item allowed is tshark's note
     * on an unreachable destination, and only in the query and SIA-query. */
    snprintf(cmd, sizeof(cmd),
             "tshark -n -r %s -Y '_ws.malformed || _ws.expert' -T fields -E separator='|' "
             "-e frame.number -e _ws.expert.message 2>/dev/null",
             path);
    out = eigrp_tshark_run(cmd, &len);
    for (line = strtok_r(out, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        size_t fno = strtoul(line, NULL, 10);
        const char *msg = strchr(line, '|');

        assert_true(fno >= 1 && fno <= nsamp);
        if (strcmp(samp[fno - 1].name, "query") && strcmp(samp[fno - 1].name, "sia-query")) {
            fprintf(stderr, "tshark complains about %s: %s\n", samp[fno - 1].name, line);
            fail();
        }
        assert_non_null(msg);
        assert_string_equal(msg + 1, "Unreachable");
    }
    free(out);

    /* 2. The fields equal what we encoded. */
    sb_init(&fl);
    for (k = 0; k < eigrp_tshark_nf; k++)
        sb_printf(&fl, " -e %s", eigrp_tshark_fields[k]);
    snprintf(cmd, sizeof(cmd),
             "tshark -n -r %s -T fields -E separator='|' -E occurrence=a -E aggregator=, "
             "-e frame.number -e ip.proto -e eigrp.checksum.status%s 2>/dev/null",
             path, fl.buf);
    sb_free(&fl);
    save = NULL;
    out = eigrp_tshark_run(cmd, &len);
    for (line = strtok_r(out, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        char *col[64], *s = line;
        size_t nc = 0, fno;
        struct strbuf x[64];
        const struct eigrp_sample *sp;

        while (nc < 64) {
            col[nc++] = s;
            s = strchr(s, '|');
            if (!s)
                break;
            *s++ = 0;
        }
        assert_int_equal(nc, 3 + eigrp_tshark_nf);
        fno = strtoul(col[0], NULL, 10);
        assert_true(fno >= 1 && fno <= nsamp);
        sp = &samp[fno - 1];
        assert_string_equal(col[1], "88");
        assert_string_equal(col[2], "1"); /* checksum good */
        for (k = 0; k < eigrp_tshark_nf; k++)
            sb_init(&x[k]);
        eigrp_tshark_expect(x, sp->buf, sp->len);
        for (k = 0; k < eigrp_tshark_nf; k++) {
            const char *want = x[k].len ? x[k].buf : "";
            if (strcmp(col[3 + k], want) != 0)
                fprintf(stderr, "frame %zu (%s) %s: tshark '%s' ours '%s'\n", fno, sp->name,
                        eigrp_tshark_fields[k], col[3 + k], want);
            assert_string_equal(col[3 + k], want);
        }
        for (k = 0; k < eigrp_tshark_nf; k++)
            sb_free(&x[k]);
        frames++;
    }
    assert_int_equal(frames, nsamp);
    free(out);

    /* 3. A few values against RFC 7868 by hand, not through our decoder:
     * FastEthernet 100 us / 100 Mbit/s is classic delay 2560, bandwidth
     * 25600; wide 10 us is 10^7 ps at 10^7 kbit/s; infinity in a query. */
    snprintf(cmd, sizeof(cmd),
             "tshark -n -r %s -Y 'eigrp.opcode == 4' -T fields -E separator=' ' "
             "-e eigrp.old_metric.delay -e eigrp.old_metric.bw -e eigrp.ipv4.destination "
             "-e eigrp.ipv4.prefixlen 2>/dev/null",
             path);
    out = eigrp_tshark_run(cmd, &len);
    assert_string_equal(out, "2560 25600 10.1.0.0 16\n");
    free(out);
    snprintf(cmd, sizeof(cmd),
             "tshark -n -r %s -Y 'eigrp.opcode == 11' -T fields -E separator=' ' "
             "-e eigrp.metric.delay -e eigrp.metric.bandwidth -e eigrp.ipv4.destination "
             "2>/dev/null",
             path);
    out = eigrp_tshark_run(cmd, &len);
    assert_string_equal(out, "10000000 10000000 10.2.3.0\n");
    free(out);
    snprintf(cmd, sizeof(cmd),
             "tshark -n -r %s -Y 'eigrp.opcode == 3' -T fields -e eigrp.old_metric.delay "
             "2>/dev/null",
             path);
    out = eigrp_tshark_run(cmd, &len);
    assert_string_equal(out, "4294967295\n");
    free(out);

    /* EIGRP_CORPUS_DIR=dir: the samples as fuzz seeds (tests/fuzz/corpus/eigrp) */
    if (getenv("EIGRP_CORPUS_DIR")) {
        for (k = 0; k < nsamp; k++) {
            FILE *f;

            snprintf(cmd, sizeof(cmd), "%s/%s", getenv("EIGRP_CORPUS_DIR"), samp[k].name);
            f = fopen(cmd, "wb");
            assert_non_null(f);
            assert_int_equal(fwrite(samp[k].buf, 1, samp[k].len, f), samp[k].len);
            fclose(f);
        }
    }

    if (!getenv("EIGRP_WIRE_KEEP")) {
        unlink(path);
        rmdir(dir);
    } else {
        fprintf(stderr, "kept %s\n", path);
    }
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(t_tshark_decodes_samples),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
