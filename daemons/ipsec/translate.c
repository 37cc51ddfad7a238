/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * IOS crypto model -> charon load-shared / load-conn (translate.h).
 *
 * IKE: IKEv1 main mode with pre-shared keys; every `crypto isakmp policy`
 * with `authentication pre-share` becomes one proposal, in priority order,
 * as IOS offers its policies. strongSwan keeps one IKE lifetime per
 * connection and puts reauth_time + over_time on the wire as the IKEv1 SA
 * lifetime (strongSwan ikev1/tasks/main_mode.c), so the IOS lifetime L is
 * split 90/10 between them. CHILD: one ESP proposal per transform set of
 * the profile, with the PFS group appended; IOS lifetimes (default 3600 s,
 * 4608000 KB) become life_time/life_bytes with rekeying at 90%. Selectors
 * are host-to-host GRE (local_ts A/32[gre], remote_ts B/32[gre]) as IOS
 * tunnel protection uses. charon never starts or restarts SAs by itself
 * (start_action/close_action none): the daemon initiates per peer when NHRP
 * needs the peer, and never for responder-only profiles.
 * The pre-shared keys (crypto isakmp key, crypto keyring) and the ISAKMP
 * profile that picks among them are translate_psk.c's.
 * A tunnel whose profile names an ikev2 profile gets the same connections
 * with the IKE side of translate_ikev2.c (version 2, its proposals, ids and
 * keyring keys); the CHILD side is the same.
 */
#include "daemons/ipsec/translate.h"
#include "daemons/ipsec/translate_int.h"
#include "daemons/ipsec/proposals.h"
#include "lib/inet.h"
#include "lib/log.h"
#include "lib/strbuf.h"
#include "lib/vici.h"
#include "parsers/cfg.h"
#include "lib/mem.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_PEERS   64
#define IOS_SA_LIFE 3600u
#define IOS_SA_KB   4608000u

/* Records a note once: several tunnels share policies, keys and profiles. */
void
xlate_note(struct xctx *x, enum ipsec_note_kind k, const char *where, const char *fmt, ...)
{
    struct ipsec_xlate *o = x->x;
    struct strbuf sb;
    va_list ap;
    size_t i;

    if (x->quiet && k != IPSEC_NOTE_ERROR)
        return;
    sb_init(&sb);
    va_start(ap, fmt);
    sb_vprintf(&sb, fmt, ap);
    va_end(ap);
    for (i = 0; i < o->nnotes; i++)
        if (o->notes[i].kind == k && !strcmp(o->notes[i].where, where) &&
            !strcmp(o->notes[i].text, sb.buf)) {
            sb_free(&sb);
            return;
        }
    if (k == IPSEC_NOTE_ERROR)
        x->errors++;
    o->notes = mem_grow(o->notes, &o->capnotes, o->nnotes, sizeof(*o->notes));
    o->notes[o->nnotes++] = (struct ipsec_note){k, mem_strdup(where), sb_steal(&sb)};
    sb_free(&sb);
}

void
ipsec_conn_name(char *buf, size_t sz, const char *ifname, uint32_t peer)
{
    char a[INET_ADDRSTRLEN_];

    if (peer)
        snprintf(buf, sz, "%s-%s", ifname, inet_fmt4(peer, a));
    else
        snprintf(buf, sz, "%s-any", ifname);
}

const char *
ipsec_note_kind_name(enum ipsec_note_kind k)
{
    static const char *const n[] = {"translated", "unsupported", "ignored", "error"};

    return (unsigned)k < 4 ? n[k] : "?";
}

/* ---- IKE ---- */

static int
cmp_policy(const void *a, const void *b)
{
    const struct cfg_isakmp_policy *p = *(const struct cfg_isakmp_policy *const *)a;
    const struct cfg_isakmp_policy *q = *(const struct cfg_isakmp_policy *const *)b;

    return p->priority < q->priority ? -1 : p->priority > q->priority;
}

static bool
ike_props(struct xctx *x, struct ike_props *ip)
{
    const struct cfg *c = x->c;
    const struct cfg_isakmp_policy **v;
    const struct cfg_isakmp_keepalive *ka = &c->isakmp_keepalive;
    char where[64];
    size_t i;

    memset(ip, 0, sizeof(*ip));
    ip->version = 1;
    v = calloc(c->npols + 1, sizeof(*v));
    if (!v)
        fatal("out of memory");
    for (i = 0; i < c->npols; i++)
        v[i] = &c->pols[i];
    qsort(v, c->npols, sizeof(*v), cmp_policy);
    for (i = 0; i < c->npols; i++) {
        const struct cfg_isakmp_policy *p = v[i];
        const char *dh = ipsec_dh_name(p->group);

        snprintf(where, sizeof(where), "crypto isakmp policy %u", p->priority);
        if (p->auth != AUTH_PRE_SHARE) {
            xlate_note(x, IPSEC_NOTE_UNSUPPORTED, where,
                       "authentication other than pre-share: policy not offered");
            continue;
        }
        if (!dh) {
            xlate_note(x, IPSEC_NOTE_UNSUPPORTED, where, "group %u: policy not offered", p->group);
            continue;
        }
        if (ip->n == MAX_IKE_PROPS) {
            xlate_note(x, IPSEC_NOTE_UNSUPPORTED, where, "more than %d policies: not offered",
                       MAX_IKE_PROPS);
            continue;
        }
        snprintf(ip->prop[ip->n], sizeof(ip->prop[0]), "%s-%s-%s",
                 ipsec_ike_encr(p->encr, p->aes_bits), ipsec_ike_hash(p->hash), dh);
        xlate_note(x, IPSEC_NOTE_TRANSLATED, where, "IKEv1 main mode proposal %s", ip->prop[ip->n]);
        if (ip->n == 0)
            ip->lifetime = p->lifetime ? p->lifetime : IOS_IKE_LIFE;
        else if ((p->lifetime ? p->lifetime : IOS_IKE_LIFE) != ip->lifetime)
            xlate_note(x, IPSEC_NOTE_TRANSLATED, where,
                       "lifetime %u: strongSwan has one IKE lifetime per connection, %u s used",
                       p->lifetime, ip->lifetime);
        ip->n++;
    }
    free(v);
    if (ka->set) {
        uint32_t retry = ka->retry ? ka->retry : 2;
        ip->dpd_delay = ka->secs;
        /* IOS declares a peer dead after 5 unanswered R-U-THERE retries. */
        ip->dpd_timeout = ka->secs + 5 * retry;
        xlate_note(x, IPSEC_NOTE_TRANSLATED, "crypto isakmp keepalive",
                   "dpd_delay %u s, dpd_timeout %u s%s", ip->dpd_delay, ip->dpd_timeout,
                   ka->mode == 1 ? ""
                                 : " (charon probes only when the peer is idle, like on-demand)");
    }
    return ip->n > 0;
}

/* ---- CHILD ---- */

static bool
child_props(struct xctx *x, const struct cfg_ipsec_profile *p, struct child_props *cp)
{
    char where[300];
    const char *dh = NULL;
    bool mode_set = false;
    size_t i;

    memset(cp, 0, sizeof(*cp));
    snprintf(where, sizeof(where), "crypto ipsec profile %s", p->name);
    if (p->pfs) {
        uint32_t g = p->pfs_group ? p->pfs_group : 1; /* IOS: `set pfs` alone is group1 */
        dh = ipsec_dh_name(g);
        if (!dh)
            xlate_note(x, IPSEC_NOTE_ERROR, where, "set pfs group%u: no strongSwan equivalent", g);
        else
            xlate_note(x, IPSEC_NOTE_TRANSLATED, where,
                       "set pfs group%u: -%s on every ESP proposal", g, dh);
        if (!dh)
            return false;
    }
    for (i = 0; i < p->ntsets; i++) {
        const struct cfg_tset *t = cfg_find_tset(x->c, p->tsets[i]);
        struct ipsec_tset_props tp;
        char tw[300];
        int k;

        snprintf(tw, sizeof(tw), "crypto ipsec transform-set %s", p->tsets[i]);
        if (!t) {
            xlate_note(x, IPSEC_NOTE_ERROR, where, "transform-set %s does not exist", p->tsets[i]);
            continue;
        }
        ipsec_tset_props(t, dh, &tp);
        for (k = 0; k < tp.ndropped; k++)
            xlate_note(x, IPSEC_NOTE_UNSUPPORTED, tw, "%s: no strongSwan equivalent",
                       tp.dropped[k]);
        if (tp.comp)
            xlate_note(x, IPSEC_NOTE_IGNORED, tw,
                       "comp-lzs: strongSwan compresses with deflate only");
        if (tp.ah[0] && !x->o->kernel_ipsec) {
            xlate_note(x, IPSEC_NOTE_UNSUPPORTED, tw, "AH: kernel-libipsec does ESP only");
            tp.ah[0] = '\0';
        }
        if (tp.ah[0] && tp.esp[0]) {
            xlate_note(x, IPSEC_NOTE_UNSUPPORTED, tw,
                       "AH+ESP bundle: strongSwan negotiates ESP only");
            tp.ah[0] = '\0';
        }
        if (tp.esp[0] && cp->nesp < MAX_CHILD_PROPS) {
            snprintf(cp->esp[cp->nesp++], sizeof(cp->esp[0]), "%s", tp.esp);
            xlate_note(x, IPSEC_NOTE_TRANSLATED, tw, "in profile %s: ESP proposal %s", p->name,
                       tp.esp);
        } else if (tp.ah[0] && cp->nah < MAX_CHILD_PROPS) {
            snprintf(cp->ah[cp->nah++], sizeof(cp->ah[0]), "%s", tp.ah);
            xlate_note(x, IPSEC_NOTE_TRANSLATED, tw, "in profile %s: AH proposal %s", p->name,
                       tp.ah);
        } else {
            xlate_note(x, IPSEC_NOTE_ERROR, tw, "no usable transform");
            continue;
        }
        if (mode_set && t->transport != cp->transport)
            xlate_note(x, IPSEC_NOTE_TRANSLATED, tw,
                       "mode differs from the first transform-set: strongSwan has one mode per "
                       "CHILD_SA, the first one's is used");
        if (mode_set)
            continue;
        mode_set = true;
        cp->transport = t->transport;
        if (t->transport && !x->o->kernel_ipsec) {
            cp->transport = false;
            xlate_note(x, IPSEC_NOTE_TRANSLATED, tw,
                       "mode transport%s: tunnel mode with host-to-host GRE selectors "
                       "(kernel-libipsec does tunnel mode only; IOS accepts it from peers)",
                       t->transport_require ? " require" : "");
        }
    }
    if (!cp->nesp && !cp->nah) {
        xlate_note(x, IPSEC_NOTE_ERROR, where, "no usable transform-set");
        return false;
    }
    /* The profile's lifetimes, else the global ones, else IOS's defaults. */
    cp->life = p->lifetime_secs           ? p->lifetime_secs
               : x->c->ipsec_sa_life_secs ? x->c->ipsec_sa_life_secs
                                          : IOS_SA_LIFE;
    cp->rekey = cp->life - cp->life / 10;
    if (p->lifetime_kb_disable || (!p->lifetime_kb && x->c->ipsec_sa_life_kb_disable)) {
        xlate_note(x, IPSEC_NOTE_TRANSLATED, where, "kilobytes disable: no volume lifetime");
    } else {
        uint64_t kb = p->lifetime_kb ? p->lifetime_kb : x->c->ipsec_sa_life_kb;
        cp->life_bytes = (kb ? kb : IOS_SA_KB) * 1024u;
        cp->rekey_bytes = cp->life_bytes - cp->life_bytes / 10;
    }
    /* RFC 4303 3.4.3: the receiver's anti-replay window; charon's default
     * (32) differs from IOS's (64), so IOS's is always stated. */
    cp->replay_window = x->c->ipsec_replay_disable  ? 0
                        : x->c->ipsec_replay_window ? x->c->ipsec_replay_window
                                                    : 64;
    cp->responder_only = p->responder_only;
    return true;
}

/* ---- load-conn ---- */

static void
addr_or_any(char *buf, uint32_t a)
{
    if (a)
        inet_fmt4(a, buf);
    else
        strcpy(buf, "%any");
}

static void
add_conn(struct xctx *x, const struct cfg_iface *ifp, uint32_t local, uint32_t peer,
         const struct ike_props *ip, const struct child_props *cp)
{
    const char *ifname = ifp->name;
    struct ipsec_xlate *o = x->x;
    char name[128], la[INET_ADDRSTRLEN_ + 8], ra[INET_ADDRSTRLEN_ + 8], rid[300], lid[300];
    struct vici_msg *m = vici_msg_new();
    size_t i;

    ipsec_conn_name(name, sizeof(name), ifname, peer);
    addr_or_any(la, local);
    addr_or_any(ra, peer);
    lid[0] = '\0';
    if (ip->version == 2)
        xlate_v2_ids(ip, peer, lid, sizeof(lid), rid, sizeof(rid));
    else
        xlate_v1_remote_id(x->c, ifp, peer, rid, sizeof(rid));
    vici_msg_section_begin(m, name);
    vici_msg_kvf(m, "version", "%d", ip->version);
    if (ip->version == 1)
        vici_msg_kv(m, "aggressive", "no");
    vici_msg_list_begin(m, "local_addrs");
    vici_msg_list_item(m, la);
    vici_msg_list_end(m);
    vici_msg_list_begin(m, "remote_addrs");
    if (peer || !ip->nscope)
        vici_msg_list_item(m, ra);
    for (i = 0; !peer && i < ip->nscope; i++)
        vici_msg_list_item(m, ip->scope[i]);
    vici_msg_list_end(m);
    vici_msg_list_begin(m, "proposals");
    for (i = 0; i < ip->n; i++)
        vici_msg_list_item(m, ip->prop[i]);
    vici_msg_list_end(m);
    /* IKEv2 rekeys its IKE SA in place as IOS does; IKEv1 can only
     * re-authenticate (see the top of this file) */
    vici_msg_kvf(m, ip->version == 2 ? "rekey_time" : "reauth_time", "%u",
                 ip->lifetime - ip->lifetime / 10);
    vici_msg_kvf(m, "over_time", "%u", ip->lifetime / 10);
    if (ip->dpd_delay)
        vici_msg_kvf(m, "dpd_delay", "%u", ip->dpd_delay);
    if (ip->dpd_delay && ip->dpd_timeout)
        vici_msg_kvf(m, "dpd_timeout", "%u", ip->dpd_timeout);
    /* IOS DMVPN peers stay on their NBMA address; MOBIKE would move the
     * SA off the GRE selectors */
    if (ip->version == 2)
        vici_msg_kv(m, "mobike", "no");
    /* with certificates, ours goes in every IKE_AUTH and we ask for the
     * peer's (IOS does both); charon's default sends one only if asked */
    if (ip->v2 && ip->v2->auth_local == V2A_RSA_SIG)
        vici_msg_kv(m, "send_cert", "always");
    vici_msg_kv(m, "send_certreq",
                ip->v2 && (ip->v2->auth_remote & (1u << V2A_RSA_SIG)) ? "yes" : "no");
    /* A per-peer connection is what we initiate, and what charon picks as
     * responder for a peer it knows. With unique=replace a new IKE SA with
     * the same peer identity deletes the older one ("schedule delete of
     * duplicate IKE_SA ... due to uniqueness policy" in charon's log): the
     * SAs a peer kept while our charon restarted, or a duplicate from both
     * sides initiating at once, go instead of lingering until their
     * lifetime ends. */
    if (peer)
        vici_msg_kv(m, "unique", "replace");
    vici_msg_section_begin(m, "local");
    xlate_v2_auth(ip, true, m);
    /* IOS's default identity is the address whatever the method; charon's
     * is the certificate's subject with a certificate */
    if (!lid[0] && local && ip->v2 && ip->v2->auth_local == V2A_RSA_SIG &&
        ip->v2->local_id.kind == V2ID_NONE)
        snprintf(lid, sizeof(lid), "%s", la);
    if (lid[0])
        vici_msg_kv(m, "id", lid);
    vici_msg_section_end(m);
    vici_msg_section_begin(m, "remote");
    xlate_v2_auth(ip, false, m);
    if (rid[0])
        vici_msg_kv(m, "id", rid);
    vici_msg_section_end(m);
    vici_msg_section_begin(m, "children");
    vici_msg_section_begin(m, name);
    vici_msg_list_begin(m, "local_ts");
    if (local)
        vici_msg_list_itemf(m, "%s/32[gre]", la);
    else
        vici_msg_list_item(m, "dynamic[gre]");
    vici_msg_list_end(m);
    vici_msg_list_begin(m, "remote_ts");
    if (peer)
        vici_msg_list_itemf(m, "%s/32[gre]", ra);
    else
        vici_msg_list_item(m, "dynamic[gre]");
    vici_msg_list_end(m);
    if (cp->nesp) {
        vici_msg_list_begin(m, "esp_proposals");
        for (i = 0; i < cp->nesp; i++)
            vici_msg_list_item(m, cp->esp[i]);
        vici_msg_list_end(m);
    }
    if (cp->nah) {
        vici_msg_list_begin(m, "ah_proposals");
        for (i = 0; i < cp->nah; i++)
            vici_msg_list_item(m, cp->ah[i]);
        vici_msg_list_end(m);
    }
    vici_msg_kv(m, "mode", cp->transport ? "transport" : "tunnel");
    vici_msg_kvf(m, "rekey_time", "%u", cp->rekey);
    vici_msg_kvf(m, "life_time", "%u", cp->life);
    if (cp->life_bytes) {
        vici_msg_kvf(m, "rekey_bytes", "%llu", (unsigned long long)cp->rekey_bytes);
        vici_msg_kvf(m, "life_bytes", "%llu", (unsigned long long)cp->life_bytes);
    }
    vici_msg_kvf(m, "replay_window", "%u", cp->replay_window);
    vici_msg_kv(m, "start_action", "none");
    vici_msg_kv(m, "close_action", "none");
    vici_msg_kv(m, "dpd_action", "clear");
    vici_msg_section_end(m);
    vici_msg_section_end(m);
    vici_msg_section_end(m);
    if (vici_msg_error(m)) {
        xlate_note(x, IPSEC_NOTE_ERROR, ifname, "%s: cannot encode: %s", name, vici_msg_error(m));
        vici_msg_free(m);
        return;
    }
    o->conns = mem_grow(o->conns, &o->capconns, o->nconns, sizeof(*o->conns));
    o->conns[o->nconns++] = (struct ipsec_conn){
        .name = mem_strdup(name),
        .ifname = mem_strdup(ifname),
        .local = local,
        .peer = peer,
        .initiate = peer != 0 && !cp->responder_only,
        .msg = m,
    };
}

/* The tunnel source address, 0 when not static (no note: for lookups). */
uint32_t
xlate_source_addr(const struct cfg *c, const struct cfg_iface *ifp)
{
    const struct cfg_iface *src = ifp->tun_src_if ? cfg_find_iface(c, ifp->tun_src_if) : NULL;

    if (ifp->has_tun_src_ip)
        return ifp->tun_src_ip;
    return src && src->has_addr ? src->addr.addr : 0;
}

/* Tunnel source address; false (with a note) when it is not static. */
static bool
tunnel_source(struct xctx *x, const struct cfg_iface *ifp, uint32_t *addr)
{
    const struct cfg_iface *src;

    *addr = 0;
    if (ifp->has_tun_src_ip) {
        *addr = ifp->tun_src_ip;
        return true;
    }
    src = ifp->tun_src_if ? cfg_find_iface(x->c, ifp->tun_src_if) : NULL;
    if (src && src->has_addr) {
        *addr = src->addr.addr;
        return true;
    }
    xlate_note(x, IPSEC_NOTE_TRANSLATED, ifp->name,
               "tunnel source %s has no static address: local_addrs %%any, selectors dynamic",
               ifp->tun_src_if ? ifp->tun_src_if : "(none)");
    return false;
}

static size_t
add_peer(uint32_t *v, size_t n, uint32_t a, uint32_t local)
{
    size_t i;

    if (!a || a == local || n == MAX_PEERS)
        return n;
    for (i = 0; i < n; i++)
        if (v[i] == a)
            return n;
    v[n] = a;
    return n + 1;
}

/* NBMA addresses the config names for a tunnel: NHSs, static maps, the
 * point-to-point destination. Dynamic peers arrive later (ipsec_xlate_peer). */
static size_t
tunnel_peers(const struct cfg_iface *ifp, uint32_t local, uint32_t *v)
{
    size_t i, n = 0;
    uint32_t a;

    for (i = 0; i < ifp->nhrp.nnhs; i++)
        if (cfg_nhs_nbma(ifp, &ifp->nhrp.nhs[i], &a))
            n = add_peer(v, n, a, local);
    for (i = 0; i < ifp->nhrp.nmaps; i++)
        if (!ifp->nhrp.maps[i].dynamic)
            n = add_peer(v, n, ifp->nhrp.maps[i].nbma, local);
    if (ifp->has_tun_dst)
        n = add_peer(v, n, ifp->tun_dst, local);
    return n;
}

/* The profile-level pieces of a protected tunnel; false with error notes. */
static bool
tunnel_props(struct xctx *x, const struct cfg_iface *ifp, uint32_t local, struct ike_props *ip,
             struct child_props *cp)
{
    const struct cfg_ipsec_profile *p = cfg_find_profile(x->c, ifp->tun_protection);

    if (ifp->tun_mode == TUN_MODE_OTHER) {
        xlate_note(x, IPSEC_NOTE_ERROR, ifp->name, "tunnel mode %s: only GRE tunnels are protected",
                   ifp->tun_mode_text ? ifp->tun_mode_text : "?");
        return false;
    }
    if (!p) {
        xlate_note(x, IPSEC_NOTE_ERROR, ifp->name, "ipsec profile %s does not exist",
                   ifp->tun_protection);
        return false;
    }
    if (xlate_v2_profile_name(x->c, ifp)) {
        if (!xlate_v2_ike_props(x, ifp, local, ip))
            return false;
    } else if (!ike_props(x, ip)) {
        xlate_note(x, IPSEC_NOTE_ERROR, ifp->name, "no crypto isakmp policy with pre-share");
        return false;
    } else {
        xlate_v1_profile_props(x, ifp, ip);
    }
    return child_props(x, p, cp);
}

static bool
conn_exists(const struct ipsec_xlate *o, uint32_t local, uint32_t peer, const char **name)
{
    size_t i;

    for (i = 0; i < o->nconns; i++)
        if (o->conns[i].local == local && o->conns[i].peer == peer) {
            *name = o->conns[i].name;
            return true;
        }
    return false;
}

static void
xlate_tunnel(struct xctx *x, const struct cfg_iface *ifp)
{
    struct ike_props ip;
    struct child_props cp;
    uint32_t local, peers[MAX_PEERS];
    const char *other;
    size_t i, n;

    if (!tunnel_props(x, ifp, xlate_source_addr(x->c, ifp), &ip, &cp))
        return;
    if (ifp->tun_vrf)
        xlate_note(x, IPSEC_NOTE_TRANSLATED, ifp->name,
                   "tunnel vrf %s: IKE and ESP run in the VRF's network namespace (its charon)",
                   ifp->tun_vrf);
    tunnel_source(x, ifp, &local);
    n = tunnel_peers(ifp, local, peers);
    if (ifp->tun_mode == TUN_MODE_GRE_MULTIPOINT) {
        if (conn_exists(x->x, local, 0, &other))
            xlate_note(x, IPSEC_NOTE_TRANSLATED, ifp->name,
                       "same source as %s: its responder connection serves both%s", other,
                       ifp->tun_protection_shared ? "" : " (IOS would want `shared`)");
        else {
            add_conn(x, ifp, local, 0, &ip, &cp);
            if (ip.v2 ? !xlate_v2_has_key(x->c, ip.v2, 0) : !xlate_v1_best_key(x->c, ifp, 0))
                xlate_note(x, IPSEC_NOTE_ERROR, ifp->name, "%s: dynamic peers cannot authenticate",
                           ip.v2 ? "no keyring peer with address 0.0.0.0 0.0.0.0"
                                 : "no wildcard crypto isakmp key");
        }
    }
    for (i = 0; i < n; i++) {
        char a[INET_ADDRSTRLEN_];
        inet_fmt4(peers[i], a);
        if (conn_exists(x->x, local, peers[i], &other)) {
            xlate_note(x, IPSEC_NOTE_TRANSLATED, ifp->name, "peer %s already protected by %s", a,
                       other);
            continue;
        }
        add_conn(x, ifp, local, peers[i], &ip, &cp);
        if (ip.v2 ? !xlate_v2_has_key(x->c, ip.v2, peers[i])
                  : !xlate_v1_best_key(x->c, ifp, peers[i]))
            xlate_note(x, IPSEC_NOTE_ERROR, ifp->name, "no %s matches peer %s",
                       ip.v2 ? "ikev2 keyring peer" : "crypto isakmp key or keyring key", a);
    }
    if (cp.responder_only)
        xlate_note(x, IPSEC_NOTE_TRANSLATED, ifp->name, "responder-only: never initiated");
}

bool
ipsec_xlate_in_scope(const struct ipsec_xlate_opts *o, const char *vrf)
{
    size_t i;

    if (!o || !o->scoped)
        return true;
    if (o->fvrf)
        return vrf && !strcmp(o->fvrf, vrf);
    for (i = 0; vrf && i < o->nown; i++)
        if (!strcmp(o->own[i], vrf))
            return false;
    return true;
}

int
ipsec_xlate_config(const struct cfg *c, const struct ipsec_xlate_opts *o, struct ipsec_xlate *out)
{
    struct xctx x = {.c = c, .o = o, .x = out};
    size_t i;

    memset(out, 0, sizeof(*out));
    xlate_v1_shared_keys(&x);
    xlate_v2_shared_keys(&x);
    for (i = 0; i < c->nifs; i++)
        if (c->ifs[i].tun_protection && ipsec_xlate_in_scope(o, c->ifs[i].tun_vrf))
            xlate_tunnel(&x, &c->ifs[i]);
    return x.errors;
}

int
ipsec_xlate_peer(const struct cfg *c, const struct ipsec_xlate_opts *o, const char *ifname,
                 uint32_t nbma, struct ipsec_xlate *out)
{
    struct xctx x = {.c = c, .o = o, .x = out, .quiet = true};
    const struct cfg_iface *ifp = cfg_find_iface(c, ifname);
    struct ike_props ip;
    struct child_props cp;
    uint32_t local;

    if (!ifp || !ifp->tun_protection || !nbma) {
        xlate_note(&x, IPSEC_NOTE_ERROR, ifname, "not a protected tunnel (or no peer address)");
        return -1;
    }
    if (!tunnel_props(&x, ifp, xlate_source_addr(c, ifp), &ip, &cp))
        return -1;
    tunnel_source(&x, ifp, &local);
    add_conn(&x, ifp, local, nbma, &ip, &cp);
    return x.errors ? -1 : 0;
}

void
ipsec_xlate_free(struct ipsec_xlate *x)
{
    size_t i;

    for (i = 0; i < x->nshared; i++) {
        free(x->shared[i].id);
        free(x->shared[i].keyfile);
        vici_msg_free(x->shared[i].msg);
    }
    for (i = 0; i < x->nconns; i++) {
        free(x->conns[i].name);
        free(x->conns[i].ifname);
        vici_msg_free(x->conns[i].msg);
    }
    for (i = 0; i < x->nnotes; i++) {
        free(x->notes[i].where);
        free(x->notes[i].text);
    }
    free(x->shared);
    free(x->conns);
    free(x->notes);
    memset(x, 0, sizeof(*x));
}

static size_t
encoded_len(const struct vici_msg *m)
{
    struct strbuf sb;
    size_t n;

    sb_init(&sb);
    n = vici_msg_encode(m, &sb) == 0 ? sb.len : 0;
    sb_free(&sb);
    return n;
}

void
ipsec_xlate_dump(struct strbuf *out, const struct ipsec_xlate *x)
{
    size_t i;

    sb_printf(out, "# notes (%zu)\n", x->nnotes);
    for (i = 0; i < x->nnotes; i++)
        sb_printf(out, "%s: %s: %s\n", ipsec_note_kind_name(x->notes[i].kind), x->notes[i].where,
                  x->notes[i].text);
    for (i = 0; i < x->nshared; i++) {
        sb_printf(out, "# %s %s (%zu bytes)\n", x->shared[i].cmd ? x->shared[i].cmd : "load-shared",
                  x->shared[i].id, encoded_len(x->shared[i].msg));
        if (x->shared[i].keyfile)
            sb_printf(out, "# data from %s.der or %s.pem\n", x->shared[i].keyfile,
                      x->shared[i].keyfile);
        vici_msg_dump(out, x->shared[i].msg);
    }
    for (i = 0; i < x->nconns; i++) {
        sb_printf(out, "# load-conn %s (%zu bytes, initiate %s)\n", x->conns[i].name,
                  encoded_len(x->conns[i].msg), x->conns[i].initiate ? "yes" : "no");
        vici_msg_dump(out, x->conns[i].msg);
    }
}
