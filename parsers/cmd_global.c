/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Global configuration commands that we model: hostname, secrets and users,
 * static routes, snmp-server basics, the line, interface and router stanza
 * headers, and exit/end. Each handler validates fully before it changes the
 * builder, so a rejected line leaves the model as it was.
 */
#include "parsers/cfg_build.h"
#include "parsers/vrf.h"
#include "parsers/secret.h"
#include "parsers/slots.h"
#include "lib/inet.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NOTE_ROUTE     "kernel route in the node's routing table (libnl-3)"
#define NOTE_ROUTE_VRF "kernel route in the VRF's network namespace (libnl-3)"

const char *
cmd_str(struct cfg_build *b, const struct cmd_match *m, const char *name)
{
    const struct cmd_val *v = cmd_get(m, name);

    return v ? cb_strdup(b, v->str, v->len) : NULL;
}

static int
h_hostname(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    const struct cmd_val *v = cmd_get(m, "name");

    if (m->op != OP_SET) {
        b->c->hostname = NULL;
        return H_OK;
    }
    /* IOS: hostnames start with a letter and use letters, digits, hyphens */
    if (!((v->str[0] >= 'a' && v->str[0] <= 'z') || (v->str[0] >= 'A' && v->str[0] <= 'Z'))) {
        *err = "% Hostname contains one or more illegal characters.";
        return H_ERR;
    }
    b->c->hostname = cmd_str(b, m, "name");
    return H_OK;
}

/*
 * Secret argument shared by `enable secret` and `username ... secret`:
 * clear text (type 0 or no type) is hashed; typed hashes are checked.
 */
static int
secret_arg(struct cfg_build *b, const struct cmd_match *m, int *type, const char **value,
           const char **err)
{
    const struct cmd_val *v = cmd_get(m, "secret");
    int t = cmd_has(m, "5") ? 5 : cmd_has(m, "8") ? 8 : cmd_has(m, "9") ? 9 : 0;

    if (t == 0) {
        char *clear = strndup(v->str, v->len);
        char *h = secret_hash5(clear);
        free(clear);
        *value = cb_strdup(b, h, strlen(h));
        free(h);
        *type = 5;
        return H_OK;
    }
    if (!secret_hash_ok(t, v->str, v->len)) {
        *err = "ERROR: The secret you entered is not a valid encrypted secret.";
        return H_ERR;
    }
    *type = t;
    *value = cmd_str(b, m, "secret");
    return H_OK;
}

static int
h_enable_secret(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    int type;
    const char *val;

    if (m->op != OP_SET) {
        b->c->enable_secret = NULL;
        return H_OK;
    }
    if (secret_arg(b, m, &type, &val, err) != H_OK)
        return H_ERR;
    b->c->enable_secret = val;
    b->c->enable_secret_type = type;
    return H_OK;
}

static int
h_enable_password(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    if (m->op != OP_SET) {
        b->c->enable_password = NULL;
        return H_OK;
    }
    if (cmd_has(m, "7")) {
        *err = "% Type 7 passwords are not supported here; use enable secret";
        return H_ERR;
    }
    b->c->enable_password = cmd_str(b, m, "pw");
    return H_OK;
}

static int
h_username(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    const struct cmd_val *name = cmd_get(m, "name");
    struct cfg *c = b->c;
    struct cfg_user u = {0}, *up;
    size_t i;

    for (i = 0; i < c->nusers; i++)
        if (strlen(c->users[i].name) == name->len &&
            !strncmp(c->users[i].name, name->str, name->len))
            break;
    if (m->op != OP_SET) {
        if (i < c->nusers) {
            memmove(&c->users[i], &c->users[i + 1], (c->nusers - i - 1) * sizeof(u));
            c->nusers--;
        }
        return H_OK;
    }
    u.privilege = (int)cmd_num(m, "priv", (uint64_t)-1);
    if (cmd_has(m, "secret")) {
        u.is_secret = true;
        if (secret_arg(b, m, &u.type, &u.value, err) != H_OK)
            return H_ERR;
    } else if (cmd_has(m, "pw")) {
        if (cmd_has(m, "7")) {
            *err = "% Type 7 passwords are not supported here; use secret";
            return H_ERR;
        }
        u.value = cmd_str(b, m, "pw");
    } else if (i < c->nusers) {
        /* `username X privilege 15` alone changes only the privilege */
        if (u.privilege >= 0)
            c->users[i].privilege = u.privilege;
        return H_OK;
    }
    u.name = cmd_str(b, m, "name");
    if (i < c->nusers) {
        c->users[i] = u;
        return H_OK;
    }
    up = CB_PUSH(b, c->users, c->nusers, c->capusers);
    *up = u;
    return H_OK;
}

static int
h_ip_route(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg *c = b->c;
    struct cfg_route r = {0}, *rp;
    const struct cmd_val *ifv = cmd_get(m, "ifname");
    const struct cmd_val *vrfv = cmd_get(m, "vrf");
    char vrfname[CFG_VRF_NAME_MAX + 1];
    long idx;

    if (vrfv) { /* cmd_val strings are not terminated */
        snprintf(vrfname, sizeof(vrfname), "%.*s", (int)vrfv->len, vrfv->str);
        if (vrfv->len > CFG_VRF_NAME_MAX) {
            *err = "% VRF name too long";
            return H_ERR;
        }
    }
    if (!cmd_has(m, "mask")) { /* `no ip route P` */
        *err = "% Incomplete command.";
        return H_ERR;
    }
    r.prefix = cmd_ip(m, "prefix");
    r.mask = cmd_ip(m, "mask");
    r.vrf = vrfv ? vrfname : NULL; /* a local copy until stored */
    if (!inet_mask_ok(r.mask) || (r.prefix & ~r.mask) != 0) {
        *err = "%Inconsistent address and mask";
        return H_ERR;
    }
    r.has_nh = cmd_has(m, "nh");
    r.nh = cmd_ip(m, "nh");
    r.ifname = ifv ? ifv->str : NULL; /* points into the match until stored */
    if (m->op != OP_SET) {
        size_t i, j, removed = 0;
        if (r.has_nh || r.ifname) {
            idx = cb_route_find(b, &r);
            if (idx < 0) {
                *err = "%No matching route to delete";
                return H_WARN;
            }
            memmove(&c->routes[idx], &c->routes[idx + 1],
                    (c->nroutes - (size_t)idx - 1) * sizeof(r));
            c->nroutes--;
            b->route_idx_dirty = true;
            return H_OK;
        }
        for (i = j = 0; i < c->nroutes; i++) {
            if (c->routes[i].prefix == r.prefix && c->routes[i].mask == r.mask &&
                !(c->routes[i].vrf ? !vrfv || strcmp(c->routes[i].vrf, vrfname) : !!vrfv)) {
                removed++;
                continue;
            }
            c->routes[j++] = c->routes[i];
        }
        c->nroutes = j;
        if (!removed) {
            *err = "%No matching route to delete";
            return H_WARN;
        }
        b->route_idx_dirty = true;
        return H_OK;
    }
    r.distance = (uint32_t)cmd_num(m, "distance", 0);
    r.has_tag = cmd_has(m, "tag");
    r.tag = (uint32_t)cmd_num(m, "tagv", 0);
    r.permanent = cmd_has(m, "permanent");
    r.track = (uint32_t)cmd_num(m, "track", 0);
    idx = cb_route_find(b, &r);
    r.ifname = ifv ? cb_strdup(b, ifv->str, ifv->len) : NULL;
    r.vrf = vrfv ? cb_strdup(b, vrfv->str, vrfv->len) : NULL;
    r.name = cmd_str(b, m, "rname");
    if (idx >= 0) { /* IOS replaces distance, tag and name of the same route */
        c->routes[idx] = r;
        return H_OK;
    }
    rp = CB_PUSH(b, c->routes, c->nroutes, c->caproutes);
    *rp = r;
    cb_route_add_idx(b, c->nroutes - 1);
    return H_OK;
}

static int
h_snmp_community(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    const struct cmd_val *name = cmd_get(m, "name");
    struct cfg *c = b->c;
    struct cfg_community cm = {0}, *cp;
    size_t i;

    for (i = 0; i < c->ncomms; i++)
        if (strlen(c->comms[i].name) == name->len &&
            !strncmp(c->comms[i].name, name->str, name->len))
            break;
    if (m->op != OP_SET) {
        if (i < c->ncomms) {
            memmove(&c->comms[i], &c->comms[i + 1], (c->ncomms - i - 1) * sizeof(cm));
            c->ncomms--;
        }
        return H_OK;
    }
    cm.name = cmd_str(b, m, "name");
    cm.rw = cmd_has(m, "rw");
    cm.has_mode = cm.rw || cmd_has(m, "ro");
    cm.acl = cmd_str(b, m, "acl");
    if (i < c->ncomms) {
        c->comms[i] = cm;
        return H_OK;
    }
    cp = CB_PUSH(b, c->comms, c->ncomms, c->capcomms);
    *cp = cm;
    return H_OK;
}

static int
h_snmp_text(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    const char *v = m->op == OP_SET ? cmd_str(b, m, "text") : NULL;

    if (cmd_has(m, "location"))
        b->c->snmp_location = v;
    else
        b->c->snmp_contact = v;
    return H_OK;
}

static int
h_line(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg *c = b->c;
    enum cfg_line_kind kind = cmd_has(m, "vty")   ? LINE_VTY
                              : cmd_has(m, "aux") ? LINE_AUX
                                                  : LINE_CON;
    uint32_t first = (uint32_t)cmd_num(m, "first", 0);
    uint32_t last = (uint32_t)cmd_num(m, "last", first);
    struct cfg_line *l;
    size_t i;

    if (last < first) {
        *err = "%Invalid line range";
        return H_ERR;
    }
    for (i = 0; i < c->nlines; i++)
        if (c->lines[i].kind == kind && c->lines[i].first == first && c->lines[i].last == last)
            break;
    if (m->op != OP_SET) {
        if (i < c->nlines) {
            memmove(&c->lines[i], &c->lines[i + 1], (c->nlines - i - 1) * sizeof(*l));
            c->nlines--;
        }
        return H_OK;
    }
    if (i == c->nlines) {
        l = CB_PUSH(b, c->lines, c->nlines, c->caplines);
        memset(l, 0, sizeof(*l));
        l->kind = kind;
        l->first = first;
        l->last = last;
        l->exec_timeout_min = l->exec_timeout_sec = l->privilege = -1;
    }
    b->cur_line = i;
    b->mode = MODE_LINE;
    return H_OK;
}

static int
h_interface(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    const char *name = cmd_get(m, "name")->str;
    size_t idx;

    if (m->op != OP_SET) {
        if (!cb_iface(b, name, false, &idx))
            return H_OK;
        if (strncmp(name, "Tunnel", 6) && strncmp(name, "Loopback", 8) && !strchr(name, '.') &&
            strncmp(name, "Virtual-Template", 16)) {
            *err = "% Removal of physical interfaces is not permitted";
            return H_ERR;
        }
        cb_iface_remove(b, idx);
        return H_OK;
    }
    cb_iface(b, name, true, &idx);
    b->cur_if = idx;
    b->mode = MODE_IF;
    return H_OK;
}

/* The grammar a router stanza's lines are checked against: named EIGRP
 * (`router eigrp NAME`) has other commands than classic (`router eigrp 100`). */
static enum cfg_mode
rtr_mode(const struct cfg_router *r)
{
    const char *id;

    switch (r->proto) {
    case RTR_BGP:
        return MODE_RTR_BGP;
    case RTR_OSPF:
        return MODE_RTR_OSPF;
    case RTR_EIGRP:
        id = r->header + strlen("router eigrp ");
        return id[strspn(id, "0123456789")] ? MODE_RTR_EIGRP_NAMED : MODE_RTR_EIGRP;
    default:
        return MODE_ROUTER;
    }
}

static int
h_router(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg *c = b->c;
    char hdr[1024];
    struct cfg_router *r;
    enum cfg_router_proto proto;
    size_t i;
    int k;

    /* the canonical header is the matched words, keywords spelled out */
    hdr[0] = '\0';
    for (k = 0; k < m->nvals; k++) {
        const struct cmd_val *v = &m->vals[k];
        size_t L = strlen(hdr);
        snprintf(hdr + L, sizeof(hdr) - L, "%s%.*s", L ? " " : "", (int)v->len, v->str);
    }
    proto = cmd_has(m, "eigrp")  ? RTR_EIGRP
            : cmd_has(m, "ospf") ? RTR_OSPF
            : cmd_has(m, "bgp")  ? RTR_BGP
                                 : RTR_OTHER;
    for (i = 0; i < c->nrouters; i++)
        if (strcmp(c->routers[i].header, hdr) == 0)
            break;
    if (m->op != OP_SET) {
        if (i < c->nrouters) {
            memmove(&c->routers[i], &c->routers[i + 1], (c->nrouters - i - 1) * sizeof(*r));
            c->nrouters--;
        }
        return H_OK;
    }
    if (i == c->nrouters) {
        r = CB_PUSH(b, c->routers, c->nrouters, c->caprouters);
        memset(r, 0, sizeof(*r));
        r->proto = proto;
        r->header = cb_strdup(b, hdr, strlen(hdr));
    }
    b->cur_router = i;
    b->cur_opaque = &c->routers[i].lines;
    b->rtr_af[0] = b->rtr_sub[0] = '\0';
    b->mode = rtr_mode(&c->routers[i]);
    return H_OK;
}

static int
h_exit(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    b->mode = MODE_GLOBAL;
    return H_OK;
}

#define SUBMODES_EXIT(mode)                                                                        \
    {mode,                                                                                         \
     "exit",                                                                                       \
     CLS_SUPPORTED,                                                                                \
     "leaves the sub-mode",                                                                        \
     h_exit,                                                                                       \
     MODE_EXEC,                                                                                    \
     0,                                                                                            \
     .help = CMD_HELP({"exit", "Exit from configure mode"})},                                      \
    {                                                                                              \
        mode, "end", CLS_SUPPORTED, "leaves configuration mode", h_exit, MODE_EXEC, 0,             \
            .help = CMD_HELP({"end", "Exit from configure mode"})                                  \
    }

const struct cmd_def cmd_tbl_global[] = {
    {MODE_GLOBAL, "hostname <word:name>", CLS_SUPPORTED, NULL, h_hostname, MODE_EXEC,
     CMDF_NO | CMDF_NO_PREFIX | CMDF_DEFAULT,
     .help = CMD_HELP({"hostname", "Set system's network name"})},
    {MODE_GLOBAL, "enable secret [{0|5|8|9}] <word:secret>", CLS_SUPPORTED,
     "checked by the shell for `enable`", h_enable_secret, MODE_EXEC,
     CMDF_NO | CMDF_NO_PREFIX | CMDF_DEFAULT,
     .help = CMD_HELP({"enable", "Modify enable password parameters"},
                      {"secret", "Assign the privileged level secret (MAX of 25 characters)"},
                      {"0", "Specifies an UNENCRYPTED password will follow"},
                      {"5", "Specifies a MD5 HASHED secret will follow"},
                      {"8", "Specifies a PBKDF2 HASHED secret will follow"},
                      {"9", "Specifies a SCRYPT HASHED secret will follow"})},
    {MODE_GLOBAL, "enable password [{0|7}] <word:pw>", CLS_SUPPORTED,
     "checked by the shell for `enable`", h_enable_password, MODE_EXEC,
     CMDF_NO | CMDF_NO_PREFIX | CMDF_DEFAULT,
     .help = CMD_HELP({"password", "Assign the privileged level password (MAX of 25 characters)"},
                      {"0", "Specifies an UNENCRYPTED password will follow"},
                      {"7", "Specifies a HIDDEN password will follow"})},
    {MODE_GLOBAL,
     "username <word:name> [privilege <num:0-15:priv>] [{secret [{0|5|8|9}] <word:secret> | "
     "password [{0|7}] <word:pw>}]",
     CLS_SUPPORTED, "shell login (telnet, SSH)", h_username, MODE_EXEC,
     CMDF_NO | CMDF_NO_PREFIX | CMDF_NO_NEEDS_ARG,
     /* `0` follows secret and password: one text for both (cmd.h) */
     .help = CMD_HELP({"username", "Establish User Name Authentication"},
                      {"privilege", "Set user privilege level"},
                      {"secret", "Specify the secret for the user"},
                      {"password", "Specify the password for the user"},
                      {"0", "Specifies an UNENCRYPTED password will follow"},
                      {"5", "Specifies a MD5 HASHED secret will follow"},
                      {"8", "Specifies a PBKDF2 HASHED secret will follow"},
                      {"9", "Specifies a SCRYPT HASHED secret will follow"},
                      {"7", "Specifies a HIDDEN password will follow"})},
    {MODE_GLOBAL,
     "ip route <ip:prefix> <mask:mask> {<ip:nh> | <if:ifname> [<ip:nh>]} "
     "[<num:1-255:distance>] [tag <num:1-4294967295:tagv>] [name <word:rname>] "
     "[{permanent | track <num:1-1000:track>}]",
     CLS_TRANSLATED, NOTE_ROUTE, h_ip_route, MODE_EXEC,
     CMDF_NO | CMDF_NO_PREFIX | CMDF_NO_NEEDS_ARG,
     .help = CMD_HELP({"ip", "Global IP configuration subcommands"},
                      {"route", "Establish static routes"}, {"tag", "Set tag for this route"},
                      {"name", "Specify name of the next hop"}, {"permanent", "permanent route"},
                      {"track", "Install route depending on tracked item"})},
    {MODE_GLOBAL,
     "ip route vrf <word:vrf> <ip:prefix> <mask:mask> {<ip:nh> | <if:ifname> [<ip:nh>]} "
     "[<num:1-255:distance>] [tag <num:1-4294967295:tagv>] [name <word:rname>] "
     "[{permanent | track <num:1-1000:track>}]",
     CLS_TRANSLATED, NOTE_ROUTE_VRF, h_ip_route, MODE_EXEC,
     CMDF_NO | CMDF_NO_PREFIX | CMDF_NO_NEEDS_ARG,
     .help = CMD_HELP(
         {"ip", "Global IP configuration subcommands"}, {"route", "Establish static routes"},
         {"vrf", "Configure static route for a VPN Routing/Forwarding instance"},
         {"<vrf>", "VPN Routing/Forwarding instance name"}, {"tag", "Set tag for this route"},
         {"name", "Specify name of the next hop"}, {"permanent", "permanent route"},
         {"track", "Install route depending on tracked item"})},
    {MODE_GLOBAL, "snmp-server community <word:name> [view <word:view>] [{ro|rw}] [<word:acl>]",
     CLS_TRANSLATED, "snmpd community (dmvpn_snmp.so in snmpd, or dmvpn-snmp over AgentX)",
     h_snmp_community, MODE_EXEC, CMDF_NO | CMDF_NO_PREFIX | CMDF_NO_NEEDS_ARG,
     .help = CMD_HELP({"snmp-server", "Modify SNMP engine parameters"},
                      {"community", "Enable SNMP; set community string and access privs"},
                      {"view", "Restrict this community to a named MIB view"},
                      {"ro", "Read-only access with this community string"},
                      {"rw", "Read-write access with this community string"})},
    {MODE_GLOBAL, "snmp-server location <line:text>", CLS_TRANSLATED, "snmpd sysLocation",
     h_snmp_text, MODE_EXEC, CMDF_NO | CMDF_NO_PREFIX,
     .help = CMD_HELP({"location", "Text for mib object sysLocation"})},
    {MODE_GLOBAL, "snmp-server contact <line:text>", CLS_TRANSLATED, "snmpd sysContact",
     h_snmp_text, MODE_EXEC, CMDF_NO | CMDF_NO_PREFIX,
     .help = CMD_HELP({"contact", "Text for mib object sysContact"})},
    {MODE_GLOBAL, "line {con|aux} <num:0-0:first>", CLS_IGNORED, "no serial console on Linux",
     h_line, MODE_LINE, CMDF_NO,
     .help = CMD_HELP({"line", "Configure a terminal line"}, {"con", "Primary terminal line"},
                      {"aux", "Auxiliary line"})},
    {MODE_GLOBAL, "line vty <num:0-1869:first> [<num:0-1869:last>]", CLS_TRANSLATED,
     "telnet listener and sshd for the IOS shell", h_line, MODE_LINE, CMDF_NO,
     .help = CMD_HELP({"vty", "Virtual terminal"})},
    {MODE_GLOBAL, "interface <if:name> [{point-to-point|multipoint}]", CLS_SUPPORTED, NULL,
     h_interface, MODE_IF, CMDF_NO,
     .help = CMD_HELP({"interface", "Select an interface to configure"},
                      {"point-to-point", "Treat as a point-to-point link"},
                      {"multipoint", "Treat as a multipoint link"})},
    {MODE_GLOBAL, "router eigrp <word:id>", CLS_UNSUPPORTED,
     "dmvpnd's EIGRP engine, routes to zebra (named mode: its IPv4 family; --eigrp=frr: FRR "
     "eigrpd)",
     h_router, MODE_ROUTER, CMDF_NO,
     .help = CMD_HELP({"router", "Enable a routing process"},
                      {"eigrp", "Enhanced Interior Gateway Routing Protocol (EIGRP)"})},
    {MODE_GLOBAL, "router ospf <num:1-65535:pid> [vrf <word:vrf>]", CLS_UNSUPPORTED,
     "FRR ospfd `router ospf` (dmvpnd --frr; dmvpnd -n --frr-conf)", h_router, MODE_ROUTER, CMDF_NO,
     .help = CMD_HELP({"ospf", "Open Shortest Path First (OSPF)"},
                      {"vrf", "VPN Routing/Forwarding Instance"})},
    {MODE_GLOBAL, "router bgp <num:1-4294967295:asn>", CLS_UNSUPPORTED,
     "FRR bgpd `router bgp ASN` (dmvpnd --frr; dmvpnd -n --frr-conf)", h_router, MODE_ROUTER,
     CMDF_NO, .help = CMD_HELP({"bgp", "Border Gateway Protocol (BGP)"})},
    {MODE_GLOBAL, "router {rip|odr|isis|lisp|mobile} [<word:tag>]", CLS_UNSUPPORTED,
     "kept in the model; no Linux equivalent started", h_router, MODE_ROUTER, CMDF_NO,
     .help = CMD_HELP({"rip", "Routing Information Protocol (RIP)"},
                      {"odr", "On Demand stub Routes"}, {"isis", "ISO IS-IS"},
                      {"lisp", "Locator/ID Separation Protocol"}, {"mobile", "Mobile routes"})},
    {MODE_GLOBAL, "end", CLS_IGNORED, "end of configuration", h_exit, MODE_EXEC, 0,
     .help = CMD_HELP({"end", "Exit from configure mode"})},
    SUBMODES_EXIT(MODE_IF),
    SUBMODES_EXIT(MODE_ISAKMP),
    SUBMODES_EXIT(MODE_TSET),
    SUBMODES_EXIT(MODE_IPSEC_PROF),
    SUBMODES_EXIT(MODE_LINE),
    SUBMODES_EXIT(MODE_ROUTER),
    SUBMODES_EXIT(MODE_RTR_BGP),
    SUBMODES_EXIT(MODE_RTR_OSPF),
    SUBMODES_EXIT(MODE_RTR_EIGRP),
    SUBMODES_EXIT(MODE_RTR_EIGRP_NAMED),
    SUBMODES_EXIT(MODE_OPAQUE),
};

const size_t cmd_tbl_global_len = TABLE_LEN(cmd_tbl_global);
