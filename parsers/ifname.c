/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * IOS interface names. Operators type `f0/0`, `Gi1`, `int tunnel 0` or
 * `lo 0`; IOS stores and prints the full type name with the unit glued on
 * (`FastEthernet0/0`, `Tunnel0`, `Loopback0`). Each type has the shortest
 * abbreviation IOS accepts for it, which settles the prefixes several types
 * share (`t` is neither Tunnel nor TenGigabitEthernet; `tu` and `te` are).
 */
#include "parsers/syntax.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

struct iftype {
    const char *name;
    unsigned minlen; /* shortest accepted abbreviation */
};

/* Ordered so that the first unique match wins among equals of minlen. */
static const struct iftype iftypes[] = {
    {"Ethernet", 1},
    {"FastEthernet", 1},
    {"GigabitEthernet", 1},
    {"TenGigabitEthernet", 2},
    {"FortyGigabitEthernet", 2},
    {"HundredGigE", 2},
    {"TwentyFiveGigE", 2},
    {"Tunnel", 2},
    {"Loopback", 1},
    {"Serial", 1},
    {"Port-channel", 1},
    {"Vlan", 1},
    {"Virtual-Template", 8},
    {"Virtual-Access", 8},
    {"Dialer", 1},
    {"Null", 2},
    {"NVI", 2},
    {"BVI", 1},
    {"Multilink", 1},
    {"Cellular", 1},
    {"Async", 2},
    {"ATM", 2},
    {"Embedded-Service-Engine", 2},
    {"Wlan-GigabitEthernet", 1},
    {"Virtual-PPP", 9},
};

#define NTYPES (sizeof(iftypes) / sizeof(iftypes[0]))

bool
ifname_resolve_type(const char *s, size_t n, const char **canon)
{
    const char *found = NULL;
    size_t i;

    if (n == 0)
        return false;
    for (i = 0; i < NTYPES; i++) {
        size_t L = strlen(iftypes[i].name);
        if (n > L || strncasecmp(s, iftypes[i].name, n) != 0)
            continue;
        if (n == L) { /* exact name always wins */
            *canon = iftypes[i].name;
            return true;
        }
        if (n < iftypes[i].minlen)
            continue;
        if (found)
            return false; /* ambiguous */
        found = iftypes[i].name;
    }
    if (!found)
        return false;
    *canon = found;
    return true;
}

/* Unit: digits, optionally `/digits` repeated, optionally `.digits` (subif). */
bool
ifname_unit_ok(const char *s, size_t n)
{
    size_t i = 0;
    int groups = 0;

    for (;;) {
        size_t d = 0;
        while (i < n && isdigit((unsigned char)s[i])) {
            i++;
            d++;
        }
        if (d == 0 || d > 9)
            return false;
        groups++;
        if (i == n)
            return true;
        if (s[i] == '/' && groups < 4) {
            i++;
            continue;
        }
        if (s[i] == '.') {
            size_t sd = 0;
            i++;
            while (i < n && isdigit((unsigned char)s[i])) {
                i++;
                sd++;
            }
            return sd > 0 && sd <= 10 && i == n;
        }
        return false;
    }
}

bool
ifname_parse(const char *s, size_t n, char *out, size_t outsz)
{
    size_t i = 0;
    const char *canon;

    while (i < n && !isdigit((unsigned char)s[i]))
        i++;
    if (i == 0 || i == n)
        return false;
    if (!ifname_resolve_type(s, i, &canon))
        return false;
    if (!ifname_unit_ok(s + i, n - i))
        return false;
    if ((size_t)snprintf(out, outsz, "%s%.*s", canon, (int)(n - i), s + i) >= outsz)
        return false;
    return true;
}
