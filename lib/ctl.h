/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The control protocol between dmvpnd and its clients (dmvpn-cli, the
 * SNMP subagent): framed messages on a UNIX stream socket. A frame is a
 * 12-byte header (payload length, type, flags, sequence number, all
 * big-endian) and a payload. Requests carry config lines, a typed EXEC
 * request (lib/req.h) or a snapshot kind; replies carry text, a typed error
 * or snapshot records
 * (lib/rec.h: a rec_header and fixed-size records). The decoder is pure and
 * bounds-checked: a bad frame is an error for that connection, never a
 * crash, and it is counted.
 */
#ifndef DMVPN_LIB_CTL_H
#define DMVPN_LIB_CTL_H

#include "lib/strbuf.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define CTL_HDR_LEN     12
#define CTL_MAX_PAYLOAD (64u << 20) /* a snapshot of a 100,000-peer hub fits */

enum ctl_type {
    /* requests */
    CTL_HELLO = 1, /* payload: "user\0password\0", "enable\0password\0", or empty
                    * (who am I: "LEVEL\tUSER" from the peer credentials) */
    CTL_SNAPSHOT,  /* payload: u32 kind (enum rec_kind), then a filter string */
    CTL_EXEC,      /* payload: a typed request (lib/req.h: id + values, never command
                    * text); CTL_ERR replies carry its typed error */
    CTL_CONFIG,    /* payload: sub-mode header line(s) + "\n" + config lines */
    CTL_RUNNING,   /* payload: empty; reply is show running-config text */
    CTL_STARTUP,   /* payload: empty; reply is the startup-config text */
    CTL_LOG_SUB,   /* payload: filter ("nhrp"...); log lines follow as CTL_LOG */
    CTL_LOG_UNSUB,
    /* the vty's login and `disable`: the daemon, not the shell, decides a
     * session's privilege */
    CTL_LOGIN,   /* payload: "transport\0source\0" (which login the vty wants) or
                  * "transport\0source\0user\0password\0" (log in); reply "LEVEL\tUSER" */
    CTL_DISABLE, /* payload: empty; the connection drops to privilege level 1 */
    /* replies */
    CTL_OK = 64, /* payload: text (may be empty) */
    CTL_ERR,     /* payload: IOS-style error text */
    CTL_RECORDS, /* payload: struct rec_header + records */
    CTL_LOG,     /* payload: one log line */
};

struct ctl_frame {
    uint32_t len; /* payload length */
    uint16_t type;
    uint16_t flags;
    uint32_t seq;
    const uint8_t *payload; /* points into the buffer it was decoded from */
};

enum ctl_decode {
    CTL_DEC_OK,
    CTL_DEC_NEED_MORE,
    CTL_DEC_TOO_BIG,
    CTL_DEC_BAD_TYPE,
};

/* Decodes one frame from buf[0..len). On OK, *used is the frame's size. */
enum ctl_decode ctl_decode(const uint8_t *buf, size_t len, struct ctl_frame *f, size_t *used);
/* Appends a frame to out. */
void ctl_encode(struct strbuf *out, uint16_t type, uint16_t flags, uint32_t seq,
                const void *payload, size_t len);
bool ctl_type_valid(uint16_t type);

/*
 * A non-blocking connection: input accumulates until whole frames can be
 * taken; output is queued and flushed as the socket allows.
 */
struct ctl_conn {
    int fd;
    struct strbuf in;
    size_t in_off; /* consumed prefix of `in` */
    struct strbuf out;
    size_t out_off; /* sent prefix of `out` */
    bool closed;    /* EOF or fatal error seen */
    uint64_t bad_frames;
};

void ctl_conn_init(struct ctl_conn *c, int fd);
void ctl_conn_free(struct ctl_conn *c); /* closes fd */
/* Reads what is available. Returns -1 on EOF/error (c->closed set). */
int ctl_conn_read(struct ctl_conn *c);
/* Next whole frame, or false. A bad frame marks the connection closed. */
bool ctl_conn_next(struct ctl_conn *c, struct ctl_frame *f);
void ctl_conn_send(struct ctl_conn *c, uint16_t type, uint32_t seq, const void *p, size_t n);
/* Writes what the socket takes. Returns bytes still queued, -1 on error. */
long ctl_conn_flush(struct ctl_conn *c);
bool ctl_conn_pending(const struct ctl_conn *c);

/* Blocking helpers for one-shot clients. */
int ctl_connect(const char *path);
int ctl_request(int fd, uint16_t type, uint32_t seq, const void *p, size_t n);
/* Reads one frame; the payload is malloc'd into *payload (caller frees). */
int ctl_read_frame(int fd, struct ctl_frame *f, uint8_t **payload);

/* DMVPN_DEFAULT_SOCKET comes from CMake (DMVPN_SOCKET); the package moves it
 * under systemd's RuntimeDirectory. */
#ifdef DMVPN_DEFAULT_SOCKET
#define CTL_DEFAULT_SOCKET DMVPN_DEFAULT_SOCKET
#else
#define CTL_DEFAULT_SOCKET "/run/dmvpnd.sock"
#endif

#endif
