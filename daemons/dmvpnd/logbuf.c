/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The log buffer behind show logging (see logbuf.h). */
#include "daemons/dmvpnd/logbuf.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

void
logbuf_init(struct logbuf *b)
{
    memset(b, 0, sizeof(*b));
}

int
logbuf_severity(enum log_level lvl)
{
    static const int sev[] = {3, 4, 5, 6, 7}; /* err warn notice info debug */

    return (unsigned)lvl < 5 ? sev[lvl] : 7;
}

/* "nhrp: Tunnel0: ..." -> topic "nhrp", rest "Tunnel0: ...". A topic is a
 * short lower-case word, with dots for the topics under it ("eigrp.p.hello",
 * which `debug eigrp packets hello` asks for); anything else has none. */
static size_t
topic_of(const char *msg, char *topic, size_t tn)
{
    size_t i = 0;

    while (msg[i] && (islower((unsigned char)msg[i]) || msg[i] == '-' || msg[i] == '.') && i < 15)
        i++;
    if (i == 0 || msg[i] != ':' || msg[i + 1] != ' ') {
        if (tn)
            topic[0] = '\0';
        return 0;
    }
    snprintf(topic, tn, "%.*s", (int)i, msg);
    return i + 2;
}

void
logbuf_format(enum log_level lvl, const char *msg, char *out, size_t n, char *topic, size_t tn)
{
    static const char *const names[] = {"ERR", "WARN", "NOTICE", "INFO", "DEBUG"};
    size_t skip = topic_of(msg, topic, tn);

    if (msg[0] == '%') {
        snprintf(out, n, "%s", msg);
    } else if (lvl == LOG_LVL_DEBUG && skip && msg[skip] == ' ') {
        /* the continuation of a debug line, printed as IOS indents it
         * ("  AS 100, Flags 0x0:(NULL), ...") */
        snprintf(out, n, "%s", msg + skip);
    } else if (lvl == LOG_LVL_DEBUG && skip) {
        char up[16];
        size_t i;
        /* the topic's first word: "eigrp.p.hello: x" -> "EIGRP: x" */
        for (i = 0; i + 2 < skip && i < sizeof(up) - 1 && msg[i] != '.'; i++)
            up[i] = (char)toupper((unsigned char)msg[i]);
        up[i] = '\0';
        snprintf(out, n, "%s: %s", up, msg + skip);
    } else {
        snprintf(out, n, "%%DMVPND-%d-%s: %s", logbuf_severity(lvl),
                 names[(unsigned)lvl < 5 ? lvl : 4], msg);
    }
}

void
logbuf_add(struct logbuf *b, int64_t wall_ms, enum log_level lvl, const char *text)
{
    struct rec_log *r = &b->ring[(b->head + b->n) % LOGBUF_MSGS];

    if (b->n == LOGBUF_MSGS) {
        r = &b->ring[b->head];
        b->head = (b->head + 1) % LOGBUF_MSGS;
        b->n--;
    }
    memset(r, 0, sizeof(*r));
    r->wall_ms = wall_ms;
    r->seq = ++b->seq;
    r->severity = (uint8_t)logbuf_severity(lvl);
    snprintf(r->text, sizeof(r->text), "%s", text);
    b->n++;
}

long
logbuf_records(const struct logbuf *b, struct strbuf *out)
{
    size_t i;

    for (i = 0; i < b->n; i++)
        sb_append(out, &b->ring[(b->head + i) % LOGBUF_MSGS], sizeof(struct rec_log));
    return (long)b->n;
}

void
logbuf_clear(struct logbuf *b)
{
    b->head = 0;
    b->n = 0;
}
