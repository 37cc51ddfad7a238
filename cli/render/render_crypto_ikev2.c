/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * show crypto ikev2 proposal / policy / sa [detailed] / session [detailed].
 * Layouts are those of the captures in testdata/ios/show/show_crypto_ikev2_*:
 * the SA row is "%-10u%-22s%-22s%-18.18s   %-7s": the fvrf/ivrf column is
 * cut to 18 characters (hb-iwan-hub-2peers prints "IWAN-TRANSPORT-1/i"), the
 * section titles carry a double blank before "SA" and a trailing blank, and
 * every SA block is followed by an empty line. IOS XE 17 adds the CE id and
 * SPI lines to the plain form (dcantor-c8000v-hub-2spokes); the classic
 * layout (IOS 15 / XE 16) prints them only in the detailed form. Only IPv4
 * SAs exist here, so the IPv6 section is the empty title.
 */
#include "cli/render/render_crypto_int.h"

#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>

static const char *const v2_status[REC_V2_STATUS_COUNT] = {
    [REC_V2_READY] = "READY",
    [REC_V2_IN_NEG] = "IN-NEG",
    [REC_V2_DELETE] = "DELETE",
};

const char *
render_crypto_ikev2_status_name(unsigned status)
{
    return status < REC_V2_STATUS_COUNT ? v2_status[status] : "UNKNOWN";
}

static bool
name_is(const char *field, size_t cap, const char *name)
{
    return !name || (strnlen(field, cap) == strlen(name) && !strncmp(field, name, cap));
}

void
render_crypto_ikev2_proposal(struct strbuf *sb, const struct rec_ikev2_proposal *recs, size_t n,
                             const char *name)
{
    bool any = false;

    for (size_t i = 0; i < n; i++) {
        const struct rec_ikev2_proposal *r = &recs[i];

        if (!name_is(r->name, sizeof(r->name), name))
            continue;
        any = true;
        sb_printf(sb,
                  "IKEv2 proposal: %.*s\n"
                  "     Encryption : %.*s\n"
                  "     Integrity  : %.*s\n"
                  "     PRF        : %.*s\n"
                  "     DH Group   : %.*s\n",
                  RC_STR(r->name), RC_STR(r->encr), RC_STR(r->integ), RC_STR(r->prf),
                  RC_STR(r->dh));
    }
    /* the list ends with an empty line; an unknown name prints nothing */
    if (any)
        sb_puts(sb, "\n");
}

void
render_crypto_ikev2_policy(struct strbuf *sb, const struct rec_ikev2_policy *recs, size_t n,
                           const char *name)
{
    char a[16];

    for (size_t i = 0; i < n; i++) {
        const struct rec_ikev2_policy *r = &recs[i];
        unsigned k;

        if (!name_is(r->name, sizeof(r->name), name))
            continue;
        sb_printf(sb, " IKEv2 policy : %.*s\n", RC_STR(r->name));
        /* the built-in policy's line has one blank before the colon, a
         * configured one's two (genie-iosxe-golden_output) */
        sb_printf(sb, "      Match fvrf %s: %.*s\n", r->builtin ? "" : " ", RC_STR(r->fvrf));
        if (!r->nlocal)
            sb_puts(sb, "      Match address local : any\n");
        /* several addresses or proposals: one line each (no capture shows
         * IOS's layout for more than one) */
        for (k = 0; k < r->nlocal && k < REC_V2_MAX_REFS; k++)
            sb_printf(sb, "      Match address local : %s\n", render_crypto_ip(r->local[k], a));
        for (k = 0; k < r->nprops && k < REC_V2_MAX_REFS; k++)
            sb_printf(sb, "      Proposal    : %.*s\n", RC_STR(r->proposals[k]));
        sb_puts(sb, "\n");
    }
}

/* "none/none", "IWAN-TRANSPORT-1/IWAN-TRANSPORT-1" (cut by the caller). */
static void
vrfs(const struct rec_ikev2_sa *r, char *out, size_t cap)
{
    snprintf(out, cap, "%.*s/%.*s", RC_STR_OR(r->fvrf, "none"), RC_STR_OR(r->ivrf, "none"));
}

static void
sa_head(struct strbuf *sb, int64_t now_ms, const struct rec_ikev2_sa *r)
{
    char a[16], b[16], ep[32], v[2 * REC_NAMESIZ + 2];

    sb_puts(sb, "Tunnel-id Local                 Remote                fvrf/ivrf            "
                "Status \n");
    sb_printf(sb, "%-10" PRIu32, r->tunnel_id);
    snprintf(ep, sizeof(ep), "%s/%u", render_crypto_ip(r->local, a), r->local_port);
    sb_printf(sb, "%-22s", ep);
    snprintf(ep, sizeof(ep), "%s/%u", render_crypto_ip(r->remote, b), r->remote_port);
    sb_printf(sb, "%-22s", ep);
    vrfs(r, v, sizeof(v));
    sb_printf(sb, "%-18.18s   %-7s\n", v, render_crypto_ikev2_status_name(r->status));
    sb_printf(sb,
              "      Encr: %.*s, keysize: %u, PRF: %.*s, Hash: %.*s, DH Grp:%u, Auth sign: %.*s, "
              "Auth verify: %.*s\n",
              RC_STR(r->encr), r->keysize, RC_STR(r->prf), RC_STR_OR(r->hash, "None"), r->dh_group,
              RC_STR(r->auth_sign), RC_STR(r->auth_verify));
    sb_printf(sb, "      Life/Active Time: %" PRIu32 "/%" PRId64 " sec\n", r->life_s,
              render_crypto_age_s(now_ms, r->created_ms));
}

static void
sa_ids(struct strbuf *sb, const struct rec_ikev2_sa *r)
{
    sb_printf(sb, "      CE id: %" PRIu32 ", Session-id: %" PRIu32 "\n", r->ce_id, r->session_id);
}

static void
sa_spis(struct strbuf *sb, const struct rec_ikev2_sa *r)
{
    sb_printf(sb, "      Local spi: %016" PRIX64 "       Remote spi: %016" PRIX64 "\n",
              r->local_spi, r->remote_spi);
}

static const char *const nat_words[] = {"not detected", "detected inside", "detected  outside"};

/* One "Local X:  n   Remote X:  m" line; XE 17 pads the peer's column to 10. */
static void
msg_line(struct strbuf *sb, const char *what, uint32_t l, uint32_t r, bool xe17)
{
    char left[32], right[32];

    snprintf(left, sizeof(left), "Local %s", what);
    snprintf(right, sizeof(right), "Remote %s", what);
    sb_printf(sb, "      %-19s%-15" PRIu32 "%-20s", left, l, right);
    if (xe17)
        sb_printf(sb, "%-10" PRIu32 "\n", r);
    else
        sb_printf(sb, "%" PRIu32 "\n", r);
}

static void
sa_detail(struct strbuf *sb, const struct rec_ikev2_sa *r, bool xe17)
{
    sa_ids(sb, r);
    if (xe17)
        sa_spis(sb, r);
    sb_printf(sb, "      Status Description: %.*s\n", RC_STR(r->status_desc));
    if (!xe17)
        sa_spis(sb, r);
    sb_printf(sb, "      Local id: %.*s\n", RC_STR(r->local_id));
    sb_printf(sb, "      Remote id: %.*s\n", RC_STR(r->remote_id));
    msg_line(sb, "req msg id:", r->req_msg_local, r->req_msg_remote, xe17);
    msg_line(sb, "next msg id:", r->req_msg_local, r->req_msg_remote, xe17);
    msg_line(sb, "req queued:", r->req_msg_local, r->req_msg_remote, xe17);
    msg_line(sb, "window:", r->window_local, r->window_remote, xe17);
    sb_printf(sb, "      DPD configured for %" PRIu32 " seconds, retry %" PRIu32 "\n", r->dpd_s,
              r->dpd_retry);
    sb_puts(sb, "      Fragmentation not  configured.\n"
                "      Dynamic Route Update: enabled\n"
                "      Extended Authentication not configured.\n");
    sb_printf(sb, "      NAT-T is %s%s\n", nat_words[r->nat < 3 ? r->nat : 0],
              xe17 && r->nat == REC_V2_NAT_NONE ? "  " : "");
    sb_puts(sb, "      Cisco Trust Security SGT is disabled\n");
    sb_printf(sb, "      Initiator of SA : %s\n", r->initiator ? "Yes" : "No");
    if (xe17)
        sb_puts(sb, "      PEER TYPE: Other\n");
}

static void
sa_block(struct strbuf *sb, int64_t now_ms, const struct rec_ikev2_sa *r, unsigned dialect,
         bool detail)
{
    bool xe17 = dialect == RENDER_CRYPTO_IOSXE17;

    sa_head(sb, now_ms, r);
    if (detail) {
        sa_detail(sb, r, xe17);
    } else if (xe17) {
        sa_ids(sb, r);
        sa_spis(sb, r);
    }
}

void
render_crypto_ikev2_sa(struct strbuf *sb, int64_t now_ms, const struct rec_ikev2_sa *recs, size_t n,
                       const struct render_crypto_opts *o)
{
    unsigned dialect = o ? o->dialect : RENDER_CRYPTO_IOS15;
    bool detail = o && o->detail;

    /* IOS-XE 16 starts with an empty line and its titles at the margin */
    bool xe16 = dialect == RENDER_CRYPTO_IOSXE16;
    const char *margin = xe16 ? "" : " ";

    sb_printf(sb, "%sIPv4 Crypto IKEv2  SA \n\n", xe16 ? "\n" : " ");
    for (size_t i = 0; i < n; i++) {
        sa_block(sb, now_ms, &recs[i], dialect, detail);
        sb_puts(sb, "\n");
    }
    sb_printf(sb, "%sIPv6 Crypto IKEv2  SA \n\n", margin);
}

static void
selector(struct strbuf *sb, uint32_t lo, uint32_t hi, unsigned plo, unsigned phi)
{
    char a[16], b[16];

    sb_printf(sb, "%s/%u - %s/%u", render_crypto_ip(lo, a), plo, render_crypto_ip(hi, b), phi);
}

static unsigned
session_status(const struct rec_ikev2_sa *r)
{
    if (r->status == REC_V2_READY)
        return r->n_child ? REC_CS_UP_ACTIVE : REC_CS_UP_IDLE;
    return r->status == REC_V2_IN_NEG ? REC_CS_DOWN_NEGOTIATING : REC_CS_DOWN;
}

void
render_crypto_ikev2_session(struct strbuf *sb, int64_t now_ms, const struct rec_ikev2_sa *recs,
                            size_t n, const struct render_crypto_opts *o)
{
    unsigned dialect = o ? o->dialect : RENDER_CRYPTO_IOS15;
    bool detail = o && o->detail;

    sb_puts(sb, " IPv4 Crypto IKEv2 Session \n\n");
    for (size_t i = 0; i < n; i++) {
        const struct rec_ikev2_sa *r = &recs[i];
        unsigned nc = r->n_child < REC_V2_MAX_CHILD ? r->n_child : REC_V2_MAX_CHILD;

        sb_printf(sb, "Session-id:%" PRIu32 ", Status:%s, IKE count:1, CHILD count:%u\n\n",
                  r->session_id, render_crypto_session_status_name(session_status(r)), nc);
        sa_block(sb, now_ms, r, dialect, detail);
        sb_puts(sb, "\n");
        for (unsigned k = 0; k < nc; k++) {
            const struct rec_ikev2_child *c = &r->child[k];

            sb_puts(sb, "Child sa:\n          local selector       ->      remote selector\n"
                        "          ");
            selector(sb, c->local_lo, c->local_hi, c->lport_lo, c->lport_hi);
            sb_puts(sb, "    ->    ");
            selector(sb, c->remote_lo, c->remote_hi, c->rport_lo, c->rport_hi);
            sb_printf(sb,
                      "\n          ESP spi in/out: 0x%" PRIX32 "/0x%" PRIX32 "  \n          \n\n",
                      c->spi_in, c->spi_out);
        }
    }
    sb_puts(sb, " IPv6 Crypto IKEv2 Session \n\n");
}
