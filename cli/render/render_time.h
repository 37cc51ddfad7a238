/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * IOS elapsed-time formats shared by every show renderer: the `UpDn Tm` of
 * show dmvpn, `created`/`expire` of show ip nhrp, `(hh:mm:ss ago)` of show ip
 * nhrp nhs detail and route ages. All times are milliseconds of the daemon's
 * clock; the caller passes `now_ms` from the reply header, so these are pure.
 */
#ifndef DMVPN_CLI_RENDER_TIME_H
#define DMVPN_CLI_RENDER_TIME_H

#include <stdint.h>

/* Longest result is "2147483647y51w" plus NUL; keep a margin. */
#define RENDER_TIME_LEN 24

/*
 * Seconds -> IOS text: "hh:mm:ss" under a day, "XdYYh" under a week
 * ("3d04h"), "XwYd" under a year ("48w0d"), then "XyYw". Negative -> 0.
 */
const char *render_time_secs(char buf[RENDER_TIME_LEN], int64_t secs);

/*
 * Age of an event at `since_ms` seen at `now_ms`, whole seconds rounded down
 * as IOS does (created 00:01:42 + expire 00:08:17 of a 600 s entry sum to
 * 599). since_ms == 0 means the event never happened: "never".
 */
const char *render_time_since(char buf[RENDER_TIME_LEN], int64_t now_ms, int64_t since_ms);

/* Countdown to `until_ms`, rounded down, 00:00:00 once passed. */
const char *render_time_left(char buf[RENDER_TIME_LEN], int64_t now_ms, int64_t until_ms);

/* Whole seconds between two clock readings, rounded down, never negative. */
int64_t render_time_elapsed(int64_t now_ms, int64_t since_ms);

#endif
