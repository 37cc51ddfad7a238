#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""e2e_vrf_forced_device: VRF devices forced (DMVPND_VRF_BACKEND=device) on
the userspace data plane, which cannot use them (its GRE socket and TUN are
opened in namespaces). On this host's kernel, which has no VRF device, the
device cannot even be made; on a kernel with one, the tunnel is refused.
Either way what must hold: dmvpnd names the form it was told, gives a clear
error for the VRF and its tunnel, makes no namespace for the VRF, keeps
running and answers its shows (bad input: an error, never a crash or a
half-made VRF). The working device form is tested in the VM tier
(vm_kernel_fvrf, parts 2 and 3)."""
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
sys.path.insert(0, os.path.join(ROOT, "scripts"))
import netns  # noqa: E402

BIN = os.environ.get("DMVPN_BIN", os.path.join(ROOT, "build", "bin"))

CONFIG = """hostname spoke
vrf definition INET
 rd 65000:1
 !
 address-family ipv4
 exit-address-family
!
interface Tunnel0
 ip address 10.1.1.2 255.255.255.0
 ip nhrp network-id 1
 ip nhrp nhs 10.1.1.1 nbma 192.0.2.11
 tunnel source GigabitEthernet1
 tunnel mode gre multipoint
 tunnel vrf INET
interface GigabitEthernet1
 vrf forwarding INET
 ip address 192.0.2.12 255.255.255.0
ip route vrf INET 0.0.0.0 0.0.0.0 192.0.2.1
end
"""


def main():
    if os.geteuid() != 0:
        print("needs root (network namespaces)")
        return 77
    check = netns.Checks(keep_going=True)
    prefix = netns.unique_prefix("vfd")
    with tempfile.TemporaryDirectory() as tmp, netns.Namespaces(prefix) as n:
        node, ul = n.add("node"), n.add("ul")
        netns.veth(node, "Gi1", ul, "v-node")
        cfg, sock, log = (os.path.join(tmp, x) for x in ("spoke.cfg", "spoke.sock", "spoke.log"))
        with open(cfg, "w") as f:
            f.write(CONFIG)
        env = dict(os.environ, DMVPND_VRF_BACKEND="device", DMVPND_DATAPLANE="user",
                   DMVPND_VRF_NETNS_PREFIX=prefix)
        with open(log, "w") as out:
            p = n.spawn(node, [os.path.join(BIN, "dmvpnd"), "-d", "-f", cfg, "-s", sock],
                        stdout=out, stderr=subprocess.STDOUT, env=env)
        netns.wait_path(sock, p, timeout=10)

        def cli(cmd):
            return subprocess.run([os.path.join(BIN, "dmvpn-cli"), "-s", sock, "-c", cmd],
                                  capture_output=True, text=True, timeout=10).stdout

        # the daemon's answer to a show comes after its first reconfigure
        vrf = cli("show vrf")
        text = open(log).read()
        print("".join(l for l in text.splitlines(True) if "VRF" in l or "Tunnel0" in l))
        check("dataplane: VRFs are device" in text, "the forced form is named in the log", text)
        no_dev = "VRF INET: VRF device INET:" in text
        refused = "the userspace data plane needs VRFs as namespaces" in text
        check(no_dev or refused, "a clear error for the VRF (no VRF device) or its tunnel "
              "(the userspace data plane refuses VRF devices)", text)
        check("Tunnel0 created" not in text, "Tunnel0 is not made half-way", text)
        check(prefix + "INET" not in netns.netns_list(), "no namespace made for VRF INET")
        check(netns.alive(p), "dmvpnd keeps running")
        check("INET" in vrf and "65000:1" in vrf, "show vrf still answers from the config", vrf)
        brief = cli("show ip interface brief")
        check("Tunnel0" in brief, "show ip interface brief still answers", brief)
    return 0 if check.summary("e2e_vrf_forced_device") else 1


if __name__ == "__main__":
    sys.exit(main())
