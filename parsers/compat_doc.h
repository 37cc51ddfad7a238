/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Markdown for docs/ios-compat.md, generated from the command table. */
#ifndef DMVPN_PARSERS_COMPAT_DOC_H
#define DMVPN_PARSERS_COMPAT_DOC_H

#include "lib/strbuf.h"

void compat_doc(struct strbuf *sb);

#endif
