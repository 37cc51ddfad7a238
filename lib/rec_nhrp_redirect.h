/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * REC_NHRP_REDIRECT: one flow of a hub's NHRP redirect table (show ip nhrp
 * redirect). A phase 3 hub that forwards a packet back out of the tunnel it
 * came in on sends the sender a traffic indication and keeps the flow for
 * `ip nhrp redirect timeout` seconds, during which further packets of it
 * are not redirected again (counted as drops, IOS's "Redirect Suppress").
 */
#ifndef DMVPN_LIB_REC_NHRP_REDIRECT_H
#define DMVPN_LIB_REC_NHRP_REDIRECT_H

#include "lib/rec.h"

#include <stdint.h>

struct rec_nhrp_redirect {
    char ifname[REC_IFNAMSIZ];
    uint32_t nbma;      /* where the traffic indication went */
    uint32_t src, dst;  /* the redirected flow */
    uint32_t drops;     /* redirects of the flow suppressed since */
    int64_t expires_ms; /* the flow leaves the table */
};

#endif
