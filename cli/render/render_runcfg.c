/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * show running-config interface X (see render_runcfg.h). The stanza is the
 * `interface X` line and the indented lines under it, as `| section` sees
 * a section; the name compares exactly since both sides are canonical.
 */
#include "cli/render/render_runcfg.h"
#include "lib/json.h"

#include <string.h>

/* Finds the stanza: it runs from *beg to *end (after its last LF). */
static bool
find_stanza(const char *run, size_t n, const char *ifname, size_t *beg, size_t *end)
{
    size_t i = 0, nl = strlen(ifname);

    while (i < n) {
        const char *e = memchr(run + i, '\n', n - i);
        size_t le = e ? (size_t)(e - run) + 1 : n;
        size_t len = le - i - (e ? 1 : 0);

        if (len == 10 + nl && !memcmp(run + i, "interface ", 10) &&
            !memcmp(run + i + 10, ifname, nl)) {
            *beg = i;
            i = le;
            while (i < n && run[i] == ' ') {
                e = memchr(run + i, '\n', n - i);
                i = e ? (size_t)(e - run) + 1 : n;
            }
            *end = i;
            return true;
        }
        i = le;
    }
    return false;
}

bool
render_runcfg_interface(struct strbuf *out, const char *run, size_t n, const char *ifname)
{
    size_t b, e, i, lines = 0;

    if (!find_stanza(run, n, ifname, &b, &e))
        return false;
    for (i = b; i < e; i++)
        lines += run[i] == '\n';
    /* IOSv counts the stanza's own lines as sent, CR LF each (204 bytes for
     * the 7 lines, 197 with LF, of the p2p tunnel capture) */
    sb_printf(out, "Building configuration...\n\nCurrent configuration : %zu bytes\n!\n",
              (e - b) + lines);
    sb_append(out, run + b, e - b);
    sb_puts(out, "end\n");
    return true;
}

bool
render_runcfg_interface_json(struct strbuf *out, const char *run, size_t n, const char *ifname)
{
    size_t b, e, i;
    bool first = true;

    if (!find_stanza(run, n, ifname, &b, &e))
        return false;
    sb_puts(out, "{\"interface\":");
    json_escape(out, ifname, strlen(ifname));
    sb_puts(out, ",\"lines\":[");
    for (i = b; i < e;) {
        const char *nl = memchr(run + i, '\n', e - i);
        size_t le = nl ? (size_t)(nl - run) : e;
        if (!first)
            sb_putc(out, ',');
        json_escape(out, run + i, le - i);
        first = false;
        i = le + 1;
    }
    sb_puts(out, "]}");
    return true;
}
