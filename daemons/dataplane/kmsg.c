/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Netlink message building and parsing for the kernel backend (kmsg.h):
 * pure functions over byte buffers. Layouts are the kernel's UAPI
 * (linux/rtnetlink.h, linux/neighbour.h, linux/netfilter/nfnetlink_log.h);
 * multi-byte netfilter attributes are big-endian, rtnetlink ones are host
 * order.
 */
#include "daemons/dataplane/kmsg.h"

#include <arpa/inet.h>
#include <errno.h>
#include <linux/neighbour.h>
#include <linux/netfilter/nfnetlink.h>
#include <linux/netfilter/nfnetlink_log.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <string.h>
#include <sys/socket.h>

#define ALIGN4(x) (((x) + 3u) & ~(size_t)3u)

/* A message under construction: appends fail softly (ok = false) when buf
 * is too small, so builders check once at the end. */
struct mb {
    uint8_t *buf;
    size_t cap, len;
    bool ok;
};

static void *
mb_put(struct mb *b, size_t n)
{
    size_t at = b->len, need = ALIGN4(n);
    if (!b->ok || need > b->cap - at) {
        b->ok = false;
        return NULL;
    }
    memset(b->buf + at, 0, need);
    b->len += need;
    return b->buf + at;
}

static void
mb_attr(struct mb *b, uint16_t type, const void *data, size_t n)
{
    struct rtattr *a = mb_put(b, RTA_LENGTH(n));
    if (!a)
        return;
    a->rta_type = type;
    a->rta_len = (unsigned short)RTA_LENGTH(n);
    if (n)
        memcpy(RTA_DATA(a), data, n);
}

static void
mb_u32(struct mb *b, uint16_t type, uint32_t v)
{
    mb_attr(b, type, &v, sizeof v);
}

static void
mb_be32(struct mb *b, uint16_t type, uint32_t v)
{
    uint32_t n = htonl(v);
    mb_attr(b, type, &n, sizeof n);
}

static struct nlmsghdr *
mb_start(struct mb *b, uint8_t *buf, size_t cap, uint16_t type, uint16_t flags, uint32_t seq)
{
    *b = (struct mb){.buf = buf, .cap = cap, .ok = true};
    struct nlmsghdr *h = mb_put(b, NLMSG_HDRLEN);
    if (!h)
        return NULL;
    h->nlmsg_type = type;
    h->nlmsg_flags = flags;
    h->nlmsg_seq = seq;
    return h;
}

static size_t
mb_end(struct mb *b)
{
    if (!b->ok)
        return 0;
    ((struct nlmsghdr *)b->buf)->nlmsg_len = (uint32_t)b->len;
    return b->len;
}

size_t
kmsg_neigh(uint8_t *buf, size_t n, uint16_t type, uint32_t seq, int ifindex, uint32_t dst,
           uint32_t lladdr, uint16_t state)
{
    struct mb b;
    uint16_t flags = NLM_F_REQUEST | NLM_F_ACK;
    if (type == RTM_NEWNEIGH)
        flags |= NLM_F_CREATE | NLM_F_REPLACE;
    if (!mb_start(&b, buf, n, type, flags, seq))
        return 0;
    struct ndmsg *nd = mb_put(&b, sizeof *nd);
    if (nd) {
        nd->ndm_family = AF_INET;
        nd->ndm_ifindex = ifindex;
        nd->ndm_state = state;
        nd->ndm_type = RTN_UNICAST;
    }
    uint32_t d = htonl(dst), l = htonl(lladdr);
    mb_attr(&b, NDA_DST, &d, 4);
    if (lladdr)
        mb_attr(&b, NDA_LLADDR, &l, 4);
    return mb_end(&b);
}

size_t
kmsg_neigh6(uint8_t *buf, size_t n, uint16_t type, uint32_t seq, int ifindex, const uint8_t dst[16],
            uint32_t lladdr, uint16_t state)
{
    struct mb b;
    uint16_t flags = NLM_F_REQUEST | NLM_F_ACK;
    if (type == RTM_NEWNEIGH)
        flags |= NLM_F_CREATE | NLM_F_REPLACE;
    if (!mb_start(&b, buf, n, type, flags, seq))
        return 0;
    struct ndmsg *nd = mb_put(&b, sizeof *nd);
    if (nd) {
        nd->ndm_family = AF_INET6;
        nd->ndm_ifindex = ifindex;
        nd->ndm_state = state;
        nd->ndm_type = RTN_UNICAST;
    }
    uint32_t l = htonl(lladdr);
    mb_attr(&b, NDA_DST, dst, 16);
    if (lladdr)
        mb_attr(&b, NDA_LLADDR, &l, 4);
    return mb_end(&b);
}

size_t
kmsg_neightbl(uint8_t *buf, size_t n, uint32_t seq, int ifindex, const struct kmsg_arp_parms *p)
{
    struct mb b;
    if (!mb_start(&b, buf, n, RTM_SETNEIGHTBL, NLM_F_REQUEST | NLM_F_ACK, seq))
        return 0;
    struct ndtmsg *t = mb_put(&b, sizeof *t);
    if (t)
        t->ndtm_family = AF_INET;
    mb_attr(&b, NDTA_NAME, "arp_cache", sizeof "arp_cache");
    size_t at = b.len;
    struct rtattr *nest = mb_put(&b, RTA_LENGTH(0));
    mb_u32(&b, NDTPA_IFINDEX, (uint32_t)ifindex);
    mb_u32(&b, NDTPA_APP_PROBES, p->app_probes);
    mb_u32(&b, NDTPA_UCAST_PROBES, p->ucast_probes);
    mb_u32(&b, NDTPA_MCAST_PROBES, p->mcast_probes);
    mb_attr(&b, NDTPA_RETRANS_TIME, &p->retrans_ms, sizeof p->retrans_ms);
    mb_attr(&b, NDTPA_BASE_REACHABLE_TIME, &p->reachable_ms, sizeof p->reachable_ms);
    mb_attr(&b, NDTPA_DELAY_PROBE_TIME, &p->delay_ms, sizeof p->delay_ms);
    if (nest && b.ok) {
        nest = (struct rtattr *)(b.buf + at);
        nest->rta_type = NDTA_PARMS | NLA_F_NESTED;
        nest->rta_len = (unsigned short)(b.len - at);
    }
    return mb_end(&b);
}

static struct nlmsghdr *
nflog_start(struct mb *b, uint8_t *buf, size_t n, uint32_t seq, uint16_t group)
{
    struct nlmsghdr *h = mb_start(b, buf, n, (NFNL_SUBSYS_ULOG << 8) | NFULNL_MSG_CONFIG,
                                  NLM_F_REQUEST | NLM_F_ACK, seq);
    struct nfgenmsg *g = mb_put(b, sizeof *g);
    if (g) {
        g->nfgen_family = AF_UNSPEC;
        g->version = NFNETLINK_V0;
        g->res_id = htons(group);
    }
    return h;
}

size_t
kmsg_nflog_cmd(uint8_t *buf, size_t n, uint32_t seq, uint16_t group, uint8_t cmd)
{
    struct mb b;
    nflog_start(&b, buf, n, seq, group);
    struct nfulnl_msg_config_cmd c = {.command = cmd};
    mb_attr(&b, NFULA_CFG_CMD, &c, sizeof c);
    return mb_end(&b);
}

size_t
kmsg_nflog_mode(uint8_t *buf, size_t n, uint32_t seq, uint16_t group, uint32_t range,
                uint32_t qthresh)
{
    struct mb b;
    nflog_start(&b, buf, n, seq, group);
    struct nfulnl_msg_config_mode m = {.copy_range = htonl(range), .copy_mode = NFULNL_COPY_PACKET};
    mb_attr(&b, NFULA_CFG_MODE, &m, sizeof m);
    mb_be32(&b, NFULA_CFG_QTHRESH, qthresh);
    mb_be32(&b, NFULA_CFG_TIMEOUT, 0);
    return mb_end(&b);
}

/* ---- parsing ---- */

const uint8_t *
kmsg_next(const uint8_t *buf, size_t len, size_t *off, size_t *msglen)
{
    if (*off >= len || len - *off < NLMSG_HDRLEN)
        return NULL;
    const uint8_t *p = buf + *off;
    struct nlmsghdr h;
    memcpy(&h, p, sizeof h);
    if (h.nlmsg_len < NLMSG_HDRLEN || h.nlmsg_len > len - *off)
        return NULL;
    *msglen = h.nlmsg_len;
    size_t step = ALIGN4(h.nlmsg_len);
    *off = step > len - *off ? len : *off + step;
    return p;
}

int
kmsg_error(const uint8_t *msg, size_t len, uint32_t *seq)
{
    struct nlmsghdr h;
    if (len < NLMSG_HDRLEN)
        return 1;
    memcpy(&h, msg, sizeof h);
    if (seq)
        *seq = h.nlmsg_seq;
    if (h.nlmsg_type != NLMSG_ERROR)
        return 1;
    if (len < NLMSG_HDRLEN + sizeof(int))
        return -EPROTO;
    int e;
    memcpy(&e, msg + NLMSG_HDRLEN, sizeof e);
    return e > 0 ? -e : e;
}

/* Attribute walk over [p, p + len): calls fn for each well-formed one;
 * false when the attributes are malformed. */
static bool
attrs(const uint8_t *p, size_t len,
      void (*fn)(void *arg, uint16_t type, const uint8_t *d, size_t n), void *arg)
{
    size_t off = 0;
    while (off + sizeof(struct rtattr) <= len) {
        struct rtattr a;
        memcpy(&a, p + off, sizeof a);
        if (a.rta_len < sizeof a || a.rta_len > len - off)
            return false;
        fn(arg, a.rta_type & NLA_TYPE_MASK, p + off + RTA_LENGTH(0), a.rta_len - RTA_LENGTH(0));
        off += ALIGN4(a.rta_len);
    }
    return true;
}

static void
neigh_attr(void *arg, uint16_t type, const uint8_t *d, size_t n)
{
    struct kmsg_neigh_ev *ev = arg;
    uint32_t v;
    if (n != 4)
        return;
    memcpy(&v, d, 4);
    if (type == NDA_DST)
        ev->dst = ntohl(v);
    else if (type == NDA_LLADDR) {
        ev->has_lladdr = true;
        ev->lladdr = ntohl(v);
    }
}

int
kmsg_parse_neigh(const uint8_t *msg, size_t len, struct kmsg_neigh_ev *ev)
{
    struct nlmsghdr h;
    struct ndmsg nd;
    memset(ev, 0, sizeof *ev);
    if (len < NLMSG_HDRLEN + sizeof nd)
        return -1;
    memcpy(&h, msg, sizeof h);
    if (h.nlmsg_type != RTM_NEWNEIGH && h.nlmsg_type != RTM_DELNEIGH &&
        h.nlmsg_type != RTM_GETNEIGH)
        return -1;
    if (h.nlmsg_len > len || h.nlmsg_len < NLMSG_HDRLEN + sizeof nd)
        return -1;
    memcpy(&nd, msg + NLMSG_HDRLEN, sizeof nd);
    if (nd.ndm_family != AF_INET)
        return -1;
    ev->type = h.nlmsg_type;
    ev->ifindex = nd.ndm_ifindex;
    ev->state = nd.ndm_state;
    ev->flags = nd.ndm_flags;
    size_t at = NLMSG_HDRLEN + NLMSG_ALIGN(sizeof nd);
    if (at > h.nlmsg_len)
        return -1;
    /* NDA_DST is required: find it explicitly so a message without one is
     * refused rather than read as 0.0.0.0. */
    bool has_dst = false;
    size_t off = at;
    while (off + sizeof(struct rtattr) <= h.nlmsg_len) {
        struct rtattr a;
        memcpy(&a, msg + off, sizeof a);
        if (a.rta_len < sizeof a || a.rta_len > h.nlmsg_len - off)
            return -1;
        if ((a.rta_type & NLA_TYPE_MASK) == NDA_DST && a.rta_len == RTA_LENGTH(4))
            has_dst = true;
        off += ALIGN4(a.rta_len);
    }
    if (!has_dst || !attrs(msg + at, h.nlmsg_len - at, neigh_attr, ev))
        return -1;
    return 0;
}

static void
nflog_attr(void *arg, uint16_t type, const uint8_t *d, size_t n)
{
    struct kmsg_nflog *ev = arg;
    uint32_t v;
    switch (type) {
    case NFULA_PREFIX: {
        size_t k = strnlen((const char *)d, n);
        if (k >= sizeof ev->prefix)
            k = sizeof ev->prefix - 1;
        memcpy(ev->prefix, d, k);
        ev->prefix[k] = 0;
        break;
    }
    case NFULA_IFINDEX_INDEV:
        if (n == 4) {
            memcpy(&v, d, 4);
            ev->indev = ntohl(v);
        }
        break;
    case NFULA_IFINDEX_OUTDEV:
        if (n == 4) {
            memcpy(&v, d, 4);
            ev->outdev = ntohl(v);
        }
        break;
    case NFULA_HWADDR: {
        struct nfulnl_msg_packet_hw hw;
        if (n >= sizeof hw) {
            memcpy(&hw, d, sizeof hw);
            if (ntohs(hw.hw_addrlen) == 4) {
                memcpy(&v, hw.hw_addr, 4);
                ev->has_hwaddr = true;
                ev->hwaddr = ntohl(v);
            }
        }
        break;
    }
    case NFULA_PAYLOAD:
        ev->payload = d;
        ev->len = n;
        break;
    default:
        break;
    }
}

int
kmsg_parse_nflog(const uint8_t *msg, size_t len, struct kmsg_nflog *ev)
{
    struct nlmsghdr h;
    struct nfgenmsg g;
    memset(ev, 0, sizeof *ev);
    if (len < NLMSG_HDRLEN + sizeof g)
        return -1;
    memcpy(&h, msg, sizeof h);
    if (h.nlmsg_type != ((NFNL_SUBSYS_ULOG << 8) | NFULNL_MSG_PACKET) || h.nlmsg_len > len ||
        h.nlmsg_len < NLMSG_HDRLEN + sizeof g)
        return -1;
    memcpy(&g, msg + NLMSG_HDRLEN, sizeof g);
    ev->group = ntohs(g.res_id);
    size_t at = NLMSG_HDRLEN + NLMSG_ALIGN(sizeof g);
    if (at > h.nlmsg_len || !attrs(msg + at, h.nlmsg_len - at, nflog_attr, ev))
        return -1;
    return ev->payload ? 0 : -1;
}
