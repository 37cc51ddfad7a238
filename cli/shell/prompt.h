/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * IOS prompts: `host>` in user EXEC, `host#` in privileged EXEC,
 * `host(config)#` and the sub-mode forms (`(config-if)#`,
 * `(config-isakmp)#`, `(cfg-crypto-trans)#`, `(ipsec-profile)#`,
 * `(config-line)#`, `(config-router)#`, and for stanzas kept verbatim the
 * name IOS gives them, e.g. `(config-route-map)#`). In configuration modes
 * IOS shows at most the first 20 characters of the hostname.
 */
#ifndef DMVPN_CLI_PROMPT_H
#define DMVPN_CLI_PROMPT_H

#include "parsers/cmd.h"

#include <stddef.h>

#define PROMPT_MAX 128

/* `header` is the line that entered the sub-mode (used for stanzas). */
void prompt_build(char *buf, size_t n, const char *hostname, enum cfg_mode mode,
                  const char *header);
/* The mode a CTL_CONFIG reply names ("config-if" ...), MODE_COUNT if unknown. */
enum cfg_mode prompt_mode_from_name(const char *name);

#endif
