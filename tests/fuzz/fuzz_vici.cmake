# SPDX-License-Identifier: GPL-2.0-or-later
dmvpn_fuzzer(fuzz_vici SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/fuzz_vici.c
             LIBS dmvpn_ipsec CORPUS ${CMAKE_CURRENT_SOURCE_DIR}/corpus/vici)
dmvpn_fuzzer(fuzz_vici_client SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/fuzz_vici_client.c
             LIBS dmvpn_ipsec CORPUS ${CMAKE_CURRENT_SOURCE_DIR}/corpus/vici_client)
