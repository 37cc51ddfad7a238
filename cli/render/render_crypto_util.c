/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Name tables and time formats shared by the crypto renderers. The names are
 * the words IOS prints, indexed by the record enums of lib/rec_crypto.h, so
 * the daemon's logs and the JSON output use the same vocabulary as the text.
 */
#include "cli/render/render_crypto_int.h"
#include "lib/inet.h"

#include <inttypes.h>

static const char *const ike_state_names[REC_IKE_STATE_COUNT] = {
    [REC_IKE_MM_NO_STATE] = "MM_NO_STATE", [REC_IKE_MM_SA_SETUP] = "MM_SA_SETUP",
    [REC_IKE_MM_KEY_EXCH] = "MM_KEY_EXCH", [REC_IKE_MM_KEY_AUTH] = "MM_KEY_AUTH",
    [REC_IKE_AG_NO_STATE] = "AG_NO_STATE", [REC_IKE_AG_INIT_EXCH] = "AG_INIT_EXCH",
    [REC_IKE_AG_AUTH] = "AG_AUTH",         [REC_IKE_QM_IDLE] = "QM_IDLE",
};

static const char *const ike_status_names[REC_IKE_STATUS_COUNT] = {
    [REC_IKE_ACTIVE] = "ACTIVE",
    [REC_IKE_ACTIVE_DELETED] = "ACTIVE (deleted)",
    [REC_IKE_STDBY] = "STDBY",
};

static const char *const cs_status_names[REC_CS_STATUS_COUNT] = {
    [REC_CS_UP_ACTIVE] = "UP-ACTIVE", [REC_CS_UP_IDLE] = "UP-IDLE",
    [REC_CS_UP_NO_IKE] = "UP-NO-IKE", [REC_CS_DOWN_NEGOTIATING] = "DOWN-NEGOTIATING",
    [REC_CS_DOWN] = "DOWN",
};

/* IOS 15 prints the SA state twice: the SA's own and its sibling's. */
static const char *const sa_status_names15[REC_SA_STATUS_COUNT] = {
    [REC_SA_ACTIVE] = "ACTIVE(ACTIVE)",
    [REC_SA_STANDBY] = "STANDBY(STANDBY)",
};
static const char *const sa_status_names124[REC_SA_STATUS_COUNT] = {
    [REC_SA_ACTIVE] = "ACTIVE",
    [REC_SA_STANDBY] = "STANDBY",
};

static const char *const ctr_names[REC_IPC_COUNT] = {
    [REC_IPC_ENCAPS] = "encaps",
    [REC_IPC_ENCRYPT] = "encrypt",
    [REC_IPC_DIGEST] = "digest",
    [REC_IPC_DECAPS] = "decaps",
    [REC_IPC_DECRYPT] = "decrypt",
    [REC_IPC_VERIFY] = "verify",
    [REC_IPC_COMPRESSED] = "compressed",
    [REC_IPC_DECOMPRESSED] = "decompressed",
    [REC_IPC_NOT_COMPRESSED] = "not_compressed",
    [REC_IPC_COMPR_FAILED] = "compr_failed",
    [REC_IPC_NOT_DECOMPRESSED] = "not_decompressed",
    [REC_IPC_DECOMPRESS_FAILED] = "decompress_failed",
    [REC_IPC_SEND_ERRORS] = "send_errors",
    [REC_IPC_RECV_ERRORS] = "recv_errors",
    [REC_IPC_NO_SA_SEND] = "no_sa_send",
    [REC_IPC_INVALID_SA_RCV] = "invalid_sa_rcv",
    [REC_IPC_ENCAPS_FAILED_SEND] = "encaps_failed_send",
    [REC_IPC_DECAPS_FAILED_RCV] = "decaps_failed_rcv",
    [REC_IPC_INVALID_PROT_RECV] = "invalid_prot_recv",
    [REC_IPC_VERIFY_FAILED] = "verify_failed",
    [REC_IPC_INVALID_IDENTITY_RECV] = "invalid_identity_recv",
    [REC_IPC_INVALID_LEN_RCV] = "invalid_len_rcv",
    [REC_IPC_REPLAY_ROLLOVER_SEND] = "replay_rollover_send",
    [REC_IPC_REPLAY_ROLLOVER_RCV] = "replay_rollover_rcv",
    [REC_IPC_REPLAY_FAILED_RCV] = "replay_failed_rcv",
    [REC_IPC_TAGGED_SEND] = "tagged_send",
    [REC_IPC_UNTAGGED_RCV] = "untagged_rcv",
    [REC_IPC_NOT_TAGGED_SEND] = "not_tagged_send",
    [REC_IPC_NOT_UNTAGGED_RCV] = "not_untagged_rcv",
    [REC_IPC_INTERNAL_ERR_SEND] = "internal_err_send",
    [REC_IPC_INTERNAL_ERR_RECV] = "internal_err_recv",
};

const char *
render_crypto_ike_state_name(unsigned state)
{
    return state < REC_IKE_STATE_COUNT ? ike_state_names[state] : "?";
}

const char *
render_crypto_ike_status_name(unsigned status)
{
    return status < REC_IKE_STATUS_COUNT ? ike_status_names[status] : "?";
}

const char *
render_crypto_session_status_name(unsigned status)
{
    return status < REC_CS_STATUS_COUNT ? cs_status_names[status] : "?";
}

const char *
render_crypto_sa_status_name(unsigned status, unsigned dialect)
{
    if (status >= REC_SA_STATUS_COUNT)
        return "?";
    return dialect == RENDER_CRYPTO_IOS124 ? sa_status_names124[status] : sa_status_names15[status];
}

const char *
render_crypto_ctr_name(unsigned ctr)
{
    return ctr < REC_IPC_COUNT ? ctr_names[ctr] : "?";
}

char *
render_crypto_caps(uint16_t caps, char *out)
{
    /* The order of the Code: legend, which is also the order IOS prints
     * a session's capabilities in ("DN"). */
    static const char letters[] = "CDKNTXFRUS";
    size_t k = 0;

    for (unsigned i = 0; letters[i]; i++)
        if (caps & (1u << i))
            out[k++] = letters[i];
    out[k] = '\0';
    return out;
}

int64_t
render_crypto_left_s(int64_t now_ms, int64_t t)
{
    if (t == 0 || t <= now_ms)
        return 0;
    return (t - now_ms) / 1000;
}

int64_t
render_crypto_age_s(int64_t now_ms, int64_t t)
{
    if (t == 0 || t >= now_ms)
        return 0;
    return (now_ms - t) / 1000;
}

void
render_crypto_hms(struct strbuf *sb, int64_t secs)
{
    if (secs < 0)
        secs = 0;
    sb_printf(sb, "%02" PRId64 ":%02" PRId64 ":%02" PRId64, secs / 3600, secs / 60 % 60, secs % 60);
}

void
render_crypto_uptime(struct strbuf *sb, int64_t secs)
{
    const int64_t day = 86400, week = 7 * day, year = 365 * day;

    if (secs < 0)
        secs = 0;
    if (secs < day)
        render_crypto_hms(sb, secs);
    else if (secs < week)
        sb_printf(sb, "%" PRId64 "d%02" PRId64 "h", secs / day, secs % day / 3600);
    else if (secs < year)
        sb_printf(sb, "%" PRId64 "w%" PRId64 "d", secs / week, secs % week / day);
    else
        sb_printf(sb, "%" PRId64 "y%" PRId64 "w", secs / year, secs % year / week);
}

const char *
render_crypto_ip(uint32_t a, char *buf)
{
    return inet_fmt4(a, buf);
}
