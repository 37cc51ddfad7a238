/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Which form a VRF takes on this kernel (see vrfdev.h). */

#include "lib/vrfdev.h"

#include <errno.h>
#include <linux/if_link.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <net/if.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define PROBE_NAME  "dmvpn-vrfprobe"
#define PROBE_TABLE 0x7fff0001u /* far from any table an operator numbers */

static int decided = -1;

const char *
vrf_backend_name(enum vrf_backend b)
{
    return b == VRF_BACKEND_DEVICE ? "device" : "netns";
}

const char *
vrfdev_name(const char *vrf, char *buf, size_t sz)
{
    size_t n = vrf ? strlen(vrf) : 0;

    if (!n || n >= IFNAMSIZ || n >= sz || strchr(vrf, '/') || strchr(vrf, ' '))
        return NULL;
    memcpy(buf, vrf, n + 1);
    return buf;
}

struct req {
    struct nlmsghdr nh;
    struct ifinfomsg ifi;
    char attrs[256];
};

static struct rtattr *
put(struct req *r, unsigned short type, const void *data, size_t len)
{
    struct rtattr *a = (struct rtattr *)((char *)r + NLMSG_ALIGN(r->nh.nlmsg_len));

    a->rta_type = type;
    a->rta_len = (unsigned short)RTA_LENGTH(len);
    if (len)
        memcpy(RTA_DATA(a), data, len);
    r->nh.nlmsg_len = NLMSG_ALIGN(r->nh.nlmsg_len) + RTA_ALIGN(a->rta_len);
    return a;
}

static void
close_nest(struct req *r, struct rtattr *a)
{
    a->rta_len = (unsigned short)((char *)r + r->nh.nlmsg_len - (char *)a);
}

/* One request, its acknowledgement: 0 or -errno. */
static int
talk(int fd, struct req *r)
{
    char buf[1024];
    struct nlmsghdr *h = (struct nlmsghdr *)buf;
    ssize_t n;

    if (send(fd, r, r->nh.nlmsg_len, 0) < 0)
        return -errno;
    n = recv(fd, buf, sizeof(buf), 0);
    if (n < (ssize_t)sizeof(*h) || h->nlmsg_type != NLMSG_ERROR)
        return -EIO;
    return ((struct nlmsgerr *)NLMSG_DATA(h))->error;
}

/* Makes a VRF device and deletes it again: the kernel's own answer to
 * whether it has them (a module the kernel loads on demand counts). */
static bool
kernel_makes_vrf(void)
{
    struct req r;
    struct rtattr *li, *data;
    uint32_t table = PROBE_TABLE;
    int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE), rc;

    if (fd < 0)
        return false;
    memset(&r, 0, sizeof(r));
    r.nh.nlmsg_len = NLMSG_LENGTH(sizeof(r.ifi));
    r.nh.nlmsg_type = RTM_NEWLINK;
    r.nh.nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL;
    put(&r, IFLA_IFNAME, PROBE_NAME, sizeof(PROBE_NAME));
    li = put(&r, IFLA_LINKINFO, NULL, 0);
    put(&r, IFLA_INFO_KIND, "vrf", 4);
    data = put(&r, IFLA_INFO_DATA, NULL, 0);
    put(&r, IFLA_VRF_TABLE, &table, sizeof(table));
    close_nest(&r, data);
    close_nest(&r, li);
    rc = talk(fd, &r);
    if (rc == 0 || rc == -EEXIST) { /* EEXIST: a probe left by a killed run */
        memset(&r, 0, sizeof(r));
        r.nh.nlmsg_len = NLMSG_LENGTH(sizeof(r.ifi));
        r.nh.nlmsg_type = RTM_DELLINK;
        r.nh.nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK;
        put(&r, IFLA_IFNAME, PROBE_NAME, sizeof(PROBE_NAME));
        talk(fd, &r);
    }
    close(fd);
    return rc == 0 || rc == -EEXIST;
}

enum vrf_backend
vrf_backend(void)
{
    return vrf_backend_decide(true);
}

enum vrf_backend
vrf_backend_decide(bool allow_device)
{
    const char *e = getenv("DMVPND_VRF_BACKEND");

    if (decided >= 0)
        return (enum vrf_backend)decided;
    if (e && !strcmp(e, "device"))
        decided = VRF_BACKEND_DEVICE;
    else if (e && !strcmp(e, "netns"))
        decided = VRF_BACKEND_NETNS;
    else
        decided = allow_device && kernel_makes_vrf() ? VRF_BACKEND_DEVICE : VRF_BACKEND_NETNS;
    return (enum vrf_backend)decided;
}
