/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * show crypto session records from charon's SA list (ipsec_records.h): one
 * session per (tunnel, peer) with its IKE SAs and the IPsec flows built by
 * ipsec_rec_ipsec(). A peer the daemon tracks without any SA (NHRP wants
 * it, or charon gave up on it) is a DOWN session with its GRE flow and no
 * SAs, as IOS lists the crypto sockets of tunnel protection.
 */
#include "daemons/ipsec/ipsec_records.h"
#include "lib/log.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define IOS_IKE_LIFE 86400u
#define IKE_CONN0    1000u

/*
 * Where IOS prints its session's address (show dmvpn detail "Session:
 * [0x...]"), a number that stays the same for as long as the (tunnel, peer)
 * session exists, so two shows of one session agree: FNV-1a of both.
 */
static uint32_t
session_handle(const char *ifname, uint32_t peer)
{
    uint32_t h = 2166136261u;
    size_t i;

    for (; *ifname; ifname++)
        h = (h ^ (uint8_t)*ifname) * 16777619u;
    for (i = 0; i < 4; i++)
        h = (h ^ ((peer >> (8 * i)) & 0xffu)) * 16777619u;
    return h;
}

static struct rec_crypto_session *
session_get(struct rec_crypto_session *v, size_t *n, const char *ifname, uint32_t peer)
{
    size_t i;

    for (i = 0; i < *n; i++)
        if (v[i].peer == peer && !strcmp(v[i].ifname, ifname))
            return &v[i];
    memset(&v[*n], 0, sizeof(v[*n]));
    snprintf(v[*n].ifname, sizeof(v[*n].ifname), "%s", ifname);
    v[*n].peer = peer;
    v[*n].handle = session_handle(ifname, peer);
    v[*n].peer_port = 500;
    v[*n].status = REC_CS_DOWN;
    return &v[(*n)++];
}

static const struct ipsec_rec_conn *
conn_of(const struct ipsec_rec_input *in, const char *name)
{
    size_t i;

    for (i = 0; i < in->nconns; i++)
        if (!strcmp(in->conns[i].name, name))
            return &in->conns[i];
    return NULL;
}

static void
add_ike(const struct ipsec_rec_input *in, struct rec_crypto_session *s,
        const struct ipsec_ike_sa *sa)
{
    const struct ipsec_rec_conn *c = conn_of(in, sa->name);
    uint32_t life = c && c->ike_life ? c->ike_life : IOS_IKE_LIFE;
    bool usable = ipsec_ike_usable(sa);
    struct rec_cs_ike *k;

    if (usable) {
        int64_t since = in->now_ms - sa->established * 1000;
        if (!s->up_since_ms || since < s->up_since_ms)
            s->up_since_ms = since;
        if (!s->phase1_id[0])
            snprintf(s->phase1_id, sizeof(s->phase1_id), "%.*s", (int)sizeof(s->phase1_id) - 1,
                     sa->remote_id);
        s->peer_port = sa->remote_port ? sa->remote_port : 500;
    } else if (sa->state == IPSEC_IKE_CREATED || sa->state == IPSEC_IKE_CONNECTING) {
        if (s->status == REC_CS_DOWN)
            s->status = REC_CS_DOWN_NEGOTIATING;
    } else {
        return; /* being deleted: no longer part of the session */
    }
    if (usable)
        s->status = REC_CS_UP_IDLE; /* ACTIVE once a flow with SAs is added */
    if (s->n_ike >= REC_CS_MAX_IKE)
        return;
    k = &s->ike[s->n_ike++];
    k->local = sa->local_addr;
    k->remote = sa->remote_addr;
    k->local_port = sa->local_port ? sa->local_port : 500;
    k->remote_port = sa->remote_port ? sa->remote_port : 500;
    k->conn_id = IKE_CONN0 + sa->uniqueid;
    k->ike_version = (uint8_t)(sa->version == 2 ? 2 : 1);
    k->active = usable;
    if (c && c->dpd)
        k->caps |= REC_IKE_CAP_D;
    if (sa->nat_any || sa->nat_local || sa->nat_remote || sa->nat_fake)
        k->caps |= REC_IKE_CAP_N;
    if (usable && sa->has_established)
        k->expires_ms = in->now_ms + ((int64_t)life - sa->established) * 1000;
}

static void
add_flow(struct rec_crypto_session *s, const struct rec_ipsec_sa *r)
{
    struct rec_cs_flow *f;
    size_t i;
    bool in_seen = false, out_seen = false;

    if (s->n_flows >= REC_CS_MAX_FLOWS)
        return;
    f = &s->flows[s->n_flows++];
    f->proto = r->lid_proto;
    f->local = r->lid_addr;
    f->local_mask = r->lid_mask;
    f->remote = r->rid_addr;
    f->remote_mask = r->rid_mask;
    f->in_pkts = r->ctr[REC_IPC_DECAPS];
    f->out_pkts = r->ctr[REC_IPC_ENCAPS];
    f->active_sas = r->n_sas;
    f->out_spi = r->out_spi;
    /* the lifetimes of the current (first listed) SA of each direction */
    for (i = 0; i < r->n_sas; i++) {
        const struct rec_ipsec_sa_entry *e = &r->sas[i];
        if (e->dir == REC_SA_IN && !in_seen) {
            in_seen = true;
            f->in_kb = e->kb_left;
            f->in_expires_ms = e->expires_ms;
            f->kb_rekey_disabled = e->kb_rekey_disabled;
        } else if (e->dir == REC_SA_OUT && !out_seen) {
            out_seen = true;
            memcpy(f->transform, e->transform, sizeof(f->transform));
            f->transform[sizeof(f->transform) - 1] = '\0';
            f->out_kb = e->kb_left;
            f->out_expires_ms = e->expires_ms;
        }
    }
    if (r->n_sas) {
        s->status = s->status == REC_CS_UP_IDLE ? REC_CS_UP_ACTIVE : REC_CS_UP_NO_IKE;
        s->socket_open = 1; /* as show crypto sockets: open once SAs are up */
    }
    if (s->status == REC_CS_UP_NO_IKE)
        s->peer_port = r->peer_port;
}

static int
cmp_session(const void *a, const void *b)
{
    const struct rec_crypto_session *x = a, *y = b;
    int c = strcmp(x->ifname, y->ifname);

    if (c)
        return c;
    return x->peer < y->peer ? -1 : x->peer > y->peer ? 1 : 0;
}

static uint32_t
if_local(const struct ipsec_rec_input *in, const char *ifname)
{
    size_t i;

    for (i = 0; i < in->nifs; i++)
        if (!strcmp(in->ifs[i].ifname, ifname))
            return in->ifs[i].local;
    return 0;
}

size_t
ipsec_rec_sessions(const struct ipsec_rec_input *in, struct rec_crypto_session **out)
{
    const struct ipsec_sa_list *l = in->sas;
    size_t nike = l ? l->nike : 0, n = 0, nflows, cap, i;
    struct rec_ipsec_sa *flows = NULL;
    struct rec_crypto_session *v;

    *out = NULL;
    nflows = ipsec_rec_ipsec(in, &flows);
    cap = nike + nflows + in->npeers;
    if (!cap)
        return 0;
    v = calloc(cap, sizeof(*v));
    if (!v)
        fatal("out of memory");
    /* IKE SAs first: a session's status starts from its IKE state */
    for (i = 0; i < nike; i++) {
        const struct ipsec_ike_sa *sa = &l->ike[i];
        char ifname[REC_IFNAMSIZ] = "";
        if (!sa->remote_addr || !ipsec_rec_ifname(in, sa, ifname, sizeof(ifname)))
            continue;
        add_ike(in, session_get(v, &n, ifname, sa->remote_addr), sa);
    }
    for (i = 0; i < nflows; i++)
        add_flow(session_get(v, &n, flows[i].ifname, flows[i].peer), &flows[i]);
    free(flows);
    for (i = 0; i < in->npeers; i++)
        session_get(v, &n, in->peers[i].ifname, in->peers[i].peer);
    for (i = 0; i < n; i++) {
        struct rec_crypto_session *s = &v[i];
        struct rec_cs_flow *f;
        snprintf(s->fvrf, sizeof(s->fvrf), "%s", ipsec_rec_fvrf(in, s->ifname));
        snprintf(s->ivrf, sizeof(s->ivrf), "%s", ipsec_rec_ivrf(in, s->ifname));
        if (s->n_flows)
            continue;
        /* tunnel protection's flow, with no SA (yet) */
        f = &s->flows[s->n_flows++];
        f->proto = 47;
        f->local = s->n_ike ? s->ike[0].local : if_local(in, s->ifname);
        f->remote = s->peer;
        f->local_mask = f->remote_mask = 0xffffffffu;
        if (s->n_ike)
            s->peer_port = s->ike[0].remote_port;
    }
    qsort(v, n, sizeof(*v), cmp_session);
    if (!n) {
        free(v);
        return 0;
    }
    *out = v;
    return n;
}
