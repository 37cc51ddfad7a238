# SPDX-License-Identifier: GPL-2.0-or-later
dmvpn_fuzzer(fuzz_req SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/fuzz_req.c
             LIBS dmvpn_lib CORPUS ${CMAKE_CURRENT_SOURCE_DIR}/corpus/req)
