/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Record sets that rebuild real IOS captures (testdata/ios/show/...): each
 * fixture names its capture, the dialect and options it was printed with and
 * how the comparison must treat what the capture's publication lost. Shared
 * by the cmocka golden tests and by crypto_dump (the TextFSM check).
 */
#ifndef DMVPN_TESTS_RENDER_CRYPTO_FIXTURES_H
#define DMVPN_TESTS_RENDER_CRYPTO_FIXTURES_H

#include "cli/render/render_crypto.h"

#include <stddef.h>
#include <stdint.h>

/* The snapshot clock of every fixture. */
#define FX_NOW 1700000000000LL

/* How a capture is compared with our text (README.md in testdata/ios/show). */
#define FX_EXACT   0x00 /* byte for byte */
#define FX_TRIM    0x01 /* leading/trailing empty lines cut by the publication */
#define FX_PREFIX  0x02 /* the capture stops early: it must be a prefix of ours */
#define FX_RSTRIP  0x04 /* the copy lost trailing blanks: compare lines rstripped */
#define FX_WSLINES 0x08 /* pager residue: blank-only lines compare as empty */

enum fx_cmd { FX_ISAKMP, FX_IPSEC, FX_SESSION };

struct fx {
    const char *name;    /* fixture name (crypto_dump argument) */
    const char *capture; /* path under the repo root; NULL: TextFSM check only */
    enum fx_cmd cmd;
    unsigned mode; /* FX_* */
    struct render_crypto_opts opts;
    const void *recs; /* struct rec_ike_sa / rec_ipsec_sa / rec_crypto_session */
    size_t n;
};

/* Fills the fixture table on first use; returns the count. */
size_t fx_all(const struct fx **out);
const struct fx *fx_find(const char *name);

/* The seed hub's three outputs (IOS 12.4 dialect). */
void fx_seed(const struct rec_crypto_session **s, size_t *ns, const struct rec_ike_sa **k,
             size_t *nk, const struct rec_ipsec_sa **p, size_t *np);

/* Renders a fixture's text (or JSON) into sb. */
void fx_render(struct strbuf *sb, const struct fx *f, int json);

#endif
