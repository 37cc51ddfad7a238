# SPDX-License-Identifier: GPL-2.0-or-later
dmvpn_fuzzer(fuzz_jsonr SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/fuzz_jsonr.c
             LIBS dmvpn_routing CORPUS ${CMAKE_CURRENT_SOURCE_DIR}/corpus/jsonr)
