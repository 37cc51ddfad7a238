# SPDX-License-Identifier: GPL-2.0-or-later
dmvpn_fuzzer(fuzz_render_nhrp6 SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/fuzz_render_nhrp6.c
             LIBS dmvpn_render CORPUS ${CMAKE_CURRENT_SOURCE_DIR}/corpus/render_nhrp6)
