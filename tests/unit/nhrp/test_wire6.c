/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Wire check of the IPv6 packets (samples6.c: registration request/reply,
 * resolution request/reply, purge, traffic and error indication, made with
 * our encoder) with an independent decoder: they are written to a pcap in
 * GRE 0x2001 over IPv4 (ar$afn 1) and over IPv6 (ar$afn 2) and read by
 * tshark. Each must decode as NHRP with a good checksum and no malformed or
 * expert item, and every field tshark prints must equal the value the
 * sample was built with (header, lengths, flags, request ID, addresses,
 * each CIE, extension types and lengths).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "fake.h"
#include "lib/log.h"
#include "lib/strbuf.h"
#include "samples6.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* --- pcap ------------------------------------------------------------------ */

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

/* One LINKTYPE_RAW frame: IPv4 or IPv6 (by the NBMA family), GRE, NHRP. */
static void
frame(FILE *f, int no, const struct s6_pkt *p)
{
    uint8_t hdr[48];
    size_t il = p->outer_src.af == INET_AF_V6 ? 40 : 20, tot = il + 4 + p->len;

    memset(hdr, 0, sizeof(hdr));
    if (il == 20) {
        hdr[0] = 0x45;
        nhrp_put16(hdr + 2, (uint16_t)tot);
        hdr[8] = 255;
        hdr[9] = 47; /* GRE */
        nhrp_put32(hdr + 12, p->outer_src.u.v4);
        nhrp_put32(hdr + 16, p->outer_dst.u.v4);
        nhrp_put16(hdr + 10, ip_csum(hdr, 20));
    } else {
        hdr[0] = 0x60;
        nhrp_put16(hdr + 4, (uint16_t)(tot - 40));
        hdr[6] = 47;
        hdr[7] = 255;
        memcpy(hdr + 8, p->outer_src.u.v6, 16);
        memcpy(hdr + 24, p->outer_dst.u.v6, 16);
    }
    nhrp_put16(hdr + il + 2, 0x2001); /* GRE version 0, NHRP */
    put32(f, (uint32_t)(1700000000 + no));
    put32(f, 0);
    put32(f, (uint32_t)tot);
    put32(f, (uint32_t)tot);
    fwrite(hdr, 1, il + 4, f);
    fwrite(p->data, 1, p->len, f);
}

static void
write_pcap(const char *path, const struct s6_pkt *p, size_t n)
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
    put32(f, 101); /* LINKTYPE_RAW: IPv4 or IPv6 by the version nibble */
    for (i = 0; i < n; i++)
        frame(f, (int)i + 1, &p[i]);
    fclose(f);
}

static char *
run(const char *cmd, size_t *len)
{
    FILE *f = popen(cmd, "r");
    struct strbuf sb;
    char buf[4096];
    size_t n;

    assert_non_null(f);
    sb_init(&sb);
    while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
        sb_append(&sb, buf, n);
    assert_int_equal(pclose(f), 0);
    *len = sb.len;
    return sb_steal(&sb);
}

/* NHRP_CORPUS_DIR=dir: the samples also become fuzz_nhrp seeds (tunnel,
 * source and clock octets first, as fake.c writes the IPv4 ones). */
static void
corpus_dump(const struct s6_pkt *s, size_t n)
{
    const char *dir = getenv("NHRP_CORPUS_DIR");
    char path[512];
    size_t i;
    int t;

    if (!dir)
        return;
    for (i = 0; i < n; i++)
        for (t = 0; t < 3; t++) {
            uint8_t pre[3] = {(uint8_t)t, (uint8_t)(t + 1), 4};
            FILE *f;

            snprintf(path, sizeof(path), "%s/v6-%s-%s-%d", dir,
                     s[i].outer_src.af == INET_AF_V6 ? "nbma6" : "nbma4",
                     nhrp_type_name(s[i].data[17]), t);
            for (char *c = path + strlen(dir); *c; c++)
                if (*c == ' ')
                    *c = '_';
            f = fopen(path, "wb");
            assert_non_null(f);
            fwrite(pre, 1, 3, f);
            fwrite(s[i].data, 1, s[i].len, f);
            fclose(f);
        }
}

/* --- expected field values -------------------------------------------------- */

/* The fields compared, in tshark's names. Wireshark 4.0 shows an IPv4
 * address as such and any other address as its bytes in hex (the
 * *_bytes fields; "byets" is Wireshark's own spelling). */
enum {
    F_AFN,
    F_PRO,
    F_TYPE,
    F_HOP,
    F_SIZE,
    F_EXTOFF,
    F_SHTL,
    F_SPL,
    F_DPL,
    F_FLAGS,
    F_REQID,
    F_SNBMA4,
    F_SNBMA,
    F_SPROTO,
    F_DPROTO,
    F_CODE,
    F_PLEN,
    F_MTU,
    F_HTIME,
    F_CNBMA_TL,
    F_CPROTO_LEN,
    F_CNBMA4,
    F_CNBMA,
    F_CPROTO,
    F_EXTTYPE,
    F_EXTLEN,
    F_ERRCODE,
    F_ERROFF,
    F__COUNT
};

static const char *const fields[F__COUNT] = {
    "nhrp.hdr.afn",
    "nhrp.hdr.pro.type",
    "nhrp.hdr.op.type",
    "nhrp.hdr.hopcnt",
    "nhrp.hdr.pktsz",
    "nhrp.hdr.extoff",
    "nhrp.hdr.shtl",
    "nhrp.src.prot.len",
    "nhrp.dst.prot.len",
    "nhrp.flags",
    "nhrp.reqid",
    "nhrp.src.nbma.addr",
    "nhrp.src.nbma.addr_bytes",
    "nhrp.src.prot.addr_bytes",
    "nhrp.dst.prot.addr_byets",
    "nhrp.code",
    "nhrp.prefix",
    "nhrp.mtu",
    "nhrp.htime",
    "nhrp.cli.addr_tl",
    "nhrp.prot.len",
    "nhrp.client.nbma.addr",
    "nhrp.client.nbma.addr_bytes",
    "nhrp.client.prot.addr_bytes",
    "nhrp.ext.type",
    "nhrp.ext.len",
    "nhrp.err.code",
    "nhrp.err.offset",
};

static void
add(struct strbuf *sb, const char *fmt, ...)
{
    va_list ap;

    if (sb->len)
        sb_append(sb, ",", 1);
    va_start(ap, fmt);
    sb_vprintf(sb, fmt, ap);
    va_end(ap);
}

static void
add_hex(struct strbuf *sb, const struct inet_addr *a)
{
    char h[33];
    unsigned i;

    assert_int_equal(a->af, INET_AF_V6);
    for (i = 0; i < 16; i++)
        snprintf(h + 2 * i, 3, "%02x", a->u.v6[i]);
    add(sb, "%s", h);
}

/* An NBMA address goes to the IPv4 field or the bytes field. */
static void
add_nbma(struct strbuf *x, unsigned f4, const struct inet_addr *a)
{
    char buf[INET6_ADDRSTRLEN_];

    if (a->af == INET_AF_V4)
        add(&x[f4], "%s", inet_addr_fmt(a, buf));
    else
        add_hex(&x[f4 + 1], a);
}

static void
add_cie(struct strbuf *x, const struct nhrp_cie *c)
{
    add(&x[F_CODE], "%u", c->code);
    add(&x[F_PLEN], "%u", c->plen);
    add(&x[F_MTU], "%u", c->mtu);
    add(&x[F_HTIME], "%u", c->holdtime);
    add(&x[F_CNBMA_TL], "%u", c->has_nbma ? (c->nbma.af == INET_AF_V6 ? 16 : 4) : 0);
    add(&x[F_CPROTO_LEN], "%u", c->has_proto ? 16 : 0);
    if (c->has_nbma)
        add_nbma(x, F_CNBMA4, &c->nbma);
    if (c->has_proto)
        add_hex(&x[F_CPROTO], &c->proto);
}

static void
expect_pkt(struct strbuf *x, const uint8_t *data, size_t len)
{
    struct nhrp_pkt p;
    unsigned i, j;

    assert_int_equal(nhrp_decode(data, len, &p, NULL), NHRP_DEC_OK);
    add(&x[F_AFN], "0x%04x", nhrp_get16(data));
    add(&x[F_PRO], "0x%04x", nhrp_get16(data + 2));
    add(&x[F_TYPE], "%u", p.type);
    add(&x[F_HOP], "%u", p.hops);
    add(&x[F_SIZE], "%u", p.size);
    add(&x[F_EXTOFF], "%u", p.extoff);
    add(&x[F_SHTL], "%u", p.nbma_af == INET_AF_V6 ? 16 : 4);
    add(&x[F_SPL], "16");
    add(&x[F_DPL], "16");
    if (p.type != NHRP_ERROR_IND && p.type != NHRP_TRAFFIC_IND) {
        add(&x[F_FLAGS], "0x%04x", p.flags);
        add(&x[F_REQID], "0x%08x", p.reqid);
    }
    add_nbma(x, F_SNBMA4, &p.src_nbma);
    add_hex(&x[F_SPROTO], &p.src_proto);
    add_hex(&x[F_DPROTO], &p.dst_proto);
    for (i = 0; i < p.ncie; i++)
        add_cie(x, &p.cie[p.cie0 + i]);
    if (p.type == NHRP_ERROR_IND) {
        add(&x[F_ERRCODE], "%u", p.err_code);
        add(&x[F_ERROFF], "%u", p.err_offset);
        /* tshark dissects the packet in error as NHRP too */
        expect_pkt(x, p.raw + p.payload_off, p.payload_len);
        return;
    }
    for (i = 0; i < p.next; i++) {
        add(&x[F_EXTTYPE], "0x%04x", p.ext[i].type);
        add(&x[F_EXTLEN], "%u", p.ext[i].len);
        for (j = 0; j < p.ext[i].ncie; j++)
            add_cie(x, nhrp_ext_cie(&p, &p.ext[i], j));
    }
    if (p.has_end) {
        add(&x[F_EXTTYPE], "0x0000");
        add(&x[F_EXTLEN], "0");
    }
}

/* --- packets the engine sends ---------------------------------------------------- */

#define ENGINE_MAX 48

/* A dual-stack hub and two spokes (fake.h) run IPv6 registration with
 * authentication, phase 2 and phase 3 resolution, redirect and purge; the
 * IPv6 NHRP packets they send are appended to out (IPv4 NBMA). */
static size_t
engine_packets(struct s6_pkt *out, size_t max)
{
    static uint8_t ip6[48] = {0x60, 0, 0, 0, 0, 8, 58, 63};
    struct nhrp_if_config hc[2], ac[2], bc[2];
    struct inet_addr b6 = fa6("2001:DB8::3"), all = fa6("::"), from;
    struct fnode *hub, *a, *b;
    struct fnet net;
    size_t i, n = 0;

    log_set_level(LOG_LVL_ERR);
    fnet_init(&net);
    hub = fnet_add(&net, A(203, 0, 113, 1));
    a = fnet_add(&net, A(198, 51, 100, 2));
    b = fnet_add(&net, A(198, 51, 100, 3));
    fcfg_hub(&hc[0], 0, A(10, 0, 0, 1), A(203, 0, 113, 1));
    fcfg_spoke(&ac[0], 0, A(10, 0, 0, 2), A(198, 51, 100, 2), A(10, 0, 0, 1), A(203, 0, 113, 1));
    fcfg_spoke(&bc[0], 0, A(10, 0, 0, 3), A(198, 51, 100, 3), A(10, 0, 0, 1), A(203, 0, 113, 1));
    fcfg6_hub(&hc[1], 0, "2001:DB8::1", A(203, 0, 113, 1));
    fcfg6_spoke(&ac[1], 0, "2001:DB8::2", A(198, 51, 100, 2), "2001:DB8::1", A(203, 0, 113, 1));
    fcfg6_spoke(&bc[1], 0, "2001:DB8::3", A(198, 51, 100, 3), "2001:DB8::1", A(203, 0, 113, 1));
    hc[1].redirect = true;
    ac[1].shortcut = bc[1].shortcut = true;
    strcpy(hc[1].auth, "cisco");
    strcpy(ac[1].auth, "cisco");
    strcpy(bc[1].auth, "cisco");
    fnode_config(hub, hc, 2);
    fnode_config(a, ac, 2);
    fnode_config(b, bc, 2);
    fnet_pump(&net);
    fnet_advance(&net, 100);
    fnode_route6(b, "2001:DB8:3::", 64, NHRP_ROUTE_OFF_NBMA, 1, NULL);
    fnode_route6(hub, "2001:DB8:3::", 64, NHRP_ROUTE_TUNNEL, 0, "2001:DB8::3");
    nhrp_trigger_resolve_af(a->e, net.now, 0, &b6);
    fnet_pump(&net);
    from = inet_addr_v4(A(198, 51, 100, 2));
    memcpy(ip6 + 8, fa6("2001:DB8:2::10").u.v6, 16);
    memcpy(ip6 + 24, fa6("2001:DB8:3::10").u.v6, 16);
    ip6[40] = 128;
    nhrp_trigger_hairpin_af(hub->e, net.now, 0, &from, 0, ip6, sizeof(ip6));
    fnet_pump(&net);
    nhrp_clear_af(b->e, net.now, NHRP_TUN_ANY, &all, 0);
    fnet_pump(&net);
    for (i = 0; i < net.nlog && n < max; i++) {
        const struct fpkt *f = &net.log[i];
        if (nhrp_get16(f->data + 2) != NHRP_PROTO_IPV6)
            continue;
        memcpy(out[n].data, f->data, f->len);
        out[n].len = f->len;
        out[n].outer_src = inet_addr_v4(f->src_nbma);
        out[n].outer_dst = inet_addr_v4(f->dst_nbma);
        n++;
    }
    fnet_fini(&net);
    return n;
}

/* --- the test ---------------------------------------------------------------- */

static void
t_tshark_decodes_ipv6_packets(void **state)
{
    char dir[] = "/tmp/nh-wire6-XXXXXX", path[128], cmd[2048];
    static struct s6_pkt s[2 * S6_MAX + ENGINE_MAX];
    struct strbuf fl;
    char *out, *line, *save = NULL;
    size_t n, k, len, frames = 0, types[9] = {0}, ns;

    n = s6_build(INET_AF_V4, s);
    n += s6_build(INET_AF_V6, s + n);
    ns = n;
    n += engine_packets(s + n, ENGINE_MAX);
    for (k = ns; k < n; k++)
        types[s[k].data[17]]++;
    /* what the engine sent: every type but the error indication */
    for (k = NHRP_RES_REQ; k <= NHRP_TRAFFIC_IND; k++)
        if (k != NHRP_ERROR_IND)
            assert_true(types[k] > 0);
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof(path), "%s/nhrp6.pcap", dir);
    write_pcap(path, s, n);
    corpus_dump(s, ns);

    /* 1. Nothing malformed, no expert item (tshark 4.0 raises none for
     * valid NHRP; the auth option reads Cisco's value without a source
     * address, as test_wire does). */
    snprintf(cmd, sizeof(cmd),
             "tshark -n -r %s -o nhrp.auth_ext_has_addr:FALSE -Y '_ws.malformed || _ws.expert' "
             "-T fields -e frame.number -e _ws.expert.message 2>/dev/null",
             path);
    out = run(cmd, &len);
    if (len)
        fprintf(stderr, "tshark complaints:\n%s", out);
    assert_int_equal(len, 0);
    free(out);

    /* 2. Every field equals what was built. */
    sb_init(&fl);
    for (k = 0; k < F__COUNT; k++)
        sb_printf(&fl, " -e %s", fields[k]);
    snprintf(cmd, sizeof(cmd),
             "tshark -n -r %s -o nhrp.auth_ext_has_addr:FALSE -T fields -E separator='|' "
             "-E occurrence=a -E aggregator=, -e frame.number -e gre.proto "
             "-e nhrp.hdr.chksum.status%s 2>/dev/null",
             path, fl.buf);
    sb_free(&fl);
    out = run(cmd, &len);
    for (line = strtok_r(out, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        char *col[40], *c = line;
        struct strbuf x[F__COUNT];
        size_t nc = 0, fno;
        const struct s6_pkt *p;

        while (nc < 40) {
            col[nc++] = c;
            c = strchr(c, '|');
            if (!c)
                break;
            *c++ = 0;
        }
        assert_int_equal(nc, 3 + F__COUNT);
        fno = strtoul(col[0], NULL, 10);
        assert_true(fno >= 1 && fno <= n);
        p = &s[fno - 1];
        assert_string_equal(col[1], "0x2001");
        assert_true(strncmp(col[2], "1", 1) == 0); /* checksum "Good" */
        assert_null(strchr(col[2], '0'));
        for (k = 0; k < F__COUNT; k++)
            sb_init(&x[k]);
        expect_pkt(x, p->data, p->len);
        for (k = 0; k < F__COUNT; k++) {
            const char *want = x[k].len ? x[k].buf : "";
            if (strcmp(col[3 + k], want) != 0)
                fprintf(stderr, "frame %zu (%s) %s: tshark '%s' ours '%s'\n", fno,
                        nhrp_type_name(p->data[17]), fields[k], col[3 + k], want);
            assert_string_equal(col[3 + k], want);
            sb_free(&x[k]);
        }
        frames++;
    }
    assert_int_equal(frames, n);
    free(out);

    /* 3. Independent of our decoder: what the samples meant. The IPv6
     * NBMA registration request (frame 8) from 2001:db8:ff::2 registers
     * 2001:db8:0:1::2 with 2001:db8:0:1::1; B's reply over IPv4 NBMA
     * (frame 4) gives its /64 at 198.51.100.3; the traffic indication's
     * payload is the redirected IPv6 data packet. */
    snprintf(cmd, sizeof(cmd),
             "tshark -n -r %s -o nhrp.auth_ext_has_addr:FALSE -Y 'frame.number == 8' -T fields "
             "-E separator=' ' -e nhrp.hdr.afn -e nhrp.hdr.op.type -e nhrp.flag.u "
             "-e nhrp.flag.nat -e nhrp.src.nbma.addr_bytes -e nhrp.src.prot.addr_bytes "
             "-e nhrp.dst.prot.addr_byets 2>/dev/null",
             path);
    out = run(cmd, &len);
    assert_string_equal(out, "0x0002 3 1 1 20010db800ff00000000000000000002 "
                             "20010db8000000010000000000000002 "
                             "20010db8000000010000000000000001\n");
    free(out);
    snprintf(cmd, sizeof(cmd),
             "tshark -n -r %s -o nhrp.auth_ext_has_addr:FALSE -Y 'frame.number == 4' -T fields "
             "-e nhrp.prefix -e nhrp.client.nbma.addr -e nhrp.client.prot.addr_bytes "
             "2>/dev/null",
             path);
    out = run(cmd, &len);
    assert_true(strncmp(out,
                        "64,128,128\t198.51.100.3,198.51.100.3,203.0.113.1\t"
                        "20010db8000000010000000000000003,",
                        strlen("64,128,128\t198.51.100.3,198.51.100.3,203.0.113.1\t"
                               "20010db8000000010000000000000003,")) == 0);
    free(out);
    snprintf(cmd, sizeof(cmd),
             "tshark -n -r %s -Y 'nhrp.hdr.op.type == 8 && frame.number <= 14' -T fields "
             "-e ipv6.src -e ipv6.dst "
             "-e icmpv6.type 2>/dev/null",
             path);
    out = run(cmd, &len);
    /* frame 13 also shows the outer IPv6 header first */
    assert_string_equal(out, "2001:db8:2::10\t2001:db8:3::10\t128\n"
                             "2001:db8:ff::1,2001:db8:2::10\t2001:db8:ff::2,2001:db8:3::10\t128\n");
    free(out);

    if (!getenv("NHRP_WIRE_KEEP")) {
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
        cmocka_unit_test(t_tshark_decodes_ipv6_packets),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
