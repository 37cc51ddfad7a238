/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Fuzz target for the service contract on the wire (daemons/privsep/
 * ps_wire.h): the payloads dmvpnd's parent decodes from its NHRP child,
 * which parses packets from the internet and may be compromised. Any bytes
 * read as an event and as a call must not crash; what decodes must encode
 * back to the same bytes (one reading of them), its names must be
 * NUL-terminated within SVC_IFNAMSIZ, and packet bytes must lie inside the
 * input.
 */
#include "daemons/privsep/ps_wire.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
same(const struct strbuf *sb, const uint8_t *data, size_t size)
{
    if (sb->len != size || memcmp(sb->buf, data, size) != 0)
        abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct ps_event e;
    struct ps_call c;
    struct strbuf sb;

    sb_init(&sb);
    if (ps_event_decode(data, size, &e) == 0) {
        if (strnlen(e.ifname, SVC_IFNAMSIZ) == SVC_IFNAMSIZ)
            abort();
        if ((e.type == SVC_EV_NHRP_RX || e.type == SVC_EV_NHRP_TX) &&
            (e.u.pkt.pkt < data || e.u.pkt.pkt + e.u.pkt.len != data + size))
            abort();
        if (ps_event_encode(&sb, e.type, ps_event_payload(&e)) != 0)
            abort();
        same(&sb, data, size);
    }
    sb_reset(&sb);
    if (ps_call_decode(data, size, &c) == 0) {
        if (strnlen(c.ifname, SVC_IFNAMSIZ) == SVC_IFNAMSIZ || ps_call_out_size(c.type) == 0)
            abort();
        if (ps_call_encode(&sb, c.type, c.in) != 0)
            abort();
        same(&sb, data, size);
    }
    sb_free(&sb);
    return 0;
}
