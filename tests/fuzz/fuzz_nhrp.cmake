# SPDX-License-Identifier: GPL-2.0-or-later
dmvpn_fuzzer(fuzz_nhrp SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/fuzz_nhrp.c
             LIBS dmvpn_nhrp CORPUS ${CMAKE_CURRENT_SOURCE_DIR}/corpus/nhrp)
