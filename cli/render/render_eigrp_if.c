/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * show ip eigrp interfaces [detail] and show ip eigrp traffic: one block per
 * AS (VRF, named instance), rows in the caller's order. Titles as the other
 * EIGRP shows: classic "EIGRP-IPv4 Interfaces for AS(1)", named mode
 * "EIGRP-IPv4 VR(NAME) Address-Family Interfaces for AS(1)" with a VRF on a
 * line of its own. The interface row is IOS-XE's layout (genie captures):
 * the numbers right-aligned under the headings, "Un/Reliable" pairs with the
 * reliable figure left-aligned after the slash. detail adds each interface's
 * lines and a blank line between interfaces. A record with an empty ifname
 * stands for an AS without interfaces: its title and headings only.
 */
#include "cli/render/render_routing.h"
#include "lib/json.h"

#include <stdio.h>
#include <string.h>

static bool
same_as(uint32_t as1, const char *vrf1, const char *in1, uint32_t as2, const char *vrf2,
        const char *in2)
{
    return as1 == as2 && strncmp(vrf1, vrf2, REC_IFNAMSIZ) == 0 &&
           strncmp(in1, in2, REC_IFNAMSIZ) == 0;
}

static void
put_title(struct strbuf *out, const char *what, uint32_t as, const char *vrf, const char *inst)
{
    int l = REC_IFNAMSIZ;

    if (inst[0]) {
        sb_printf(out, "EIGRP-IPv4 VR(%.*s) Address-Family %s for AS(%u)\n", l, inst, what, as);
        if (vrf[0])
            sb_printf(out, "           VRF(%.*s)\n", l, vrf);
    } else {
        sb_printf(out, "EIGRP-IPv4 %s for AS(%u)", what, as);
        if (vrf[0])
            sb_printf(out, " VRF(%.*s)", l, vrf);
        sb_puts(out, "\n");
    }
}

static void
put_detail(struct strbuf *out, const struct rec_eigrp_iface *p)
{
    sb_printf(out, "  Hello-interval is %u, Hold-time is %u\n", p->hello_s, p->hold_s);
    sb_printf(out, "  Split-horizon is %s\n", p->split_horizon ? "enabled" : "disabled");
    if (p->next_xmit_serial)
        sb_printf(out, "  Next xmit serial %u\n", p->next_xmit_serial);
    else
        sb_puts(out, "  Next xmit serial <none>\n");
    sb_printf(out, "  Packetized sent/expedited: %llu/%llu\n", (unsigned long long)p->pkt_sent,
              (unsigned long long)p->pkt_expedited);
    sb_printf(out, "  Hello's sent/expedited: %llu/%llu\n", (unsigned long long)p->hello_sent,
              (unsigned long long)p->hello_expedited);
    sb_printf(out, "  Un/reliable mcasts: %llu/%llu  Un/reliable ucasts: %llu/%llu\n",
              (unsigned long long)p->mcast_unrel, (unsigned long long)p->mcast_rel,
              (unsigned long long)p->ucast_unrel, (unsigned long long)p->ucast_rel);
    sb_printf(out, "  Mcast exceptions: %llu  CR packets: %llu  ACKs suppressed: %llu\n",
              (unsigned long long)p->mcast_exceptions, (unsigned long long)p->cr_packets,
              (unsigned long long)p->acks_suppressed);
    sb_printf(out, "  Retransmissions sent: %llu  Out-of-sequence rcvd: %llu\n",
              (unsigned long long)p->retrans, (unsigned long long)p->out_of_seq);
    sb_puts(out, "  Topology-ids on interface - 0\n");
    if (p->auth == REC_EIGRP_AUTH_NONE)
        sb_puts(out, "  Authentication mode is not set\n");
    else
        /* IOS prints two spaces after the comma */
        sb_printf(out, "  Authentication mode is %s,  key-chain is \"%.*s\"\n",
                  p->auth == REC_EIGRP_AUTH_MD5 ? "md5" : "hmac-sha-256", (int)sizeof(p->key_chain),
                  p->key_chain);
    sb_puts(out, "  Topologies advertised on this interface:  base\n"
                 "  Topologies not advertised on this interface:\n");
}

void
render_eigrp_interfaces(struct strbuf *out, const struct rec_eigrp_iface *r, size_t n, bool detail)
{
    char ifn[REC_IFNAMSIZ];

    for (size_t i = 0; i < n; i++) {
        const struct rec_eigrp_iface *p = &r[i];
        bool first = i == 0 || !same_as(r[i - 1].as, r[i - 1].vrf, r[i - 1].instance, p->as, p->vrf,
                                        p->instance);

        if (first) {
            put_title(out, "Interfaces", p->as, p->vrf, p->instance);
            sb_puts(out, "                              Xmit Queue   PeerQ        Mean   "
                         "Pacing Time   Multicast    Pending\n"
                         "Interface              Peers  Un/Reliable  Un/Reliable  SRTT   "
                         "Un/Reliable   Flow Timer   Routes\n");
        } else if (detail) {
            sb_puts(out, "\n");
        }
        if (!p->ifname[0])
            continue;
        sb_printf(out, "%-22s %3u %8u/%-5u%4u/%-5u%8u%8u/%-5u%9u%12u\n",
                  render_ifname_abbrev(ifn, p->ifname), p->peers, p->xmit_unrel, p->xmit_rel,
                  p->peerq_unrel, p->peerq_rel, p->mean_srtt_ms, p->pacing_unrel_ms,
                  p->pacing_rel_ms, p->mcast_flow_ms, p->pending_routes);
        if (detail)
            put_detail(out, p);
    }
}

void
render_eigrp_traffic(struct strbuf *out, const struct rec_eigrp_traffic *r, size_t n)
{
    static const char *const names[] = {"Hellos", "Updates",     "Queries",    "Replies",
                                        "Acks",   "SIA-Queries", "SIA-Replies"};

    for (size_t i = 0; i < n; i++) {
        const struct rec_eigrp_traffic *p = &r[i];
        const uint64_t *v[] = {p->hellos, p->updates,     p->queries,    p->replies,
                               p->acks,   p->sia_queries, p->sia_replies};

        put_title(out, "Traffic Statistics", p->as, p->vrf, p->instance);
        for (size_t k = 0; k < sizeof(names) / sizeof(names[0]); k++)
            sb_printf(out, "  %s sent/received: %llu/%llu\n", names[k], (unsigned long long)v[k][0],
                      (unsigned long long)v[k][1]);
        sb_printf(out,
                  "  Hello Process ID: %u\n  PDM Process ID: %u\n"
                  "  Socket Queue: %u/%u/%u/%u (current/max/highest/drops)\n"
                  "  Input Queue: %u/%u/%u/%u (current/max/highest/drops)\n",
                  p->hello_pid, p->pdm_pid, p->sockq[0], p->sockq[1], p->sockq[2], p->sockq[3],
                  p->inq[0], p->inq[1], p->inq[2], p->inq[3]);
    }
}

/* ---- `| json` ---- */

static void
j_title(struct json *j, uint32_t as, const char *vrf, const char *inst)
{
    json_uint(j, "as", as);
    if (vrf[0])
        json_strn(j, "vrf", vrf, strnlen(vrf, REC_IFNAMSIZ));
    else
        json_str(j, "vrf", NULL);
    if (inst[0])
        json_strn(j, "instance", inst, strnlen(inst, REC_IFNAMSIZ));
    else
        json_str(j, "instance", NULL);
}

void
render_eigrp_interfaces_json(struct strbuf *out, const struct rec_eigrp_iface *r, size_t n)
{
    struct json j;

    json_init(&j, out);
    json_obj_begin(&j, NULL);
    json_arr_begin(&j, "interfaces");
    for (size_t i = 0; i < n; i++) {
        const struct rec_eigrp_iface *p = &r[i];

        if (!p->ifname[0])
            continue;
        json_obj_begin(&j, NULL);
        j_title(&j, p->as, p->vrf, p->instance);
        json_strn(&j, "interface", p->ifname, strnlen(p->ifname, sizeof(p->ifname)));
        json_uint(&j, "peers", p->peers);
        json_uint(&j, "xmit_q_unreliable", p->xmit_unrel);
        json_uint(&j, "xmit_q_reliable", p->xmit_rel);
        json_uint(&j, "peer_q_unreliable", p->peerq_unrel);
        json_uint(&j, "peer_q_reliable", p->peerq_rel);
        json_uint(&j, "mean_srtt", p->mean_srtt_ms);
        json_uint(&j, "hello_interval", p->hello_s);
        json_uint(&j, "hold_time", p->hold_s);
        json_bool(&j, "split_horizon", p->split_horizon);
        json_uint(&j, "packetized_sent", p->pkt_sent);
        json_uint(&j, "hellos_sent", p->hello_sent);
        json_uint(&j, "retransmissions_sent", p->retrans);
        json_obj_end(&j);
    }
    json_arr_end(&j);
    json_obj_end(&j);
}

void
render_eigrp_traffic_json(struct strbuf *out, const struct rec_eigrp_traffic *r, size_t n)
{
    static const char *const names[] = {"hellos", "updates",     "queries",    "replies",
                                        "acks",   "sia_queries", "sia_replies"};
    struct json j;
    char key[32];

    json_init(&j, out);
    json_obj_begin(&j, NULL);
    json_arr_begin(&j, "processes");
    for (size_t i = 0; i < n; i++) {
        const struct rec_eigrp_traffic *p = &r[i];
        const uint64_t *v[] = {p->hellos, p->updates,     p->queries,    p->replies,
                               p->acks,   p->sia_queries, p->sia_replies};

        json_obj_begin(&j, NULL);
        j_title(&j, p->as, p->vrf, p->instance);
        for (size_t k = 0; k < sizeof(names) / sizeof(names[0]); k++) {
            snprintf(key, sizeof(key), "%s_sent", names[k]);
            json_uint(&j, key, v[k][0]);
            snprintf(key, sizeof(key), "%s_received", names[k]);
            json_uint(&j, key, v[k][1]);
        }
        json_obj_end(&j);
    }
    json_arr_end(&j);
    json_obj_end(&j);
}
