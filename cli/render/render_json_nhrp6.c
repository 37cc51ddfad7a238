/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * `| json` for show dmvpn ipv6, show ipv6 nhrp and show ipv6 nhrp nhs: the
 * IPv4 shows' field names (render_json_nhrp.c) with addresses as IOS text of
 * either family (null for none), so one tool reads both.
 */
#include "cli/render/render_json_util.h"
#include "cli/render/render_nhrp6.h"
#include "cli/render/render_time.h"
#include "lib/json.h"

#include <stdio.h>

#include <string.h>

static void
j_addr(struct json *j, const char *key, const struct inet_addr *a)
{
    char buf[INET6_ADDRSTRLEN_];

    json_str(j, key, a->af == INET_AF_NONE ? NULL : inet_addr_fmt(a, buf));
}

static void
j_prefix(struct json *j, const char *key, const struct inet_addr *a, unsigned len)
{
    char buf[INET6_ADDRSTRLEN_], out[INET6_ADDRSTRLEN_ + 8];

    if (a->af == INET_AF_NONE) {
        json_str(j, key, NULL);
        return;
    }
    snprintf(out, sizeof(out), "%s/%u", inet_addr_fmt(a, buf), len);
    json_str(j, key, out);
}

static void
j_ifname(struct json *j, const char *key, const char *ifname)
{
    json_strn(j, key, ifname, strnlen(ifname, REC_IFNAMSIZ));
}

static void
j_nhs(struct json *j, int64_t now_ms, const struct rec_nhrp6_nhs *h)
{
    char st[8];

    json_obj_begin(j, NULL);
    j_ifname(j, "interface", h->ifname);
    j_addr(j, "address", &h->addr);
    j_addr(j, "nbma", &h->nbma);
    json_str(j, "status", render_nhs_status(st, h->status));
    json_uint(j, "priority", h->priority);
    json_uint(j, "cluster", h->cluster);
    json_uint(j, "requests_sent", h->req_sent);
    json_uint(j, "requests_failed", h->req_failed);
    json_uint(j, "replies_received", h->repl_recv);
    render_json_age(j, "last_reply", now_ms, h->last_reply_ms);
    json_uint(j, "current_request_id", h->current_request_id);
    if (h->pending_request_id)
        json_uint(j, "pending_request_id", h->pending_request_id);
    else
        json_str(j, "pending_request_id", NULL);
    json_obj_end(j);
}

static void
j_peers(struct json *j, int64_t now_ms, const struct render_dmvpn6_in *in, const char *ifname,
        unsigned *npeers)
{
    char attrb[RENDER_ATTRB_LEN];
    size_t i = 0, k, run;

    json_arr_begin(j, "peers");
    while (i < in->n_peers) {
        const struct rec_dmvpn6_peer *p = &in->peers[i];

        if (strncmp(p->ifname, ifname, REC_IFNAMSIZ) != 0) {
            i++;
            continue;
        }
        run = 1;
        while (p->nbma.af != INET_AF_NONE && i + run < in->n_peers &&
               inet_addr_eq(&in->peers[i + run].nbma, &p->nbma) &&
               strncmp(in->peers[i + run].ifname, ifname, REC_IFNAMSIZ) == 0)
            run++;
        (*npeers)++;
        for (k = 0; k < run; k++) {
            const struct rec_dmvpn6_peer *q = &in->peers[i + k];

            json_obj_begin(j, NULL);
            json_uint(j, "entries", run);
            j_addr(j, "nbma", &q->nbma);
            j_addr(j, "tunnel_address", &q->tunnel_addr);
            json_str(j, "state", render_peer_state_name(q->state));
            render_json_age(j, "updn", now_ms, q->since_ms);
            json_str(j, "attributes", render_peer_attrb(attrb, q->attrs));
            if (q->target.af == INET_AF_NONE)
                j_prefix(j, "target", &q->tunnel_addr, 128);
            else
                j_prefix(j, "target", &q->target, q->target_len);
            json_obj_end(j);
        }
        i += run;
    }
    json_arr_end(j);
}

void
render_dmvpn6_json(struct strbuf *out, int64_t now_ms, const struct render_dmvpn6_in *in)
{
    struct json j;
    size_t i, k;

    json_init(&j, out);
    json_obj_begin(&j, NULL);
    json_arr_begin(&j, "interfaces");
    for (i = 0; i < in->n_ifs; i++) {
        const struct rec_nhrp6_if *t = &in->ifs[i];
        unsigned peers = 0;

        json_obj_begin(&j, NULL);
        j_ifname(&j, "interface", t->ifname);
        json_bool(&j, "enabled", t->enabled);
        json_str(&j, "type", render_tunnel_type_name(t->type));
        json_uint(&j, "network_id", t->network_id);
        json_uint(&j, "holdtime", t->holdtime);
        j_addr(&j, "link_local", &t->link_local);
        json_arr_begin(&j, "addresses");
        for (k = 0; k < t->naddrs && k < REC_NHRP6_ADDRS; k++) {
            json_obj_begin(&j, NULL);
            j_addr(&j, "address", &t->addrs[k]);
            json_uint(&j, "prefix_len", t->addr_len[k]);
            json_obj_end(&j);
        }
        json_arr_end(&j);
        j_addr(&j, "source", &t->nbma);
        json_arr_begin(&j, "nhs");
        for (k = 0; k < in->n_nhs; k++)
            if (strncmp(in->nhs[k].ifname, t->ifname, REC_IFNAMSIZ) == 0)
                j_nhs(&j, now_ms, &in->nhs[k]);
        json_arr_end(&j);
        j_peers(&j, now_ms, in, t->ifname, &peers);
        json_uint(&j, "nhrp_peers", peers);
        json_obj_end(&j);
    }
    json_arr_end(&j);
    json_obj_end(&j);
}

void
render_nhrp6_cache_json(struct strbuf *out, int64_t now_ms, const struct rec_nhrp6_cache *c,
                        size_t n)
{
    char t[RENDER_TIME_LEN];
    struct json j;
    const char *flag;
    unsigned it;
    size_t i;

    json_init(&j, out);
    json_obj_begin(&j, NULL);
    json_arr_begin(&j, "entries");
    for (i = 0; i < n; i++) {
        const struct rec_nhrp6_cache *e = &c[i];
        static const struct inet_addr none;
        bool claimed =
            e->claimed_nbma.af != INET_AF_NONE && !inet_addr_eq(&e->claimed_nbma, &e->nbma);

        json_obj_begin(&j, NULL);
        j_ifname(&j, "interface", e->ifname);
        j_addr(&j, "target", &e->proto);
        json_uint(&j, "prefix_len", e->prefix_len);
        j_addr(&j, "via",
               e->type == REC_NHRP_INCOMPLETE ? &none
                                              : (e->via.af == INET_AF_NONE ? &e->proto : &e->via));
        json_str(&j, "type", render_nhrp_type_name(e->type));
        json_arr_begin(&j, "flags");
        it = 0;
        while ((flag = render_nhrp_flag_at(e->flags, &it)) != NULL)
            json_str(&j, NULL, flag);
        json_arr_end(&j);
        j_addr(&j, "nbma", &e->nbma);
        j_addr(&j, "claimed_nbma", claimed ? &e->claimed_nbma : &none);
        json_bool(&j, "no_socket", (e->flags & REC_NF_NOSOCKET) != 0);
        json_str(&j, "created", render_time_secs(t, render_time_elapsed(now_ms, e->created_ms)));
        json_int(&j, "created_seconds", render_time_elapsed(now_ms, e->created_ms));
        if (e->expires_ms == 0) {
            json_str(&j, "expire", NULL);
            json_str(&j, "expire_seconds", NULL);
        } else {
            json_str(&j, "expire", render_time_left(t, now_ms, e->expires_ms));
            json_int(&j, "expire_seconds", render_time_elapsed(e->expires_ms, now_ms));
        }
        json_uint(&j, "preference", e->preference);
        j_addr(&j, "requester", &e->requester);
        json_uint(&j, "request_id", e->request_id);
        json_uint(&j, "cache_hits", e->cache_hits);
        json_obj_end(&j);
    }
    json_arr_end(&j);
    json_obj_end(&j);
}

void
render_nhrp6_nhs_json(struct strbuf *out, int64_t now_ms, const struct rec_nhrp6_nhs *nhs, size_t n)
{
    struct json j;
    size_t i;

    json_init(&j, out);
    json_obj_begin(&j, NULL);
    json_arr_begin(&j, "nhs");
    for (i = 0; i < n; i++)
        j_nhs(&j, now_ms, &nhs[i]);
    json_arr_end(&j);
    json_obj_end(&j);
}
