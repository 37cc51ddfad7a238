/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Who answers the EIGRP shows. With FRR's eigrpd (--eigrp=frr) the routing
 * service does, from eigrpd's vty; with our engine (--eigrp=own) the EIGRP
 * service does and the routing service must leave those kinds (the host
 * takes one owner per kind and stops at a second claim), while keeping the
 * other routing shows. clear ip eigrp neighbors goes to the EIGRP service,
 * or with eigrpd to the routing service (eigrpd's own clear).
 */
#include "daemons/dmvpnd/dmvpnd.h"
#include "daemons/dmvpnd/host.h"
#include "daemons/eigrp/service/eigrp_svc.h"
#include "daemons/routing/service/rt_svc.h"
#include "daemons/routing/zclient.h"
#include "lib/evloop.h"
#include "lib/rec.h"
#include "lib/req.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include <cmocka.h>

/* zebra: a socketpair whose other end nobody reads (no frame is needed) */
static int peer = -1;

static int
fake_connect(void *arg, const char *path)
{
    int sv[2];
    (void)arg;
    (void)path;

    assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, sv), 0);
    if (peer >= 0)
        close(peer);
    peer = sv[1];
    return sv[0];
}

static struct zclient_env zenv = {.connect = fake_connect};

static void
with_services(bool eigrp_own, struct host *h, struct dmvpnd *d)
{
    struct rt_opts o = {.pathspace = "t",
                        .eigrp_own = eigrp_own,
                        .etc_base = "/nonexistent",
                        .run_base = "/nonexistent",
                        .zapi_env = &zenv};
    struct eigrp_svc_opts eo = {.enabled = eigrp_own};

    memset(d, 0, sizeof(*d));
    d->ev = ev_new();
    host_init(h, d);
    d->host = h;
    rt_svc_register(h, &o);
    eigrp_svc_register(h, &eo); /* fatal if both claim a kind */
}

static void
done(struct host *h, struct dmvpnd *d)
{
    host_fini(h);
    ev_free(d->ev);
    if (peer >= 0)
        close(peer);
    peer = -1;
}

static void
test_own_engine_answers(void **state)
{
    static const uint32_t kinds[] = {REC_EIGRP_NEIGHBOR, REC_EIGRP_TOPO, REC_EIGRP_IFACE,
                                     REC_EIGRP_TRAFFIC};
    const struct host_svc *o;
    struct dmvpnd d;
    struct host h;
    struct strbuf b;
    (void)state;

    with_services(true, &h, &d);
    sb_init(&b);
    for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
        /* answered at once (no vty round trip): no process, no record */
        assert_int_equal(host_prepare(&h, kinds[i], 1), 0);
        assert_int_equal(host_snapshot(&h, kinds[i], NULL, &b), 0);
    }
    /* the other routing shows stay with FRR */
    assert_int_equal(host_snapshot(&h, REC_BGP_GLOBAL, NULL, &b), 0);
    assert_int_equal(host_snapshot(&h, REC_RT_PROTO, NULL, &b), 0);
    o = host_request_owner(&h, REQ_CLEAR_IP_EIGRP);
    assert_non_null(o);
    assert_string_equal(o->s.name, "eigrp");
    assert_string_equal(host_request_owner(&h, REQ_CLEAR_IP_BGP)->s.name, "routing");
    sb_free(&b);
    done(&h, &d);
}

static void
test_eigrpd_answers(void **state)
{
    struct dmvpnd d;
    struct host h;
    struct strbuf b;
    (void)state;

    with_services(false, &h, &d);
    sb_init(&b);
    /* the routing service owns them (an empty cache before any show) */
    assert_int_equal(host_snapshot(&h, REC_EIGRP_NEIGHBOR, NULL, &b), 0);
    assert_int_equal(host_snapshot(&h, REC_EIGRP_TOPO, NULL, &b), 0);
    /* only our engine has these figures */
    assert_int_equal(host_snapshot(&h, REC_EIGRP_IFACE, NULL, &b), -1);
    assert_int_equal(host_snapshot(&h, REC_EIGRP_TRAFFIC, NULL, &b), -1);
    /* eigrpd's own clear, through the routing service */
    assert_string_equal(host_request_owner(&h, REQ_CLEAR_IP_EIGRP)->s.name, "routing");
    sb_free(&b);
    done(&h, &d);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_own_engine_answers),
        cmocka_unit_test(test_eigrpd_answers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
