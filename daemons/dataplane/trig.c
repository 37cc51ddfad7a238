/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Rate limiter and hairpin detector for the phase 2 and phase 3 triggers
 * (see trig.h). Direct-mapped tables indexed by a hash of the key.
 */
#include "daemons/dataplane/trig.h"

#include <string.h>

#include "lib/htab.h"

static unsigned
rl_index(uint64_t key)
{
    return (unsigned)(htab_hash_u64(key) & (TRIG_RL_SLOTS - 1));
}

void
trig_rl_init(struct trig_rl *rl)
{
    memset(rl, 0, sizeof *rl);
}

bool
trig_rl_allow(struct trig_rl *rl, uint64_t key, int64_t now_ms, uint32_t interval_ms)
{
    struct trig_rl_slot *s = &rl->slot[rl_index(key)];
    if (s->used && s->key == key && now_ms - s->last_ms < (int64_t)interval_ms)
        return false;
    s->used = true;
    s->key = key;
    s->last_ms = now_ms;
    return true;
}

void
trig_rl_forget(struct trig_rl *rl, uint64_t key)
{
    struct trig_rl_slot *s = &rl->slot[rl_index(key)];
    if (s->used && s->key == key)
        s->used = false;
}

static unsigned
hp_index(uint32_t src, uint32_t dst)
{
    return (unsigned)(htab_hash_u64((uint64_t)src << 32 | dst) & (TRIG_HP_SLOTS - 1));
}

void
trig_hp_init(struct trig_hp *hp, uint32_t window_ms)
{
    for (unsigned i = 0; i < TRIG_HP_SLOTS; i++) {
        hp->slot[i].in_tun = -1;
        hp->slot[i].src = hp->slot[i].dst = 0;
        hp->slot[i].fired_ms = INT64_MIN;
    }
    hp->window_ms = window_ms;
}

void
trig_hp_note(struct trig_hp *hp, uint32_t src, uint32_t dst, int tun, uint32_t nbma, int64_t now_ms)
{
    struct trig_hp_slot *s = &hp->slot[hp_index(src, dst)];
    if (s->in_tun < 0 || s->src != src || s->dst != dst)
        s->fired_ms = INT64_MIN; /* a different flow takes the slot */
    s->src = src;
    s->dst = dst;
    s->in_tun = tun;
    s->in_nbma = nbma;
    s->seen_ms = now_ms;
}

bool
trig_hp_check(struct trig_hp *hp, uint32_t src, uint32_t dst, int64_t now_ms, uint32_t interval_ms,
              int *in_tun, uint32_t *in_nbma)
{
    struct trig_hp_slot *s = &hp->slot[hp_index(src, dst)];
    if (s->in_tun < 0 || s->src != src || s->dst != dst)
        return false;
    if (now_ms - s->seen_ms > (int64_t)hp->window_ms)
        return false;
    if (s->fired_ms != INT64_MIN && now_ms - s->fired_ms < (int64_t)interval_ms)
        return false;
    s->fired_ms = now_ms;
    *in_tun = s->in_tun;
    *in_nbma = s->in_nbma;
    return true;
}
