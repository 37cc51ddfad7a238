/* SPDX-License-Identifier: GPL-2.0-or-later */
/* `--More--` paging (see pager.h). */
#include "cli/shell/pager.h"

#include <string.h>

void
pager_start(struct pager *p, unsigned length, const char *text, size_t len)
{
    memset(p, 0, sizeof(*p));
    p->length = length;
    p->budget = length > 1 ? length - 1 : 1;
    p->text = text;
    p->len = len;
}

bool
pager_done(const struct pager *p)
{
    return p->quit || p->off >= p->len;
}

size_t
pager_chunk(struct pager *p)
{
    size_t i = p->off;
    unsigned lines = 0;

    if (pager_done(p))
        return 0;
    if (p->length == 0)
        return p->len - p->off;
    while (i < p->len && lines < p->budget) {
        const char *nl = memchr(p->text + i, '\n', p->len - i);
        i = nl ? (size_t)(nl - p->text) + 1 : p->len;
        lines++;
    }
    p->budget -= lines;
    return i - p->off;
}

void
pager_wrote(struct pager *p, size_t n)
{
    p->off += n;
}

void
pager_key(struct pager *p, unsigned char key)
{
    if (key == ' ')
        p->budget = p->length > 1 ? p->length - 1 : 1;
    else if (key == '\r' || key == '\n')
        p->budget = 1;
    else
        p->quit = true;
}
