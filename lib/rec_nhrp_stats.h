/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Snapshot record of show ip nhrp stats [detail] (REC_NHRP_STATS): per
 * tunnel, how many times NHRP saw or caused each event IOS-XE counts
 * (interface state, data plane end points, tunnel protection sockets and
 * SAs, routes and next-hop overrides) and how many of them failed. The
 * events are IOS's, in its print order, so the renderer walks the enum;
 * those our engine has no counterpart for (MPLS, BFD, QoS, CEF, BGP,
 * platform) stay 0, as IOS prints them when the feature is off.
 */
#ifndef DMVPN_LIB_REC_NHRP_STATS_H
#define DMVPN_LIB_REC_NHRP_STATS_H

#include "lib/rec.h"

#include <stdint.h>

enum rec_nhrp_event {
    /* Interface State Event Stats */
    REC_NEV_IF_UP,
    REC_NEV_IF_DOWN,
    REC_NEV_IF_ADMIN_DOWN,
    REC_NEV_IF_DELETED,
    REC_NEV_IF_ADDR_CHANGED,
    REC_NEV_IF_VRF_CHANGED,
    REC_NEV_IF_PKTS_RCVD,
    /* Tunnel Stats */
    REC_NEV_EP_ADD,
    REC_NEV_EP_DEL,
    REC_NEV_O_EP_SB_CREATED,
    REC_NEV_T_EP_SB_CREATED,
    REC_NEV_TO_EP_DELETED,
    REC_NEV_PRE_DELETE,
    REC_NEV_SRC_CHANGE,
    REC_NEV_MODE_CHANGE,
    REC_NEV_LEAVE_MODE,
    REC_NEV_DECAP_INTERCEPT,
    REC_NEV_DELAYED_UNLINK_EP,
    /* Tunnel Protection Stats */
    REC_NEV_TP_CREATE_SOCKET,
    REC_NEV_TP_DEL_SOCKET,
    REC_NEV_TP_CREATE_VA,
    REC_NEV_TP_DEL_VA,
    REC_NEV_TP_UP,
    REC_NEV_TP_DOWN,
    REC_NEV_TP_RESET_SOCKET,
    REC_NEV_TP_PROCESS_DELAYED,
    REC_NEV_TP_UPDATE_DELAYED,
    /* Tunnel QoS Stats */
    REC_NEV_QOS_APPLY,
    REC_NEV_QOS_REMOVE,
    REC_NEV_QOS_POLICY_REMOVED,
    REC_NEV_QOS_PMAP_DELETED,
    REC_NEV_QOS_PMAP_RENAME,
    /* RIB Events Stats */
    REC_NEV_RIB_ADD_ROUTE,
    REC_NEV_RIB_DEL_ROUTE,
    REC_NEV_RIB_ADD_NHO,
    REC_NEV_RIB_DEL_NHO,
    REC_NEV_RIB_RWATCH_NO_ROUTE,
    REC_NEV_RIB_INIT_IPDB,
    REC_NEV_RIB_ADD_IPDB,
    REC_NEV_RIB_DEL_IPDB,
    REC_NEV_RIB_REMOVE_IPDB,
    REC_NEV_RIB_RTREVISE,
    REC_NEV_RIB_REDIST_CB,
    REC_NEV_RIB_ROUTE_ADD_CB,
    REC_NEV_RIB_ROUTE_EVICTED,
    REC_NEV_RIB_ROUTE_QUERY,
    /* MPLS Stats */
    REC_NEV_MPLS_LABEL_ALLOC,
    REC_NEV_MPLS_LABEL_RELEASE,
    REC_NEV_MPLS_IP_KEY_BIND,
    REC_NEV_MPLS_VPN_KEY_BIND,
    REC_NEV_MPLS_INJECT,
    REC_NEV_MPLS_MGMT_CB,
    REC_NEV_MPLS_REDIRECT,
    REC_NEV_MPLS_LABEL_OI_BIND,
    REC_NEV_MPLS_REGISTER,
    REC_NEV_MPLS_UNREGISTER,
    /* BFD Stats */
    REC_NEV_BFD_CLIENT_CREATE,
    REC_NEV_BFD_CLIENT_DESTROY,
    REC_NEV_BFD_SESSION_CREATE,
    REC_NEV_BFD_SESSION_DESTROY,
    REC_NEV_BFD_CALLBACK,
    REC_NEV_BFD_SESSION_DOWN,
    REC_NEV_BFD_SESSION_UP,
    REC_NEV_BFD_SESSION_DEFAULT,
    /* CEF Stats (detail only) */
    REC_NEV_CEF_ADJ_USED,
    REC_NEV_CEF_ADJ_STALE,
    /* BGP Stats */
    REC_NEV_BGP_EXPORT,
    REC_NEV_BGP_WITHDRAW,
    REC_NEV_BGP_IMPORT,
    REC_NEV_BGP_IMPORTED_CHANGED,
    REC_NEV_BGP_MARKED,
    REC_NEV_BGP_UNMARKED,
    REC_NEV_BGP_CHANGE_NOTIF,
    REC_NEV_BGP_EXPORTED_DELETED,
    REC_NEV_BGP_WITHDRAW_ALL,
    /* Platform Stats (detail only) */
    REC_NEV_PLAT_STATE_CHANGE,
    REC_NEV_PLAT_REDIRECT_REQ,
    REC_NEV_PLAT_ENABLE,
    REC_NEV_PLAT_DISABLE,
    REC_NEV_COUNT
};

struct rec_nhrp_stats {
    char ifname[REC_IFNAMSIZ];
    uint64_t count[REC_NEV_COUNT];  /* times the event happened */
    uint64_t errors[REC_NEV_COUNT]; /* IOS's "[number]": of those, failed */
};

#endif
