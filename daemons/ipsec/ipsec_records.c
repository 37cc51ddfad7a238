/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * charon's SA list as IOS crypto show records (ipsec_records.h). Times in
 * the list are seconds relative to when charon answered (in->now_ms), so
 * every absolute time here is now_ms plus or minus them. One IPsec record
 * per flow (tunnel, peer, selectors), all generations of its CHILD SAs
 * inside, as IOS keeps the old SAs of a rekey in the same block.
 */
#include "daemons/ipsec/ipsec_records.h"
#include "daemons/ipsec/ios_words.h"
#include "daemons/ipsec/ipsec_tally.h"
#include "lib/inet.h"
#include "lib/log.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define IOS_IKE_LIFE 86400u
#define IOS_SA_KB    4608000u
#define IOS_MTU      1500u
#define IKE_CONN0    1000u /* IOS conn-ids start at 1001 */

static void
put(char *dst, size_t sz, const char *s)
{
    snprintf(dst, sz, "%s", s ? s : "");
}

#define PUT(dst, s) put(dst, sizeof(dst), s)

static const struct ipsec_rec_conn *
conn_of(const struct ipsec_rec_input *in, const char *name)
{
    size_t i;

    for (i = 0; i < in->nconns; i++)
        if (!strcmp(in->conns[i].name, name))
            return &in->conns[i];
    return NULL;
}

static const struct ipsec_rec_if *
if_of(const struct ipsec_rec_input *in, const char *ifname)
{
    size_t i;

    for (i = 0; i < in->nifs; i++)
        if (!strcmp(in->ifs[i].ifname, ifname))
            return &in->ifs[i];
    return NULL;
}

const char *
ipsec_rec_fvrf(const struct ipsec_rec_input *in, const char *ifname)
{
    const struct ipsec_rec_if *ifp = if_of(in, ifname);

    return ifp ? ifp->fvrf : "";
}

const char *
ipsec_rec_ivrf(const struct ipsec_rec_input *in, const char *ifname)
{
    const struct ipsec_rec_if *ifp = if_of(in, ifname);

    return ifp ? ifp->ivrf : "";
}

bool
ipsec_rec_ifname(const struct ipsec_rec_input *in, const struct ipsec_ike_sa *sa, char *out,
                 size_t sz)
{
    const struct ipsec_rec_conn *c = conn_of(in, sa->name);
    const char *dash = strrchr(sa->name, '-');
    size_t i;

    if (c) {
        put(out, sz, c->ifname);
        return true;
    }
    if (dash && dash != sa->name && (size_t)(dash - sa->name) < sz) {
        memcpy(out, sa->name, (size_t)(dash - sa->name));
        out[dash - sa->name] = '\0';
        return true;
    }
    /* a responder that has not identified the peer yet (charon's
     * "(unnamed)"): the tunnel whose source the peer came to */
    for (i = 0; i < in->nifs && sa->local_addr; i++)
        if (in->ifs[i].local == sa->local_addr) {
            put(out, sz, in->ifs[i].ifname);
            return true;
        }
    return false;
}

bool
ipsec_ike_usable(const struct ipsec_ike_sa *sa)
{
    return sa->state == IPSEC_IKE_ESTABLISHED || sa->state == IPSEC_IKE_REKEYING ||
           sa->state == IPSEC_IKE_PASSIVE;
}

bool
ipsec_child_usable(const struct ipsec_child_sa *c)
{
    return c->state == IPSEC_CHILD_INSTALLED || c->state == IPSEC_CHILD_UPDATING ||
           c->state == IPSEC_CHILD_REKEYING || c->state == IPSEC_CHILD_REKEYED;
}

unsigned
ipsec_rec_ike_state(const struct ipsec_ike_sa *sa, unsigned *status)
{
    *status = REC_IKE_ACTIVE;
    switch (sa->state) {
    case IPSEC_IKE_ESTABLISHED:
    case IPSEC_IKE_REKEYING:
    case IPSEC_IKE_PASSIVE:
        return REC_IKE_QM_IDLE;
    case IPSEC_IKE_REKEYED:
    case IPSEC_IKE_DELETING:
    case IPSEC_IKE_DESTROYING:
        *status = REC_IKE_ACTIVE_DELETED;
        return REC_IKE_MM_NO_STATE;
    default:
        /* a chosen proposal means the first exchange is done: keys and
         * authentication are next (a wrong key stops it here) */
        return sa->encr_alg[0] ? REC_IKE_MM_KEY_EXCH : REC_IKE_MM_NO_STATE;
    }
}

static uint16_t
ike_caps(const struct ipsec_ike_sa *sa, const struct ipsec_rec_conn *c)
{
    uint16_t caps = 0;

    if (c && c->dpd)
        caps |= REC_IKE_CAP_D;
    if (sa->nat_any || sa->nat_local || sa->nat_remote || sa->nat_fake)
        caps |= REC_IKE_CAP_N;
    return caps;
}

static int64_t
ike_expires(const struct ipsec_rec_input *in, const struct ipsec_ike_sa *sa,
            const struct ipsec_rec_conn *c)
{
    uint32_t life = c && c->ike_life ? c->ike_life : IOS_IKE_LIFE;

    if (!sa->has_established || !ipsec_ike_usable(sa))
        return 0;
    return in->now_ms + ((int64_t)life - sa->established) * 1000;
}

static void
ike_fill(const struct ipsec_rec_input *in, const struct ipsec_ike_sa *sa, struct rec_ike_sa *r)
{
    const struct ipsec_rec_conn *c = conn_of(in, sa->name);
    unsigned status;

    memset(r, 0, sizeof(*r));
    ipsec_rec_ifname(in, sa, r->ifname, sizeof(r->ifname));
    PUT(r->fvrf, ipsec_rec_fvrf(in, r->ifname));
    PUT(r->ivrf, ipsec_rec_ivrf(in, r->ifname));
    PUT(r->encr, ipsec_ios_ike_encr(sa->encr_alg));
    PUT(r->hash, ipsec_ios_ike_hash(sa->integ_alg[0] ? sa->integ_alg : sa->prf_alg));
    PUT(r->auth, "psk");
    PUT(r->engine, "SW");
    r->local = sa->local_addr;
    r->remote = sa->remote_addr;
    r->local_port = sa->local_port ? sa->local_port : 500;
    r->remote_port = sa->remote_port ? sa->remote_port : 500;
    r->ike_version = (uint8_t)(sa->version == 2 ? 2 : 1);
    r->state = (uint8_t)ipsec_rec_ike_state(sa, &status);
    r->status = (uint8_t)status;
    r->initiator = sa->initiator;
    r->dh_group = (uint8_t)ipsec_ios_dh_group(sa->dh_group);
    r->caps = ike_caps(sa, c);
    r->conn_id = IKE_CONN0 + sa->uniqueid;
    r->engine_conn_id = sa->uniqueid;
    if (sa->has_established)
        r->created_ms = in->now_ms - sa->established * 1000;
    r->expires_ms = ike_expires(in, sa, c);
}

static int
cmp_ike_newest(const void *a, const void *b)
{
    const struct rec_ike_sa *x = a, *y = b;

    return x->conn_id < y->conn_id ? 1 : x->conn_id > y->conn_id ? -1 : 0;
}

size_t
ipsec_rec_ike(const struct ipsec_rec_input *in, struct rec_ike_sa **out)
{
    const struct ipsec_sa_list *l = in->sas;
    struct rec_ike_sa *v;
    size_t i, n = 0;

    *out = NULL;
    if (!l || !l->nike)
        return 0;
    v = calloc(l->nike, sizeof(*v));
    if (!v)
        fatal("out of memory");
    for (i = 0; i < l->nike; i++)
        if (l->ike[i].remote_addr) /* IPv4 only: IOS's IPv6 table stays empty */
            ike_fill(in, &l->ike[i], &v[n++]);
    /* IOS lists the newest SA first */
    qsort(v, n, sizeof(*v), cmp_ike_newest);
    *out = n ? v : NULL;
    if (!n)
        free(v);
    return n;
}

/* ---- IPsec flows ---- */

static uint32_t
ts_mask(const struct ipsec_ts *t)
{
    return t->parsed ? inet_len_mask(t->plen) : 0;
}

static uint32_t
ts_addr(const struct ipsec_ts *t, size_t n)
{
    return n && t->parsed ? t->addr : 0;
}

static uint8_t
ts_proto(const struct ipsec_ts *t, size_t n)
{
    return n && t->parsed ? t->proto : 0;
}

void
ipsec_rec_flow_key(const struct ipsec_rec_input *in, const struct ipsec_ike_sa *ike,
                   const struct ipsec_child_sa *c, struct ipsec_flow_key *k)
{
    memset(k, 0, sizeof(*k));
    ipsec_rec_ifname(in, ike, k->ifname, sizeof(k->ifname));
    k->peer = ike->remote_addr;
    k->lid = ts_addr(c->local_ts, c->nlocal_ts);
    k->rid = ts_addr(c->remote_ts, c->nremote_ts);
    k->lproto = ts_proto(c->local_ts, c->nlocal_ts);
    k->rproto = ts_proto(c->remote_ts, c->nremote_ts);
}

bool
ipsec_flow_key_eq(const struct ipsec_flow_key *a, const struct ipsec_flow_key *b)
{
    return a->peer == b->peer && a->lid == b->lid && a->rid == b->rid && a->lproto == b->lproto &&
           a->rproto == b->rproto && !strcmp(a->ifname, b->ifname);
}

static void
rec_flow_key(const struct rec_ipsec_sa *r, struct ipsec_flow_key *k)
{
    memset(k, 0, sizeof(*k));
    PUT(k->ifname, r->ifname);
    k->peer = r->peer;
    k->lid = r->lid_addr;
    k->rid = r->rid_addr;
    k->lproto = r->lid_proto;
    k->rproto = r->rid_proto;
}

static bool
same_flow(const struct rec_ipsec_sa *r, const struct ipsec_flow_key *k)
{
    struct ipsec_flow_key rk;

    rec_flow_key(r, &rk);
    return ipsec_flow_key_eq(&rk, k);
}

static void
flow_init(const struct ipsec_rec_input *in, struct rec_ipsec_sa *r, const char *ifname,
          const struct ipsec_ike_sa *ike, const struct ipsec_child_sa *c)
{
    const struct ipsec_rec_if *ifp = if_of(in, ifname);

    memset(r, 0, sizeof(*r));
    PUT(r->ifname, ifname);
    snprintf(r->crypto_map, sizeof(r->crypto_map), "%s-head-0", ifname);
    if (ifp)
        PUT(r->mtu_idb, ifp->idb);
    r->map_local = r->local_endpt = ike->local_addr;
    r->peer = r->remote_endpt = ike->remote_addr;
    r->peer_port = ike->remote_port ? ike->remote_port : 500;
    if (c->nlocal_ts && c->local_ts[0].parsed) {
        r->lid_addr = c->local_ts[0].addr;
        r->lid_mask = ts_mask(&c->local_ts[0]);
        r->lid_proto = c->local_ts[0].proto;
        r->lid_port = c->local_ts[0].port;
    }
    if (c->nremote_ts && c->remote_ts[0].parsed) {
        r->rid_addr = c->remote_ts[0].addr;
        r->rid_mask = ts_mask(&c->remote_ts[0]);
        r->rid_proto = c->remote_ts[0].proto;
        r->rid_port = c->remote_ts[0].port;
    }
    r->path_mtu = ifp && ifp->path_mtu ? ifp->path_mtu : IOS_MTU;
    r->ip_mtu = ifp && ifp->ip_mtu ? ifp->ip_mtu : IOS_MTU;
}

static void
sa_entry(const struct ipsec_rec_input *in, struct rec_ipsec_sa *r, const struct ipsec_child_sa *c,
         const struct ipsec_rec_conn *conn, unsigned dir)
{
    struct rec_ipsec_sa_entry *e;
    uint64_t life_kb = conn ? conn->life_kb : IOS_SA_KB, used;

    if (r->n_sas >= REC_IPSEC_MAX_SAS)
        return;
    e = &r->sas[r->n_sas++];
    memset(e, 0, sizeof(*e));
    ipsec_ios_transform(c->encr_alg, c->encr_keysize, c->integ_alg, e->transform,
                        sizeof(e->transform));
    PUT(e->engine, "SW");
    e->sibling_flags = 0x80000000u; /* what IOS 15 software crypto prints */
    if (c->has_life_time)
        e->expires_ms = in->now_ms + c->life_time * 1000;
    e->spi = dir == REC_SA_IN ? c->spi_in : c->spi_out;
    e->conn_id = e->flow_id = dir == REC_SA_IN ? 2 * c->uniqueid - 1 : 2 * c->uniqueid;
    used = (dir == REC_SA_IN ? c->bytes_in : c->bytes_out) / 1024u;
    if (life_kb)
        e->kb_left = (uint32_t)(used < life_kb ? life_kb - used : 0);
    else
        e->kb_rekey_disabled = 1;
    e->dir = (uint8_t)dir;
    e->proto = !strcmp(c->protocol, "AH") ? REC_SA_AH : REC_SA_ESP;
    e->mode = !strcmp(c->mode, "TRANSPORT") ? REC_SA_TRANSPORT : REC_SA_TUNNEL;
    e->udp_encaps = c->encap;
    e->iv_size = e->proto == REC_SA_ESP ? (uint8_t)ipsec_esp_iv_size(c->encr_alg) : 0;
    e->replay = !conn || !conn->replay_off;
    if (e->replay && conn && conn->replay_window && conn->replay_window != 64)
        e->replay_window = conn->replay_window;
    e->status = REC_SA_ACTIVE;
}

static void
flow_count(const struct ipsec_rec_input *in, struct rec_ipsec_sa *r, const struct ipsec_child_sa *c)
{
    int64_t installed = in->now_ms - c->install_time * 1000;

    r->ctr[REC_IPC_ENCAPS] += c->packets_out;
    r->ctr[REC_IPC_ENCRYPT] += c->packets_out;
    r->ctr[REC_IPC_DIGEST] += c->packets_out;
    r->ctr[REC_IPC_DECAPS] += c->packets_in;
    r->ctr[REC_IPC_DECRYPT] += c->packets_in;
    r->ctr[REC_IPC_VERIFY] += c->packets_in;
    r->in_octets += c->bytes_in;
    r->out_octets += c->bytes_out;
    if (!r->created_ms || installed < r->created_ms)
        r->created_ms = installed;
}

static void
flow_add_child(const struct ipsec_rec_input *in, struct rec_ipsec_sa *r,
               const struct ipsec_ike_sa *ike, const struct ipsec_child_sa *c)
{
    const struct ipsec_rec_conn *conn = conn_of(in, c->name);

    if (!conn)
        conn = conn_of(in, ike->name);
    flow_count(in, r, c);
    if (r->n_sas == 0) { /* the newest generation: the current SAs */
        r->out_spi = c->spi_out;
        if (conn && conn->life_s)
            r->life_s = conn->life_s;
        else if (c->has_life_time && c->life_time + c->install_time > 0)
            r->life_s = (uint32_t)(c->life_time + c->install_time);
        r->life_kb = (uint32_t)(conn ? conn->life_kb : IOS_SA_KB);
        r->pfs_group = (uint8_t)ipsec_ios_dh_group(c->dh_group);
        r->plaintext_mtu = ipsec_plaintext_mtu(r->path_mtu, c->encr_alg, c->integ_alg,
                                               strcmp(c->mode, "TRANSPORT") != 0, c->encap);
    }
    if (r->n_sas + 2 > REC_IPSEC_MAX_SAS)
        return; /* more generations than a record holds: counted, not listed */
    sa_entry(in, r, c, conn, REC_SA_IN);
    sa_entry(in, r, c, conn, REC_SA_OUT);
}

/* A flow's counts from its start: the retired SAs' too (IOS keeps a
 * phase-2 tunnel's counters across rekeys); its number and start are the
 * first SA's. */
static void
with_tally(const struct ipsec_tally *t, struct rec_ipsec_sa *r)
{
    const struct ipsec_tally_flow *f;
    struct ipsec_flow_key k;

    if (!t)
        return;
    rec_flow_key(r, &k);
    f = ipsec_tally_flow(t, &k);
    if (!f)
        return;
    r->ctr[REC_IPC_ENCAPS] += f->pout;
    r->ctr[REC_IPC_ENCRYPT] += f->pout;
    r->ctr[REC_IPC_DIGEST] += f->pout;
    r->ctr[REC_IPC_DECAPS] += f->pin;
    r->ctr[REC_IPC_DECRYPT] += f->pin;
    r->ctr[REC_IPC_VERIFY] += f->pin;
    r->in_octets += f->bin;
    r->out_octets += f->bout;
    r->tun_index = f->index;
    r->refreshes = f->refreshes;
    r->expired_sas = f->expired;
    if (f->created_ms && (!r->created_ms || f->created_ms < r->created_ms))
        r->created_ms = f->created_ms;
}

static int
cmp_flow(const void *a, const void *b)
{
    const struct rec_ipsec_sa *x = a, *y = b;
    int c = strcmp(x->ifname, y->ifname);

    if (c)
        return c;
    return x->peer < y->peer ? -1 : x->peer > y->peer ? 1 : 0;
}

static int
cmp_child_newest(const void *a, const void *b)
{
    const struct ipsec_child_sa *x = *(const struct ipsec_child_sa *const *)a;
    const struct ipsec_child_sa *y = *(const struct ipsec_child_sa *const *)b;

    return x->uniqueid < y->uniqueid ? 1 : x->uniqueid > y->uniqueid ? -1 : 0;
}

size_t
ipsec_rec_ipsec(const struct ipsec_rec_input *in, struct rec_ipsec_sa **out)
{
    const struct ipsec_sa_list *l = in->sas;
    const struct ipsec_child_sa **cv;
    struct rec_ipsec_sa *v;
    size_t n = 0, nc = 0, i, k;

    *out = NULL;
    if (!l || !l->nchild)
        return 0;
    v = calloc(l->nchild, sizeof(*v));
    cv = calloc(l->nchild, sizeof(*cv));
    if (!v || !cv)
        fatal("out of memory");
    for (i = 0; i < l->nchild; i++) {
        const struct ipsec_child_sa *c = &l->child[i];
        /* a CHILD SA an event ended is not counted again by a list that
         * started before the event (ipsec_tally.c) */
        if (ipsec_child_usable(c) && c->ike < l->nike && l->ike[c->ike].remote_addr &&
            !(in->tally && ipsec_tally_child_ended(in->tally, c->uniqueid)))
            cv[nc++] = c;
    }
    /* newest CHILD SA first, so each flow's first one is its current SA */
    qsort(cv, nc, sizeof(*cv), cmp_child_newest);
    for (i = 0; i < nc; i++) {
        const struct ipsec_ike_sa *ike = &l->ike[cv[i]->ike];
        struct rec_ipsec_sa *r = NULL;

        struct ipsec_flow_key key;

        ipsec_rec_flow_key(in, ike, cv[i], &key);
        for (k = 0; k < n && !r; k++)
            if (same_flow(&v[k], &key))
                r = &v[k];
        if (!r) {
            r = &v[n++];
            flow_init(in, r, key.ifname, ike, cv[i]);
        }
        flow_add_child(in, r, ike, cv[i]);
    }
    free(cv);
    for (k = 0; k < n; k++)
        with_tally(in->tally, &v[k]);
    qsort(v, n, sizeof(*v), cmp_flow);
    if (!n) {
        free(v);
        return 0;
    }
    *out = v;
    return n;
}
