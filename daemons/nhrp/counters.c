/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Counters: `show ip nhrp traffic` (sent/received per packet type, drops
 * by reason) and the NHRP-MIB statistics (RFC 2677 nhrpClientStatTable and
 * nhrpServerStatTable). A tunnel with NHS configured counts as a client
 * for the shared columns (purge, error indications); others as a server.
 */
#include "daemons/nhrp/internal.h"

unsigned
nhrp_ctr_index(uint8_t type)
{
    switch (type) {
    case NHRP_RES_REQ:
        return REC_CTR_RES_REQ;
    case NHRP_RES_REPLY:
        return REC_CTR_RES_REPLY;
    case NHRP_REG_REQ:
        return REC_CTR_REG_REQ;
    case NHRP_REG_REPLY:
        return REC_CTR_REG_REPLY;
    case NHRP_PURGE_REQ:
        return REC_CTR_PURGE_REQ;
    case NHRP_PURGE_REPLY:
        return REC_CTR_PURGE_REPLY;
    case NHRP_ERROR_IND:
        return REC_CTR_ERROR_IND;
    default:
        return REC_CTR_TRAFFIC_IND;
    }
}

void
nhrp_mib(struct nhrp_if *nif, enum rec_nhrp_mib m)
{
    nif->ctr.mib[m]++;
}

void
nhrp_event(struct nhrp_if *nif, enum rec_nhrp_event ev, bool failed)
{
    nif->ctr.ev[ev]++;
    if (failed)
        nif->ctr.ev_err[ev]++;
}

static bool
is_client(const struct nhrp_if *nif)
{
    return nif->nnhs > 0;
}

/* Error code -> offset from the "unrecognized extension" column. */
static int
err_col(uint16_t code)
{
    switch (code) {
    case NHRP_ERR_UNRECOGNIZED_EXT:
        return 0;
    case NHRP_ERR_LOOP_DETECTED:
        return 1;
    case NHRP_ERR_PROTO_UNREACHABLE:
        return 2;
    case NHRP_ERR_PROTOCOL_ERROR:
        return 3;
    case NHRP_ERR_SDU_SIZE_EXCEEDED:
        return 4;
    case NHRP_ERR_INVALID_EXT:
        return 5;
    case NHRP_ERR_INVALID_REPLY:
        return 6;
    case NHRP_ERR_AUTH_FAILURE:
        return 7;
    case NHRP_ERR_HOP_EXCEEDED:
        return 8;
    default:
        return -1;
    }
}

static void
reply_code(struct nhrp_if *nif, enum rec_nhrp_mib base, uint8_t code, bool reg)
{
    /* Columns after base: ack, prohib, insuf, then no-bind/not-uniq
     * (resolution) or already-registered (registration). */
    switch (code) {
    case NHRP_CODE_SUCCESS:
        nhrp_mib(nif, base);
        break;
    case NHRP_CODE_ADMIN_PROHIBITED:
        nhrp_mib(nif, base + 1);
        break;
    case NHRP_CODE_INSUFFICIENT_RESOURCES:
        nhrp_mib(nif, base + 2);
        break;
    case NHRP_CODE_NO_BINDING:
        if (!reg)
            nhrp_mib(nif, base + 3);
        break;
    case NHRP_CODE_NOT_UNIQUE:
        if (!reg)
            nhrp_mib(nif, base + 4);
        break;
    case NHRP_CODE_ALREADY_REGISTERED:
        if (reg)
            nhrp_mib(nif, base + 3);
        break;
    default:
        break;
    }
}

void
nhrp_count_rx(struct nhrp_if *nif, const struct nhrp_pkt *p)
{
    uint8_t code = p->ncie ? p->cie[p->cie0].code : 0;
    bool c = is_client(nif);
    int col;

    nif->ctr.rcvd[nhrp_ctr_index(p->type)]++;
    switch (p->type) {
    case NHRP_RES_REQ:
        nhrp_mib(nif, REC_MIB_S_RX_RESOLVE_REQ);
        break;
    case NHRP_RES_REPLY:
        reply_code(nif, REC_MIB_C_RX_RESOLVE_REPLY_ACK, code, false);
        break;
    case NHRP_REG_REQ:
        nhrp_mib(nif, REC_MIB_S_RX_REGISTER_REQ);
        break;
    case NHRP_REG_REPLY:
        reply_code(nif, REC_MIB_C_RX_REGISTER_ACK, code, true);
        break;
    case NHRP_PURGE_REQ:
        nhrp_mib(nif, c ? REC_MIB_C_RX_PURGE_REQ : REC_MIB_S_RX_PURGE_REQ);
        break;
    case NHRP_PURGE_REPLY:
        nhrp_mib(nif, c ? REC_MIB_C_RX_PURGE_REPLY : REC_MIB_S_RX_PURGE_REPLY);
        break;
    case NHRP_ERROR_IND:
        col = err_col(p->err_code);
        if (col >= 0)
            nhrp_mib(nif,
                     (c ? REC_MIB_C_RX_ERR_UNRECOGNIZED_EXT : REC_MIB_S_RX_ERR_UNRECOGNIZED_EXT) +
                         col);
        break;
    default:
        break;
    }
}

void
nhrp_count_tx(struct nhrp_if *nif, const uint8_t *pkt, size_t len, bool fwd)
{
    uint8_t type = len > 17 ? pkt[17] : 0;
    uint8_t code = len >= 40 + NHRP_CIE_LEN ? pkt[40] : 0;
    bool c = is_client(nif);
    int col;

    nif->ctr.sent[nhrp_ctr_index(type)]++;
    if (fwd) {
        static const enum rec_nhrp_mib fw[] = {
            [NHRP_RES_REQ] = REC_MIB_S_FW_RESOLVE_REQ,
            [NHRP_RES_REPLY] = REC_MIB_S_FW_RESOLVE_REPLY,
            [NHRP_REG_REQ] = REC_MIB_S_FW_REGISTER_REQ,
            [NHRP_REG_REPLY] = REC_MIB_S_FW_REGISTER_REPLY,
            [NHRP_PURGE_REQ] = REC_MIB_S_FW_PURGE_REQ,
            [NHRP_PURGE_REPLY] = REC_MIB_S_FW_PURGE_REPLY,
            [NHRP_ERROR_IND] = REC_MIB_S_FW_ERROR_IND,
        };
        if (type >= NHRP_RES_REQ && type <= NHRP_ERROR_IND)
            nhrp_mib(nif, fw[type]);
        return;
    }
    switch (type) {
    case NHRP_RES_REQ:
        nhrp_mib(nif, REC_MIB_C_TX_RESOLVE_REQ);
        break;
    case NHRP_RES_REPLY:
        reply_code(nif, REC_MIB_S_TX_RESOLVE_REPLY_ACK, code, false);
        break;
    case NHRP_REG_REQ:
        nhrp_mib(nif, REC_MIB_C_TX_REGISTER_REQ);
        break;
    case NHRP_REG_REPLY:
        reply_code(nif, REC_MIB_S_TX_REGISTER_ACK, code, true);
        break;
    case NHRP_PURGE_REQ:
        nhrp_mib(nif, c ? REC_MIB_C_TX_PURGE_REQ : REC_MIB_S_TX_PURGE_REQ);
        break;
    case NHRP_PURGE_REPLY:
        nhrp_mib(nif, c ? REC_MIB_C_TX_PURGE_REPLY : REC_MIB_S_TX_PURGE_REPLY);
        break;
    case NHRP_ERROR_IND:
        if (c) {
            nhrp_mib(nif, REC_MIB_C_TX_ERROR_IND);
        } else {
            col = err_col(len >= 26 ? nhrp_get16(pkt + 24) : 0);
            /* The server table has no "invalid reply" transmit column. */
            if (col == 6)
                break;
            if (col > 6)
                col--;
            if (col >= 0)
                nhrp_mib(nif, REC_MIB_S_TX_ERR_UNRECOGNIZED_EXT + col);
        }
        break;
    default:
        break;
    }
}

void
nhrp_count_drop(struct nhrp_if *nif, enum rec_nhrp_drop d)
{
    nif->ctr.drops[d]++;
}
