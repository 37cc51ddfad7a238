/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The life of the IPsec SA towards one peer NBMA address of one protected
 * tunnel, as dmvpnd's IPsec module drives it: NHRP asks for it (protect) or
 * stops needing it (release), charon shows what exists (observations from
 * list-sas and updown events), charon itself may vanish and come back, and
 * operators clear it. Each peer has a state (a table in ipsec_peer.c) and
 * reports the SA level NHRP must know (enum nhrp_sa_state's values) when it
 * changes. Pure: time comes in with every event, effects go out through
 * struct ipsec_peer_ops, so unit tests drive it with a fake clock.
 */
#ifndef DMVPN_IPSEC_PEER_H
#define DMVPN_IPSEC_PEER_H

#include <stdbool.h>
#include <stdint.h>

#define IPSEC_PEER_INIT_WAIT_MS  5000  /* initiated, charon still shows nothing */
#define IPSEC_PEER_RESTORE_MS    2000  /* lost SA: the peer may bring it back first */
#define IPSEC_PEER_CLOSE_WAIT_MS 5000  /* terminated, charon still shows it */
#define IPSEC_PEER_RETRY_MAX_MS  60000 /* backoff of restores that keep failing */

enum ipsec_peer_state {
    IPSEC_PEER_IDLE,        /* no SA, nothing asked of charon */
    IPSEC_PEER_INITIATING,  /* initiate sent; charon shows nothing yet */
    IPSEC_PEER_NEGOTIATING, /* charon shows an IKE SA connecting, or no CHILD SA yet */
    IPSEC_PEER_UP,          /* a CHILD SA is installed */
    IPSEC_PEER_CLOSING,     /* we terminated it; waiting for charon to drop it (an SA
                             * made afterwards, by the peer, is observed as usual) */
    IPSEC_PEER_STATE_COUNT
};

enum ipsec_peer_event {
    IPSEC_PEV_PROTECT,     /* NHRP needs the SA */
    IPSEC_PEV_RELEASE,     /* NHRP no longer needs it */
    IPSEC_PEV_INIT_FAILED, /* charon refused the initiate command */
    IPSEC_PEV_OBS_NONE,    /* charon has no SA with the peer */
    IPSEC_PEV_OBS_IKE,     /* ... an IKE SA negotiating */
    IPSEC_PEV_OBS_IPSEC,   /* ... an IKE SA up, no CHILD SA */
    IPSEC_PEV_OBS_UP,      /* ... a CHILD SA installed */
    IPSEC_PEV_TIMER,       /* the peer's timer_at passed */
    IPSEC_PEV_CHARON_DOWN, /* the VICI session broke: charon's SAs are gone */
    IPSEC_PEV_CHARON_UP,   /* charon is back and has its config again */
    IPSEC_PEV_CLEAR,       /* clear crypto session */
    IPSEC_PEV_COUNT
};

/* The SA level told to NHRP: the values of enum nhrp_sa_state. */
enum ipsec_level { IPSEC_LVL_DOWN, IPSEC_LVL_IKE, IPSEC_LVL_IPSEC, IPSEC_LVL_UP };

#define IPSEC_PEER_IFNAMSIZ 32 /* REC_IFNAMSIZ */

struct ipsec_peer {
    char ifname[IPSEC_PEER_IFNAMSIZ];
    uint32_t nbma;
    uint8_t st;       /* enum ipsec_peer_state */
    uint8_t obs;      /* enum ipsec_level charon shows */
    uint8_t reported; /* enum ipsec_level NHRP was told */
    bool want;        /* NHRP asked (protect) and has not released */
    bool restore;     /* bring it back when charon is back / the timer fires */
    int64_t timer_at; /* 0: no timer */
    uint32_t initiations, failures, losses;
    uint32_t backoff_ms;
    /* owner's: IKE SAs up to this charon uniqueid were terminated by us and
     * are not observed any more (0: none); a scratch mark */
    uint32_t ignore_uid;
    uint8_t mark;
    uint16_t port;     /* the peer's IKE port charon last showed (500, 4500) */
    int64_t settle_at; /* owner's: a CHILD SA we initiated counts as up from then */
};

struct ipsec_peer_ops {
    void *arg;
    /* Load the per-peer connection if needed and initiate it; 0 when the
     * commands went to charon (or the peer must come to us: responder-only),
     * -1 when charon is not there (the peer waits for IPSEC_PEV_CHARON_UP),
     * -2 when the config cannot protect this peer. */
    int (*initiate)(void *arg, struct ipsec_peer *p);
    /* Terminate every IKE SA with the peer on its tunnel. */
    void (*terminate)(void *arg, struct ipsec_peer *p);
    /* NHRP no longer needs the peer: a connection made for it may go. */
    void (*forget)(void *arg, struct ipsec_peer *p);
    /* Tell NHRP the SA level: on a change, or again (again = true, the
     * level is unchanged) when NHRP asks for an SA that is already up. */
    void (*report)(void *arg, struct ipsec_peer *p, enum ipsec_level lvl, bool again);
    /* NHRP still maps tunnel addresses to this peer (data would use it). */
    bool (*in_use)(void *arg, const struct ipsec_peer *p);
};

void ipsec_peer_init(struct ipsec_peer *p, const char *ifname, uint32_t nbma);
void ipsec_peer_event(struct ipsec_peer *p, enum ipsec_peer_event ev, int64_t now,
                      const struct ipsec_peer_ops *ops);
/* Nothing left to do or to remember: the entry may be freed. */
bool ipsec_peer_idle(const struct ipsec_peer *p);
/* The level NHRP should see in the current state. */
enum ipsec_level ipsec_peer_level(const struct ipsec_peer *p);

const char *ipsec_peer_state_name(unsigned st);
const char *ipsec_peer_event_name(unsigned ev);
const char *ipsec_level_name(unsigned lvl);

#endif
