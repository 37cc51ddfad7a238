/* SPDX-License-Identifier: GPL-2.0-or-later */
/* dmvpnd entry points shared between main.c and the daemon's modules. */
#ifndef DMVPN_DAEMONS_DMVPND_H
#define DMVPN_DAEMONS_DMVPND_H

#include <stdbool.h>

enum report_fmt { REPORT_NONE, REPORT_TEXT, REPORT_JSON };

int dmvpnd_check(const char *path, bool print, enum report_fmt report);

#endif
