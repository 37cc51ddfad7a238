/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * show crypto isakmp default policy: the protection suites IOS uses when no
 * `crypto isakmp policy` matches. These are facts of the image, not of the
 * configuration: IOS XE and IOS 15.x images since the weak suites were
 * withdrawn keep two, AES-128 / SHA-1 / group 5 with RSA signatures (65507)
 * and with a pre-shared key (65508), both 86400 seconds without a volume
 * limit. Every lifetime line ends in a blank on the router.
 */
#include "cli/render/render_crypto_extra.h"
#include "lib/json.h"

struct default_suite {
    unsigned priority;
    const char *encr, *hash, *auth, *group;
    unsigned lifetime_s;
};

static const struct default_suite suites[] = {
    {65507, "AES - Advanced Encryption Standard (128 bit keys).", "Secure Hash Standard",
     "Rivest-Shamir-Adleman Signature", "#5 (1536 bit)", 86400},
    {65508, "AES - Advanced Encryption Standard (128 bit keys).", "Secure Hash Standard",
     "Pre-Shared Key", "#5 (1536 bit)", 86400},
};

#define N_SUITES (sizeof suites / sizeof suites[0])

void
render_crypto_isakmp_default_policy(struct strbuf *sb)
{
    sb_puts(sb, "\n");
    for (size_t i = 0; i < N_SUITES; i++) {
        const struct default_suite *d = &suites[i];

        sb_printf(sb, "Default protection suite of priority %u\n", d->priority);
        sb_printf(sb, "        encryption algorithm:   %s\n", d->encr);
        sb_printf(sb, "        hash algorithm:         %s\n", d->hash);
        sb_printf(sb, "        authentication method:  %s\n", d->auth);
        sb_printf(sb, "        Diffie-Hellman group:   %s\n", d->group);
        sb_printf(sb, "        lifetime:               %u seconds, no volume limit \n",
                  d->lifetime_s);
    }
}

void
render_crypto_isakmp_default_policy_json(struct strbuf *sb)
{
    struct json j;

    json_init(&j, sb);
    json_obj_begin(&j, NULL);
    json_arr_begin(&j, "policies");
    for (size_t i = 0; i < N_SUITES; i++) {
        const struct default_suite *d = &suites[i];

        json_obj_begin(&j, NULL);
        json_uint(&j, "priority", d->priority);
        json_str(&j, "encryption_algorithm", d->encr);
        json_str(&j, "hash_algorithm", d->hash);
        json_str(&j, "authentication_method", d->auth);
        json_str(&j, "diffie_hellman_group", d->group);
        json_uint(&j, "lifetime_s", d->lifetime_s);
        json_bool(&j, "volume_limit", false);
        json_obj_end(&j);
    }
    json_arr_end(&j);
    json_obj_end(&j);
    sb_putc(sb, '\n');
}
