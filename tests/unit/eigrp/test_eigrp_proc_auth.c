/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * EIGRP packet authentication between whole processes on an in-memory
 * link with a fake clock: the same MD5 or HMAC-SHA-256 key forms an
 * adjacency and routes flow; a wrong key, a missing key or a key id the
 * receiver does not have does not, and the receiver counts the failures;
 * a chain rolled over (two keys, the lowest sent) keeps the adjacency with
 * a router that knows only the higher key as long as it accepts it.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "daemons/eigrp/eigrp_proc.h"
#include "daemons/eigrp/eigrp_wire.h"
#include "lib/inet.h"

#define NPKT 4096

struct node {
    struct eigrp_conf c;
    struct eigrp_proc *p;
    int up, routes, auth_logs;
};

struct pkt {
    int from;
    uint32_t ifi, dst, src;
    size_t len;
    uint8_t b[EIGRP_MAX_PKT];
};

static struct node nodes[2];
static struct pkt *q;
static size_t qh, qt;
static uint64_t now;

static uint32_t
ip(const char *s)
{
    uint32_t a = 0;
    assert_true(inet_parse4(s, &a));
    return a;
}

static void
op_send(void *ctx, uint32_t ifi, uint32_t dst, const uint8_t *b, size_t len)
{
    struct node *n = ctx;
    struct pkt *k;

    assert_true(qt < NPKT);
    k = &q[qt++];
    k->from = (int)(n - nodes);
    k->ifi = ifi;
    k->dst = dst;
    k->src = n->c.ifs[ifi].addr;
    k->len = len;
    memcpy(k->b, b, len);
}

static void
op_set(void *ctx, const struct eigrp_proc_route *r)
{
    struct node *n = ctx;
    (void)r;
    n->routes++;
}

static void
op_unset(void *ctx, uint32_t prefix, uint8_t plen)
{
    (void)ctx, (void)prefix, (void)plen;
}

static void
op_log(void *ctx, int sev, const char *line)
{
    struct node *n = ctx;

    if (strstr(line, " is up: "))
        n->up++;
    if (strstr(line, "authentication failure")) {
        assert_int_equal(sev, 7);
        n->auth_logs++;
    }
}

/* Router i: Ethernet0 10.0.0.(i+1)/24 on the shared link, a LAN on
 * Loopback0 192.168.(i+1).1/24. */
static struct eigrp_conf_if *
router(int i)
{
    struct node *n = &nodes[i];
    struct eigrp_conf_if *f;
    char a[32];

    memset(n, 0, sizeof(*n));
    eigrp_conf_init(&n->c, 100);
    n->c.on = true;
    n->c.router_id = (uint32_t)(i + 1) << 24 | 0x010101;
    n->c.nifs = 2;
    f = &n->c.ifs[1];
    eigrp_conf_if_init(f);
    snprintf(f->ios_name, sizeof(f->ios_name), "Loopback0");
    snprintf(a, sizeof(a), "192.168.%d.1", i + 1);
    f->addr = ip(a);
    f->plen = 24;
    f->running = true;
    f->link.bw_kbps = 8000000;
    f->link.delay_ps = 5000ull * 1000000ull;
    f = &n->c.ifs[0];
    eigrp_conf_if_init(f);
    snprintf(f->ios_name, sizeof(f->ios_name), "Ethernet0");
    snprintf(a, sizeof(a), "10.0.0.%d", i + 1);
    f->addr = ip(a);
    f->plen = 24;
    f->running = true;
    f->link.bw_kbps = 10000;
    f->link.delay_ps = 1000ull * 1000000ull;
    return f;
}

static void
key(struct eigrp_conf_if *f, uint16_t type, uint32_t id, const char *secret, bool send, bool accept)
{
    struct eigrp_conf_key *k = &f->keys[f->nkeys++];

    f->auth = type;
    k->id = id;
    k->send = send;
    k->accept = accept;
    k->len = (uint8_t)strlen(secret);
    memcpy(k->secret, secret, k->len);
}

static void
start(void)
{
    static const struct eigrp_proc_ops ops = {
        .send = op_send, .route_set = op_set, .route_unset = op_unset, .log = op_log};
    int i;
    uint32_t k;

    for (i = 0; i < 2; i++) {
        struct eigrp_proc_ops o = ops;
        o.ctx = &nodes[i];
        nodes[i].p = eigrp_proc_new(&nodes[i].c, &o, now);
        for (k = 0; k < nodes[i].c.nifs; k++)
            eigrp_proc_if_state(nodes[i].p, k, true, now);
    }
}

static void
run(uint64_t ms)
{
    uint64_t until = now + ms;
    int i;

    while (now <= until) {
        while (qh < qt) {
            struct pkt *pk = &q[qh++];
            i = 1 - pk->from;
            if (pk->ifi == 0 && (pk->dst == EIGRP_MCAST_V4 || pk->dst == nodes[i].c.ifs[0].addr))
                eigrp_proc_rx(nodes[i].p, 0, pk->src, pk->dst, pk->b, pk->len, now);
        }
        qh = qt = 0;
        for (i = 0; i < 2; i++)
            if (eigrp_proc_next_deadline(nodes[i].p) <= now)
                eigrp_proc_tick(nodes[i].p, now);
        if (qh == qt)
            now += 10;
    }
}

static int
setup(void **st)
{
    (void)st;
    q = calloc(NPKT, sizeof(*q));
    qh = qt = 0;
    now = 1000000;
    return q ? 0 : -1;
}

static int
teardown(void **st)
{
    (void)st;
    eigrp_proc_free(nodes[0].p);
    eigrp_proc_free(nodes[1].p);
    free(q);
    return 0;
}

static void
assert_adjacent(void)
{
    const struct eigrp_proc_counters *c0 = eigrp_proc_counters(nodes[0].p);
    const struct eigrp_proc_counters *c1 = eigrp_proc_counters(nodes[1].p);

    assert_int_equal(nodes[0].up, 1);
    assert_int_equal(nodes[1].up, 1);
    assert_true(nodes[0].routes >= 1 && nodes[1].routes >= 1);
    assert_int_equal(c0->rx_auth_fail, 0);
    assert_int_equal(c1->rx_auth_fail, 0);
    assert_true(c0->rx[EIGRP_OP_UPDATE] >= 1 && c1->rx[EIGRP_OP_UPDATE] >= 1);
}

static void
assert_apart(void)
{
    assert_int_equal(nodes[0].up, 0);
    assert_int_equal(nodes[1].up, 0);
}

static void
test_md5_same_key(void **st)
{
    (void)st;
    key(router(0), EIGRP_AUTH_TYPE_MD5, 1, "cisco123", true, true);
    key(router(1), EIGRP_AUTH_TYPE_MD5, 1, "cisco123", true, true);
    start();
    run(20000);
    assert_adjacent();
}

static void
test_sha256_same_key(void **st)
{
    (void)st;
    key(router(0), EIGRP_AUTH_TYPE_SHA256, 0, "a-long-password-for-hmac", true, true);
    key(router(1), EIGRP_AUTH_TYPE_SHA256, 0, "a-long-password-for-hmac", true, true);
    start();
    run(20000);
    assert_adjacent();
}

static void
test_md5_wrong_key(void **st)
{
    const struct eigrp_proc_counters *c;
    (void)st;

    key(router(0), EIGRP_AUTH_TYPE_MD5, 1, "cisco123", true, true);
    key(router(1), EIGRP_AUTH_TYPE_MD5, 1, "cisco124", true, true);
    start();
    run(20000);
    assert_apart();
    c = eigrp_proc_counters(nodes[0].p);
    assert_true(c->rx_auth_fail >= 3); /* a hello every 5 s */
    /* logged, but not once per packet */
    assert_int_equal(nodes[0].auth_logs, 1);
    assert_true(eigrp_proc_counters(nodes[1].p)->rx_auth_fail >= 3);
}

static void
test_missing_auth(void **st)
{
    (void)st;
    key(router(0), EIGRP_AUTH_TYPE_MD5, 1, "cisco123", true, true);
    router(1); /* no authentication */
    start();
    run(20000);
    assert_apart();
    /* each drops the other's: one for lacking the TLV, one for having it */
    assert_true(eigrp_proc_counters(nodes[0].p)->rx_auth_fail >= 3);
    assert_true(eigrp_proc_counters(nodes[1].p)->rx_auth_fail >= 3);
}

static void
test_type_and_id_mismatch(void **st)
{
    (void)st;
    key(router(0), EIGRP_AUTH_TYPE_MD5, 1, "cisco123", true, true);
    key(router(1), EIGRP_AUTH_TYPE_MD5, 2, "cisco123", true, true);
    start();
    run(20000);
    assert_apart();
    assert_true(eigrp_proc_counters(nodes[0].p)->rx_auth_fail >= 3);
}

/* Rollover: router 0 sends with key 1 (the lowest valid) and accepts 1 and
 * 2; router 1 has only key 2... and accepts key 1 too: adjacency. A key
 * valid to accept but not to send is never sent with. */
static void
test_rollover(void **st)
{
    struct eigrp_conf_if *f;
    (void)st;

    f = router(0);
    key(f, EIGRP_AUTH_TYPE_MD5, 1, "old-key", true, true);
    key(f, EIGRP_AUTH_TYPE_MD5, 2, "new-key", true, true);
    f = router(1);
    key(f, EIGRP_AUTH_TYPE_MD5, 1, "old-key", false, true);
    key(f, EIGRP_AUTH_TYPE_MD5, 2, "new-key", true, true);
    start();
    run(20000);
    assert_adjacent();
}

/* Authentication on but no key valid to send: nothing goes out. */
static void
test_no_send_key(void **st)
{
    (void)st;
    key(router(0), EIGRP_AUTH_TYPE_MD5, 1, "cisco123", false, true);
    key(router(1), EIGRP_AUTH_TYPE_MD5, 1, "cisco123", true, true);
    start();
    run(20000);
    /* router 0 hears router 1 but can answer nothing */
    assert_int_equal(nodes[1].up, 0);
    assert_int_equal(nodes[0].routes, 0);
    assert_true(eigrp_proc_counters(nodes[0].p)->tx_auth_nokey >= 3);
    assert_int_equal(eigrp_proc_counters(nodes[1].p)->rx[EIGRP_OP_HELLO], 0);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_md5_same_key, setup, teardown),
        cmocka_unit_test_setup_teardown(test_sha256_same_key, setup, teardown),
        cmocka_unit_test_setup_teardown(test_md5_wrong_key, setup, teardown),
        cmocka_unit_test_setup_teardown(test_missing_auth, setup, teardown),
        cmocka_unit_test_setup_teardown(test_type_and_id_mismatch, setup, teardown),
        cmocka_unit_test_setup_teardown(test_rollover, setup, teardown),
        cmocka_unit_test_setup_teardown(test_no_send_key, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
