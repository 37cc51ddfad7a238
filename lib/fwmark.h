/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The firewall marks dmvpnd's parts agree on (one place, so the data plane,
 * the IPsec service and the strongswan.conf it writes cannot drift apart).
 *
 * Under kernel-libipsec, charon routes protected traffic into its TUN
 * through routing table 220, by a rule of kernel-netlink's. With its
 * default rule (every packet but charon's own) all traffic to an SA peer
 * would go there, GRE or not, and libipsec drops what the SA's selectors
 * (GRE) do not name: a peer that is also an underlay neighbour (routing
 * sessions, a next hop traffic is forwarded through) could not be reached.
 * So the rule only takes packets marked DMVPN_FWMARK_GRE, and only the
 * protected tunnels' GRE carries it: the userspace data plane's GRE socket
 * (SO_MARK) and, for a kernel gre link, the IPsec guard's nftables chain.
 */
#ifndef DMVPN_LIB_FWMARK_H
#define DMVPN_LIB_FWMARK_H

#define DMVPN_FWMARK_GRE    0x43 /* tunnel GRE: charon's table 220 */
#define DMVPN_FWMARK_CHARON 0x42 /* charon's own IKE/ESP-in-UDP (socket-default) */

#endif
