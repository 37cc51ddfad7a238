/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * tshark as the independent decoder of EIGRP packets in tests: the fields
 * compared, our decoder's reading of a packet in tshark's text for them
 * (`-T fields -E occurrence=a -E aggregator=,`), and a command's output.
 */
#ifndef DMVPN_TESTS_EIGRP_TSHARK_H
#define DMVPN_TESTS_EIGRP_TSHARK_H

#include "lib/strbuf.h"

#include <stddef.h>
#include <stdint.h>

extern const char *const eigrp_tshark_fields[];
extern const size_t eigrp_tshark_nf;
/* x[0..eigrp_tshark_nf): what tshark should print for the EIGRP packet b
 * (header first); fails the test if our decoder rejects it. */
void eigrp_tshark_expect(struct strbuf *x, const uint8_t *b, size_t len);
/* The whole output of cmd (NUL-terminated, malloc'd); fails the test if
 * cmd fails. */
char *eigrp_tshark_run(const char *cmd, size_t *len);

#endif
