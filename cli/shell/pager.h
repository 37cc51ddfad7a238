/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * `--More--` paging as IOS does it: after `terminal length` - 1 lines the
 * output stops at " --More-- "; Space shows the next screen, Return one
 * more line, any other key ends the output. `terminal length 0` never
 * stops. Pure: the caller feeds text and keys and writes what it is told.
 */
#ifndef DMVPN_CLI_PAGER_H
#define DMVPN_CLI_PAGER_H

#include <stdbool.h>
#include <stddef.h>

#define PAGER_PROMPT " --More-- "
/* What IOS writes to take the prompt off the screen after a key. */
#define PAGER_ERASE "\b\b\b\b\b\b\b\b\b\b          \b\b\b\b\b\b\b\b\b\b"

struct pager {
    unsigned length; /* terminal length; 0: no paging */
    unsigned budget; /* lines that may still be written before the prompt */
    const char *text;
    size_t len, off;
    bool quit;
};

void pager_start(struct pager *p, unsigned length, const char *text, size_t len);
/*
 * How many bytes from text + p->off may be written now (then the caller
 * advances with pager_wrote). 0 with pager_done() false means: show the
 * prompt and wait for a key.
 */
size_t pager_chunk(struct pager *p);
void pager_wrote(struct pager *p, size_t n);
/* A key at the prompt. */
void pager_key(struct pager *p, unsigned char key);
bool pager_done(const struct pager *p);

#endif
