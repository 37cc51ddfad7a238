# SPDX-License-Identifier: GPL-2.0-or-later
"""Golden cases of show ip eigrp neighbors detail, show ip eigrp interfaces
[detail] and show ip eigrp traffic (the shows only our EIGRP engine answers
in full): records from the parsed forms (Genie, ntc) where there is one,
else values read off the capture."""
from routing_cases import eigrp_nbr, full_ifname, ntc, genie


def nbr_detail(rec, version, retrans, retries, prefixes, stub=0):
    rec[1].update({"version": version.replace(".", " ").replace("/", " "), "retrans": retrans,
                   "retries": retries, "prefixes": prefixes, "stub": stub})
    return rec


def nbr_detail_cases():
    d = "show_ip_eigrp_neighbors_detail/"
    rows = ntc(d + "ntc-ip_eigrp_neighbors_detail.yml")
    # ntc leaves the H column out
    ntc_recs = [nbr_detail(eigrp_nbr(r["as"], h, r["ip_address"], full_ifname(r["interface"]),
                                     int(r["hold"]), r["uptime"], r["srtt"], r["rto"],
                                     r["q_cnt"], r["seq_num"]),
                           r["version"], r["retrans"], r["retries"], r["prefixes"])
                for r, h in zip(rows, (1, 0))]
    hand = [(3, "182.1.0.1", "Tunnel0", 11, "00:00:57", 431, 2586, 0, 13, 0, 10),
            (2, "182.1.0.4", "Tunnel0", 13, "00:02:25", 355, 2130, 0, 18, 0, 10),
            (1, "182.1.45.4", "GigabitEthernet0/4", 13, "00:02:37", 161, 966, 0, 17, 1, 8),
            (0, "182.1.58.8", "GigabitEthernet0/8", 14, "00:02:47", 136, 816, 0, 7, 2, 2)]
    quiz = [nbr_detail(eigrp_nbr(100, *r[:9], inst="pc"), "23.0/2.0", r[9], 0, r[10])
            for r in hand]
    return [{"file": d + "ntc-ip_eigrp_neighbors_detail.txt", "show": "eigrp_detail",
             "mode": "rstrip", "recs": ntc_recs, "textfsm": detail_tfsm(ntc_recs)},
            {"file": d + "quiz-eigrp-R5-named-2tu0-2gi.txt", "show": "eigrp_detail",
             "recs": quiz, "textfsm": detail_tfsm(quiz)}]


def detail_tfsm(recs):
    keys = ["ip_address", "retrans", "prefixes", "seq_num"]
    want = [{"ip_address": r["addr"], "retrans": r["retrans"], "prefixes": r["prefixes"],
             "seq_num": r["seq"]} for _, r in recs]
    return {"template": "cisco_ios_show_ip_eigrp_neighbors_detail.textfsm", "keys": keys,
            "want": want}

# Genie's keys -> the record's fields
IF_KEYS = {"peers": "peers", "xmit_q_unreliable": "xmit_unrel", "xmit_q_reliable": "xmit_rel",
           "peer_q_unreliable": "peerq_unrel", "peer_q_reliable": "peerq_rel",
           "mean_srtt": "mean_srtt_ms", "pacing_time_unreliable": "pacing_unrel_ms",
           "pacing_time_reliable": "pacing_rel_ms", "mcast_flow_timer": "mcast_flow_ms",
           "pend_routes": "pending_routes", "hello_interval": "hello_s", "hold_time": "hold_s",
           "split_horizon_enabled": "split_horizon", "packetized_sent": "pkt_sent",
           "packetized_expedited": "pkt_expedited", "hello_sent": "hello_sent",
           "hello_expedited": "hello_expedited", "unreliable_mcasts": "mcast_unrel",
           "reliable_mcasts": "mcast_rel", "unreliable_ucasts": "ucast_unrel",
           "reliable_ucasts": "ucast_rel", "mcast_exceptions": "mcast_exceptions",
           "cr_packets": "cr_packets", "acks_suppressed": "acks_suppressed",
           "retransmissions_sent": "retrans", "out_of_sequence_rcvd": "out_of_seq"}


def iface_genie(path):
    recs = []
    for vrf, v in genie(path)["vrf"].items():
        for as_, inst in v["eigrp_instance"].items():
            af = inst["address_family"]["ipv4"]
            for ifn, i in af["interface"].items():
                r = {"as": as_, "ifname": ifn}
                if vrf != "default":
                    r["vrf"] = vrf
                if af.get("named_mode"):
                    r["instance"] = af["name"]
                for k, v2 in i.items():
                    r[IF_KEYS[k]] = int(v2)
                recs.append(("eigrp_iface", r))
    return recs


def iface(ifname, peers, srtt, flow, hello, pkt, mc, uc, retrans, auth=0, key=""):
    r = {"as": 100, "ifname": ifname, "peers": peers, "mean_srtt_ms": srtt, "mcast_flow_ms": flow,
         "hello_s": 5, "hold_s": 15, "split_horizon": 1, "hello_sent": hello[0],
         "hello_expedited": hello[1], "pkt_sent": pkt[0], "pkt_expedited": pkt[1],
         "mcast_unrel": mc[0], "mcast_rel": mc[1], "ucast_unrel": uc[0], "ucast_rel": uc[1],
         "retrans": retrans, "auth": auth}
    if key:
        r["key_chain"] = key
    return ("eigrp_iface", r)


def cases():
    d = "show_ip_eigrp_interfaces/"
    dd = "show_ip_eigrp_interfaces_detail/"
    out = nbr_detail_cases()
    for n in (1, 2):
        # no final newline in Genie's captures
        out.append({"file": d + "genie-iosxe-device_output_%d.txt" % n, "show": "eigrp_if",
                    "mode": "rstrip",
                    "recs": iface_genie(d + "genie-iosxe-device_output_%d.expected.py" % n)})
    out.append({"file": dd + "genie-iosxe-golden_output1.txt", "show": "eigrp_if_detail",
                "mode": "rstrip", "recs": iface_genie(dd + "genie-iosxe-golden_output1.expected.py")})
    # values read off the capture: md5 with a key chain on Gi0/1
    out.append({"file": dd + "quiz-eigrp-R1-lo0-gi01-md5.txt", "show": "eigrp_if_detail",
                "recs": [iface("Loopback0", 0, 0, 0, (0, 1), (0, 0), (0, 0), (0, 0), 0),
                         iface("GigabitEthernet0/1", 2, 507, 2448, (133, 3), (6, 0), (0, 5),
                               (8, 5), 2, auth=1, key="ciscokc")]})
    out.append({"file": "show_ip_eigrp_traffic/quiz-eigrp-R1-as100.txt", "show": "eigrp_traffic",
                "mode": "rstrip",
                "recs": [("eigrp_traffic", {"as": 100, "hellos": "2034 2039", "updates": "15 13",
                                            "queries": "1 0", "replies": "0 1", "acks": "11 12",
                                            "sia_queries": "0 0", "sia_replies": "0 0",
                                            "hello_pid": 380, "pdm_pid": 379,
                                            "sockq": "0 10000 3 0", "inq": "0 10000 3 0"})]})
    return out
