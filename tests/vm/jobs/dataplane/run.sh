#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The kernel backend through dp_harness --kernel: hub and two spokes
# (dp_kernel_e2e.py says what each step asserts).
. /job/lib.sh
modprobe ip_gre
/usr/bin/python3 /job/dp_kernel_e2e.py /job/bin/dp_harness /out
