/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * show crypto isakmp sa count and show crypto ipsec sa count: the SA tables
 * reduced to IOS's one-line-per-class tallies, and their `| json`.
 */
#include "cli/render/render_crypto_extra.h"
#include "cli/render/render_crypto_int.h"
#include "lib/json.h"

#include <inttypes.h>

struct ike_count {
    uint32_t active, standby, negotiating, dead;
};

static struct ike_count
ike_count(const struct rec_ike_sa *recs, size_t n)
{
    struct ike_count c = {0};

    for (size_t i = 0; i < n; i++) {
        const struct rec_ike_sa *r = &recs[i];

        if (r->ike_version == 2) /* ISAKMP is IKEv1; see show crypto ikev2 sa */
            continue;
        if (r->status == REC_IKE_ACTIVE_DELETED)
            c.dead++;
        else if (r->status == REC_IKE_STDBY)
            c.standby++;
        else if (r->state == REC_IKE_QM_IDLE)
            c.active++;
        else
            c.negotiating++;
    }
    return c;
}

void
render_crypto_isakmp_sa_count(struct strbuf *sb, const struct rec_ike_sa *recs, size_t n)
{
    struct ike_count c = ike_count(recs, n);

    sb_printf(sb,
              "Active ISAKMP SA's: %" PRIu32 "\n\nStandby ISAKMP SA's: %" PRIu32
              "\n\nCurrently being negotiated ISAKMP SA's: %" PRIu32
              "\n\nDead ISAKMP SA's: %" PRIu32 "\n",
              c.active, c.standby, c.negotiating, c.dead);
}

void
render_crypto_isakmp_sa_count_json(struct strbuf *sb, const struct rec_ike_sa *recs, size_t n)
{
    struct ike_count c = ike_count(recs, n);
    struct json j;

    json_init(&j, sb);
    json_obj_begin(&j, NULL);
    json_uint(&j, "active", c.active);
    json_uint(&j, "standby", c.standby);
    json_uint(&j, "negotiating", c.negotiating);
    json_uint(&j, "dead", c.dead);
    json_obj_end(&j);
    sb_putc(sb, '\n');
}

struct sa_count {
    uint32_t total, active, rekeying, unused, invalid;
};

/* An entry is the older generation of a rekey when a later entry of the
 * same record has its direction and protocol: charon keeps both until the
 * old one expires, and IOS counts such SAs as rekeying, not active. */
static int
superseded(const struct rec_ipsec_sa *r, unsigned n_sas, unsigned i)
{
    for (unsigned j = i + 1; j < n_sas; j++)
        if (r->sas[j].dir == r->sas[i].dir && r->sas[j].proto == r->sas[i].proto)
            return 1;
    return 0;
}

static struct sa_count
sa_count(const struct rec_ipsec_sa *recs, size_t n)
{
    struct sa_count c = {0};

    for (size_t i = 0; i < n; i++) {
        const struct rec_ipsec_sa *r = &recs[i];
        unsigned n_sas = r->n_sas < REC_IPSEC_MAX_SAS ? r->n_sas : REC_IPSEC_MAX_SAS;

        for (unsigned k = 0; k < n_sas; k++) {
            c.total++;
            if (r->sas[k].status == REC_SA_STANDBY)
                c.unused++; /* installed for failover, carrying nothing */
            else if (superseded(r, n_sas, k))
                c.rekeying++;
            else if (r->sas[k].status == REC_SA_ACTIVE)
                c.active++;
            else
                c.invalid++;
        }
    }
    return c;
}

void
render_crypto_ipsec_sa_count(struct strbuf *sb, const struct rec_ipsec_sa *recs, size_t n)
{
    struct sa_count c = sa_count(recs, n);

    sb_printf(sb,
              "IPsec SA total: %" PRIu32 ", active: %" PRIu32 ", rekeying: %" PRIu32
              ", unused: %" PRIu32 ", invalid: %" PRIu32 "\n",
              c.total, c.active, c.rekeying, c.unused, c.invalid);
}

void
render_crypto_ipsec_sa_count_json(struct strbuf *sb, const struct rec_ipsec_sa *recs, size_t n)
{
    struct sa_count c = sa_count(recs, n);
    struct json j;

    json_init(&j, sb);
    json_obj_begin(&j, NULL);
    json_uint(&j, "total", c.total);
    json_uint(&j, "active", c.active);
    json_uint(&j, "rekeying", c.rekeying);
    json_uint(&j, "unused", c.unused);
    json_uint(&j, "invalid", c.invalid);
    json_obj_end(&j);
    sb_putc(sb, '\n');
}
