# SPDX-License-Identifier: GPL-2.0-or-later
"""Golden cases of show ip eigrp interfaces [detail] and show ip eigrp
traffic (the shows only our EIGRP engine answers): records from the Genie
parsed forms where there is one, else values read off the capture."""
from routing_cases import genie

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
    out = []
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
