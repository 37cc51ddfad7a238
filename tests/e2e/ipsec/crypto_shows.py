# SPDX-License-Identifier: GPL-2.0-or-later
"""The selecting and counting crypto shows on a live node with charon's SAs
(show crypto isakmp|ipsec sa count, isakmp sa active|standby, isakmp peers,
session brief | local | remote | interface, ipsec sa interface, ipsec
profile, sockets, map, isakmp default policy), each checked against the
unfiltered show of the same node taken right before, so a selection that
drops or invents a session fails. Used by test_dmvpn_ipsec.py seed."""
import json
import re

from netns import check


def _json(lab, node, cmd):
    return json.loads(lab.cli(node, cmd + " | json"))


def selected_shows(lab, node, local, peers, other, profiles, tset_words, idb):
    """node's IPsec sessions are up to every address of `peers` from `local`
    over Tunnel0; `other` is an address no session uses; `profiles` are the
    names show crypto ipsec profile lists, the first one's transform set is
    `tset_words`; `idb` is the tunnel source interface."""
    isakmp = lab.cli(node, "show crypto isakmp sa")
    qm = len(re.findall(r" QM_IDLE ", isakmp))
    cnt = lab.cli(node, "show crypto isakmp sa count")
    m = re.search(r"Active ISAKMP SA's: (\d+)\n\nStandby ISAKMP SA's: 0\n\n"
                  r"Currently being negotiated ISAKMP SA's: (\d+)\n\nDead ISAKMP SA's: (\d+)", cnt)
    check(m and int(m.group(1)) == qm,
          f"{node}: isakmp sa count says {m and m.group(1)} active = {qm} QM_IDLE rows", cnt)
    j = _json(lab, node, "show crypto isakmp sa count")
    check(j["active"] == qm and j["standby"] == 0, f"{node}: isakmp sa count | json {j}")

    check(lab.cli(node, "show crypto isakmp sa active") == isakmp,
          f"{node}: isakmp sa active = show crypto isakmp sa (no standby router)")
    stby = lab.cli(node, "show crypto isakmp sa standby")
    check(" QM_IDLE " not in stby and "conn-id" in stby, f"{node}: isakmp sa standby: no row", stby)
    check(_json(lab, node, "show crypto isakmp sa standby")["ike_sas"] == [],
          f"{node}: isakmp sa standby | json")
    for p in peers:
        # IOS's keyword is "peers"; what operators type, "peer", is its abbreviation
        out = lab.cli(node, f"show crypto isakmp peer {p}")
        check(re.fullmatch(rf"(Peer: {re.escape(p)} Port: \d+ Local: {re.escape(local)}\n"
                           rf" Phase1 id: {re.escape(p)}\n)+", out),
              f"{node}: show crypto isakmp peer {p}", out)
    j = _json(lab, node, "show crypto isakmp peers")
    check(sorted({x["peer"] for x in j["peers"]}) == sorted(peers),
          f"{node}: show crypto isakmp peers | json {j}")

    sa = lab.cli(node, "show crypto ipsec sa")
    spis = len(re.findall(r"^      spi: 0x", sa, re.M))
    cnt = lab.cli(node, "show crypto ipsec sa count")
    m = re.match(r"IPsec SA total: (\d+), active: (\d+), rekeying: (\d+), unused: 0, "
                 r"invalid: 0\n$", cnt)
    check(m and int(m.group(1)) == spis and int(m.group(2)) + int(m.group(3)) == spis,
          f"{node}: ipsec sa count totals the {spis} SAs of show crypto ipsec sa", cnt)
    check(_json(lab, node, "show crypto ipsec sa count")["total"] == spis,
          f"{node}: ipsec sa count | json total {spis}")

    ifsa = lab.cli(node, "show crypto ipsec sa interface Tunnel0")
    check(ifsa == sa, f"{node}: ipsec sa interface Tunnel0 = show crypto ipsec sa "
          "(every flow is Tunnel0's)", ifsa)
    check(lab.cli(node, "show crypto ipsec sa interface Tunnel7").strip() == "",
          f"{node}: ipsec sa interface Tunnel7 prints no block")
    j = _json(lab, node, "show crypto ipsec sa interface Tunnel0")
    check(sorted({b["current_peer"] for b in j["ipsec_sas"]}) == sorted(peers),
          f"{node}: ipsec sa interface Tunnel0 | json peers")

    brief = lab.cli(node, "show crypto session brief")
    rows = re.findall(r"^(\d+\.\d+\.\d+\.\d+) +(\S+) +\S+ +\S+ +(\S+)$", brief, re.M)
    check(sorted(rows) == sorted((p, "Tu0", "UA") for p in peers),
          f"{node}: session brief rows {rows}", brief)
    check(brief.count("ivrf = (none)") == 1, f"{node}: one ivrf heading", brief)

    allsess = lab.cli(node, "show crypto session")
    for p in peers:
        one = lab.cli(node, f"show crypto session remote {p}")
        check(re.findall(r"^Peer: (\S+)", one, re.M) == [p],
              f"{node}: session remote {p} shows that peer only", one)
        block = one.split("\n\n", 1)[1]
        check(block in allsess, f"{node}: session remote {p}: the same block as show crypto "
              "session", one)
        det = lab.cli(node, f"show crypto session remote {p} detail")
        check(f"Peer: {p} port" in det and "Capabilities:" in det and "Inbound:  #pkts" in det,
              f"{node}: session remote {p} detail", det)
    for cmd in (f"show crypto session local {local}", "show crypto session interface Tunnel0 detail"):
        out = lab.cli(node, cmd)
        check(sorted(re.findall(r"^Peer: (\S+)", out, re.M)) == sorted(peers),
              f"{node}: {cmd} shows every peer", out)
    for cmd in (f"show crypto session local {other}", f"show crypto session remote {other}",
                "show crypto session interface Tunnel7 detail"):
        out = lab.cli(node, cmd)
        check("Interface:" not in out and out.startswith("Crypto session current status"),
              f"{node}: {cmd} selects nothing", out)
    j = _json(lab, node, f"show crypto session remote {peers[0]}")
    check([s["peer"] for s in j["sessions"]] == [peers[0]], f"{node}: session remote | json {j}")
    j = _json(lab, node, "show crypto session brief")
    check(sorted(s["peer"] for s in j["sessions"]) == sorted(peers),
          f"{node}: session brief | json")

    pol = lab.cli(node, "show crypto isakmp default policy")
    check("Default protection suite of priority 65507" in pol and
          "authentication method:  Pre-Shared Key" in pol, f"{node}: isakmp default policy", pol)
    j = _json(lab, node, "show crypto isakmp default policy")
    check([p["priority"] for p in j["policies"]] == [65507, 65508],
          f"{node}: isakmp default policy | json")
    prof = lab.cli(node, "show crypto ipsec profile")
    check(re.findall(r"^IPSEC profile (\S+)", prof, re.M) == profiles,
          f"{node}: show crypto ipsec profile lists {profiles} (IOS's default included)", prof)
    j = _json(lab, node, "show crypto ipsec profile " + profiles[0])
    check([p["name"] for p in j["profiles"]] == profiles[:1] and
          j["profiles"][0]["transform_sets"][0]["transforms"] == tset_words,
          f"{node}: show crypto ipsec profile {profiles[0]} | json {j}")
    sock = lab.cli(node, "show crypto sockets")
    got = sorted(re.findall(r"^   Tu0 Peers \(local/remote\): (\S+)/(\S+) \n(?:.*\n){3}"
                            r"       Socket State: (\S+)\n", sock, re.M))
    check(sock.startswith(f"Number of Crypto Socket connections {len(peers)}\n") and
          got == sorted((local, p, "Open") for p in peers) and
          f'Client: "TUNNEL SEC" Profile: "{profiles[0]}" Map-name: "Tunnel0-head-0"\n' in sock,
          f"{node}: show crypto sockets: one open socket per peer, Tunnel0 listening", sock)
    j = _json(lab, node, "show crypto sockets")
    check(sorted(x["remote"] for x in j["sockets"]) == sorted(peers) and
          [x["map_name"] for x in j["listen"]] == ["Tunnel0-head-0"],
          f"{node}: show crypto sockets | json {j}")
    cmap = lab.cli(node, "show crypto map")
    inst = re.findall(r'^Crypto Map "Tunnel0-head-0" (\d+) ipsec-isakmp\n'
                      r'        Map is a PROFILE INSTANCE\.\n        Peer = (\S+)\n', cmap, re.M)
    check(cmap.startswith(f'Crypto Map: "Tunnel0-head-0" idb: {idb} local address: {local}\n'
                          'Crypto Map "Tunnel0-head-0" 65536 ipsec-isakmp\n'
                          f'        Profile name: {profiles[0]}\n') and
          sorted(p for _, p in inst) == sorted(peers) and
          sorted(int(n) for n, _ in inst) == list(range(65537, 65537 + len(peers))) and
          all(f"access-list  permit gre host {local} host {p}\n" in cmap for p in peers) and
          cmap.endswith("        Interfaces using crypto map Tunnel0-head-0:\n"
                        "                Tunnel0\n"),
          f"{node}: show crypto map: Tunnel0's map, one profile instance per peer", cmap)
    j = _json(lab, node, "show crypto map")
    check([m["name"] for m in j["maps"]] == ["Tunnel0-head-0"] and
          sorted(j["maps"][0]["peers"]) == sorted(peers), f"{node}: show crypto map | json {j}")
    lab.log(f"{node}: show crypto session brief\n{brief}{node}: show crypto ipsec sa count: {cnt}"
            f"{node}: show crypto sockets\n{sock}{node}: show crypto map\n{cmap}")
    lab.log(f"{node}: crypto counts ({qm} IKE, {spis} IPsec SAs), session brief/local/remote/"
            "interface, ipsec sa interface and isakmp default policy agree with the full shows")
