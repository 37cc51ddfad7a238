/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * IOS interface names. Operators type `f0/0`, `Gi1`, `int tunnel 0` or
 * `lo 0`; IOS stores and prints the full type name with the unit glued on
 * (`FastEthernet0/0`, `Tunnel0`, `Loopback0`). Each type has the shortest
 * abbreviation IOS accepts for it, which settles the prefixes several types
 * share (`t` is neither Tunnel nor TenGigabitEthernet; `tu` and `te` are).
 */
#include "parsers/syntax.h"
#include "parsers/cfg.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

struct iftype {
    const char *name;
    unsigned minlen;   /* shortest accepted abbreviation */
    const char *brief; /* IOS's two-letter form (show ip interface brief uses it) */
};

/* Ordered so that the first unique match wins among equals of minlen. */
static const struct iftype iftypes[] = {
    {"Ethernet", 1, "Et"},
    {"FastEthernet", 1, "Fa"},
    {"GigabitEthernet", 1, "Gi"},
    {"TenGigabitEthernet", 2, "Te"},
    {"FortyGigabitEthernet", 2, "Fo"},
    {"HundredGigE", 2, "Hu"},
    {"TwentyFiveGigE", 2, "Twe"},
    {"Tunnel", 2, "Tu"},
    {"Loopback", 1, "Lo"},
    {"Serial", 1, "Se"},
    {"Port-channel", 1, "Po"},
    {"Vlan", 1, "Vl"},
    {"Virtual-Template", 8, "Vt"},
    {"Virtual-Access", 8, "Vi"},
    {"Dialer", 1, "Di"},
    {"Null", 2, "Nu"},
    {"NVI", 2, "NV"},
    {"BVI", 1, "BV"},
    {"Multilink", 1, "Mu"},
    {"Cellular", 1, "Ce"},
    {"Async", 2, "As"},
    {"ATM", 2, "AT"},
    {"Embedded-Service-Engine", 2, "Em"},
    {"Wlan-GigabitEthernet", 1, "Wl"},
    {"Virtual-PPP", 9, "Vp"},
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

/*
 * The Linux link that stands for an IOS interface. Linux names are at most
 * 15 bytes and cannot contain '/', so physical interfaces use IOS's short
 * form with '-' for '/' (FastEthernet0/0 -> Fa0-0, GigabitEthernet1.15 ->
 * Gi1.15); tunnels keep their name (the data plane creates `Tunnel0`);
 * every loopback is the node's `lo`.
 */
bool
ifname_linux(const char *ios, char *out, size_t n)
{
    size_t i, k;

    if (!strncmp(ios, "Loopback", 8)) {
        snprintf(out, n, "lo");
        return true;
    }
    if (!strncmp(ios, "Tunnel", 6)) {
        snprintf(out, n, "%s", ios);
        return strlen(ios) <= 15;
    }
    for (i = 0; i < NTYPES; i++) {
        size_t L = strlen(iftypes[i].name);
        if (strncmp(ios, iftypes[i].name, L) != 0 || !isdigit((unsigned char)ios[L]))
            continue;
        k = (size_t)snprintf(out, n, "%s%s", iftypes[i].brief, ios + L);
        if (k >= n || k > 15)
            return false;
        for (k = 0; out[k]; k++)
            if (out[k] == '/')
                out[k] = '-';
        return true;
    }
    return false;
}

const char *
ifname_brief_type(const char *ios, size_t *typelen)
{
    size_t i;

    for (i = 0; i < NTYPES; i++) {
        size_t L = strlen(iftypes[i].name);
        if (!strncmp(ios, iftypes[i].name, L) && isdigit((unsigned char)ios[L])) {
            *typelen = L;
            return iftypes[i].brief;
        }
    }
    return NULL;
}
