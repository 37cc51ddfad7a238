/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Fuzz target for the crypto show renderers: arbitrary bytes taken as
 * snapshot records (as if a reply from the control socket were corrupt) must
 * render without reading outside the records, whatever their strings, counts
 * and enums hold. Byte 0 picks the command, dialect and detail; byte 1 the
 * peer filter; the rest fills the records.
 */
#include "cli/render/render_crypto.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct render_crypto_opts o = {0};
    struct strbuf sb;
    size_t rec_size, n;
    void *recs;
    unsigned cmd;

    if (size < 2)
        return 0;
    cmd = data[0] % 3;
    o.dialect = (data[0] >> 2) & 1;
    o.detail = (data[0] >> 3) & 1;
    if (data[1] & 1)
        memcpy(&o.peer, data + 1, size >= 5 ? 4 : 1);
    data += 2;
    size -= 2;
    rec_size = cmd == 0   ? sizeof(struct rec_ike_sa)
               : cmd == 1 ? sizeof(struct rec_ipsec_sa)
                          : sizeof(struct rec_crypto_session);
    n = size / rec_size;
    /* exact-size copy so ASan sees any read past the last record */
    recs = malloc(n ? n * rec_size : 1);
    if (!recs)
        return 0;
    memcpy(recs, data, n * rec_size);
    sb_init(&sb);
    switch (cmd) {
    case 0:
        render_crypto_isakmp_sa(&sb, 1000, recs, n, &o);
        render_crypto_isakmp_sa_json(&sb, 1000, recs, n);
        break;
    case 1:
        render_crypto_ipsec_sa(&sb, 1000, recs, n, &o);
        render_crypto_ipsec_sa_json(&sb, 1000, recs, n, &o);
        break;
    default:
        render_crypto_session(&sb, 1000, recs, n, &o);
        render_crypto_session_json(&sb, 1000, recs, n);
    }
    sb_free(&sb);
    free(recs);
    return 0;
}
