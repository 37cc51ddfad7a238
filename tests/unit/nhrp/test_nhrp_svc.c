/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The NHRP service (daemons/nhrp/service/nhrp_svc.c) through a real host,
 * between a fake data plane (tunnel ids and names, an empty RIB, records
 * every NHRP packet, mapping, multicast destination and route event) and a
 * fake IPsec (records PROTECT/RELEASE, answers IPSEC_ENABLED as the test
 * says), configured with spoke configs parsed by the real parser. A spoke
 * registers with its NHS as soon as it is configured; with `tunnel
 * protection` and a charon it asks IPsec for the NHS's SA instead and holds
 * the request until the SA_STATE event says the SA is up; without a charon
 * protection is ignored. The NHS shows in the service's records.
 *
 * The clock: the first registration request is sent from inside
 * host_reconfigure (the engine starts an NHS when it is configured, not
 * from a timer), and the held one is released from inside the SA_STATE
 * event, so those cases need no time to pass. Only the retransmission
 * comes from the engine's timer, which the service arms on the evloop.
 * nhrp_svc hands the engine ev_now() when configuring but
 * ev_clock_monotonic_ms() when its timer fires, so a fake evloop clock
 * (ev_set_clock) would feed the engine two clocks; that case therefore runs
 * the real evloop on the real monotonic clock with ev_run_once until the
 * retransmission appears (about one second, the engine's first backoff).
 */
#include "daemons/dmvpnd/dmvpnd.h"
#include "daemons/dmvpnd/host.h"
#include "daemons/nhrp/nhrp.h"
#include "daemons/nhrp/service/nhrp_svc.h"
#include "daemons/nhrp/wire.h"
#include "lib/evloop.h"
#include "lib/rec.h"
#include "lib/rec_nhrp_count.h"
#include "parsers/diff.h"
#include "parsers/parse.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#define A(a, b, c, d) ((uint32_t)(a) << 24 | (uint32_t)(b) << 16 | (uint32_t)(c) << 8 | (d))

#define TUN      7
#define NHS      A(10, 0, 0, 1)
#define NHS_NBMA A(203, 0, 113, 1)
#define ME       A(10, 0, 0, 2)
#define ME_NBMA  A(198, 51, 100, 2)

static const char spoke[] = "interface GigabitEthernet0/0\n"
                            " ip address 198.51.100.2 255.255.255.0\n"
                            "interface Tunnel0\n"
                            " ip address 10.0.0.2 255.255.255.0\n"
                            " ip nhrp map 10.0.0.1 203.0.113.1\n"
                            " ip nhrp map multicast 203.0.113.1\n"
                            " ip nhrp network-id 100\n"
                            " ip nhrp nhs 10.0.0.1\n"
                            " tunnel source GigabitEthernet0/0\n"
                            " tunnel mode gre multipoint\n";

static const char crypto[] = "crypto isakmp policy 10\n"
                             " encryption aes 256\n"
                             " hash sha256\n"
                             " authentication pre-share\n"
                             " group 14\n"
                             "crypto isakmp key s3cr3t address 0.0.0.0\n"
                             "crypto ipsec transform-set TS esp-aes 256 esp-sha256-hmac\n"
                             " mode transport\n"
                             "crypto ipsec profile P\n"
                             " set transform-set TS\n"
                             "interface Tunnel0\n"
                             " tunnel protection ipsec profile P\n";

/* ---- the fake data plane ---- */

struct ev_rec {
    int type;
    int tun;
    uint32_t nbma, proto;
    struct nhrp_pkt pkt; /* NHRP_TX, decoded */
    uint8_t bytes[1024];
};

struct fdp {
    struct ev_rec evs[32];
    size_t nevs;
};

static void
dp_event(void *self, int type, const void *p)
{
    struct fdp *f = self;
    struct ev_rec *r = &f->evs[f->nevs++];

    assert_true(f->nevs < 32);
    memset(r, 0, sizeof(*r));
    r->type = type;
    if (type == SVC_EV_NHRP_TX) {
        const struct svc_pkt *e = p;
        r->tun = e->tun;
        r->nbma = e->nbma;
        assert_true(e->len <= sizeof(r->bytes));
        /* the bytes live only during the event: keep a copy */
        memcpy(r->bytes, e->pkt, e->len);
        assert_int_equal(nhrp_decode(r->bytes, e->len, &r->pkt, NULL), NHRP_DEC_OK);
    } else if (type == SVC_EV_ROUTE_DEL) {
        const struct svc_route *e = p;
        r->tun = e->tun;
        r->nbma = e->nexthop;
        r->proto = e->prefix;
    } else {
        const struct svc_map *e = p;
        r->tun = e->tun;
        r->nbma = e->nbma;
        r->proto = e->proto;
    }
}

static int
dp_call(void *self, int type, const void *in, void *out)
{
    switch (type) {
    case SVC_CALL_TUNNEL_ID:
        *(int *)out = !strcmp(in, "Tunnel0") ? TUN : !strcmp(in, "Tunnel1") ? TUN + 1 : -1;
        return 0;
    case SVC_CALL_TUNNEL_NAME:
        snprintf(out, SVC_IFNAMSIZ, "%s",
                 *(const int *)in == TUN       ? "Tunnel0"
                 : *(const int *)in == TUN + 1 ? "Tunnel1"
                                               : "");
        return 0;
    case SVC_CALL_ROUTE_LOOKUP:
        return -1; /* an empty RIB */
    case SVC_CALL_ROUTE_ADD:
        *(int *)out = NHRP_RT_RIB;
        return 0;
    default:
        return -1;
    }
}

static const uint16_t dp_consumes[] = {
    SVC_EV_NHRP_TX,   SVC_EV_MAP,           SVC_EV_UNMAP,      SVC_EV_MCAST_ADD,  SVC_EV_MCAST_DEL,
    SVC_EV_ROUTE_DEL, SVC_EV_VRF_ROUTE_DEL, SVC_EV_MAP6,       SVC_EV_UNMAP6,     SVC_EV_ROUTE6_DEL,
    SVC_EV_NHRP_TX6,  SVC_EV_MAP_N6,        SVC_EV_MCAST6_ADD, SVC_EV_MCAST6_DEL, 0};
static const uint16_t dp_emits[] = {
    SVC_EV_NHRP_RX,  SVC_EV_DP_MISS,  SVC_EV_DP_HAIRPIN,  SVC_EV_DP_USED,
    SVC_EV_DP_MISS6, SVC_EV_NHRP_RX6, SVC_EV_DP_HAIRPIN6, 0};
static const uint16_t dp_answers[] = {SVC_CALL_TUNNEL_ID, SVC_CALL_TUNNEL_NAME,
                                      SVC_CALL_ROUTE_LOOKUP, SVC_CALL_ROUTE_ADD, 0};
static const struct service fake_dp = {
    .name = "dataplane",
    .consumes = dp_consumes,
    .emits = dp_emits,
    .answers = dp_answers,
    .event = dp_event,
    .call = dp_call,
};

/* ---- the fake IPsec ---- */

struct fipsec {
    bool enabled; /* a charon to enforce protection */
    /* a release answered at once with the SA down (for every tunnel), as
     * the IPsec service does when it tears the peer's SA down */
    struct host *h;
    struct {
        int type;
        char ifname[SVC_IFNAMSIZ];
        uint32_t nbma;
    } evs[16];
    size_t nevs;
};

static void
ipsec_event(void *self, int type, const void *p)
{
    struct fipsec *f = self;
    const struct svc_peer *e = p;

    assert_true(f->nevs < 16);
    f->evs[f->nevs].type = type;
    snprintf(f->evs[f->nevs].ifname, SVC_IFNAMSIZ, "%s", e->ifname);
    f->evs[f->nevs].nbma = e->nbma;
    f->nevs++;
    if (type == SVC_EV_RELEASE && f->h)
        host_emit(f->h, SVC_EV_SA_STATE, &(struct svc_sa_state){NULL, e->nbma, NHRP_SA_DOWN});
}

static int
ipsec_call(void *self, int type, const void *in, void *out)
{
    struct fipsec *f = self;

    switch (type) {
    case SVC_CALL_IPSEC_ENABLED:
        *(bool *)out = f->enabled;
        return 0;
    case SVC_CALL_SA_LEVEL:
        *(int *)out = NHRP_SA_DOWN;
        return 0;
    default:
        return -1;
    }
}

static const uint16_t ipsec_consumes[] = {SVC_EV_PROTECT, SVC_EV_RELEASE, 0};
static const uint16_t ipsec_emits[] = {SVC_EV_SA_STATE, 0};
static const uint16_t ipsec_answers[] = {SVC_CALL_SA_LEVEL, SVC_CALL_IPSEC_ENABLED, 0};
static const struct service fake_ipsec = {
    .name = "ipsec",
    .consumes = ipsec_consumes,
    .emits = ipsec_emits,
    .answers = ipsec_answers,
    .event = ipsec_event,
    .call = ipsec_call,
};

/* ---- the host ---- */

struct env {
    struct dmvpnd d;
    struct host h;
    struct fdp dp;
    struct fipsec ipsec;
    struct cfg_parse *empty, *cfg;
};

static int
setup(void **state)
{
    static struct env e;

    memset(&e, 0, sizeof(e));
    e.d.ev = ev_new();
    e.empty = cfg_parse_text("", 0);
    e.d.running = e.empty->cfg;
    host_init(&e.h, &e.d);
    e.d.host = &e.h;
    /* the order dmvpnd registers them in */
    host_register(&e.h, &fake_dp, &e.dp);
    host_register(&e.h, &fake_ipsec, &e.ipsec);
    nhrp_svc_register(&e.h);
    *state = &e;
    return 0;
}

static int
teardown(void **state)
{
    struct env *e = *state;

    host_fini(&e->h);
    if (e->cfg)
        cfg_parse_free(e->cfg);
    cfg_parse_free(e->empty);
    ev_free(e->d.ev);
    return 0;
}

/* Parses text (the spoke plus, when protect, the crypto lines) and hands
 * it to every service as the new running config. */
/* What the host does on a commit: the diff from the running config, then
 * every service, then the swap. */
static int
reconfigure(struct env *e, struct cfg *next)
{
    struct cfg_diff diff;
    int n;

    cfg_diff(e->d.running, next, &diff);
    n = host_reconfigure(&e->h, e->d.running, next, &diff);
    cfg_diff_free(&diff);
    e->d.running = next;
    return n;
}

static void
configure(struct env *e, bool protect)
{
    char text[2048];

    snprintf(text, sizeof(text), "%s%s", protect ? crypto : "", spoke);
    e->cfg = cfg_parse_text(text, strlen(text));
    assert_int_equal(e->cfg->counts[CLS_INVALID], 0);
    assert_int_equal(reconfigure(e, e->cfg->cfg), 0);
}

static size_t
count(const struct fdp *f, int type)
{
    size_t n = 0;

    for (size_t i = 0; i < f->nevs; i++)
        n += f->evs[i].type == type;
    return n;
}

static const struct ev_rec *
last(const struct fdp *f, int type)
{
    for (size_t i = f->nevs; i > 0; i--)
        if (f->evs[i - 1].type == type)
            return &f->evs[i - 1];
    return NULL;
}

static const struct ev_rec *
first(const struct fdp *f, int type)
{
    for (size_t i = 0; i < f->nevs; i++)
        if (f->evs[i].type == type)
            return &f->evs[i];
    return NULL;
}

/* A registration request from this spoke to the NHS, out of Tunnel0. */
static void
assert_registration(const struct ev_rec *r)
{
    assert_non_null(r);
    assert_int_equal(r->tun, TUN);
    assert_int_equal(r->nbma, NHS_NBMA);
    assert_int_equal(r->pkt.type, NHRP_REG_REQ);
    assert_int_equal(r->pkt.src_nbma.u.v4, ME_NBMA);
    assert_int_equal(r->pkt.src_proto.u.v4, ME);
    assert_int_equal(r->pkt.dst_proto.u.v4, NHS);
}

static void
sa_state(struct env *e, const char *ifname, uint32_t nbma, int level)
{
    /* what the IPsec service emits; the host hands it to NHRP */
    host_emit(&e->h, SVC_EV_SA_STATE, &(struct svc_sa_state){ifname, nbma, level});
}

static void
test_contract(void **state)
{
    struct env *e = *state;

    /* NHRP's declarations meet the other services' as the architecture's
     * table says: nothing consumed that nobody emits, and the reverse */
    assert_int_equal(host_check(&e->h), 0);
    assert_non_null(host_request_owner(&e->h, REQ_CLEAR_IP_NHRP));
}

static void
test_unprotected_registers_at_once(void **state)
{
    struct env *e = *state;
    const struct ev_rec *r;

    configure(e, false);
    assert_int_equal(count(&e->dp, SVC_EV_NHRP_TX), 1);
    assert_registration(last(&e->dp, SVC_EV_NHRP_TX));
    /* the static map and multicast destination went to the data plane */
    r = last(&e->dp, SVC_EV_MAP);
    assert_non_null(r);
    assert_int_equal(r->tun, TUN);
    assert_int_equal(r->proto, NHS);
    assert_int_equal(r->nbma, NHS_NBMA);
    r = last(&e->dp, SVC_EV_MCAST_ADD);
    assert_non_null(r);
    assert_int_equal(r->nbma, NHS_NBMA);
    assert_int_equal(r->proto, 0);
    /* no SA asked for */
    assert_int_equal(e->ipsec.nevs, 0);
}

static void
test_protected_waits_for_sa(void **state)
{
    struct env *e = *state;
    const struct ev_rec *r;

    e->ipsec.enabled = true;
    configure(e, true);
    /* an SA to the NHS is asked for, by IOS name; nothing goes out yet */
    assert_int_equal(e->ipsec.nevs, 1);
    assert_int_equal(e->ipsec.evs[0].type, SVC_EV_PROTECT);
    assert_string_equal(e->ipsec.evs[0].ifname, "Tunnel0");
    assert_int_equal(e->ipsec.evs[0].nbma, NHS_NBMA);
    assert_int_equal(count(&e->dp, SVC_EV_NHRP_TX), 0);
    /* the mapping is NHRP's to announce; gating it is the data plane's */
    assert_int_equal(count(&e->dp, SVC_EV_MAP), 1);
    /* another peer's SA, or one still negotiating, releases nothing */
    sa_state(e, "Tunnel0", A(203, 0, 113, 99), NHRP_SA_UP);
    sa_state(e, "Tunnel0", NHS_NBMA, NHRP_SA_IKE);
    assert_int_equal(count(&e->dp, SVC_EV_NHRP_TX), 0);
    sa_state(e, "Tunnel0", NHS_NBMA, NHRP_SA_UP);
    assert_int_equal(count(&e->dp, SVC_EV_NHRP_TX), 1);
    r = last(&e->dp, SVC_EV_NHRP_TX);
    assert_registration(r);
    /* SA up: asked once, never released */
    assert_int_equal(e->ipsec.nevs, 1);
}

static void
test_protected_sa_for_every_tunnel(void **state)
{
    struct env *e = *state;

    /* an SA event that names no tunnel (charon's view: a peer) is for
     * every tunnel */
    e->ipsec.enabled = true;
    configure(e, true);
    sa_state(e, NULL, NHS_NBMA, NHRP_SA_UP);
    assert_int_equal(count(&e->dp, SVC_EV_NHRP_TX), 1);
    assert_registration(last(&e->dp, SVC_EV_NHRP_TX));
}

static void
test_protection_without_charon(void **state)
{
    struct env *e = *state;

    /* nothing would ever bring the SA up: IOS's config, NHRP unprotected */
    e->ipsec.enabled = false;
    configure(e, true);
    assert_int_equal(e->ipsec.nevs, 0);
    assert_int_equal(count(&e->dp, SVC_EV_NHRP_TX), 1);
    assert_registration(last(&e->dp, SVC_EV_NHRP_TX));
}

static void
test_nhs_record(void **state)
{
    struct env *e = *state;
    struct rec_nhrp_nhs rec;
    struct strbuf sb;

    e->ipsec.enabled = true;
    configure(e, true);
    sb_init(&sb);
    assert_int_equal(host_snapshot(&e->h, REC_NHRP_NHS, NULL, &sb), 1);
    assert_int_equal(sb.len, sizeof(rec));
    memcpy(&rec, sb.buf, sizeof(rec));
    assert_string_equal(rec.ifname, "Tunnel0");
    assert_int_equal(rec.addr, NHS);
    assert_int_equal(rec.nbma, NHS_NBMA);
    assert_int_equal(rec.req_sent, 1);
    assert_int_equal(rec.repl_recv, 0);
    assert_true(rec.protect_requested); /* show ip nhrp nhs detail */
    /* a tunnel filter by IOS name; an unknown tunnel has no NHS */
    sb_reset(&sb);
    assert_int_equal(host_snapshot(&e->h, REC_NHRP_NHS, "Tunnel0", &sb), 1);
    sb_reset(&sb);
    assert_int_equal(host_snapshot(&e->h, REC_NHRP_NHS, "Tunnel9", &sb), 0);
    assert_int_equal(sb.len, 0);
    /* the tunnel record says spoke, protected */
    sb_reset(&sb);
    assert_int_equal(host_snapshot(&e->h, REC_TUNNEL, NULL, &sb), 1);
    assert_int_equal(((struct rec_tunnel *)sb.buf)->type, REC_TUN_SPOKE);
    assert_true(((struct rec_tunnel *)sb.buf)->protected_);
    /* the IPv6 kinds are answered, with no rows while no tunnel has an
     * IPv6 NHRP instance (not "nobody serves this kind", -1) */
    {
        static const uint32_t k6[] = {REC_NHRP6_IF, REC_NHRP6_CACHE, REC_NHRP6_NHS,
                                      REC_DMVPN6_PEER};
        for (size_t i = 0; i < sizeof(k6) / sizeof(k6[0]); i++) {
            sb_reset(&sb);
            assert_int_equal(host_snapshot(&e->h, k6[i], NULL, &sb), 0);
            assert_int_equal(sb.len, 0);
        }
        assert_int_equal(host_snapshot(&e->h, REC_NHRP6_CACHE + 1000, NULL, &sb), -1);
    }
    sb_free(&sb);
}

/* show ip nhrp summary's groups count what show ip nhrp lists: the
 * spoke's static NHS mapping, one group of one. */
static void
test_count_record(void **state)
{
    struct env *e = *state;
    struct rec_nhrp_cache c;
    struct rec_nhrp_count g;
    struct strbuf sb;

    configure(e, true);
    sb_init(&sb);
    assert_int_equal(host_snapshot(&e->h, REC_NHRP_CACHE, NULL, &sb), 1);
    memcpy(&c, sb.buf, sizeof(c));
    sb_reset(&sb);
    assert_int_equal(host_snapshot(&e->h, REC_NHRP_COUNT, NULL, &sb), 1);
    assert_int_equal(sb.len, sizeof(g));
    memcpy(&g, sb.buf, sizeof(g));
    assert_int_equal(g.count, 1);
    assert_int_equal(g.type, c.type);
    assert_int_equal(g.flags, c.flags);
    assert_int_equal(g.prefix_len, c.prefix_len);
    sb_reset(&sb); /* an unknown tunnel: no groups */
    assert_int_equal(host_snapshot(&e->h, REC_NHRP_COUNT, "Tunnel9", &sb), 0);
    sb_free(&sb);
}

static void
test_unconfigure_releases(void **state)
{
    struct env *e = *state;

    e->ipsec.enabled = true;
    configure(e, true);
    sa_state(e, "Tunnel0", NHS_NBMA, NHRP_SA_UP);
    /* NHRP is removed from the tunnel: the mapping, the multicast
     * destination and the SA it asked for all go */
    assert_int_equal(reconfigure(e, e->empty->cfg), 0);
    assert_int_equal(count(&e->dp, SVC_EV_UNMAP), 1);
    assert_int_equal(last(&e->dp, SVC_EV_UNMAP)->proto, NHS);
    assert_int_equal(count(&e->dp, SVC_EV_MCAST_DEL), 1);
    assert_int_equal(e->ipsec.nevs, 2);
    assert_int_equal(e->ipsec.evs[1].type, SVC_EV_RELEASE);
    assert_int_equal(e->ipsec.evs[1].nbma, NHS_NBMA);
}

static void
test_shutdown_with_sa_answers(void **state)
{
    static const char tun1[] = "interface Tunnel1\n"
                               " ip address 10.1.0.2 255.255.255.0\n"
                               " ip nhrp map 10.1.0.1 203.0.113.2\n"
                               " ip nhrp network-id 101\n"
                               " ip nhrp nhs 10.1.0.1\n"
                               " tunnel source GigabitEthernet0/0\n"
                               " tunnel mode gre multipoint\n"
                               " tunnel key 1\n"
                               " tunnel protection ipsec profile P\n";
    struct env *e = *state;
    char text[4096];
    size_t i, rel = 0;

    /* dual cloud: two protected tunnels; stopping releases every peer and
     * the IPsec service answers each release with an SA event while the
     * engine is going (it must walk only the tunnels still there) */
    e->ipsec.enabled = true;
    snprintf(text, sizeof(text), "%s%s%s", crypto, spoke, tun1);
    e->cfg = cfg_parse_text(text, strlen(text));
    assert_int_equal(e->cfg->counts[CLS_INVALID], 0);
    assert_int_equal(reconfigure(e, e->cfg->cfg), 0);
    assert_int_equal(e->ipsec.nevs, 2); /* one SA asked per tunnel */
    sa_state(e, NULL, NHS_NBMA, NHRP_SA_UP);
    sa_state(e, NULL, A(203, 0, 113, 2), NHRP_SA_UP);
    e->ipsec.h = &e->h;
    host_fini(&e->h);
    for (i = 0; i < e->ipsec.nevs; i++)
        rel += e->ipsec.evs[i].type == SVC_EV_RELEASE;
    assert_int_equal(rel, 2);
}

static void
test_retransmit_from_timer(void **state)
{
    struct env *e = *state;
    int64_t start = ev_clock_monotonic_ms();

    configure(e, false);
    assert_int_equal(count(&e->dp, SVC_EV_NHRP_TX), 1);
    /* no answer from the NHS: the engine's timer, armed on the evloop by
     * the service, sends the request again (same request ID, RFC 2332
     * 5.2.0.1) after its first backoff of one second */
    while (count(&e->dp, SVC_EV_NHRP_TX) < 2 && ev_clock_monotonic_ms() - start < 5000)
        ev_run_once(e->d.ev, 100);
    assert_int_equal(count(&e->dp, SVC_EV_NHRP_TX), 2);
    assert_true(ev_clock_monotonic_ms() - start >= 900);
    assert_registration(last(&e->dp, SVC_EV_NHRP_TX));
    assert_int_equal(last(&e->dp, SVC_EV_NHRP_TX)->pkt.reqid,
                     first(&e->dp, SVC_EV_NHRP_TX)->pkt.reqid);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_contract, setup, teardown),
        cmocka_unit_test_setup_teardown(test_count_record, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unprotected_registers_at_once, setup, teardown),
        cmocka_unit_test_setup_teardown(test_protected_waits_for_sa, setup, teardown),
        cmocka_unit_test_setup_teardown(test_protected_sa_for_every_tunnel, setup, teardown),
        cmocka_unit_test_setup_teardown(test_protection_without_charon, setup, teardown),
        cmocka_unit_test_setup_teardown(test_nhs_record, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unconfigure_releases, setup, teardown),
        cmocka_unit_test_setup_teardown(test_retransmit_from_timer, setup, teardown),
        cmocka_unit_test_setup_teardown(test_shutdown_with_sa_answers, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
