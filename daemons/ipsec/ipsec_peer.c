/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The per-peer SA state machine (ipsec_peer.h) as a table of (state, event)
 * -> (action, next). Actions may pick another next state (an initiation
 * that cannot be sent leaves the peer idle, waiting for charon).
 *
 * What it encodes, and why:
 * - NHRP drives initiation (IOS: the crypto socket opens when NHRP first
 *   sends to the peer); charon's view decides the level NHRP sees, whoever
 *   initiated the SA.
 * - A failed negotiation is reported DOWN and forgotten: NHRP asks again on
 *   its next packet (a spoke's registration retry), as IOS retries on
 *   traffic.
 * - A lost SA (charon or the peer deleted it) is reported DOWN at once, so
 *   the data plane stops sending in clear; if NHRP still maps data to the
 *   peer, the SA is brought back after IPSEC_PEER_RESTORE_MS unless the peer
 *   did so first; a restarted charon has lost every SA while peers may still
 *   hold theirs, so after a restart the peers that were up are initiated at
 *   once (their charons replace the stale SAs on INITIAL_CONTACT).
 */
#include "daemons/ipsec/ipsec_peer.h"
#include "lib/inet.h"
#include "lib/log.h"

#include <stdio.h>
#include <string.h>

enum act {
    A_NONE,
    A_START,      /* initiate */
    A_OBS,        /* take charon's level */
    A_REPORT,     /* NHRP asked again: tell it the level even if unchanged */
    A_FAIL,       /* negotiation failed */
    A_LOSS,       /* an established SA went away */
    A_CHILD_LOSS, /* the CHILD SA went, the IKE SA stayed */
    A_STOP,       /* NHRP released it: terminate */
    A_FORGET,     /* NHRP released it while idle */
    A_CLEAR,      /* operator: terminate, do not bring back */
    A_LOST,       /* charon went away */
    A_RESTORE,    /* timer or charon back: initiate if still needed */
    A_SETTLE,     /* termination done */
    A_COUNT
};

struct row {
    uint8_t act, next;
};

#define I  IPSEC_PEER_IDLE
#define IN IPSEC_PEER_INITIATING
#define NG IPSEC_PEER_NEGOTIATING
#define U  IPSEC_PEER_UP
#define C  IPSEC_PEER_CLOSING

/* clang-format off */
static const struct row table[IPSEC_PEER_STATE_COUNT][IPSEC_PEV_COUNT] = {
    /*            PROTECT         RELEASE         INIT_FAILED     OBS_NONE        OBS_IKE         OBS_IPSEC       OBS_UP          TIMER            CHARON_DOWN     CHARON_UP        CLEAR */
    [I]  = {{A_START, IN},  {A_FORGET, I},  {A_FAIL, I},    {A_NONE, I},    {A_OBS, NG},    {A_OBS, NG},    {A_OBS, U},     {A_RESTORE, I},  {A_LOST, I},    {A_RESTORE, I},  {A_NONE, I}},
    [IN] = {{A_NONE, IN},   {A_STOP, C},    {A_FAIL, I},    {A_NONE, IN},   {A_OBS, NG},    {A_OBS, NG},    {A_OBS, U},     {A_FAIL, I},     {A_LOST, I},    {A_NONE, IN},    {A_CLEAR, C}},
    [NG] = {{A_REPORT, NG}, {A_STOP, C},    {A_NONE, NG},   {A_FAIL, I},    {A_OBS, NG},    {A_OBS, NG},    {A_OBS, U},     {A_RESTORE, NG}, {A_LOST, I},    {A_NONE, NG},    {A_CLEAR, C}},
    [U]  = {{A_REPORT, U},  {A_STOP, C},    {A_NONE, U},    {A_LOSS, I},    {A_CHILD_LOSS, NG}, {A_CHILD_LOSS, NG}, {A_OBS, U}, {A_NONE, U},     {A_LOST, I},    {A_NONE, U},     {A_CLEAR, C}},
    [C]  = {{A_START, IN},  {A_NONE, C},    {A_NONE, C},    {A_SETTLE, I},  {A_OBS, NG},    {A_OBS, NG},    {A_OBS, U},     {A_SETTLE, I},   {A_LOST, I},    {A_NONE, C},     {A_NONE, C}},
};
/* clang-format on */

#undef I
#undef IN
#undef NG
#undef U
#undef C

static const char *const state_names[IPSEC_PEER_STATE_COUNT] = {
    "idle", "initiating", "negotiating", "up", "closing",
};
static const char *const event_names[IPSEC_PEV_COUNT] = {
    "protect", "release", "init-failed", "obs-none",  "obs-ike", "obs-ipsec",
    "obs-up",  "timer",   "charon-down", "charon-up", "clear",
};
static const char *const level_names[] = {"DOWN", "IKE", "IPSEC", "UP"};

const char *
ipsec_peer_state_name(unsigned st)
{
    return st < IPSEC_PEER_STATE_COUNT ? state_names[st] : "?";
}

const char *
ipsec_peer_event_name(unsigned ev)
{
    return ev < IPSEC_PEV_COUNT ? event_names[ev] : "?";
}

const char *
ipsec_level_name(unsigned lvl)
{
    return lvl <= IPSEC_LVL_UP ? level_names[lvl] : "?";
}

void
ipsec_peer_init(struct ipsec_peer *p, const char *ifname, uint32_t nbma)
{
    memset(p, 0, sizeof(*p));
    snprintf(p->ifname, sizeof(p->ifname), "%s", ifname);
    p->nbma = nbma;
}

enum ipsec_level
ipsec_peer_level(const struct ipsec_peer *p)
{
    switch (p->st) {
    case IPSEC_PEER_INITIATING:
        return IPSEC_LVL_IKE;
    case IPSEC_PEER_NEGOTIATING:
    case IPSEC_PEER_UP:
        return (enum ipsec_level)p->obs;
    default:
        return IPSEC_LVL_DOWN;
    }
}

bool
ipsec_peer_idle(const struct ipsec_peer *p)
{
    return p->st == IPSEC_PEER_IDLE && !p->want && !p->restore && !p->timer_at &&
           p->reported == IPSEC_LVL_DOWN;
}

static enum ipsec_level
obs_level(enum ipsec_peer_event ev)
{
    switch (ev) {
    case IPSEC_PEV_OBS_IKE:
        return IPSEC_LVL_IKE;
    case IPSEC_PEV_OBS_IPSEC:
        return IPSEC_LVL_IPSEC;
    case IPSEC_PEV_OBS_UP:
        return IPSEC_LVL_UP;
    default:
        return IPSEC_LVL_DOWN;
    }
}

static uint8_t
start(struct ipsec_peer *p, int64_t now, const struct ipsec_peer_ops *ops)
{
    int rc = ops->initiate(ops->arg, p);

    if (rc == -1) {
        p->restore = true; /* charon is not there: go when it is */
        p->timer_at = 0;
        return IPSEC_PEER_IDLE;
    }
    if (rc < 0) {
        /* the tunnel cannot protect this peer (config): nothing to wait for */
        p->failures++;
        p->want = false;
        p->restore = false;
        p->timer_at = 0;
        return IPSEC_PEER_IDLE;
    }
    p->initiations++;
    p->timer_at = now + IPSEC_PEER_INIT_WAIT_MS;
    return IPSEC_PEER_INITIATING;
}

static void
retry_later(struct ipsec_peer *p, int64_t now, uint32_t first_ms)
{
    p->backoff_ms = p->backoff_ms ? p->backoff_ms * 2 : first_ms;
    if (p->backoff_ms > IPSEC_PEER_RETRY_MAX_MS)
        p->backoff_ms = IPSEC_PEER_RETRY_MAX_MS;
    p->restore = true;
    p->timer_at = now + p->backoff_ms;
}

/* Runs the action; returns the next state (the table's unless it differs). */
static uint8_t
act(struct ipsec_peer *p, uint8_t a, uint8_t next, enum ipsec_peer_event ev, int64_t now,
    const struct ipsec_peer_ops *ops)
{
    bool force = false;

    switch (a) {
    case A_START:
        next = start(p, now, ops);
        break;
    case A_OBS:
        p->obs = (uint8_t)obs_level(ev);
        /* the initiation or closing wait is over; a restore timer for a
         * missing CHILD SA runs on while negotiating */
        if (p->st != IPSEC_PEER_NEGOTIATING || p->obs == IPSEC_LVL_UP)
            p->timer_at = 0;
        if (p->obs == IPSEC_LVL_UP) {
            p->backoff_ms = 0;
            p->restore = false;
        }
        break;
    case A_REPORT:
        force = true;
        break;
    case A_FAIL:
        p->failures++;
        p->want = false; /* NHRP asks again when it needs the peer */
        p->obs = IPSEC_LVL_DOWN;
        p->timer_at = 0;
        if (p->restore && ops->in_use && ops->in_use(ops->arg, p))
            retry_later(p, now, IPSEC_PEER_RESTORE_MS);
        else
            p->restore = false;
        break;
    case A_LOSS:
        p->losses++;
        p->want = false;
        p->obs = IPSEC_LVL_DOWN;
        if (ops->in_use && ops->in_use(ops->arg, p)) {
            p->restore = true;
            p->backoff_ms = 0;
            p->timer_at = now + IPSEC_PEER_RESTORE_MS;
        }
        break;
    case A_CHILD_LOSS:
        /* NHRP keeps its request (it will not ask again while the IKE SA
         * is up): a new CHILD SA is asked for over the IKE SA, after the
         * same grace as a lost SA */
        p->losses++;
        p->obs = (uint8_t)obs_level(ev);
        if (p->want || (ops->in_use && ops->in_use(ops->arg, p))) {
            p->restore = true;
            p->timer_at = now + IPSEC_PEER_RESTORE_MS;
        }
        break;
    case A_STOP:
        p->want = false;
        p->restore = false;
        ops->terminate(ops->arg, p);
        if (ops->forget)
            ops->forget(ops->arg, p);
        p->obs = IPSEC_LVL_DOWN;
        p->timer_at = now + IPSEC_PEER_CLOSE_WAIT_MS;
        break;
    case A_FORGET:
        p->want = false;
        p->restore = false;
        p->timer_at = 0;
        if (ops->forget)
            ops->forget(ops->arg, p);
        break;
    case A_CLEAR:
        p->restore = false;
        ops->terminate(ops->arg, p);
        p->obs = IPSEC_LVL_DOWN;
        p->timer_at = now + IPSEC_PEER_CLOSE_WAIT_MS;
        break;
    case A_LOST:
        /* charon forgot every SA; what was up or wanted comes back with it */
        if (p->want || p->st == IPSEC_PEER_UP || p->st == IPSEC_PEER_NEGOTIATING ||
            p->st == IPSEC_PEER_INITIATING)
            p->restore = true;
        p->obs = IPSEC_LVL_DOWN;
        p->timer_at = 0;
        p->backoff_ms = 0;
        break;
    case A_RESTORE:
        /* NHRP wanted it while charon was away, or it was lost and data
         * still goes that way (in negotiating: only the CHILD SA is missing;
         * initiating the connection again makes one over the IKE SA) */
        p->timer_at = 0;
        if (p->st == IPSEC_PEER_NEGOTIATING && !p->restore)
            break;
        if (p->want || (p->restore && ops->in_use && ops->in_use(ops->arg, p)))
            next = start(p, now, ops);
        else
            p->restore = false;
        break;
    case A_SETTLE:
        p->timer_at = 0;
        p->obs = IPSEC_LVL_DOWN;
        break;
    default:
        break;
    }
    if (force && ops->report)
        ops->report(ops->arg, p, (enum ipsec_level)p->reported, true);
    return next;
}

void
ipsec_peer_event(struct ipsec_peer *p, enum ipsec_peer_event ev, int64_t now,
                 const struct ipsec_peer_ops *ops)
{
    const struct row *r;
    uint8_t from = p->st, next;
    enum ipsec_level lvl;

    if (p->st >= IPSEC_PEER_STATE_COUNT || (unsigned)ev >= IPSEC_PEV_COUNT)
        fatal("ipsec peer: state %u event %u out of range", p->st, (unsigned)ev);
    if (ev == IPSEC_PEV_PROTECT)
        p->want = true;
    r = &table[p->st][ev];
    next = act(p, r->act, r->next, ev, now, ops);
    p->st = next;
    lvl = ipsec_peer_level(p);
    if (from != next) {
        char a[16];
        log_debug("ipsec: %s peer %s: %s --%s--> %s", p->ifname, inet_fmt4(p->nbma, a),
                  state_names[from], event_names[ev], state_names[next]);
    }
    if (lvl != p->reported) {
        p->reported = (uint8_t)lvl;
        if (ops->report)
            ops->report(ops->arg, p, lvl, false);
    }
}
