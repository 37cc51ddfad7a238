/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * eigrpd's `show ip eigrp neighbors` text -> struct rec_eigrp_neighbor
 * (frr_show.h). eigrpd has no JSON, so the table is read by its columns:
 *
 *   EIGRP neighbors for AS(100)
 *
 *   H   Address           Interface            Hold   Uptime   SRTT   RTO   Q     Seq
 *                                              (sec)           (ms)        Cnt    Num
 *   0   10.0.12.1         eth21                13     0        0      2    0      2
 *
 * A row is nine fields starting with a number; the header's and the detail
 * lines' first fields are words, so they are not rows. Uptime is whole
 * seconds in eigrpd 8.4.4 (and always 0 there: it never sets it), or one of
 * FRR's age forms should a later eigrpd print those.
 */
#include "daemons/routing/frr_show_int.h"

#include "lib/inet.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FS_EIGRP_FIELDS 9

/* A decimal number that is the whole field, at most UINT32_MAX. */
static bool
num(const char *s, uint32_t *out)
{
    char *end;
    unsigned long v;

    if (*s < '0' || *s > '9')
        return false;
    v = strtoul(s, &end, 10);
    if (*end != '\0' || v > UINT32_MAX)
        return false;
    *out = (uint32_t)v;
    return true;
}

/* Splits line[0..n) into at most max white-space separated fields, copied
 * into f (each cut to 47 bytes); returns how many it found, max + 1 when
 * there are more. */
static int
fields(const char *line, size_t n, char f[][48], int max)
{
    size_t i = 0;
    int c = 0;

    while (i < n) {
        while (i < n && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r'))
            i++;
        if (i >= n)
            break;
        if (c == max)
            return max + 1;
        size_t s = i, l;
        while (i < n && line[i] != ' ' && line[i] != '\t' && line[i] != '\r')
            i++;
        l = i - s < 47 ? i - s : 47;
        memcpy(f[c], line + s, l);
        f[c][l] = '\0';
        c++;
    }
    return c;
}

static bool
row(char f[][48], uint32_t as, int64_t now_ms, struct rec_eigrp_neighbor *nb)
{
    uint32_t hold, up_s;
    int64_t up;

    memset(nb, 0, sizeof(*nb));
    nb->as = as;
    if (!num(f[0], &nb->handle) || !inet_parse4(f[1], &nb->addr) || !num(f[3], &hold) ||
        !num(f[5], &nb->srtt_ms) || !num(f[6], &nb->rto_ms) || !num(f[7], &nb->q_count) ||
        !num(f[8], &nb->seq))
        return false;
    if (num(f[4], &up_s))
        up = (int64_t)up_s * 1000;
    else if ((up = frr_show_uptime_ms(f[4])) < 0)
        return false;
    if (strlen(f[2]) >= sizeof(nb->ifname))
        return false;
    memcpy(nb->ifname, f[2], strlen(f[2]) + 1);
    nb->hold_ms = now_ms + (int64_t)hold * 1000;
    nb->since_ms = now_ms - up;
    return true;
}

int
frr_show_eigrp_neighbors(const char *text, size_t len, int64_t now_ms, struct strbuf *out,
                         struct frr_show_diag *diag)
{
    static const char head[] = "EIGRP neighbors for AS(";
    char f[FS_EIGRP_FIELDS + 1][48];
    struct rec_eigrp_neighbor nb;
    size_t pos = 0;
    uint32_t as = 0;
    bool in_table = false, saw_head = false, blank = true;
    int n = 0;

    while (pos < len) {
        const char *line = text + pos;
        const char *nl = memchr(line, '\n', len - pos);
        size_t ll = nl ? (size_t)(nl - line) : len - pos;
        int c;

        pos += ll + (nl ? 1 : 0);
        if (ll >= sizeof(head) - 1 && memcmp(line, head, sizeof(head) - 1) == 0) {
            char num_s[16];
            size_t d = sizeof(head) - 1, k = 0;
            while (d < ll && k < sizeof(num_s) - 1 && line[d] >= '0' && line[d] <= '9')
                num_s[k++] = line[d++];
            num_s[k] = '\0';
            saw_head = true;
            in_table = d < ll && line[d] == ')' && num(num_s, &as);
            if (!in_table)
                fs_skip(diag);
            continue;
        }
        c = fields(line, ll, f, FS_EIGRP_FIELDS);
        if (c != 0)
            blank = false;
        if (c == 0 || f[0][0] < '0' || f[0][0] > '9')
            continue; /* blank, column titles, detail lines */
        if (!in_table || c != FS_EIGRP_FIELDS || !row(f, as, now_ms, &nb)) {
            fs_skip(diag);
            continue;
        }
        sb_append(out, &nb, sizeof(nb));
        n++;
    }
    /* eigrpd without an instance prints nothing; text without any table
     * header is not this command's answer (an error message, another
     * command's table) */
    if (!saw_head && !blank) {
        const char *nl = memchr(text, '\n', len);
        int l = (int)(nl ? (size_t)(nl - text) : len);
        fs_fail(diag, "show ip eigrp neighbors: no table: %.*s", l > 60 ? 60 : l, text);
        return -1;
    }
    return n;
}
