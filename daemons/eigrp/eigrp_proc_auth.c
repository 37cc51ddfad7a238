/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Packet authentication of one EIGRP process (RFC 7868 6.7): the key an
 * interface signs with and the check of what arrives. IOS sends with the
 * lowest key id whose send lifetime holds and accepts any key id whose
 * accept lifetime holds, so a chain can be rolled over one router at a
 * time. The digests themselves are eigrp_auth.c's.
 */
#include "daemons/eigrp/eigrp_auth.h"
#include "daemons/eigrp/eigrp_proc_int.h"
#include "lib/inet.h"

#include <stdio.h>
#include <string.h>

/* IOS logs an authentication failure only under `debug eigrp packets`;
 * we log it at debug level, once a minute per interface at most (sooner
 * when the reason changes), so a misconfigured neighbour cannot flood the
 * log. */
#define AUTH_LOG_EVERY_MS 60000

bool
eigrp_proc_auth_key(const struct eigrp_proc *p, uint32_t ifi, struct eigrp_auth_key *k, bool send,
                    uint32_t key_id)
{
    const struct eigrp_conf_if *f;
    size_t i;

    memset(k, 0, sizeof(*k));
    if (ifi >= p->conf.nifs || !p->conf.ifs[ifi].auth)
        return true;
    f = &p->conf.ifs[ifi];
    /* keys[] is in ascending id order: the first valid one is the lowest */
    for (i = 0; i < f->nkeys; i++) {
        const struct eigrp_conf_key *c = &f->keys[i];
        if (send ? !c->send : (!c->accept || c->id != key_id))
            continue;
        k->type = f->auth;
        k->key_id = c->id;
        k->key_seq = 0;
        k->secret = c->secret;
        k->secret_len = c->len;
        k->src = f->addr; /* HMAC-SHA-256 mixes in the sender's address */
        return true;
    }
    return false;
}

static void
auth_log(struct eigrp_proc *p, uint32_t ifi, uint32_t src, const struct eigrp_msg *m,
         const char *why)
{
    char line[200], a[INET_ADDRSTRLEN_];

    if (!p->ops.log || (p->auth_log_at[ifi] && p->auth_log_why[ifi] == why &&
                        p->now - p->auth_log_at[ifi] < AUTH_LOG_EVERY_MS))
        return;
    p->auth_log_at[ifi] = p->now ? p->now : 1;
    p->auth_log_why[ifi] = why;
    /* the words of IOS's `debug eigrp packets` line */
    snprintf(line, sizeof(line),
             "EIGRP: %s: ignored packet from %s, opcode = %u (authentication failure: %s)",
             p->conf.ifs[ifi].ios_name, inet_fmt4(src, a), m->hdr.opcode, why);
    p->ops.log(p->ops.ctx, 7, line);
}

bool
eigrp_proc_auth_rx(struct eigrp_proc *p, uint32_t ifi, uint32_t src, const struct eigrp_msg *m)
{
    const struct eigrp_conf_if *f = &p->conf.ifs[ifi];
    struct eigrp_auth_key k;
    const char *why;

    if (!f->auth)
        why = "authentication is not configured here";
    else if (!m->has_auth)
        why = "missing authentication";
    else if (m->auth.type != f->auth)
        why = "authentication type mismatch";
    else if (!eigrp_proc_auth_key(p, ifi, &k, false, m->auth.key_id))
        why = "no valid key of that id";
    else {
        k.src = src; /* the sender's address, for HMAC-SHA-256 */
        if (eigrp_auth_verify(m, &k))
            return true;
        why = "digest mismatch";
    }
    p->cnt.rx_auth_fail++;
    auth_log(p, ifi, src, m, why);
    return false;
}
