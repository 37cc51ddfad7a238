/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * show crypto isakmp peers [A] and the status selection of show crypto
 * isakmp sa active|standby. IOS's ISAKMP peer structure is what the
 * sessions already carry: the peer's address and IKE port, our local
 * address and the peer's phase-1 identity (its address when it sent no
 * other), one entry per distinct endpoint pair of its IKEv1 SAs.
 */
#include "cli/render/render_crypto_extra.h"
#include "cli/render/render_crypto_int.h"
#include "cli/render/render_json_util.h"
#include "lib/json.h"

/* An IKE SA of the session that an earlier one already stands for. */
static int
repeated(const struct rec_crypto_session *s, unsigned i)
{
    for (unsigned k = 0; k < i; k++)
        if (s->ike[k].local == s->ike[i].local && s->ike[k].remote == s->ike[i].remote &&
            s->ike[k].remote_port == s->ike[i].remote_port && s->ike[k].ike_version == 1)
            return 1;
    return 0;
}

typedef void (*peer_fn)(void *ctx, const struct rec_crypto_session *s, const struct rec_cs_ike *k);

static void
each_peer(const struct rec_crypto_session *recs, size_t n, uint32_t peer, peer_fn fn, void *ctx)
{
    for (size_t i = 0; i < n; i++) {
        const struct rec_crypto_session *s = &recs[i];
        unsigned n_ike = s->n_ike < REC_CS_MAX_IKE ? s->n_ike : REC_CS_MAX_IKE;

        for (unsigned k = 0; k < n_ike; k++) {
            /* ISAKMP is IKEv1; IKEv2 peers are show crypto ikev2 sa's */
            if (s->ike[k].ike_version != 1 || repeated(s, k))
                continue;
            if (peer && s->ike[k].remote != peer)
                continue;
            fn(ctx, s, &s->ike[k]);
        }
    }
}

static void
text_peer(void *ctx, const struct rec_crypto_session *s, const struct rec_cs_ike *k)
{
    struct strbuf *sb = ctx;
    char a[16], b[16];

    sb_printf(sb, "Peer: %s Port: %u Local: %s\n", render_crypto_ip(k->remote, a), k->remote_port,
              render_crypto_ip(k->local, b));
    if (s->phase1_id[0])
        sb_printf(sb, " Phase1 id: %.*s\n", RC_STR(s->phase1_id));
    else
        sb_printf(sb, " Phase1 id: %s\n", a);
}

void
render_crypto_isakmp_peers(struct strbuf *sb, const struct rec_crypto_session *recs, size_t n,
                           uint32_t peer)
{
    each_peer(recs, n, peer, text_peer, sb);
}

static void
json_peer(void *ctx, const struct rec_crypto_session *s, const struct rec_cs_ike *k)
{
    struct json *j = ctx;
    char a[16];

    json_obj_begin(j, NULL);
    json_str(j, "peer", render_crypto_ip(k->remote, a));
    json_uint(j, "port", k->remote_port);
    json_str(j, "local", render_crypto_ip(k->local, a));
    if (s->phase1_id[0])
        JFIX(j, "phase1_id", s->phase1_id);
    else
        json_str(j, "phase1_id", render_crypto_ip(k->remote, a));
    JFIX(j, "interface", s->ifname);
    json_obj_end(j);
}

void
render_crypto_isakmp_peers_json(struct strbuf *sb, const struct rec_crypto_session *recs, size_t n,
                                uint32_t peer)
{
    struct json j;

    json_init(&j, sb);
    json_obj_begin(&j, NULL);
    json_arr_begin(&j, "peers");
    each_peer(recs, n, peer, json_peer, &j);
    json_arr_end(&j);
    json_obj_end(&j);
    sb_putc(sb, '\n');
}

size_t
render_crypto_ike_select_status(struct rec_ike_sa *recs, size_t n, unsigned status)
{
    size_t k = 0;

    for (size_t i = 0; i < n; i++) {
        /* a dying SA is still the active side's (IOS lists it under active) */
        unsigned st = recs[i].status == REC_IKE_ACTIVE_DELETED ? REC_IKE_ACTIVE : recs[i].status;

        if (st == status) {
            if (k != i)
                recs[k] = recs[i];
            k++;
        }
    }
    return k;
}
