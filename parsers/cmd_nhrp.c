/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * `ip nhrp ...` interface commands. Static maps and map multicast share one
 * list in configuration order because IOS prints them interleaved as typed;
 * NHS entries keep their order too (it is the registration order).
 */
#include "parsers/cfg_build.h"
#include "lib/inet.h"

#include <string.h>

#define NOTE_NHRP "NHRP engine of dmvpnd"
#define NP        (CMDF_NO | CMDF_NO_PREFIX | CMDF_DEFAULT)

static int
h_auth(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    const struct cmd_val *v = cmd_get(m, "key");
    struct cfg_iface *ifp = cb_cur_if(b);

    if (m->op != OP_SET) {
        ifp->nhrp.auth = NULL;
        return H_OK;
    }
    /* the Cisco authentication extension carries at most 8 octets */
    if (v->len > 8) {
        *err = "% NHRP authentication string is limited to 8 characters";
        return H_ERR;
    }
    ifp->nhrp.enabled = true;
    ifp->nhrp.auth = cmd_str(b, m, "key");
    return H_OK;
}

static int
h_network_id(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg_iface *ifp = cb_cur_if(b);

    ifp->nhrp.has_network_id = m->op == OP_SET;
    ifp->nhrp.network_id = (uint32_t)cmd_num(m, "id", 0);
    if (m->op == OP_SET)
        ifp->nhrp.enabled = true;
    return H_OK;
}

static int
h_holdtime(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg_iface *ifp = cb_cur_if(b);

    ifp->nhrp.holdtime = m->op == OP_SET ? (uint32_t)cmd_num(m, "secs", 0) : 0;
    if (m->op == OP_SET)
        ifp->nhrp.enabled = true;
    return H_OK;
}

static int
h_map(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg_iface *ifp = cb_cur_if(b);
    struct cfg_nhrp *n = &ifp->nhrp;
    struct cfg_nhrp_map key = {0}, *mp;
    long idx;

    key.multicast = cmd_has(m, "multicast");
    key.dynamic = cmd_has(m, "dynamic");
    key.proto = cmd_ip(m, "proto");
    key.proto_mask = cmd_ip(m, "pmask");
    key.nbma = cmd_ip(m, "nbma");
    if (cmd_has(m, "pmask") &&
        (!inet_mask_ok(key.proto_mask) || (key.proto & ~key.proto_mask) != 0)) {
        *err = "%Inconsistent address and mask";
        return H_ERR;
    }
    idx = cb_map_find(b, b->cur_if, &key);
    if (m->op != OP_SET) {
        if (idx < 0)
            return H_OK; /* IOS removes nothing, silently */
        memmove(&n->maps[idx], &n->maps[idx + 1], (n->nmaps - (size_t)idx - 1) * sizeof(key));
        n->nmaps--;
        b->map_idx_dirty = true;
        return H_OK;
    }
    n->enabled = true;
    if (idx >= 0)
        return H_OK; /* the same line twice is one mapping */
    mp = CB_PUSH(b, n->maps, n->nmaps, n->capmaps);
    *mp = key;
    cb_map_add_idx(b, b->cur_if, n->nmaps - 1);
    return H_OK;
}

static int
h_nhs(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg_nhrp *n = &cb_cur_if(b)->nhrp;
    struct cfg_nhrp_nhs s = {0}, *sp;
    const struct cmd_val *nb = cmd_get(m, "nbma");
    size_t i;

    s.dynamic = cmd_has(m, "dynamic");
    s.addr = cmd_ip(m, "addr");
    if (!s.dynamic && !cmd_has(m, "addr")) {
        *err = "% Incomplete command.";
        return H_ERR;
    }
    for (i = 0; i < n->nnhs; i++)
        if (n->nhs[i].dynamic == s.dynamic && (s.dynamic || n->nhs[i].addr == s.addr))
            break;
    if (m->op != OP_SET) {
        if (i < n->nnhs) {
            memmove(&n->nhs[i], &n->nhs[i + 1], (n->nnhs - i - 1) * sizeof(s));
            n->nnhs--;
        }
        return H_OK;
    }
    if (nb) {
        s.has_nbma = true;
        if (!inet_parse4n(nb->str, nb->len, &s.nbma))
            s.nbma_fqdn = cmd_str(b, m, "nbma");
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
    cb_cur_if(b)->nhrp.nhs_fallback = m->op == OP_SET ? (int)cmd_num(m, "secs", 0) : -1;
    return H_OK;
}

static int
h_registration(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg_nhrp *n = &cb_cur_if(b)->nhrp;

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
    struct cfg_nhrp *n = &cb_cur_if(b)->nhrp;

    n->redirect = m->op == OP_SET;
    n->redirect_timeout = m->op == OP_SET ? (int)cmd_num(m, "secs", (uint64_t)-1) : -1;
    if (m->op == OP_SET)
        n->enabled = true;
    return H_OK;
}

static int
h_shortcut(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg_nhrp *n = &cb_cur_if(b)->nhrp;

    n->shortcut = m->op == OP_SET;
    if (m->op == OP_SET)
        n->enabled = true;
    return H_OK;
}

static int
h_server_only(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg_nhrp *n = &cb_cur_if(b)->nhrp;

    n->server_only = m->op == OP_SET;
    n->server_only_non_caching = m->op == OP_SET && cmd_has(m, "non-caching");
    return H_OK;
}

static int
h_max_send(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg_nhrp *n = &cb_cur_if(b)->nhrp;

    n->max_send_pkts = m->op == OP_SET ? (int)cmd_num(m, "pkts", 0) : -1;
    n->max_send_every = m->op == OP_SET ? (int)cmd_num(m, "secs", 0) : -1;
    return H_OK;
}

static int
h_group(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    cb_cur_if(b)->nhrp.group = m->op == OP_SET ? cmd_str(b, m, "name") : NULL;
    return H_OK;
}

const struct cmd_def cmd_tbl_nhrp[] = {
    {MODE_IF, "ip nhrp authentication <word:key>", CLS_SUPPORTED, NOTE_NHRP, h_auth, MODE_EXEC, NP,
     .help =
         CMD_HELP({"nhrp", "NHRP interface subcommands"},
                  {"authentication", "Authentication string"}, {"<key>", "authentication string"})},
    {MODE_IF, "ip nhrp network-id <num:1-4294967295:id>", CLS_SUPPORTED, NOTE_NHRP, h_network_id,
     MODE_EXEC, NP,
     .help = CMD_HELP({"network-id", "NBMA network identifier"}, {"<id>", "Network identifier"})},
    {MODE_IF, "ip nhrp holdtime <num:1-65535:secs>", CLS_SUPPORTED, NOTE_NHRP, h_holdtime,
     MODE_EXEC, NP,
     .help = CMD_HELP({"holdtime", "Advertised holdtime"}, {"<secs>", "Number of seconds"})},
    {MODE_IF, "ip nhrp map <ip:proto> [<mask:pmask>] <ip:nbma>", CLS_SUPPORTED, NOTE_NHRP, h_map,
     MODE_EXEC, CMDF_NO,
     .help = CMD_HELP({"map", "Map dest IP addresses to NBMA addresses"},
                      {"<proto>", "IP address of destination"}, {"<nbma>", "IP NBMA address"})},
    {MODE_IF, "ip nhrp map multicast {<ip:nbma> | dynamic}", CLS_SUPPORTED,
     "multicast replication in the data plane", h_map, MODE_EXEC, CMDF_NO,
     .help =
         CMD_HELP({"multicast", "Use this NBMA mapping for broadcasts/multicasts"},
                  {"<nbma>", "IP NBMA address"},
                  {"dynamic", "Dynamically learn destinations from client registrations on hub"})},
    {MODE_IF,
     "ip nhrp nhs <ip:addr> [nbma <host:nbma> [multicast]] [priority <num:0-255:prio>] "
     "[cluster <num:0-10:clus>]",
     CLS_SUPPORTED, NOTE_NHRP, h_nhs, MODE_EXEC, CMDF_NO | CMDF_NO_PREFIX | CMDF_NO_NEEDS_ARG,
     .help = CMD_HELP({"nhs", "Specify a next hop server"},
                      {"<addr>", "Protocol IP address of NHS"}, {"nbma", "NBMA of NHS"},
                      {"multicast", "Use this NBMA mapping for broadcasts/multicasts"},
                      {"priority", "NHS priority, don't specify for default priority"},
                      {"cluster", "NHS cluster, don't specify for default cluster"})},
    {MODE_IF,
     "ip nhrp nhs dynamic nbma <host:nbma> [multicast] [priority <num:0-255:prio>] "
     "[cluster <num:0-10:clus>]",
     CLS_SUPPORTED, NOTE_NHRP, h_nhs, MODE_EXEC, CMDF_NO | CMDF_NO_PREFIX | CMDF_NO_NEEDS_ARG,
     .help =
         CMD_HELP({"dynamic", "NHS protocol address dynamically learnt"}, {"nbma", "NBMA of NHS"},
                  {"multicast", "Use this NBMA mapping for broadcasts/multicasts"},
                  {"priority", "NHS priority, don't specify for default priority"},
                  {"cluster", "NHS cluster, don't specify for default cluster"})},
    {MODE_IF, "ip nhrp nhs fallback <num:0-60:secs>", CLS_SUPPORTED, NOTE_NHRP, h_nhs_fallback,
     MODE_EXEC, NP, .help = CMD_HELP({"fallback", "NHS Redundancy Fallback time"})},
    {MODE_IF, "ip nhrp registration no-unique", CLS_SUPPORTED, NOTE_NHRP, h_registration, MODE_EXEC,
     NP,
     .help = CMD_HELP({"registration", "Settings for registration packets."},
                      {"no-unique", "Do not set the 'Unique' flag in registration requests."})},
    {MODE_IF, "ip nhrp registration timeout <num:1-65535:secs>", CLS_SUPPORTED, NOTE_NHRP,
     h_registration, MODE_EXEC, NP,
     .help = CMD_HELP({"timeout", "Time between periodic Registration messages"})},
    {MODE_IF, "ip nhrp redirect [timeout <num:2-30:secs>]", CLS_SUPPORTED,
     "phase 3 traffic indications from the data plane's hairpin trigger", h_redirect, MODE_EXEC, NP,
     .help = CMD_HELP({"redirect", "Enable NHRP redirect traffic indication"},
                      {"timeout", "Specify interval over which to throttle"})},
    {MODE_IF, "ip nhrp shortcut", CLS_SUPPORTED, "phase 3 shortcut routes", h_shortcut, MODE_EXEC,
     NP, .help = CMD_HELP({"shortcut", "Enable shortcut switching"})},
    {MODE_IF, "ip nhrp server-only [non-caching]", CLS_SUPPORTED, NOTE_NHRP, h_server_only,
     MODE_EXEC, NP,
     .help = CMD_HELP({"server-only", "Disable NHRP requests"},
                      {"non-caching", "Do not cache NHRP information"})},
    {MODE_IF, "ip nhrp max-send <num:1-65535:pkts> every <num:10-65535:secs>", CLS_SUPPORTED,
     NOTE_NHRP, h_max_send, MODE_EXEC, NP,
     .help = CMD_HELP({"max-send", "Rate limit NHRP traffic"}, {"every", "Specify the interval"})},
    {MODE_IF, "ip nhrp group <word:name>", CLS_UNSUPPORTED, "per-tunnel QoS is not implemented",
     h_group, MODE_EXEC, NP, .help = CMD_HELP({"group", "NHRP group name"})},
};

const size_t cmd_tbl_nhrp_len = TABLE_LEN(cmd_tbl_nhrp);
