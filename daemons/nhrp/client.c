/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * NHC registration (RFC 2332 5.2.3/5.2.4) as IOS spokes do it: one state
 * machine per configured NHS, driven by a table of (state, event, action,
 * next). A spoke registers with every NHS it may use when the tunnel comes
 * up, refreshes every third of the holdtime (or `ip nhrp registration
 * timeout`), retransmits an unanswered request with the same request ID
 * (5.2.0.1) backing off 1, 2, 4 ... 64 s, and shows the NHS as E, RE or W
 * in `show ip nhrp nhs`. With a per-cluster connection limit, the most
 * preferred NHS (lowest priority value) are used, the rest wait; a failed
 * NHS is replaced by a waiting one and, once it answers again, takes its
 * place back after `ip nhrp nhs fallback` seconds.
 */
#include "daemons/nhrp/internal.h"

#include <string.h>

#define NHS_FAIL_TRIES  3 /* unanswered sends before an NHS is down */
#define NHS_BACKOFF_MAX NHRP_MS(64)

enum nhs_event {
    EV_START,
    EV_STOP,
    EV_REPLY_OK,
    EV_REPLY_NAK,
    EV_TIMEOUT,
    EV_SA_DOWN,
    EV_SELECT,
    EV_DESELECT,
    EV_COUNT
};

static const char *const state_names[] = {"idle", "waiting", "registering", "up", "refreshing"};
static const char *const event_names[] = {"start",   "stop",    "reply-ok", "reply-nak",
                                          "timeout", "sa-down", "select",   "deselect"};

const char *
nhrp_nhs_state_name(unsigned s)
{
    return s < NHS_STATE_COUNT ? state_names[s] : "?";
}

uint32_t
nhrp_reg_interval_ms(const struct nhrp_if *nif)
{
    uint32_t s = nif->cfg.reg_timeout ? nif->cfg.reg_timeout : nif->cfg.holdtime / 3;

    return (uint32_t)NHRP_MS(s ? s : 1);
}

static void
send_request(struct nhrp_nhs *nhs)
{
    struct nhrp_if *nif = nhs->nif;
    uint8_t buf[NHRP_BUF];
    struct nhrp_wbuf w;
    struct nhrp_cie c, nat;
    uint16_t flags = NHRP_F_CISCO_NAT;
    size_t len;

    if (!nif->cfg.reg_no_unique)
        flags |= NHRP_F_REG_U;
    nhrp_w_init(&w, buf, sizeof(buf));
    /* RFC 2332 5.2.3: the destination is the NHS, or our own address
     * when we do not know the NHS's (`ip nhrp nhs dynamic`). */
    nhrp_w_own_header(nif, &w, NHRP_REG_REQ, flags, nhs->reqid,
                      !nhrp_a_none(nhs->addr) ? nhs->addr : nif->addr);
    /* IOS registers one CIE with a host prefix (32; not the 0xff RFC 2332
     * 5.2.0.1 asks for with the U bit), our MTU and holdtime, no
     * addresses: the header's source fields say who registers. */
    memset(&c, 0, sizeof(c));
    c.plen = nif->host_plen;
    c.mtu = nif->cfg.mtu;
    c.holdtime = (uint16_t)(nif->cfg.holdtime > 65535 ? 65535 : nif->cfg.holdtime);
    nhrp_w_cie(&w, &c);
    /* Cisco NAT detection: the extension names the NHS as we address it;
     * the NHS answers with what it saw of us. */
    memset(&nat, 0, sizeof(nat));
    nat.plen = nif->host_plen;
    nat.mtu = nif->cfg.mtu;
    nat.has_nbma = nat.has_proto = true;
    nat.nbma = nhs->cfg.nbma;
    nat.proto = nhs->addr;
    nhrp_build_req_exts(nif, &w, true, &nat);
    len = nhrp_w_finish(&w);
    if (!len)
        return;
    nhs->req_sent++;
    nhrp_send(nif, nhs->cfg.nbma, buf, len, false);
}

static void
arm(struct nhrp_nhs *nhs, int64_t delay)
{
    nhrp_timer_set(&nhs->nif->eng->timers, &nhs->t, nhs->nif->eng->now + delay);
}

/* --- actions: return the next state, or -1 for the table's --------------- */

static int
a_none(struct nhrp_nhs *nhs)
{
    return -1;
}

static int
a_send_new(struct nhrp_nhs *nhs)
{
    nhs->reqid = nhrp_new_reqid(nhs->nif->eng);
    nhs->tries = 0;
    nhs->backoff_ms = 1000;
    send_request(nhs);
    arm(nhs, nhs->backoff_ms);
    return -1;
}

static int
a_retransmit(struct nhrp_nhs *nhs)
{
    int next = -1;

    nhs->tries++;
    if (nhs->tries == NHS_FAIL_TRIES) {
        nhs->req_failed++;
        if (nhs->state != NHS_REGISTERING)
            next = NHS_REGISTERING; /* no longer Responding */
    }
    nhs->backoff_ms =
        nhs->backoff_ms * 2 > NHS_BACKOFF_MAX ? (uint32_t)NHS_BACKOFF_MAX : nhs->backoff_ms * 2;
    send_request(nhs); /* same request ID: RFC 2332 5.2.0.1 */
    arm(nhs, nhs->backoff_ms);
    return next;
}

static int
a_reply_ok(struct nhrp_nhs *nhs)
{
    nhs->repl_recv++;
    nhs->last_reply = nhs->nif->eng->now;
    nhs->acked = nhs->reqid;
    nhs->tries = 0;
    nhs->backoff_ms = 1000;
    arm(nhs, nhrp_reg_interval_ms(nhs->nif));
    return -1;
}

static int
a_reply_nak(struct nhrp_nhs *nhs)
{
    nhs->req_failed++;
    nhs->tries = NHS_FAIL_TRIES; /* refused: treat as down right away */
    arm(nhs, nhs->backoff_ms);
    return -1;
}

static int
a_stop(struct nhrp_nhs *nhs)
{
    nhrp_timer_cancel(&nhs->nif->eng->timers, &nhs->t);
    nhrp_timer_cancel(&nhs->nif->eng->timers, &nhs->tf);
    nhs->tries = 0;
    return -1;
}

#define ANY 0xff
static const struct nhs_tr {
    uint8_t state, event;
    int (*action)(struct nhrp_nhs *);
    uint8_t next;
} nhs_table[] = {
    {NHS_IDLE, EV_START, a_send_new, NHS_REGISTERING},
    {NHS_IDLE, EV_SELECT, a_send_new, NHS_REGISTERING},
    {NHS_WAITING, EV_SELECT, a_send_new, NHS_REGISTERING},
    {NHS_WAITING, EV_START, a_send_new, NHS_REGISTERING},
    {NHS_REGISTERING, EV_TIMEOUT, a_retransmit, NHS_REGISTERING},
    {NHS_REGISTERING, EV_REPLY_OK, a_reply_ok, NHS_UP},
    {NHS_REGISTERING, EV_REPLY_NAK, a_reply_nak, NHS_REGISTERING},
    {NHS_REGISTERING, EV_SA_DOWN, a_none, NHS_REGISTERING},
    {NHS_UP, EV_TIMEOUT, a_send_new, NHS_REFRESHING},
    {NHS_UP, EV_REPLY_OK, a_none, NHS_UP},
    {NHS_UP, EV_SA_DOWN, a_send_new, NHS_REGISTERING},
    {NHS_REFRESHING, EV_REPLY_OK, a_reply_ok, NHS_UP},
    {NHS_REFRESHING, EV_TIMEOUT, a_retransmit, NHS_REFRESHING},
    {NHS_REFRESHING, EV_REPLY_NAK, a_reply_nak, NHS_REGISTERING},
    {NHS_REFRESHING, EV_SA_DOWN, a_send_new, NHS_REGISTERING},
    {ANY, EV_STOP, a_stop, NHS_IDLE},
    {ANY, EV_DESELECT, a_stop, NHS_WAITING},
};

static void
fsm(struct nhrp_nhs *nhs, enum nhs_event ev)
{
    size_t i;
    char a[INET6_ADDRSTRLEN_];

    for (i = 0; i < sizeof(nhs_table) / sizeof(nhs_table[0]); i++) {
        const struct nhs_tr *t = &nhs_table[i];
        int next;

        if ((t->state != ANY && t->state != nhs->state) || t->event != ev)
            continue;
        next = t->action(nhs);
        if (next < 0)
            next = t->next;
        if ((next == NHS_UP || next == NHS_REFRESHING) !=
            (nhs->state == NHS_UP || nhs->state == NHS_REFRESHING))
            nhs->since = nhs->nif->eng->now;
        if (next != nhs->state)
            log_debug("nhrp: %s: NHS %s: %s --%s--> %s", nhs->nif->cfg.ifname,
                      nhrp_a_fmt(!nhrp_a_none(nhs->addr) ? nhs->addr : nhs->cfg.nbma, a),
                      state_names[nhs->state], event_names[ev], state_names[next]);
        nhs->state = (uint8_t)next;
        return;
    }
    /* (state, event) pairs not in the table are ignored on purpose. */
}

/* --- NHS selection ---------------------------------------------------------- */

static bool
failed(const struct nhrp_nhs *n)
{
    return n->state == NHS_REGISTERING && n->tries >= NHS_FAIL_TRIES;
}

static bool
active(const struct nhrp_nhs *n)
{
    return n->state == NHS_REGISTERING || n->state == NHS_UP || n->state == NHS_REFRESHING;
}

static bool
better(const struct nhrp_nhs *a, const struct nhrp_nhs *b)
{
    return a->cfg.priority < b->cfg.priority || (a->cfg.priority == b->cfg.priority && a < b);
}

static void
select_nhs(struct nhrp_if *nif)
{
    struct nhrp_engine *e = nif->eng;
    unsigned i, j;

    for (i = 0; i < nif->nnhs; i++) {
        struct nhrp_nhs *n = &nif->nhs[i];
        unsigned rank = 0;
        bool desired;

        /* An NHS that is this very router (a hub listing itself) is
         * never registered with. */
        if (nhrp_a_none(n->cfg.nbma) || nhrp_a_eq(n->cfg.nbma, nif->nbma) ||
            nhrp_is_own(nif, n->addr))
            continue;
        if (!nif->cfg.nhs_max_conn) {
            if (n->state == NHS_IDLE || n->state == NHS_WAITING)
                fsm(n, EV_START);
            continue;
        }
        /* Rank among the usable NHS of its cluster. */
        for (j = 0; j < nif->nnhs; j++) {
            const struct nhrp_nhs *o = &nif->nhs[j];
            if (o != n && !nhrp_a_none(o->cfg.nbma) && o->cfg.cluster == n->cfg.cluster &&
                !failed(o) && better(o, n))
                rank++;
        }
        desired = !failed(n) && rank < nif->cfg.nhs_max_conn;
        if (desired) {
            nhrp_timer_cancel(&e->timers, &n->tf);
            n->fb_due = false;
            if (!active(n))
                fsm(n, EV_SELECT);
        } else if (!active(n)) {
            if (n->state != NHS_WAITING)
                fsm(n, EV_DESELECT);
        } else if (!failed(n)) {
            /* Healthy but a better NHS is back: fall back after the
             * configured delay so a flapping NHS does not churn. */
            if (!nif->cfg.nhs_fallback || n->fb_due) {
                n->fb_due = false;
                fsm(n, EV_DESELECT);
            } else if (!n->tf.idx) {
                nhrp_timer_set(&e->timers, &n->tf, e->now + NHRP_MS(nif->cfg.nhs_fallback));
            }
        }
    }
}

/* --- entry points ----------------------------------------------------------- */

static void
nhs_entry(struct nhrp_nhs *n)
{
    struct nhrp_if *nif = n->nif;
    bool created;
    struct nhrp_entry *en;

    /* IOS shows an NHS with a known NBMA as a static entry of its own when
     * no `ip nhrp map` names it. */
    if (n->en || nhrp_a_none(n->addr) || nhrp_a_none(n->cfg.nbma) || nhrp_is_own(nif, n->addr))
        return;
    en = nhrp_cache_get(nif, n->addr, nif->host_plen, &created);
    if (!created)
        return;
    en->origin = ORIG_NHS;
    nhrp_cache_bind(en, n->cfg.nbma, n->cfg.nbma);
    n->en = en;
}

void
nhrp_nhc_start(struct nhrp_if *nif)
{
    unsigned i;

    for (i = 0; i < nif->nnhs; i++) {
        struct nhrp_nhs *n = &nif->nhs[i];

        n->nif = nif;
        n->t.kind = TK_NHS;
        n->tf.kind = TK_NHS_FALLBACK;
        if (nhrp_a_none(n->addr))
            n->addr = n->cfg.addr;
        if (!nhrp_a_none(n->cfg.nbma) && !n->peer) {
            n->peer = nhrp_peer_get(nif, n->cfg.nbma);
            n->peer->bound = true;
        }
        nhs_entry(n);
    }
    select_nhs(nif);
}

void
nhrp_nhc_stop(struct nhrp_if *nif)
{
    unsigned i;

    for (i = 0; i < nif->nnhs; i++) {
        struct nhrp_nhs *n = &nif->nhs[i];

        fsm(n, EV_STOP);
        if (n->en) {
            nhrp_cache_delete(n->en, false);
            n->en = NULL;
        }
        if (n->peer) {
            nhrp_peer_unref(n->peer);
            n->peer = NULL;
        }
    }
}

void
nhrp_nhc_restart(struct nhrp_if *nif)
{
    unsigned i;

    for (i = 0; i < nif->nnhs; i++)
        fsm(&nif->nhs[i], EV_STOP);
    select_nhs(nif);
}

void
nhrp_nhc_timer(struct nhrp_nhs *nhs, bool fallback)
{
    if (fallback)
        nhs->fb_due = true; /* select_nhs decides whether it still applies */
    else
        fsm(nhs, EV_TIMEOUT);
    select_nhs(nhs->nif);
}

static struct nhrp_nhs *
by_reqid(struct nhrp_if *nif, uint32_t reqid)
{
    unsigned i;

    for (i = 0; i < nif->nnhs; i++)
        if (nif->nhs[i].reqid == reqid && active(&nif->nhs[i]))
            return &nif->nhs[i];
    return NULL;
}

void
nhrp_nhc_reply(struct nhrp_if *nif, const struct nhrp_pkt *p, struct inet_addr from)
{
    struct nhrp_nhs *n = by_reqid(nif, p->reqid);
    const struct nhrp_ext *x;
    bool ok = p->ncie > 0;
    unsigned i;
    char a[INET6_ADDRSTRLEN_];

    if (!n)
        return; /* a late answer to a request we gave up on */
    for (i = 0; i < p->ncie; i++)
        if (p->cie[p->cie0 + i].code != NHRP_CODE_SUCCESS) {
            ok = false;
            NHRP_LOG(nif, LOG_LVL_WARN, "nhrp: %s: registration with NHS %s refused, code %u%s",
                     nif->cfg.ifname, nhrp_a_fmt(n->cfg.nbma, a), p->cie[p->cie0 + i].code,
                     p->cie[p->cie0 + i].code == NHRP_CODE_ALREADY_REGISTERED
                         ? " (unique address already registered)"
                         : "");
        }
    if (ok) {
        /* 5.3.1: the responder names itself; `nhs dynamic` learns the NHS
         * tunnel address from it. */
        x = nhrp_find_ext(p, NHRP_EXT_RESPONDER);
        if (n->cfg.dynamic && nhrp_a_none(n->addr)) {
            struct inet_addr none = {0};

            if (x && x->cie_list && x->ncie && nhrp_ext_cie(p, x, 0)->has_proto)
                n->addr = nhrp_ext_cie(p, x, 0)->proto;
            else
                n->addr = !nhrp_a_eq(p->dst_proto, nif->addr) ? p->dst_proto : none;
            nhs_entry(n);
        }
        /* Cisco NAT extension: a second CIE is us as the NHS saw us. */
        x = nhrp_find_ext(p, NHRP_EXT_NAT);
        memset(&nif->nat_nbma, 0, sizeof(nif->nat_nbma));
        if (x && x->cie_list && x->ncie >= 2 && nhrp_ext_cie(p, x, 1)->has_nbma &&
            !nhrp_a_eq(nhrp_ext_cie(p, x, 1)->nbma, nif->nbma))
            nif->nat_nbma = nhrp_ext_cie(p, x, 1)->nbma;
    }
    fsm(n, ok ? EV_REPLY_OK : EV_REPLY_NAK);
    select_nhs(nif);
}

void
nhrp_nhc_error(struct nhrp_if *nif, uint32_t reqid)
{
    struct nhrp_nhs *n = by_reqid(nif, reqid);

    if (!n)
        return;
    fsm(n, EV_REPLY_NAK);
    select_nhs(nif);
}

void
nhrp_nhc_sa_down(struct nhrp_if *nif, struct nhrp_peer *p)
{
    unsigned i;

    for (i = 0; i < nif->nnhs; i++)
        if (nif->nhs[i].peer == p)
            fsm(&nif->nhs[i], EV_SA_DOWN);
}

struct nhrp_nhs *
nhrp_nhc_best(struct nhrp_if *nif)
{
    struct nhrp_nhs *best = NULL;
    unsigned i;

    /* Resolution requests go to the most preferred responding NHS, else
     * to any we are still trying. */
    for (i = 0; i < nif->nnhs; i++) {
        struct nhrp_nhs *n = &nif->nhs[i];
        if ((n->state == NHS_UP || n->state == NHS_REFRESHING) && (!best || better(n, best)))
            best = n;
    }
    for (i = 0; !best && i < nif->nnhs; i++)
        if (nif->nhs[i].state == NHS_REGISTERING)
            best = &nif->nhs[i];
    return best;
}

struct nhrp_nhs *
nhrp_nhc_by_nbma(struct nhrp_if *nif, struct inet_addr nbma)
{
    unsigned i;

    for (i = 0; i < nif->nnhs; i++)
        if (nhrp_a_eq(nif->nhs[i].cfg.nbma, nbma))
            return &nif->nhs[i];
    return NULL;
}
