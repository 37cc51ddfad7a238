# SPDX-License-Identifier: GPL-2.0-or-later
dmvpn_fuzzer(fuzz_ps_wire
             SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/fuzz_ps_wire.c ${CMAKE_SOURCE_DIR}/daemons/privsep/ps_wire.c
             LIBS dmvpn_lib CORPUS ${CMAKE_CURRENT_SOURCE_DIR}/corpus/ps_wire)
