/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Telnet decoding (see telnet.h). Option negotiation follows the "don't
 * reply to a reply" rule of RFC 854 section "Telnet option negotiation" (and
 * RFC 1143's loop avoidance in its simple form): we only ever answer a peer
 * request for an option we did not offer, and never answer an
 * acknowledgement of our own offers, so two implementations cannot ping-pong.
 */
#include "cli/shell/telnet.h"

#include <string.h>

enum { S_DATA, S_IAC, S_VERB, S_SB_OPT, S_SB, S_SB_IAC };

void
telnet_init(struct telnet *t)
{
    memset(t, 0, sizeof(*t));
    t->cols = 80;
    t->rows = 24;
}

void
telnet_greeting(struct strbuf *out)
{
    static const uint8_t g[] = {TN_IAC, TN_WILL, TN_OPT_ECHO, TN_IAC, TN_WILL, TN_OPT_SGA,
                                TN_IAC, TN_DO,   TN_OPT_SGA,  TN_IAC, TN_DO,   TN_OPT_NAWS};

    sb_append(out, g, sizeof(g));
}

static void
put3(struct strbuf *out, uint8_t verb, uint8_t opt)
{
    uint8_t b[3] = {TN_IAC, verb, opt};

    sb_append(out, b, 3);
}

/* RFC 854: a request for an option we did not offer is refused; the ones we
 * offered (ECHO, SGA for WILL; SGA, NAWS for DO) are already agreed. */
static void
negotiate(struct telnet *t, uint8_t verb, uint8_t opt, struct strbuf *reply)
{
    switch (verb) {
    case TN_DO:
        if (opt != TN_OPT_ECHO && opt != TN_OPT_SGA)
            put3(reply, TN_WONT, opt);
        break;
    case TN_WILL:
        if (opt != TN_OPT_SGA && opt != TN_OPT_NAWS)
            put3(reply, TN_DONT, opt);
        break;
    default: /* WONT/DONT: the peer declines; nothing to acknowledge */
        break;
    }
    (void)t;
}

/* RFC 1073: IAC SB NAWS w1 w0 h1 h0 IAC SE; 0 means "unknown", kept as is. */
static void
subneg_done(struct telnet *t)
{
    if (t->sb_opt != TN_OPT_NAWS)
        return;
    if (t->sb_len != 4) {
        t->bad++;
        return;
    }
    if (t->sb[0] << 8 | t->sb[1])
        t->cols = (uint16_t)(t->sb[0] << 8 | t->sb[1]);
    if (t->sb[2] << 8 | t->sb[3])
        t->rows = (uint16_t)(t->sb[2] << 8 | t->sb[3]);
    t->size_changed = true;
}

static void
data_byte(struct telnet *t, uint8_t c, struct strbuf *data)
{
    if (t->cr) {
        t->cr = false;
        if (c == '\0' || c == '\n')
            return; /* the second half of an NVT end of line */
    }
    if (c == '\r')
        t->cr = true;
    sb_putc(data, (char)c);
}

void
telnet_decode(struct telnet *t, const uint8_t *in, size_t n, struct strbuf *data,
              struct strbuf *reply)
{
    size_t i;

    for (i = 0; i < n; i++) {
        uint8_t c = in[i];
        switch (t->state) {
        case S_DATA:
            if (c == TN_IAC)
                t->state = S_IAC;
            else
                data_byte(t, c, data);
            break;
        case S_IAC:
            if (c == TN_IAC) {
                data_byte(t, c, data);
                t->state = S_DATA;
            } else if (c >= TN_WILL && c <= TN_DONT) {
                t->verb = c;
                t->state = S_VERB;
            } else if (c == TN_SB) {
                t->state = S_SB_OPT;
            } else {
                t->state = S_DATA; /* NOP, AYT, BRK, GA ...: no meaning here */
            }
            break;
        case S_VERB:
            negotiate(t, t->verb, c, reply);
            t->state = S_DATA;
            break;
        case S_SB_OPT:
            t->sb_opt = c;
            t->sb_len = 0;
            t->state = S_SB;
            break;
        case S_SB:
            if (c == TN_IAC)
                t->state = S_SB_IAC;
            else if (t->sb_len < sizeof(t->sb))
                t->sb[t->sb_len++] = c;
            else
                t->bad++; /* overlong subnegotiation: dropped, read to SE */
            break;
        case S_SB_IAC:
            if (c == TN_SE) {
                subneg_done(t);
                t->state = S_DATA;
            } else if (c == TN_IAC) {
                if (t->sb_len < sizeof(t->sb))
                    t->sb[t->sb_len++] = c;
                t->state = S_SB;
            } else {
                t->bad++; /* IAC x inside SB: RFC 855 says it ends badly */
                t->state = S_SB;
            }
            break;
        }
    }
}

void
telnet_encode(const char *s, size_t n, struct strbuf *out)
{
    size_t i, start = 0;

    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c != TN_IAC && c != '\n')
            continue;
        sb_append(out, s + start, i - start);
        if (c == TN_IAC)
            sb_append(out, "\xff\xff", 2);
        else if (i > 0 && s[i - 1] == '\r')
            sb_putc(out, '\n'); /* already CR LF */
        else
            sb_append(out, "\r\n", 2);
        start = i + 1;
    }
    sb_append(out, s + start, n - start);
}
