# SPDX-License-Identifier: GPL-2.0-or-later
dmvpn_fuzzer(fuzz_eigrp_proc SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/fuzz_eigrp_proc.c
             LIBS dmvpn_eigrp CORPUS ${CMAKE_CURRENT_SOURCE_DIR}/corpus/eigrp_proc)
# The seed corpus's generator (not a test): conversations of real peers
# with the fuzzed process's config, plus every sample packet.
#   build/tests/gen_eigrp_proc_corpus tests/fuzz/corpus/eigrp_proc
if(NOT DMVPN_FUZZ)
  add_executable(gen_eigrp_proc_corpus ${CMAKE_CURRENT_SOURCE_DIR}/gen_eigrp_proc_corpus.c
                                       ${CMAKE_CURRENT_SOURCE_DIR}/fuzz_eigrp_proc.c)
  target_link_libraries(gen_eigrp_proc_corpus PRIVATE dmvpn_eigrp eigrp_samples)
  set_target_properties(gen_eigrp_proc_corpus PROPERTIES RUNTIME_OUTPUT_DIRECTORY
                                                         ${CMAKE_BINARY_DIR}/tests)
endif()
