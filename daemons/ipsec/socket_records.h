/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * show crypto sockets records (lib/rec_crypto.h struct rec_crypto_socket).
 * IOS's crypto socket is tunnel protection's handle on one peer: it opens
 * when NHRP asks for the peer's protection and is Open once the IPsec SAs
 * are up. dmvpnd has the same facts in its session records (one per tunnel
 * and peer it was asked to protect, DOWN when no SA) and the tunnels'
 * protection lines, so the sockets are derived from those, not kept.
 */
#ifndef DMVPN_IPSEC_SOCKET_RECORDS_H
#define DMVPN_IPSEC_SOCKET_RECORDS_H

#include "lib/rec_crypto.h"

#include <stdbool.h>
#include <stddef.h>

/* A tunnel with `tunnel protection ipsec profile P [shared]`. */
struct ipsec_sock_tunnel {
    const char *ifname;
    const char *profile;
    const char *idb; /* IOS name of the tunnel source interface; "" unknown */
    uint32_t local;  /* tunnel source address; 0 unknown */
    bool shared;
};

/* The sockets of the sessions on protected tunnels, in session order,
 * then one listening record per tunnel, in tunnel order. *out is
 * malloc'ed (free it); returns the count. */
size_t ipsec_rec_sockets(const struct rec_crypto_session *ss, size_t ns,
                         const struct ipsec_sock_tunnel *tuns, size_t nt,
                         struct rec_crypto_socket **out);

#endif
