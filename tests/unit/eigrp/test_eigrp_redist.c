/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The service's redistribution (daemons/eigrp/service/eigrp_redist.c): a
 * real zclient fed zebra's own captured frames (testdata/zapi/: connected
 * 10.0.0.0/24, statics 10.9.0.0/24 via 10.0.0.2 on ifindex 3 and
 * 10.6.0.0/16) over a socketpair, and one engine process. The static
 * routes become the process's Redistributed routes with the interface
 * known (match interface), the connected network the process runs on
 * stays internal, a source no line names is not taken, and the session
 * going (zebra's mirror emptied) withdraws them all.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include <cmocka.h>

#include "daemons/eigrp/eigrp_proc.h"
#include "daemons/eigrp/service/eigrp_redist.h"
#include "daemons/routing/zclient.h"
#include "frr_testdata.h"
#include "lib/inet.h"

static int zebra = -1;

static int
fake_connect(void *arg, const char *path)
{
    int sv[2];

    (void)arg;
    (void)path;
    assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, sv), 0);
    zebra = sv[1];
    return sv[0];
}

static void
zebra_send(const char *name)
{
    uint8_t b[4096];
    size_t len = frr_testdata_frame(name, b, sizeof(b));

    assert_int_equal(send(zebra, b, len, 0), (ssize_t)len);
}

static void
pump(struct zclient *c)
{
    int fd;
    short ev;

    if (zclient_pollfd(c, &fd, &ev))
        zclient_on_readable(c, fd, 10);
}

static struct eigrp_conf conf;

/* One process on 10.0.0.1/24 (ifindex 3), redistributing what `src` names
 * with a default metric; the route-map (when rm) lets only routes out of
 * that interface through. */
static struct eigrp_proc *
proc(unsigned src, bool rm)
{
    struct eigrp_conf_if *f = &conf.ifs[0];
    struct eigrp_proc_ops ops = {0};

    eigrp_conf_init(&conf, 10);
    conf.on = true;
    conf.router_id = frr_testdata_ip("1.1.1.1");
    eigrp_conf_if_init(f);
    snprintf(f->ios_name, sizeof(f->ios_name), "GigabitEthernet0/0");
    snprintf(f->linux_name, sizeof(f->linux_name), "Gi0-0");
    f->addr = frr_testdata_ip("10.0.0.1");
    f->plen = 24;
    f->running = true;
    f->passive = true;
    f->link.bw_kbps = 1000000;
    f->link.delay_ps = 10ull * 1000000ull;
    conf.nifs = 1;
    conf.redist = src;
    conf.redist_metric = true;
    conf.redist_vec = (struct eigrp_metric){
        .bw_kbps = 10000, .delay_ps = 1000000000ull, .reliability = 255, .load = 1, .mtu = 1500};
    for (unsigned s = 1; s <= EIGRP_REDIST_OSPF; s <<= 1)
        if (src & s)
            conf.redists[conf.nredists++] = (struct eigrp_conf_redist){.src = s, .has_rmap = rm};
    if (rm) {
        conf.pol.rmaps[0] = (struct eigrp_pol_rmap){"VIA-GI", true, 0, 1};
        conf.pol.clauses[0] =
            (struct eigrp_pol_clause){.seq = 10, .permit = true, .nifi = 1, .ifi = {0}};
        conf.pol.nrmaps = conf.pol.nclauses = 1;
    }
    return eigrp_proc_new(&conf, &ops, 0);
}

/* "A/L" of every Redistributed path in the process's topology, sorted. */
static void
redistributed(struct eigrp_proc *p, char *out, size_t n)
{
    struct eigrp_proc_snap_path *v = NULL;
    size_t k = eigrp_proc_snap_topo(p, true, &v), i;
    char a[INET_ADDRSTRLEN_];

    out[0] = '\0';
    for (i = 0; i < k; i++)
        if (v[i].via == EIGRP_VIA_REDIST)
            snprintf(out + strlen(out), n - strlen(out), "%s%s/%u", out[0] ? " " : "",
                     inet_fmt4(v[i].prefix, a), v[i].plen);
    free(v);
}

static struct zclient *
session(void)
{
    static const uint8_t types[] = {ZAPI_RT_CONNECT, ZAPI_RT_STATIC, ZAPI_RT_BGP};
    struct zclient_conf zc = {.path = "/nonexistent", .redist = types, .n_redist = sizeof(types)};
    struct zclient_env env = {.connect = fake_connect};
    struct zclient *c = zclient_new(&zc, &(struct zclient_cbs){0}, &env);
    uint8_t junk[4096];

    zclient_start(c, 0);
    while (recv(zebra, junk, sizeof(junk), 0) > 0)
        ;
    zebra_send("capabilities");
    zebra_send("redist_route_add_connected");
    zebra_send("redist_route_add_static");
    zebra_send("redist_route_add_static_gw");
    pump(c);
    assert_int_equal(zclient_mirror_count(c), 3);
    return c;
}

static void
test_static_and_connected(void **st)
{
    struct eigrp_proc *p = proc(EIGRP_REDIST_STATIC | EIGRP_REDIST_CONNECTED, false);
    struct eigrp_redist *rd = eigrp_redist_new();
    struct zclient *c = session();
    int ifindex[EIGRP_CONF_MAX_IFS] = {3};
    char got[256];

    (void)st;
    eigrp_proc_if_state(p, 0, true, 0);
    eigrp_redist_sync(rd, p, c, ifindex, 20);
    redistributed(p, got, sizeof(got));
    /* 10.0.0.0/24 is the process's own network: internal, not external */
    assert_string_equal(got, "10.6.0.0/16 10.9.0.0/24");
    /* again: nothing changes */
    eigrp_redist_sync(rd, p, c, ifindex, 30);
    redistributed(p, got, sizeof(got));
    assert_string_equal(got, "10.6.0.0/16 10.9.0.0/24");
    /* the session goes: zebra's routes go with it */
    close(zebra);
    zebra = -1;
    pump(c);
    assert_int_equal(zclient_mirror_count(c), 0);
    eigrp_redist_sync(rd, p, c, ifindex, 40);
    redistributed(p, got, sizeof(got));
    assert_string_equal(got, "");
    eigrp_redist_free(rd);
    zclient_free(c);
    eigrp_proc_free(p);
}

/* `redistribute bgp` alone takes none of the statics; a route-map on
 * `match interface GigabitEthernet0/0` takes the statics whose next hop
 * is on its link (both: zebra resolved 10.6.0.0/16's over ifindex 3 too),
 * none when the interface is another link. */
static void
test_sources_and_interface(void **st)
{
    struct eigrp_proc *p = proc(EIGRP_REDIST_BGP, false);
    struct eigrp_redist *rd = eigrp_redist_new();
    struct zclient *c = session();
    int ifindex[EIGRP_CONF_MAX_IFS] = {3};
    char got[256];

    (void)st;
    eigrp_proc_if_state(p, 0, true, 0);
    eigrp_redist_sync(rd, p, c, ifindex, 20);
    redistributed(p, got, sizeof(got));
    assert_string_equal(got, "");
    eigrp_redist_free(rd);
    eigrp_proc_free(p);
    p = proc(EIGRP_REDIST_STATIC, true);
    rd = eigrp_redist_new();
    eigrp_proc_if_state(p, 0, true, 0);
    eigrp_redist_sync(rd, p, c, ifindex, 20);
    redistributed(p, got, sizeof(got));
    assert_string_equal(got, "10.6.0.0/16 10.9.0.0/24");
    eigrp_redist_free(rd);
    eigrp_proc_free(p);
    p = proc(EIGRP_REDIST_STATIC, true);
    rd = eigrp_redist_new();
    ifindex[0] = 7;
    eigrp_proc_if_state(p, 0, true, 0);
    eigrp_redist_sync(rd, p, c, ifindex, 20);
    redistributed(p, got, sizeof(got));
    assert_string_equal(got, "");
    eigrp_redist_free(rd);
    zclient_free(c);
    close(zebra);
    zebra = -1;
    eigrp_proc_free(p);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_static_and_connected),
        cmocka_unit_test(test_sources_and_interface),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
