#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The hub's NBMA network, brought up at every boot before dmvpnd by
# vm-underlay.service (what /etc/network/interfaces is on a real router):
# a bridge holding 192.0.2.1/24 that the spokes' namespaces join.
ip link add br0 type bridge 2>/dev/null
ip addr replace 192.0.2.1/24 dev br0
ip link set br0 up
