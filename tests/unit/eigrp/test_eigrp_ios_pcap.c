/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Public captures of Cisco IOS routers speaking EIGRP (testdata/eigrp-pcap/,
 * from tcpdump's test suite: the adjacency with INIT updates and the
 * conditional-receive sequence, updates of internal routes, a subnet going
 * down (queries and replies) and up, a goodbye hello): every EIGRP packet
 * is read by our decoder, and the fields tshark shows (eigrp_tshark.c's
 * list) equal what our decoder read. None of the captures has external or
 * wide-metric TLVs; test_eigrp_wire covers those against tshark only.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "daemons/eigrp/eigrp_codec.h"
#include "eigrp_tshark.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXF 64

struct frame {
    uint8_t eigrp[1500];
    size_t len;
};

static struct frame frames[MAXF];

static uint32_t
le32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* The EIGRP bytes of each frame of a classic little-endian pcap of
 * Ethernet frames (0 length: not IPv4 protocol 88). */
static size_t
read_pcap(const char *path)
{
    FILE *f = fopen(path, "rb");
    uint8_t gh[24], ph[16], buf[2048];
    size_t n = 0;

    assert_non_null(f);
    assert_int_equal(fread(gh, 1, sizeof(gh), f), sizeof(gh));
    assert_int_equal(le32(gh), 0xa1b2c3d4);
    assert_int_equal(le32(gh + 20), 1); /* Ethernet */
    while (fread(ph, 1, sizeof(ph), f) == sizeof(ph)) {
        uint32_t incl = le32(ph + 8);
        size_t ihl, tot;

        assert_true(incl <= sizeof(buf) && n < MAXF);
        assert_int_equal(fread(buf, 1, incl, f), incl);
        frames[n].len = 0;
        if (incl >= 34 && buf[12] == 0x08 && buf[13] == 0x00 && buf[14 + 9] == 88) {
            ihl = (size_t)(buf[14] & 15) * 4;
            tot = (size_t)(buf[16] << 8 | buf[17]);
            assert_true(tot <= incl - 14 && tot > ihl);
            frames[n].len = tot - ihl;
            memcpy(frames[n].eigrp, buf + 14 + ihl, frames[n].len);
        }
        n++;
    }
    fclose(f);
    return n;
}

static size_t
check_capture(const char *name)
{
    char path[256], cmd[4096];
    struct strbuf fl;
    char *out, *line, *save = NULL;
    size_t n, k, len, seen = 0;
    struct eigrp_msg m;

    snprintf(path, sizeof(path), "testdata/eigrp-pcap/%s", name);
    n = read_pcap(path);
    for (k = 0; k < n; k++)
        if (frames[k].len)
            assert_int_equal(eigrp_decode(frames[k].eigrp, frames[k].len, &m), EIGRP_DEC_OK);
    sb_init(&fl);
    for (k = 0; k < eigrp_tshark_nf; k++)
        sb_printf(&fl, " -e %s", eigrp_tshark_fields[k]);
    snprintf(cmd, sizeof(cmd),
             "tshark -n -r %s -Y eigrp -T fields -E separator='|' -E occurrence=a "
             "-E aggregator=, -e frame.number -e eigrp.checksum.status%s 2>/dev/null",
             path, fl.buf);
    sb_free(&fl);
    out = eigrp_tshark_run(cmd, &len);
    for (line = strtok_r(out, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        char *col[64], *s = line;
        size_t nc = 0, fno;
        struct strbuf x[64];

        while (nc < 64) {
            col[nc++] = s;
            s = strchr(s, '|');
            if (!s)
                break;
            *s++ = 0;
        }
        assert_int_equal(nc, 2 + eigrp_tshark_nf);
        fno = strtoul(col[0], NULL, 10);
        assert_true(fno >= 1 && fno <= n && frames[fno - 1].len);
        assert_string_equal(col[1], "1"); /* IOS's checksum, verified by tshark */
        for (k = 0; k < eigrp_tshark_nf; k++)
            sb_init(&x[k]);
        eigrp_tshark_expect(x, frames[fno - 1].eigrp, frames[fno - 1].len);
        for (k = 0; k < eigrp_tshark_nf; k++) {
            const char *want = x[k].len ? x[k].buf : "";
            if (strcmp(col[2 + k], want) != 0)
                fprintf(stderr, "%s frame %zu %s: tshark '%s' ours '%s'\n", name, fno,
                        eigrp_tshark_fields[k], col[2 + k], want);
            assert_string_equal(col[2 + k], want);
            sb_free(&x[k]);
        }
        seen++;
    }
    free(out);
    for (k = 0; k < n; k++)
        if (frames[k].len)
            seen--; /* every EIGRP frame was one tshark printed */
    assert_int_equal(seen, 0);
    return n;
}

static void
t_adjacency(void **st)
{
    (void)st;
    assert_int_equal(check_capture("EIGRP_adjacency.pcap"), 53);
}

static void
t_goodbye(void **st)
{
    (void)st;
    assert_int_equal(check_capture("EIGRP_goodbye.pcap"), 15);
}

static void
t_subnet_down_up(void **st)
{
    (void)st;
    assert_int_equal(check_capture("EIGRP_subnet_down.pcap"), 21);
    assert_int_equal(check_capture("EIGRP_subnet_up.pcap"), 15);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(t_adjacency),
        cmocka_unit_test(t_goodbye),
        cmocka_unit_test(t_subnet_down_up),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
