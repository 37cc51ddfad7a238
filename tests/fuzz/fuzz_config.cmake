# SPDX-License-Identifier: GPL-2.0-or-later
dmvpn_fuzzer(fuzz_config SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/fuzz_config.c
             LIBS dmvpn_parsers CORPUS ${CMAKE_CURRENT_SOURCE_DIR}/corpus/config)
