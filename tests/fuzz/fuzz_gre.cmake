# SPDX-License-Identifier: GPL-2.0-or-later
dmvpn_fuzzer(fuzz_gre SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/fuzz_gre.c
             LIBS dmvpn_dataplane CORPUS ${CMAKE_CURRENT_SOURCE_DIR}/corpus/gre)
