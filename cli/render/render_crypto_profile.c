/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * show crypto ipsec profile [NAME]: IOS 15 / XE 16 layout (eight-blank
 * indents, the transform sets one per line as "name:  { words  } ,", an
 * empty line between profiles) or XE 17's (tab indents, a Dualstack line
 * and an empty line after it, PFS's Inherit and group one level deeper),
 * from the running config's records.
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

/* The indents of a layout: XE 17 prints tabs where 15 / XE 16 print 8 blanks. */
struct layout {
    const char *in1, *in2;
    int xe17;
};

static void
profile_block(struct strbuf *sb, const struct rec_ipsec_profile *r, const struct layout *l)
{
    unsigned nt = r->ntsets < REC_IPSEC_PROFILE_TSETS ? r->ntsets : REC_IPSEC_PROFILE_TSETS;

    sb_printf(sb, "IPSEC profile %.*s\n", RC_STR(r->name));
    if (r->ikev2_profile[0])
        sb_printf(sb, "%sIKEv2 Profile: %.*s\n", l->in1, RC_STR(r->ikev2_profile));
    if (r->kb_disabled)
        sb_printf(sb,
                  "%sKilobyte Volume Rekey has been disabled.\n"
                  "%sSecurity association lifetime:%" PRIu32 " seconds\n",
                  l->in1, l->in1, r->life_s);
    else
        sb_printf(sb,
                  "%sSecurity association lifetime: %" PRIu64 " kilobytes/%" PRIu32 " seconds\n",
                  l->in1, r->life_kb, r->life_s);
    if (l->xe17)
        sb_printf(sb, "%sDualstack (Y/N): N\n\n", l->in1);
    sb_printf(sb, "%sResponder-Only (Y/N): %c\n", l->in1, r->responder_only ? 'Y' : 'N');
    sb_printf(sb, "%sPFS (Y/N): %c\n", l->in1, r->pfs ? 'Y' : 'N');
    if (r->pfs && l->xe17)
        sb_printf(sb, "%sInherit (Y/N): N\n", l->in2);
    if (r->pfs)
        sb_printf(sb, "%sDH group: group%u\n", l->xe17 ? l->in2 : l->in1, r->pfs_group);
    sb_printf(sb, "%sMixed-mode : Disabled\n%sTransform sets={\n", l->in1, l->in1);
    for (unsigned i = 0; i < nt; i++)
        sb_printf(sb, "%s%.*s:  { %.*s  } ,\n", l->in2, RC_STR(r->tsets[i].name),
                  RC_STR(r->tsets[i].words));
    sb_printf(sb, "%s}\n", l->in1);
}

void
render_crypto_ipsec_profile(struct strbuf *sb, const struct rec_ipsec_profile *recs, size_t n,
                            const char *name, unsigned dialect)
{
    static const struct layout classic = {"        ", "                ", 0};
    static const struct layout xe17 = {"\t", "\t\t", 1};
    const struct layout *l = dialect == RENDER_CRYPTO_IOSXE17 ? &xe17 : &classic;
    int first = 1;

    for (size_t i = 0; i < n; i++) {
        if (!wanted(&recs[i], name))
            continue;
        if (!first)
            sb_puts(sb, "\n");
        profile_block(sb, &recs[i], l);
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
