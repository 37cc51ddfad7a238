/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The telnet protocol (RFC 854) as an IOS vty speaks it: the server offers
 * to echo (RFC 857) and to suppress go-ahead (RFC 858), asks for the window
 * size (NAWS, RFC 1073) and refuses every other option. A pure decoder:
 * network bytes in, user data and option replies out, so every framing rule
 * is unit-tested without a socket.
 */
#ifndef DMVPN_CLI_TELNET_H
#define DMVPN_CLI_TELNET_H

#include "lib/strbuf.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define TN_IAC  255
#define TN_DONT 254
#define TN_DO   253
#define TN_WONT 252
#define TN_WILL 251
#define TN_SB   250
#define TN_SE   240

#define TN_OPT_ECHO 1
#define TN_OPT_SGA  3
#define TN_OPT_NAWS 31

struct telnet {
    int state;
    uint8_t verb;   /* WILL/WONT/DO/DONT being read */
    uint8_t sb_opt; /* option of the subnegotiation being read */
    uint8_t sb[16];
    size_t sb_len;
    bool cr; /* last data byte was CR: a following NUL or LF belongs to it */
    uint16_t cols, rows;
    bool size_changed;
    uint64_t bad; /* malformed sequences seen (counted, never fatal) */
};

void telnet_init(struct telnet *t);
/* The server's opening offers: WILL ECHO, WILL SGA, DO SGA, DO NAWS. */
void telnet_greeting(struct strbuf *out);
/*
 * Decodes n network bytes. User data is appended to `data` (CR NUL and
 * CR LF arrive as a single CR, RFC 854 "NVT"); replies the peer must get
 * are appended to `reply`.
 */
void telnet_decode(struct telnet *t, const uint8_t *in, size_t n, struct strbuf *data,
                   struct strbuf *reply);
/* User data to network bytes: IAC doubled, "\n" sent as CR LF. */
void telnet_encode(const char *s, size_t n, struct strbuf *out);

#endif
