# SPDX-License-Identifier: GPL-2.0-or-later
dmvpn_fuzzer(fuzz_render_routing SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/fuzz_render_routing.c
             LIBS dmvpn_render CORPUS ${CMAKE_CURRENT_SOURCE_DIR}/corpus/render_routing)
