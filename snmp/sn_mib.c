/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The set of tables dmvpn-snmp serves (sn_mib.h): set-up, rebuild from a
 * snapshot, and GET/GETNEXT across all of them for tests and tools that walk
 * the whole MIB without net-snmp's registry in between.
 */
#include "snmp/sn_mib.h"

#include <stdlib.h>
#include <string.h>

void
sn_mib_init(struct sn_mib *m)
{
    memset(m, 0, sizeof(*m));
    sn_nhrp_init(m);
    sn_ipsec_init(m);
}

void
sn_mib_free(struct sn_mib *m)
{
    int i;

    for (i = 0; i < SN_T_COUNT; i++)
        sn_table_free(&m->t[i]);
}

void
sn_mib_build(struct sn_mib *m, const struct sn_snap *s)
{
    int i;

    for (i = 0; i < SN_T_COUNT; i++)
        sn_table_clear(&m->t[i]);
    sn_nhrp_build(m, s);
    sn_ipsec_build(m, s);
}

int
sn_mib_get(const struct sn_mib *m, const struct sn_snap *s, const uint32_t *oid, size_t len,
           struct sn_val *v)
{
    int i, rc = -1;

    /* the general scalar group's OID is a prefix of the cache table's: ask
     * every table, an exact match wins */
    for (i = 0; i < SN_T_COUNT; i++) {
        int r = sn_table_get(&m->t[i], s, oid, len, v);
        if (r == 1)
            return 1;
        if (r == 0)
            rc = 0;
    }
    return rc;
}

bool
sn_mib_next(const struct sn_mib *m, const struct sn_snap *s, const uint32_t *oid, size_t len,
            uint32_t *out, size_t *outlen, struct sn_val *v)
{
    int i;

    /* Tables are in OID order and every instance of one sorts before every
     * instance of the next, so the first answer is the successor. */
    for (i = 0; i < SN_T_COUNT; i++)
        if (sn_table_next(&m->t[i], s, oid, len, out, outlen, v))
            return true;
    return false;
}

uint32_t
sn_tunnel_index(const struct sn_snap *s, const char *ifname)
{
    const char *p = ifname;
    unsigned long n;
    char *end;

    /* TunnelN -> N+1: stable across daemon and agent restarts, unlike the
     * kernel's ifindex of a TUN device that is recreated. */
    if (!strncmp(p, "Tunnel", 6) && p[6] >= '0' && p[6] <= '9') {
        n = strtoul(p + 6, &end, 10);
        if (!*end && n < UINT32_MAX)
            return (uint32_t)n + 1;
    }
    /* anything else: its ifIndex, kept apart from the tunnel numbers */
    n = s->ifindex ? s->ifindex(s->ifindex_arg, ifname) : 0;
    return n ? (uint32_t)(0x80000000u | n) : 0;
}
