/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The NHRP child's slice of the running config (see ps_slice.h), cut from
 * the text cfg_print writes: top-level lines start a block, indented lines
 * belong to the last one.
 */
#include "daemons/privsep/ps_slice.h"

#include <stdbool.h>
#include <string.h>

static bool
starts(const char *line, size_t n, const char *prefix)
{
    size_t k = strlen(prefix);

    return n >= k && memcmp(line, prefix, k) == 0;
}

/* Blocks the child keeps. */
static bool
kept_block(const char *line, size_t n)
{
    return starts(line, n, "interface ") || starts(line, n, "vrf definition ") ||
           starts(line, n, "ip vrf ");
}

/* Lines inside a kept block that carry another protocol's secret. */
static bool
secret_line(const char *line, size_t n)
{
    static const char *const keys[] = {
        " ip ospf authentication-key",
        " ip ospf message-digest-key",
        " ipv6 ospf authentication",
        " ip authentication key-chain",
        " ip authentication mode",
        " standby",
        " vrrp",
        " ip rip authentication",
    };

    for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
        if (starts(line, n, keys[i]))
            return true;
    return false;
}

void
ps_cfg_slice(const char *text, size_t len, struct strbuf *out)
{
    const char *p = text, *end = text + len;
    bool keep = false;

    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);

        if (n > 0 && p[0] != ' ') {
            keep = kept_block(p, n);
            if (keep || starts(p, n, "hostname ")) {
                sb_append(out, p, n);
                sb_putc(out, '\n');
            }
        } else if (n > 0 && keep && !secret_line(p, n)) {
            sb_append(out, p, n);
            sb_putc(out, '\n');
        }
        p += n + 1;
    }
}
