/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * `ipv6 nhrp ...` interface commands (the model is cfg_nhrp6.h). They mirror
 * `ip nhrp ...` with IPv6 protocol addresses; the NBMA address of a map or
 * an NHS is either family because IOS runs IPv6 NHRP over an IPv4 underlay
 * as well as over an IPv6 one (`tunnel mode gre multipoint ipv6`). Maps
 * and NHS entries keep configuration order, as show running-config does.
 */
#include "parsers/cfg_build.h"
#include "parsers/opaque.h"
#include "parsers/slots.h"
#include "lib/inet.h"

#include <string.h>

#define NOTE_NHRP6 "IPv6 NHRP engine of dmvpnd"
/* The class of the modeled rows (the NHRP service builds the engine's IPv6
 * slice from them); one place to change it. */
#define CLS_NHRP6 CLS_SUPPORTED
#define NP        (CMDF_NO | CMDF_NO_PREFIX | CMDF_DEFAULT)
#define N_NHRP6   "this IPv6 NHRP option is not implemented"

static struct cfg_nhrp6 *
cur6(struct cfg_build *b)
{
    return &cb_cur_if(b)->nhrp6;
}

/* An NBMA argument: `name` (IPv4) or `name6` (IPv6), whichever matched. */
static bool
nbma_arg(const struct cmd_match *m, const char *name, const char *name6, struct inet_addr *out)
{
    const struct cmd_val *v6 = cmd_get(m, name6);
    const struct cmd_val *v4 = cmd_get(m, name);
    uint8_t a6[16];
    uint32_t a4;

    memset(out, 0, sizeof(*out));
    if (v6 && inet_parse6n(v6->str, v6->len, a6)) {
        *out = inet_addr_v6(a6);
        return true;
    }
    if (v4 && inet_parse4n(v4->str, v4->len, &a4)) {
        *out = inet_addr_v4(a4);
        return true;
    }
    return false;
}

static int
h_auth(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    const struct cmd_val *v = cmd_get(m, "key");
    struct cfg_nhrp6 *n = cur6(b);

    if (m->op != OP_SET) {
        n->auth = NULL;
        return H_OK;
    }
    /* the Cisco authentication extension carries at most 8 octets */
    if (v->len > 8) {
        *err = "% NHRP authentication string is limited to 8 characters";
        return H_ERR;
    }
    n->enabled = true;
    n->auth = cmd_str(b, m, "key");
    return H_OK;
}

static int
h_network_id(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg_nhrp6 *n = cur6(b);

    n->has_network_id = m->op == OP_SET;
    n->network_id = (uint32_t)cmd_num(m, "id", 0);
    if (m->op == OP_SET)
        n->enabled = true;
    return H_OK;
}

static int
h_holdtime(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg_nhrp6 *n = cur6(b);

    n->holdtime = m->op == OP_SET ? (uint32_t)cmd_num(m, "secs", 0) : 0;
    if (m->op == OP_SET)
        n->enabled = true;
    return H_OK;
}

static bool
map_same(const struct cfg_nhrp6_map *a, const struct cfg_nhrp6_map *b)
{
    if (a->multicast != b->multicast || a->dynamic != b->dynamic)
        return false;
    if (a->multicast)
        return a->dynamic || inet_addr_eq(&a->nbma, &b->nbma);
    return a->has_len == b->has_len && a->len == b->len && !memcmp(a->proto, b->proto, 16) &&
           inet_addr_eq(&a->nbma, &b->nbma);
}

static int
h_map(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg_nhrp6 *n = cur6(b);
    struct cfg_nhrp6_map key, *mp;
    const struct cmd_val *pfx = cmd_get(m, "pfx"), *pa = cmd_get(m, "proto");
    size_t i;

    memset(&key, 0, sizeof(key));
    key.multicast = cmd_has(m, "multicast");
    key.dynamic = cmd_has(m, "dynamic");
    key.len = 128;
    if (!key.dynamic)
        nbma_arg(m, "nbma", "nbma6", &key.nbma);
    if (pfx) {
        char buf[64];
        if (pfx->len >= sizeof(buf))
            return H_ERR;
        memcpy(buf, pfx->str, pfx->len);
        buf[pfx->len] = '\0';
        key.has_len = true;
        if (!inet_parse6_prefix(buf, key.proto, &key.len))
            return H_ERR; /* the matcher checked it */
    } else if (pa) {
        inet_parse6n(pa->str, pa->len, key.proto);
    }
    if (!key.multicast && (inet6_is_multicast(key.proto) || inet6_is_zero(key.proto))) {
        *err = "% Invalid IPv6 address";
        return H_ERR;
    }
    for (i = 0; i < n->nmaps; i++)
        if (map_same(&n->maps[i], &key))
            break;
    if (m->op != OP_SET) {
        if (i < n->nmaps) { /* IOS removes nothing, silently, when no map matches */
            memmove(&n->maps[i], &n->maps[i + 1], (n->nmaps - i - 1) * sizeof(key));
            n->nmaps--;
        }
        return H_OK;
    }
    n->enabled = true;
    if (i < n->nmaps)
        return H_OK; /* the same line twice is one mapping */
    mp = CB_PUSH(b, n->maps, n->nmaps, n->capmaps);
    *mp = key;
    return H_OK;
}

static int
h_nhs(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg_nhrp6 *n = cur6(b);
    struct cfg_nhrp6_nhs s, *sp;
    const struct cmd_val *a = cmd_get(m, "addr");
    size_t i;

    memset(&s, 0, sizeof(s));
    s.dynamic = cmd_has(m, "dynamic");
    if (!s.dynamic && (!a || !inet_parse6n(a->str, a->len, s.addr))) {
        *err = "% Incomplete command.";
        return H_ERR;
    }
    if (!s.dynamic && (inet6_is_multicast(s.addr) || inet6_is_zero(s.addr))) {
        *err = "% Invalid IPv6 address";
        return H_ERR;
    }
    for (i = 0; i < n->nnhs; i++)
        if (n->nhs[i].dynamic == s.dynamic && !memcmp(n->nhs[i].addr, s.addr, 16))
            break;
    if (m->op != OP_SET) {
        if (i < n->nnhs) {
            memmove(&n->nhs[i], &n->nhs[i + 1], (n->nnhs - i - 1) * sizeof(s));
            n->nnhs--;
        }
        return H_OK;
    }
    if (cmd_has(m, "nbma")) {
        s.has_nbma = true;
        if (!nbma_arg(m, "nbmah", "nbma6", &s.nbma))
            s.nbma_fqdn = cmd_str(b, m, "nbmah");
    }
    s.multicast = cmd_has(m, "multicast");
    s.priority = (int)cmd_num(m, "prio", (uint64_t)-1);
    s.cluster = (int)cmd_num(m, "clus", (uint64_t)-1);
    n->enabled = true;
    if (i < n->nnhs) { /* re-typing an NHS updates it in place */
        n->nhs[i] = s;
        return H_OK;
    }
    sp = CB_PUSH(b, n->nhs, n->nnhs, n->capnhs);
    *sp = s;
    return H_OK;
}

static int
h_nhs_fallback(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    cur6(b)->nhs_fallback = m->op == OP_SET ? (int)cmd_num(m, "secs", 0) : -1;
    return H_OK;
}

static int
h_registration(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg_nhrp6 *n = cur6(b);

    if (cmd_has(m, "no-unique"))
        n->reg_no_unique = m->op == OP_SET;
    else
        n->reg_timeout = m->op == OP_SET ? (uint32_t)cmd_num(m, "secs", 0) : 0;
    if (m->op == OP_SET)
        n->enabled = true;
    return H_OK;
}

static int
h_redirect(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg_nhrp6 *n = cur6(b);

    n->redirect = m->op == OP_SET;
    n->redirect_timeout = m->op == OP_SET ? (int)cmd_num(m, "secs", (uint64_t)-1) : -1;
    if (m->op == OP_SET)
        n->enabled = true;
    return H_OK;
}

static int
h_shortcut(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg_nhrp6 *n = cur6(b);

    n->shortcut = m->op == OP_SET;
    if (m->op == OP_SET)
        n->enabled = true;
    return H_OK;
}

#define NBMA_ANY "{<ip:nbma> | <ipv6:nbma6>}"

const struct cmd_def cmd_tbl_nhrp6[] = {
    {MODE_IF, "ipv6 nhrp authentication <word:key>", CLS_NHRP6, NOTE_NHRP6, h_auth, MODE_EXEC, NP,
     .help =
         CMD_HELP({"ipv6", "IPv6 interface subcommands"}, {"nhrp", "NHRP interface subcommands"},
                  {"authentication", "Authentication string"}, {"<key>", "authentication string"})},
    {MODE_IF, "ipv6 nhrp network-id <num:1-4294967295:id>", CLS_NHRP6, NOTE_NHRP6, h_network_id,
     MODE_EXEC, NP,
     .help = CMD_HELP({"network-id", "NBMA network identifier"}, {"<id>", "Network identifier"})},
    {MODE_IF, "ipv6 nhrp holdtime <num:1-65535:secs>", CLS_NHRP6, NOTE_NHRP6, h_holdtime, MODE_EXEC,
     NP, .help = CMD_HELP({"holdtime", "Advertised holdtime"}, {"<secs>", "Number of seconds"})},
    {MODE_IF, "ipv6 nhrp map {<ipv6pfx:pfx> | <ipv6:proto>} " NBMA_ANY, CLS_NHRP6, NOTE_NHRP6,
     h_map, MODE_EXEC, CMDF_NO,
     .help = CMD_HELP({"map", "Map dest IPv6 addresses to NBMA addresses"},
                      {"<pfx>", "IPv6 prefix of destination"},
                      {"<proto>", "IPv6 address of destination"}, {"<nbma>", "IP NBMA address"},
                      {"<nbma6>", "IPv6 NBMA address"})},
    {MODE_IF, "ipv6 nhrp map multicast {" NBMA_ANY " | dynamic}", CLS_NHRP6,
     "multicast replication in the data plane", h_map, MODE_EXEC, CMDF_NO,
     .help =
         CMD_HELP({"multicast", "Use this NBMA mapping for broadcasts/multicasts"},
                  {"<nbma>", "IP NBMA address"}, {"<nbma6>", "IPv6 NBMA address"},
                  {"dynamic", "Dynamically learn destinations from client registrations on hub"})},
    {MODE_IF,
     "ipv6 nhrp nhs <ipv6:addr> [nbma {<host:nbmah> | <ipv6:nbma6>} [multicast]] "
     "[priority <num:0-255:prio>] [cluster <num:0-10:clus>]",
     CLS_NHRP6, NOTE_NHRP6, h_nhs, MODE_EXEC, CMDF_NO | CMDF_NO_PREFIX | CMDF_NO_NEEDS_ARG,
     .help = CMD_HELP({"nhs", "Specify a next hop server"},
                      {"<addr>", "Protocol IPv6 address of NHS"}, {"nbma", "NBMA of NHS"},
                      {"<nbmah>", "IP NBMA address or FQDN"}, {"<nbma6>", "IPv6 NBMA address"},
                      {"multicast", "Use this NBMA mapping for broadcasts/multicasts"},
                      {"priority", "NHS priority, don't specify for default priority"},
                      {"cluster", "NHS cluster, don't specify for default cluster"})},
    {MODE_IF,
     "ipv6 nhrp nhs dynamic nbma {<host:nbmah> | <ipv6:nbma6>} [multicast] "
     "[priority <num:0-255:prio>] [cluster <num:0-10:clus>]",
     CLS_NHRP6, NOTE_NHRP6, h_nhs, MODE_EXEC, CMDF_NO | CMDF_NO_PREFIX | CMDF_NO_NEEDS_ARG,
     .help =
         CMD_HELP({"dynamic", "NHS protocol address dynamically learnt"}, {"nbma", "NBMA of NHS"},
                  {"multicast", "Use this NBMA mapping for broadcasts/multicasts"},
                  {"priority", "NHS priority, don't specify for default priority"},
                  {"cluster", "NHS cluster, don't specify for default cluster"})},
    {MODE_IF, "ipv6 nhrp nhs fallback <num:0-60:secs>", CLS_NHRP6, NOTE_NHRP6, h_nhs_fallback,
     MODE_EXEC, NP, .help = CMD_HELP({"fallback", "NHS Redundancy Fallback time"})},
    {MODE_IF, "ipv6 nhrp registration no-unique", CLS_NHRP6, NOTE_NHRP6, h_registration, MODE_EXEC,
     NP,
     .help = CMD_HELP({"registration", "Settings for registration packets."},
                      {"no-unique", "Do not set the 'Unique' flag in registration requests."})},
    {MODE_IF, "ipv6 nhrp registration timeout <num:1-65535:secs>", CLS_NHRP6, NOTE_NHRP6,
     h_registration, MODE_EXEC, NP,
     .help = CMD_HELP({"timeout", "Time between periodic Registration messages"})},
    {MODE_IF, "ipv6 nhrp redirect [timeout <num:2-30:secs>]", CLS_NHRP6,
     "phase 3 traffic indications from the data plane's hairpin trigger", h_redirect, MODE_EXEC, NP,
     .help = CMD_HELP({"redirect", "Enable NHRP redirect traffic indication"},
                      {"timeout", "Specify interval over which to throttle"})},
    {MODE_IF, "ipv6 nhrp shortcut", CLS_NHRP6, "phase 3 shortcut routes", h_shortcut, MODE_EXEC, NP,
     .help = CMD_HELP({"shortcut", "Enable shortcut switching"})},
    /* recognised, kept verbatim with the IPv6 lines, not implemented */
    OPQ(MODE_IF,
        "ipv6 nhrp {interest|record|responder|use|trigger-svc|cache|attribute|max-send|"
        "server-only|send-routed|summary-map}",
        CLS_UNSUPPORTED, N_NHRP6, SI_IPV6,
        CMD_HELP({"interest", "Specify an access list"}, {"record", "Allow NHRP record option"},
                 {"responder", "Responder interface"},
                 {"use", "Specify usage count for sending requests"},
                 {"trigger-svc", "Create NHRP cut-through based on traffic load"},
                 {"cache", "NHRP Cache related commands."}, {"attribute", "NHRP attribute set"},
                 {"max-send", "Rate limit NHRP traffic"}, {"server-only", "Disable NHRP requests"},
                 {"send-routed", "Send NHRP packets via the routed path first."},
                 {"summary-map", "Summary IPv6 address"})),
    OPQ(MODE_IF, "ipv6 nhrp nhs cluster <num:0-10:c> max-connections", CLS_UNSUPPORTED, N_NHRP6,
        SI_IPV6,
        CMD_HELP({"cluster", "NHS Redundancy cluster configurations"},
                 {"max-connections", "Number of NHS connections to keep up in the cluster"})),
};

const size_t cmd_tbl_nhrp6_len = TABLE_LEN(cmd_tbl_nhrp6);
