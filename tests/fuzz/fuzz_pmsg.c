/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Fuzz target for the parent/child framing (lib/pmsg.h), the bytes the
 * privileged parent reads from a child that parses internet packets. The
 * first input byte splits the rest into reads of varying size (a stream
 * arrives in any pieces); the reader must hand out the same messages as a
 * one-shot decode of the whole, never read past what it was fed, and once
 * stopped stay stopped with exactly one counter raised. A message it
 * accepts must encode back to its own bytes.
 */
#include "lib/pmsg.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_TYPE 40
#define MAX_LEN  4096

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct pmsg_rd r;
    struct pmsg m, w;
    struct strbuf sb;
    size_t chunk, off = 0, whole_off = 0, used;
    enum pmsg_dec d = PMSG_NEED_MORE, wd;
    uint64_t bad;

    if (size == 0)
        return 0;
    chunk = (size_t)data[0] % 17 + 1;
    data++;
    size--;
    pmsg_rd_init(&r, MAX_TYPE, MAX_LEN);
    sb_init(&sb);
    while (off < size) {
        size_t n = size - off < chunk ? size - off : chunk;

        pmsg_rd_feed(&r, data + off, n);
        off += n;
        while ((d = pmsg_rd_next(&r, &m)) == PMSG_OK) {
            if (m.type == 0 || m.type > MAX_TYPE || m.len > MAX_LEN || m.fd != -1)
                abort();
            wd = pmsg_decode(data + whole_off, size - whole_off, MAX_TYPE, MAX_LEN, &w, &used);
            if (wd != PMSG_OK || w.type != m.type || w.id != m.id || w.len != m.len ||
                memcmp(w.payload, m.payload, m.len) != 0)
                abort();
            if (whole_off + used > off)
                abort();
            sb_reset(&sb);
            pmsg_encode(&sb, m.type, m.flags, m.id, m.payload, m.len);
            if (sb.len != used || memcmp(sb.buf, data + whole_off, used) != 0)
                abort();
            whole_off += used;
        }
        if (d != PMSG_NEED_MORE)
            break;
    }
    bad = r.bad_len + r.bad_type + r.bad_flags + r.bad_fd;
    if (d == PMSG_NEED_MORE ? bad != 0 : (bad != 1 || pmsg_rd_next(&r, &m) != d))
        abort();
    sb_free(&sb);
    pmsg_rd_free(&r);
    return 0;
}
