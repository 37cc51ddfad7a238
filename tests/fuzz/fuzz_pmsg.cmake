# SPDX-License-Identifier: GPL-2.0-or-later
dmvpn_fuzzer(fuzz_pmsg SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/fuzz_pmsg.c
             LIBS dmvpn_lib CORPUS ${CMAKE_CURRENT_SOURCE_DIR}/corpus/pmsg)
