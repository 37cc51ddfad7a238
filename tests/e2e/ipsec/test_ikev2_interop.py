#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Our IKEv2 hub with a spoke whose IPsec is a plain strongSwan, configured
by hand.

    test_ikev2_interop.py swanctl BINDIR SRCDIR

Who is whose:
  hub     ours throughout: dmvpnd with the ikev2/ hub config (IOS IKEv2 PSK
          crypto section), its charon loaded by our translator over VICI.
  spoke1  GRE and NHRP: our dmvpnd (userspace data plane) with spoke1's
          config stripped of every crypto line and of `tunnel protection`:
          it knows nothing of IPsec and has no --vici. IPsec: a charon
          started here with a strongswan.conf and a swanctl.conf written in
          this file, loaded with swanctl --load-all (not by our translator):
          IKEv2, PSK LabPreSharedKey123 (the hub keyring's wildcard key),
          aes256-sha256-modp2048, ESP aes256-sha256 in tunnel mode
          (kernel-libipsec has no transport mode) for GRE between the two
          addresses, initiated when loaded (keyingtries 0); the test starts
          spoke1's dmvpnd once that SA is installed, so that no GRE leaves
          in clear (a trap policy does not route into libipsec's TUN).
  spoke2  ours throughout, as in the ikev2 test (a witness: undisturbed).

Shown: the SAs up on both sides (our hub's show crypto ikev2 sa READY,
swanctl --list-sas on the hand-made charon ESTABLISHED IKEv2 with the
proposal), spoke1 registered (the hub's show dmvpn UP), traffic between the
LANs, and on the wire ESP and IKEv2 only between spoke1 and the hub: not one
clear GRE packet.
"""
import os
import re
import shutil
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lab_ipsec import Lab, main  # noqa: E402
import netns  # noqa: E402
from netns import check  # noqa: E402
from test_dmvpn_ipsec import HUB, S1, S2, LAN1, LAN2, ikev2_rows  # noqa: E402

STRONGSWAN_CONF = """\
# written by hand for the interop test: stock plugins, kernel-libipsec
# (no kernel ESP here); IKE packets carry mark 0x42 and everything else to
# a peer of an SA is routed into libipsec's TUN (the plugin's usual setup)
charon {
    load = random nonce openssl aes sha1 sha2 hmac gmp kdf pem pkcs1 x509 pubkey kernel-libipsec kernel-netlink socket-default vici
    plugins {
        vici { socket = unix://@DIR@/charon.vici }
        kernel-libipsec { allow_peer_ts = yes }
        socket-default { fwmark = 0x42 }
        kernel-netlink { fwmark = !0x42 }
    }
    filelog {
        spoke {
            path = @DIR@/charon.log
            default = 1
            ike_name = yes
        }
    }
}
"""

SWANCTL_CONF = """\
connections {
    hub {
        version = 2
        local_addrs = 202.1.1.2
        remote_addrs = 202.1.1.1
        proposals = aes256-sha256-modp2048
        dpd_delay = 10s
        keyingtries = 0
        local { auth = psk
                id = 202.1.1.2 }
        remote { auth = psk
                 id = 202.1.1.1 }
        children {
            gre {
                local_ts = dynamic[gre]
                remote_ts = dynamic[gre]
                mode = tunnel
                esp_proposals = aes256-sha256
                start_action = start
            }
        }
    }
}
secrets {
    ike-hub { id-hub = 202.1.1.1
              secret = LabPreSharedKey123 }
}
"""


def strip_crypto(text):
    """spoke1's config without crypto: no crypto blocks, no tunnel protection."""
    out, skip = [], False
    for line in text.splitlines():
        if line.startswith("crypto "):
            skip = True
            continue
        if skip and (line.startswith(" ") or line == "!"):
            continue
        skip = False
        if line.strip().startswith("tunnel protection"):
            continue
        out.append(line)
    return "\n".join(out) + "\n"


def test_swanctl(bindir, srcdir):
    cfgs = tempfile.mkdtemp(prefix="ix-interop-cfg-")
    src = os.path.join(srcdir, "tests", "e2e", "ipsec", "ikev2")
    for f in ("hub.cfg", "spoke2.cfg"):
        shutil.copy(os.path.join(src, f), cfgs)
    with open(os.path.join(src, "spoke1.cfg")) as f:
        plain = strip_crypto(f.read())
    check(not re.search(r"^\s*(crypto|tunnel protection)", plain, re.M) and
          "interface Tunnel0" in plain, "spoke1's config without any crypto line", plain)
    with open(os.path.join(cfgs, "spoke1.cfg"), "w") as f:
        f.write(plain)
    lab = Lab("interop", srcdir, bindir, cfgdir=cfgs, pcap=True)
    d = os.path.join(lab.tmp, "spoke1.swan")
    os.makedirs(d)
    with open(os.path.join(d, "strongswan.conf"), "w") as f:
        f.write(STRONGSWAN_CONF.replace("@DIR@", d))
    with open(os.path.join(d, "swanctl.conf"), "w") as f:
        f.write(SWANCTL_CONF)
    uri = "unix://" + os.path.join(d, "charon.vici")
    orig = lab.lab.start_dmvpnd

    def start_dmvpnd(node, cfg, vrfs=()):
        # spoke1's own charon first, its SA with the hub up before dmvpnd
        # sends a GRE packet: libipsec routes a peer's traffic into its TUN
        # only once an SA is installed (a trap policy did not: the first
        # registrations left in clear)
        if node == "spoke1":
            # the underlay as the box's boot would have it (dmvpnd finds the
            # address in place): charon needs it to reach the hub
            for cmd in (("ip", "addr", "add", S1 + "/24", "dev", "Et0-0"),
                        ("ip", "link", "set", "Et0-0", "up")):
                r = lab.sh(node, *cmd)
                check(r.returncode == 0, f"spoke1: {' '.join(cmd)}", r.stderr)
            script = ("set -e; t=$(mktemp -d /tmp/ix-swan.XXXXXX); mount --bind \"$D\" \"$t\"; "
                      "mount -t tmpfs tmpfs /run; mkdir -p \"$D\"; mount --move \"$t\" \"$D\"; "
                      "rmdir \"$t\"; exec /usr/lib/ipsec/charon")
            env = dict(os.environ, STRONGSWAN_CONF=os.path.join(d, "strongswan.conf"), D=d)
            pid = lab.lab.spawn(node, "charon", ["unshare", "-m", "--propagation", "private",
                                                 "sh", "-c", script],
                                os.path.join(d, "charon.out"), env)
            check(netns.wait_path(os.path.join(d, "charon.vici"), pid),
                  "spoke1: the hand-configured charon is up")
            r = lab.sh(node, "swanctl", "--load-all", "--file", os.path.join(d, "swanctl.conf"),
                       "--uri", uri)
            check(r.returncode == 0 and "loaded connection 'hub'" in r.stdout,
                  "swanctl --load-all: connection 'hub' and its secret", r.stdout + r.stderr)
            lab.wait("spoke1's hand-made charon: CHILD SA with the hub installed",
                     lambda: "INSTALLED" in lab.sh(node, "swanctl", "--list-sas", "--uri",
                                                   uri).stdout, timeout=20)
        return orig(node, cfg, vrfs)

    lab.lab.start_dmvpnd = start_dmvpnd
    try:
        lab.up()
        check(not os.path.exists(os.path.join(lab.state, "spoke1.ipsec")),
              "the lab started no charon of ours on spoke1")
        cmdline = open(f"/proc/{lab.lab.pid('spoke1', 'dmvpnd')}/cmdline").read()
        check("--vici" not in cmdline, "spoke1's dmvpnd has no --vici", cmdline)

        def up():
            rows = ikev2_rows(lab.cli("hub", "show crypto ikev2 sa"))
            dm = [(r[1], r[3]) for r in lab.dmvpn_rows(lab.cli("hub", "show dmvpn"))]
            return (S1 in [r[2] for r in rows if r[3] == "READY"] and (S1, "UP") in dm and
                    (S2, "UP") in dm)
        t = lab.wait("spoke1 (hand-made strongSwan) READY and registered at our hub", up,
                     timeout=12)
        lab.log(f"spoke1 READY and UP at the hub {t:.2f}s after ./lab up returned")
        sas = lab.sh("spoke1", "swanctl", "--list-sas", "--uri", uri).stdout
        lab.log("spoke1 (hand-made charon): swanctl --list-sas\n" + sas)
        check(re.search(r"hub: #\d+, ESTABLISHED, IKEv2", sas) and
              "AES_CBC-256/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/MODP_2048" in sas and
              re.search(r"gre: #\d+, reqid \d+, INSTALLED, TUNNEL.*ESP:AES_CBC-256/HMAC_SHA2_256_128",
                        sas),
              "the hand-made charon: IKEv2 SA and ESP CHILD SA with our hub", sas)
        cs = lab.cli("hub", "show crypto session")
        check(re.search(rf"IKEv2 SA: local {HUB}/\d+ remote {S1}/\d+ Active", cs),
              "hub show crypto session: spoke1's IKEv2 SA Active", cs)
        n = lab.ping("spoke1", LAN2, LAN1, count=10, interval=0.05)
        check(n == 10, f"spoke1 LAN -> hub LAN through the hand-made SA: {n}/10 replies")
        n = lab.ping("hub", LAN1, LAN2, count=5, interval=0.05)
        check(n == 5, f"hub LAN -> spoke1 LAN: {n}/5 replies")
        time.sleep(0.3)
        gre = lab.tshark("ip.proto == 47", ("ip.src", "ip.dst"))
        esp = lab.tshark(f"esp && ip.addr == {S1}", ("ip.src",))
        v2 = lab.tshark(f"isakmp.version == 0x20 && ip.addr == {S1}", ("ip.src",))
        lab.log(f"capture: {len(esp)} ESP and {len(v2)} IKEv2 packets of spoke1, "
                f"{len(gre)} clear GRE")
        check(not gre, f"no clear GRE on the wire: {gre[:5]}")
        check(len(esp) >= 30 and v2, "spoke1's traffic as ESP, its IKE as IKEv2")
    except Exception:
        try:
            print("--- spoke1 charon.log (end)\n" +
                  "".join(open(os.path.join(d, "charon.log")).readlines()[-40:]))
            print("--- hub.log (end)\n" +
                  "".join(open(os.path.join(lab.state, "hub.log")).readlines()[-20:]))
        except Exception:
            pass
        raise
    finally:
        lab.down()
        shutil.rmtree(cfgs, ignore_errors=True)


if __name__ == "__main__":
    main({"swanctl": test_swanctl}, sys.argv)
