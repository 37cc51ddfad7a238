/* SPDX-License-Identifier: GPL-2.0-or-later */
/* IOS prompts (see prompt.h). */
#include "cli/shell/prompt.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

/* Prompt names of stanzas the parser keeps verbatim, by their first words. */
static const struct {
    const char *lead;
    const char *name;
} stanzas[] = {
    {"route-map ", "config-route-map"},
    {"ip access-list standard ", "config-std-nacl"},
    {"ip access-list extended ", "config-ext-nacl"},
    {"ip prefix-list ", "config"},
    {"crypto keyring ", "conf-keyring"},
    {"crypto isakmp profile ", "conf-isa-prof"},
    {"crypto ikev2 proposal ", "config-ikev2-proposal"},
    {"crypto ikev2 policy ", "config-ikev2-policy"},
    {"crypto ikev2 keyring ", "config-ikev2-keyring"},
    {"crypto ikev2 profile ", "config-ikev2-profile"},
    {"crypto map ", "config-crypto-map"},
    {"class-map ", "config-cmap"},
    {"policy-map ", "config-pmap"},
    {"key chain ", "config-keychain"},
    {"vrf definition ", "config-vrf"},
    {"ip vrf ", "config-vrf"},
    {"track ", "config-track"},
    {"ip sla ", "config-ip-sla"},
    {"router ", "config-router"},
    {"line ", "config-line"},
};

enum cfg_mode
prompt_mode_from_name(const char *name)
{
    int m;

    for (m = 0; m < MODE_COUNT; m++)
        if (!strcmp(name, cfg_mode_name((enum cfg_mode)m)))
            return (enum cfg_mode)m;
    return MODE_COUNT;
}

static const char *
stanza_name(const char *header)
{
    size_t i;

    for (i = 0; i < sizeof(stanzas) / sizeof(stanzas[0]); i++)
        if (!strncasecmp(header, stanzas[i].lead, strlen(stanzas[i].lead)))
            return stanzas[i].name;
    return "config";
}

void
prompt_build(char *buf, size_t n, const char *hostname, enum cfg_mode mode, const char *header)
{
    const char *host = hostname && *hostname ? hostname : "Router";

    switch (mode) {
    case MODE_EXEC:
        snprintf(buf, n, "%.63s>", host);
        return;
    case MODE_EXEC_PRIV:
    case MODE_COUNT:
        snprintf(buf, n, "%.63s#", host);
        return;
    case MODE_OPAQUE:
        snprintf(buf, n, "%.20s(%s)#", host, stanza_name(header ? header : ""));
        return;
    default:
        snprintf(buf, n, "%.20s(%s)#", host, cfg_mode_prompt(mode));
        return;
    }
}
