/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * `| json` for show dmvpn, show ip nhrp [nhs|traffic] and show ip route: the
 * same records as the IOS text, with stable snake_case field names (listed in
 * render_nhrp.h and docs/architecture.md). Ages are given both as the IOS
 * text ("00:01:42", "3d04h") and as whole seconds, so tools need not parse
 * IOS time formats; "never" is null.
 */
#include "cli/render/render_nhrp.h"
#include "cli/render/render_nhrp_more.h"
#include "cli/render/render_time.h"
#include "lib/inet.h"
#include "lib/json.h"
#include "cli/render/render_json_util.h"

#include <stdio.h>
#include <string.h>

static void
j_ifname(struct json *j, const char *key, const char *ifname)
{
    json_strn(j, key, ifname, strnlen(ifname, REC_IFNAMSIZ));
}

static void
j_nhs(struct json *j, int64_t now_ms, const struct rec_nhrp_nhs *h)
{
    char st[8];

    json_obj_begin(j, NULL);
    j_ifname(j, "interface", h->ifname);
    render_json_addr(j, "address", h->addr);
    render_json_addr(j, "nbma", h->nbma);
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
    json_uint(j, "pending_retries", h->pending_retries);
    json_obj_end(j);
}

/* Rows of one tunnel; "entries" is the run length of rows sharing the NBMA. */
static void
j_peers(struct json *j, int64_t now_ms, const struct render_dmvpn_in *in, const char *ifname)
{
    char attrb[RENDER_ATTRB_LEN], pfx[24];
    size_t i = 0, k, run;

    json_arr_begin(j, "peers");
    while (i < in->n_peers) {
        const struct rec_dmvpn_peer *p = &in->peers[i];

        if (strncmp(p->ifname, ifname, REC_IFNAMSIZ) != 0) {
            i++;
            continue;
        }
        run = 1;
        while (p->nbma && i + run < in->n_peers && in->peers[i + run].nbma == p->nbma &&
               strncmp(in->peers[i + run].ifname, ifname, REC_IFNAMSIZ) == 0)
            run++;
        for (k = 0; k < run; k++) {
            const struct rec_dmvpn_peer *q = &in->peers[i + k];

            json_obj_begin(j, NULL);
            json_uint(j, "entries", run);
            render_json_addr(j, "nbma", q->nbma);
            render_json_addr(j, "tunnel_address", q->tunnel_addr);
            json_str(j, "state", render_peer_state_name(q->state));
            render_json_age(j, "updn", now_ms, q->since_ms);
            json_str(j, "attributes", render_peer_attrb(attrb, q->attrs));
            if (q->target == 0 && q->target_len == 0)
                json_str(j, "target", render_prefix(pfx, q->tunnel_addr, 32));
            else
                json_str(j, "target", render_prefix(pfx, q->target, q->target_len));
            json_obj_end(j);
        }
        i += run;
    }
    json_arr_end(j);
}

void
render_dmvpn_json(struct strbuf *out, int64_t now_ms, const struct render_dmvpn_in *in)
{
    struct json j;
    size_t i, k;

    json_init(&j, out);
    json_obj_begin(&j, NULL);
    json_arr_begin(&j, "interfaces");
    for (i = 0; i < in->n_tunnels; i++) {
        const struct rec_tunnel *t = &in->tunnels[i];
        unsigned peers = 0;

        json_obj_begin(&j, NULL);
        j_ifname(&j, "interface", t->ifname);
        json_bool(&j, "admin_up", t->admin_up);
        json_bool(&j, "line_up", t->line_up);
        json_str(&j, "type", render_tunnel_type_name(t->type));
        render_json_addr(&j, "address", t->addr);
        json_int(&j, "prefix_len", inet_mask_len(t->mask));
        render_json_addr(&j, "source", t->src);
        render_json_addr(&j, "destination", t->multipoint ? 0 : t->dst);
        json_bool(&j, "multipoint", t->multipoint);
        if (t->protected_)
            json_strn(&j, "protection_profile", t->profile, strnlen(t->profile, REC_NAMESIZ));
        else
            json_str(&j, "protection_profile", NULL);
        for (k = 0; k < in->n_peers; k++)
            if (strncmp(in->peers[k].ifname, t->ifname, REC_IFNAMSIZ) == 0 &&
                (k == 0 || !in->peers[k].nbma || in->peers[k].nbma != in->peers[k - 1].nbma ||
                 strncmp(in->peers[k - 1].ifname, t->ifname, REC_IFNAMSIZ) != 0))
                peers++;
        json_uint(&j, "nhrp_peers", peers);
        json_arr_begin(&j, "nhs");
        for (k = 0; k < in->n_nhs; k++)
            if (strncmp(in->nhs[k].ifname, t->ifname, REC_IFNAMSIZ) == 0)
                j_nhs(&j, now_ms, &in->nhs[k]);
        json_arr_end(&j);
        j_peers(&j, now_ms, in, t->ifname);
        json_obj_end(&j);
    }
    json_arr_end(&j);
    json_obj_end(&j);
}

void
render_nhrp_cache_json(struct strbuf *out, int64_t now_ms, const struct rec_nhrp_cache *c, size_t n)
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
        const struct rec_nhrp_cache *e = &c[i];

        json_obj_begin(&j, NULL);
        j_ifname(&j, "interface", e->ifname);
        render_json_addr(&j, "target", e->proto);
        json_uint(&j, "prefix_len", e->prefix_len);
        render_json_addr(&j, "via",
                         e->type == REC_NHRP_INCOMPLETE ? 0 : (e->via ? e->via : e->proto));
        json_str(&j, "type", render_nhrp_type_name(e->type));
        json_arr_begin(&j, "flags");
        it = 0;
        while ((flag = render_nhrp_flag_at(e->flags, &it)) != NULL)
            json_str(&j, NULL, flag);
        json_arr_end(&j);
        render_json_addr(&j, "nbma", e->nbma);
        render_json_addr(&j, "claimed_nbma", e->claimed_nbma != e->nbma ? e->claimed_nbma : 0);
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
        render_json_addr(&j, "requester", e->requester);
        json_uint(&j, "request_id", e->request_id);
        json_uint(&j, "cache_hits", e->cache_hits);
        json_obj_end(&j);
    }
    json_arr_end(&j);
    json_obj_end(&j);
}

void
render_nhrp_nhs_json(struct strbuf *out, int64_t now_ms, const struct rec_nhrp_nhs *nhs, size_t n)
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

void
render_nhrp_ctr_json(struct json *j, const char *key, uint64_t total, const uint64_t *ctr)
{
    unsigned i;

    json_obj_begin(j, key);
    json_uint(j, "total", total);
    for (i = 0; i < REC_CTR_COUNT; i++)
        json_uint(j, render_nhrp_ctr_key(i), ctr[i]);
    json_obj_end(j);
}

void
render_nhrp_traffic_json(struct strbuf *out, const struct rec_nhrp_traffic *t, size_t n)
{
    struct json j;
    size_t i;
    unsigned k;

    json_init(&j, out);
    json_obj_begin(&j, NULL);
    json_arr_begin(&j, "interfaces");
    for (i = 0; i < n; i++) {
        json_obj_begin(&j, NULL);
        j_ifname(&j, "interface", t[i].ifname);
        json_uint(&j, "max_send_packets", t[i].max_send_pkts);
        json_uint(&j, "max_send_seconds", t[i].max_send_secs);
        json_uint(&j, "usage_percent", t[i].usage_pct);
        render_nhrp_ctr_json(&j, "sent", t[i].sent_total, t[i].sent);
        render_nhrp_ctr_json(&j, "received", t[i].rcvd_total, t[i].rcvd);
        json_obj_begin(&j, "drops");
        for (k = 0; k < REC_DROP_COUNT; k++)
            json_uint(&j, render_nhrp_drop_key(k), t[i].drops[k]);
        json_obj_end(&j);
        json_obj_end(&j);
    }
    json_arr_end(&j);
    json_obj_end(&j);
}

void
render_route_json(struct strbuf *out, int64_t now_ms, const struct rec_route *r, size_t n)
{
    const struct rec_route *gw = NULL;
    struct json j;
    char code[2];
    size_t i;

    for (i = 0; i < n && !gw; i++)
        if (r[i].len == 0 && !r[i].nho_path)
            gw = &r[i];
    json_init(&j, out);
    json_obj_begin(&j, NULL);
    if (gw) {
        char b[INET_ADDRSTRLEN_];

        json_str(&j, "gateway_of_last_resort", inet_fmt4(gw->nexthop, b));
    } else {
        json_str(&j, "gateway_of_last_resort", NULL);
    }
    json_arr_begin(&j, "routes");
    for (i = 0; i < n; i++) {
        const struct rec_route *p = &r[i];
        char b[INET_ADDRSTRLEN_];
        bool aged =
            p->code != REC_RT_CONNECTED && p->code != REC_RT_LOCAL && p->code != REC_RT_STATIC;

        json_obj_begin(&j, NULL);
        code[0] = p->code;
        code[1] = '\0';
        json_str(&j, "code", code);
        json_str(&j, "prefix", inet_fmt4(p->prefix, b)); /* 0.0.0.0 is a real prefix */
        json_uint(&j, "prefix_len", p->len);
        json_bool(&j, "candidate_default", p->len == 0);
        json_bool(&j, "next_hop_override", p->nho != 0);
        json_bool(&j, "nho_path", p->nho_path != 0);
        json_uint(&j, "distance", p->distance);
        json_uint(&j, "metric", p->metric);
        render_json_addr(&j, "next_hop", p->nexthop);
        if (p->ifname[0])
            j_ifname(&j, "interface", p->ifname);
        else
            json_str(&j, "interface", NULL);
        if (aged)
            render_json_age(&j, "age", now_ms, p->since_ms ? p->since_ms : now_ms);
        else
            render_json_age(&j, "age", now_ms, 0);
        json_obj_end(&j);
    }
    json_arr_end(&j);
    json_obj_end(&j);
}
