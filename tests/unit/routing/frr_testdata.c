/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The real FRR answers in testdata/frr-show/ (frr_testdata.h). */
#include "tests/unit/routing/frr_testdata.h"
#include "lib/inet.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include <cmocka.h>

char *
frr_testdata(const char *node, const char *file, size_t *len)
{
    char path[256];
    FILE *f;
    char *buf;
    long n;

    snprintf(path, sizeof(path), "testdata/frr-show/%s/%s", node, file);
    f = fopen(path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    fseek(f, 0, SEEK_SET);
    buf = malloc((size_t)n + 1);
    assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
    buf[n] = '\0';
    fclose(f);
    *len = (size_t)n;
    return buf;
}

uint32_t
frr_testdata_ip(const char *s)
{
    uint32_t a = 0;
    assert_true(inet_parse4(s, &a));
    return a;
}
