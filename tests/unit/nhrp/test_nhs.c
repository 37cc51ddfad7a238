/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * NHS (hub) scenarios with a fake clock, fake ops and a fake NBMA network:
 * registration (create, refresh, expire), uniqueness (code 14) and
 * no-unique, NAT, authentication, network-id isolation, error
 * indications, resolution answered from the cache or forwarded, purge on
 * clear and on expiry, resource and static-map refusals, counters.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "fake.h"
#include "lib/log.h"

#include <stdlib.h>
#include <string.h>

#define HUB   A(10, 0, 0, 1)
#define S1    A(10, 0, 0, 2)
#define S2    A(10, 0, 0, 3)
#define N_HUB A(203, 0, 113, 1)
#define N_S1  A(198, 51, 100, 2)
#define N_S2  A(198, 51, 100, 3)
#define SEC   1000

static struct fnet net;
static struct fnode *hub, *s1, *s2;
static struct nhrp_if_config hcfg, c1, c2;

static int
setup(void **state)
{
    log_set_level(LOG_LVL_ERR);
    fnet_init(&net);
    hub = fnet_add(&net, N_HUB);
    s1 = fnet_add(&net, N_S1);
    s2 = fnet_add(&net, N_S2);
    fcfg_hub(&hcfg, 0, HUB, N_HUB);
    fcfg_spoke(&c1, 0, S1, N_S1, HUB, N_HUB);
    fcfg_spoke(&c2, 0, S2, N_S2, HUB, N_HUB);
    return 0;
}

static int
teardown(void **state)
{
    fnet_fini(&net);
    return 0;
}

static void
decode(const struct fpkt *f, struct nhrp_pkt *p)
{
    assert_non_null(f);
    assert_int_equal(nhrp_decode(f->data, f->len, p, NULL), NHRP_DEC_OK);
}

static void
start(void)
{
    fnode_config(hub, &hcfg, 1);
    fnode_config(s1, &c1, 1);
    fnet_pump(&net);
}

static void
t_registration_create_refresh_expire(void **state)
{
    struct rec_nhrp_cache r;
    struct rec_nhrp_nhs nhs;
    struct nhrp_pkt p;
    uint32_t nbma;
    int64_t t0 = net.now;

    start();
    /* What the spoke sent looks like IOS's registration request. */
    decode(fnet_last(&net, s1->idx, NHRP_REG_REQ), &p);
    assert_int_equal(p.hops, 255);
    assert_int_equal(p.flags, NHRP_F_REG_U | NHRP_F_CISCO_NAT);
    assert_int_equal(p.src_nbma.u.v4, N_S1);
    assert_int_equal(p.src_proto.u.v4, S1);
    assert_int_equal(p.dst_proto.u.v4, HUB);
    assert_int_equal(p.ncie, 1);
    assert_int_equal(p.cie[p.cie0].plen, 32);
    assert_int_equal(p.cie[p.cie0].holdtime, 600);
    assert_int_equal(p.cie[p.cie0].mtu, 1476);
    assert_false(p.cie[p.cie0].has_nbma);
    assert_int_equal(p.next, 4);
    assert_int_equal(p.ext[0].type, NHRP_EXT_RESPONDER);
    assert_int_equal(p.ext[1].type, NHRP_EXT_FWD_TRANSIT);
    assert_int_equal(p.ext[2].type, NHRP_EXT_REV_TRANSIT);
    assert_int_equal(p.ext[3].type, NHRP_EXT_NAT);
    assert_false(p.ext[3].compulsory);
    assert_int_equal(p.ext[3].ncie, 1);
    assert_int_equal(nhrp_ext_cie(&p, &p.ext[3], 0)->nbma.u.v4, N_HUB);

    /* The hub registered it. */
    assert_true(fnode_entry(hub, 0, S1, 32, &r));
    assert_int_equal(r.type, REC_NHRP_DYNAMIC);
    assert_int_equal(r.flags, REC_NF_UNIQUE | REC_NF_REGISTERED);
    assert_int_equal(r.nbma, N_S1);
    assert_int_equal(r.via, S1);
    assert_int_equal(r.created_ms, t0);
    assert_int_equal(r.expires_ms, t0 + 600 * SEC);
    assert_true(fnode_mapped(hub, S1, &nbma));
    assert_int_equal(nbma, N_S1);
    assert_true(fnode_has_mcast(hub, N_S1));

    /* Its reply: code 0, the responder is the hub. */
    decode(fnet_last(&net, hub->idx, NHRP_REG_REPLY), &p);
    assert_int_equal(p.flags, NHRP_F_REG_U | NHRP_F_CISCO_NAT);
    assert_int_equal(p.src_proto.u.v4, S1);
    assert_int_equal(p.cie[p.cie0].code, NHRP_CODE_SUCCESS);
    assert_int_equal(p.ext[0].type, NHRP_EXT_RESPONDER);
    assert_int_equal(p.ext[0].ncie, 1);
    assert_int_equal(nhrp_ext_cie(&p, &p.ext[0], 0)->proto.u.v4, HUB);
    assert_int_equal(nhrp_ext_cie(&p, &p.ext[0], 0)->nbma.u.v4, N_HUB);
    assert_int_equal(p.ext[3].ncie, 1); /* NAT: copied, nothing added */

    assert_true(fnode_nhs(s1, 0, N_HUB, &nhs));
    assert_int_equal(nhs.status, REC_NHS_E | REC_NHS_R);
    assert_int_equal(nhs.req_sent, 1);
    assert_int_equal(nhs.repl_recv, 1);

    /* Refresh every third of the holdtime; the entry keeps its age. */
    fnet_advance(&net, 200 * SEC);
    assert_int_equal(fnet_count(&net, s1->idx, hub->idx, NHRP_REG_REQ), 2);
    assert_true(fnode_entry(hub, 0, S1, 32, &r));
    assert_int_equal(r.created_ms, t0);
    assert_int_equal(r.expires_ms, t0 + 800 * SEC);

    /* The spoke goes silent: the entry expires with its holdtime. */
    s1->blackhole = true;
    fnet_advance(&net, 599 * SEC);
    assert_true(fnode_entry(hub, 0, S1, 32, NULL));
    fnet_advance(&net, 2 * SEC);
    assert_false(fnode_entry(hub, 0, S1, 32, NULL));
    assert_false(fnode_mapped(hub, S1, NULL));
    assert_false(fnode_has_mcast(hub, N_S1));
    /* meanwhile the spoke retried with back-off and lost R */
    assert_true(fnode_nhs(s1, 0, N_HUB, &nhs));
    assert_int_equal(nhs.status, REC_NHS_E);
    assert_int_equal(nhs.pending_retries, 64);
}

static void
t_unique_conflict_code14(void **state)
{
    struct rec_nhrp_cache r;
    struct rec_nhrp_nhs nhs;
    struct rec_nhrp_traffic tr;
    struct nhrp_pkt p;

    start();
    c2.addr = S1; /* the same tunnel address from another NBMA */
    fnode_config(s2, &c2, 1);
    fnet_pump(&net);
    decode(fnet_last(&net, hub->idx, NHRP_REG_REPLY), &p);
    assert_int_equal(p.cie[p.cie0].code, NHRP_CODE_ALREADY_REGISTERED);
    assert_true(fnode_entry(hub, 0, S1, 32, &r));
    assert_int_equal(r.nbma, N_S1);
    assert_true(fnode_nhs(s2, 0, N_HUB, &nhs));
    assert_int_equal(nhs.status, REC_NHS_E);
    assert_int_equal(nhs.req_failed, 1);
    fnode_traffic(hub, 0, &tr);
    assert_int_equal(tr.mib[REC_MIB_S_TX_REGISTER_NAK_ALREADY_REG], 1);
    assert_int_equal(tr.mib[REC_MIB_S_TX_REGISTER_ACK], 1);
    fnode_traffic(s2, 0, &tr);
    assert_int_equal(tr.mib[REC_MIB_C_RX_REGISTER_NAK_ALREADY_REG], 1);

    /* Refused until the old registration expires, then accepted. */
    s1->blackhole = true;
    fnet_advance(&net, 550 * SEC);
    assert_true(fnode_entry(hub, 0, S1, 32, &r));
    assert_int_equal(r.nbma, N_S1);
    fnet_advance(&net, 120 * SEC);
    assert_true(fnode_entry(hub, 0, S1, 32, &r));
    assert_int_equal(r.nbma, N_S2);
    assert_true(fnode_nhs(s2, 0, N_HUB, &nhs));
    assert_int_equal(nhs.status, REC_NHS_E | REC_NHS_R);
}

static void
t_no_unique_rebinds(void **state)
{
    struct rec_nhrp_cache r;
    uint32_t nbma;

    c1.reg_no_unique = true;
    start();
    assert_true(fnode_entry(hub, 0, S1, 32, &r));
    assert_int_equal(r.flags, REC_NF_REGISTERED);
    /* The spoke's NBMA changes (a new DHCP lease): s2 plays it. */
    s1->blackhole = true;
    c2.addr = S1;
    c2.reg_no_unique = true;
    fnode_config(s2, &c2, 1);
    fnet_pump(&net);
    assert_true(fnode_entry(hub, 0, S1, 32, &r));
    assert_int_equal(r.nbma, N_S2);
    assert_true(fnode_mapped(hub, S1, &nbma));
    assert_int_equal(nbma, N_S2);
    assert_true(fnode_has_mcast(hub, N_S2));
    assert_false(fnode_has_mcast(hub, N_S1));
}

static void
t_nat(void **state)
{
    struct rec_nhrp_cache r;
    struct rec_dmvpn_peer *peers;
    struct nhrp_pkt p;
    const struct nhrp_ext *x;
    size_t n;

    /* s1 sits behind NAT: it knows 192.168.1.2, the hub sees N_S1. */
    s1->nbma = A(192, 168, 1, 2);
    c1.nbma = A(192, 168, 1, 2);
    start();
    assert_true(fnode_entry(hub, 0, S1, 32, &r));
    assert_int_equal(r.nbma, N_S1);
    assert_int_equal(r.claimed_nbma, A(192, 168, 1, 2));
    decode(fnet_last(&net, hub->idx, NHRP_REG_REPLY), &p);
    x = nhrp_find_ext(&p, NHRP_EXT_NAT);
    assert_non_null(x);
    assert_int_equal(x->ncie, 2);
    assert_int_equal(nhrp_ext_cie(&p, x, 1)->nbma.u.v4, N_S1);
    assert_int_equal(nhrp_ext_cie(&p, x, 1)->proto.u.v4, S1);
    n = nhrp_snap_peers(hub->e, net.now, 0, &peers);
    assert_int_equal(n, 1);
    assert_int_equal(peers[0].attrs, REC_PA_D | REC_PA_N);
    assert_int_equal(peers[0].nbma, N_S1);
    free(peers);

    /* The spoke learnt its outside address and advertises it. */
    nhrp_trigger_resolve(s1->e, net.now, 0, A(10, 0, 0, 9));
    decode(fnet_last(&net, s1->idx, NHRP_RES_REQ), &p);
    x = nhrp_find_ext(&p, NHRP_EXT_NAT);
    assert_non_null(x);
    assert_int_equal(x->ncie, 1);
    assert_int_equal(nhrp_ext_cie(&p, x, 0)->nbma.u.v4, N_S1);
}

static void
t_auth_mismatch_and_match(void **state)
{
    struct rec_nhrp_traffic tr;
    struct nhrp_pkt p;
    const struct nhrp_ext *x;

    strcpy(hcfg.auth, "secret");
    strcpy(c1.auth, "wrong");
    start();
    fnode_traffic(hub, 0, &tr);
    assert_int_equal(tr.drops[REC_DROP_AUTH], 1);
    assert_int_equal(tr.rcvd_total, 0);
    assert_int_equal(fnet_count(&net, hub->idx, -1, NHRP_REG_REPLY), 0);
    assert_int_equal(fnet_count(&net, hub->idx, -1, NHRP_ERROR_IND), 0);
    assert_false(fnode_entry(hub, 0, S1, 32, NULL));

    strcpy(c1.auth, "secret");
    fnode_config(s1, &c1, 1); /* a new key re-registers */
    fnet_pump(&net);
    assert_true(fnode_entry(hub, 0, S1, 32, NULL));
    decode(fnet_last(&net, s1->idx, NHRP_REG_REQ), &p);
    x = nhrp_find_ext(&p, NHRP_EXT_AUTH);
    assert_non_null(x);
    assert_true(x->compulsory);
    assert_int_equal(x->len, 10);
    assert_memory_equal(nhrp_ext_value(&p, x), "\0\0\0\1secret", 10);
    decode(fnet_last(&net, hub->idx, NHRP_REG_REPLY), &p);
    assert_non_null(nhrp_find_ext(&p, NHRP_EXT_AUTH));
    /* no auth extension at all: dropped too */
    {
        uint8_t b[512];
        struct nhrp_cie c = {.plen = 32, .holdtime = 600};
        size_t n = fbuild(b, sizeof(b), NHRP_REG_REQ, 0x8002, 7, N_S2, S2, HUB, &c, 1, NULL, true);
        fnet_inject(hub, 0, N_S2, b, n);
    }
    fnode_traffic(hub, 0, &tr);
    assert_int_equal(tr.drops[REC_DROP_AUTH], 2);
    assert_false(fnode_entry(hub, 0, S2, 32, NULL));
}

static void
t_network_id_isolation(void **state)
{
    struct nhrp_if_config h[3], c;
    struct rec_nhrp_traffic tr;
    struct nhrp_pkt p;
    uint8_t b[512];
    struct nhrp_cie cie = {.plen = 32, .holdtime = 600};
    size_t n;

    h[0] = hcfg;
    fcfg_hub(&h[1], 1, A(10, 0, 1, 1), N_HUB);
    h[1].network_id = 2;
    fcfg_hub(&h[2], 2, A(10, 0, 2, 1), N_HUB);
    h[2].enabled = false; /* no ip nhrp network-id */
    fnode_config(hub, h, 3);
    fnode_config(s1, &c1, 1);
    fnet_pump(&net);
    assert_true(fnode_entry(hub, 0, S1, 32, NULL));

    /* NHRP on a tunnel without a network-id is dropped and counted. */
    n = fbuild(b, sizeof(b), NHRP_REG_REQ, 0x8002, 9, N_S2, A(10, 0, 2, 3), A(10, 0, 2, 1), &cie, 1,
               NULL, true);
    fnet_inject(hub, 2, N_S2, b, n);
    fnode_traffic(hub, 2, &tr);
    {
        struct rec_nhrp_traffic *all;
        size_t k = nhrp_snap_traffic(hub->e, net.now, 2, &all);
        assert_int_equal(k, 1);
        assert_int_equal(all[0].drops[REC_DROP_NETWORK_ID], 1);
        free(all);
    }

    /* Network-id 2 cannot resolve what network-id 1 registered. */
    fcfg_spoke(&c, 1, A(10, 0, 1, 3), N_S2, A(10, 0, 1, 1), N_HUB);
    fnode_config(s2, &c, 1);
    fnet_pump(&net);
    nhrp_trigger_resolve(s2->e, net.now, 1, S1);
    fnet_pump(&net);
    assert_int_equal(fnet_count(&net, hub->idx, s1->idx, NHRP_RES_REQ), 0);
    decode(fnet_last(&net, hub->idx, NHRP_ERROR_IND), &p);
    assert_int_equal(p.err_code, NHRP_ERR_PROTO_UNREACHABLE);
    assert_int_equal(p.dst_proto.u.v4, A(10, 0, 1, 3));

    /* Same network-id: the tunnels form one NBMA network (IOS). */
    h[1].network_id = 1;
    fnode_config(hub, h, 3);
    fnet_pump(&net);
    fnet_advance(&net, 200 * SEC); /* the incomplete entry on s2 ages out */
    nhrp_clear(s2->e, net.now, NHRP_TUN_ANY, 0, 0);
    nhrp_trigger_resolve(s2->e, net.now, 1, S1);
    fnet_pump(&net);
    assert_int_equal(fnet_count(&net, hub->idx, s1->idx, NHRP_RES_REQ), 1);
}

static void
t_error_indications(void **state)
{
    uint8_t b[1024];
    struct nhrp_cie cie = {.plen = 32, .holdtime = 600, .mtu = 1400};
    struct nhrp_pkt p, inner;
    struct rec_nhrp_traffic tr;
    struct nhrp_wbuf w;
    size_t n, h;
    const uint32_t X = A(192, 0, 2, 9);

    start();
    /* (a) an unknown compulsory extension in a request we must answer */
    nhrp_w_init(&w, b, sizeof(b));
    nhrp_w_header(&w, NHRP_RES_REQ, 255, 0xc802, 77, X, A(10, 0, 0, 9), HUB);
    nhrp_w_cie(&w, &cie);
    h = nhrp_w_ext_begin(&w, 0x8000 | 0x1234);
    nhrp_w_bytes(&w, "abcd", 4);
    nhrp_w_ext_end(&w, h);
    n = nhrp_w_finish(&w);
    fnet_inject(hub, 0, X, b, n);
    decode(fnet_last(&net, hub->idx, NHRP_ERROR_IND), &p);
    assert_int_equal(p.err_code, NHRP_ERR_UNRECOGNIZED_EXT);
    assert_int_equal(p.err_offset, 52);
    assert_int_equal(p.dst_proto.u.v4, A(10, 0, 0, 9));
    assert_int_equal(p.src_proto.u.v4, HUB);
    assert_int_equal(p.extoff, 0);
    assert_int_equal(p.payload_len, n);
    assert_int_equal(nhrp_decode(p.raw + p.payload_off, p.payload_len, &inner, NULL), NHRP_DEC_OK);
    assert_int_equal(inner.reqid, 77);
    assert_int_equal(net.log[net.nlog - 1].dst_nbma, X);

    /* (b) a request to forward with no hops left */
    n = fbuild(b, sizeof(b), NHRP_RES_REQ, 0xc802, 78, X, A(10, 0, 0, 9), S1, &cie, 1, NULL, true);
    b[9] = 0;
    nhrp_put16(b + 12, 0);
    nhrp_put16(b + 12, nhrp_checksum(b, n));
    fnet_inject(hub, 0, X, b, n);
    decode(fnet_last(&net, hub->idx, NHRP_ERROR_IND), &p);
    assert_int_equal(p.err_code, NHRP_ERR_HOP_EXCEEDED);
    assert_int_equal(fnet_count(&net, hub->idx, s1->idx, NHRP_RES_REQ), 0);

    /* (c) a registration with hop count 0: IOS drops it silently */
    n = fbuild(b, sizeof(b), NHRP_REG_REQ, 0x8002, 79, X, A(10, 0, 0, 9), HUB, &cie, 1, NULL, true);
    b[9] = 0;
    nhrp_put16(b + 12, 0);
    nhrp_put16(b + 12, nhrp_checksum(b, n));
    h = net.nlog;
    fnet_inject(hub, 0, X, b, n);
    assert_int_equal(net.nlog, h);
    fnode_traffic(hub, 0, &tr);
    assert_int_equal(tr.drops[REC_DROP_HOPCOUNT], 2);

    /* (d) a broken extension in a request: Invalid Extension */
    n = fbuild(b, sizeof(b), NHRP_RES_REQ, 0xc802, 80, X, A(10, 0, 0, 9), HUB, &cie, 1, NULL, true);
    nhrp_put16(b + 52 + 2, 300);
    nhrp_put16(b + 12, 0);
    nhrp_put16(b + 12, nhrp_checksum(b, n));
    fnet_inject(hub, 0, X, b, n);
    decode(fnet_last(&net, hub->idx, NHRP_ERROR_IND), &p);
    assert_int_equal(p.err_code, NHRP_ERR_INVALID_EXT);
    assert_int_equal(p.err_offset, 54);
    fnode_traffic(hub, 0, &tr);
    assert_int_equal(tr.drops[REC_DROP_MALFORMED], 1);

    /* (e) a resolution reply to a request we never made */
    n = fbuild(b, sizeof(b), NHRP_RES_REPLY, 0xe802, 81, N_HUB, HUB, A(10, 0, 0, 9), &cie, 1, NULL,
               true);
    fnet_inject(hub, 0, X, b, n);
    decode(fnet_last(&net, hub->idx, NHRP_ERROR_IND), &p);
    assert_int_equal(p.err_code, NHRP_ERR_INVALID_REPLY);

    /* (f) our own record in the forward transit list: a loop */
    nhrp_w_init(&w, b, sizeof(b));
    nhrp_w_header(&w, NHRP_RES_REQ, 255, 0xc802, 82, X, A(10, 0, 0, 9), S1);
    nhrp_w_cie(&w, &cie);
    h = nhrp_w_ext_begin(&w, 0x8004);
    {
        struct nhrp_cie self = {
            .has_nbma = true, .nbma = IA4(N_HUB), .has_proto = true, .proto = IA4(HUB)};
        nhrp_w_cie(&w, &self);
    }
    nhrp_w_ext_end(&w, h);
    n = nhrp_w_finish(&w);
    fnet_inject(hub, 0, X, b, n);
    decode(fnet_last(&net, hub->idx, NHRP_ERROR_IND), &p);
    assert_int_equal(p.err_code, NHRP_ERR_LOOP_DETECTED);

    /* (g) a bad checksum is dropped without an answer */
    n = fbuild(b, sizeof(b), NHRP_RES_REQ, 0xc802, 83, X, A(10, 0, 0, 9), HUB, &cie, 1, NULL, true);
    b[30] ^= 0x40;
    h = net.nlog;
    fnet_inject(hub, 0, X, b, n);
    assert_int_equal(net.nlog, h);
    fnode_traffic(hub, 0, &tr);
    assert_int_equal(tr.drops[REC_DROP_CHECKSUM], 1);
    assert_int_equal(tr.sent[REC_CTR_ERROR_IND], 5);
    assert_int_equal(tr.mib[REC_MIB_S_TX_ERR_UNRECOGNIZED_EXT], 1);
    assert_int_equal(tr.mib[REC_MIB_S_TX_ERR_HOP_COUNT_EXCEEDED], 1);
    assert_int_equal(tr.mib[REC_MIB_S_TX_ERR_LOOP_DETECTED], 1);
}

static void
t_resolution_forward_or_answer(void **state)
{
    uint8_t b[512];
    struct nhrp_cie cie = {.plen = 32, .holdtime = 600, .mtu = 1400};
    struct nhrp_pkt p;
    const uint32_t X = A(192, 0, 2, 9);
    size_t n;

    start();
    /* With A set (what IOS asks), the hub forwards to the owner. */
    n = fbuild(b, sizeof(b), NHRP_RES_REQ, 0xc802, 90, X, A(10, 0, 0, 9), S1, &cie, 1, NULL, true);
    fnet_inject(hub, 0, X, b, n);
    decode(fnet_last(&net, hub->idx, NHRP_RES_REQ), &p);
    assert_int_equal(net.log[net.nlog - 1].to, s1->idx);
    assert_int_equal(p.hops, 254);
    assert_int_equal(p.reqid, 90);
    assert_int_equal(nhrp_find_ext(&p, NHRP_EXT_FWD_TRANSIT)->ncie, 1);
    assert_int_equal(nhrp_ext_cie(&p, nhrp_find_ext(&p, NHRP_EXT_FWD_TRANSIT), 0)->proto.u.v4, HUB);

    /* Without A, the hub answers from its cache. */
    n = fbuild(b, sizeof(b), NHRP_RES_REQ, 0x8802, 91, X, A(10, 0, 0, 9), S1, &cie, 1, NULL, true);
    fnet_inject(hub, 0, X, b, n);
    decode(fnet_last(&net, hub->idx, NHRP_RES_REPLY), &p);
    assert_int_equal(p.reqid, 91);
    assert_int_equal(p.flags, NHRP_F_RES_Q | NHRP_F_RES_A | NHRP_F_RES_D | NHRP_F_RES_U |
                                  NHRP_F_RES_S | NHRP_F_CISCO_NAT);
    assert_int_equal(p.cie[p.cie0].code, NHRP_CODE_SUCCESS);
    assert_int_equal(p.cie[p.cie0].nbma.u.v4, N_S1);
    assert_int_equal(p.cie[p.cie0].proto.u.v4, S1);
    assert_int_equal(p.cie[p.cie0].holdtime, 600);

    /* Unknown address inside the tunnel subnet: negative reply (code 12). */
    n = fbuild(b, sizeof(b), NHRP_RES_REQ, 0xc802, 92, X, A(10, 0, 0, 9), A(10, 0, 0, 77), &cie, 1,
               NULL, true);
    fnet_inject(hub, 0, X, b, n);
    decode(fnet_last(&net, hub->idx, NHRP_RES_REPLY), &p);
    assert_int_equal(p.reqid, 92);
    assert_int_equal(p.cie[p.cie0].code, NHRP_CODE_NO_BINDING);

    /* The hub's own address: it answers for itself. */
    n = fbuild(b, sizeof(b), NHRP_RES_REQ, 0xc802, 93, X, A(10, 0, 0, 9), HUB, &cie, 1, NULL, true);
    fnet_inject(hub, 0, X, b, n);
    decode(fnet_last(&net, hub->idx, NHRP_RES_REPLY), &p);
    assert_int_equal(p.cie[p.cie0].nbma.u.v4, N_HUB);
    assert_int_equal(p.cie[p.cie0].proto.u.v4, HUB);
    assert_int_equal(p.flags, 0xf802);
}

static void
t_purge_on_clear_and_expiry(void **state)
{
    struct rec_nhrp_cache r;
    struct nhrp_pkt p;

    hcfg.answer_from_cache = true;
    start();
    fnode_config(s2, &c2, 1);
    fnet_pump(&net);
    /* s2 resolves s1 (phase 2); the hub answers from its cache. */
    nhrp_trigger_resolve(s2->e, net.now, 0, S1);
    fnet_pump(&net);
    assert_true(fnode_entry(s2, 0, S1, 32, &r));
    assert_int_equal(r.type, REC_NHRP_DYNAMIC);
    assert_int_equal(r.flags, REC_NF_ROUTER | REC_NF_NHOP | REC_NF_USED);
    assert_int_equal(r.nbma, N_S1);
    assert_true(fnode_mapped(s2, S1, NULL));

    /* clear ip nhrp on the hub purges it from s2. */
    nhrp_clear(hub->e, net.now, 0, S1, 32);
    fnet_pump(&net);
    decode(fnet_last(&net, hub->idx, NHRP_PURGE_REQ), &p);
    assert_int_equal(p.dst_proto.u.v4, S2);
    assert_int_equal(p.flags & NHRP_F_PURGE_N, 0);
    assert_int_equal(p.cie[p.cie0].proto.u.v4, S1);
    assert_false(fnode_entry(s2, 0, S1, 32, NULL));
    assert_false(fnode_mapped(s2, S1, NULL));
    assert_int_equal(fnet_count(&net, s2->idx, hub->idx, NHRP_PURGE_REPLY), 1);
    fnet_advance(&net, 10 * SEC); /* answered: no retransmission */
    assert_int_equal(fnet_count(&net, hub->idx, -1, NHRP_PURGE_REQ), 1);
    assert_false(fnode_entry(hub, 0, S1, 32, NULL));

    /* s1 registers again; s2 resolves again; s1 dies: expiry purges. */
    fnet_advance(&net, 200 * SEC);
    assert_true(fnode_entry(hub, 0, S1, 32, NULL));
    nhrp_trigger_resolve(s2->e, net.now, 0, S1);
    fnet_pump(&net);
    assert_true(fnode_entry(s2, 0, S1, 32, &r));
    s1->blackhole = true;
    fnet_advance(&net, 600 * SEC);
    assert_false(fnode_entry(hub, 0, S1, 32, NULL));
    assert_int_equal(fnet_count(&net, hub->idx, s2->idx, NHRP_PURGE_REQ), 2);
}

static void
t_refusals_and_counters(void **state)
{
    struct nhrp_map_config m = {.proto = S2, .plen = 32, .nbma = A(192, 0, 2, 33)};
    struct rec_nhrp_traffic tr, ts;
    struct nhrp_pkt p;
    struct fnode *s3;
    struct nhrp_if_config c3;

    hcfg.maps = &m;
    hcfg.nmaps = 1;
    hcfg.max_entries = 2; /* the static map and one registration */
    start();
    fnode_config(s2, &c2, 1);
    fnet_pump(&net);
    decode(fnet_last(&net, hub->idx, NHRP_REG_REPLY), &p);
    assert_int_equal(p.cie[p.cie0].code, NHRP_CODE_ADMIN_PROHIBITED);
    s3 = fnet_add(&net, A(198, 51, 100, 4));
    fcfg_spoke(&c3, 0, A(10, 0, 0, 4), A(198, 51, 100, 4), HUB, N_HUB);
    fnode_config(s3, &c3, 1);
    fnet_pump(&net);
    decode(fnet_last(&net, hub->idx, NHRP_REG_REPLY), &p);
    assert_int_equal(p.cie[p.cie0].code, NHRP_CODE_INSUFFICIENT_RESOURCES);

    fnode_traffic(hub, 0, &tr);
    fnode_traffic(s1, 0, &ts);
    assert_int_equal(tr.rcvd[REC_CTR_REG_REQ], 3);
    assert_int_equal(tr.sent[REC_CTR_REG_REPLY], 3);
    assert_int_equal(tr.sent_total, 3);
    assert_int_equal(tr.rcvd_total, 3);
    assert_int_equal(tr.max_send_pkts, 10000);
    assert_int_equal(tr.usage_pct, 0);
    assert_int_equal(tr.mib[REC_MIB_S_RX_REGISTER_REQ], 3);
    assert_int_equal(tr.mib[REC_MIB_S_TX_REGISTER_ACK], 1);
    assert_int_equal(tr.mib[REC_MIB_S_TX_REGISTER_NAK_PROHIB], 1);
    assert_int_equal(tr.mib[REC_MIB_S_TX_REGISTER_NAK_INSUF_RES], 1);
    assert_true(tr.is_server);
    assert_false(tr.is_client);
    assert_int_equal(ts.sent[REC_CTR_REG_REQ], 1);
    assert_int_equal(ts.rcvd[REC_CTR_REG_REPLY], 1);
    assert_int_equal(ts.mib[REC_MIB_C_TX_REGISTER_REQ], 1);
    assert_int_equal(ts.mib[REC_MIB_C_RX_REGISTER_ACK], 1);
    assert_true(ts.is_client);
}

static void
t_max_send(void **state)
{
    struct rec_nhrp_traffic tr;
    uint8_t b[512];
    struct nhrp_cie cie = {.plen = 32, .holdtime = 600};
    int i;

    hcfg.max_send_pkts = 3;
    hcfg.max_send_secs = 10;
    start();
    for (i = 0; i < 5; i++) {
        size_t n =
            fbuild(b, sizeof(b), NHRP_RES_REQ, 0x8802, 100 + i, N_S1, S1, HUB, &cie, 1, NULL, true);
        fnet_inject(hub, 0, N_S1, b, n);
    }
    fnode_traffic(hub, 0, &tr);
    assert_int_equal(tr.sent_total, 3); /* the registration reply and two replies */
    assert_int_equal(tr.usage_pct, 100);
    fnet_advance(&net, 11 * SEC);
    fnet_inject(
        hub, 0, N_S1, b,
        fbuild(b, sizeof(b), NHRP_RES_REQ, 0x8802, 200, N_S1, S1, HUB, &cie, 1, NULL, true));
    fnode_traffic(hub, 0, &tr);
    assert_int_equal(tr.sent_total, 4);
    assert_int_equal(tr.usage_pct, 33);
}

static void
t_hub_lists_itself(void **state)
{
    struct nhrp_map_config m = {.proto = HUB, .plen = 40, .nbma = N_HUB};

    /* Hub/spoke configs often name the hub as NHS on the hub too; a map
     * with a silly length is clamped. Neither registers with itself. */
    hcfg.nnhs = 1;
    hcfg.nhs[0].addr = HUB;
    hcfg.nhs[0].nbma = N_HUB;
    hcfg.maps = &m;
    hcfg.nmaps = 1;
    start();
    assert_int_equal(fnet_count(&net, hub->idx, -1, NHRP_REG_REQ), 0);
    assert_true(fnode_entry(hub, 0, S1, 32, NULL));
    hcfg.nmaps = 0;
    fnode_config(hub, &hcfg, 1);
    assert_true(fnode_entry(hub, 0, S1, 32, NULL));
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(t_registration_create_refresh_expire, setup, teardown),
        cmocka_unit_test_setup_teardown(t_unique_conflict_code14, setup, teardown),
        cmocka_unit_test_setup_teardown(t_no_unique_rebinds, setup, teardown),
        cmocka_unit_test_setup_teardown(t_nat, setup, teardown),
        cmocka_unit_test_setup_teardown(t_auth_mismatch_and_match, setup, teardown),
        cmocka_unit_test_setup_teardown(t_network_id_isolation, setup, teardown),
        cmocka_unit_test_setup_teardown(t_error_indications, setup, teardown),
        cmocka_unit_test_setup_teardown(t_resolution_forward_or_answer, setup, teardown),
        cmocka_unit_test_setup_teardown(t_purge_on_clear_and_expiry, setup, teardown),
        cmocka_unit_test_setup_teardown(t_refusals_and_counters, setup, teardown),
        cmocka_unit_test_setup_teardown(t_max_send, setup, teardown),
        cmocka_unit_test_setup_teardown(t_hub_lists_itself, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
