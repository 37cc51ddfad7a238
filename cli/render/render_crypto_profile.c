/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * show crypto ipsec profile [NAME]: IOS 15 / XE 16 layout (eight-blank
 * indents, the transform sets one per line as "name:  { words  } ,", an
 * empty line between profiles), from the running config's records.
 */
#include "cli/render/render_crypto_extra.h"
#include "cli/render/render_crypto_int.h"
#include "cli/render/render_json_util.h"
#include "lib/json.h"

#include <inttypes.h>

static int
wanted(const struct rec_ipsec_profile *r, const char *name)
{
    return !name || strncmp(r->name, name, sizeof r->name) == 0;
}

static void
profile_block(struct strbuf *sb, const struct rec_ipsec_profile *r)
{
    unsigned nt = r->ntsets < REC_IPSEC_PROFILE_TSETS ? r->ntsets : REC_IPSEC_PROFILE_TSETS;

    sb_printf(sb, "IPSEC profile %.*s\n", RC_STR(r->name));
    if (r->ikev2_profile[0])
        sb_printf(sb, "        IKEv2 Profile: %.*s\n", RC_STR(r->ikev2_profile));
    if (r->kb_disabled)
        sb_printf(sb,
                  "        Kilobyte Volume Rekey has been disabled.\n"
                  "        Security association lifetime:%" PRIu32 " seconds\n",
                  r->life_s);
    else
        sb_printf(sb,
                  "        Security association lifetime: %" PRIu64 " kilobytes/%" PRIu32
                  " seconds\n",
                  r->life_kb, r->life_s);
    sb_printf(sb, "        Responder-Only (Y/N): %c\n", r->responder_only ? 'Y' : 'N');
    sb_printf(sb, "        PFS (Y/N): %c\n", r->pfs ? 'Y' : 'N');
    if (r->pfs)
        sb_printf(sb, "        DH group: group%u\n", r->pfs_group);
    sb_puts(sb, "        Mixed-mode : Disabled\n        Transform sets={\n");
    for (unsigned i = 0; i < nt; i++)
        sb_printf(sb, "                %.*s:  { %.*s  } ,\n", RC_STR(r->tsets[i].name),
                  RC_STR(r->tsets[i].words));
    sb_puts(sb, "        }\n");
}

void
render_crypto_ipsec_profile(struct strbuf *sb, const struct rec_ipsec_profile *recs, size_t n,
                            const char *name)
{
    int first = 1;

    for (size_t i = 0; i < n; i++) {
        if (!wanted(&recs[i], name))
            continue;
        if (!first)
            sb_puts(sb, "\n");
        profile_block(sb, &recs[i]);
        first = 0;
    }
}

void
render_crypto_ipsec_profile_json(struct strbuf *sb, const struct rec_ipsec_profile *recs, size_t n,
                                 const char *name)
{
    struct json j;

    json_init(&j, sb);
    json_obj_begin(&j, NULL);
    json_arr_begin(&j, "profiles");
    for (size_t i = 0; i < n; i++) {
        const struct rec_ipsec_profile *r = &recs[i];
        unsigned nt = r->ntsets < REC_IPSEC_PROFILE_TSETS ? r->ntsets : REC_IPSEC_PROFILE_TSETS;

        if (!wanted(r, name))
            continue;
        json_obj_begin(&j, NULL);
        JFIX(&j, "name", r->name);
        JFIX(&j, "ikev2_profile", r->ikev2_profile);
        JFIX(&j, "isakmp_profile", r->isakmp_profile);
        json_uint(&j, "lifetime_s", r->life_s);
        json_uint(&j, "lifetime_kb", r->kb_disabled ? 0 : r->life_kb);
        json_bool(&j, "kb_rekey_disabled", r->kb_disabled);
        json_bool(&j, "responder_only", r->responder_only);
        json_bool(&j, "pfs", r->pfs);
        json_uint(&j, "pfs_group", r->pfs_group);
        json_arr_begin(&j, "transform_sets");
        for (unsigned k = 0; k < nt; k++) {
            json_obj_begin(&j, NULL);
            JFIX(&j, "name", r->tsets[k].name);
            JFIX(&j, "transforms", r->tsets[k].words);
            json_obj_end(&j);
        }
        json_arr_end(&j);
        json_obj_end(&j);
    }
    json_arr_end(&j);
    json_obj_end(&j);
    sb_putc(sb, '\n');
}
