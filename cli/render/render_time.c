/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * IOS elapsed-time formatting (see render_time.h). The unit steps are the
 * ones IOS uses in every table that shows an age: hh:mm:ss, then days+hours,
 * weeks+days, years+weeks; always two units so a column keeps its width.
 */
#include "cli/render/render_time.h"

#include <stdio.h>

#define MIN_S  60
#define HOUR_S (60 * MIN_S)
#define DAY_S  (24 * HOUR_S)
#define WEEK_S (7 * DAY_S)
#define YEAR_S (365 * DAY_S)

const char *
render_time_secs(char buf[RENDER_TIME_LEN], int64_t secs)
{
    if (secs < 0)
        secs = 0;
    if (secs < DAY_S)
        snprintf(buf, RENDER_TIME_LEN, "%02d:%02d:%02d", (int)(secs / HOUR_S),
                 (int)(secs % HOUR_S / MIN_S), (int)(secs % MIN_S));
    else if (secs < WEEK_S)
        snprintf(buf, RENDER_TIME_LEN, "%dd%02dh", (int)(secs / DAY_S),
                 (int)(secs % DAY_S / HOUR_S));
    else if (secs < YEAR_S)
        snprintf(buf, RENDER_TIME_LEN, "%dw%dd", (int)(secs / WEEK_S),
                 (int)(secs % WEEK_S / DAY_S));
    else
        snprintf(buf, RENDER_TIME_LEN, "%lldy%dw", (long long)(secs / YEAR_S),
                 (int)(secs % YEAR_S / WEEK_S));
    return buf;
}

int64_t
render_time_elapsed(int64_t now_ms, int64_t since_ms)
{
    if (now_ms <= since_ms)
        return 0;
    /* unsigned: a corrupt record must not make the subtraction overflow */
    return (int64_t)(((uint64_t)now_ms - (uint64_t)since_ms) / 1000);
}

const char *
render_time_since(char buf[RENDER_TIME_LEN], int64_t now_ms, int64_t since_ms)
{
    if (since_ms == 0) {
        snprintf(buf, RENDER_TIME_LEN, "never");
        return buf;
    }
    return render_time_secs(buf, render_time_elapsed(now_ms, since_ms));
}

const char *
render_time_left(char buf[RENDER_TIME_LEN], int64_t now_ms, int64_t until_ms)
{
    return render_time_secs(buf, render_time_elapsed(until_ms, now_ms));
}
