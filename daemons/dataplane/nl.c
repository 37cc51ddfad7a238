/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * libnl-3 glue for the userspace backend (nl.h). Two sockets: a request
 * socket for changes and dumps (synchronous, acknowledged), and a monitor
 * socket subscribed to IPv4 route, address and link groups, non-blocking,
 * read from the daemon's poll loop.
 */
#include "daemons/dataplane/nl.h"
#include "lib/netns.h"

#include <arpa/inet.h>
#include <errno.h>
#include <linux/rtnetlink.h>
#include <net/if.h>
#include <netlink/netlink.h>
#include <netlink/route/addr.h>
#include <netlink/route/link.h>
#include <netlink/route/nexthop.h>
#include <netlink/route/route.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/inet.h"

struct dpnl {
    struct nl_sock *req;
    struct nl_sock *mon;
    char err[256];
    /* monitor callback in flight */
    void (*cb)(void *arg, enum dpnl_event ev, const struct dpnl_route *r, int ifindex);
    void *cb_arg;
};

int
dpnl_fail(struct dpnl *nl, int nlerr, const char *what)
{
    snprintf(nl->err, sizeof nl->err, "%s: %s", what, nl_geterror(nlerr));
    switch (-nlerr) {
    case NLE_EXIST:
        return -EEXIST;
    case NLE_OBJ_NOTFOUND:
    case NLE_NODEV:
        return -ENOENT;
    case NLE_PERM:
    case NLE_NOACCESS:
        return -EPERM;
    case NLE_INVAL:
        return -EINVAL;
    case NLE_NOMEM:
        return -ENOMEM;
    default:
        return -EIO;
    }
}

const char *
dpnl_error(const struct dpnl *nl)
{
    return nl->err;
}

static struct nl_addr *
addr4(uint32_t a, int len)
{
    uint32_t n = htonl(a);
    struct nl_addr *x = nl_addr_build(AF_INET, &n, 4);
    if (x)
        nl_addr_set_prefixlen(x, len);
    return x;
}

static uint32_t
addr_host(struct nl_addr *a)
{
    if (!a || nl_addr_get_family(a) != AF_INET || nl_addr_get_len(a) != 4)
        return 0;
    uint32_t n;
    memcpy(&n, nl_addr_get_binary_addr(a), 4);
    return ntohl(n);
}

static void
route_from(struct rtnl_route *r, struct dpnl_route *d)
{
    memset(d, 0, sizeof *d);
    struct nl_addr *dst = rtnl_route_get_dst(r);
    d->prefix = addr_host(dst);
    d->len = dst ? (uint8_t)nl_addr_get_prefixlen(dst) : 0;
    d->proto = rtnl_route_get_protocol(r);
    d->type = rtnl_route_get_type(r);
    d->scope = rtnl_route_get_scope(r);
    d->table = rtnl_route_get_table(r);
    d->priority = rtnl_route_get_priority(r);
    if (rtnl_route_get_nnexthops(r) > 0) {
        struct rtnl_nexthop *nh = rtnl_route_nexthop_n(r, 0);
        d->oif = rtnl_route_nh_get_ifindex(nh);
        d->gateway = addr_host(rtnl_route_nh_get_gateway(nh));
        d->onlink = (rtnl_route_nh_get_flags(nh) & RTNH_F_ONLINK) != 0;
    }
}

static int
mon_valid(struct nl_msg *msg, void *arg)
{
    struct dpnl *nl = arg;
    struct nlmsghdr *h = nlmsg_hdr(msg);
    switch (h->nlmsg_type) {
    case RTM_NEWROUTE:
    case RTM_DELROUTE: {
        struct rtnl_route *r = NULL;
        if (rtnl_route_parse(h, &r) < 0 || !r)
            return NL_OK;
        if (rtnl_route_get_family(r) == AF_INET) {
            struct dpnl_route d;
            route_from(r, &d);
            nl->cb(nl->cb_arg, h->nlmsg_type == RTM_NEWROUTE ? DPNL_ROUTE_NEW : DPNL_ROUTE_DEL, &d,
                   d.oif);
        }
        rtnl_route_put(r);
        break;
    }
    case RTM_NEWLINK:
    case RTM_DELLINK:
        if (h->nlmsg_len >= NLMSG_LENGTH(sizeof(struct ifinfomsg))) {
            const struct ifinfomsg *ifi = NLMSG_DATA(h);
            nl->cb(nl->cb_arg, DPNL_LINK, NULL, ifi->ifi_index);
        }
        break;
    case RTM_NEWADDR:
    case RTM_DELADDR:
        if (h->nlmsg_len >= NLMSG_LENGTH(sizeof(struct ifaddrmsg))) {
            const struct ifaddrmsg *ifa = NLMSG_DATA(h);
            nl->cb(nl->cb_arg, DPNL_ADDR, NULL, (int)ifa->ifa_index);
        }
        break;
    default:
        break;
    }
    return NL_OK;
}

struct nl_sock *
dpnl_sock(struct dpnl *nl)
{
    return nl->req;
}

struct dpnl *
dpnl_open(char *err, size_t errlen)
{
    return dpnl_open_opt(err, errlen, true);
}

struct dpnl *
dpnl_open_opt(char *err, size_t errlen, bool monitor)
{
    struct dpnl *nl = calloc(1, sizeof *nl);
    if (!nl) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    int e;
    nl->req = nl_socket_alloc();
    nl->mon = monitor ? nl_socket_alloc() : NULL;
    if (!nl->req || (monitor && !nl->mon)) {
        snprintf(err, errlen, "netlink: cannot allocate sockets");
        goto fail;
    }
    if ((e = nl_connect(nl->req, NETLINK_ROUTE)) < 0 ||
        (monitor && (e = nl_connect(nl->mon, NETLINK_ROUTE)) < 0)) {
        snprintf(err, errlen, "netlink: %s", nl_geterror(e));
        goto fail;
    }
    if (!monitor)
        return nl;
    nl_socket_disable_seq_check(nl->mon);
    nl_socket_modify_cb(nl->mon, NL_CB_VALID, NL_CB_CUSTOM, mon_valid, nl);
    if ((e = nl_socket_add_memberships(nl->mon, RTNLGRP_IPV4_ROUTE, RTNLGRP_IPV4_IFADDR,
                                       RTNLGRP_LINK, 0)) < 0 ||
        (e = nl_socket_set_nonblocking(nl->mon)) < 0) {
        snprintf(err, errlen, "netlink monitor: %s", nl_geterror(e));
        goto fail;
    }
    /* A burst of route changes must not overflow the monitor: a lost
     * notification would leave the mirror wrong until the next resync. */
    nl_socket_set_buffer_size(nl->mon, 4 << 20, 0);
    return nl;
fail:
    dpnl_close(nl);
    return NULL;
}

struct dpnl *
dpnl_open_in(int nsfd, bool monitor, char *err, size_t errlen)
{
    struct dpnl *nl;

    if (netns_enter(nsfd) < 0) {
        snprintf(err, errlen, "cannot enter the namespace: %s", strerror(errno));
        return NULL;
    }
    nl = dpnl_open_opt(err, errlen, monitor);
    netns_leave();
    return nl;
}

void
dpnl_close(struct dpnl *nl)
{
    if (!nl)
        return;
    if (nl->req)
        nl_socket_free(nl->req);
    if (nl->mon)
        nl_socket_free(nl->mon);
    free(nl);
}

int
dpnl_link_index(struct dpnl *nl, const char *name, int *ifindex)
{
    struct rtnl_link *link = NULL;
    int e = rtnl_link_get_kernel(nl->req, 0, name, &link);
    if (e < 0)
        return dpnl_fail(nl, e, name);
    *ifindex = rtnl_link_get_ifindex(link);
    rtnl_link_put(link);
    return 0;
}

/* Applies what set() puts on a change object to the link (what: for the
 * error message). */
static int
link_change(struct dpnl *nl, int ifindex, void (*set)(struct rtnl_link *chg, const void *arg),
            const void *arg, const char *what)
{
    struct rtnl_link *cur = NULL;
    int e = rtnl_link_get_kernel(nl->req, ifindex, NULL, &cur);
    if (e < 0)
        return dpnl_fail(nl, e, "link lookup");
    struct rtnl_link *chg = rtnl_link_alloc();
    if (!chg) {
        rtnl_link_put(cur);
        return dpnl_fail(nl, -NLE_NOMEM, what);
    }
    set(chg, arg);
    e = rtnl_link_change(nl->req, cur, chg, 0);
    rtnl_link_put(chg);
    rtnl_link_put(cur);
    return e < 0 ? dpnl_fail(nl, e, what) : 0;
}

struct mtu_up {
    uint32_t mtu;
    int up;
};

static void
set_mtu_up(struct rtnl_link *chg, const void *arg)
{
    const struct mtu_up *a = arg;

    if (a->mtu)
        rtnl_link_set_mtu(chg, a->mtu);
    if (a->up > 0)
        rtnl_link_set_flags(chg, IFF_UP);
    else if (a->up == 0)
        rtnl_link_unset_flags(chg, IFF_UP);
}

int
dpnl_link_set(struct dpnl *nl, int ifindex, uint32_t mtu, int up)
{
    return link_change(nl, ifindex, set_mtu_up, &(struct mtu_up){mtu, up}, "link change");
}

static void
set_ns(struct rtnl_link *chg, const void *arg)
{
    rtnl_link_set_ns_fd(chg, *(const int *)arg);
}

int
dpnl_link_netns(struct dpnl *nl, int ifindex, int nsfd)
{
    return link_change(nl, ifindex, set_ns, &nsfd, "link move to another namespace");
}

int
dpnl_addr(struct dpnl *nl, bool add, int ifindex, uint32_t a, uint8_t len)
{
    struct rtnl_addr *ad = rtnl_addr_alloc();
    struct nl_addr *local = addr4(a, len);
    /* The subnet broadcast makes the kernel treat x.x.x.255 as broadcast
     * (a local-table broadcast route), as on an IOS interface. */
    uint32_t bc = len < 31 ? (a | ~inet_len_mask(len)) : 0;
    struct nl_addr *brd = bc ? addr4(bc, 32) : NULL;
    int e = -NLE_NOMEM;
    if (ad && local && (!bc || brd)) {
        rtnl_addr_set_ifindex(ad, ifindex);
        rtnl_addr_set_family(ad, AF_INET);
        rtnl_addr_set_local(ad, local);
        rtnl_addr_set_prefixlen(ad, len);
        if (brd)
            rtnl_addr_set_broadcast(ad, brd);
        e = add ? rtnl_addr_add(nl->req, ad, NLM_F_REPLACE) : rtnl_addr_delete(nl->req, ad, 0);
    }
    if (brd)
        nl_addr_put(brd);
    if (local)
        nl_addr_put(local);
    if (ad)
        rtnl_addr_put(ad);
    return e < 0 ? dpnl_fail(nl, e, add ? "address add" : "address delete") : 0;
}

int
dpnl_route(struct dpnl *nl, bool add, const struct dpnl_route *r)
{
    struct rtnl_route *rt = rtnl_route_alloc();
    struct nl_addr *dst = addr4(r->prefix & inet_len_mask(r->len), r->len);
    struct nl_addr *gw = r->gateway ? addr4(r->gateway, 32) : NULL;
    struct rtnl_nexthop *nh = NULL;
    int e = -NLE_NOMEM;
    if (!rt || !dst || (r->gateway && !gw))
        goto out;
    rtnl_route_set_family(rt, AF_INET);
    rtnl_route_set_table(rt, r->table ? r->table : RT_TABLE_MAIN);
    rtnl_route_set_protocol(rt, r->proto);
    rtnl_route_set_priority(rt, r->priority);
    rtnl_route_set_type(rt, r->type ? r->type : RTN_UNICAST);
    rtnl_route_set_dst(rt, dst);
    if (r->type != RTN_BLACKHOLE && (r->oif || gw)) {
        nh = rtnl_route_nh_alloc();
        if (!nh)
            goto out;
        if (r->oif)
            rtnl_route_nh_set_ifindex(nh, r->oif);
        if (gw)
            rtnl_route_nh_set_gateway(nh, gw);
        if (r->onlink)
            rtnl_route_nh_set_flags(nh, RTNH_F_ONLINK);
        rtnl_route_add_nexthop(rt, nh); /* the route owns it now */
        nh = NULL;
    }
    rtnl_route_set_scope(rt, gw ? RT_SCOPE_UNIVERSE
                                : (r->type == RTN_BLACKHOLE ? RT_SCOPE_UNIVERSE : RT_SCOPE_LINK));
    e = add ? rtnl_route_add(nl->req, rt, NLM_F_CREATE | NLM_F_REPLACE)
            : rtnl_route_delete(nl->req, rt, 0);
out:
    if (gw)
        nl_addr_put(gw);
    if (dst)
        nl_addr_put(dst);
    if (rt)
        rtnl_route_put(rt);
    return e < 0 ? dpnl_fail(nl, e, add ? "route add" : "route delete") : 0;
}

struct dump_ctx {
    void (*cb)(void *arg, const struct dpnl_route *r);
    void *arg;
};

static void
dump_one(struct nl_object *obj, void *arg)
{
    struct dump_ctx *c = arg;
    struct dpnl_route d;
    route_from((struct rtnl_route *)obj, &d);
    c->cb(c->arg, &d);
}

int
dpnl_route_dump(struct dpnl *nl, void (*cb)(void *arg, const struct dpnl_route *r), void *arg)
{
    struct nl_cache *cache = NULL;
    int e = rtnl_route_alloc_cache(nl->req, AF_INET, 0, &cache);
    if (e < 0)
        return dpnl_fail(nl, e, "route dump");
    struct dump_ctx c = {cb, arg};
    nl_cache_foreach(cache, dump_one, &c);
    nl_cache_free(cache);
    return 0;
}

int
dpnl_monitor_fd(const struct dpnl *nl)
{
    return nl->mon ? nl_socket_get_fd(nl->mon) : -1;
}

void
dpnl_monitor_read(struct dpnl *nl,
                  void (*cb)(void *arg, enum dpnl_event ev, const struct dpnl_route *r,
                             int ifindex),
                  void *arg)
{
    nl->cb = cb;
    nl->cb_arg = arg;
    /* Non-blocking: returns when the socket is drained. An overrun
     * (ENOBUFS) means notifications were lost: report a link event for
     * every device (ifindex 0) so the caller resyncs. */
    for (int i = 0; i < 64; i++) {
        int e = nl_recvmsgs_default(nl->mon);
        if (e == -NLE_AGAIN)
            break;
        if (e == -NLE_NOMEM || e == -NLE_MSG_OVERFLOW || e == -NLE_DUMP_INTR) {
            cb(arg, DPNL_LINK, NULL, 0);
            continue;
        }
        if (e < 0)
            break; /* a malformed message: the next poll resumes */
    }
    nl->cb = NULL;
}
