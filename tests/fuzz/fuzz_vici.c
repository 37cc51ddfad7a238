/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Fuzz target for the VICI codec: any bytes are tried as a frame (length,
 * packet header, message) and as a bare message. The decoder must never
 * crash, and a message it accepts must encode back to exactly the bytes it
 * came from (the parser is lossless, the encoder canonical), dump, and go
 * through every reply reader of daemons/ipsec without trouble.
 */
#include "daemons/ipsec/ipsec_state.h"
#include "lib/strbuf.h"
#include "lib/vici.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check_message(const uint8_t *p, size_t n)
{
    char err[160];
    struct vici_msg *m = vici_msg_parse(p, n, err, sizeof(err));
    struct strbuf sb;
    const struct vici_node *c;
    uint64_t u;
    int64_t i;

    if (!m) {
        if (!err[0])
            abort(); /* a refusal always says why */
        return;
    }
    sb_init(&sb);
    if (vici_msg_encode(m, &sb) != 0)
        abort();
    if (sb.len != n || (n && memcmp(sb.buf, p, n) != 0))
        abort(); /* encode(parse(x)) == x */
    sb_reset(&sb);
    vici_msg_dump(&sb, m);
    for (c = vici_node_first(vici_msg_root(m)); c; c = vici_node_next(c)) {
        (void)vici_node_u64(vici_msg_root(m), vici_node_name(c), &u);
        (void)vici_node_i64(vici_msg_root(m), vici_node_name(c), &i);
    }
    (void)vici_msg_find(m, "a.b.c");
    {
        struct ipsec_sa_list sl = {0};
        struct ipsec_conn_list cl = {0};
        struct ipsec_stats st;
        struct ipsec_version v;
        size_t k;
        char e[64];

        ipsec_sa_list_add(&sl, m);
        ipsec_sa_list_add_rekey(&sl, m);
        for (k = 0; k < sl.nike; k++)
            if (sl.ike[k].first_child + sl.ike[k].nchild > sl.nchild)
                abort(); /* child slices stay inside the array */
        for (k = 0; k < sl.nchild; k++)
            if (sl.child[k].ike >= sl.nike)
                abort();
        ipsec_conn_list_add(&cl, m);
        ipsec_parse_stats(m, &st);
        ipsec_parse_version(m, &v);
        ipsec_reply_ok(m, e, sizeof(e));
        (void)ipsec_event_up(m);
        ipsec_sa_list_free(&sl);
        ipsec_conn_list_free(&cl);
    }
    sb_free(&sb);
    vici_msg_free(m);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct vici_pkt pkt;
    size_t fl;
    char err[160];

    if (size > VICI_MAX_FRAME + 8)
        return 0;
    if (vici_frame_check(data, size, &fl) == 1) {
        if (fl > size)
            abort();
        if (vici_pkt_decode(data + 4, fl - 4, &pkt, err, sizeof(err)) == 0) {
            if (pkt.msg < data + 4 || pkt.msg + pkt.msglen != data + fl)
                abort();
            check_message(pkt.msg, pkt.msglen);
        }
    }
    check_message(data, size);
    return 0;
}
