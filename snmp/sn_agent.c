/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * AgentX subagent glue (sn_agent.h): one net-snmp handler registration per
 * table (per column for scalar groups), each answering from the pure tables
 * of sn_mib.c after making sure the snapshot is fresh. A GETBULK reaches us
 * as a run of GETNEXTs (net-snmp's bulk_to_next helper, injected because
 * the registrations do not claim GETBULK), each a binary search.
 * The subagent pings the master every few seconds; when snmpd restarts,
 * net-snmp reconnects and re-registers everything by itself.
 */
#include "snmp/sn_agent.h"
#include "snmp/sn_mib.h"
#include "snmp/sn_source.h"
#include "lib/log.h"
#include "lib/evloop.h"

#include <net-snmp/net-snmp-config.h>
#include <net-snmp/net-snmp-includes.h>
#include <net-snmp/agent/net-snmp-agent-includes.h>

#include <inttypes.h>
#include <net/if.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <syslog.h>
#include <time.h>
#include <unistd.h>

#define IFCACHE 16

struct agent {
    struct sn_source src;
    struct sn_mib mib;
    struct {
        char name[REC_IFNAMSIZ];
        uint32_t idx;
    } ifc[IFCACHE];
    int nifc;
};

static struct agent A;
static volatile sig_atomic_t stopping;

/* IF-MIB's ifIndex is the kernel's (snmpd's Linux interface code), looked
 * up once per snapshot and interface. */
static uint32_t
ifindex_of(void *arg, const char *name)
{
    struct agent *a = arg;
    uint32_t idx;
    int i;

    for (i = 0; i < a->nifc; i++)
        if (!strcmp(a->ifc[i].name, name))
            return a->ifc[i].idx;
    idx = if_nametoindex(name);
    if (a->nifc < IFCACHE) {
        snprintf(a->ifc[a->nifc].name, sizeof(a->ifc[0].name), "%s", name);
        a->ifc[a->nifc++].idx = idx;
    }
    return idx;
}

static void
refresh(struct agent *a, uint32_t uptime)
{
    if (sn_source_refresh(&a->src, ev_clock_monotonic_ms(), uptime)) {
        a->nifc = 0;
        sn_mib_build(&a->mib, &a->src.snap);
    }
}

static void
set_value(netsnmp_variable_list *vb, const struct sn_val *v)
{
    long l;
    u_long u;
    struct counter64 c;

    switch (v->type) {
    case SN_INTEGER:
        l = (long)v->i;
        snmp_set_var_typed_value(vb, ASN_INTEGER, &l, sizeof(l));
        break;
    case SN_UNSIGNED:
    case SN_GAUGE:
        u = (u_long)v->u;
        snmp_set_var_typed_value(vb, ASN_GAUGE, &u, sizeof(u));
        break;
    case SN_COUNTER:
        u = (u_long)v->u;
        snmp_set_var_typed_value(vb, ASN_COUNTER, &u, sizeof(u));
        break;
    case SN_TIMETICKS:
        u = (u_long)v->u;
        snmp_set_var_typed_value(vb, ASN_TIMETICKS, &u, sizeof(u));
        break;
    case SN_COUNTER64:
        c.high = (u_long)(v->u >> 32);
        c.low = (u_long)(v->u & 0xffffffffu);
        snmp_set_var_typed_value(vb, ASN_COUNTER64, &c, sizeof(c));
        break;
    case SN_OCTETS:
        snmp_set_var_typed_value(vb, ASN_OCTET_STR, v->s, v->len);
        break;
    }
}

static size_t
to_u32(const oid *name, size_t len, uint32_t *out)
{
    size_t i;

    if (len > SN_OID_MAX)
        len = SN_OID_MAX;
    for (i = 0; i < len; i++)
        out[i] = name[i] > UINT32_MAX ? UINT32_MAX : (uint32_t)name[i];
    return len;
}

static int
handler(netsnmp_mib_handler *h, netsnmp_handler_registration *reg, netsnmp_agent_request_info *ri,
        netsnmp_request_info *reqs)
{
    const struct sn_table *t = h->myvoid;
    netsnmp_request_info *r;

    if (ri->mode != MODE_GET && ri->mode != MODE_GETNEXT) {
        /* SET phases: never reached with a read-only registration, but a
         * refusal is the only answer this subagent has */
        for (r = reqs; r; r = r->next)
            netsnmp_set_request_error(ri, r, SNMP_ERR_NOTWRITABLE);
        return SNMP_ERR_NOERROR;
    }
    refresh(&A, netsnmp_get_agent_uptime());
    for (r = reqs; r; r = r->next) {
        netsnmp_variable_list *vb = r->requestvb;
        uint32_t q[SN_OID_MAX], out[SN_OID_MAX];
        size_t qlen, olen, i;
        struct sn_val v;

        if (r->processed)
            continue;
        qlen = to_u32(vb->name, vb->name_length, q);
        if (ri->mode == MODE_GET) {
            int rc = sn_table_get(t, &A.src.snap, q, qlen, &v);
            if (rc == 1)
                set_value(vb, &v);
            else
                netsnmp_set_request_error(ri, r, rc == 0 ? SNMP_NOSUCHINSTANCE : SNMP_NOSUCHOBJECT);
            continue;
        }
        if (sn_table_next(t, &A.src.snap, q, qlen, out, &olen, &v)) {
            oid o[SN_OID_MAX];
            for (i = 0; i < olen; i++)
                o[i] = out[i];
            snmp_set_var_objid(vb, o, olen);
            set_value(vb, &v);
        }
        /* nothing after it here: the varbind stays unanswered and the agent
         * moves on to the next registered subtree */
    }
    return SNMP_ERR_NOERROR;
}

static int
register_table(struct sn_table *t, unsigned col)
{
    oid o[SN_OID_MAX];
    size_t i, n = t->oidlen;
    netsnmp_handler_registration *reg;

    for (i = 0; i < n; i++)
        o[i] = t->oid[i];
    if (col)
        o[n++] = col;
    reg = netsnmp_create_handler_registration(t->name, handler, o, n, HANDLER_CAN_RONLY);
    if (!reg)
        return -1;
    reg->handler->myvoid = t;
    return netsnmp_register_handler(reg) == MIB_REGISTERED_OK ? 0 : -1;
}

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
    int i;

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

    sn_source_init(&A.src, o->ctl_socket, o->cache_ms);
    A.src.snap.ifindex = ifindex_of;
    A.src.snap.ifindex_arg = &A;
    sn_mib_init(&A.mib);

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
    for (i = 0; i < SN_T_COUNT; i++) {
        struct sn_table *t = &A.mib.t[i];
        const uint8_t *c;
        int rc = 0;
        if (t->scalar)
            for (c = t->cols; *c; c++)
                rc |= register_table(t, *c);
        else
            rc = register_table(t, 0);
        if (rc)
            log_err("dmvpn-snmp: cannot register %s", t->name);
    }
    init_snmp("dmvpn-snmp");
    log_notice("dmvpn-snmp %s: AgentX subagent for dmvpnd at %s", DMVPN_VERSION, o->ctl_socket);
    while (!stopping)
        agent_check_and_process(1);
    log_notice("dmvpn-snmp: stopping");
    snmp_shutdown("dmvpn-snmp");
    sn_mib_free(&A.mib);
    sn_source_free(&A.src);
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

    sn_source_init(&A.src, ctl_socket, 1000000);
    A.src.snap.ifindex = ifindex_of;
    A.src.snap.ifindex_arg = &A;
    sn_mib_init(&A.mib);
    refresh(&A, 0);
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
    sn_mib_free(&A.mib);
    sn_source_free(&A.src);
    return 0;
}
