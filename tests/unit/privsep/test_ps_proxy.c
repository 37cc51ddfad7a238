/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The parent's checks on a child (daemons/privsep/service/ps_proxy.c): the
 * real proxy on a real host, with a fake data plane answering the calls,
 * starts a scripted compromised child (ps_fake_child.c). Through the proxy,
 * a mapping on our tunnel reaches the data plane and one on a tunnel that
 * is not ours does not; an event outside NHRP's contract is refused; a
 * route call reaches the data plane only in the form of the tunnel's own
 * table (global for the global tunnel, VRF for the tunnel in VRF CORP), and
 * the child reads -1 for the crossed ones; the broken framing at the end
 * costs the child its life at once (SIGKILL), logged. Needs root (the proxy prepares a
 * root-owned chroot directory); skipped otherwise.
 */
#include "daemons/dmvpnd/dmvpnd.h"
#include "daemons/dmvpnd/host.h"
#include "daemons/privsep/service/ps_proxy.h"
#include "lib/evloop.h"
#include "lib/log.h"
#include "parsers/parse.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

static char logs[8192];
static char seen[1024]; /* what the fake data plane was given */

static void
sink(void *arg, enum log_level lvl, const char *msg)
{
    (void)arg;
    (void)lvl;
    strncat(logs, msg, sizeof(logs) - strlen(logs) - 2);
    strcat(logs, "\n");
}

static void
saw(const char *what, int tun)
{
    char one[64];

    snprintf(one, sizeof(one), "%s:%d ", what, tun);
    strncat(seen, one, sizeof(seen) - strlen(seen) - 1);
}

static void
dp_event(void *self, int type, const void *p)
{
    (void)self;
    if (type == SVC_EV_MAP)
        saw("map", ((const struct svc_map *)p)->tun);
    else
        saw("ev", type);
}

static int
dp_call(void *self, int type, const void *in, void *out)
{
    (void)self;
    switch (type) {
    case SVC_CALL_TUNNEL_NAME: {
        int t = *(const int *)in;
        snprintf(out, SVC_IFNAMSIZ, "%s", t == 0 ? "Tunnel0" : t == 1 ? "Tunnel1" : "");
        return 0;
    }
    case SVC_CALL_ROUTE_ADD:
        saw("route", ((const struct svc_route *)in)->tun);
        *(int *)out = 1;
        return 0;
    case SVC_CALL_VRF_ROUTE_ADD:
        saw("vrfroute", ((const struct svc_route *)in)->tun);
        *(int *)out = 1;
        return 0;
    default:
        return -1;
    }
}

static const uint16_t dp_consumes[] = {SVC_EV_MAP, SVC_EV_DP_MISS, 0};
static const uint16_t dp_answers[] = {SVC_CALL_TUNNEL_NAME, SVC_CALL_ROUTE_ADD,
                                      SVC_CALL_VRF_ROUTE_ADD, 0};
static const struct service dp = {
    .name = "dp",
    .consumes = dp_consumes,
    .answers = dp_answers,
    .event = dp_event,
    .call = dp_call,
};

/* The inner contract the proxy stands in for: NHRP's shape. */
static const uint16_t n_emits[] = {SVC_EV_NHRP_TX, SVC_EV_MAP, SVC_EV_UNMAP, 0};
static enum svc_apply
n_reconfigure(void *self, const struct cfg *o, const struct cfg *n, const struct cfg_diff *d)
{
    return SVC_APPLIED;
}
static const struct service inner = {
    .name = "nhrp",
    .emits = n_emits,
    .reconfigure = n_reconfigure,
};

static const char config[] = "vrf definition CORP\n"
                             " address-family ipv4\n"
                             " exit-address-family\n"
                             "interface Tunnel0\n"
                             " ip address 10.0.0.1 255.255.255.0\n"
                             " tunnel mode gre multipoint\n"
                             "interface Tunnel1\n"
                             " vrf forwarding CORP\n"
                             " ip address 10.1.0.1 255.255.255.0\n"
                             " tunnel mode gre multipoint\n";

static void
test_checks(void **state)
{
    static struct dmvpnd d;
    static struct host h;
    struct cfg_parse *p;
    char root[] = "/tmp/dmvpn-ps-proxy-XXXXXX";
    struct ps_opts o = {.exe = FAKE_CHILD, .root = root};

    (void)state;
    if (geteuid() != 0)
        skip();
    assert_non_null(mkdtemp(root));
    assert_int_equal(chmod(root, 0755), 0);
    log_set_sink(sink, NULL);
    memset(&d, 0, sizeof(d));
    d.ev = ev_new();
    p = cfg_parse_text(config, sizeof(config) - 1);
    d.running = cfg_parse_take(p);
    cfg_parse_free(p);
    host_init(&h, &d);
    d.host = &h;
    host_register(&h, &dp, NULL);
    ps_proxy_register(&h, &inner, &o);
    host_reconfigure(&h, NULL, d.running, NULL);
    /* until the child is gone (a deadline for a loaded machine, not a
     * figure under test) */
    for (int64_t end = ev_clock_monotonic_ms() + 20000;
         !strstr(logs, "lost the nhrp child") && ev_clock_monotonic_ms() < end;)
        ev_run_once(d.ev, 100);
    if (!strstr(logs, "lost the nhrp child: unknown message type"))
        fprintf(stderr, "%s", logs); /* what happened instead */
    assert_non_null(strstr(logs, "lost the nhrp child: unknown message type"));
    /* a child that broke the protocol is not waited for */
    assert_non_null(strstr(logs, "killed by signal 9"));
    /* what got through, in order: our tunnel's mapping, the routes in their
     * own tables; nothing for tunnel 5, the foreign event, the crossings */
    assert_string_equal(seen, "map:0 route:0 vrfroute:1 ");
    assert_non_null(strstr(logs, "fake child: answers 0 -1 0 -1"));
    assert_non_null(strstr(logs, "refused the nhrp child's event 6"));
    assert_non_null(strstr(logs, "refused the nhrp child's event 2"));
    assert_non_null(strstr(logs, "refused the nhrp child's call 4"));
    assert_non_null(strstr(logs, "refused the nhrp child's call 10"));
    /* the next child gets the mapping the parent performed back, and only
     * that one (tunnel 5's was refused) */
    for (int64_t end = ev_clock_monotonic_ms() + 20000;
         !strstr(logs, "fake child: restored") && ev_clock_monotonic_ms() < end;)
        ev_run_once(d.ev, 100);
    assert_non_null(strstr(logs, "gave the new nhrp child the 1 mappings of the last one"));
    assert_non_null(strstr(logs, "fake child: restored 0 0a000002 c6336402"));
    assert_null(strstr(logs, "fake child: restored 5"));
    host_fini(&h);
    cfg_free(d.running);
    ev_free(d.ev);
    rmdir(root);
    log_set_sink(NULL, NULL);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_checks),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
