/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Logging for every program: a level, a sink (stderr by default, or a
 * callback that the daemon points at its log buffer and `debug` sessions),
 * and a rate limiter so malformed input from the network cannot flood the log.
 */
#ifndef DMVPN_LIB_LOG_H
#define DMVPN_LIB_LOG_H

#include <stdarg.h>
#include <stdint.h>

enum log_level { LOG_LVL_ERR, LOG_LVL_WARN, LOG_LVL_NOTICE, LOG_LVL_INFO, LOG_LVL_DEBUG };

typedef void (*log_sink_fn)(void *arg, enum log_level lvl, const char *msg);

void log_set_level(enum log_level lvl);
enum log_level log_get_level(void);
void log_set_sink(log_sink_fn fn, void *arg);
void log_msg(enum log_level lvl, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void log_vmsg(enum log_level lvl, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));
_Noreturn void fatal(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/*
 * A token bucket per call site: at most `burst` messages, refilled at one per
 * `interval_ms`. The caller supplies the current time so the limiter can be
 * unit-tested with a fake clock.
 */
struct log_ratelimit {
    uint32_t interval_ms;
    uint32_t burst;
    uint32_t tokens;
    uint64_t last_ms;
    uint64_t suppressed;
};

int log_ratelimit_ok(struct log_ratelimit *rl, uint64_t now_ms);

#define log_err(...)    log_msg(LOG_LVL_ERR, __VA_ARGS__)
#define log_warn(...)   log_msg(LOG_LVL_WARN, __VA_ARGS__)
#define log_notice(...) log_msg(LOG_LVL_NOTICE, __VA_ARGS__)
#define log_info(...)   log_msg(LOG_LVL_INFO, __VA_ARGS__)
#define log_debug(...)  log_msg(LOG_LVL_DEBUG, __VA_ARGS__)

#endif
