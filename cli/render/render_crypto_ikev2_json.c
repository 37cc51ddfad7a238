/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * `| json` for the IKEv2 shows: the records with the words of the IOS text
 * as values (genieparser's key names where it has them: encryption,
 * integrity, prf, dh_group, tunnel_id, fvrf, ivrf, status, life_time,
 * active_time), addresses as dotted quads, the active time in seconds
 * against now_ms. Every field is present whatever `detailed` asked.
 */
#include "cli/render/render_crypto_int.h"
#include "cli/render/render_json_util.h"
#include "lib/json.h"

#include <stdbool.h>
#include <stdio.h>

static void
jip(struct json *j, const char *key, uint32_t a)
{
    char buf[16];

    json_str(j, key, render_crypto_ip(a, buf));
}

static void
jspi(struct json *j, const char *key, uint64_t v, int digits)
{
    char buf[24];

    snprintf(buf, sizeof buf, "%0*llX", digits, (unsigned long long)v);
    json_str(j, key, buf);
}

static bool
wanted(const char *field, size_t cap, const char *name)
{
    return !name || (strnlen(field, cap) == strlen(name) && !strncmp(field, name, cap));
}

void
render_crypto_ikev2_proposal_json(struct strbuf *sb, const struct rec_ikev2_proposal *recs,
                                  size_t n, const char *name)
{
    struct json j;

    json_init(&j, sb);
    json_obj_begin(&j, NULL);
    json_arr_begin(&j, "proposals");
    for (size_t i = 0; i < n; i++) {
        const struct rec_ikev2_proposal *r = &recs[i];

        if (!wanted(r->name, sizeof(r->name), name))
            continue;
        json_obj_begin(&j, NULL);
        JFIX(&j, "name", r->name);
        JFIX(&j, "encryption", r->encr);
        JFIX(&j, "integrity", r->integ);
        JFIX(&j, "prf", r->prf);
        JFIX(&j, "dh_group", r->dh);
        json_obj_end(&j);
    }
    json_arr_end(&j);
    json_obj_end(&j);
}

void
render_crypto_ikev2_policy_json(struct strbuf *sb, const struct rec_ikev2_policy *recs, size_t n,
                                const char *name)
{
    struct json j;

    json_init(&j, sb);
    json_obj_begin(&j, NULL);
    json_arr_begin(&j, "policies");
    for (size_t i = 0; i < n; i++) {
        const struct rec_ikev2_policy *r = &recs[i];

        if (!wanted(r->name, sizeof(r->name), name))
            continue;
        json_obj_begin(&j, NULL);
        JFIX(&j, "name", r->name);
        JFIX(&j, "match_fvrf", r->fvrf);
        json_arr_begin(&j, "match_address_local");
        for (unsigned k = 0; k < r->nlocal && k < REC_V2_MAX_REFS; k++)
            jip(&j, NULL, r->local[k]);
        json_arr_end(&j);
        json_arr_begin(&j, "proposals");
        for (unsigned k = 0; k < r->nprops && k < REC_V2_MAX_REFS; k++)
            JFIX(&j, NULL, r->proposals[k]);
        json_arr_end(&j);
        json_bool(&j, "builtin", r->builtin != 0);
        json_obj_end(&j);
    }
    json_arr_end(&j);
    json_obj_end(&j);
}

static void
child_json(struct json *j, const struct rec_ikev2_child *c)
{
    json_obj_begin(j, NULL);
    jip(j, "local_start", c->local_lo);
    jip(j, "local_end", c->local_hi);
    json_uint(j, "local_port_start", c->lport_lo);
    json_uint(j, "local_port_end", c->lport_hi);
    jip(j, "remote_start", c->remote_lo);
    jip(j, "remote_end", c->remote_hi);
    json_uint(j, "remote_port_start", c->rport_lo);
    json_uint(j, "remote_port_end", c->rport_hi);
    jspi(j, "esp_spi_in", c->spi_in, 8);
    jspi(j, "esp_spi_out", c->spi_out, 8);
    json_obj_end(j);
}

void
render_crypto_ikev2_sa_json(struct strbuf *sb, int64_t now_ms, const struct rec_ikev2_sa *recs,
                            size_t n)
{
    struct json j;

    json_init(&j, sb);
    json_obj_begin(&j, NULL);
    json_int(&j, "now_ms", now_ms);
    json_arr_begin(&j, "ikev2_sas");
    for (size_t i = 0; i < n; i++) {
        const struct rec_ikev2_sa *r = &recs[i];

        json_obj_begin(&j, NULL);
        json_uint(&j, "tunnel_id", r->tunnel_id);
        JFIX(&j, "interface", r->ifname);
        jip(&j, "local_ip", r->local);
        json_uint(&j, "local_port", r->local_port);
        jip(&j, "remote_ip", r->remote);
        json_uint(&j, "remote_port", r->remote_port);
        JFIX_OR(&j, "fvrf", r->fvrf, "none");
        JFIX_OR(&j, "ivrf", r->ivrf, "none");
        json_str(&j, "status", render_crypto_ikev2_status_name(r->status));
        JFIX(&j, "encryption", r->encr);
        json_uint(&j, "keysize", r->keysize);
        JFIX(&j, "prf", r->prf);
        JFIX_OR(&j, "hash", r->hash, "None");
        json_uint(&j, "dh_group", r->dh_group);
        JFIX(&j, "auth_sign", r->auth_sign);
        JFIX(&j, "auth_verify", r->auth_verify);
        json_uint(&j, "life_time", r->life_s);
        json_int(&j, "active_time", render_crypto_age_s(now_ms, r->created_ms));
        json_uint(&j, "ce_id", r->ce_id);
        json_uint(&j, "session_id", r->session_id);
        jspi(&j, "local_spi", r->local_spi, 16);
        jspi(&j, "remote_spi", r->remote_spi, 16);
        JFIX(&j, "status_description", r->status_desc);
        JFIX(&j, "local_id", r->local_id);
        JFIX(&j, "remote_id", r->remote_id);
        json_uint(&j, "dpd_interval", r->dpd_s);
        json_uint(&j, "dpd_retry", r->dpd_retry);
        json_str(&j, "nat_t",
                 r->nat == REC_V2_NAT_INSIDE    ? "inside"
                 : r->nat == REC_V2_NAT_OUTSIDE ? "outside"
                                                : "not detected");
        json_bool(&j, "initiator", r->initiator != 0);
        json_arr_begin(&j, "child_sas");
        for (unsigned k = 0; k < r->n_child && k < REC_V2_MAX_CHILD; k++)
            child_json(&j, &r->child[k]);
        json_arr_end(&j);
        json_obj_end(&j);
    }
    json_arr_end(&j);
    json_obj_end(&j);
}
