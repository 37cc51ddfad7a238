#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""IKEv1 keyrings on the seed lab: real dmvpnd + real charon per node.

    test_ipsec_keyring.py keyring BINDIR SRCDIR

keyring  the seed lab's addressing with the crypto section of the
         hb-yuansh0u IOS 15.0 clients (tests/e2e/ipsec/keyring/): crypto
         keyring + crypto isakmp profile + set isakmp-profile and no crypto
         isakmp key. The spokes register over IKEv1 SAs (charon's own
         swanctl --list-sas says IKEv1); spoke2 and the hub share a host key
         of their keyrings, not the wildcard one, and spoke2's keyring of
         another front-door VRF holds a wrong key for the hub that must not
         be used; traffic passes encrypted, spoke to spoke too, and the
         profile's keepalive is the connections' DPD.
"""
import os
import re
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lab_ipsec import Lab, main  # noqa: E402
from netns import check  # noqa: E402
from test_dmvpn_ipsec import HUB, S1, S2, LAN1, LAN2, LAN3, established, swanctl_sas  # noqa: E402


def swanctl_conns(lab, node):
    uri = "unix://" + os.path.join(lab.state, node + ".ipsec", "charon.vici")
    return lab.sh(node, "swanctl", "--list-conns", "--uri", uri).stdout


def test_keyring(bindir, srcdir):
    lab = Lab("kring", srcdir, bindir,
              cfgdir=os.path.join(srcdir, "tests", "e2e", "ipsec", "keyring"), pcap=True)
    try:
        lab.up()
        t = lab.wait("hub<->spokes IKEv1 SAs from keyring keys", lambda: established(lab))
        lab.log(f"hub sees both spokes UP-ACTIVE {t:.2f}s after ./lab up returned")
        cs = lab.cli("hub", "show crypto session")
        for spoke in (S1, S2):
            pat = rf"IKEv1 SA: local {HUB}/\d+ remote {spoke}/\d+ Active"
            check(re.search(pat, cs), f"show crypto session has /{pat}/", cs)
        sas = swanctl_sas(lab, "hub")
        ike = re.findall(r"ESTABLISHED, (IKEv\d)", sas)
        check(ike == ["IKEv1", "IKEv1"], f"hub charon: two IKEv1 SAs ({ike})", sas)
        check("AES_CBC-256/HMAC_SHA1_96/PRF_HMAC_SHA1/MODP_1024" in sas,
              "IKE SA with the isakmp policy (aes 256, sha, group 2)", sas)
        rows = lab.isakmp_rows(lab.cli("hub", "show crypto isakmp sa"))
        check(sorted((r[1], r[2]) for r in rows) == [(S1, "QM_IDLE"), (S2, "QM_IDLE")],
              f"hub isakmp rows: {rows}")
        # the isakmp profile's keepalive 10 retry 3, not charon's default
        conns = swanctl_conns(lab, "spoke2")
        check(re.search(r"dpd delay 10s", conns), "spoke2 connections: DPD every 10 s", conns)

        n = lab.ping("spoke2", LAN3, LAN1, count=5, interval=0.05)
        check(n == 5, f"spoke2 LAN -> hub LAN (host keys): {n}/5 replies")
        t0 = time.time()
        n = lab.ping("spoke1", LAN2, LAN3, count=5, interval=0.2)
        lab.log(f"spoke1 LAN -> spoke2 LAN: {n}/5 replies ({time.time() - t0:.2f}s)")
        check(n >= 4, f"spoke1 LAN -> spoke2 LAN: {n}/5 replies")
        rows = lab.isakmp_rows(lab.cli("spoke1", "show crypto isakmp sa"))
        check(any(S2 in r[:2] and r[2] == "QM_IDLE" for r in rows),
              f"a spoke-to-spoke IKEv1 SA on spoke1 (wildcard keys): {rows}")

        time.sleep(0.3)
        gre = lab.tshark("ip.proto == 47", ("ip.src", "ip.dst"))
        esp = lab.tshark("esp", ("ip.src", "ip.dst"))
        v1 = lab.tshark("isakmp.version == 0x10", ("ip.src",))
        lab.log(f"capture: {len(esp)} ESP, {len(v1)} IKEv1, {len(gre)} clear GRE")
        check(not gre, f"no clear GRE on the wire: {gre[:5]}")
        check(v1 and esp, "IKEv1 and ESP on the wire")
    except Exception:
        for node in ("hub", "spoke2"):
            try:
                print(f"--- {node} charon\n" + swanctl_sas(lab, node))
            except Exception:
                pass
        raise
    finally:
        lab.down()


if __name__ == "__main__":
    main({"keyring": test_keyring}, sys.argv)
