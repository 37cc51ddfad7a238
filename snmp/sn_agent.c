/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * AgentX subagent runtime (sn_agent.h): the handlers of sn_handler.c in a
 * process of their own. snmpd's AgentX master forwards one varbind per
 * request, so a GETBULK costs a round trip per repetition; the snmpd
 * module (sn_dlmod.c) serves the same handlers without that. The subagent
 * pings the master every few seconds; when snmpd restarts, net-snmp
 * reconnects and re-registers everything by itself.
 */
#include "snmp/sn_agent.h"
#include "snmp/sn_handler.h"
#include "lib/log.h"
#include "lib/evloop.h"

#include <net-snmp/net-snmp-config.h>
#include <net-snmp/net-snmp-includes.h>
#include <net-snmp/agent/net-snmp-agent-includes.h>

#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <syslog.h>
#include <time.h>
#include <unistd.h>

static struct sn_serve A;
static volatile sig_atomic_t stopping;

static void
on_signal(int sig)
{
    (void)sig;
    stopping = 1;
}

static void
syslog_sink(void *arg, enum log_level lvl, const char *msg)
{
    static const int pri[] = {LOG_ERR, LOG_WARNING, LOG_NOTICE, LOG_INFO, LOG_DEBUG};

    syslog(pri[lvl], "%s", msg);
}

int
sn_agent_run(const struct sn_agent_opts *o)
{
    struct sigaction sa;

    if (!o->foreground) {
        if (daemon(0, 0) < 0) {
            perror("dmvpn-snmp: daemon");
            return 2;
        }
        openlog("dmvpn-snmp", LOG_PID, LOG_DAEMON);
        log_set_sink(syslog_sink, NULL);
        snmp_enable_syslog_ident("dmvpn-snmp", LOG_DAEMON);
    } else {
        snmp_enable_stderrlog();
    }
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_signal; /* no SA_RESTART: select() must return */
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);

    sn_serve_init(&A, o->ctl_socket, o->cache_ms);

    /* everything comes from here, nothing from snmp config files */
    netsnmp_ds_set_boolean(NETSNMP_DS_LIBRARY_ID, NETSNMP_DS_LIB_DONT_READ_CONFIGS, 1);
    netsnmp_ds_set_boolean(NETSNMP_DS_LIBRARY_ID, NETSNMP_DS_LIB_DISABLE_PERSISTENT_LOAD, 1);
    netsnmp_ds_set_boolean(NETSNMP_DS_LIBRARY_ID, NETSNMP_DS_LIB_DISABLE_PERSISTENT_SAVE, 1);
    netsnmp_ds_set_boolean(NETSNMP_DS_APPLICATION_ID, NETSNMP_DS_AGENT_ROLE, 1);
    if (o->agentx_socket)
        netsnmp_ds_set_string(NETSNMP_DS_APPLICATION_ID, NETSNMP_DS_AGENT_X_SOCKET,
                              o->agentx_socket);
    setenv("MIBS", "", 1); /* numeric OIDs only: no MIB files to parse */
    init_agent("dmvpn-snmp");
    /* after init_agent, which installs the defaults (15 s): how soon a
     * restarted snmpd is found and our subtrees registered again */
    netsnmp_ds_set_int(NETSNMP_DS_APPLICATION_ID, NETSNMP_DS_AGENT_AGENTX_PING_INTERVAL,
                       o->ping_secs);
    sn_serve_register(&A);
    init_snmp("dmvpn-snmp");
    log_notice("dmvpn-snmp %s: AgentX subagent for dmvpnd at %s", DMVPN_VERSION, o->ctl_socket);
    while (!stopping)
        agent_check_and_process(1);
    log_notice("dmvpn-snmp: stopping");
    snmp_shutdown("dmvpn-snmp");
    sn_serve_free(&A);
    return 0;
}

static void
print_val(const struct sn_val *v)
{
    static const char *const names[] = {"INTEGER",   "Unsigned32", "Gauge32",     "Counter32",
                                        "Counter64", "Timeticks",  "OCTET STRING"};
    size_t i;

    printf("%s: ", names[v->type]);
    if (v->type == SN_INTEGER)
        printf("%" PRId64, v->i);
    else if (v->type != SN_OCTETS)
        printf("%" PRIu64, v->u);
    else
        for (i = 0; i < v->len; i++)
            printf("%s%02x", i ? " " : "", v->s[i]);
    putchar('\n');
}

int
sn_agent_dump(const char *ctl_socket)
{
    uint32_t q[SN_OID_MAX] = {0}, out[SN_OID_MAX];
    size_t qlen = 1, olen, i;
    struct sn_val v;

    sn_serve_init(&A, ctl_socket, 1000000);
    sn_serve_refresh(&A, 0);
    if (!A.src.ok) {
        fprintf(stderr, "dmvpn-snmp: no answer from dmvpnd at %s\n", ctl_socket);
        return 1;
    }
    while (sn_mib_next(&A.mib, &A.src.snap, q, qlen, out, &olen, &v)) {
        for (i = 0; i < olen; i++)
            printf(".%u", out[i]);
        printf(" = ");
        print_val(&v);
        memcpy(q, out, olen * sizeof(*q));
        qlen = olen;
    }
    sn_serve_free(&A);
    return 0;
}
