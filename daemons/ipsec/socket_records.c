/* SPDX-License-Identifier: GPL-2.0-or-later */
/* show crypto sockets records from the sessions (socket_records.h). */
#include "daemons/ipsec/socket_records.h"
#include "lib/log.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct ipsec_sock_tunnel *
tunnel_of(const struct rec_crypto_session *s, const struct ipsec_sock_tunnel *tuns, size_t nt)
{
    for (size_t i = 0; i < nt; i++)
        if (!strncmp(s->ifname, tuns[i].ifname, sizeof s->ifname))
            return &tuns[i];
    return NULL;
}

static void
socket_rec(const struct rec_crypto_session *s, const struct ipsec_sock_tunnel *t,
           struct rec_crypto_socket *r)
{
    memset(r, 0, sizeof(*r));
    snprintf(r->ifname, sizeof r->ifname, "%.*s", (int)strnlen(s->ifname, sizeof s->ifname),
             s->ifname);
    snprintf(r->profile, sizeof r->profile, "%s", t->profile);
    r->shared = t->shared;
    r->remote = s->peer;
    /* the local end: the address of the session's IKE SA, else the flow's */
    if (s->n_ike)
        r->local = s->ike[0].local;
    else if (s->n_flows)
        r->local = s->flows[0].local;
    if (s->n_flows) {
        r->lid_addr = s->flows[0].local;
        r->lid_mask = s->flows[0].local_mask;
        r->rid_addr = s->flows[0].remote;
        r->rid_mask = s->flows[0].remote_mask;
        r->lid_proto = r->rid_proto = s->flows[0].proto;
    } else {
        /* no SA yet: tunnel protection asks for GRE between the endpoints */
        r->lid_addr = r->local;
        r->rid_addr = s->peer;
        r->lid_mask = r->rid_mask = 0xffffffffu;
        r->lid_proto = r->rid_proto = 47;
    }
    r->open = s->status == REC_CS_UP_ACTIVE || s->status == REC_CS_UP_NO_IKE;
}

size_t
ipsec_rec_sockets(const struct rec_crypto_session *ss, size_t ns,
                  const struct ipsec_sock_tunnel *tuns, size_t nt, struct rec_crypto_socket **out)
{
    struct rec_crypto_socket *v = calloc(ns + nt + 1, sizeof(*v));
    size_t k = 0;

    if (!v)
        fatal("out of memory");
    for (size_t i = 0; i < ns; i++) {
        const struct ipsec_sock_tunnel *t = tunnel_of(&ss[i], tuns, nt);

        if (t)
            socket_rec(&ss[i], t, &v[k++]);
    }
    for (size_t i = 0; i < nt; i++) {
        struct rec_crypto_socket *r = &v[k++];

        snprintf(r->ifname, sizeof r->ifname, "%s", tuns[i].ifname);
        snprintf(r->profile, sizeof r->profile, "%s", tuns[i].profile);
        snprintf(r->map_name, sizeof r->map_name, "%.*s-head-0", (int)(sizeof r->map_name - 8),
                 tuns[i].ifname);
        snprintf(r->idb, sizeof r->idb, "%s", tuns[i].idb ? tuns[i].idb : "");
        r->local = tuns[i].local;
        r->shared = tuns[i].shared;
        r->listen = 1;
    }
    *out = v;
    return k;
}
