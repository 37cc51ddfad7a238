/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Typed messages between dmvpnd's privileged parent and its unprivileged
 * children (privilege separation, docs/architecture.md), over a UNIX stream
 * socketpair. A message is a 12-byte header (payload length, type, flags,
 * id; big-endian like the control protocol's frames) and a payload. The id
 * pairs a call with its answer; one-way messages carry 0.
 *
 * The reader is fed whatever a read returned, partial messages included,
 * and hands out whole messages. The side reading is the one to distrust (the
 * parent reads what a child that parses internet packets wrote), so a
 * length above the reader's limit, a type outside its range, an unknown
 * flag or a missing file descriptor stops the stream for good: the framing
 * cannot be trusted after it. Each cause has its counter.
 *
 * A message may carry one file descriptor (SCM_RIGHTS: the parent hands a
 * child its sockets). The sender attaches it to the message's first byte;
 * the kernel delivers it with that byte at the latest, so the reader keeps
 * received descriptors in arrival order and gives the oldest to the next
 * message flagged PMSG_F_FD.
 */
#ifndef DMVPN_LIB_PMSG_H
#define DMVPN_LIB_PMSG_H

#include "lib/strbuf.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PMSG_HDR_LEN 12
/* The largest payload any side may configure: far above an NHRP packet or
 * a snapshot slice, far below what would let a child make the parent
 * allocate without bound. */
#define PMSG_MAX_PAYLOAD (16u << 20)
/* Descriptors received and not yet claimed by a message. */
#define PMSG_MAX_FDS 8

/* Header flags. */
#define PMSG_F_FD  0x0001u /* one file descriptor travels with the message */
#define PMSG_F_ALL PMSG_F_FD

struct pmsg {
    uint16_t type;
    uint16_t flags;
    uint32_t id;
    uint32_t len;
    const uint8_t *payload; /* into the reader's buffer, valid until its next call */
    int fd;                 /* -1, or a descriptor now owned by the caller */
};

enum pmsg_dec {
    PMSG_OK,
    PMSG_NEED_MORE,
    PMSG_BAD_LEN,   /* payload longer than the reader's limit */
    PMSG_BAD_TYPE,  /* 0 or above the reader's highest type */
    PMSG_BAD_FLAGS, /* a flag this version does not know */
    PMSG_BAD_FD,    /* flagged PMSG_F_FD with no descriptor received */
};

/* Decodes one message from buf[0..len) (pure; m->fd is left -1). Types are
 * 1..max_type. On PMSG_OK, *used is the message's size. */
enum pmsg_dec pmsg_decode(const uint8_t *buf, size_t len, uint16_t max_type, uint32_t max_len,
                          struct pmsg *m, size_t *used);
/* Appends a message to out. */
void pmsg_encode(struct strbuf *out, uint16_t type, uint16_t flags, uint32_t id,
                 const void *payload, size_t len);
const char *pmsg_dec_str(enum pmsg_dec d);

struct pmsg_rd {
    struct strbuf in;
    size_t off; /* consumed prefix of in */
    uint16_t max_type;
    uint32_t max_len;
    int fds[PMSG_MAX_FDS];
    unsigned nfds;
    enum pmsg_dec error; /* PMSG_OK until the stream went bad */
    bool eof;
    /* why streams stopped; more than one reader may add to a caller's */
    uint64_t bad_len, bad_type, bad_flags, bad_fd, fd_overflow;
    uint64_t msgs;
};

void pmsg_rd_init(struct pmsg_rd *r, uint16_t max_type, uint32_t max_len);
/* Frees the buffer and closes descriptors no message claimed. */
void pmsg_rd_free(struct pmsg_rd *r);
/* Adds bytes (what one read returned). */
void pmsg_rd_feed(struct pmsg_rd *r, const void *p, size_t n);
/* Queues a received descriptor; past PMSG_MAX_FDS it is closed, counted
 * and the stream stops (a peer sending descriptors nobody asked for). */
void pmsg_rd_push_fd(struct pmsg_rd *r, int fd);
/* PMSG_OK with the next message, PMSG_NEED_MORE, or the error that stopped
 * the stream (the same one on every later call). */
enum pmsg_dec pmsg_rd_next(struct pmsg_rd *r, struct pmsg *m);
/* One recvmsg() on sock: bytes to the buffer, descriptors to the queue.
 * Returns bytes read, 0 at EOF (r->eof set), -1 with errno (EAGAIN on a
 * non-blocking socket with nothing to read). */
long pmsg_rd_recv(struct pmsg_rd *r, int sock);

/* Writes a whole message to sock, waiting (poll) while a non-blocking
 * socket is full; fd >= 0 travels with it (PMSG_F_FD set). 0 or -1 with
 * errno. */
int pmsg_send(int sock, uint16_t type, uint32_t id, const void *payload, size_t len, int fd);

#endif
