/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Real FRR 8.4.4 output the routing tests read: show answers
 * (testdata/frr-show/) and captured ZAPI frames (testdata/zapi/). */
#ifndef DMVPN_TESTS_ROUTING_FRR_TESTDATA_H
#define DMVPN_TESTS_ROUTING_FRR_TESTDATA_H

#include <stddef.h>
#include <stdint.h>

/* testdata/frr-show/NODE/FILE, NUL-terminated (the test fails if missing). */
char *frr_testdata(const char *node, const char *file, size_t *len);
/* A dotted quad the test spells (the test fails if it does not parse). */
uint32_t frr_testdata_ip(const char *s);
/* The frame in testdata/zapi/NAME.hex (hex digits on the first line) into
 * buf; its length (the test fails if missing, malformed or over cap). */
size_t frr_testdata_frame(const char *name, uint8_t *buf, size_t cap);

#endif
