/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Fuzz target for typed EXEC requests (lib/req.h), the bytes dmvpnd reads
 * from any local client: decoding must never crash, a request it accepts
 * must encode back to the same bytes (so there is one reading of them), and
 * the same bytes read as a CTL_ERR payload must not crash the shell's side.
 */
#include "lib/req.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct req r;
    struct req_error e;
    struct strbuf sb;

    if (req_decode(data, size, &r) == REQ_DEC_OK) {
        if (r.id == 0 || r.id >= REQ_COUNT || r.nvals > REQ_MAX_VALS)
            abort();
        sb_init(&sb);
        req_encode(&sb, &r);
        if (sb.len != size || memcmp(sb.buf, data, size) != 0)
            abort();
        sb_free(&sb);
        if (req_check(&r, &e) < 0 && e.code == REQ_E_INVALID && e.val >= r.nvals)
            abort();
    }
    if (req_err_decode(data, size, &e) == 0 && e.code == REQ_E_FAILED &&
        strnlen(e.text, sizeof(e.text)) == sizeof(e.text))
        abort();
    return 0;
}
