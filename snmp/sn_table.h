/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The pure core of dmvpn-snmp: MIB tables as sorted arrays of rows built
 * from dmvpnd's snapshot records, and GET/GETNEXT over them. Nothing here
 * knows net-snmp, sockets or clocks: the agent (sn_agent.c) converts OIDs
 * and values at its edge, and the unit tests drive these functions with
 * fixed records. A scalar group is a table with one row whose index is 0,
 * so `object.0` and `table.entry.column.index` are walked by the same code.
 * Rows are sorted by index once per snapshot; a GETNEXT is a binary search,
 * so a walk of n rows costs O(n log n), not the O(n^2) of an iterator that
 * rescans the table for every request.
 */
#ifndef DMVPN_SNMP_SN_TABLE_H
#define DMVPN_SNMP_SN_TABLE_H

#include "lib/rec.h"
#include "lib/rec_crypto.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SN_OID_MAX  128 /* longest OID we build or accept */
#define SN_IDX_MAX  12  /* longest row index (cache: 1 + 1+4 + 1 + 1) */
#define SN_STR_MAX  96  /* longest OCTET STRING value */
#define SN_COLS_MAX 64  /* highest column number of any table */

/* SMI types of the values we serve (the agent maps them to ASN_*). */
enum sn_type {
    SN_INTEGER,   /* Integer32, enumerations, TruthValue, TimeInterval */
    SN_UNSIGNED,  /* Unsigned32 */
    SN_GAUGE,     /* Gauge32 */
    SN_COUNTER,   /* Counter32 */
    SN_COUNTER64, /* Counter64 */
    SN_TIMETICKS, /* TimeTicks, TimeStamp */
    SN_OCTETS,    /* OCTET STRING, DisplayString, NhrpGenAddr, IPSIpAddress */
};

struct sn_val {
    enum sn_type type;
    int64_t i;  /* SN_INTEGER */
    uint64_t u; /* unsigned kinds */
    size_t len; /* SN_OCTETS */
    uint8_t s[SN_STR_MAX];
};

struct sn_snap;

struct sn_row {
    uint32_t idx[SN_IDX_MAX];
    uint8_t idxlen;
    uint32_t n;        /* row-specific number (NHS ordinal, SA slot ...) */
    const void *rec;   /* the record the row shows */
    const void *aux;   /* a second record (tunnel of a cache entry ...) */
    const void *extra; /* a third (traffic record of a client row ...) */
};

struct sn_table;
/* Fills *v with column `col` of row r; false when the row has no value
 * there (the column is skipped for that row, as RFC 2578 7.1.12 allows). */
typedef bool (*sn_get_fn)(const struct sn_table *t, const struct sn_snap *s, const struct sn_row *r,
                          unsigned col, struct sn_val *v);

struct sn_table {
    const char *name;         /* MIB name of the entry, for logs */
    uint32_t oid[SN_OID_MAX]; /* the entry (or scalar group) OID */
    size_t oidlen;
    const uint8_t *cols; /* supported columns, ascending, 0-terminated */
    bool scalar;         /* a scalar group: one row, index 0 */
    sn_get_fn get;
    struct sn_row *rows; /* sorted by idx */
    size_t nrows, caprows;
};

/* What the tables are built from: one snapshot of each record kind. */
struct sn_snap {
    int64_t now_ms;      /* the daemon's clock when the records were taken */
    int64_t boot_ms;     /* the daemon's start (counters count from there) */
    uint32_t disc_ticks; /* sysUpTime (1/100 s) when dmvpnd's counters last
                          * restarted: the *DiscontinuityTime columns */
    const struct rec_tunnel *tun;
    size_t ntun;
    const struct rec_nhrp_cache *cache;
    size_t ncache;
    const struct rec_nhrp_nhs *nhs;
    size_t nnhs;
    const struct rec_nhrp_traffic *traffic;
    size_t ntraffic;
    const struct rec_ike_sa *ike;
    size_t nike;
    const struct rec_ipsec_sa *ipsec;
    size_t nipsec;
    const struct rec_crypto_global *cglobal; /* NULL: the daemon has none */
    /* The IF-MIB ifIndex of an interface (0 = none): the agent asks the
     * kernel; tests give a fixed map. */
    uint32_t (*ifindex)(void *arg, const char *ifname);
    void *ifindex_arg;
};

/* ---- rows ---- */
struct sn_row *sn_table_add(struct sn_table *t, const uint32_t *idx, size_t idxlen);
/* Sorts the rows. Rows with equal indexes: when bump_pos >= 0 the later
 * ones get idx[bump_pos] raised by 256 per duplicate (so an entry whose
 * natural index collides still gets a distinct, stable one); otherwise the
 * later ones are dropped. */
/* Sets what a table is: its name, entry OID (n arcs), columns, getter. */
void sn_table_def(struct sn_table *t, const char *name, const uint32_t *oid, size_t n,
                  const uint8_t *cols, sn_get_fn get, bool scalar);
void sn_table_sort(struct sn_table *t, int bump_pos);
void sn_table_clear(struct sn_table *t);
void sn_table_free(struct sn_table *t);

/* ---- access ---- */
/* Exact instance: 1 found, 0 no such instance (column supported),
 * -1 no such object (not under this table or column unsupported). */
int sn_table_get(const struct sn_table *t, const struct sn_snap *s, const uint32_t *oid, size_t len,
                 struct sn_val *v);
/* The first instance of this table after oid; its OID goes to out (room
 * for SN_OID_MAX). False when the table has nothing after oid. */
bool sn_table_next(const struct sn_table *t, const struct sn_snap *s, const uint32_t *oid,
                   size_t len, uint32_t *out, size_t *outlen, struct sn_val *v);

int sn_oid_cmp(const uint32_t *a, size_t alen, const uint32_t *b, size_t blen);
/* Parses "1.3.6.1..." into oid; returns the length, 0 on error. */
size_t sn_oid_parse(const char *s, uint32_t *oid, size_t max);

/* a - b for the daemon's millisecond times, saturating instead of
 * overflowing on corrupt records. */
int64_t sn_ms_diff(int64_t a, int64_t b);

/* ---- value helpers ---- */
void sn_val_int(struct sn_val *v, int64_t i);
void sn_val_uns(struct sn_val *v, enum sn_type type, uint64_t u);
void sn_val_bytes(struct sn_val *v, const void *p, size_t len);
void sn_val_str(struct sn_val *v, const char *s);
void sn_val_ipv4(struct sn_val *v, uint32_t addr); /* 4 octets, network order */
void sn_val_truth(struct sn_val *v, bool b);       /* true(1) / false(2) */

#endif
