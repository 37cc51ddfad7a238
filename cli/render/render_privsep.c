/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * show dmvpn privsep: per service run in a confined child, the child now
 * running and the proxy's counters (lib/rec_privsep.h). IOS has no such
 * command; the layout follows IOS's habit of "Label: value, label: value"
 * lines under a heading. No record: dmvpnd runs --no-privsep.
 */
#include "cli/render/render_privsep.h"
#include "cli/render/render_time.h"

void
render_privsep(struct strbuf *out, int64_t now_ms, const struct rec_privsep *r, size_t n)
{
    char t[RENDER_TIME_LEN];
    size_t i;

    if (n == 0) {
        sb_puts(out, "Privilege separation is off (dmvpnd --no-privsep)\n");
        return;
    }
    for (i = 0; i < n; i++) {
        sb_printf(out, "Privilege separation: %.*s\n", REC_NAMESIZ, r[i].name);
        if (r[i].pid > 0)
            sb_printf(out, "  Child: dmvpnd-%.*s, PID %d, up %s\n", REC_NAMESIZ, r[i].name,
                      (int)r[i].pid, render_time_since(t, now_ms, r[i].started_ms));
        else
            sb_puts(out, "  Child: none running (restarting)\n");
        sb_printf(out, "  Starts: %llu, deaths: %llu\n", (unsigned long long)r[i].starts,
                  (unsigned long long)r[i].deaths);
        sb_printf(out, "  Refused: %llu, broken streams: %llu, events dropped: %llu\n",
                  (unsigned long long)r[i].refused, (unsigned long long)r[i].bad_stream,
                  (unsigned long long)r[i].dropped_events);
        sb_printf(out, "  Mappings kept for a restart: %llu\n", (unsigned long long)r[i].mappings);
    }
}
