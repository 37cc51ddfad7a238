/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * net-snmp request handlers over the pure tables (sn_handler.h): OIDs and
 * values are converted at this edge, everything else is sn_table.c.
 */
#include "snmp/sn_handler.h"
#include "lib/evloop.h"
#include "lib/log.h"

#include <net-snmp/net-snmp-config.h>
#include <net-snmp/net-snmp-includes.h>
#include <net-snmp/agent/net-snmp-agent-includes.h>

#include <net/if.h>
#include <stdio.h>
#include <string.h>

/* The handlers' state: one per process (a subagent or one snmpd). */
static struct sn_serve *serving;

/* IF-MIB's ifIndex is the kernel's (snmpd's Linux interface code), looked
 * up once per snapshot and interface. */
static uint32_t
ifindex_of(void *arg, const char *name)
{
    struct sn_serve *sv = arg;
    uint32_t idx;
    int i;

    for (i = 0; i < sv->nifc; i++)
        if (!strcmp(sv->ifc[i].name, name))
            return sv->ifc[i].idx;
    idx = if_nametoindex(name);
    if (sv->nifc < SN_IFCACHE) {
        snprintf(sv->ifc[sv->nifc].name, sizeof(sv->ifc[0].name), "%s", name);
        sv->ifc[sv->nifc++].idx = idx;
    }
    return idx;
}

void
sn_serve_init(struct sn_serve *sv, const char *ctl_socket, int64_t cache_ms)
{
    memset(sv, 0, sizeof(*sv));
    sn_source_init(&sv->src, ctl_socket, cache_ms);
    sv->src.snap.ifindex = ifindex_of;
    sv->src.snap.ifindex_arg = sv;
    sn_mib_init(&sv->mib);
}

void
sn_serve_free(struct sn_serve *sv)
{
    sn_mib_free(&sv->mib);
    sn_source_free(&sv->src);
}

void
sn_serve_refresh(struct sn_serve *sv, uint32_t uptime_ticks)
{
    if (sn_source_refresh(&sv->src, ev_clock_monotonic_ms(), uptime_ticks)) {
        sv->nifc = 0;
        sn_mib_build(&sv->mib, &sv->src.snap);
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
    struct sn_serve *sv = serving;
    netsnmp_request_info *r;

    (void)reg;
    if (ri->mode != MODE_GET && ri->mode != MODE_GETNEXT) {
        /* SET phases: never reached with a read-only registration, but a
         * refusal is the only answer we have */
        for (r = reqs; r; r = r->next)
            netsnmp_set_request_error(ri, r, SNMP_ERR_NOTWRITABLE);
        return SNMP_ERR_NOERROR;
    }
    sn_serve_refresh(sv, netsnmp_get_agent_uptime());
    for (r = reqs; r; r = r->next) {
        netsnmp_variable_list *vb = r->requestvb;
        uint32_t q[SN_OID_MAX], out[SN_OID_MAX];
        size_t qlen, olen, i;
        struct sn_val v;

        if (r->processed)
            continue;
        qlen = to_u32(vb->name, vb->name_length, q);
        if (ri->mode == MODE_GET) {
            int rc = sn_table_get(t, &sv->src.snap, q, qlen, &v);
            if (rc == 1)
                set_value(vb, &v);
            else
                netsnmp_set_request_error(ri, r, rc == 0 ? SNMP_NOSUCHINSTANCE : SNMP_NOSUCHOBJECT);
            continue;
        }
        if (sn_table_next(t, &sv->src.snap, q, qlen, out, &olen, &v)) {
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
register_table(struct sn_serve *sv, struct sn_table *t, unsigned col)
{
    oid o[SN_OID_MAX];
    size_t i, n = t->oidlen;
    netsnmp_handler_registration *reg;

    if (sv->nregs >= SN_REGS)
        return -1;
    for (i = 0; i < n; i++)
        o[i] = t->oid[i];
    if (col)
        o[n++] = col;
    reg = netsnmp_create_handler_registration(t->name, handler, o, n, HANDLER_CAN_RONLY);
    if (!reg)
        return -1;
    reg->handler->myvoid = t;
    if (netsnmp_register_handler(reg) != MIB_REGISTERED_OK)
        return -1; /* net-snmp freed reg */
    sv->regs[sv->nregs++] = reg;
    return 0;
}

int
sn_serve_register(struct sn_serve *sv)
{
    int i, bad = 0;

    serving = sv;
    for (i = 0; i < SN_T_COUNT; i++) {
        struct sn_table *t = &sv->mib.t[i];
        const uint8_t *c;
        int rc = 0;
        if (t->scalar)
            for (c = t->cols; *c; c++)
                rc |= register_table(sv, t, *c);
        else
            rc = register_table(sv, t, 0);
        if (rc) {
            log_err("dmvpn-snmp: cannot register %s", t->name);
            bad++;
        }
    }
    return bad;
}

void
sn_serve_unregister(struct sn_serve *sv)
{
    int i;

    for (i = 0; i < sv->nregs; i++)
        netsnmp_unregister_handler(sv->regs[i]);
    sv->nregs = 0;
}
