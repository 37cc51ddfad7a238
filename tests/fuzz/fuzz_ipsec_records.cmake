# SPDX-License-Identifier: GPL-2.0-or-later
dmvpn_fuzzer(fuzz_ipsec_records SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/fuzz_ipsec_records.c
             LIBS dmvpn_ipsec dmvpn_render CORPUS ${CMAKE_CURRENT_SOURCE_DIR}/corpus/ipsec_records)
