/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Snapshot record of show ipv6 interface brief: the IPv6 addresses on one
 * IOS interface's Linux link, link-local ones first (as IOS lists them).
 * The interface's status comes from its REC_IFACE record (same name).
 */
#ifndef DMVPN_LIB_REC_IFACE6_H
#define DMVPN_LIB_REC_IFACE6_H

#include "lib/rec.h"

#include <stdint.h>

#define REC_IFACE6_ADDRS 8

struct rec_iface6 {
    char ifname[REC_IFNAMSIZ];
    uint8_t naddrs;
    uint8_t len[REC_IFACE6_ADDRS];
    uint8_t pad[7];
    uint8_t addr[REC_IFACE6_ADDRS][16];
};

#endif
