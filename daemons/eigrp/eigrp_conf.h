/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * One EIGRP process's configuration as the engine consumes it: numbers and
 * flags only, no IOS text. The service fills it from the IOS model (classic
 * `router eigrp N` with `ip ... eigrp N` interface lines, or named mode's
 * `router eigrp NAME` / `address-family ipv4 unicast autonomous-system N`
 * with its af-interface and topology blocks); the two modes differ only in
 * where a setting is written and in the metric form (named mode = wide).
 * Addresses are IPv4 in host byte order.
 */
#ifndef DMVPN_EIGRP_CONF_H
#define DMVPN_EIGRP_CONF_H

#include "daemons/eigrp/eigrp_metric.h"
#include "daemons/eigrp/eigrp_pol.h"
#include "daemons/eigrp/eigrp_wire.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define EIGRP_CONF_MAX_NETS   64
#define EIGRP_CONF_MAX_IFS    64
#define EIGRP_CONF_MAX_SUMM   16
#define EIGRP_CONF_NAME       48
#define EIGRP_MAX_PATHS_IOS   4 /* IOS "maximum-paths" default */
#define EIGRP_MAX_PATHS_LIMIT 32
#define EIGRP_CONF_MAX_KEYS   8
#define EIGRP_CONF_KEY_LEN    80 /* IOS key-string limit */

/* `redistribute` sources the engine can originate from the RIB. */
#define EIGRP_REDIST_CONNECTED 0x01
#define EIGRP_REDIST_STATIC    0x02
#define EIGRP_REDIST_BGP       0x04
#define EIGRP_REDIST_OSPF      0x08
#define EIGRP_CONF_MAX_REDIST  8

/* One `redistribute SRC [N] [metric B D R L M] [route-map X]` line. */
struct eigrp_conf_redist {
    unsigned src; /* one EIGRP_REDIST_* */
    uint32_t id;  /* the BGP AS or OSPF process named, 0 none */
    bool has_metric;
    struct eigrp_metric m;
    bool has_rmap;
    uint8_t rmap; /* index into the conf's pol.rmaps */
};

/* `network A.B.C.D [wildcard]`: the interfaces whose primary address falls
 * inside run EIGRP (no wildcard = the classful network). */
struct eigrp_conf_net {
    uint32_t addr;
    uint32_t wild;
};

struct eigrp_conf_summary {
    uint32_t prefix;
    uint8_t plen;
    uint8_t distance; /* 5 unless given ("summary-address ... 250") */
};

/* One key of the interface's key chain (or named mode's hmac-sha-256
 * password as key 0), with its lifetimes read when the config was. */
struct eigrp_conf_key {
    uint32_t id;
    bool send, accept;
    uint8_t len;
    uint8_t secret[EIGRP_CONF_KEY_LEN];
};

struct eigrp_conf_if {
    char ios_name[40]; /* Tunnel0 */
    char linux_name[16];
    uint32_t addr; /* primary address, 0 = none */
    uint8_t plen;
    bool running; /* covered by a network statement and up */
    bool passive;
    bool split_horizon; /* IOS default on */
    bool next_hop_self; /* IOS default on */
    uint16_t hello_s;   /* 0 = the default for the interface type */
    uint16_t hold_s;
    uint8_t bw_percent;     /* bandwidth-percent, 50 by default */
    struct eigrp_link link; /* what this interface adds to a path */
    struct eigrp_conf_summary summ[EIGRP_CONF_MAX_SUMM];
    size_t nsumm;
    /* authentication: every packet sent is signed with the lowest key id
     * valid to send; a packet is accepted when its key id is a key valid
     * to accept and the digest matches. auth set with no key: nothing is
     * sent or accepted on the interface. */
    uint16_t auth; /* EIGRP_AUTH_TYPE_*, 0 = none */
    char key_chain[EIGRP_CONF_NAME];
    struct eigrp_conf_key keys[EIGRP_CONF_MAX_KEYS]; /* ascending id */
    size_t nkeys;
};

struct eigrp_conf {
    bool on;
    bool named;                 /* named mode: wide metrics */
    char vrf[EIGRP_CONF_NAME];  /* address-family ipv4 vrf X: its table; "" global */
    char name[EIGRP_CONF_NAME]; /* named mode's name, "" in classic mode */
    uint16_t asn;
    uint32_t router_id; /* 0 = pick the highest loopback, then interface */
    struct eigrp_kvals k;
    uint8_t variance;               /* 1..128 */
    uint8_t max_paths;              /* 1..32 */
    uint8_t max_hops;               /* metric maximum-hops */
    uint8_t dist_int, dist_ext;     /* distance eigrp */
    uint32_t active_time_s;         /* timers active-time; 0 = disabled */
    uint32_t rib_scale;             /* named mode: metric rib-scale */
    unsigned stub;                  /* EIGRP_STUBF_* (the wire's bits), 0 = not stub */
    unsigned redist;                /* EIGRP_REDIST_* */
    bool redist_metric;             /* default-metric was given */
    struct eigrp_metric redist_vec; /* ... as a vector */
    struct eigrp_conf_redist redists[EIGRP_CONF_MAX_REDIST];
    size_t nredists;
    struct eigrp_pol pol; /* route-maps, lists and distribute-lists */
    struct eigrp_conf_net nets[EIGRP_CONF_MAX_NETS];
    size_t nnets;
    struct eigrp_conf_if ifs[EIGRP_CONF_MAX_IFS];
    size_t nifs;
    bool passive_default;
};

/* IOS defaults for a process of AS asn (not yet running anywhere). */
void eigrp_conf_init(struct eigrp_conf *c, uint16_t asn);
/* IOS defaults for an interface: split horizon and next-hop-self on. */
void eigrp_conf_if_init(struct eigrp_conf_if *i);
/* Does network statement n cover address a? (classful when wild is 0 and
 * the statement had no wildcard: the service stores the classful wildcard) */
bool eigrp_conf_net_covers(const struct eigrp_conf_net *n, uint32_t a);
/* The hello and hold time in effect on an interface (IOS: NBMA at T1 or
 * slower 60/180, otherwise 5/15; a configured value wins). */
uint16_t eigrp_conf_hello(const struct eigrp_conf_if *i);
uint16_t eigrp_conf_hold(const struct eigrp_conf_if *i);
const struct eigrp_conf_if *eigrp_conf_find_if(const struct eigrp_conf *c, const char *ios);

#endif
