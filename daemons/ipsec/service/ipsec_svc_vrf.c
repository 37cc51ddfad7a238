/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The IPsec service as the host sees it: one charon per front-door VRF.
 * A charon's IKE sockets and its libipsec device live in the namespace its
 * packets leave from, so a node whose tunnels use several underlays (dual
 * cloud: `tunnel vrf INET1` and `tunnel vrf INET2`) runs one charon in
 * each and dmvpnd one VICI client per charon (ipsec_svc.c, ipsec_svc_*.c:
 * a struct ipsec_svc each). This file is the contract: a tunnel's events
 * and calls go to the charon of its `tunnel vrf`, shows gather the records
 * of every charon, clears go to all of them. With --vici alone there is
 * one charon and it takes everything, wherever it runs.
 */
#include "daemons/ipsec/service/ipsec_svc.h"
#include "daemons/ipsec/service/ipsec_svc_int.h"
#include "parsers/cfg.h"
#include "lib/mem.h"
#include "lib/rec.h"
#include "lib/rec_crypto.h"
#include "lib/req.h"

#include <stdlib.h>
#include <string.h>

/* a snapshot waiting for some charons' lists */
struct front_wait {
    uint64_t token;
    unsigned left;
};

struct ipsec_front {
    struct host *h;
    const struct cfg *cfg;
    struct ipsec_svc **inst; /* [0]: the global table's charon */
    size_t ninst;
    const char **own; /* the VRFs with a charon of their own */
    struct front_wait *wait;
    size_t nwait, capwait;
};

/* The charon that serves tunnel ifname: the one of its `tunnel vrf`. */
static struct ipsec_svc *
for_tunnel(struct ipsec_front *f, const char *ifname)
{
    const struct cfg_iface *ifp = f->cfg && ifname ? cfg_find_iface(f->cfg, ifname) : NULL;
    const char *vrf = ifp ? ifp->tun_vrf : NULL;
    size_t i;

    for (i = 0; i < f->ninst; i++)
        if (ipsec_xlate_in_scope(&f->inst[i]->xopts, vrf))
            return f->inst[i];
    return f->inst[0];
}

static struct front_wait *
wait_find(struct ipsec_front *f, uint64_t token)
{
    size_t i;

    for (i = 0; i < f->nwait; i++)
        if (f->wait[i].token == token)
            return &f->wait[i];
    return NULL;
}

/* One charon's part of a snapshot is ready; the host hears when the last
 * one is. Returns true when that was the last. */
static bool
wait_done(struct ipsec_front *f, uint64_t token)
{
    struct front_wait *w = wait_find(f, token);

    if (!w || --w->left > 0)
        return false;
    *w = f->wait[--f->nwait];
    return true;
}

static void
on_snap_done(void *arg, uint64_t token)
{
    struct ipsec_front *f = arg;

    if (wait_done(f, token))
        host_snapshot_ready(f->h, token);
}

static enum svc_apply
reconfigure(void *self, const struct cfg *old, const struct cfg *new_, const struct cfg_diff *diff)
{
    struct ipsec_front *f = self;
    size_t i;

    f->cfg = new_;
    for (i = 0; i < f->ninst; i++)
        mi_reconfigure(f->inst[i], old, new_, diff);
    return SVC_APPLIED;
}

static int
prepare(void *self, uint32_t kind, uint64_t token)
{
    struct ipsec_front *f = self;
    unsigned asked = 0;
    size_t i;

    if (f->nwait == f->capwait)
        f->wait = mem_grow(f->wait, &f->capwait, f->nwait, sizeof(*f->wait));
    /* one count held while asking: a charon answering at once cannot
     * release the snapshot before the others are asked */
    f->wait[f->nwait++] = (struct front_wait){.token = token, .left = 1};
    for (i = 0; i < f->ninst; i++)
        if (mi_prepare(f->inst[i], kind, token) > 0) {
            wait_find(f, token)->left++;
            asked++;
        }
    if (!wait_done(f, token))
        return 1;
    if (asked) /* every charon answered while being asked */
        host_snapshot_ready(f->h, token);
    return asked ? 1 : 0;
}

static void
global_add(struct rec_crypto_global *sum, const struct rec_crypto_global *g)
{
    size_t k;

    sum->ike_previous += g->ike_previous;
    sum->ike_initiated += g->ike_initiated;
    sum->ipsec_previous += g->ipsec_previous;
    for (k = 0; k < REC_IPC_COUNT; k++)
        sum->ctr[k] += g->ctr[k];
    sum->in_octets += g->in_octets;
    sum->out_octets += g->out_octets;
}

static long
snapshot(void *self, uint32_t kind, const char *filter, struct strbuf *out)
{
    struct ipsec_front *f = self;
    struct rec_crypto_global sum = {0};
    long total = 0;
    size_t i;

    /* the kinds read from the config alone: any charon answers them */
    if (!mi_crypto_kind(kind) || f->ninst == 1)
        return mi_snapshot(f->inst[0], kind, filter, out);
    for (i = 0; i < f->ninst; i++) {
        struct strbuf one;
        long n;
        sb_init(&one);
        n = mi_snapshot(f->inst[i], kind, filter, &one);
        if (n > 0 && kind == REC_CRYPTO_GLOBAL && one.len >= sizeof(sum)) {
            struct rec_crypto_global g;
            memcpy(&g, one.buf, sizeof(g));
            global_add(&sum, &g);
        } else if (n > 0) {
            sb_append(out, one.buf, one.len);
            total += n;
        }
        sb_free(&one);
    }
    if (kind == REC_CRYPTO_GLOBAL) {
        sb_append(out, &sum, sizeof(sum));
        total = 1;
    }
    return total;
}

static int
request(void *self, const struct req *r, struct strbuf *reply)
{
    struct ipsec_front *f = self;
    size_t i;
    int rc = 0;

    for (i = 0; i < f->ninst && rc == 0; i++)
        rc = mi_request(f->inst[i], r, reply);
    return rc;
}

static void
event(void *self, int type, const void *p)
{
    struct ipsec_front *f = self;
    const struct svc_peer *e = p;

    mi_event(for_tunnel(f, e->ifname), type, p);
}

static int
call(void *self, int type, const void *in, void *out)
{
    struct ipsec_front *f = self;
    const struct svc_peer *q = in;
    size_t i;

    if (type != SVC_CALL_IPSEC_ENABLED)
        return mi_call(for_tunnel(f, q ? q->ifname : NULL), type, in, out);
    /* a tunnel whose underlay has no charon is not enforced (its
     * charon's part logs it), even when another VRF's charon runs. The
     * data plane applies a config before this service sees it (the host
     * goes in registration order): a tunnel not known yet gets the answer
     * for any charon */
    if (q && q->ifname && f->cfg && cfg_find_iface(f->cfg, q->ifname)) {
        *(bool *)out = for_tunnel(f, q->ifname)->v != NULL;
        return 0;
    }
    *(bool *)out = false;
    for (i = 0; i < f->ninst; i++)
        *(bool *)out = *(bool *)out || f->inst[i]->v != NULL;
    return 0;
}

static void
fini(void *self)
{
    struct ipsec_front *f = self;
    size_t i;

    for (i = 0; i < f->ninst; i++)
        mi_fini(f->inst[i]);
    for (i = 0; i + 1 < f->ninst; i++)
        free((char *)f->own[i]);
    free(f->inst);
    free(f->own);
    free(f->wait);
    free(f);
}

static const uint32_t kinds[] = {
    REC_IKE_SA,         REC_IPSEC_SA,     REC_CRYPTO_SESSION, REC_CRYPTO_GLOBAL, REC_IKEV2_SA,
    REC_IKEV2_PROPOSAL, REC_IKEV2_POLICY, REC_IPSEC_PROFILE,  REC_CRYPTO_SOCKET, 0};
static const uint16_t consumes[] = {SVC_EV_PROTECT, SVC_EV_RELEASE, 0};
static const uint16_t emits[] = {SVC_EV_SA_STATE, 0};
static const uint16_t answers[] = {SVC_CALL_SA_LEVEL, SVC_CALL_IPSEC_ENABLED, 0};
/* clear crypto session [peer A.B.C.D] | clear crypto isakmp | clear crypto sa |
 * clear crypto ikev2 sa */
static const uint32_t req_ids[] = {REQ_CLEAR_CRYPTO_SESSION, REQ_CLEAR_CRYPTO_ISAKMP,
                                   REQ_CLEAR_CRYPTO_SA, REQ_CLEAR_CRYPTO_IKEV2_SA, 0};

const struct service ipsec_service = {
    .name = "ipsec",
    .rec_kinds = kinds,
    .consumes = consumes,
    .emits = emits,
    .answers = answers,
    .reconfigure = reconfigure,
    .snapshot = snapshot,
    .prepare = prepare,
    .req_ids = req_ids,
    .request = request,
    .event = event,
    .call = call,
    .fini = fini,
};

void
ipsec_svc_register(struct host *h, const char *vici_path, const struct ipsec_svc_charon *vrfs,
                   size_t nvrfs, bool kernel_esp)
{
    struct ipsec_front *f = mem_zalloc(sizeof(*f));
    size_t i;

    f->h = h;
    f->ninst = 1 + nvrfs;
    f->inst = mem_zalloc(f->ninst * sizeof(*f->inst));
    f->own = mem_zalloc((nvrfs + 1) * sizeof(*f->own));
    for (i = 0; i < nvrfs; i++)
        f->own[i] = mem_strdup(vrfs[i].vrf);
    f->inst[0] = mi_new(h, vici_path, kernel_esp, NULL, on_snap_done, f);
    if (nvrfs) {
        f->inst[0]->xopts.scoped = true;
        f->inst[0]->xopts.own = f->own;
        f->inst[0]->xopts.nown = nvrfs;
    }
    for (i = 0; i < nvrfs; i++) {
        f->inst[1 + i] = mi_new(h, vrfs[i].vici_path, kernel_esp, vrfs[i].vrf, on_snap_done, f);
        f->inst[1 + i]->xopts.scoped = true;
    }
    host_register(h, &ipsec_service, f);
}
