# SPDX-License-Identifier: GPL-2.0-or-later
dmvpn_fuzzer(fuzz_snmp SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/fuzz_snmp.c
             LIBS dmvpn_snmp CORPUS ${CMAKE_CURRENT_SOURCE_DIR}/corpus/snmp)
