#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""IKEv2 SAs refused, and dmvpnd saying why in IOS's words.

    test_ikev2_refuse.py psk|cert BINDIR SRCDIR

psk   the IKEv2 PSK lab (tests/e2e/ipsec/ikev2/) with spoke2's key for the
      hub wrong: the hub's charon refuses spoke2's AUTH; the hub's log has
      IOS's IKEv2 abort naming spoke2 (and spoke2's log the same for the
      hub, which answered AUTHENTICATION_FAILED); show crypto ikev2 sa has
      no SA with spoke2; spoke1 registered, traffic to it undisturbed; no
      clear GRE on the wire.
cert  the IKEv2 certificate lab (tests/e2e/ipsec/ikev2-cert/): spoke1 with a
      good LabCA certificate, spoke2 with a LabCA certificate that expired
      yesterday (made here with python3-cryptography: openssl 3.0's x509
      cannot set past dates), spoke3 with a certificate of another CA: the
      hub logs %PKI-3-CERTIFICATE_INVALID_EXPIRED with the end of spoke2's
      validity in IOS's time format, %PKI-3-CERTIFICATE_INVALID for spoke3,
      and the IKEv2 abort for each; show crypto ikev2 sa has spoke1 only,
      and spoke1's traffic passes.
"""
import datetime
import os
import re
import shutil
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lab_ipsec import Lab, main  # noqa: E402
from netns import check  # noqa: E402
from test_dmvpn_ipsec import (HUB, S1, S2, LAN1, LAN2, ikev2_rows, make_ca, make_cert,  # noqa: E402
                              der, ios_hex, openssl, swanctl_sas)

S3 = "202.1.1.4"
ABORT = ("%IKEV2-3-NEG_ABORT: Local:{l}:4500 Remote:{r}:4500 Username:Unknown IKEv2 Negotiation "
         "aborted due to ERROR: Failed to authenticate the IKE SA")


def node_log(lab, node):
    with open(os.path.join(lab.state, node + ".log"), errors="replace") as f:
        return f.read()


def ready_peers(lab, node):
    return sorted(r[2] for r in ikev2_rows(lab.cli(node, "show crypto ikev2 sa")) if r[3] == "READY")


def dump(lab, nodes):
    for node in nodes:
        try:
            print(f"--- {node} charon\n" + swanctl_sas(lab, node))
            for log in (f"{node}.log", f"{node}.ipsec/charon.log"):
                with open(os.path.join(lab.state, log)) as f:
                    print(f"--- {log} (end)\n" + "".join(f.readlines()[-30:]))
        except Exception:
            pass


def test_psk(bindir, srcdir):
    cfgs = tempfile.mkdtemp(prefix="ix-v2psk-cfg-")
    src = os.path.join(srcdir, "tests", "e2e", "ipsec", "ikev2")
    for f in ("hub.cfg", "spoke1.cfg", "spoke2.cfg"):
        shutil.copy(os.path.join(src, f), cfgs)
    p = os.path.join(cfgs, "spoke2.cfg")
    text = open(p).read()
    check("  pre-shared-key local Spoke2ToHub\n" in text, "ikev2 spoke2 has its key for the hub")
    open(p, "w").write(text.replace("pre-shared-key local Spoke2ToHub", "pre-shared-key local Wrong"))
    lab = Lab("v2psk", srcdir, bindir, cfgdir=cfgs, pcap=True)
    try:
        lab.up()
        want = ABORT.format(l=HUB, r=S2)
        t = lab.wait("the hub's IOS abort for spoke2", lambda: want in node_log(lab, "hub"), timeout=20)
        lab.log(f"hub log ({t:.2f}s): {want}")
        lab.wait("spoke1 READY at the hub", lambda: ready_peers(lab, "hub") == [S1])
        want2 = ABORT.format(l=S2, r=HUB)
        t = lab.wait("spoke2's IOS abort for the hub (AUTHENTICATION_FAILED)",
                     lambda: want2 in node_log(lab, "spoke2"), timeout=20)
        lab.log(f"spoke2 log ({t:.2f}s): {want2}")
        time.sleep(2)  # spoke2 keeps trying
        check(ready_peers(lab, "hub") == [S1] and
              S2 not in [r[2] for r in ikev2_rows(lab.cli("hub", "show crypto ikev2 sa"))],
              "hub show crypto ikev2 sa: spoke1 READY, no SA with spoke2",
              lab.cli("hub", "show crypto ikev2 sa"))
        check(not re.search(r"remote '202\.1\.1\.3'", swanctl_sas(lab, "hub")),
              "hub charon: no IKE SA with spoke2")
        check(ready_peers(lab, "spoke2") == [], "spoke2: no READY IKEv2 SA")
        check("PKI-3" not in node_log(lab, "hub"), "no certificate words for a PSK refusal")
        n = lab.ping("spoke1", LAN2, LAN1, count=5, interval=0.05)
        check(n == 5, f"spoke1 LAN -> hub LAN undisturbed: {n}/5 replies")
        check(lab.ping("hub", LAN1, "192.168.3.1", count=2) == 0, "spoke2 LAN unreachable")
        gre = lab.tshark("ip.proto == 47", ("ip.src", "ip.dst"))
        check(not gre, f"no clear GRE on the wire: {gre[:5]}")
        aborts = node_log(lab, "hub").count(want)
        lab.log(f"hub logged the abort for spoke2 {aborts} times (once per refused IKE SA)")
    except Exception:
        dump(lab, ("hub", "spoke2"))
        raise
    finally:
        lab.down()
        shutil.rmtree(cfgs, ignore_errors=True)


def expired_cert(d, ca, name, serial, ip):
    """name's CSR signed by ca with a validity that ended yesterday."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.x509.oid import NameOID  # noqa: F401
    with open(os.path.join(d, f"{ca}.pem"), "rb") as f:
        cacert = x509.load_pem_x509_certificate(f.read())
    with open(os.path.join(d, f"{ca}.key"), "rb") as f:
        cakey = serialization.load_pem_private_key(f.read(), None)
    with open(os.path.join(d, f"{name}.csr"), "rb") as f:
        csr = x509.load_pem_x509_csr(f.read())
    now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
    end = now - datetime.timedelta(days=1)
    import ipaddress
    cert = (x509.CertificateBuilder().subject_name(csr.subject).issuer_name(cacert.subject)
            .public_key(csr.public_key()).serial_number(serial)
            .not_valid_before(now - datetime.timedelta(days=3)).not_valid_after(end)
            .add_extension(x509.SubjectAlternativeName(
                [x509.IPAddress(ipaddress.ip_address(ip)), x509.DNSName(f"{name}.lab")]), False)
            .sign(cakey, hashes.SHA256()))
    with open(os.path.join(d, f"{name}.pem"), "wb") as f:
        f.write(cert.public_bytes(serialization.Encoding.PEM))
    return end


def ios_time(t):
    return f"{t:%H:%M:%S} UTC {t:%b} {t.day} {t.year}"


def test_cert(bindir, srcdir):
    tmp = tempfile.mkdtemp(prefix="ix-v2cert-")
    pki, cfgs, keys = (os.path.join(tmp, x) for x in ("pki", "cfg", "keys"))
    for x in (pki, cfgs, keys):
        os.makedirs(x)
    make_ca(pki, "LabCA")
    make_ca(pki, "OtherCA")
    nodes = (("hub", "LabCA", 2, HUB), ("spoke1", "LabCA", 3, S1), ("spoke2", "LabCA", 4, S2),
             ("spoke3", "OtherCA", 5, S3))
    for node, ca, serial, ip in nodes:
        make_cert(pki, ca, node, serial, ip)
    ended = expired_cert(pki, "LabCA", "spoke2", 4, S2)
    ca = der(pki, "LabCA")
    tdir = os.path.join(srcdir, "tests", "e2e", "ipsec", "ikev2-cert")
    for node, _, serial, _ in nodes:
        openssl("rsa", "-traditional", "-in", f"{node}.key", "-outform", "PEM", "-out",
                os.path.join(keys, f"{node.upper()}-KEY.pem"), cwd=pki)
        chain = (f"crypto pki certificate chain LAB-TP\n certificate {serial:02X}\n" +
                 ios_hex(der(pki, node)) + " certificate ca 01\n" + ios_hex(ca))
        with open(os.path.join(tdir, node + ".cfg.in")) as f:
            text = f.read().replace("@CHAIN@", chain)
        with open(os.path.join(cfgs, node + ".cfg"), "w") as f:
            f.write(text)
    os.environ["DMVPND_KEY_DIR"] = keys
    lab = Lab("v2cert", srcdir, bindir, cfgdir=cfgs)
    try:
        lab.up()
        expired = ("%PKI-3-CERTIFICATE_INVALID_EXPIRED: Certificate chain validation has failed.  "
                   f"The certificate has expired.  Validity period ended on {ios_time(ended)}")
        t = lab.wait("the hub's IOS words for spoke2's expired certificate",
                     lambda: expired in node_log(lab, "hub"), timeout=25)
        lab.log(f"hub log ({t:.2f}s): {expired}")
        other = ("%PKI-3-CERTIFICATE_INVALID: Certificate chain validation has failed.  "
                 "No trusted issuer (another CA)")
        t = lab.wait("the hub's IOS words for spoke3's certificate of another CA",
                     lambda: other in node_log(lab, "hub"), timeout=25)
        lab.log(f"hub log ({t:.2f}s): {other}")
        log = node_log(lab, "hub")
        for sp in (S2, S3):
            check(ABORT.format(l=HUB, r=sp) in log, f"hub log: the IKEv2 abort naming {sp}", log[-3000:])
        check(ABORT.format(l=HUB, r=S1) not in log, "no abort for spoke1")
        lab.wait("spoke1 READY at the hub", lambda: ready_peers(lab, "hub") == [S1])
        rows = ikev2_rows(lab.cli("hub", "show crypto ikev2 sa"))
        check(not [r for r in rows if r[2] in (S2, S3)],
              f"hub show crypto ikev2 sa: no SA with spoke2 or spoke3: {rows}")
        n = lab.ping("spoke1", LAN2, LAN1, count=5, interval=0.05)
        check(n == 5, f"spoke1 LAN -> hub LAN undisturbed: {n}/5 replies")
        check(ready_peers(lab, "hub") == [S1], "still spoke1 alone READY")
    except Exception:
        dump(lab, ("hub", "spoke2", "spoke3"))
        raise
    finally:
        lab.down()
        os.environ.pop("DMVPND_KEY_DIR", None)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main({"psk": test_psk, "cert": test_cert}, sys.argv)
