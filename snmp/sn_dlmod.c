/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * dmvpn_snmp.so: the NHRP-MIB and CISCO-IPSEC-FLOW-MONITOR-MIB handlers
 * (sn_handler.c) as an snmpd module, loaded with
 *
 *     dlmod dmvpn_snmp /usr/lib/.../dmvpn_snmp.so
 *     dmvpnControlSocket /run/dmvpnd.sock
 *     dmvpnCacheMs 2000
 *
 * Why a module and not a subagent or a proxied agent: snmpd hands a GETBULK
 * to AgentX subagents and to `proxy` targets one repetition at a time (one
 * round trip per varbind, 40 us of CPU each; docs/PERFORMANCE.md), while a
 * handler inside snmpd answers the same repetition with a function call.
 * The module only reads dmvpnd's snapshot over the control socket, like
 * the subagent; it has no other state and no threads.
 */
#include "snmp/sn_handler.h"
#include "lib/ctl.h"
#include "lib/log.h"

#include <net-snmp/net-snmp-config.h>
#include <net-snmp/net-snmp-includes.h>
#include <net-snmp/agent/net-snmp-agent-includes.h>

#include <stdio.h>
#include <stdlib.h>

/* snmpd calls these by name: init_<module name> and deinit_<module name>. */
void init_dmvpn_snmp(void);
void deinit_dmvpn_snmp(void);

static struct sn_serve S;
static char ctl_path[108] = CTL_DEFAULT_SOCKET; /* sun_path's size */

static void
snmp_sink(void *arg, enum log_level lvl, const char *msg)
{
    static const int pri[] = {LOG_ERR, LOG_WARNING, LOG_NOTICE, LOG_INFO, LOG_DEBUG};

    (void)arg;
    snmp_log(pri[lvl], "%s\n", msg);
}

static void
parse_socket(const char *token, char *line)
{
    if (snprintf(ctl_path, sizeof(ctl_path), "%s", line) >= (int)sizeof(ctl_path))
        config_perror("dmvpnControlSocket: path too long");
    (void)token;
}

static void
parse_cache(const char *token, char *line)
{
    char *end;
    long ms = strtol(line, &end, 10);

    (void)token;
    if (end == line || *end || ms < 0 || ms > 600000) {
        config_perror("dmvpnCacheMs takes 0..600000");
        return;
    }
    S.src.cache_ms = ms;
}

void
init_dmvpn_snmp(void)
{
    log_set_sink(snmp_sink, NULL);
    /* the path is read when the first request comes, after the rest of
     * snmpd.conf (the lines below the dlmod line) has been parsed */
    sn_serve_init(&S, ctl_path, 2000);
    snmpd_register_config_handler("dmvpnControlSocket", parse_socket, NULL, "PATH");
    snmpd_register_config_handler("dmvpnCacheMs", parse_cache, NULL, "MILLISECONDS");
    if (sn_serve_register(&S))
        snmp_log(LOG_ERR, "dmvpn_snmp: some tables are not registered\n");
}

void
deinit_dmvpn_snmp(void)
{
    sn_serve_unregister(&S);
    snmpd_unregister_config_handler("dmvpnControlSocket");
    snmpd_unregister_config_handler("dmvpnCacheMs");
    sn_serve_free(&S);
}
