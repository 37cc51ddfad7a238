/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Wire check with an independent decoder: a hub and two spokes (one behind
 * NAT, with authentication) run registration, phase 2 and phase 3
 * resolution, redirect, purge, refusals and error indications in the fake
 * network; every packet the engines sent is written to a pcap in IPv4/GRE
 * (protocol 0x2001, once without and once with a GRE key) and decoded by
 * tshark. Each must decode as NHRP with a correct checksum and no
 * malformed or expert item, and the fields tshark prints
 * must equal what the engine put there (reference: the scenario's
 * addresses for the header, our decoder for the lists).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "fake.h"
#include "lib/log.h"
#include "lib/strbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define HUB     A(10, 0, 0, 1)
#define SA_     A(10, 0, 0, 2)
#define SB      A(10, 0, 0, 3)
#define N_HUB   A(203, 0, 113, 1)
#define N_A     A(198, 51, 100, 2)
#define N_B     A(198, 51, 100, 3)
#define GRE_KEY 42

static struct fnet net;

/* --- the scenario ------------------------------------------------------------ */

static uint8_t ip_a_to_b[48] = {0x45, 0,   0, 48, 0,   1,   0, 0,  63, 1, 0,    0,
                                192,  168, 2, 10, 192, 168, 3, 10, 8,  0, 0x12, 0x34};

static void
scenario(void)
{
    struct nhrp_if_config hc, ac, bc, cc;
    struct fnode *hub, *a, *b, *c;
    uint8_t buf[512];
    struct nhrp_cie cie = {.plen = 32, .mtu = 1476, .holdtime = 600};
    struct nhrp_wbuf w;
    size_t n, h;

    fnet_init(&net);
    hub = fnet_add(&net, N_HUB);
    a = fnet_add(&net, N_A);
    b = fnet_add(&net, N_B);
    c = fnet_add(&net, A(198, 51, 100, 4));
    a->nbma = A(192, 168, 1, 2); /* A is behind NAT */
    fcfg_hub(&hc, 0, HUB, N_HUB);
    fcfg_spoke(&ac, 0, SA_, A(192, 168, 1, 2), HUB, N_HUB);
    fcfg_spoke(&bc, 0, SB, N_B, HUB, N_HUB);
    fcfg_spoke(&cc, 0, SB, A(198, 51, 100, 4), HUB, N_HUB); /* duplicate of B */
    strcpy(hc.auth, "cisco");
    strcpy(ac.auth, "cisco");
    strcpy(bc.auth, "cisco");
    strcpy(cc.auth, "cisco");
    fnode_route(hub, A(192, 168, 2, 0), 24, NHRP_ROUTE_TUNNEL, 0, SA_);
    fnode_route(hub, A(192, 168, 3, 0), 24, NHRP_ROUTE_TUNNEL, 0, SB);
    fnode_route(b, A(192, 168, 3, 0), 24, NHRP_ROUTE_OFF_NBMA, 0, 0);
    fnode_config(hub, &hc, 1);
    fnode_config(a, &ac, 1);
    fnode_config(b, &bc, 1);
    fnet_pump(&net);
    fnode_config(c, &cc, 1); /* refused: code 14 */
    fnet_pump(&net);
    c->blackhole = true;
    nhrp_trigger_resolve(a->e, net.now, 0, SB); /* phase 2 */
    fnet_pump(&net);
    nhrp_trigger_resolve(a->e, net.now, 0, A(10, 0, 0, 77)); /* negative */
    fnet_pump(&net);
    nhrp_trigger_hairpin(hub->e, net.now, 0, N_A, 0, ip_a_to_b, sizeof(ip_a_to_b));
    fnet_pump(&net);                                     /* phase 3 */
    nhrp_clear(b->e, net.now, 0, A(192, 168, 3, 0), 24); /* purge */
    fnet_pump(&net);
    /* an error indication: an unknown compulsory extension */
    nhrp_w_init(&w, buf, sizeof(buf));
    nhrp_w_header(&w, NHRP_RES_REQ, 255, 0xc802, 4242, N_B, SB, HUB);
    nhrp_w_cie(&w, &cie);
    h = nhrp_w_ext_begin(&w, 0x8000 | 0x0123);
    nhrp_w_ext_end(&w, h);
    {
        uint8_t v[9] = {0, 0, 0, 1, 'c', 'i', 's', 'c', 'o'};
        h = nhrp_w_ext_begin(&w, 0x8007);
        nhrp_w_bytes(&w, v, sizeof(v));
        nhrp_w_ext_end(&w, h);
    }
    n = nhrp_w_finish(&w);
    fnet_inject(hub, 0, N_B, buf, n);
    fnet_pump(&net);
}

/* --- pcap ------------------------------------------------------------------------ */

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
frame(FILE *f, int no, const struct fpkt *p, bool key)
{
    uint8_t hdr[32];
    size_t gl = key ? 8 : 4, tot = 20 + gl + p->len;

    memset(hdr, 0, sizeof(hdr));
    hdr[0] = 0x45;
    nhrp_put16(hdr + 2, (uint16_t)tot);
    nhrp_put16(hdr + 4, (uint16_t)no);
    hdr[8] = 255;
    hdr[9] = 47; /* GRE */
    nhrp_put32(hdr + 12, p->src_nbma);
    nhrp_put32(hdr + 16, p->dst_nbma);
    nhrp_put16(hdr + 10, ip_csum(hdr, 20));
    nhrp_put16(hdr + 20, key ? 0x2000 : 0); /* K bit, version 0 */
    nhrp_put16(hdr + 22, 0x2001);           /* NHRP over GRE */
    if (key)
        nhrp_put32(hdr + 24, GRE_KEY);
    put32(f, (uint32_t)(1700000000 + no));
    put32(f, 0);
    put32(f, (uint32_t)tot);
    put32(f, (uint32_t)tot);
    fwrite(hdr, 1, 20 + gl, f);
    fwrite(p->data, 1, p->len, f);
}

/* --- expected field values -------------------------------------------------------- */

struct expect {
    struct strbuf type, hop, size, extoff, flags, reqid, src_nbma, src_proto, dst_proto;
    struct strbuf code, plen, mtu, htime, pref, cnbma, cproto, exttype, extlen;
    struct strbuf errcode, erroff;
};

static void add(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void
add(struct strbuf *sb, const char *fmt, ...)
{
    va_list ap;

    if (sb->len)
        sb_putc(sb, ',');
    va_start(ap, fmt);
    sb_vprintf(sb, fmt, ap);
    va_end(ap);
}

static void
add_ip(struct strbuf *sb, uint32_t a)
{
    add(sb, "%u.%u.%u.%u", a >> 24, a >> 16 & 255, a >> 8 & 255, a & 255);
}

static void
add_cie(struct expect *x, const struct nhrp_cie *c)
{
    add(&x->code, "%u", c->code);
    add(&x->plen, "%u", c->plen);
    add(&x->mtu, "%u", c->mtu);
    add(&x->htime, "%u", c->holdtime);
    add(&x->pref, "%u", c->pref);
    if (c->has_nbma)
        add_ip(&x->cnbma, c->nbma.u.v4);
    if (c->has_proto)
        add_ip(&x->cproto, c->proto.u.v4);
}

static void
expect_pkt(struct expect *x, const uint8_t *data, size_t len)
{
    struct nhrp_pkt p;
    unsigned i, j;

    assert_int_equal(nhrp_decode(data, len, &p, NULL), NHRP_DEC_OK);
    add(&x->type, "%u", p.type);
    add(&x->hop, "%u", p.hops);
    add(&x->size, "%u", p.size);
    add(&x->extoff, "%u", p.extoff);
    if (p.type != NHRP_ERROR_IND && p.type != NHRP_TRAFFIC_IND) {
        add(&x->flags, "0x%04x", p.flags);
        add(&x->reqid, "0x%08x", p.reqid);
    }
    add_ip(&x->src_nbma, p.src_nbma.u.v4);
    add_ip(&x->src_proto, p.src_proto.u.v4);
    add_ip(&x->dst_proto, p.dst_proto.u.v4);
    for (i = 0; i < p.ncie; i++)
        add_cie(x, &p.cie[p.cie0 + i]);
    if (p.type == NHRP_ERROR_IND) {
        add(&x->errcode, "%u", p.err_code);
        add(&x->erroff, "%u", p.err_offset);
        /* tshark dissects the packet in error as NHRP too */
        expect_pkt(x, p.raw + p.payload_off, p.payload_len);
        return;
    }
    for (i = 0; i < p.next; i++) {
        add(&x->exttype, "0x%04x", p.ext[i].type);
        add(&x->extlen, "%u", p.ext[i].len);
        for (j = 0; j < p.ext[i].ncie; j++)
            add_cie(x, nhrp_ext_cie(&p, &p.ext[i], j));
    }
    if (p.has_end) {
        add(&x->exttype, "0x0000");
        add(&x->extlen, "0");
    }
}

static const char *const fields[] = {
    "nhrp.hdr.op.type",   "nhrp.hdr.hopcnt", "nhrp.hdr.pktsz",        "nhrp.hdr.extoff",
    "nhrp.flags",         "nhrp.reqid",      "nhrp.src.nbma.addr",    "nhrp.src.prot.addr",
    "nhrp.dst.prot.addr", "nhrp.code",       "nhrp.prefix",           "nhrp.mtu",
    "nhrp.htime",         "nhrp.pref",       "nhrp.client.nbma.addr", "nhrp.client.prot.addr",
    "nhrp.ext.type",      "nhrp.ext.len",    "nhrp.err.code",         "nhrp.err.offset",
};

static const struct strbuf *
expected_field(const struct expect *x, size_t i)
{
    const struct strbuf *v[] = {&x->type,   &x->hop,      &x->size,      &x->extoff,    &x->flags,
                                &x->reqid,  &x->src_nbma, &x->src_proto, &x->dst_proto, &x->code,
                                &x->plen,   &x->mtu,      &x->htime,     &x->pref,      &x->cnbma,
                                &x->cproto, &x->exttype,  &x->extlen,    &x->errcode,   &x->erroff};
    return v[i];
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

static void
t_tshark_decodes_engine_packets(void **state)
{
    char dir[] = "/tmp/nh-wire-XXXXXX", path[128], cmd[2048];
    struct strbuf fl;
    char *out, *line, *save = NULL;
    size_t i, k, len, frames = 0, types[9] = {0};
    FILE *f;

    log_set_level(LOG_LVL_ERR);
    scenario();
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof(path), "%s/nhrp.pcap", dir);
    f = fopen(path, "wb");
    assert_non_null(f);
    put32(f, 0xa1b2c3d4);
    put16(f, 2);
    put16(f, 4);
    put32(f, 0);
    put32(f, 0);
    put32(f, 65535);
    put32(f, 101); /* LINKTYPE_RAW: IPv4 */
    for (i = 0; i < net.nlog; i++) {
        frame(f, (int)(2 * i + 1), &net.log[i], false);
        frame(f, (int)(2 * i + 2), &net.log[i], true);
        types[net.log[i].data[17]]++;
    }
    fclose(f);
    /* every packet type the engine sends is in the capture */
    for (k = NHRP_RES_REQ; k <= NHRP_TRAFFIC_IND; k++)
        assert_true(types[k] > 0);

    /* 1. Nothing malformed and no expert item at all: tshark 4.0 raises
     * none for valid NHRP/GRE/IPv4 (not even chat level), so any item is a
     * fault of ours and none needs excluding. */
    snprintf(cmd, sizeof(cmd),
             "tshark -n -r %s -Y '_ws.malformed || _ws.expert' "
             "-T fields -e frame.number -e _ws.expert.message 2>/dev/null",
             path);
    out = run(cmd, &len);
    if (len)
        fprintf(stderr, "tshark complaints:\n%s", out);
    assert_int_equal(len, 0);
    free(out);

    /* 2. The fields equal what the engine sent. */
    sb_init(&fl);
    for (k = 0; k < sizeof(fields) / sizeof(fields[0]); k++)
        sb_printf(&fl, " -e %s", fields[k]);
    snprintf(cmd, sizeof(cmd),
             "tshark -n -r %s -o nhrp.auth_ext_has_addr:FALSE -T fields -E separator='|' "
             "-E occurrence=a -E aggregator=, -e frame.number -e gre.proto -e gre.key "
             "-e nhrp.hdr.chksum.status%s 2>/dev/null",
             path, fl.buf);
    sb_free(&fl);
    out = run(cmd, &len);
    for (line = strtok_r(out, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        char *col[32], *s = line;
        size_t nc = 0, fno;
        struct expect x;
        const struct fpkt *p;

        while (nc < 32) {
            col[nc++] = s;
            s = strchr(s, '|');
            if (!s)
                break;
            *s++ = 0;
        }
        assert_int_equal(nc, 4 + sizeof(fields) / sizeof(fields[0]));
        fno = strtoul(col[0], NULL, 10);
        p = &net.log[(fno - 1) / 2];
        assert_string_equal(col[1], "0x2001");
        assert_string_equal(col[2], fno % 2 ? "" : "0x0000002a"); /* key 42 */
        /* "Good" for the outer packet (and the packet in error) */
        assert_true(strncmp(col[3], "1", 1) == 0);
        assert_null(strchr(col[3], '0'));
        memset(&x, 0, sizeof(x));
        {
            struct strbuf *all = (struct strbuf *)&x;
            for (k = 0; k < sizeof(x) / sizeof(struct strbuf); k++)
                sb_init(&all[k]);
        }
        expect_pkt(&x, p->data, p->len);
        for (k = 0; k < sizeof(fields) / sizeof(fields[0]); k++) {
            const struct strbuf *e = expected_field(&x, k);
            const char *want = e->len ? e->buf : "";
            if (strcmp(col[4 + k], want) != 0)
                fprintf(stderr, "frame %zu (%s) %s: tshark '%s' engine '%s'\n", fno,
                        nhrp_type_name(p->data[17]), fields[k], col[4 + k], want);
            assert_string_equal(col[4 + k], want);
        }
        {
            struct strbuf *all = (struct strbuf *)&x;
            for (k = 0; k < sizeof(x) / sizeof(struct strbuf); k++)
                sb_free(&all[k]);
        }
        frames++;
    }
    assert_int_equal(frames, 2 * net.nlog);
    free(out);

    if (!getenv("NHRP_WIRE_KEEP")) {
        unlink(path);
        rmdir(dir);
    } else {
        fprintf(stderr, "kept %s\n", path);
    }
    fnet_fini(&net);
}

static void
t_engine_meant_these(void **state)
{
    /* Independent of our decoder: a few values checked against what the
     * scenario intends, read back by tshark from the same capture. */
    char dir[] = "/tmp/nh-wire-XXXXXX", path[128], cmd[1024];
    char *out;
    size_t len, i;
    FILE *f;

    scenario();
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof(path), "%s/x.pcap", dir);
    f = fopen(path, "wb");
    assert_non_null(f);
    put32(f, 0xa1b2c3d4);
    put16(f, 2);
    put16(f, 4);
    put32(f, 0);
    put32(f, 0);
    put32(f, 65535);
    put32(f, 101);
    for (i = 0; i < net.nlog; i++)
        frame(f, (int)i + 1, &net.log[i], false);
    fclose(f);
    /* The first packet is A's registration: NAT'ed spoke, unique nat. */
    snprintf(cmd, sizeof(cmd),
             "tshark -n -r %s -Y 'frame.number == 1' -T fields -E separator=' ' "
             "-e nhrp.hdr.op.type -e nhrp.flag.u -e nhrp.flag.nat -e nhrp.src.nbma.addr "
             "-e nhrp.src.prot.addr -e nhrp.dst.prot.addr -e nhrp.hdr.hopcnt 2>/dev/null",
             path);
    out = run(cmd, &len);
    assert_string_equal(out, "3 1 1 192.168.1.2 10.0.0.2 10.0.0.1 255\n");
    free(out);
    /* The hub's answer to it carries A's outside address in the NAT
     * extension (second client NBMA address of the extension CIEs). */
    snprintf(cmd, sizeof(cmd),
             "tshark -n -r %s -Y 'nhrp.hdr.op.type == 4 && ip.dst == 198.51.100.2' -T fields "
             "-e nhrp.client.nbma.addr 2>/dev/null | head -1",
             path);
    out = run(cmd, &len);
    assert_string_equal(out, "203.0.113.1,203.0.113.1,198.51.100.2\n");
    free(out);
    /* The refused duplicate got code 14. */
    snprintf(cmd, sizeof(cmd),
             "tshark -n -r %s -Y 'nhrp.hdr.op.type == 4 && ip.dst == 198.51.100.4' -T fields "
             "-e nhrp.code 2>/dev/null | head -1",
             path);
    out = run(cmd, &len);
    assert_string_equal(out, "14,0,0\n"); /* + responder and NAT CIEs */
    free(out);
    /* Phase 3: B's answer gives its /24 via 10.0.0.3. */
    snprintf(cmd, sizeof(cmd),
             "tshark -n -r %s -Y 'nhrp.hdr.op.type == 2 && nhrp.dst.prot.addr == 192.168.3.10' "
             "-T fields -e nhrp.prefix -e nhrp.client.prot.addr 2>/dev/null | head -1",
             path);
    out = run(cmd, &len);
    assert_true(strncmp(out, "24,", 3) == 0);
    assert_non_null(strstr(out, "\t10.0.0.3"));
    free(out);
    unlink(path);
    rmdir(dir);
    fnet_fini(&net);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(t_tshark_decodes_engine_packets),
        cmocka_unit_test(t_engine_meant_these),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
