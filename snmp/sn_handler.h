/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The net-snmp request handlers of our MIB tables, shared by the two ways
 * they reach snmpd: the AgentX subagent (sn_agent.c, its own process) and
 * the snmpd module (sn_dlmod.c, loaded into snmpd with `dlmod`). One
 * registration per table (per column for scalar groups); each handler
 * refreshes the snapshot when it is older than the cache period and answers
 * GET/GETNEXT from the pure tables of sn_mib.c. A GETBULK reaches the
 * handlers as one GETNEXT pass per repetition (net-snmp's agent loop).
 */
#ifndef DMVPN_SNMP_SN_HANDLER_H
#define DMVPN_SNMP_SN_HANDLER_H

#include "snmp/sn_mib.h"
#include "snmp/sn_source.h"

#define SN_IFCACHE 16
#define SN_REGS    64 /* registrations: tables plus scalar columns */

struct sn_serve {
    struct sn_source src;
    struct sn_mib mib;
    struct {
        char name[REC_IFNAMSIZ];
        uint32_t idx;
    } ifc[SN_IFCACHE]; /* ifName -> ifIndex, per snapshot */
    int nifc;
    void *regs[SN_REGS]; /* netsnmp_handler_registration, to unregister */
    int nregs;
};

void sn_serve_init(struct sn_serve *sv, const char *ctl_socket, int64_t cache_ms);
void sn_serve_free(struct sn_serve *sv);
/* Rebuilds the tables when the source's snapshot changed. */
void sn_serve_refresh(struct sn_serve *sv, uint32_t uptime_ticks);
/* Registers every table with the agent (the subagent's master or snmpd
 * itself). Returns how many registrations failed (each is logged). */
int sn_serve_register(struct sn_serve *sv);
void sn_serve_unregister(struct sn_serve *sv);

#endif
