/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Logging implementation. Library code logs and returns errors; only start-up
 * code and broken invariants call fatal().
 */
#include "lib/log.h"

#include <stdio.h>
#include <stdlib.h>

static enum log_level cur_level = LOG_LVL_NOTICE;
static log_sink_fn sink;
static void *sink_arg;

void
log_set_level(enum log_level lvl)
{
    cur_level = lvl;
}

enum log_level
log_get_level(void)
{
    return cur_level;
}

void
log_set_sink(log_sink_fn fn, void *arg)
{
    sink = fn;
    sink_arg = arg;
}

void
log_vmsg(enum log_level lvl, const char *fmt, va_list ap)
{
    char buf[1024];

    if (lvl > cur_level)
        return;
    vsnprintf(buf, sizeof(buf), fmt, ap);
    if (sink)
        sink(sink_arg, lvl, buf);
    else
        fprintf(stderr, "%s\n", buf);
}

void
log_msg(enum log_level lvl, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    log_vmsg(lvl, fmt, ap);
    va_end(ap);
}

void
fatal(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    fputs("fatal: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(2);
}

int
log_ratelimit_ok(struct log_ratelimit *rl, uint64_t now_ms)
{
    if (rl->interval_ms == 0)
        return 1;
    if (rl->last_ms == 0) {
        rl->last_ms = now_ms;
        rl->tokens = rl->burst;
    }
    if (now_ms > rl->last_ms) {
        uint64_t add = (now_ms - rl->last_ms) / rl->interval_ms;
        if (add) {
            uint64_t t = rl->tokens + add;
            rl->tokens = t > rl->burst ? rl->burst : (uint32_t)t;
            rl->last_ms += add * rl->interval_ms;
        }
    }
    if (rl->tokens == 0) {
        rl->suppressed++;
        return 0;
    }
    rl->tokens--;
    return 1;
}
