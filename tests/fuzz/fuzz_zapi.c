/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Fuzz target for the ZAPI codec (lib/zapi.h), the bytes dmvpnd reads from
 * zebra's socket. The input is cut into frames as the client cuts them; each
 * body goes through every decoder. Decoding must never crash; an accepted
 * route must respect the codec's bounds, and when it holds nothing the
 * decoder skipped, encoding it again must give back the bytes it was read
 * from (one reading of the wire format).
 */
#include "lib/zapi.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check_route(const uint8_t *body, size_t len)
{
    static uint8_t out[ZAPI_MAX_SEND];
    struct zapi_route r;
    int n;

    if (zapi_route_decode(body, len, &r) != ZAPI_OK)
        return;
    if (r.nexthop_num > ZAPI_MAX_NEXTHOPS || r.nexthop_num > r.nexthop_total ||
        r.plen > (r.family == 2 ? 32 : 128) || r.type >= ZAPI_RT_MAX)
        abort();
    if (r.skipped || r.nexthop_num != r.nexthop_total)
        return;
    n = zapi_route_encode(out, sizeof(out), ZAPI_ROUTE_ADD, 0, &r);
    if (n < ZAPI_HEADER_SIZE || (size_t)n - ZAPI_HEADER_SIZE > len ||
        memcmp(out + ZAPI_HEADER_SIZE, body, (size_t)n - ZAPI_HEADER_SIZE) != 0)
        abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct zapi_header h;
    struct zapi_notify no;
    struct zapi_interface ifc;
    size_t off = 0;

    while (zapi_header_decode(data + off, size - off, &h) == ZAPI_OK && h.length <= size - off) {
        const uint8_t *body = data + off + ZAPI_HEADER_SIZE;
        size_t blen = h.length - ZAPI_HEADER_SIZE;

        check_route(body, blen);
        if (zapi_notify_decode(body, blen, &no) == ZAPI_OK && no.plen > 128)
            abort();
        if (zapi_interface_decode(body, blen, &ifc) == ZAPI_OK && strlen(ifc.name) > ZAPI_IFNAMSIZ)
            abort();
        (void)zapi_cmd_name(h.command);
        off += h.length;
    }
    return 0;
}
