/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The net-snmp side of dmvpn-snmp: an AgentX subagent that registers the
 * tables of sn_mib.h with the master agent (snmpd) and answers its GET,
 * GETNEXT and GETBULK requests from the cached snapshot. SETs are refused
 * by the registration itself (read-only: notWritable).
 */
#ifndef DMVPN_SNMP_SN_AGENT_H
#define DMVPN_SNMP_SN_AGENT_H

#include <stdbool.h>
#include <stdint.h>

struct sn_agent_opts {
    const char *ctl_socket;    /* dmvpnd control socket */
    const char *agentx_socket; /* master's AgentX socket; NULL: net-snmp default */
    int64_t cache_ms;          /* snapshot lifetime */
    int ping_secs;             /* AgentX ping interval: how fast a restarted snmpd is found */
    bool foreground;
};

/* Runs until SIGTERM/SIGINT. Returns the exit status. */
int sn_agent_run(const struct sn_agent_opts *o);
/* Prints every served instance (numeric OIDs), straight from the daemon,
 * without snmpd: a debugging aid. */
int sn_agent_dump(const char *ctl_socket);

#endif
