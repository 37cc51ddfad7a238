# SPDX-License-Identifier: GPL-2.0-or-later
dmvpn_fuzzer(fuzz_kmsg SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/fuzz_kmsg.c
             LIBS dmvpn_dataplane CORPUS ${CMAKE_CURRENT_SOURCE_DIR}/corpus/kmsg)
