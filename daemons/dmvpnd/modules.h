/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The list of dmvpnd modules (modules.c), kept apart from the daemon core. */
#ifndef DMVPN_DAEMONS_DMVPND_MODULES_H
#define DMVPN_DAEMONS_DMVPND_MODULES_H

struct dmvpnd;

void dmvpnd_register_modules(struct dmvpnd *d);

#endif
