/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Building the parts of packets that every role shares: our own CIE, the
 * extension list of a request, a reply's extensions mirroring its request
 * (RFC 2332 5.3: the responder fills the Responder Address, copies the
 * transit records), a forwarded packet's extensions (5.3.2/5.3.3: each
 * transit NHS appends itself), the Cisco authentication extension, and
 * error indications (5.2.7). Extension order follows IOS: responder,
 * forward record, reverse record, authentication, NAT, end.
 */
#include "daemons/nhrp/internal.h"

#include <string.h>

struct nhrp_cie
nhrp_self_cie(const struct nhrp_if *nif, uint8_t code, uint8_t plen)
{
    struct nhrp_cie c;

    memset(&c, 0, sizeof(c));
    c.code = code;
    c.plen = plen;
    c.mtu = nif->cfg.mtu;
    c.holdtime = (uint16_t)(nif->cfg.holdtime > 65535 ? 65535 : nif->cfg.holdtime);
    c.has_nbma = true;
    c.nbma = nif->nbma;
    c.has_proto = true;
    c.proto = nif->addr;
    return c;
}

void
nhrp_w_own_header(struct nhrp_if *nif, struct nhrp_wbuf *w, uint8_t type, uint16_t flags,
                  uint32_t reqid, struct inet_addr dst)
{
    struct inet_addr nbma = nif->nbma, addr = nif->addr;

    /* Our own addresses always name their family, even when unset. */
    if (nbma.af == INET_AF_NONE)
        nbma.af = INET_AF_V4;
    if (addr.af == INET_AF_NONE)
        addr.af = nif->af;
    if (dst.af != addr.af)
        memset(&dst, 0, sizeof(dst));
    nhrp_w_header_af(w, type, NHRP_HOPS_DEFAULT, flags, reqid, &nbma, &addr, &dst);
}

void
nhrp_auth_ext(struct nhrp_if *nif, struct nhrp_wbuf *w)
{
    uint8_t v[4 + NHRP_AUTH_KEY_BYTES];
    size_t n = strlen(nif->cfg.auth), h;

    if (!n)
        return;
    /* Cisco's variant of RFC 2332 5.3.4: the 32-bit word 1 (cleartext
     * password) followed by the key itself, at most 8 octets. */
    if (n > NHRP_AUTH_KEY_BYTES)
        n = NHRP_AUTH_KEY_BYTES;
    nhrp_put32(v, NHRP_AUTH_CISCO);
    memcpy(v + 4, nif->cfg.auth, n);
    h = nhrp_w_ext_begin(w, NHRP_EXT_COMPULSORY | NHRP_EXT_AUTH);
    nhrp_w_bytes(w, v, 4 + n);
    nhrp_w_ext_end(w, h);
}

static void
empty_ext(struct nhrp_wbuf *w, uint16_t type_c)
{
    nhrp_w_ext_end(w, nhrp_w_ext_begin(w, type_c));
}

void
nhrp_build_req_exts(struct nhrp_if *nif, struct nhrp_wbuf *w, bool nat,
                    const struct nhrp_cie *nat_cie)
{
    /* RFC 2332 5.3.1-5.3.3: a requester includes empty Responder Address
     * and transit records so responders and transit NHSs can fill them. */
    empty_ext(w, NHRP_EXT_COMPULSORY | NHRP_EXT_RESPONDER);
    empty_ext(w, NHRP_EXT_COMPULSORY | NHRP_EXT_FWD_TRANSIT);
    empty_ext(w, NHRP_EXT_COMPULSORY | NHRP_EXT_REV_TRANSIT);
    nhrp_auth_ext(nif, w);
    if (nat) {
        /* Cisco sends the NAT extension as plain 0x0009 (not compulsory). */
        size_t h = nhrp_w_ext_begin(w, NHRP_EXT_NAT);
        if (nat_cie)
            nhrp_w_cie(w, nat_cie);
        nhrp_w_ext_end(w, h);
    }
}

static void
copy_ext(struct nhrp_wbuf *w, const struct nhrp_pkt *p, const struct nhrp_ext *e)
{
    size_t h = nhrp_w_ext_begin(w, (uint16_t)(e->type | (e->compulsory ? NHRP_EXT_COMPULSORY : 0)));
    unsigned i;

    if (e->cie_list)
        for (i = 0; i < e->ncie; i++)
            nhrp_w_cie(w, nhrp_ext_cie(p, e, i));
    else
        nhrp_w_bytes(w, nhrp_ext_value(p, e), e->len);
    nhrp_w_ext_end(w, h);
}

bool
nhrp_exts_supported(const struct nhrp_pkt *p, uint16_t *bad_off)
{
    unsigned i;

    /* RFC 2332 5.3: a responder that does not understand a compulsory
     * extension must not answer; it sends Unrecognized Extension. */
    for (i = 0; i < p->next; i++) {
        const struct nhrp_ext *e = &p->ext[i];
        switch (e->type) {
        case NHRP_EXT_RESPONDER:
        case NHRP_EXT_FWD_TRANSIT:
        case NHRP_EXT_REV_TRANSIT:
        case NHRP_EXT_AUTH:
        case NHRP_EXT_NAT:
            break;
        default:
            if (e->compulsory) {
                *bad_off = e->off;
                return false;
            }
        }
    }
    return true;
}

void
nhrp_build_reply_exts(struct nhrp_if *nif, struct nhrp_wbuf *w, const struct nhrp_pkt *req,
                      const struct nhrp_cie *nat_add, unsigned nnat_add)
{
    bool auth_done = false;
    unsigned i, j;

    for (i = 0; i < req->next; i++) {
        const struct nhrp_ext *e = &req->ext[i];
        size_t h;
        struct nhrp_cie c;

        switch (e->type) {
        case NHRP_EXT_RESPONDER:
            /* 5.3.1: the responder puts its own binding here. */
            c = nhrp_self_cie(nif, NHRP_CODE_SUCCESS, nif->host_plen);
            h = nhrp_w_ext_begin(w, (uint16_t)(e->type | (e->compulsory ? 0x8000 : 0)));
            nhrp_w_cie(w, &c);
            nhrp_w_ext_end(w, h);
            break;
        case NHRP_EXT_AUTH:
            /* 5.3.4: authentication is hop by hop; ours replaces theirs. */
            nhrp_auth_ext(nif, w);
            auth_done = true;
            break;
        case NHRP_EXT_NAT:
            if (!e->cie_list) {
                copy_ext(w, req, e);
                break;
            }
            h = nhrp_w_ext_begin(w, (uint16_t)(e->type | (e->compulsory ? 0x8000 : 0)));
            for (j = 0; j < e->ncie; j++)
                nhrp_w_cie(w, nhrp_ext_cie(req, e, j));
            for (j = 0; j < nnat_add; j++)
                nhrp_w_cie(w, &nat_add[j]);
            nhrp_w_ext_end(w, h);
            break;
        default:
            /* 5.3.2/5.3.3 records and non-compulsory unknowns are copied. */
            copy_ext(w, req, e);
            break;
        }
    }
    if (!auth_done)
        nhrp_auth_ext(nif, w);
}

void
nhrp_build_fwd_exts(struct nhrp_if *nif, struct nhrp_wbuf *w, const struct nhrp_pkt *p, bool reply,
                    const struct nhrp_cie *nat_fill)
{
    bool auth_done = false;
    unsigned i, j;

    for (i = 0; i < p->next; i++) {
        const struct nhrp_ext *e = &p->ext[i];
        struct nhrp_cie self;
        size_t h;

        if ((e->type == NHRP_EXT_FWD_TRANSIT && !reply) ||
            (e->type == NHRP_EXT_REV_TRANSIT && reply)) {
            /* 5.3.2 / 5.3.3: a transit NHS appends its own record. */
            h = nhrp_w_ext_begin(w, (uint16_t)(e->type | (e->compulsory ? 0x8000 : 0)));
            for (j = 0; j < e->ncie; j++)
                nhrp_w_cie(w, nhrp_ext_cie(p, e, j));
            self = nhrp_self_cie(nif, NHRP_CODE_SUCCESS, nif->host_plen);
            nhrp_w_cie(w, &self);
            nhrp_w_ext_end(w, h);
        } else if (e->type == NHRP_EXT_AUTH) {
            nhrp_auth_ext(nif, w);
            auth_done = true;
        } else if (e->type == NHRP_EXT_NAT && e->cie_list && !e->ncie && nat_fill) {
            /* Tell the next hop where the requester really is when it
             * sits behind NAT (what FRR and IOS hubs do). */
            h = nhrp_w_ext_begin(w, (uint16_t)(e->type | (e->compulsory ? 0x8000 : 0)));
            nhrp_w_cie(w, nat_fill);
            nhrp_w_ext_end(w, h);
        } else {
            /* A transit NHS passes unrecognised extensions on (5.3). */
            copy_ext(w, p, e);
        }
    }
    if (!auth_done)
        nhrp_auth_ext(nif, w);
}

bool
nhrp_transit_has(const struct nhrp_pkt *p, uint16_t type, struct inet_addr nbma,
                 struct inet_addr proto)
{
    const struct nhrp_ext *e = nhrp_find_ext(p, type);
    unsigned i;

    if (!e || !e->cie_list)
        return false;
    for (i = 0; i < e->ncie; i++) {
        const struct nhrp_cie *c = nhrp_ext_cie(p, e, i);
        if ((c->has_nbma && nhrp_a_eq(c->nbma, nbma)) ||
            (c->has_proto && nhrp_a_eq(c->proto, proto)))
            return true;
    }
    return false;
}

void
nhrp_send_error(struct nhrp_if *nif, const struct nhrp_pkt *p, struct inet_addr from, uint16_t code,
                uint16_t offset)
{
    uint8_t buf[NHRP_BUF];
    struct nhrp_wbuf w;
    size_t n, len;

    /* RFC 2332 5.2.7: never in answer to an error indication. */
    if (p->type == NHRP_ERROR_IND || nhrp_a_none(nif->addr) || p->proto_af != nif->af)
        return;
    nhrp_w_init(&w, buf, sizeof(buf));
    nhrp_w_own_header(nif, &w, NHRP_ERROR_IND, 0, (uint32_t)code << 16 | offset, p->src_proto);
    /* The packet in error follows, as much as fits; no extensions. */
    n = p->size;
    if (n > sizeof(buf) - w.len)
        n = sizeof(buf) - w.len;
    nhrp_w_bytes(&w, p->raw, n);
    len = nhrp_w_finish(&w);
    if (len)
        nhrp_send(nif, from, buf, len, false);
}
