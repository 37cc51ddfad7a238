# SPDX-License-Identifier: GPL-2.0-or-later
dmvpn_fuzzer(fuzz_eigrp SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/fuzz_eigrp.c
             LIBS dmvpn_eigrp CORPUS ${CMAKE_CURRENT_SOURCE_DIR}/corpus/eigrp)
