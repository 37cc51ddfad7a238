# SPDX-License-Identifier: GPL-2.0-or-later
dmvpn_fuzzer(fuzz_shell_input SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/fuzz_shell_input.c
             LIBS dmvpn_shell CORPUS ${CMAKE_CURRENT_SOURCE_DIR}/corpus/shell_input)
