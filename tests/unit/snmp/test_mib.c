/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Records -> NHRP-MIB and CISCO-IPSEC-FLOW-MONITOR-MIB rows (snmp/sn_nhrp.c,
 * snmp/sn_ipsec.c) on fixed records: indexes, values, the holding time
 * against the snapshot's clock, GETNEXT order over the whole MIB, and GET
 * of every instance a walk returns. */
#include "snmp/sn_mib.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#define NOW 1000000

static struct rec_tunnel tun[2];
static struct rec_nhrp_cache cache[5];
static struct rec_nhrp_nhs nhs[2];
static struct rec_nhrp_traffic tr[2];
static struct rec_ike_sa ike[2];
static struct rec_ipsec_sa ips[1];
static struct rec_crypto_global cglob;

static uint32_t
fake_ifindex(void *arg, const char *name)
{
    return !strcmp(name, "Tunnel0") ? 7 : !strcmp(name, "Tunnel5") ? 9 : 0;
}

static void
fill(struct sn_snap *s)
{
    memset(s, 0, sizeof(*s));
    memset(tun, 0, sizeof(tun));
    memset(cache, 0, sizeof(cache));
    memset(nhs, 0, sizeof(nhs));
    memset(tr, 0, sizeof(tr));
    memset(ike, 0, sizeof(ike));
    memset(ips, 0, sizeof(ips));
    /* Tunnel0: hub (server); Tunnel5: spoke (client) without traffic record */
    strcpy(tun[0].ifname, "Tunnel0");
    tun[0].type = REC_TUN_HUB;
    tun[0].addr = 0x0a000001;
    tun[0].src = 0xc0000201;
    tun[0].mtu = 1400;
    tun[0].holdtime = 600;
    strcpy(tun[1].ifname, "Tunnel5");
    tun[1].type = REC_TUN_SPOKE;
    tun[1].addr = 0x0a05000b;
    tun[1].src = 0xc612000b;
    /* registered spoke 10.0.0.11, 300.5 s left */
    strcpy(cache[0].ifname, "Tunnel0");
    cache[0].proto = 0x0a00000b;
    cache[0].prefix_len = 32;
    cache[0].type = REC_NHRP_DYNAMIC;
    cache[0].preference = 255;
    cache[0].nbma = 0xc612000b;
    cache[0].flags = REC_NF_REGISTERED | REC_NF_UNIQUE;
    cache[0].expires_ms = NOW + 300500;
    /* the same address as a /24 on the same tunnel */
    cache[1] = cache[0];
    cache[1].prefix_len = 24;
    cache[1].flags = REC_NF_AUTHORITATIVE;
    /* incomplete entry: no NBMA yet */
    strcpy(cache[2].ifname, "Tunnel0");
    cache[2].proto = 0x0a000002;
    cache[2].prefix_len = 32;
    cache[2].type = REC_NHRP_INCOMPLETE;
    cache[2].expires_ms = NOW - 5000; /* already past: 0 left */
    /* static map on the spoke tunnel */
    strcpy(cache[3].ifname, "Tunnel5");
    cache[3].proto = 0x0a050001;
    cache[3].prefix_len = 32;
    cache[3].type = REC_NHRP_STATIC;
    cache[3].nbma = 0xc0000201;
    /* on an interface IF-MIB does not know: no row */
    strcpy(cache[4].ifname, "Tunnel9");
    cache[4].proto = 0x0a090001;
    cache[4].type = REC_NHRP_DYNAMIC;
    /* two NHSes of Tunnel5 */
    strcpy(nhs[0].ifname, "Tunnel5");
    nhs[0].addr = 0x0a050001;
    nhs[0].nbma = 0xc0000201;
    nhs[0].status = REC_NHS_E | REC_NHS_R;
    strcpy(nhs[1].ifname, "Tunnel5");
    nhs[1].addr = 0x0a050002;
    nhs[1].status = REC_NHS_E;
    strcpy(tr[0].ifname, "Tunnel0");
    tr[0].is_server = 1;
    tr[0].mib[REC_MIB_S_RX_REGISTER_REQ] = 5;
    tr[0].mib[REC_MIB_S_FW_ERROR_IND] = 0x100000007ull; /* wraps in Counter32 */
    strcpy(tr[1].ifname, "Tunnel5");
    tr[1].is_client = 1;
    tr[1].mib[REC_MIB_C_RX_ERR_AUTH_FAILURE] = 3;
    tr[1].mib[REC_MIB_C_RX_ERR_INVALID_RES_REPLY] = 99; /* not a client column */
    tr[1].mib[REC_MIB_C_RX_ERR_HOP_COUNT_EXCEEDED] = 4;
    /* IKE: one established, one still negotiating */
    strcpy(ike[0].encr, "3des");
    strcpy(ike[0].hash, "sha");
    strcpy(ike[0].auth, "psk");
    ike[0].local = 0xc0000201;
    ike[0].remote = 0xc612000b;
    ike[0].state = REC_IKE_QM_IDLE;
    ike[0].dh_group = 14; /* outside the MIB's enumeration */
    ike[0].conn_id = 1001;
    ike[0].created_ms = NOW - 60000;
    ike[0].expires_ms = NOW - 60000 + 86400000;
    ike[1] = ike[0];
    ike[1].state = REC_IKE_MM_KEY_EXCH;
    ike[1].conn_id = 1002;
    ips[0].local_endpt = 0xc0000201;
    ips[0].remote_endpt = 0xc612000b;
    ips[0].lid_addr = 0xc0000201;
    ips[0].lid_mask = 0xffffffff;
    ips[0].rid_addr = 0x0a000000;
    ips[0].rid_mask = 0xffffff00;
    ips[0].lid_proto = ips[0].rid_proto = 47;
    ips[0].pfs_group = 2;
    ips[0].n_sas = 3;
    strcpy(ips[0].sas[0].transform, "esp-256-aes esp-sha-hmac");
    ips[0].sas[0].spi = 0x1111;
    ips[0].sas[0].conn_id = 2001;
    ips[0].sas[0].dir = REC_SA_IN;
    strcpy(ips[0].sas[1].transform, "esp-3des esp-md5-hmac");
    ips[0].sas[1].spi = 0x2222;
    ips[0].sas[1].conn_id = 2002;
    ips[0].sas[1].dir = REC_SA_OUT;
    ips[0].sas[2].spi = 0; /* an empty slot: no SPI row */
    ips[0].ctr[REC_IPC_ENCAPS] = 77;
    ips[0].ctr[REC_IPC_DECAPS] = 66;
    ips[0].in_octets = (3ull << 32) + 10;
    ips[0].created_ms = NOW - 12345;
    ips[0].refreshes = 3;
    ips[0].expired_sas = 6;
    ips[0].life_s = 3600;
    ips[0].life_kb = 4608000;
    ips[0].out_octets = (1ull << 32) + 7;
    memset(&cglob, 0, sizeof(cglob));
    cglob.ike_previous = 4;
    cglob.ike_initiated = 9;
    cglob.ipsec_previous = 5;
    cglob.in_octets = (2ull << 32) + 300;
    cglob.out_octets = 400;
    cglob.ctr[REC_IPC_DECAPS] = 1000;
    cglob.ctr[REC_IPC_ENCAPS] = 2000;
    cglob.ctr[REC_IPC_VERIFY] = 1001;
    cglob.ctr[REC_IPC_DIGEST] = 2001;
    cglob.ctr[REC_IPC_DECRYPT] = 1002;
    cglob.ctr[REC_IPC_ENCRYPT] = 2002;
    cglob.ctr[REC_IPC_REPLAY_FAILED_RCV] = 11;

    s->now_ms = NOW;
    s->disc_ticks = 4242;
    s->tun = tun;
    s->ntun = 2;
    s->cache = cache;
    s->ncache = 5;
    s->nhs = nhs;
    s->nnhs = 2;
    s->traffic = tr;
    s->ntraffic = 2;
    s->ike = ike;
    s->nike = 2;
    s->ipsec = ips;
    s->nipsec = 1;
    s->cglobal = &cglob;
    s->ifindex = fake_ifindex;
}

struct fixture {
    struct sn_snap s;
    struct sn_mib m;
};

static int
setup(void **state)
{
    static struct fixture f;

    fill(&f.s);
    sn_mib_init(&f.m);
    sn_mib_build(&f.m, &f.s);
    *state = &f;
    return 0;
}

static int
teardown(void **state)
{
    struct fixture *f = *state;

    sn_mib_free(&f->m);
    return 0;
}

/* GET by dotted OID; returns 1/0/-1 as sn_mib_get. */
static int
get(struct fixture *f, const char *oid, struct sn_val *v)
{
    uint32_t q[SN_OID_MAX];
    size_t n = sn_oid_parse(oid, q, SN_OID_MAX);

    assert_true(n > 0);
    return sn_mib_get(&f->m, &f->s, q, n, v);
}

static int64_t
get_int(struct fixture *f, const char *oid)
{
    struct sn_val v;

    assert_int_equal(get(f, oid, &v), 1);
    assert_int_equal(v.type, SN_INTEGER);
    return v.i;
}

static uint64_t
get_uns(struct fixture *f, const char *oid, enum sn_type type)
{
    struct sn_val v;

    assert_int_equal(get(f, oid, &v), 1);
    assert_int_equal(v.type, type);
    return v.u;
}

static void
assert_octets(struct fixture *f, const char *oid, const char *hex)
{
    struct sn_val v;
    char buf[3 * SN_STR_MAX + 1] = "";
    size_t i, k = 0;

    assert_int_equal(get(f, oid, &v), 1);
    assert_int_equal(v.type, SN_OCTETS);
    for (i = 0; i < v.len; i++)
        k += (size_t)snprintf(buf + k, sizeof(buf) - k, i ? " %02x" : "%02x", v.s[i]);
    assert_string_equal(buf, hex);
}

#define CACHE  "1.3.6.1.2.1.71.1.1.2.1."
#define IDX0   ".1.4.10.0.0.11.7.33" /* 10.0.0.11/32 on ifIndex 7 */
#define IDX0B  ".1.4.10.0.0.11.7.25" /* 10.0.0.11/24 */
#define IDXINC ".1.4.10.0.0.2.7.33"

static void
test_cache(void **state)
{
    struct fixture *f = *state;
    struct sn_val v;

    assert_int_equal(f->m.t[SN_T_NHRP_CACHE].nrows, 4); /* Tunnel9 has no ifIndex */
    assert_int_equal(get_int(f, CACHE "4" IDX0), 32);
    assert_int_equal(get_int(f, CACHE "4" IDX0B), 24);
    assert_octets(f, CACHE "5" IDX0, "0a 00 00 0b");
    assert_int_equal(get_int(f, CACHE "6" IDX0), 1); /* ipV4 */
    assert_octets(f, CACHE "7" IDX0, "c6 12 00 0b");
    assert_octets(f, CACHE "7" IDXINC, ""); /* incomplete: no NBMA */
    assert_octets(f, CACHE "8" IDX0, "");
    assert_int_equal(get_int(f, CACHE "9" IDX0), 2);                 /* register */
    assert_int_equal(get_int(f, CACHE "9" IDX0B), 3);                /* resolveAuthoritative */
    assert_int_equal(get_int(f, CACHE "9" IDXINC), 1);               /* other */
    assert_int_equal(get_int(f, CACHE "10" IDX0), 2);                /* ackReply */
    assert_int_equal(get_int(f, CACHE "10" IDXINC), 1);              /* incomplete */
    assert_int_equal(get_int(f, CACHE "11" IDX0), 1);                /* holding time valid */
    assert_int_equal(get_uns(f, CACHE "12" IDX0, SN_UNSIGNED), 300); /* 300.5 s left */
    assert_int_equal(get_uns(f, CACHE "12" IDXINC, SN_UNSIGNED), 0);
    assert_int_equal(get_int(f, CACHE "13" IDX0), 1400); /* the tunnel's MTU */
    assert_int_equal(get_int(f, CACHE "14" IDX0), 255);
    assert_int_equal(get_int(f, CACHE "15" IDX0), 1); /* StorageType other */
    assert_int_equal(get_int(f, CACHE "16" IDX0), 1); /* active */
    /* the spoke's static map: administrativelyAdded, nonVolatile, no
     * valid holding time; its tunnel has no MTU, so no column 13 */
    assert_int_equal(get_int(f, CACHE "9.1.4.10.5.0.1.9.33"), 6);
    assert_int_equal(get_int(f, CACHE "11.1.4.10.5.0.1.9.33"), 2);
    assert_int_equal(get_int(f, CACHE "15.1.4.10.5.0.1.9.33"), 3);
    assert_int_equal(get(f, CACHE "13.1.4.10.5.0.1.9.33", &v), 0);
    /* unsupported columns and missing rows */
    assert_int_equal(get(f, CACHE "3" IDX0, &v), -1); /* index: not-accessible */
    assert_int_equal(get(f, CACHE "4.1.4.10.0.0.99.7.33", &v), 0);
}

#define CLIENT "1.3.6.1.2.1.71.1.2."
#define SERVER "1.3.6.1.2.1.71.1.3."

static void
test_client_server(void **state)
{
    struct fixture *f = *state;
    struct sn_val v;

    /* nhrpNextIndex: no row creation */
    assert_int_equal(get_uns(f, "1.3.6.1.2.1.71.1.1.1.0", SN_UNSIGNED), 0);
    /* Tunnel5 is client index 6; Tunnel0 server index 1 */
    assert_int_equal(f->m.t[SN_T_NHRP_CLIENT].nrows, 1);
    assert_int_equal(f->m.t[SN_T_NHRP_SERVER].nrows, 1);
    assert_octets(f, CLIENT "1.1.3.6", "0a 05 00 0b");
    assert_octets(f, CLIENT "1.1.5.6", "c6 12 00 0b");
    assert_int_equal(get(f, CLIENT "1.1.12.6", &v), 0); /* no holdtime configured */
    /* NHS table: (client, ordinal) */
    assert_octets(f, CLIENT "3.1.3.6.1", "0a 05 00 01");
    assert_octets(f, CLIENT "3.1.5.6.1", "c0 00 02 01");
    assert_int_equal(get_int(f, CLIENT "3.1.7.6.1"), 1); /* in use (R) */
    assert_int_equal(get_int(f, CLIENT "3.1.7.6.2"), 2);
    assert_octets(f, CLIENT "3.1.5.6.2", "");            /* NBMA unknown */
    assert_int_equal(get_int(f, CLIENT "2.1.3.6.1"), 3); /* ackRegisterReply */
    assert_int_equal(get_int(f, CLIENT "2.1.3.6.2"), 2); /* registering */
    /* client statistics: the engine's counters by name, not position */
    assert_int_equal(get_uns(f, CLIENT "4.1.23.6", SN_COUNTER), 3);
    assert_int_equal(get_uns(f, CLIENT "4.1.24.6", SN_COUNTER), 4);
    assert_int_equal(get_uns(f, CLIENT "4.1.25.6", SN_TIMETICKS), 4242);
    /* server side */
    assert_octets(f, SERVER "1.1.3.1", "0a 00 00 01");
    assert_int_equal(get_uns(f, SERVER "4.1.7.1", SN_COUNTER), 5);
    assert_int_equal(get_uns(f, SERVER "4.1.39.1", SN_COUNTER), 7); /* Counter32 wrap */
    /* registered clients: index = their tunnel address */
    assert_int_equal(f->m.t[SN_T_NHRP_SERVER_NHC].nrows, 1);
    assert_octets(f, SERVER "3.1.6.1.167772171", "c6 12 00 0b");
    assert_int_equal(get_int(f, SERVER "3.1.2.1.167772171"), 32);
    /* server cache: the hub's entries only */
    assert_int_equal(f->m.t[SN_T_NHRP_SERVER_CACHE].nrows, 3);
    assert_int_equal(get_int(f, SERVER "2.1.2" IDX0), 1);  /* unique */
    assert_int_equal(get_int(f, SERVER "2.1.2" IDX0B), 2); /* not unique */
    assert_int_equal(get_int(f, SERVER "2.1.1" IDX0B), 1); /* authoritative */
}

#define CIP "1.3.6.1.4.1.9.9.171.1."

static void
test_ipsec(void **state)
{
    struct fixture *f = *state;
    struct sn_val v;

    assert_int_equal(get_int(f, CIP "1.1.0"), 1);
    assert_int_equal(get_uns(f, CIP "2.1.1.0", SN_GAUGE), 1); /* established IKE only */
    assert_int_equal(get(f, CIP "2.3.1.2.1002", &v), 0);
    assert_int_equal(get_int(f, CIP "2.3.1.2.1001"), 1);
    assert_int_equal(get(f, CIP "2.3.1.7.1001", &v), 1);
    assert_int_equal(v.len, strlen("198.18.0.11"));
    assert_memory_equal(v.s, "198.18.0.11", v.len);
    assert_octets(f, CIP "2.3.1.8.1001", "c6 12 00 0b");
    assert_int_equal(get_int(f, CIP "2.3.1.11.1001"), 1); /* group 14: none */
    assert_int_equal(get_int(f, CIP "2.3.1.12.1001"), 3); /* des3 */
    assert_int_equal(get_int(f, CIP "2.3.1.13.1001"), 3); /* sha */
    assert_int_equal(get_int(f, CIP "2.3.1.14.1001"), 2); /* preSharedKey */
    assert_int_equal(get_int(f, CIP "2.3.1.15.1001"), 86400);
    assert_int_equal(get_int(f, CIP "2.3.1.16.1001"), 6000); /* 60 s in 1/100 */
    /* IPsec flow: index = inbound SA conn-id 2001 */
    assert_int_equal(get_uns(f, CIP "3.1.1.0", SN_GAUGE), 1);
    assert_int_equal(get_int(f, CIP "3.2.1.2.2001"), 1001);
    assert_int_equal(get_int(f, CIP "3.2.1.3.2001"), 1);
    assert_octets(f, CIP "3.2.1.5.2001", "c6 12 00 0b");
    assert_int_equal(get_int(f, CIP "3.2.1.10.2001"), 1234);
    assert_int_equal(get_uns(f, CIP "3.2.1.15.2001", SN_GAUGE), 3);
    assert_int_equal(get_int(f, CIP "3.2.1.16.2001"), 3); /* PFS group 2 */
    assert_int_equal(get_int(f, CIP "3.2.1.17.2001"), 1); /* in: aes -> none */
    assert_int_equal(get_int(f, CIP "3.2.1.19.2001"), 3); /* in: esp-sha-hmac */
    assert_int_equal(get_int(f, CIP "3.2.1.22.2001"), 3); /* out: des3 */
    assert_int_equal(get_int(f, CIP "3.2.1.24.2001"), 2); /* out: md5 */
    assert_int_equal(get_int(f, CIP "3.2.1.23.2001"), 1); /* no AH */
    assert_int_equal(get_uns(f, CIP "3.2.1.26.2001", SN_COUNTER), 10);
    assert_int_equal(get_uns(f, CIP "3.2.1.27.2001", SN_COUNTER64), (3ull << 32) + 10);
    assert_int_equal(get_uns(f, CIP "3.2.1.28.2001", SN_COUNTER), 3);
    assert_int_equal(get_uns(f, CIP "3.2.1.32.2001", SN_COUNTER), 66);
    assert_int_equal(get_uns(f, CIP "3.2.1.45.2001", SN_COUNTER), 77);
    assert_int_equal(get(f, CIP "3.2.1.48.2001", &v), -1); /* not served */
    assert_int_equal(get(f, CIP "3.2.1.11.2001", &v), -1);
    /* life, refreshes; (de)compressed octets equal the octets */
    assert_int_equal(get_int(f, CIP "3.2.1.8.2001"), 4608000);
    assert_int_equal(get_int(f, CIP "3.2.1.9.2001"), 3600);
    assert_int_equal(get_uns(f, CIP "3.2.1.13.2001", SN_COUNTER), 3);
    assert_int_equal(get_uns(f, CIP "3.2.1.14.2001", SN_COUNTER), 6);
    assert_int_equal(get_uns(f, CIP "3.2.1.29.2001", SN_COUNTER), 10);
    assert_int_equal(get_uns(f, CIP "3.2.1.30.2001", SN_COUNTER64), (3ull << 32) + 10);
    assert_int_equal(get_uns(f, CIP "3.2.1.31.2001", SN_COUNTER), 3);
    assert_int_equal(get_uns(f, CIP "3.2.1.42.2001", SN_COUNTER), 7);
    assert_int_equal(get_uns(f, CIP "3.2.1.43.2001", SN_COUNTER64), (1ull << 32) + 7);
    assert_int_equal(get_uns(f, CIP "3.2.1.44.2001", SN_COUNTER), 1);
    /* DNS names are not known: empty strings, as the MIB says */
    assert_int_equal(get(f, CIP "2.3.1.5.1001", &v), 1);
    assert_int_equal(v.len, 0);
    assert_int_equal(get(f, CIP "2.3.1.9.1001", &v), 1);
    assert_int_equal(v.len, 0);
    assert_int_equal(get(f, CIP "3.3.1.8.2001.1", &v), 1);
    assert_int_equal(v.len, 0);
    /* end points: local host, remote subnet */
    assert_int_equal(get_int(f, CIP "3.3.1.3.2001.1"), 1);
    assert_octets(f, CIP "3.3.1.5.2001.1", "c0 00 02 01");
    assert_int_equal(get_int(f, CIP "3.3.1.9.2001.1"), 3);
    assert_octets(f, CIP "3.3.1.11.2001.1", "ff ff ff 00");
    assert_int_equal(get_int(f, CIP "3.3.1.12.2001.1"), 47);
    /* SPIs: two, the empty slot has none */
    assert_int_equal(f->m.t[SN_T_CIPSEC_SPI].nrows, 2);
    assert_int_equal(get_uns(f, CIP "3.4.1.3.2001.2", SN_UNSIGNED), 0x2222);
    assert_int_equal(get_int(f, CIP "3.4.1.2.2001.2"), 2);
}

/* The global groups: gauges from the rows, counters from REC_CRYPTO_GLOBAL
 * (octets as Counter32 / Counter64 / wraps, twice: plain and (de)compressed). */
static void
test_ipsec_global(void **state)
{
    struct fixture *f = *state;
    struct sn_val v;

    assert_int_equal(get_uns(f, CIP "2.1.2.0", SN_COUNTER), 4); /* previous IKE */
    assert_int_equal(get_uns(f, CIP "2.1.19.0", SN_COUNTER), 9);
    assert_int_equal(get(f, CIP "2.1.3.0", &v), -1); /* IKE octets: no record has them */
    assert_int_equal(get_uns(f, CIP "3.1.2.0", SN_COUNTER), 5);
    assert_int_equal(get_uns(f, CIP "3.1.3.0", SN_COUNTER), 300);
    assert_int_equal(get_uns(f, CIP "3.1.4.0", SN_COUNTER64), (2ull << 32) + 300);
    assert_int_equal(get_uns(f, CIP "3.1.5.0", SN_COUNTER), 2);
    assert_int_equal(get_uns(f, CIP "3.1.6.0", SN_COUNTER), 300);
    assert_int_equal(get_uns(f, CIP "3.1.7.0", SN_COUNTER64), (2ull << 32) + 300);
    assert_int_equal(get_uns(f, CIP "3.1.8.0", SN_COUNTER), 2);
    assert_int_equal(get_uns(f, CIP "3.1.9.0", SN_COUNTER), 1000);  /* in pkts */
    assert_int_equal(get_uns(f, CIP "3.1.11.0", SN_COUNTER), 11);   /* replay drops */
    assert_int_equal(get_uns(f, CIP "3.1.12.0", SN_COUNTER), 1001); /* in auths */
    assert_int_equal(get_uns(f, CIP "3.1.14.0", SN_COUNTER), 1002); /* in decrypts */
    assert_int_equal(get_uns(f, CIP "3.1.17.0", SN_COUNTER64), 400);
    assert_int_equal(get_uns(f, CIP "3.1.20.0", SN_COUNTER64), 400);
    assert_int_equal(get_uns(f, CIP "3.1.22.0", SN_COUNTER), 2000); /* out pkts */
    assert_int_equal(get_uns(f, CIP "3.1.24.0", SN_COUNTER), 2001);
    assert_int_equal(get_uns(f, CIP "3.1.26.0", SN_COUNTER), 2002);
    assert_int_equal(get(f, CIP "3.1.25.0", &v), -1); /* out auth fails: not counted */
    assert_int_equal(get(f, CIP "3.1.28.0", &v), -1);

    /* a daemon without REC_CRYPTO_GLOBAL: the gauges only */
    f->s.cglobal = NULL;
    sn_mib_build(&f->m, &f->s);
    assert_int_equal(get_uns(f, CIP "3.1.1.0", SN_GAUGE), 1);
    assert_int_equal(get(f, CIP "3.1.2.0", &v), 0);
    assert_int_equal(get(f, CIP "2.1.2.0", &v), 0);
}

/* The daemon's flow number, when it gives one, is the row index. */
static void
test_ipsec_tun_index(void **state)
{
    struct fixture *f = *state;

    ips[0].tun_index = 77;
    sn_mib_build(&f->m, &f->s);
    assert_int_equal(get_int(f, CIP "3.2.1.2.77"), 1001);
    assert_int_equal(get_uns(f, CIP "3.4.1.3.77.1", SN_UNSIGNED), 0x1111);
    assert_int_equal(get_int(f, CIP "3.3.1.12.77.1"), 47);
}

/* An IKEv2 SA is no cikeTunnelTable row (the table models IKEv1's phase 1);
 * its flows stay in cipSecTunnelTable, naming the SA and saying it has no
 * row (IkeTunnelAlive false). */
static void
test_ipsec_ikev2(void **state)
{
    struct fixture *f = *state;
    struct sn_val v;

    ike[0].ike_version = 2;
    sn_mib_build(&f->m, &f->s);
    assert_int_equal(get(f, CIP "2.3.1.2.1001", &v), 0);
    assert_int_equal(f->m.t[SN_T_CIKE_TUNNEL].nrows, 0);
    assert_int_equal(get_uns(f, CIP "2.1.1.0", SN_GAUGE), 0);
    assert_int_equal(get_uns(f, CIP "3.1.1.0", SN_GAUGE), 1);
    assert_int_equal(get_int(f, CIP "3.2.1.2.2001"), 1001);
    assert_int_equal(get_int(f, CIP "3.2.1.3.2001"), 2); /* TruthValue false */
    assert_int_equal(get_int(f, CIP "3.2.1.6.2001"), 1); /* keyed by IKE */
    ike[0].ike_version = 1;
    sn_mib_build(&f->m, &f->s);
    assert_int_equal(get_int(f, CIP "3.2.1.3.2001"), 1);
    assert_int_equal(get_uns(f, CIP "2.1.1.0", SN_GAUGE), 1);
}

/* A walk from the root visits every instance once, in increasing order,
 * and a GET of each instance returns the value the walk saw. */
static void
test_walk(void **state)
{
    struct fixture *f = *state;
    uint32_t q[SN_OID_MAX] = {0}, o[SN_OID_MAX];
    size_t qn = 1, on;
    struct sn_val v, w;
    int n = 0;

    while (sn_mib_next(&f->m, &f->s, q, qn, o, &on, &v)) {
        assert_true(sn_oid_cmp(o, on, q, qn) > 0);
        assert_int_equal(sn_mib_get(&f->m, &f->s, o, on, &w), 1);
        assert_int_equal(w.type, v.type);
        assert_true(w.i == v.i && w.u == v.u && w.len == v.len);
        assert_memory_equal(w.s, v.s, v.len);
        memcpy(q, o, on * sizeof(*q));
        qn = on;
        n++;
    }
    assert_true(n > 150);
}

/* With no records: only the scalars. */
static void
test_empty(void **state)
{
    struct sn_snap s = {.now_ms = 5};
    struct sn_mib m;
    int i;

    sn_mib_init(&m);
    sn_mib_build(&m, &s);
    for (i = 0; i < SN_T_COUNT; i++)
        assert_int_equal(m.t[i].nrows, m.t[i].scalar ? 1 : 0);
    sn_mib_free(&m);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_cache, setup, teardown),
        cmocka_unit_test_setup_teardown(test_client_server, setup, teardown),
        cmocka_unit_test_setup_teardown(test_ipsec, setup, teardown),
        cmocka_unit_test_setup_teardown(test_ipsec_global, setup, teardown),
        cmocka_unit_test_setup_teardown(test_ipsec_tun_index, setup, teardown),
        cmocka_unit_test_setup_teardown(test_ipsec_ikev2, setup, teardown),
        cmocka_unit_test_setup_teardown(test_walk, setup, teardown),
        cmocka_unit_test(test_empty),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
