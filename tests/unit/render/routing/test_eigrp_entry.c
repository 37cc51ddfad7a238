/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * show ip eigrp topology A.B.C.D/LEN on a fixed snapshot of records (an
 * internal destination with a successor and a path that is not feasible,
 * an external one, a connected one, and the same prefix in a named-mode
 * table), text and `| json`, compared byte for byte with
 * testdata/eigrp-show/. Those files are our renderings of the layout in
 * Cisco's documentation: no IOS capture of the command is in testdata (see
 * the folder's README). GOLDEN_UPDATE=1 rewrites them.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "cli/render/render_routing.h"
#include "lib/inet.h"
#include "lib/rec_routing2.h"

static uint32_t
ip(const char *s)
{
    uint32_t a = 0;

    assert_true(inet_parse4(s, &a));
    return a;
}

static struct rec_eigrp_topo
path(uint32_t as, const char *inst, const char *pfx, uint8_t len, unsigned succ, uint32_t fd,
     const char *nh_or_word, const char *ifname, uint32_t metric, uint32_t rd, unsigned hops)
{
    struct rec_eigrp_topo r;

    memset(&r, 0, sizeof(r));
    r.as = as;
    r.router_id = ip("10.0.0.1");
    snprintf(r.instance, sizeof(r.instance), "%s", inst);
    r.prefix = ip(pfx);
    r.len = len;
    r.state = 'P';
    r.successors = succ;
    r.fd = fd;
    if (nh_or_word[0] >= '0' && nh_or_word[0] <= '9')
        r.nexthop = ip(nh_or_word);
    else
        snprintf(r.via, sizeof(r.via), "%s", nh_or_word);
    snprintf(r.ifname, sizeof(r.ifname), "%s", ifname);
    r.metric = metric;
    r.rd = rd;
    r.flags = REC_EIGRPT_METRICS | REC_EIGRPT_VECTOR | (inst[0] ? REC_EIGRPT_WIDE : 0);
    r.bw_kbps = 100;
    r.mtu = 1476;
    r.delay_ps = (uint64_t)(50000 + 5000 * hops) * 1000000;
    r.reliability = 255;
    r.load = 1;
    r.hops = (uint8_t)hops;
    return r;
}

static size_t
snapshot(struct rec_eigrp_topo *v)
{
    size_t n = 0;

    v[n] = path(100, "", "10.0.0.0", 24, 1, 26880000, "Connected", "Tunnel0", 26880000, 0, 0);
    v[n].flags &= (uint8_t)~REC_EIGRPT_METRICS;
    v[n++].orig_router = ip("10.0.0.1");
    v[n] = path(100, "", "172.16.0.0", 16, 1, 27008000, "10.0.0.2", "Tunnel0", 27008000, 128256, 1);
    v[n].flags |= REC_EIGRPT_EXTERNAL | REC_EIGRPT_TAG;
    v[n].tag = 7;
    v[n].orig_router = ip("2.2.2.2");
    v[n].ext_proto = 3; /* static */
    v[n++].ext_metric = 0;
    v[n++] =
        path(100, "", "192.168.1.0", 24, 1, 27008000, "10.0.0.2", "Tunnel0", 27008000, 128256, 1);
    v[n++] =
        path(100, "", "192.168.1.0", 24, 1, 27008000, "10.0.0.3", "Tunnel0", 28288000, 27008000, 2);
    v[n] = path(200, "HQ", "192.168.1.0", 24, 1, 3456000000u, "10.0.0.2", "Tunnel0", 3456000000u,
                16416000, 1);
    v[n++].orig_router = ip("2.2.2.2");
    return n;
}

static void
compare(const char *file, const struct strbuf *got)
{
    char path[256], *want;
    FILE *f;
    long len;

    snprintf(path, sizeof(path), "testdata/eigrp-show/%s", file);
    if (getenv("GOLDEN_UPDATE")) {
        f = fopen(path, "w");
        assert_non_null(f);
        fwrite(got->buf, 1, got->len, f);
        fclose(f);
    }
    f = fopen(path, "r");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    len = ftell(f);
    fseek(f, 0, SEEK_SET);
    want = malloc((size_t)len + 1);
    assert_int_equal(fread(want, 1, (size_t)len, f), (size_t)len);
    want[len] = '\0';
    fclose(f);
    if ((size_t)len != got->len || memcmp(want, got->buf, got->len) != 0)
        fprintf(stderr, "%s differs; ours:\n%.*s", path, (int)got->len, got->buf);
    assert_int_equal((size_t)len, got->len);
    assert_memory_equal(want, got->buf, got->len);
    free(want);
}

static void
test_text(void **st)
{
    struct rec_eigrp_topo v[8];
    size_t n = snapshot(v);
    struct strbuf out;
    (void)st;

    sb_init(&out);
    assert_int_equal(render_eigrp_topology_entry(&out, v, n, ip("192.168.1.0"), 24), 2);
    assert_int_equal(render_eigrp_topology_entry(&out, v, n, ip("172.16.0.0"), 16), 1);
    assert_int_equal(render_eigrp_topology_entry(&out, v, n, ip("10.0.0.0"), 24), 1);
    /* a prefix of another length is another destination */
    assert_int_equal(render_eigrp_topology_entry(&out, v, n, ip("192.168.1.0"), 25), 0);
    compare("topology_entry.txt", &out);
    sb_free(&out);
}

static void
test_json(void **st)
{
    struct rec_eigrp_topo v[8];
    size_t n = snapshot(v);
    struct strbuf out;
    (void)st;

    sb_init(&out);
    render_eigrp_topology_entry_json(&out, v, n, ip("192.168.1.0"), 24);
    sb_puts(&out, "\n");
    render_eigrp_topology_entry_json(&out, v, n, ip("172.16.0.0"), 16);
    sb_puts(&out, "\n");
    render_eigrp_topology_entry_json(&out, v, n, ip("10.9.0.0"), 16);
    sb_puts(&out, "\n");
    compare("topology_entry.json", &out);
    sb_free(&out);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text),
        cmocka_unit_test(test_json),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
