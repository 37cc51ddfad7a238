/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * show ip nhrp stats [TunnelX] [detail]: IOS-XE's NHRP event counters per
 * tunnel (testdata/ios/show/show_ip_nhrp_stats*). Two counters to a line,
 * each "[S]Label" padded to 30, ": ", then "count[errors]"; the left one's
 * value is padded to 8 so the right column lines up. Without detail IOS
 * prints a subset of the same events in the same order, and leaves out the
 * CEF and Platform sections.
 */
#include "cli/render/render_nhrp.h"
#include "lib/json.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#define D 1 /* printed with detail only */

static const struct {
    const char *label;
    uint8_t detail;
} item[REC_NEV_COUNT] = {
    [REC_NEV_IF_UP] = {"[R]UP", 0},
    [REC_NEV_IF_DOWN] = {"[R]Down", 0},
    [REC_NEV_IF_ADMIN_DOWN] = {"[R]Admin Down", D},
    [REC_NEV_IF_DELETED] = {"[R]Deleted", 0},
    [REC_NEV_IF_ADDR_CHANGED] = {"[R]Addr Changed", D},
    [REC_NEV_IF_VRF_CHANGED] = {"[R]VRF Changed", D},
    [REC_NEV_IF_PKTS_RCVD] = {"[R]Packets received", D},
    [REC_NEV_EP_ADD] = {"[S]End Point Addition", 0},
    [REC_NEV_EP_DEL] = {"[S]End Point Deletion", 0},
    [REC_NEV_O_EP_SB_CREATED] = {"[R]O EP SB Created", D},
    [REC_NEV_T_EP_SB_CREATED] = {"[R]T EP SB Created", D},
    [REC_NEV_TO_EP_DELETED] = {"[R]T/O EP Deleted", D},
    [REC_NEV_PRE_DELETE] = {"[S]Pre-Delete", D},
    [REC_NEV_SRC_CHANGE] = {"[R]SRC Change", D},
    [REC_NEV_MODE_CHANGE] = {"[R]Mode Change", D},
    [REC_NEV_LEAVE_MODE] = {"[R]Leave Mode", D},
    [REC_NEV_DECAP_INTERCEPT] = {"[R]Decap Intercept", D},
    [REC_NEV_DELAYED_UNLINK_EP] = {"[R]Delayed Event Unlink EP", D},
    [REC_NEV_TP_CREATE_SOCKET] = {"[S]Create TP socket", 0},
    [REC_NEV_TP_DEL_SOCKET] = {"[S]Del TP socket", 0},
    [REC_NEV_TP_CREATE_VA] = {"[S]Create VA", 0},
    [REC_NEV_TP_DEL_VA] = {"[S]Del VA", 0},
    [REC_NEV_TP_UP] = {"[R]UP", 0},
    [REC_NEV_TP_DOWN] = {"[R]Down", 0},
    [REC_NEV_TP_RESET_SOCKET] = {"[S]Reset Socket", 0},
    [REC_NEV_TP_PROCESS_DELAYED] = {"[R]Process Delayed Event", D},
    [REC_NEV_TP_UPDATE_DELAYED] = {"[R]Update Delayed Event", D},
    [REC_NEV_QOS_APPLY] = {"[S]QoS APPLY", 0},
    [REC_NEV_QOS_REMOVE] = {"[S]QoS Remove", 0},
    [REC_NEV_QOS_POLICY_REMOVED] = {"[R]QoS Policy Removed", D},
    [REC_NEV_QOS_PMAP_DELETED] = {"[R]CLI-Policy Map Deleted", D},
    [REC_NEV_QOS_PMAP_RENAME] = {"[R]CLI-Policy Map Rename", D},
    [REC_NEV_RIB_ADD_ROUTE] = {"[S]Add Route", 0},
    [REC_NEV_RIB_DEL_ROUTE] = {"[S]Del Route", 0},
    [REC_NEV_RIB_ADD_NHO] = {"[S]Add NHO", 0},
    [REC_NEV_RIB_DEL_NHO] = {"[S]Del NHO", 0},
    [REC_NEV_RIB_RWATCH_NO_ROUTE] = {"[S]Rwatch w/o route", 0},
    [REC_NEV_RIB_INIT_IPDB] = {"[S]Init IPDB", D},
    [REC_NEV_RIB_ADD_IPDB] = {"[S]Add iPDB", D},
    [REC_NEV_RIB_DEL_IPDB] = {"[S]Del iPDB", D},
    [REC_NEV_RIB_REMOVE_IPDB] = {"[S]remove iPDB", D},
    [REC_NEV_RIB_RTREVISE] = {"[S]RTrevise", D},
    [REC_NEV_RIB_REDIST_CB] = {"[R]Redist Callback", D},
    [REC_NEV_RIB_ROUTE_ADD_CB] = {"[R]Route Add Callback", D},
    [REC_NEV_RIB_ROUTE_EVICTED] = {"[R]Route Evicted", 0},
    [REC_NEV_RIB_ROUTE_QUERY] = {"[S]Route Query", D},
    [REC_NEV_MPLS_LABEL_ALLOC] = {"[S]Label Alloc", 0},
    [REC_NEV_MPLS_LABEL_RELEASE] = {"[S]Label Release", 0},
    [REC_NEV_MPLS_IP_KEY_BIND] = {"[S]MPLS IP Key Bind", 0},
    [REC_NEV_MPLS_VPN_KEY_BIND] = {"[S]MPLS VPN Key Bind", 0},
    [REC_NEV_MPLS_INJECT] = {"[S]Inject Packet", D},
    [REC_NEV_MPLS_MGMT_CB] = {"[R]NHRP MPLS MGMT CH CB", D},
    [REC_NEV_MPLS_REDIRECT] = {"[R]Redirect", D},
    [REC_NEV_MPLS_LABEL_OI_BIND] = {"[S]Label-OI Bind", D},
    [REC_NEV_MPLS_REGISTER] = {"[S]Register MPLS", D},
    [REC_NEV_MPLS_UNREGISTER] = {"[S]Unregister MPLS", D},
    [REC_NEV_BFD_CLIENT_CREATE] = {"[S]Client Create", 0},
    [REC_NEV_BFD_CLIENT_DESTROY] = {"[S]Client Destroy", 0},
    [REC_NEV_BFD_SESSION_CREATE] = {"[S]Session Create", D},
    [REC_NEV_BFD_SESSION_DESTROY] = {"[S]Session Destroy", D},
    [REC_NEV_BFD_CALLBACK] = {"[R]Callback", D},
    [REC_NEV_BFD_SESSION_DOWN] = {"[R]Session Down", 0},
    [REC_NEV_BFD_SESSION_UP] = {"[R]Session Up", 0},
    [REC_NEV_BFD_SESSION_DEFAULT] = {"[R]Session Default", D},
    [REC_NEV_CEF_ADJ_USED] = {"[S]Adjacency Used", D},
    [REC_NEV_CEF_ADJ_STALE] = {"[S]Adjacency Mark Stale", D},
    [REC_NEV_BGP_EXPORT] = {"[S]Route Export", 0},
    [REC_NEV_BGP_WITHDRAW] = {"[S]Route Withdrawal", 0},
    [REC_NEV_BGP_IMPORT] = {"[S]Route Import", 0},
    [REC_NEV_BGP_IMPORTED_CHANGED] = {"[R]Imported Route Changed", 0},
    [REC_NEV_BGP_MARKED] = {"[S]Route marked", D},
    [REC_NEV_BGP_UNMARKED] = {"[S]Route unmarked", D},
    [REC_NEV_BGP_CHANGE_NOTIF] = {"[R]Route change notification", D},
    [REC_NEV_BGP_EXPORTED_DELETED] = {"[R]Exported Route Deleted", D},
    [REC_NEV_BGP_WITHDRAW_ALL] = {"[R]Withdraw All Routes", D},
    [REC_NEV_PLAT_STATE_CHANGE] = {"[R]State Change", D},
    [REC_NEV_PLAT_REDIRECT_REQ] = {"[R]Redirect Request", D},
    [REC_NEV_PLAT_ENABLE] = {"[S]Enable", D},
    [REC_NEV_PLAT_DISABLE] = {"[S]Disable", D},
};

/* Sections: title, JSON key, first event (the next section's first ends it). */
static const struct {
    const char *title, *key;
    unsigned first;
    uint8_t detail;
} section[] = {
    {"Interface State Event Stats", "interface_state", REC_NEV_IF_UP, 0},
    {"Tunnel Stats", "tunnel", REC_NEV_EP_ADD, 0},
    {"Tunnel Protection Stats", "tunnel_protection", REC_NEV_TP_CREATE_SOCKET, 0},
    {"Tunnel QoS Stats", "tunnel_qos", REC_NEV_QOS_APPLY, 0},
    {"RIB Events Stats", "rib", REC_NEV_RIB_ADD_ROUTE, 0},
    {"MPLS Stats", "mpls", REC_NEV_MPLS_LABEL_ALLOC, 0},
    {"BFD Stats", "bfd", REC_NEV_BFD_CLIENT_CREATE, 0},
    {"CEF Stats", "cef", REC_NEV_CEF_ADJ_USED, D},
    {"BGP Stats", "bgp", REC_NEV_BGP_EXPORT, 0},
    {"Platform Stats", "platform", REC_NEV_PLAT_STATE_CHANGE, D},
};
#define NSECTIONS (sizeof(section) / sizeof(section[0]))

static unsigned
section_end(size_t s)
{
    return s + 1 < NSECTIONS ? section[s + 1].first : REC_NEV_COUNT;
}

static void
put_section(struct strbuf *out, const struct rec_nhrp_stats *r, size_t s, bool detail)
{
    unsigned ev;
    size_t pad = 0;
    bool left = true;
    char val[48];

    sb_printf(out, "\n %s:\n", section[s].title);
    for (ev = section[s].first; ev < section_end(s); ev++) {
        if (item[ev].detail && !detail)
            continue;
        snprintf(val, sizeof(val), "%llu[%llu]", (unsigned long long)r->count[ev],
                 (unsigned long long)r->errors[ev]);
        if (left) {
            size_t w = strlen(val);

            sb_printf(out, "        %-30s: %s", item[ev].label, val);
            /* IOS pads the left value to 8; a wider one keeps one blank so
             * the columns stay apart (no capture shows one) */
            pad = w < 8 ? 8 - w : 1;
        } else {
            sb_pad(out, ' ', pad);
            sb_printf(out, "%-30s: %s\n", item[ev].label, val);
        }
        left = !left;
    }
    if (!left) /* the line ended after one counter, with no padding */
        sb_putc(out, '\n');
}

void
render_nhrp_stats(struct strbuf *out, const struct rec_nhrp_stats *r, size_t n, bool detail,
                  bool one_tunnel)
{
    size_t i, s;

    sb_puts(out, "Codes: T - Transport, O - Overlay, EP - End Point\n"
                 "       TP - Tunnel Protection, VA - Virtual Access\n"
                 "       [S] - Sent from NHRP, [R] - Received by NHRP\n"
                 "       [number] - Error associated with an event\n");
    for (i = 0; i < n; i++) {
        if (i > 0)
            sb_putc(out, '\n');
        /* a named tunnel is not named again */
        if (!one_tunnel)
            sb_printf(out, "%.*s\n", REC_IFNAMSIZ, r[i].ifname);
        for (s = 0; s < NSECTIONS; s++)
            if (detail || !section[s].detail)
                put_section(out, &r[i], s, detail);
    }
}

/* "[S]End Point Addition" -> "end_point_addition" */
static const char *
item_key(char buf[48], const char *label)
{
    size_t k = 0;
    const char *p = label + 3; /* past "[S]" / "[R]" */

    for (; *p && k + 1 < 48; p++) {
        if (isalnum((unsigned char)*p))
            buf[k++] = (char)tolower((unsigned char)*p);
        else if (k > 0 && buf[k - 1] != '_')
            buf[k++] = '_';
    }
    while (k > 0 && buf[k - 1] == '_')
        k--;
    buf[k] = '\0';
    return buf;
}

void
render_nhrp_stats_json(struct strbuf *out, const struct rec_nhrp_stats *r, size_t n)
{
    struct json j;
    char key[48];
    size_t i, s;
    unsigned ev;

    json_init(&j, out);
    json_obj_begin(&j, NULL);
    json_arr_begin(&j, "interfaces");
    for (i = 0; i < n; i++) {
        json_obj_begin(&j, NULL);
        json_strn(&j, "interface", r[i].ifname, strnlen(r[i].ifname, REC_IFNAMSIZ));
        for (s = 0; s < NSECTIONS; s++) {
            json_obj_begin(&j, section[s].key);
            for (ev = section[s].first; ev < section_end(s); ev++) {
                json_obj_begin(&j, item_key(key, item[ev].label));
                json_str(&j, "direction", item[ev].label[1] == 'S' ? "sent" : "received");
                json_uint(&j, "count", r[i].count[ev]);
                json_uint(&j, "errors", r[i].errors[ev]);
                json_obj_end(&j);
            }
            json_obj_end(&j);
        }
        json_obj_end(&j);
    }
    json_arr_end(&j);
    json_obj_end(&j);
}
