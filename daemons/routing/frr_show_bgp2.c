/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * bgpd's `show ip bgp neighbors json` -> struct rec_bgp_nbr_detail
 * (frr_show.h). bgpd 8.4.4 keys the neighbors by address; times are
 * milliseconds ago (bgpTimerUpMsec, bgpTimerLastRead, lastResetTimerMsecs),
 * so they become absolute times of our clock here. What bgpd does not keep
 * stays 0 and IOS's line prints 0: cumulative prefix totals (the total is
 * the current count), implicit/explicit withdraws, "Used as bestpath" and
 * "multipath", the policy-denied counters, the table versions (the caller
 * takes them from the summary: frr_show_bgp_nbr_versions()).
 */
#include "daemons/routing/frr_show_int.h"

#include "lib/inet.h"

#include <stdio.h>
#include <string.h>

static uint32_t
u32(const struct jsonr *j, uint32_t obj, const char *key)
{
    int64_t v = jsonr_int(j, jsonr_get(j, obj, key), 0);
    return v < 0 ? 0 : v > UINT32_MAX ? UINT32_MAX : (uint32_t)v;
}

/* A time bgpd gives as milliseconds ago; 0 (never) when absent. */
static int64_t
ago(const struct jsonr *j, uint32_t obj, const char *key, int64_t now_ms)
{
    int64_t v = jsonr_int(j, jsonr_get(j, obj, key), -1);
    return v < 0 ? 0 : now_ms - v;
}

static uint8_t
state_of(const struct jsonr *j, uint32_t v, uint8_t *idle_why)
{
    static const char *const names[REC_BGP_STATE_COUNT] = {
        "Idle", "Connect", "Active", "OpenSent", "OpenConfirm", "Established",
    };
    char s[32];

    fs_str(j, v, s, sizeof(s));
    *idle_why = REC_BGP_IDLE_NONE;
    for (int i = 0; i < REC_BGP_STATE_COUNT; i++)
        if (strcmp(s, names[i]) == 0)
            return (uint8_t)i;
    if (strcmp(s, "Idle (Admin)") == 0)
        *idle_why = REC_BGP_IDLE_ADMIN;
    else if (strcmp(s, "Idle (PfxCt)") == 0)
        *idle_why = REC_BGP_IDLE_PFXCT;
    return REC_BGP_IDLE;
}

/* "advertisedAndReceived[...]" / "advertised" / "received[...]" */
static uint16_t
cap_word(const struct jsonr *j, uint32_t v, uint16_t adv, uint16_t rcv)
{
    char s[48];

    fs_str(j, v, s, sizeof(s));
    if (strncmp(s, "advertisedAndReceived", 21) == 0)
        return adv | rcv;
    if (strncmp(s, "advertised", 10) == 0)
        return adv;
    if (strncmp(s, "received", 8) == 0)
        return rcv;
    return 0;
}

static void
caps(const struct jsonr *j, uint32_t c, struct rec_bgp_nbr_detail *r)
{
    uint32_t rr = jsonr_get(j, c, "routeRefresh");
    uint32_t mp = jsonr_get(j, jsonr_get(j, c, "multiprotocolExtensions"), "ipv4Unicast");

    r->caps = cap_word(j, rr, REC_BGPC_REFRESH_A, REC_BGPC_REFRESH_R);
    if (jsonr_str_eq(j, rr, "advertisedAndReceivedOldNew") || jsonr_str_eq(j, rr, "receivedOldNew"))
        r->caps |= REC_BGPC_REFRESH_OLD;
    r->caps |= cap_word(j, jsonr_get(j, c, "4byteAs"), REC_BGPC_AS4_A, REC_BGPC_AS4_R);
    if (jsonr_bool(j, jsonr_get(j, mp, "advertisedAndReceived"), false))
        r->caps |= REC_BGPC_IPV4_A | REC_BGPC_IPV4_R;
    else if (jsonr_bool(j, jsonr_get(j, mp, "advertised"), false))
        r->caps |= REC_BGPC_IPV4_A;
    else if (jsonr_bool(j, jsonr_get(j, mp, "received"), false))
        r->caps |= REC_BGPC_IPV4_R;
}

static void
stats(const struct jsonr *j, uint32_t m, struct rec_bgp_nbr_detail *r)
{
    static const char *const keys[6] = {"opens",      "notifications", "updates",
                                        "keepalives", "routeRefresh",  "total"};
    uint32_t *dst[6] = {r->opens,      r->notifications, r->updates,
                        r->keepalives, r->refreshes,     r->totals};
    char k[32];

    r->inq = u32(j, m, "depthInq");
    r->outq = u32(j, m, "depthOutq");
    for (int i = 0; i < 6; i++) {
        snprintf(k, sizeof k, "%sSent", keys[i]);
        dst[i][0] = u32(j, m, k);
        snprintf(k, sizeof k, "%sRecv", keys[i]);
        dst[i][1] = u32(j, m, k);
    }
}

static bool
neighbor(const struct jsonr *j, uint32_t key, uint32_t p, int64_t now_ms,
         struct rec_bgp_nbr_detail *r)
{
    uint32_t af = jsonr_get(j, jsonr_get(j, p, "addressFamilyInfo"), "ipv4Unicast");
    uint32_t hops = jsonr_get(j, p, "externalBgpNbrMaxHopsAway");
    char range[24];

    memset(r, 0, sizeof(*r));
    if (!fs_ipv4(j, key, &r->addr) || jsonr_type(j, p) != JSONR_OBJECT ||
        jsonr_get(j, p, "bgpState") == JSONR_NONE)
        return false;
    r->remote_as = u32(j, p, "remoteAs");
    r->local_as = u32(j, p, "localAs");
    r->version = (uint8_t)u32(j, p, "bgpVersion");
    fs_ipv4(j, jsonr_get(j, p, "remoteRouterId"), &r->remote_id);
    r->state = state_of(j, jsonr_get(j, p, "bgpState"), &r->idle_why);
    if (jsonr_bool(j, jsonr_get(j, p, "nbrInternalLink"), false))
        r->flags |= REC_BGPN_INTERNAL;
    if (r->state == REC_BGP_ESTABLISHED) {
        r->since_ms = ago(j, p, "bgpTimerUpMsec", now_ms);
        r->flags |= REC_BGPN_TRACKED; /* a session is up: a route to it exists */
    }
    r->read_ms = ago(j, p, "bgpTimerLastRead", now_ms);
    r->write_ms = ago(j, p, "bgpTimerLastWrite", now_ms);
    r->hold_s = u32(j, p, "bgpTimerHoldTimeMsecs") / 1000;
    r->keepalive_s = u32(j, p, "bgpTimerKeepAliveIntervalMsecs") / 1000;
    caps(j, jsonr_get(j, p, "neighborCapabilities"), r);
    stats(j, jsonr_get(j, p, "messageStats"), r);
    r->min_adv_s = u32(j, p, "minBtwnAdvertisementRunsTimerMsecs") / 1000;
    r->update_group = u32(j, af, "updateGroupId");
    r->outq_size = u32(j, af, "packetQueueLength");
    r->pfx_current[0] = r->pfx_total[0] = u32(j, af, "sentPrefixCounter");
    r->pfx_current[1] = r->pfx_total[1] = u32(j, af, "acceptedPrefixCounter");
    if (jsonr_bool(j, jsonr_get(j, af, "routeReflectorClient"), false))
        r->flags |= REC_BGPN_RR_CLIENT;
    if (jsonr_bool(j, jsonr_get(j, af, "inboundSoftConfigPermit"), false))
        r->flags |= REC_BGPN_SOFT_IN;
    fs_str(j, jsonr_get(j, p, "peerGroup"), r->peer_group, sizeof(r->peer_group));
    fs_str(j, jsonr_get(j, p, "nbrDesc"), r->description, sizeof(r->description));
    fs_str(j, jsonr_get(j, p, "peerSubnetRangeGroup"), range, sizeof(range));
    if (range[0] && fs_prefix_text(range, &r->range_prefix, &r->range_len))
        r->flags |= REC_BGPN_DYNAMIC;
    r->conn_established = u32(j, p, "connectionsEstablished");
    r->conn_dropped = u32(j, p, "connectionsDropped");
    /* bgpd names a reason even before the first session ("Waiting for
     * peer OPEN"); IOS says "never" until a session was dropped */
    if (r->conn_dropped) {
        r->reset_ms = ago(j, p, "lastResetTimerMsecs", now_ms);
        fs_str(j, jsonr_get(j, p, "lastResetDueTo"), r->reset_why, sizeof(r->reset_why));
    }
    fs_ipv4(j, jsonr_get(j, p, "hostLocal"), &r->local_host);
    fs_ipv4(j, jsonr_get(j, p, "hostForeign"), &r->foreign_host);
    r->local_port = (uint16_t)u32(j, p, "portLocal");
    r->foreign_port = (uint16_t)u32(j, p, "portForeign");
    /* eBGP's TTL is its hop limit (1 unless multihop), iBGP's 255 */
    r->ttl_out = hops != JSONR_NONE ? (uint8_t)u32(j, p, "externalBgpNbrMaxHopsAway") : 255;
    return true;
}

int
frr_show_bgp_neighbors(const char *json, size_t len, int64_t now_ms, struct strbuf *out,
                       struct frr_show_diag *diag)
{
    struct jsonr j;
    struct jsonr_iter it;
    uint32_t k, v;
    int n = 0;

    if (fs_open(&j, json, len, "show ip bgp neighbors json", diag) < 0)
        return -1;
    for (jsonr_iter_init(&it, &j, jsonr_root(&j)); jsonr_iter_next(&it, &j, &k, &v);) {
        struct rec_bgp_nbr_detail r;
        if (!neighbor(&j, k, v, now_ms, &r)) {
            fs_skip(diag);
            continue;
        }
        sb_append(out, &r, sizeof(r));
        n++;
    }
    jsonr_free(&j);
    return n;
}

void
frr_show_bgp_nbr_versions(struct rec_bgp_nbr_detail *r, size_t n, const struct rec_bgp_global *g,
                          const struct rec_bgp_neighbor *nbrs, size_t nn)
{
    for (size_t i = 0; i < n; i++) {
        r[i].table_version = g ? g->table_version : 0;
        for (size_t k = 0; k < nn; k++)
            if (nbrs[k].addr == r[i].addr)
                r[i].nbr_version = nbrs[k].table_version;
        /* bgpd 8.4.4's per-peer version is always 0 (its summary's TblVer
         * too); an Established peer with nothing queued has been sent the
         * whole table, which is what IOS's equal versions say */
        if (!r[i].nbr_version && r[i].state == REC_BGP_ESTABLISHED && !r[i].outq_size)
            r[i].nbr_version = r[i].table_version;
    }
}
