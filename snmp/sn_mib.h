/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The MIB tables dmvpn-snmp serves, as pure functions of dmvpnd's snapshot
 * records: NHRP-MIB (RFC 2677, mib-2 71) from the NHRP records and
 * CISCO-IPSEC-FLOW-MONITOR-MIB (ciscoMgmt 171) from the crypto records.
 * sn_mib_build() turns one struct sn_snap into sorted rows; the agent then
 * answers GET/GETNEXT from them until the next snapshot. Which columns are
 * served and how each is derived is documented in docs/snmp.md.
 */
#ifndef DMVPN_SNMP_SN_MIB_H
#define DMVPN_SNMP_SN_MIB_H

#include "snmp/sn_table.h"

/* In OID order: sn_mib_next relies on it. */
enum sn_tab_id {
    SN_T_NHRP_GENERAL,     /* nhrpNextIndex */
    SN_T_NHRP_CACHE,       /* nhrpCacheEntry */
    SN_T_NHRP_CLIENT,      /* nhrpClientEntry */
    SN_T_NHRP_CLIENT_REG,  /* nhrpClientRegistrationEntry */
    SN_T_NHRP_CLIENT_NHS,  /* nhrpClientNhsEntry */
    SN_T_NHRP_CLIENT_STAT, /* nhrpClientStatEntry */
    SN_T_NHRP_SERVER,      /* nhrpServerEntry */
    SN_T_NHRP_SERVER_CACHE,
    SN_T_NHRP_SERVER_NHC,
    SN_T_NHRP_SERVER_STAT,
    SN_T_CIP_LEVELS,    /* cipSecMibLevel */
    SN_T_CIKE_GLOBAL,   /* cikeGlobalStats */
    SN_T_CIKE_TUNNEL,   /* cikeTunnelEntry */
    SN_T_CIPSEC_GLOBAL, /* cipSecGlobalStats */
    SN_T_CIPSEC_TUNNEL, /* cipSecTunnelEntry */
    SN_T_CIPSEC_ENDPT,  /* cipSecEndPtEntry */
    SN_T_CIPSEC_SPI,    /* cipSecSpiEntry */
    SN_T_COUNT
};

struct sn_mib {
    struct sn_table t[SN_T_COUNT];
};

void sn_mib_init(struct sn_mib *m);
void sn_mib_free(struct sn_mib *m);
/* Replaces every table's rows with those of the snapshot. The snapshot's
 * records must stay alive while the rows are used. */
void sn_mib_build(struct sn_mib *m, const struct sn_snap *s);

/* Over all tables (what a walk from the MIB root sees). */
int sn_mib_get(const struct sn_mib *m, const struct sn_snap *s, const uint32_t *oid, size_t len,
               struct sn_val *v);
bool sn_mib_next(const struct sn_mib *m, const struct sn_snap *s, const uint32_t *oid, size_t len,
                 uint32_t *out, size_t *outlen, struct sn_val *v);

/* Per-MIB halves (sn_nhrp.c, sn_ipsec.c). */
void sn_nhrp_init(struct sn_mib *m);
void sn_nhrp_build(struct sn_mib *m, const struct sn_snap *s);
void sn_ipsec_init(struct sn_mib *m);
void sn_ipsec_build(struct sn_mib *m, const struct sn_snap *s);

/* Index helpers shared by the builders. */
uint32_t sn_tunnel_index(const struct sn_snap *s, const char *ifname); /* TunnelN -> N+1 */

#endif
