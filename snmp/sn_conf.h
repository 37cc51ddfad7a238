/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * snmpd.conf from the IOS configuration: `snmp-server community NAME
 * [RO|RW] [ACL]`, `snmp-server location|contact` and the hostname become
 * the configuration of the system's snmpd. A pure function of the parsed model
 * (parsers/cfg.h) and a few placement options, so it is golden-tested.
 * With a module path, snmpd loads dmvpn_snmp.so (sn_dlmod.c) and serves
 * the MIBs itself; without one it is the AgentX master of dmvpn-snmp. The
 * rules are in docs/snmp.md; in short, every community becomes com2sec
 * lines (one per ACL entry, IOS's first-match order kept, denies mapped to
 * a security name that no group grants anything), a group and an access
 * line with the whole MIB view, read-only or read-write.
 */
#ifndef DMVPN_SNMP_SN_CONF_H
#define DMVPN_SNMP_SN_CONF_H

#include "lib/strbuf.h"
#include "parsers/cfg.h"

struct sn_conf_opts {
    const char *agent_address; /* snmpd agentAddress; NULL: "udp:161" */
    const char *agentx_socket; /* AgentX master socket path; NULL: net-snmp's default */
    /* dmvpn_snmp.so: when set, snmpd loads our handlers (dlmod) instead of
     * being the AgentX master of dmvpn-snmp */
    const char *module_path;
    const char *ctl_socket; /* dmvpnd's control socket for the module; NULL: default */
    long cache_ms;          /* the module's snapshot lifetime; 0: its default */
};

/* Appends the snmpd.conf text. Returns how many communities could not be
 * rendered as IOS means them (each is explained by a comment in the text
 * and left disabled rather than opened wider). */
int sn_conf_render(struct strbuf *out, const struct cfg *c, const struct sn_conf_opts *o);

#endif
