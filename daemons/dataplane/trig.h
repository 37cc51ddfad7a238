/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The two traffic triggers' bookkeeping, kept pure (time is a parameter) so
 * it is unit-tested with a fake clock:
 *  - trig_rl: "at most once per interval per key" for the phase 2 trigger
 *    (key: tunnel + next hop);
 *  - trig_hp: the phase 3 hairpin detector. The receive path notes every
 *    (src, dst) it decapsulates; the transmit path asks whether the packet
 *    it is about to encapsulate came in through a tunnel moments ago, and
 *    whether that (src, dst) may be reported again.
 * Both are fixed-size, direct-mapped tables: no allocation per packet, and a
 * collision only costs an extra upcall or one missed packet (the next
 * packet of the flow is caught), which the engine tolerates.
 */
#ifndef DMVPN_DATAPLANE_TRIG_H
#define DMVPN_DATAPLANE_TRIG_H

#include <stdbool.h>
#include <stdint.h>

#define TRIG_RL_SLOTS 1024
#define TRIG_HP_SLOTS 4096

struct trig_rl {
    struct trig_rl_slot {
        uint64_t key;
        int64_t last_ms;
        bool used;
    } slot[TRIG_RL_SLOTS];
};

void trig_rl_init(struct trig_rl *rl);
/* True (and remembers now) when key has not been allowed in the last
 * interval_ms. */
bool trig_rl_allow(struct trig_rl *rl, uint64_t key, int64_t now_ms, uint32_t interval_ms);
/* Forgets key, so the next trigger for it fires at once (mapping removed). */
void trig_rl_forget(struct trig_rl *rl, uint64_t key);

struct trig_hp {
    struct trig_hp_slot {
        uint32_t src, dst;
        uint32_t in_nbma;
        int32_t in_tun;   /* -1: empty */
        int64_t seen_ms;  /* last decapsulation */
        int64_t fired_ms; /* last report; INT64_MIN: never */
    } slot[TRIG_HP_SLOTS];
    uint32_t window_ms; /* how long a decapsulation counts as "just came in" */
};

void trig_hp_init(struct trig_hp *hp, uint32_t window_ms);
/* Receive path: src->dst was decapsulated from tunnel tun, GRE source nbma. */
void trig_hp_note(struct trig_hp *hp, uint32_t src, uint32_t dst, int tun, uint32_t nbma,
                  int64_t now_ms);
/*
 * Transmit path: src->dst is leaving through a tunnel. True when it came in
 * through a tunnel within the window and was not reported in the last
 * interval_ms; then *in_tun and *in_nbma tell where it came from and the
 * report time is remembered.
 */
bool trig_hp_check(struct trig_hp *hp, uint32_t src, uint32_t dst, int64_t now_ms,
                   uint32_t interval_ms, int *in_tun, uint32_t *in_nbma);

#endif
