/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The counts that outlive charon's SAs (ipsec_tally.h). Every complete SA
 * list is a generation: a CHILD SA or IKE SA not stamped with the newest one
 * has ended. A CHILD SA's counts are the highest charon reported for it, so
 * what moves from an SA to its flow and from a flow to the totals never
 * makes a sum fall. A deletion event ends a CHILD SA at once: its counts go
 * to its flow and it stays as a tombstone (flow NULL) that no list counts
 * again, until a list no longer has it; the records skip tombstones too, so
 * a list that started before the event cannot count the SA twice. A flow
 * whose last CHILD SA went that way has ended (clear, delete, DPD): a new SA
 * with the same selectors is a new tunnel, not a rekey of the old one.
 */
#include "daemons/ipsec/ipsec_tally.h"
#include "lib/log.h"
#include "lib/mem.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

struct tally_child {
    uint32_t uid;
    uint32_t gen;
    struct ipsec_tally_flow *flow; /* NULL: ended by an event (a tombstone) */
    uint64_t pin, pout, bin, bout;
};

struct tally_ike {
    uint32_t uid;
    uint32_t gen;
};

static uint64_t
flow_hash(const void *e)
{
    const struct ipsec_flow_key *k = &((const struct ipsec_tally_flow *)e)->key;

    return htab_hash_bytes(k->ifname, strlen(k->ifname)) ^
           htab_hash_u64((uint64_t)k->peer << 32 | k->rid) ^
           htab_hash_u64((uint64_t)k->lid << 16 | (uint64_t)k->lproto << 8 | k->rproto);
}

static int
flow_eq(const void *a, const void *b)
{
    return ipsec_flow_key_eq(&((const struct ipsec_tally_flow *)a)->key,
                             &((const struct ipsec_tally_flow *)b)->key);
}

/* struct tally_child and struct tally_ike both start with the uniqueid */
static uint64_t
uid_hash(const void *e)
{
    return htab_hash_u64(*(const uint32_t *)e);
}

static int
uid_eq(const void *a, const void *b)
{
    return *(const uint32_t *)a == *(const uint32_t *)b;
}

void
ipsec_tally_init(struct ipsec_tally *t)
{
    memset(t, 0, sizeof(*t));
    htab_init(&t->flows, flow_hash, flow_eq);
    htab_init(&t->children, uid_hash, uid_eq);
    htab_init(&t->ikes, uid_hash, uid_eq);
}

static void
free_all(struct htab *h)
{
    size_t it = 0;
    void *e;

    while ((e = htab_next(h, &it)))
        free(e);
    htab_fini(h);
}

void
ipsec_tally_free(struct ipsec_tally *t)
{
    free_all(&t->flows);
    free_all(&t->children);
    free_all(&t->ikes);
}

const struct ipsec_tally_flow *
ipsec_tally_flow(const struct ipsec_tally *t, const struct ipsec_flow_key *k)
{
    struct ipsec_tally_flow key;

    key.key = *k;
    return htab_find(&t->flows, &key);
}

static uint64_t
max64(uint64_t a, uint64_t b)
{
    return a > b ? a : b;
}

/* The tally's entry for CHILD SA c, made (with its flow) when new. */
static struct tally_child *
child_of(struct ipsec_tally *t, const struct ipsec_rec_input *in, const struct ipsec_ike_sa *ike,
         const struct ipsec_child_sa *c)
{
    struct tally_child *ch = htab_find(&t->children, &c->uniqueid);
    struct ipsec_tally_flow key, *f;

    if (ch)
        return ch;
    ipsec_rec_flow_key(in, ike, c, &key.key);
    f = htab_find(&t->flows, &key);
    if (f) {
        f->refreshes++; /* a new SA for a live flow: a rekey */
        if (f->born == t->gen && c->uniqueid && 2 * c->uniqueid - 1 < f->index) {
            /* first seen with several generations: it is the oldest's */
            f->index = 2 * c->uniqueid - 1;
            if (in->now_ms - c->install_time * 1000 < f->created_ms)
                f->created_ms = in->now_ms - c->install_time * 1000;
        }
    } else {
        f = mem_zalloc(sizeof(*f));
        f->key = key.key;
        /* IOS conn ids: CHILD uniqueid n is inbound 2n-1 (ipsec_records.h) */
        f->index = c->uniqueid ? 2 * c->uniqueid - 1 : 0;
        f->created_ms = in->now_ms - c->install_time * 1000;
        f->gen = f->born = t->gen;
        htab_put(&t->flows, f);
    }
    f->nkids++;
    ch = mem_zalloc(sizeof(*ch));
    ch->uid = c->uniqueid;
    ch->flow = f;
    ch->gen = t->gen;
    htab_put(&t->children, ch);
    return ch;
}

/* A flow's tunnel ended: its counts join the totals. */
static void
flow_end(struct ipsec_tally *t, struct ipsec_tally_flow *f)
{
    t->ipsec_previous++;
    t->pin += f->pin;
    t->pout += f->pout;
    t->bin += f->bin;
    t->bout += f->bout;
    free(f);
}

/* A CHILD SA left: its counts stay with its flow. */
static void
child_retire(struct ipsec_tally_flow *f, const struct tally_child *ch)
{
    f->pin += ch->pin;
    f->pout += ch->pout;
    f->bin += ch->bin;
    f->bout += ch->bout;
    f->nkids--;
}

static void
child_count(struct tally_child *ch, const struct ipsec_child_sa *c)
{
    if (!ch->flow)
        return; /* a tombstone counts no more */
    ch->pin = max64(ch->pin, c->packets_in);
    ch->pout = max64(ch->pout, c->packets_out);
    ch->bin = max64(ch->bin, c->bytes_in);
    ch->bout = max64(ch->bout, c->bytes_out);
}

/* The CHILD SAs the records count: installed, of an IPv4 peer. */
static bool
counted(const struct ipsec_sa_list *l, const struct ipsec_child_sa *c)
{
    return c->uniqueid && c->ike < l->nike && l->ike[c->ike].remote_addr && ipsec_child_usable(c);
}

void
ipsec_tally_final(struct ipsec_tally *t, const struct ipsec_rec_input *in)
{
    const struct ipsec_sa_list *l = in->sas;
    size_t i;

    for (i = 0; l && i < l->nchild; i++) {
        const struct ipsec_child_sa *c = &l->child[i];
        struct ipsec_tally_flow *f;
        struct tally_child *ch;
        /* an SA going down is no longer "installed": take any state */
        if (!c->uniqueid || c->ike >= l->nike || !l->ike[c->ike].remote_addr)
            continue;
        ch = child_of(t, in, &l->ike[c->ike], c);
        if (!ch->flow)
            continue; /* reported twice */
        child_count(ch, c);
        f = ch->flow;
        child_retire(f, ch);
        ch->flow = NULL;
        if (f->nkids) {
            f->expired += 2; /* one generation of a live flow */
        } else {
            htab_del(&t->flows, f);
            flow_end(t, f);
        }
    }
}

bool
ipsec_tally_child_ended(const struct ipsec_tally *t, uint32_t uid)
{
    const struct tally_child *ch = htab_find(&t->children, &uid);

    return ch && !ch->flow;
}

/* Entries of h whose gen is not the current one; the caller frees them. */
static void **
stale(struct htab *h, uint32_t gen, size_t genoff, size_t *n)
{
    void **v = calloc(h->count + 1, sizeof(*v)), *e;
    size_t it = 0;

    if (!v)
        fatal("out of memory");
    *n = 0;
    while ((e = htab_next(h, &it)))
        if (*(const uint32_t *)((const char *)e + genoff) != gen)
            v[(*n)++] = e;
    for (it = 0; it < *n; it++)
        htab_del(h, v[it]);
    return v;
}

static void
observe_children(struct ipsec_tally *t, const struct ipsec_rec_input *in)
{
    const struct ipsec_sa_list *l = in->sas;
    void **v;
    size_t i, n;

    for (i = 0; l && i < l->nchild; i++) {
        const struct ipsec_child_sa *c = &l->child[i];
        struct tally_child *ch;
        if (!counted(l, c))
            continue;
        ch = child_of(t, in, &l->ike[c->ike], c);
        ch->gen = t->gen;
        if (!ch->flow)
            continue; /* ended by an event; gone from a later list */
        child_count(ch, c);
        ch->flow->gen = t->gen;
    }
    /* CHILD SAs that left: their counts stay with their flow */
    v = stale(&t->children, t->gen, offsetof(struct tally_child, gen), &n);
    for (i = 0; i < n; i++) {
        struct tally_child *ch = v[i];
        if (ch->flow) {
            child_retire(ch->flow, ch);
            if (ch->flow->gen == t->gen)
                ch->flow->expired += 2; /* its inbound and outbound SA */
        }
        free(ch);
    }
    free(v);
    /* flows without a CHILD SA: the tunnel ended */
    v = stale(&t->flows, t->gen, offsetof(struct ipsec_tally_flow, gen), &n);
    for (i = 0; i < n; i++)
        flow_end(t, v[i]);
    free(v);
}

static void
observe_ikes(struct ipsec_tally *t, const struct ipsec_sa_list *l)
{
    void **v;
    size_t i, n;

    for (i = 0; l && i < l->nike; i++) {
        const struct ipsec_ike_sa *sa = &l->ike[i];
        struct tally_ike *k;
        /* IKEv1 only: these counts are cikeGlobalStats', whose tunnels are
         * IKEv1 phase 1 SAs (docs/snmp.md) */
        if (!sa->remote_addr || !sa->uniqueid || !ipsec_ike_usable(sa) || sa->version == 2)
            continue;
        k = htab_find(&t->ikes, &sa->uniqueid);
        if (!k) {
            k = mem_zalloc(sizeof(*k));
            k->uid = sa->uniqueid;
            htab_put(&t->ikes, k);
            if (sa->initiator)
                t->ike_initiated++;
        }
        k->gen = t->gen;
    }
    v = stale(&t->ikes, t->gen, offsetof(struct tally_ike, gen), &n);
    t->ike_previous += n;
    for (i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

void
ipsec_tally_observe(struct ipsec_tally *t, const struct ipsec_rec_input *in)
{
    t->gen++;
    observe_children(t, in);
    observe_ikes(t, in->sas);
}

void
ipsec_tally_global(const struct ipsec_tally *t, const struct rec_ipsec_sa *v, size_t n,
                   struct rec_crypto_global *g)
{
    size_t i;
    int c;

    memset(g, 0, sizeof(*g));
    g->ike_previous = t->ike_previous;
    g->ike_initiated = t->ike_initiated;
    g->ipsec_previous = t->ipsec_previous;
    g->ctr[REC_IPC_ENCAPS] = g->ctr[REC_IPC_ENCRYPT] = g->ctr[REC_IPC_DIGEST] = t->pout;
    g->ctr[REC_IPC_DECAPS] = g->ctr[REC_IPC_DECRYPT] = g->ctr[REC_IPC_VERIFY] = t->pin;
    g->in_octets = t->bin;
    g->out_octets = t->bout;
    for (i = 0; i < n; i++) {
        for (c = 0; c < REC_IPC_COUNT; c++)
            g->ctr[c] += v[i].ctr[c];
        g->in_octets += v[i].in_octets;
        g->out_octets += v[i].out_octets;
    }
}
