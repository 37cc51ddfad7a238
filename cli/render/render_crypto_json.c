/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * `| json` for the crypto show commands: the records as JSON, with the words
 * of the IOS text ("QM_IDLE", "UP-ACTIVE", "ACTIVE") as values, addresses as
 * dotted quads and every lifetime/uptime turned into seconds against the
 * snapshot's now_ms, so tooling gets what the text shows without parsing it.
 * All fields are present whether or not `detail` was asked for.
 */
#include "cli/render/render_crypto_int.h"
#include "cli/render/render_json_util.h"
#include "lib/json.h"

#include <stdio.h>

static void
jip(struct json *j, const char *key, uint32_t a)
{
    char buf[16];

    json_str(j, key, render_crypto_ip(a, buf));
}

static void
jcaps(struct json *j, const char *key, uint16_t caps)
{
    char buf[16];

    json_str(j, key, render_crypto_caps(caps, buf));
}

static void
jhex(struct json *j, const char *key, uint64_t v)
{
    char buf[24];

    snprintf(buf, sizeof buf, "%llX", (unsigned long long)v);
    json_str(j, key, buf);
}

void
render_crypto_isakmp_sa_json(struct strbuf *sb, int64_t now_ms, const struct rec_ike_sa *recs,
                             size_t n)
{
    struct json j;

    json_init(&j, sb);
    json_obj_begin(&j, NULL);
    json_int(&j, "now_ms", now_ms);
    json_arr_begin(&j, "ike_sas");
    for (size_t i = 0; i < n; i++) {
        const struct rec_ike_sa *r = &recs[i];

        json_obj_begin(&j, NULL);
        JFIX(&j, "interface", r->ifname);
        jip(&j, "dst", r->initiator ? r->remote : r->local);
        jip(&j, "src", r->initiator ? r->local : r->remote);
        json_str(&j, "state", render_crypto_ike_state_name(r->state));
        json_uint(&j, "conn_id", r->conn_id);
        json_str(&j, "status", render_crypto_ike_status_name(r->status));
        json_uint(&j, "ike_version", r->ike_version);
        json_bool(&j, "initiator", r->initiator != 0);
        jip(&j, "local", r->local);
        json_uint(&j, "local_port", r->local_port);
        jip(&j, "remote", r->remote);
        json_uint(&j, "remote_port", r->remote_port);
        JFIX(&j, "ivrf", r->ivrf);
        JFIX(&j, "fvrf", r->fvrf);
        JFIX(&j, "encr", r->encr);
        JFIX(&j, "hash", r->hash);
        JFIX(&j, "auth", r->auth);
        json_uint(&j, "dh_group", r->dh_group);
        json_int(&j, "lifetime_s", render_crypto_left_s(now_ms, r->expires_ms));
        json_int(&j, "uptime_s", render_crypto_age_s(now_ms, r->created_ms));
        jcaps(&j, "capabilities", r->caps);
        JFIX(&j, "engine", r->engine);
        json_uint(&j, "engine_conn_id", r->engine_conn_id);
        json_obj_end(&j);
    }
    json_arr_end(&j);
    json_obj_end(&j);
    sb_putc(sb, '\n');
}

static void
jident(struct json *j, const char *key, uint32_t addr, uint32_t mask, unsigned prot, unsigned port)
{
    json_obj_begin(j, key);
    jip(j, "addr", addr);
    jip(j, "mask", mask);
    json_uint(j, "prot", prot);
    json_uint(j, "port", port);
    json_obj_end(j);
}

static void
jsa_entry(struct json *j, int64_t now_ms, const struct rec_ipsec_sa_entry *e)
{
    char flow[40];

    json_obj_begin(j, NULL);
    json_str(j, "direction", e->dir == REC_SA_OUT ? "outbound" : "inbound");
    json_str(j, "protocol", e->proto == REC_SA_AH ? "ah" : "esp");
    json_uint(j, "spi", e->spi);
    jhex(j, "spi_hex", e->spi);
    JFIX(j, "transform", e->transform);
    json_str(j, "mode", e->mode == REC_SA_TRANSPORT ? "Transport" : "Tunnel");
    json_bool(j, "udp_encaps", e->udp_encaps != 0);
    json_uint(j, "conn_id", e->conn_id);
    if (e->engine[0])
        snprintf(flow, sizeof flow, "%.*s:%u", RC_STR(e->engine), (unsigned)e->flow_id);
    else
        snprintf(flow, sizeof flow, "%u", (unsigned)e->flow_id);
    json_str(j, "flow_id", flow);
    jhex(j, "sibling_flags", e->sibling_flags);
    json_uint(j, "lifetime_kb", e->kb_left);
    json_int(j, "lifetime_s", render_crypto_left_s(now_ms, e->expires_ms));
    json_bool(j, "kb_rekey_disabled", e->kb_rekey_disabled != 0);
    json_uint(j, "iv_size", e->iv_size);
    json_bool(j, "replay_detection", e->replay != 0);
    json_uint(j, "replay_window", e->replay_window);
    json_str(j, "status", render_crypto_sa_status_name(e->status, RENDER_CRYPTO_IOS15));
    json_obj_end(j);
}

void
render_crypto_ipsec_sa_json(struct strbuf *sb, int64_t now_ms, const struct rec_ipsec_sa *recs,
                            size_t n, const struct render_crypto_opts *o)
{
    uint32_t peer = o ? o->peer : 0;
    struct json j;

    json_init(&j, sb);
    json_obj_begin(&j, NULL);
    json_int(&j, "now_ms", now_ms);
    json_arr_begin(&j, "ipsec_sas");
    for (size_t i = 0; i < n; i++) {
        const struct rec_ipsec_sa *r = &recs[i];
        unsigned n_sas = r->n_sas < REC_IPSEC_MAX_SAS ? r->n_sas : REC_IPSEC_MAX_SAS;

        if (peer && r->peer != peer)
            continue;
        json_obj_begin(&j, NULL);
        JFIX(&j, "interface", r->ifname);
        JFIX(&j, "crypto_map", r->crypto_map);
        jip(&j, "local_addr", r->map_local);
        JFIX_OR(&j, "protected_vrf", r->pvrf, "(none)");
        jident(&j, "local_ident", r->lid_addr, r->lid_mask, r->lid_proto, r->lid_port);
        jident(&j, "remote_ident", r->rid_addr, r->rid_mask, r->rid_proto, r->rid_port);
        jip(&j, "current_peer", r->peer);
        json_uint(&j, "peer_port", r->peer_port);
        JFIX_OR(&j, "flags", r->flags, "origin_is_acl,");
        json_obj_begin(&j, "counters");
        for (unsigned c = 0; c < REC_IPC_COUNT; c++)
            json_uint(&j, render_crypto_ctr_name(c), r->ctr[c]);
        json_obj_end(&j);
        jip(&j, "local_crypto_endpt", r->local_endpt);
        jip(&j, "remote_crypto_endpt", r->remote_endpt);
        json_uint(&j, "plaintext_mtu", r->plaintext_mtu);
        json_uint(&j, "path_mtu", r->path_mtu);
        json_uint(&j, "ip_mtu", r->ip_mtu);
        JFIX_OR(&j, "ip_mtu_idb", r->mtu_idb, "(none)");
        json_uint(&j, "current_outbound_spi", r->out_spi);
        json_bool(&j, "pfs", r->pfs_group != 0);
        json_uint(&j, "dh_group", r->pfs_group);
        json_arr_begin(&j, "sas");
        for (unsigned k = 0; k < n_sas; k++)
            jsa_entry(&j, now_ms, &r->sas[k]);
        json_arr_end(&j);
        json_obj_end(&j);
    }
    json_arr_end(&j);
    json_obj_end(&j);
    sb_putc(sb, '\n');
}

static void
jflow_dir(struct json *j, const char *key, int64_t now_ms, uint64_t pkts, uint64_t drop,
          uint32_t kb, int64_t expires_ms, int kb_disabled)
{
    json_obj_begin(j, key);
    json_uint(j, "pkts", pkts);
    json_uint(j, "drop", drop);
    json_uint(j, "life_kb", kb);
    json_int(j, "life_s", render_crypto_left_s(now_ms, expires_ms));
    json_bool(j, "kb_rekey_disabled", kb_disabled != 0);
    json_obj_end(j);
}

static void
jsession(struct json *j, int64_t now_ms, const struct rec_crypto_session *s)
{
    unsigned n_ike = s->n_ike < REC_CS_MAX_IKE ? s->n_ike : REC_CS_MAX_IKE;
    unsigned n_flows = s->n_flows < REC_CS_MAX_FLOWS ? s->n_flows : REC_CS_MAX_FLOWS;

    json_obj_begin(j, NULL);
    JFIX(j, "interface", s->ifname);
    JFIX(j, "profile", s->profile);
    json_str(j, "status", render_crypto_session_status_name(s->status));
    jip(j, "peer", s->peer);
    json_uint(j, "peer_port", s->peer_port);
    JFIX_OR(j, "fvrf", s->fvrf, "(none)");
    JFIX_OR(j, "ivrf", s->ivrf, "(none)");
    JFIX_OR(j, "phase1_id", s->phase1_id, "(none)");
    JFIX_OR(j, "desc", s->desc, "(none)");
    json_int(j, "uptime_s", render_crypto_age_s(now_ms, s->up_since_ms));
    json_str(j, "socket_state", s->socket_open ? "Open" : "Closed");
    json_arr_begin(j, "ike_sas");
    for (unsigned i = 0; i < n_ike; i++) {
        const struct rec_cs_ike *k = &s->ike[i];

        json_obj_begin(j, NULL);
        json_uint(j, "session_id", k->session_id);
        json_uint(j, "ike_version", k->ike_version == 2 ? 2 : 1);
        jip(j, "local", k->local);
        json_uint(j, "local_port", k->local_port);
        jip(j, "remote", k->remote);
        json_uint(j, "remote_port", k->remote_port);
        json_str(j, "status", k->active ? "Active" : "Inactive");
        jcaps(j, "capabilities", k->caps);
        json_uint(j, "conn_id", k->conn_id);
        json_int(j, "lifetime_s", render_crypto_left_s(now_ms, k->expires_ms));
        json_obj_end(j);
    }
    json_arr_end(j);
    json_arr_begin(j, "ipsec_flows");
    for (unsigned i = 0; i < n_flows; i++) {
        const struct rec_cs_flow *f = &s->flows[i];

        json_obj_begin(j, NULL);
        json_uint(j, "protocol", f->proto);
        jip(j, "local", f->local);
        jip(j, "local_mask", f->local_mask);
        jip(j, "remote", f->remote);
        jip(j, "remote_mask", f->remote_mask);
        json_uint(j, "active_sas", f->active_sas);
        jflow_dir(j, "inbound", now_ms, f->in_pkts, f->in_drop, f->in_kb, f->in_expires_ms,
                  f->kb_rekey_disabled);
        jflow_dir(j, "outbound", now_ms, f->out_pkts, f->out_drop, f->out_kb, f->out_expires_ms,
                  f->kb_rekey_disabled);
        json_uint(j, "outbound_spi", f->out_spi);
        JFIX(j, "transform", f->transform);
        json_obj_end(j);
    }
    json_arr_end(j);
    json_obj_end(j);
}

void
render_crypto_session_json(struct strbuf *sb, int64_t now_ms, const struct rec_crypto_session *recs,
                           size_t n)
{
    struct json j;

    json_init(&j, sb);
    json_obj_begin(&j, NULL);
    json_int(&j, "now_ms", now_ms);
    json_arr_begin(&j, "sessions");
    for (size_t i = 0; i < n; i++)
        jsession(&j, now_ms, &recs[i]);
    json_arr_end(&j);
    json_obj_end(&j);
    sb_putc(sb, '\n');
}
