/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The real FRR answers in testdata/frr-show/ for the converter tests. */
#ifndef DMVPN_TESTS_ROUTING_FRR_TESTDATA_H
#define DMVPN_TESTS_ROUTING_FRR_TESTDATA_H

#include <stddef.h>
#include <stdint.h>

/* testdata/frr-show/NODE/FILE, NUL-terminated (the test fails if missing). */
char *frr_testdata(const char *node, const char *file, size_t *len);
/* A dotted quad the test spells (the test fails if it does not parse). */
uint32_t frr_testdata_ip(const char *s);

#endif
