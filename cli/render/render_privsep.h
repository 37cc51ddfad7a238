/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * show dmvpn privsep (render_privsep.c): our own command, IOS has none.
 */
#ifndef DMVPN_CLI_RENDER_RENDER_PRIVSEP_H
#define DMVPN_CLI_RENDER_RENDER_PRIVSEP_H

#include "lib/rec_privsep.h"
#include "lib/strbuf.h"

#include <stddef.h>
#include <stdint.h>

void render_privsep(struct strbuf *out, int64_t now_ms, const struct rec_privsep *r, size_t n);

#endif
