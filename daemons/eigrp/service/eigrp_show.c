/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The EIGRP shows from our engine: each process's snapshot
 * (eigrp_proc_snap_*) becomes the records the CLI renders
 * (lib/rec_routing.h, rec_routing2.h, rec_eigrp.h). The records carry the
 * title fields IOS prints per AS: named mode's instance name gives the
 * "VR(NAME) Address-Family" titles; only the default VRF runs for now.
 * An AS without neighbours or interfaces still gets its title, as on IOS,
 * from a record that stands for it (address or interface name empty).
 */
#include "daemons/eigrp/service/eigrp_show.h"
#include "daemons/eigrp/eigrp_proc.h"
#include "lib/rec_eigrp.h"
#include "lib/rec_routing.h"
#include "lib/rec_routing2.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const uint32_t eigrp_show_kinds[] = {REC_EIGRP_NEIGHBOR, REC_EIGRP_TOPO, REC_EIGRP_IFACE,
                                     REC_EIGRP_TRAFFIC, 0};

/* IOS names longer than a record's field are cut, as the records say */
static void
cut(char *dst, size_t size, const char *src)
{
    size_t n = strnlen(src, size - 1);

    memcpy(dst, src, n);
    dst[n] = '\0';
}

static const char *
instance(const struct eigrp_proc *p)
{
    const struct eigrp_conf *c = eigrp_proc_conf(p);
    return c->named ? c->name : "";
}

static long
neighbors(const struct eigrp_proc *p, struct strbuf *out)
{
    struct eigrp_proc_snap_nbr *v = NULL;
    size_t n = eigrp_proc_snap_nbrs(p, &v);
    struct rec_eigrp_neighbor r;

    memset(&r, 0, sizeof(r));
    r.as = eigrp_proc_conf(p)->asn;
    cut(r.instance, sizeof(r.instance), instance(p));
    if (!n)
        sb_append(out, &r, sizeof(r)); /* the title alone */
    for (size_t i = 0; i < n; i++) {
        r.handle = v[i].handle;
        r.addr = v[i].addr;
        r.srtt_ms = v[i].srtt_ms;
        r.rto_ms = v[i].rto_ms;
        r.q_count = v[i].q_cnt;
        r.seq = v[i].seq;
        cut(r.ifname, sizeof(r.ifname), v[i].ifname);
        r.hold_ms = v[i].hold_ms;
        r.since_ms = v[i].since_ms;
        memcpy(r.version, v[i].version, sizeof(r.version));
        r.retrans = v[i].retrans;
        r.retries = v[i].retries;
        r.prefixes = v[i].prefixes;
        /* the wire's stub bits are IOS's words in the same order */
        r.stub = v[i].stub ? (uint16_t)(REC_EIGRP_STUB | (v[i].stub & 0x3f)) : 0;
        sb_append(out, &r, sizeof(r));
    }
    free(v);
    return n ? (long)n : 1;
}

static uint32_t
clamp32(uint64_t v)
{
    /* wide metrics (named mode) may pass 2^32; the record has 32 bits */
    return v > UINT32_MAX ? UINT32_MAX : (uint32_t)v;
}

static long
topology(const struct eigrp_proc *p, bool all_links, struct strbuf *out)
{
    struct eigrp_proc_snap_path *v = NULL;
    size_t n = eigrp_proc_snap_topo(p, all_links, &v);
    uint32_t rid = eigrp_proc_router_id(p);

    for (size_t i = 0; i < n; i++) {
        const struct eigrp_proc_snap_path *s = &v[i];
        struct rec_eigrp_topo r;
        static const char *const words[] = {
            [EIGRP_VIA_CONNECTED] = "Connected",
            [EIGRP_VIA_REDIST] = "Redistributed",
            [EIGRP_VIA_SUMMARY] = "Summary",
        };

        memset(&r, 0, sizeof(r));
        r.as = eigrp_proc_conf(p)->asn;
        r.router_id = rid;
        cut(r.instance, sizeof(r.instance), instance(p));
        r.prefix = s->prefix;
        r.len = s->plen;
        r.state = s->state;
        r.successors = s->nsucc;
        r.fd = clamp32(s->fd);
        r.tag = s->tag;
        r.nexthop = s->nexthop;
        r.metric = clamp32(s->distance);
        r.rd = clamp32(s->reported);
        if (s->fd_inf)
            r.flags |= REC_EIGRPT_FD_INACCESSIBLE;
        if (s->tag)
            r.flags |= REC_EIGRPT_TAG;
        if (s->via == EIGRP_VIA_NONE)
            r.flags |= REC_EIGRPT_NOPATH;
        else if (s->via != EIGRP_VIA_CONNECTED)
            r.flags |= REC_EIGRPT_METRICS;
        if (s->via != EIGRP_VIA_NBR && s->via != EIGRP_VIA_NONE)
            cut(r.via, sizeof(r.via), words[s->via]);
        cut(r.ifname, sizeof(r.ifname), s->ifname);
        if (s->via != EIGRP_VIA_NONE) {
            r.flags |= REC_EIGRPT_VECTOR;
            r.bw_kbps = clamp32(s->vec.bw_kbps);
            r.mtu = s->vec.mtu;
            r.delay_ps = s->vec.delay_ps;
            r.reliability = s->vec.reliability;
            r.load = s->vec.load;
            r.hops = s->vec.hops;
            r.orig_router = s->orig_router;
        }
        if (eigrp_proc_conf(p)->named)
            r.flags |= REC_EIGRPT_WIDE;
        if (s->external) {
            r.flags |= REC_EIGRPT_EXTERNAL;
            r.orig_as = s->orig_as;
            r.ext_metric = s->ext_metric;
            r.ext_proto = s->ext_proto;
        }
        sb_append(out, &r, sizeof(r));
    }
    free(v);
    return (long)n;
}

static long
interfaces(const struct eigrp_proc *p, struct strbuf *out)
{
    struct eigrp_proc_snap_if *v = NULL;
    size_t n = eigrp_proc_snap_ifs(p, &v);
    struct rec_eigrp_iface r;

    memset(&r, 0, sizeof(r));
    r.as = eigrp_proc_conf(p)->asn;
    cut(r.instance, sizeof(r.instance), instance(p));
    if (!n)
        sb_append(out, &r, sizeof(r));
    for (size_t i = 0; i < n; i++) {
        const struct eigrp_proc_snap_if *s = &v[i];

        cut(r.ifname, sizeof(r.ifname), s->ifname);
        r.peers = s->peers;
        r.peerq_rel = s->peerq_rel;
        r.mean_srtt_ms = s->mean_srtt_ms;
        r.hello_s = s->hello_s;
        r.hold_s = s->hold_s;
        r.split_horizon = s->split_horizon;
        r.auth = s->auth == EIGRP_AUTH_TYPE_MD5      ? REC_EIGRP_AUTH_MD5
                 : s->auth == EIGRP_AUTH_TYPE_SHA256 ? REC_EIGRP_AUTH_SHA256
                                                     : REC_EIGRP_AUTH_NONE;
        snprintf(r.key_chain, sizeof(r.key_chain), "%s", s->key_chain);
        r.pkt_sent = s->cnt.reliable;
        r.hello_sent = s->cnt.hellos;
        r.mcast_unrel = s->cnt.mcast_unrel;
        r.mcast_rel = s->cnt.mcast_rel;
        r.ucast_unrel = s->cnt.ucast_unrel;
        r.ucast_rel = s->cnt.ucast_rel;
        r.retrans = s->retrans;
        sb_append(out, &r, sizeof(r));
    }
    free(v);
    return n ? (long)n : 1;
}

static long
traffic(const struct eigrp_proc *p, uint32_t pid, struct strbuf *out)
{
    struct eigrp_proc_snap_traffic t;
    struct rec_eigrp_traffic r;

    eigrp_proc_snap_traffic(p, &t);
    memset(&r, 0, sizeof(r));
    r.as = eigrp_proc_conf(p)->asn;
    /* one event loop runs hellos and DUAL alike */
    r.hello_pid = r.pdm_pid = pid;
    cut(r.instance, sizeof(r.instance), instance(p));
    memcpy(r.hellos, t.hellos, sizeof(r.hellos));
    memcpy(r.updates, t.updates, sizeof(r.updates));
    memcpy(r.queries, t.queries, sizeof(r.queries));
    memcpy(r.replies, t.replies, sizeof(r.replies));
    memcpy(r.acks, t.acks, sizeof(r.acks));
    memcpy(r.sia_queries, t.sia_queries, sizeof(r.sia_queries));
    memcpy(r.sia_replies, t.sia_replies, sizeof(r.sia_replies));
    /* no queue between the socket and the engine: IOS's limits, nothing held */
    r.sockq[1] = r.inq[1] = 10000;
    sb_append(out, &r, sizeof(r));
    return 1;
}

long
eigrp_show_records(const struct eigrp_proc *const *procs, size_t n, uint32_t kind,
                   const char *filter, uint32_t pid, struct strbuf *out)
{
    long total = 0;

    if (kind != REC_EIGRP_NEIGHBOR && kind != REC_EIGRP_TOPO && kind != REC_EIGRP_IFACE &&
        kind != REC_EIGRP_TRAFFIC)
        return -1;
    for (size_t i = 0; i < n; i++) {
        if (!procs[i])
            continue;
        switch (kind) {
        case REC_EIGRP_NEIGHBOR:
            total += neighbors(procs[i], out);
            break;
        case REC_EIGRP_TOPO:
            total += topology(procs[i], filter && !strcmp(filter, "all-links"), out);
            break;
        case REC_EIGRP_IFACE:
            total += interfaces(procs[i], out);
            break;
        default:
            total += traffic(procs[i], pid, out);
            break;
        }
    }
    return total;
}
