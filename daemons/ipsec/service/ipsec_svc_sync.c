/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The IOS crypto config kept in step in charon: the objects the config
 * translates to (ipsec_xlate_config; on every change only what changed is
 * loaded and what went is unloaded; after a charon restart everything is
 * loaded again), per-peer connections for peers NHRP learns at run time
 * (ipsec_xlate_peer), and the protected tunnels and connections the show
 * records need.
 */
#include "daemons/ipsec/service/ipsec_svc_int.h"
#include "daemons/ipsec/ipsec_cmds.h"
#include "daemons/ipsec/ikev2_records.h"
#include "daemons/ipsec/service/ipsec_svc.h"
#include "parsers/cfg.h"
#include "parsers/diff.h"
#include "lib/evloop.h"
#include "lib/mem.h"
#include "lib/inet.h"
#include "lib/rec.h"
#include "lib/req.h"
#include "lib/vici.h"

#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- charon objects ---- */

static struct mi_loaded *
loaded_find(struct ipsec_svc *m, const char *name, bool conn)
{
    size_t i;

    for (i = 0; i < m->nloaded; i++)
        if (m->loaded[i].conn == conn && !strcmp(m->loaded[i].name, name))
            return &m->loaded[i];
    return NULL;
}

struct load_ctx {
    struct ipsec_svc *m;
    char name[IPSEC_NAME_LEN];
    const char *what;
};

static void
load_done(void *arg, enum ipsec_vici_status st, const struct vici_msg *reply)
{
    struct load_ctx *c = arg;
    char err[256];

    if (st == IPSEC_VICI_OK && ipsec_reply_ok(reply, err, sizeof(err))) {
        free(c);
        return;
    }
    if (st != IPSEC_VICI_OK)
        snprintf(err, sizeof(err), "%s", ipsec_vici_status_name(st));
    if (!strcmp(c->what, "terminate")) {
        /* nothing to terminate is the usual answer: we also terminate by
         * name in case an SA was being negotiated */
        log_debug("ipsec: %s %s: %s", c->what, c->name, err);
    } else if (st != IPSEC_VICI_CANCELLED && st != IPSEC_VICI_DISCONNECTED) {
        c->m->cnt.load_failures++;
        log_err("ipsec: %s %s: %s", c->what, c->name, err);
    }
    free(c);
}

/* Sends a command whose outcome is only logged; req is freed when own. */
static void
submit(struct ipsec_svc *m, const char *cmd, const char *name, struct vici_msg *req, bool own)
{
    struct load_ctx *c = calloc(1, sizeof(*c));
    int rc;

    if (!c)
        fatal("out of memory");
    c->m = m;
    c->what = cmd;
    snprintf(c->name, sizeof(c->name), "%s", name);
    rc = ipsec_vici_submit(m->v, cmd, req, 0, NULL, load_done, c);
    if (own)
        vici_msg_free(req);
    if (rc < 0) {
        log_warn("ipsec: %s %s: not sent (%d)", cmd, name, rc);
        free(c);
    }
}

/* A load-key request: the translator's message plus the key file's
 * content (PATH.der, else PATH.pem), read now so a key replaced on disk is
 * loaded at the next sync. NULL (logged) when neither can be read. */
static struct vici_msg *
key_msg(const struct ipsec_shared *s)
{
    static const char *const ext[] = {".der", ".pem"};
    char path[1100], err[128] = "";
    struct vici_msg *k;
    size_t i;

    for (i = 0; i < 2; i++) {
        struct strbuf data;
        FILE *f;
        size_t n;
        char buf[4096];
        snprintf(path, sizeof(path), "%s%s", s->keyfile, ext[i]);
        if (!(f = fopen(path, "rb"))) {
            snprintf(err, sizeof(err), "%m");
            continue;
        }
        sb_init(&data);
        while ((n = fread(buf, 1, sizeof(buf), f)) > 0 && data.len < VICI_VALUE_MAX)
            sb_append(&data, buf, n);
        fclose(f);
        k = vici_msg_new();
        vici_msg_kv(k, "type", vici_msg_str(s->msg, "type") ? vici_msg_str(s->msg, "type") : "any");
        vici_msg_kv_blob(k, "data", data.buf, data.len);
        sb_free(&data);
        return k;
    }
    log_err("ipsec: %s: no key file %s.der or %s.pem (%s)", s->id, s->keyfile, s->keyfile, err);
    return NULL;
}

static void
want(struct ipsec_svc *m, const char *name, bool conn, const char *cmd, const struct vici_msg *msg)
{
    struct mi_loaded *l = loaded_find(m, name, conn);
    struct strbuf sb;

    sb_init(&sb);
    if (vici_msg_encode(msg, &sb) < 0) {
        sb_free(&sb);
        return; /* the translator reported it */
    }
    if (l && l->bytes.len == sb.len && !memcmp(l->bytes.buf, sb.buf, sb.len)) {
        l->mark = true;
        sb_free(&sb);
        return;
    }
    if (!l) {
        m->loaded = mem_grow(m->loaded, &m->caploaded, m->nloaded, sizeof(*m->loaded));
        l = &m->loaded[m->nloaded++];
        memset(l, 0, sizeof(*l));
        snprintf(l->name, sizeof(l->name), "%s", name);
        l->conn = conn;
    } else {
        sb_free(&l->bytes);
    }
    l->bytes = sb;
    l->mark = true;
    l->cmd = cmd;
    m->cnt.loads++;
    submit(m, conn ? "load-conn" : cmd ? cmd : "load-shared", name, (struct vici_msg *)msg, false);
}

/* A credential of the translation: its command goes with it. */
static void
want_cred(struct ipsec_svc *m, const struct ipsec_shared *s)
{
    struct vici_msg *k = s->keyfile ? key_msg(s) : NULL;
    struct mi_loaded *l;

    if (s->keyfile && !k) {
        if ((l = loaded_find(m, s->id, false)) != NULL)
            l->mark = true; /* keep what charon has */
        return;
    }
    want(m, s->id, false, s->cmd, k ? k : s->msg);
    vici_msg_free(k);
}

void
mi_sync(struct ipsec_svc *m)
{
    size_t i;

    if (!m->charon_up)
        return;
    for (i = 0; i < m->nloaded; i++)
        m->loaded[i].mark = false;
    for (i = 0; i < m->x.nshared; i++)
        want_cred(m, &m->x.shared[i]);
    for (i = 0; i < m->x.nconns; i++)
        want(m, m->x.conns[i].name, true, NULL, m->x.conns[i].msg);
    for (i = 0; i < m->ndyn; i++)
        if (m->dyn[i].x.nconns)
            want(m, m->dyn[i].x.conns[0].name, true, NULL, m->dyn[i].x.conns[0].msg);
    for (i = 0; i < m->nloaded;) {
        struct mi_loaded *l = &m->loaded[i];
        if (l->mark) {
            i++;
            continue;
        }
        m->cnt.unloads++;
        if (l->conn) {
            /* its SAs go with it, as when IOS loses tunnel protection */
            submit(m, "terminate", l->name, ipsec_cmd_terminate_ike(l->name, 0, true, -1), true);
            submit(m, "unload-conn", l->name, ipsec_cmd_unload_conn(l->name), true);
        } else if (!l->cmd || !strcmp(l->cmd, "load-shared")) {
            submit(m, "unload-shared", l->name, ipsec_cmd_unload_shared(l->name), true);
        } /* certificates and keys: charon has no unload for them by our id */
        sb_free(&l->bytes);
        m->loaded[i] = m->loaded[--m->nloaded];
    }
}

void
mi_loaded_clear(struct ipsec_svc *m)
{
    size_t i;

    for (i = 0; i < m->nloaded; i++)
        sb_free(&m->loaded[i].bytes);
    m->nloaded = 0;
}

/* What the show records need of a connection, read back from its message. */
static void
rconn_add(struct ipsec_svc *m, const char *ifname, const struct ipsec_conn *c)
{
    const struct vici_node *sec = vici_node_first(vici_msg_root(c->msg)), *ch;
    struct ipsec_rec_conn *r;
    const struct cfg_ikev2_profile *pf;
    uint64_t reauth = 0, rekey = 0, over = 0, bytes = 0, life = 0;

    m->rconns = mem_grow(m->rconns, &m->caprconns, m->nrconns, sizeof(*m->rconns));
    r = &m->rconns[m->nrconns++];
    memset(r, 0, sizeof(*r));
    snprintf(r->name, sizeof(r->name), "%s", c->name);
    snprintf(r->ifname, sizeof(r->ifname), "%s", ifname);
    /* IOS shows the profile's dpd as configured (charon has no retry count) */
    if ((pf = ipsec_rec_v2_profile(m->cfg, ifname)) != NULL) {
        r->dpd_s = pf->dpd_interval;
        r->dpd_retry = pf->dpd_retry;
    }
    if (!sec)
        return;
    vici_node_u64(sec, "reauth_time", &reauth);
    vici_node_u64(sec, "rekey_time", &rekey);
    vici_node_u64(sec, "over_time", &over);
    /* IKEv1 connections reauthenticate, IKEv2 ones rekey (translate_ikev2.c):
     * either way the IOS lifetime is that time plus charon's margin */
    r->ike_life = (uint32_t)((reauth ? reauth : rekey) + over);
    r->dpd = vici_node_get(sec, "dpd_delay") != NULL;
    ch = vici_node_get(sec, "local");
    r->sign_rsa = ch && vici_node_str(ch, "auth") && !strcmp(vici_node_str(ch, "auth"), "pubkey");
    ch = vici_node_get(sec, "remote");
    r->verify_rsa = ch && vici_node_str(ch, "auth") && !strcmp(vici_node_str(ch, "auth"), "pubkey");
    ch = vici_node_get(sec, "children");
    ch = ch ? vici_node_first(ch) : NULL;
    if (ch && vici_node_u64(ch, "life_bytes", &bytes))
        r->life_kb = bytes / 1024u;
    if (ch && vici_node_u64(ch, "replay_window", &bytes)) {
        r->replay_window = (uint32_t)bytes;
        r->replay_off = bytes == 0;
    }
    if (ch && vici_node_u64(ch, "life_time", &life))
        r->life_s = (uint32_t)life;
}

void
mi_rconns_rebuild(struct ipsec_svc *m)
{
    size_t i;

    m->nrconns = 0;
    for (i = 0; i < m->x.nconns; i++)
        rconn_add(m, m->x.conns[i].ifname, &m->x.conns[i]);
    for (i = 0; i < m->ndyn; i++)
        if (m->dyn[i].x.nconns)
            rconn_add(m, m->dyn[i].ifname, &m->dyn[i].x.conns[0]);
}

void
mi_log_notes(const struct ipsec_xlate *x)
{
    size_t i;

    for (i = 0; i < x->nnotes; i++) {
        const struct ipsec_note *n = &x->notes[i];
        if (n->kind == IPSEC_NOTE_ERROR)
            log_err("ipsec: %s: %s", n->where, n->text);
        else if (n->kind == IPSEC_NOTE_UNSUPPORTED)
            log_warn("ipsec: %s: %s", n->where, n->text);
        else
            log_info("ipsec: %s: %s (%s)", n->where, n->text, ipsec_note_kind_name(n->kind));
    }
}

int
mi_peer_conn(struct ipsec_svc *m, const char *ifname, uint32_t nbma, char *name, size_t sz,
             bool *may_initiate)
{
    struct mi_dyn *d;
    size_t i;

    ipsec_conn_name(name, sz, ifname, nbma);
    for (i = 0; i < m->x.nconns; i++)
        if (!strcmp(m->x.conns[i].name, name)) {
            *may_initiate = m->x.conns[i].initiate;
            return 0;
        }
    for (i = 0; i < m->ndyn; i++)
        if (m->dyn[i].nbma == nbma && !strcmp(m->dyn[i].ifname, ifname)) {
            *may_initiate = m->dyn[i].x.nconns && m->dyn[i].x.conns[0].initiate;
            return m->dyn[i].x.nconns ? 0 : -1;
        }
    if (!m->cfg)
        return -1;
    m->dyn = mem_grow(m->dyn, &m->capdyn, m->ndyn, sizeof(*m->dyn));
    d = &m->dyn[m->ndyn];
    memset(d, 0, sizeof(*d));
    snprintf(d->ifname, sizeof(d->ifname), "%s", ifname);
    d->nbma = nbma;
    if (ipsec_xlate_peer(m->cfg, &m->xopts, ifname, nbma, &d->x) < 0 || !d->x.nconns) {
        mi_log_notes(&d->x);
        ipsec_xlate_free(&d->x);
        return -1;
    }
    m->ndyn++;
    rconn_add(m, ifname, &d->x.conns[0]);
    mi_sync(m);
    *may_initiate = d->x.conns[0].initiate;
    return 0;
}

void
mi_dyn_drop(struct ipsec_svc *m, const char *ifname, uint32_t nbma)
{
    size_t i;

    for (i = 0; i < m->ndyn; i++)
        if (m->dyn[i].nbma == nbma && !strcmp(m->dyn[i].ifname, ifname)) {
            ipsec_xlate_free(&m->dyn[i].x);
            m->dyn[i] = m->dyn[--m->ndyn];
            mi_rconns_rebuild(m);
            mi_sync(m);
            return;
        }
}

/* ---- the tunnels (show records and which tunnels are protected) ---- */

static const struct cfg_iface *
iface_with_addr(const struct cfg *c, uint32_t a)
{
    size_t i;

    for (i = 0; i < c->nifs; i++)
        if (!cfg_iface_is_tunnel(&c->ifs[i]) && c->ifs[i].has_addr && c->ifs[i].addr.addr == a)
            return &c->ifs[i];
    return NULL;
}

void
mi_tunnels(struct ipsec_svc *m, const struct cfg *c)
{
    size_t i, n = 0;

    free(m->rifs);
    m->rifs = calloc(c->nifs + 1, sizeof(*m->rifs));
    if (!m->rifs)
        fatal("out of memory");
    for (i = 0; i < c->nifs; i++) {
        const struct cfg_iface *ifp = &c->ifs[i], *src = NULL;
        struct ipsec_rec_if *r;
        if (!cfg_iface_is_tunnel(ifp) || !ifp->tun_protection ||
            !ipsec_xlate_in_scope(&m->xopts, ifp->tun_vrf))
            continue;
        r = &m->rifs[n++];
        snprintf(r->ifname, sizeof(r->ifname), "%s", ifp->name);
        snprintf(r->fvrf, sizeof(r->fvrf), "%s", ifp->tun_vrf ? ifp->tun_vrf : "");
        snprintf(r->ivrf, sizeof(r->ivrf), "%s", ifp->vrf ? ifp->vrf : "");
        if (ifp->tun_src_if)
            src = cfg_find_iface(c, ifp->tun_src_if);
        else if (ifp->has_tun_src_ip)
            src = iface_with_addr(c, ifp->tun_src_ip);
        if (src) {
            snprintf(r->idb, sizeof(r->idb), "%s", src->name);
            r->ip_mtu = src->ip_mtu;
            if (src->has_addr)
                r->local = src->addr.addr;
        }
        if (ifp->has_tun_src_ip)
            r->local = ifp->tun_src_ip;
    }
    m->nrifs = n;
}

void
mi_rec_input(struct ipsec_svc *m, struct ipsec_rec_input *in, struct ipsec_rec_peer **peers)
{
    size_t it = 0, n = 0;
    struct ipsec_peer *p;

    memset(in, 0, sizeof(*in));
    in->sas = &m->cache;
    in->now_ms = m->cache_at ? m->cache_at : mi_now(m);
    in->conns = m->rconns;
    in->nconns = m->nrconns;
    in->ifs = m->rifs;
    in->nifs = m->nrifs;
    in->tally = &m->tally;
    *peers = calloc(m->peers.count + 1, sizeof(**peers));
    if (!*peers)
        fatal("out of memory");
    /* peers NHRP wants or charon was working on: a DOWN session when no SA */
    while ((p = htab_next(&m->peers, &it)))
        if (p->want || p->restore || p->st != IPSEC_PEER_IDLE) {
            snprintf((*peers)[n].ifname, sizeof((*peers)[n].ifname), "%s", p->ifname);
            (*peers)[n++].peer = p->nbma;
        }
    in->peers = *peers;
    in->npeers = n;
}
