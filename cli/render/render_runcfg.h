/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * show running-config interface X: one interface's stanza cut from the
 * whole running-config text (parsers/print.c's), framed as IOS frames it.
 */
#ifndef DMVPN_CLI_RENDER_RUNCFG_H
#define DMVPN_CLI_RENDER_RUNCFG_H

#include "lib/strbuf.h"

#include <stdbool.h>
#include <stddef.h>

/* The stanza `interface IFNAME` of run (n bytes, LF lines), with IOS's
 * "Building configuration..." / "Current configuration : N bytes" / "!"
 * header and "end". IOS counts N over the stanza's lines as sent on the
 * wire, CR LF each. false (nothing written) when run has no such
 * interface. */
bool render_runcfg_interface(struct strbuf *out, const char *run, size_t n, const char *ifname);

/* The same stanza as {"interface":NAME,"lines":[...]} for `| json`. */
bool render_runcfg_interface_json(struct strbuf *out, const char *run, size_t n,
                                  const char *ifname);

#endif
