/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Real FRR output the routing tests read (frr_testdata.h). */
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

size_t
frr_testdata_frame(const char *name, uint8_t *buf, size_t cap)
{
    char path[256], hex[8192];
    size_t n, len = 0;
    FILE *fp;

    snprintf(path, sizeof(path), "testdata/zapi/%s.hex", name);
    fp = fopen(path, "r");
    if (!fp)
        fail_msg("cannot open %s", path);
    n = fread(hex, 1, sizeof(hex) - 1, fp);
    fclose(fp);
    hex[n] = '\0';
    for (size_t i = 0; i + 1 < n && hex[i] != '\n'; i += 2) {
        unsigned v;

        assert_true(len < cap);
        assert_int_equal(sscanf(hex + i, "%2x", &v), 1);
        buf[len++] = (uint8_t)v;
    }
    return len;
}
