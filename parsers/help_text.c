/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The `?` texts that belong to no row of the command table. Every keyword's
 * help, and an argument's where IOS words it for its place, sits on the row
 * that declares it (cmd.h); what is left here is generic: the text IOS shows
 * for an argument placeholder no row describes, and the interface types IOS
 * lists where an interface name is due.
 */
#include "parsers/help.h"

#include <stddef.h>
#include <string.h>

const char *
help_placeholder(const char *word)
{
    static const char *const generic[][2] = {
        {"A.B.C.D", "IP address"},
        {"WORD", "WORD"},
        {"LINE", "LINE"},
    };

    for (size_t i = 0; i < sizeof(generic) / sizeof(generic[0]); i++)
        if (strcmp(generic[i][0], word) == 0)
            return generic[i][1];
    return NULL;
}

const char *const *
help_iftypes(void)
{
    static const char *const t[] = {
        "Ethernet",
        "IEEE 802.3",
        "FastEthernet",
        "FastEthernet IEEE 802.3",
        "GigabitEthernet",
        "GigabitEthernet IEEE 802.3z",
        "Loopback",
        "Loopback interface",
        "Port-channel",
        "Ethernet Channel of interfaces",
        "Serial",
        "Serial",
        "Tunnel",
        "Tunnel interface",
        "Vlan",
        "Catalyst Vlans",
        NULL,
        NULL,
    };

    return t;
}
