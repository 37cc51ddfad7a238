#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Capture ZAPI frames between an FRR daemon and zebra (how testdata/zapi/*.hex
were made). Listens on LISTEN (a unix stream socket the daemon is pointed at
with -z), connects each accepted client to UPSTREAM (zebra's zserv.api) and
relays both ways unchanged, appending one line per whole frame to LOG:
"<conn> <c2z|z2c> <hex>". Frames are cut on the 2-byte length at the start of
each ZAPI header; nothing is modified."""
import os, select, socket, sys

listen_path, upstream, log_path = sys.argv[1:4]
try:
    os.unlink(listen_path)
except FileNotFoundError:
    pass
ls = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
ls.bind(listen_path)
os.chmod(listen_path, 0o777)
ls.listen(8)
log = open(log_path, "a", buffering=1)
pairs = {}  # sock -> (peer, conn id, direction, buffer)
nconn = 0
while True:
    r, _, _ = select.select([ls] + list(pairs), [], [])
    for s in r:
        if s is ls:
            c, _ = ls.accept()
            z = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            z.connect(upstream)
            nconn += 1
            pairs[c] = [z, nconn, "c2z", b""]
            pairs[z] = [c, nconn, "z2c", b""]
            continue
        if s not in pairs:
            continue
        ent = pairs[s]
        data = s.recv(65536)
        if not data:
            peer = ent[0]
            for x in (s, peer):
                pairs.pop(x, None)
                x.close()
            continue
        ent[0].sendall(data)
        ent[3] += data
        while len(ent[3]) >= 2:
            n = int.from_bytes(ent[3][:2], "big")
            if n < 10 or len(ent[3]) < n:
                break
            log.write("%d %s %s\n" % (ent[1], ent[2], ent[3][:n].hex()))
            ent[3] = ent[3][n:]
