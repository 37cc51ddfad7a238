/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * charon's replies as plain structs: list-sa events (and the IKE/CHILD data
 * of ike-updown, child-updown, ike-rekey, child-rekey), list-conn events,
 * stats and version. Flat arrays of fixed-size records without pointers, so
 * the daemon can copy them into snapshot records for the show renderers.
 * Times are as charon reports them: seconds relative to the moment charon
 * answered (established = seconds ago, rekey/life = seconds from now); the
 * caller turns them into absolute times with its own clock. Fields charon
 * omitted keep their zero value and a has_ flag says so where 0 is a value.
 */
#ifndef DMVPN_IPSEC_STATE_H
#define DMVPN_IPSEC_STATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct vici_msg;
struct vici_node;

#define IPSEC_NAME_LEN 128
#define IPSEC_ALG_LEN  32
#define IPSEC_HOST_LEN 48
#define IPSEC_ID_LEN   128
#define IPSEC_TS_MAX   4

/* charon's ike_sa_state_names / child_sa_state_names. */
enum ipsec_ike_state {
    IPSEC_IKE_UNKNOWN,
    IPSEC_IKE_CREATED,
    IPSEC_IKE_CONNECTING,
    IPSEC_IKE_ESTABLISHED,
    IPSEC_IKE_PASSIVE,
    IPSEC_IKE_REKEYING,
    IPSEC_IKE_REKEYED,
    IPSEC_IKE_DELETING,
    IPSEC_IKE_DESTROYING,
};

enum ipsec_child_state {
    IPSEC_CHILD_UNKNOWN,
    IPSEC_CHILD_CREATED,
    IPSEC_CHILD_ROUTED,
    IPSEC_CHILD_INSTALLING,
    IPSEC_CHILD_INSTALLED,
    IPSEC_CHILD_UPDATING,
    IPSEC_CHILD_REKEYING,
    IPSEC_CHILD_REKEYED,
    IPSEC_CHILD_RETRYING,
    IPSEC_CHILD_DELETING,
    IPSEC_CHILD_DELETED,
    IPSEC_CHILD_DESTROYING,
};

/* A traffic selector as charon prints it: "202.1.1.2/32[gre]". */
struct ipsec_ts {
    char text[64];
    bool parsed;   /* IPv4 prefix with optional [proto] or [proto/port] */
    uint32_t addr; /* host order */
    uint8_t plen;
    uint8_t proto; /* 0: any; 47 for gre */
    uint16_t port; /* 0: any */
};

struct ipsec_ike_sa {
    char name[IPSEC_NAME_LEN]; /* connection name */
    uint32_t uniqueid;
    uint32_t version; /* 1 or 2 */
    char state_name[24];
    enum ipsec_ike_state state;
    char local_host[IPSEC_HOST_LEN], remote_host[IPSEC_HOST_LEN];
    uint32_t local_addr, remote_addr; /* IPv4 host order, 0 if not IPv4 */
    uint16_t local_port, remote_port;
    char local_id[IPSEC_ID_LEN], remote_id[IPSEC_ID_LEN];
    bool initiator;
    uint64_t initiator_spi, responder_spi; /* IKEv1 cookies */
    bool nat_local, nat_remote, nat_fake, nat_any;
    char encr_alg[IPSEC_ALG_LEN], integ_alg[IPSEC_ALG_LEN], prf_alg[IPSEC_ALG_LEN];
    char dh_group[IPSEC_ALG_LEN];
    uint32_t encr_keysize, integ_keysize;
    bool has_established, has_rekey_time, has_reauth_time;
    int64_t established;             /* seconds since established */
    int64_t rekey_time, reauth_time; /* seconds until */
    size_t first_child, nchild;      /* slice of ipsec_sa_list.child */
};

struct ipsec_child_sa {
    size_t ike; /* index of its IKE SA in ipsec_sa_list.ike */
    char name[IPSEC_NAME_LEN];
    uint32_t uniqueid, reqid;
    char state_name[24];
    enum ipsec_child_state state;
    char mode[16];    /* TUNNEL, TRANSPORT, BEET */
    char protocol[8]; /* ESP, AH */
    bool encap;       /* UDP encapsulation */
    uint32_t spi_in, spi_out;
    char encr_alg[IPSEC_ALG_LEN], integ_alg[IPSEC_ALG_LEN], dh_group[IPSEC_ALG_LEN];
    uint32_t encr_keysize, integ_keysize;
    bool esn;
    uint64_t bytes_in, packets_in, bytes_out, packets_out;
    bool has_use_in, has_use_out, has_rekey_time, has_life_time;
    uint64_t use_in, use_out;      /* seconds since last packet */
    int64_t rekey_time, life_time; /* seconds until */
    int64_t install_time;          /* seconds since installed */
    struct ipsec_ts local_ts[IPSEC_TS_MAX], remote_ts[IPSEC_TS_MAX];
    size_t nlocal_ts, nremote_ts;
};

struct ipsec_sa_list {
    struct ipsec_ike_sa *ike;
    size_t nike, capike;
    struct ipsec_child_sa *child;
    size_t nchild, capchild;
    uint64_t malformed; /* events or entries we could not read */
};

/* Adds every IKE SA section of a list-sa event (or of an ike-updown /
 * child-updown event: its `up` key is skipped). -1 if any part was
 * malformed (counted in l->malformed); well-formed parts are kept. */
int ipsec_sa_list_add(struct ipsec_sa_list *l, const struct vici_msg *event);
/* ike-rekey / child-rekey: the `new` side of each SA. */
int ipsec_sa_list_add_rekey(struct ipsec_sa_list *l, const struct vici_msg *event);
void ipsec_sa_list_free(struct ipsec_sa_list *l);
/* The `up` flag of ike-updown / child-updown. */
bool ipsec_event_up(const struct vici_msg *event);

/* One IKE or CHILD section (the list-sa layout) into a struct. */
bool ipsec_parse_ike(const struct vici_node *sec, struct ipsec_ike_sa *out);
bool ipsec_parse_child(const struct vici_node *sec, struct ipsec_child_sa *out);
bool ipsec_parse_ts(const char *text, struct ipsec_ts *out);

/* ---- list-conns ---- */

struct ipsec_conn_child {
    char name[IPSEC_NAME_LEN];
    char mode[16];
    uint64_t rekey_time, rekey_bytes, rekey_packets;
    struct ipsec_ts local_ts[IPSEC_TS_MAX], remote_ts[IPSEC_TS_MAX];
    size_t nlocal_ts, nremote_ts;
};

#define IPSEC_CONN_ADDRS    4
#define IPSEC_CONN_CHILDREN 4

struct ipsec_conn_info {
    char name[IPSEC_NAME_LEN];
    char local_addrs[IPSEC_CONN_ADDRS][IPSEC_HOST_LEN];
    char remote_addrs[IPSEC_CONN_ADDRS][IPSEC_HOST_LEN];
    size_t nlocal_addrs, nremote_addrs;
    char version[8]; /* "IKEv1", "IKEv2", "0" */
    uint64_t reauth_time, rekey_time;
    char local_auth[32], remote_auth[32]; /* class of the first local/remote round */
    struct ipsec_conn_child children[IPSEC_CONN_CHILDREN];
    size_t nchildren;
};

struct ipsec_conn_list {
    struct ipsec_conn_info *v;
    size_t n, cap;
    uint64_t malformed;
};

int ipsec_conn_list_add(struct ipsec_conn_list *l, const struct vici_msg *event);
void ipsec_conn_list_free(struct ipsec_conn_list *l);

/* ---- stats, version, plain replies ---- */

#define IPSEC_PLUGINS_MAX 64

struct ipsec_stats {
    char running[48], since[48]; /* uptime, as charon words them */
    uint64_t workers_total, workers_idle;
    uint64_t active[4]; /* critical, high, medium, low */
    uint64_t queued[4];
    uint64_t scheduled;
    uint64_t ikesas_total, ikesas_half_open;
    char plugins[IPSEC_PLUGINS_MAX][32];
    size_t nplugins;
};

struct ipsec_version {
    char daemon[32], version[32], sysname[32], release[64], machine[32];
};

bool ipsec_parse_stats(const struct vici_msg *reply, struct ipsec_stats *out);
bool ipsec_parse_version(const struct vici_msg *reply, struct ipsec_version *out);
/* success = yes; otherwise false with errmsg (or a stand-in) in err. */
bool ipsec_reply_ok(const struct vici_msg *reply, char *err, size_t errsz);

#endif
