/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * show logging: IOS 15.x's header (syslog state, discriminators, console /
 * monitor / buffer / trap lines with their odd continuation indents, three
 * blank lines after "No Active Message Discriminator.", two after the
 * Inactive one) and the buffer, oldest first, each line stamped
 * "*Mmm dd hh:mm:ss.mmm: " in UTC. The leading `*` is IOS's "clock not
 * authoritative" mark: dmvpnd does not know whether the host's clock is
 * NTP-synchronised, so it never claims it is.
 */
#include "cli/render/render_system.h"
#include "lib/json.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

void
render_log_line(struct strbuf *out, int64_t wall_ms, const char *text)
{
    static const char *const mon[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    time_t secs = (time_t)(wall_ms < 0 ? 0 : wall_ms / 1000);
    struct tm tm;

    if (!gmtime_r(&secs, &tm))
        memset(&tm, 0, sizeof(tm));
    /* IOS pads the day with a blank: "*Mar  1 00:00:09.123" */
    sb_printf(out, "*%s %2d %02d:%02d:%02d.%03d: %s", mon[tm.tm_mon % 12], tm.tm_mday, tm.tm_hour,
              tm.tm_min, tm.tm_sec, (int)(wall_ms < 0 ? 0 : wall_ms % 1000), text);
}

static const char *
level_name(uint32_t sev)
{
    static const char *const n[] = {"emergencies", "alerts",        "critical",      "errors",
                                    "warnings",    "notifications", "informational", "debugging"};

    return n[sev < 8 ? sev : 7];
}

void
render_logging(struct strbuf *out, const struct rec_system *s, const struct rec_log *l, size_t n)
{
    size_t i;

    sb_printf(out,
              "Syslog logging: enabled (0 messages dropped, %u messages rate-limited, 0 flushes, "
              "0 overruns, xml disabled, filtering disabled)\n\n",
              s->log_rate_limited);
    sb_puts(out, "No Active Message Discriminator.\n\n\n\n"
                 "No Inactive Message Discriminator.\n\n\n");
    sb_printf(out,
              "    Console logging: level %s, %u messages logged, xml disabled,\n"
              "                     filtering disabled\n",
              level_name(s->debug_level), s->log_console);
    sb_printf(out,
              "    Monitor logging: level %s, %u messages logged, xml disabled,\n"
              "                     filtering disabled\n",
              level_name(s->debug_level), s->log_monitor);
    sb_printf(out,
              "    Buffer logging:  level %s, %u messages logged, xml disabled,\n"
              "                    filtering disabled\n",
              level_name(s->debug_level), s->log_logged);
    sb_puts(out, "    Exception Logging: size (4096 bytes)\n"
                 "    Count and timestamp logging messages: disabled\n"
                 "    Persistent logging: disabled\n\n"
                 "No active filter modules.\n\n");
    sb_printf(out,
              "    Trap logging: level informational, %u message lines logged\n"
              "        Logging Source-Interface:       VRF Name:\n\n",
              s->log_trap_lines);
    sb_printf(out, "Log Buffer (%u bytes):\n\n", s->log_buffer_bytes);
    for (i = 0; i < n; i++) {
        char text[REC_LOGSIZ + 1];
        memcpy(text, l[i].text, REC_LOGSIZ);
        text[REC_LOGSIZ] = '\0';
        render_log_line(out, l[i].wall_ms, text);
        sb_putc(out, '\n');
    }
}

void
render_logging_json(struct strbuf *out, const struct rec_system *s, const struct rec_log *l,
                    size_t n)
{
    struct json j;
    size_t i;

    json_init(&j, out);
    json_obj_begin(&j, NULL);
    json_uint(&j, "messages_logged", s->log_logged);
    json_uint(&j, "messages_rate_limited", s->log_rate_limited);
    json_uint(&j, "buffer_bytes", s->log_buffer_bytes);
    json_arr_begin(&j, "messages");
    for (i = 0; i < n; i++) {
        struct strbuf line;
        sb_init(&line);
        render_log_line(&line, l[i].wall_ms, "");
        json_obj_begin(&j, NULL);
        json_uint(&j, "seq", l[i].seq);
        json_int(&j, "time_ms", l[i].wall_ms);
        json_strn(&j, "timestamp", line.buf + 1, line.len >= 3 ? line.len - 3 : 0);
        json_uint(&j, "severity", l[i].severity);
        json_strn(&j, "text", l[i].text, strnlen(l[i].text, REC_LOGSIZ));
        json_obj_end(&j);
        sb_free(&line);
    }
    json_arr_end(&j);
    json_obj_end(&j);
}
