/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Netlink messages of the kernel backend (kmsg.c) without a kernel: the
 * neighbour and neighbour-table requests byte by byte against the UAPI
 * layout, parsing of neighbour events and NFLOG packets (what the kernel
 * sends, built here by hand), and refusal of every truncation and of
 * attribute lengths that lie.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <arpa/inet.h>
#include <linux/neighbour.h>
#include <linux/netfilter/nfnetlink.h>
#include <linux/netfilter/nfnetlink_log.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <sys/socket.h>

#include "daemons/dataplane/kmsg.h"

/* Finds attribute type in [p, p+len); NULL when absent. */
static const struct rtattr *
find_attr(const uint8_t *p, size_t len, uint16_t type)
{
    size_t off = 0;
    while (off + sizeof(struct rtattr) <= len) {
        const struct rtattr *a = (const struct rtattr *)(p + off);
        if ((a->rta_type & NLA_TYPE_MASK) == type)
            return a;
        off += RTA_ALIGN(a->rta_len);
    }
    return NULL;
}

static void
test_neigh_build(void **state)
{
    (void)state;
    uint8_t b[128];
    size_t n = kmsg_neigh(b, sizeof b, RTM_NEWNEIGH, 9, 7, 0x0a010102, 0xc0000212, NUD_REACHABLE);
    assert_int_equal(n, NLMSG_HDRLEN + NLMSG_ALIGN(sizeof(struct ndmsg)) + 2 * RTA_LENGTH(4));
    const struct nlmsghdr *h = (const struct nlmsghdr *)b;
    assert_int_equal(h->nlmsg_len, n);
    assert_int_equal(h->nlmsg_type, RTM_NEWNEIGH);
    assert_int_equal(h->nlmsg_flags, NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_REPLACE);
    assert_int_equal(h->nlmsg_seq, 9);
    const struct ndmsg *nd = NLMSG_DATA(h);
    assert_int_equal(nd->ndm_family, AF_INET);
    assert_int_equal(nd->ndm_ifindex, 7);
    assert_int_equal(nd->ndm_state, NUD_REACHABLE);
    const uint8_t *attrs = b + NLMSG_HDRLEN + NLMSG_ALIGN(sizeof *nd);
    size_t alen = n - (size_t)(attrs - b);
    const struct rtattr *dst = find_attr(attrs, alen, NDA_DST);
    const struct rtattr *ll = find_attr(attrs, alen, NDA_LLADDR);
    assert_non_null(dst);
    assert_non_null(ll);
    assert_memory_equal(RTA_DATA(dst), "\x0a\x01\x01\x02", 4);
    assert_memory_equal(RTA_DATA(ll), "\xc0\x00\x02\x12", 4);
    /* A delete has no lladdr and no create/replace flags. */
    n = kmsg_neigh(b, sizeof b, RTM_DELNEIGH, 1, 7, 0x0a010102, 0, 0);
    assert_int_equal(h->nlmsg_flags, NLM_F_REQUEST | NLM_F_ACK);
    assert_null(find_attr(b + NLMSG_HDRLEN + NLMSG_ALIGN(sizeof *nd),
                          n - NLMSG_HDRLEN - NLMSG_ALIGN(sizeof *nd), NDA_LLADDR));
    /* Too small a buffer: nothing, never a partial message. */
    for (size_t cap = 0; cap < 40; cap++)
        assert_int_equal(kmsg_neigh(b, cap, RTM_NEWNEIGH, 1, 7, 1, 2, NUD_NOARP), 0);
}

/* An IPv6 neighbour of the gre device: AF_INET6, a 16-byte destination,
 * still the 4-byte IPv4 NBMA as link address. */
static void
test_neigh6_build(void **state)
{
    (void)state;
    static const uint8_t dst[16] = {0x20, 0x01, 0x0d, 0xb8, [15] = 2};
    uint8_t b[128];
    size_t n = kmsg_neigh6(b, sizeof b, RTM_NEWNEIGH, 4, 7, dst, 0xc0000212, NUD_NOARP);
    assert_int_equal(n, NLMSG_HDRLEN + NLMSG_ALIGN(sizeof(struct ndmsg)) + RTA_LENGTH(16) +
                            RTA_LENGTH(4));
    const struct nlmsghdr *h = (const struct nlmsghdr *)b;
    assert_int_equal(h->nlmsg_len, n);
    assert_int_equal(h->nlmsg_flags, NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_REPLACE);
    const struct ndmsg *nd = NLMSG_DATA(h);
    assert_int_equal(nd->ndm_family, AF_INET6);
    assert_int_equal(nd->ndm_ifindex, 7);
    assert_int_equal(nd->ndm_state, NUD_NOARP);
    const uint8_t *attrs = b + NLMSG_HDRLEN + NLMSG_ALIGN(sizeof *nd);
    size_t alen = n - (size_t)(attrs - b);
    const struct rtattr *d = find_attr(attrs, alen, NDA_DST);
    const struct rtattr *ll = find_attr(attrs, alen, NDA_LLADDR);
    assert_non_null(d);
    assert_int_equal(RTA_PAYLOAD(d), 16);
    assert_memory_equal(RTA_DATA(d), dst, 16);
    assert_non_null(ll);
    assert_memory_equal(RTA_DATA(ll), "\xc0\x00\x02\x12", 4);
    n = kmsg_neigh6(b, sizeof b, RTM_DELNEIGH, 1, 7, dst, 0, 0);
    assert_int_equal(h->nlmsg_flags, NLM_F_REQUEST | NLM_F_ACK);
    assert_null(find_attr(b + NLMSG_HDRLEN + NLMSG_ALIGN(sizeof *nd),
                          n - NLMSG_HDRLEN - NLMSG_ALIGN(sizeof *nd), NDA_LLADDR));
    /* too small a buffer: nothing, never a partial message */
    size_t full = kmsg_neigh6(b, sizeof b, RTM_NEWNEIGH, 1, 7, dst, 2, NUD_NOARP);
    for (size_t cap = 0; cap < full; cap++)
        assert_int_equal(kmsg_neigh6(b, cap, RTM_NEWNEIGH, 1, 7, dst, 2, NUD_NOARP), 0);
}

static void
test_neightbl_build(void **state)
{
    (void)state;
    uint8_t b[256];
    struct kmsg_arp_parms p = {
        .app_probes = 3, .retrans_ms = 1000, .reachable_ms = 15000, .delay_ms = 1000};
    size_t n = kmsg_neightbl(b, sizeof b, 5, 11, &p);
    assert_true(n > 0);
    const struct nlmsghdr *h = (const struct nlmsghdr *)b;
    assert_int_equal(h->nlmsg_type, RTM_SETNEIGHTBL);
    const uint8_t *attrs = b + NLMSG_HDRLEN + NLMSG_ALIGN(sizeof(struct ndtmsg));
    size_t alen = n - (size_t)(attrs - b);
    const struct rtattr *name = find_attr(attrs, alen, NDTA_NAME);
    assert_non_null(name);
    assert_string_equal((const char *)RTA_DATA(name), "arp_cache");
    const struct rtattr *parms = find_attr(attrs, alen, NDTA_PARMS);
    assert_non_null(parms);
    assert_true(parms->rta_type & NLA_F_NESTED);
    const uint8_t *in = (const uint8_t *)RTA_DATA(parms);
    size_t inlen = RTA_PAYLOAD(parms);
    uint32_t v;
    uint64_t w;
    memcpy(&v, RTA_DATA(find_attr(in, inlen, NDTPA_IFINDEX)), 4);
    assert_int_equal(v, 11);
    memcpy(&v, RTA_DATA(find_attr(in, inlen, NDTPA_APP_PROBES)), 4);
    assert_int_equal(v, 3);
    memcpy(&v, RTA_DATA(find_attr(in, inlen, NDTPA_UCAST_PROBES)), 4);
    assert_int_equal(v, 0);
    memcpy(&v, RTA_DATA(find_attr(in, inlen, NDTPA_MCAST_PROBES)), 4);
    assert_int_equal(v, 0);
    memcpy(&w, RTA_DATA(find_attr(in, inlen, NDTPA_BASE_REACHABLE_TIME)), 8);
    assert_int_equal(w, 15000);
    memcpy(&w, RTA_DATA(find_attr(in, inlen, NDTPA_RETRANS_TIME)), 8);
    assert_int_equal(w, 1000);
}

static void
test_nflog_build(void **state)
{
    (void)state;
    uint8_t b[128];
    size_t n = kmsg_nflog_cmd(b, sizeof b, 3, 2332, NFULNL_CFG_CMD_BIND);
    const struct nlmsghdr *h = (const struct nlmsghdr *)b;
    assert_int_equal(h->nlmsg_type, (NFNL_SUBSYS_ULOG << 8) | NFULNL_MSG_CONFIG);
    const struct nfgenmsg *g = NLMSG_DATA(h);
    assert_int_equal(ntohs(g->res_id), 2332);
    const uint8_t *attrs = b + NLMSG_HDRLEN + NLMSG_ALIGN(sizeof *g);
    const struct rtattr *cmd = find_attr(attrs, n - (size_t)(attrs - b), NFULA_CFG_CMD);
    assert_non_null(cmd);
    assert_int_equal(*(const uint8_t *)RTA_DATA(cmd), NFULNL_CFG_CMD_BIND);
    n = kmsg_nflog_mode(b, sizeof b, 4, 2332, 0xffff, 1);
    const struct rtattr *mode = find_attr(attrs, n - (size_t)(attrs - b), NFULA_CFG_MODE);
    const struct rtattr *qt = find_attr(attrs, n - (size_t)(attrs - b), NFULA_CFG_QTHRESH);
    assert_non_null(mode);
    assert_non_null(qt);
    const struct nfulnl_msg_config_mode *m = RTA_DATA(mode);
    assert_int_equal(ntohl(m->copy_range), 0xffff);
    assert_int_equal(m->copy_mode, NFULNL_COPY_PACKET);
    uint32_t q;
    memcpy(&q, RTA_DATA(qt), 4);
    assert_int_equal(ntohl(q), 1);
}

/* A kernel-style message: header, fixed part, then attributes. */
struct kb {
    uint8_t b[512];
    size_t n;
};

static void
kb_start(struct kb *k, uint16_t type, const void *fixed, size_t flen)
{
    memset(k, 0, sizeof *k);
    struct nlmsghdr *h = (struct nlmsghdr *)k->b;
    h->nlmsg_type = type;
    memcpy(k->b + NLMSG_HDRLEN, fixed, flen);
    k->n = NLMSG_HDRLEN + NLMSG_ALIGN(flen);
}

static void
kb_attr(struct kb *k, uint16_t type, const void *d, size_t len)
{
    struct rtattr *a = (struct rtattr *)(k->b + k->n);
    a->rta_type = type;
    a->rta_len = (unsigned short)RTA_LENGTH(len);
    memcpy(RTA_DATA(a), d, len);
    k->n += RTA_ALIGN(a->rta_len);
    ((struct nlmsghdr *)k->b)->nlmsg_len = (uint32_t)k->n;
}

static void
test_neigh_parse(void **state)
{
    (void)state;
    struct kb k;
    struct ndmsg nd = {.ndm_family = AF_INET, .ndm_ifindex = 4, .ndm_state = NUD_INCOMPLETE};
    kb_start(&k, RTM_GETNEIGH, &nd, sizeof nd);
    kb_attr(&k, NDA_DST, "\x0a\x01\x01\x03", 4);
    struct kmsg_neigh_ev ev;
    assert_int_equal(kmsg_parse_neigh(k.b, k.n, &ev), 0);
    assert_int_equal(ev.type, RTM_GETNEIGH);
    assert_int_equal(ev.ifindex, 4);
    assert_int_equal(ev.dst, 0x0a010103);
    assert_int_equal(ev.state, NUD_INCOMPLETE);
    assert_false(ev.has_lladdr);
    kb_attr(&k, NDA_LLADDR, "\xc0\x00\x02\x0d", 4);
    assert_int_equal(kmsg_parse_neigh(k.b, k.n, &ev), 0);
    assert_true(ev.has_lladdr);
    assert_int_equal(ev.lladdr, 0xc000020d);
    /* Every truncation is refused. */
    for (size_t cut = 0; cut < k.n; cut++) {
        ((struct nlmsghdr *)k.b)->nlmsg_len = (uint32_t)cut;
        assert_int_equal(kmsg_parse_neigh(k.b, k.n, &ev) == 0 && cut < NLMSG_HDRLEN + 20, false);
    }
    /* No NDA_DST, IPv6, other message types, a lying attribute length. */
    kb_start(&k, RTM_NEWNEIGH, &nd, sizeof nd);
    assert_int_equal(kmsg_parse_neigh(k.b, k.n, &ev), -1);
    nd.ndm_family = AF_INET6;
    kb_start(&k, RTM_NEWNEIGH, &nd, sizeof nd);
    kb_attr(&k, NDA_DST, "\x0a\x01\x01\x03", 4);
    assert_int_equal(kmsg_parse_neigh(k.b, k.n, &ev), -1);
    nd.ndm_family = AF_INET;
    kb_start(&k, RTM_NEWROUTE, &nd, sizeof nd);
    kb_attr(&k, NDA_DST, "\x0a\x01\x01\x03", 4);
    assert_int_equal(kmsg_parse_neigh(k.b, k.n, &ev), -1);
    kb_start(&k, RTM_NEWNEIGH, &nd, sizeof nd);
    kb_attr(&k, NDA_DST, "\x0a\x01\x01\x03", 4);
    ((struct rtattr *)(k.b + NLMSG_HDRLEN + NLMSG_ALIGN(sizeof nd)))->rta_len = 200;
    assert_int_equal(kmsg_parse_neigh(k.b, k.n, &ev), -1);
}

static void
test_nflog_parse(void **state)
{
    (void)state;
    struct kb k;
    struct nfgenmsg g = {.nfgen_family = AF_INET, .res_id = htons(2332)};
    kb_start(&k, (NFNL_SUBSYS_ULOG << 8) | NFULNL_MSG_PACKET, &g, sizeof g);
    struct nfulnl_msg_packet_hdr ph = {.hw_protocol = htons(0x0800), .hook = 2};
    kb_attr(&k, NFULA_PACKET_HDR, &ph, sizeof ph);
    kb_attr(&k, NFULA_PREFIX, "dmvpn-hp", 9);
    uint32_t in = htonl(6), out = htonl(6);
    kb_attr(&k, NFULA_IFINDEX_INDEV, &in, 4);
    kb_attr(&k, NFULA_IFINDEX_OUTDEV, &out, 4);
    struct nfulnl_msg_packet_hw hw = {.hw_addrlen = htons(4)};
    memcpy(hw.hw_addr, "\xc0\x00\x02\x0c", 4);
    kb_attr(&k, NFULA_HWADDR, &hw, sizeof hw);
    uint8_t ip[28] = {0x45, 0, 0, 28};
    memcpy(ip + 12, "\xc0\xa8\x02\x01\xc0\xa8\x03\x01", 8);
    kb_attr(&k, NFULA_PAYLOAD, ip, sizeof ip);
    struct kmsg_nflog ev;
    assert_int_equal(kmsg_parse_nflog(k.b, k.n, &ev), 0);
    assert_int_equal(ev.group, 2332);
    assert_string_equal(ev.prefix, "dmvpn-hp");
    assert_int_equal(ev.indev, 6);
    assert_int_equal(ev.outdev, 6);
    assert_true(ev.has_hwaddr);
    assert_int_equal(ev.hwaddr, 0xc000020c);
    assert_int_equal(ev.len, sizeof ip);
    assert_memory_equal(ev.payload, ip, sizeof ip);
    /* Framing: two messages back to back, then garbage. */
    uint8_t two[1200];
    memcpy(two, k.b, k.n);
    memcpy(two + k.n, k.b, k.n);
    size_t off = 0, ml, cnt = 0;
    const uint8_t *m;
    while ((m = kmsg_next(two, 2 * k.n, &off, &ml)))
        cnt += kmsg_parse_nflog(m, ml, &ev) == 0;
    assert_int_equal(cnt, 2);
    /* Without payload, truncated, wrong type: refused. */
    for (size_t cut = 0; cut + 4 < k.n; cut++) {
        struct kb t = k;
        ((struct nlmsghdr *)t.b)->nlmsg_len = (uint32_t)cut;
        assert_int_equal(kmsg_parse_nflog(t.b, cut, &ev) == 0 && cut < NLMSG_HDRLEN + 4, false);
    }
    kb_start(&k, (NFNL_SUBSYS_ULOG << 8) | NFULNL_MSG_PACKET, &g, sizeof g);
    kb_attr(&k, NFULA_PREFIX, "dmvpn-mc", 9);
    assert_int_equal(kmsg_parse_nflog(k.b, k.n, &ev), -1);
    kb_start(&k, (NFNL_SUBSYS_ULOG << 8) | NFULNL_MSG_CONFIG, &g, sizeof g);
    kb_attr(&k, NFULA_PAYLOAD, ip, sizeof ip);
    assert_int_equal(kmsg_parse_nflog(k.b, k.n, &ev), -1);
}

static void
test_error_and_random(void **state)
{
    (void)state;
    uint8_t b[64] = {0};
    struct nlmsghdr *h = (struct nlmsghdr *)b;
    h->nlmsg_len = NLMSG_HDRLEN + sizeof(struct nlmsgerr);
    h->nlmsg_type = NLMSG_ERROR;
    h->nlmsg_seq = 77;
    int e = -17;
    memcpy(b + NLMSG_HDRLEN, &e, sizeof e);
    uint32_t seq;
    assert_int_equal(kmsg_error(b, h->nlmsg_len, &seq), -17);
    assert_int_equal(seq, 77);
    e = 0;
    memcpy(b + NLMSG_HDRLEN, &e, sizeof e);
    assert_int_equal(kmsg_error(b, h->nlmsg_len, &seq), 0);
    h->nlmsg_type = RTM_NEWNEIGH;
    assert_int_equal(kmsg_error(b, h->nlmsg_len, &seq), 1);
    /* Random bytes: the walkers never read past the buffer (ASan) and
     * parse only what is well formed. */
    srand(2332);
    for (int i = 0; i < 20000; i++) {
        uint8_t r[96];
        size_t len = (size_t)(rand() % (int)sizeof r);
        for (size_t j = 0; j < len; j++)
            r[j] = (uint8_t)rand();
        if (len >= 8 && i % 2) { /* plausible headers, lying lengths */
            uint32_t l = (uint32_t)(rand() % 120);
            memcpy(r, &l, 4);
            uint16_t t = i % 4 ? RTM_GETNEIGH : (NFNL_SUBSYS_ULOG << 8) | NFULNL_MSG_PACKET;
            memcpy(r + 4, &t, 2);
        }
        size_t off = 0, ml;
        const uint8_t *m;
        while ((m = kmsg_next(r, len, &off, &ml))) {
            struct kmsg_neigh_ev ne;
            struct kmsg_nflog nf;
            assert_true(ml <= len);
            if (kmsg_parse_nflog(m, ml, &nf) == 0)
                assert_true(nf.payload >= m && nf.payload + nf.len <= m + ml);
            kmsg_parse_neigh(m, ml, &ne);
        }
    }
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_neigh_build),      cmocka_unit_test(test_neigh6_build),
        cmocka_unit_test(test_neightbl_build),   cmocka_unit_test(test_nflog_build),
        cmocka_unit_test(test_neigh_parse),      cmocka_unit_test(test_nflog_parse),
        cmocka_unit_test(test_error_and_random),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
