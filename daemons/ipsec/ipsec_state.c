/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Readers for charon's list-sa / list-conn events and stats / version
 * replies (layouts from strongSwan's vici README and vici_query.c). Every
 * field is optional from our point of view: charon versions add and drop
 * keys, so a missing key leaves the zero value, a key that is present but
 * unreadable (a non-number where a number belongs) makes the entry
 * malformed, and strings that do not fit are cut, never overrun.
 */
#include "daemons/ipsec/ipsec_state.h"
#include "lib/inet.h"
#include "lib/log.h"
#include "lib/vici.h"
#include "lib/mem.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void
copy(char *dst, size_t sz, const char *s)
{
    snprintf(dst, sz, "%s", s ? s : "");
}

#define COPY(dst, sec, key) copy(dst, sizeof(dst), vici_node_str(sec, key))

/* Optional unsigned: absent is fine, unreadable is not. */
static bool
opt_u64(const struct vici_node *sec, const char *key, uint64_t *out, bool *has)
{
    if (has)
        *has = false;
    if (!vici_node_get(sec, key))
        return true;
    if (!vici_node_u64(sec, key, out))
        return false;
    if (has)
        *has = true;
    return true;
}

static bool
opt_i64(const struct vici_node *sec, const char *key, int64_t *out, bool *has)
{
    if (has)
        *has = false;
    if (!vici_node_get(sec, key))
        return true;
    if (!vici_node_i64(sec, key, out))
        return false;
    if (has)
        *has = true;
    return true;
}

static bool
opt_u32(const struct vici_node *sec, const char *key, uint32_t *out)
{
    uint64_t v = 0;

    if (!opt_u64(sec, key, &v, NULL) || v > UINT32_MAX)
        return false;
    *out = (uint32_t)v;
    return true;
}

/* Hex as charon prints SPIs and cookies ("%.8x", "%.16"PRIx64). */
static bool
opt_hex(const struct vici_node *sec, const char *key, uint64_t *out, int maxdigits)
{
    const char *s = vici_node_str(sec, key);
    uint64_t v = 0;
    int n = 0;

    if (!vici_node_get(sec, key))
        return true;
    if (!s || !*s)
        return false;
    for (; *s; s++, n++) {
        int d = *s >= '0' && *s <= '9'   ? *s - '0'
                : *s >= 'a' && *s <= 'f' ? *s - 'a' + 10
                : *s >= 'A' && *s <= 'F' ? *s - 'A' + 10
                                         : -1;
        if (d < 0 || n >= maxdigits)
            return false;
        v = v << 4 | (uint64_t)d;
    }
    *out = v;
    return true;
}

static int
state_index(const char *s, const char *const *names, int n)
{
    int i;

    for (i = 0; s && i < n; i++)
        if (strcmp(s, names[i]) == 0)
            return i + 1;
    return 0;
}

bool
ipsec_parse_ts(const char *text, struct ipsec_ts *out)
{
    const char *slash = strchr(text, '/'), *br = strchr(text, '[');
    char addr[20], proto[24] = "";
    unsigned plen = 32, port = 0;
    char *end;

    memset(out, 0, sizeof(*out));
    copy(out->text, sizeof(out->text), text);
    if (!slash || (size_t)(slash - text) >= sizeof(addr))
        return false;
    memcpy(addr, text, (size_t)(slash - text));
    addr[slash - text] = '\0';
    if (!inet_parse4(addr, &out->addr))
        return false;
    plen = (unsigned)strtoul(slash + 1, &end, 10);
    if (end == slash + 1 || plen > 32 || (*end && *end != '['))
        return false;
    if (br) {
        const char *close = strchr(br, ']');
        const char *ps;
        if (!close || close[1] || (size_t)(close - br - 1) >= sizeof(proto))
            return false;
        memcpy(proto, br + 1, (size_t)(close - br - 1));
        proto[close - br - 1] = '\0';
        ps = strchr(proto, '/');
        if (ps) {
            port = (unsigned)strtoul(ps + 1, &end, 10);
            if (*end || port > 65535)
                return false;
            proto[ps - proto] = '\0';
        }
        if (strcmp(proto, "gre") == 0)
            out->proto = 47;
        else if (strcmp(proto, "tcp") == 0)
            out->proto = 6;
        else if (strcmp(proto, "udp") == 0)
            out->proto = 17;
        else if (strcmp(proto, "icmp") == 0)
            out->proto = 1;
        else {
            unsigned long v = strtoul(proto, &end, 10);
            if (*end || v > 255 || !*proto)
                return false;
            out->proto = (uint8_t)v;
        }
    }
    out->plen = (uint8_t)plen;
    out->port = (uint16_t)port;
    out->parsed = true;
    return true;
}

static void
ts_list(const struct vici_node *sec, const char *key, struct ipsec_ts *v, size_t *n)
{
    const struct vici_node *l = vici_node_get(sec, key), *i;

    *n = 0;
    if (!l || vici_node_kind(l) != VICI_N_LIST)
        return;
    for (i = vici_node_first(l); i && *n < IPSEC_TS_MAX; i = vici_node_next(i))
        ipsec_parse_ts(vici_node_value(i, NULL), &v[(*n)++]);
}

static uint32_t
ipv4_or_zero(const char *s)
{
    uint32_t a = 0;

    return s && inet_parse4(s, &a) ? a : 0;
}

bool
ipsec_parse_ike(const struct vici_node *sec, struct ipsec_ike_sa *o)
{
    static const char *const states[] = {"CREATED",  "CONNECTING", "ESTABLISHED", "PASSIVE",
                                         "REKEYING", "REKEYED",    "DELETING",    "DESTROYING"};
    uint64_t port = 0;
    bool ok = true;

    memset(o, 0, sizeof(*o));
    if (!sec || vici_node_kind(sec) != VICI_N_SECTION)
        return false;
    copy(o->name, sizeof(o->name), vici_node_name(sec));
    ok &= opt_u32(sec, "uniqueid", &o->uniqueid);
    ok &= opt_u32(sec, "version", &o->version);
    COPY(o->state_name, sec, "state");
    o->state = (enum ipsec_ike_state)state_index(o->state_name, states, 8);
    COPY(o->local_host, sec, "local-host");
    COPY(o->remote_host, sec, "remote-host");
    o->local_addr = ipv4_or_zero(o->local_host);
    o->remote_addr = ipv4_or_zero(o->remote_host);
    ok &= opt_u64(sec, "local-port", &port, NULL) && port <= 65535;
    o->local_port = (uint16_t)port;
    port = 0;
    ok &= opt_u64(sec, "remote-port", &port, NULL) && port <= 65535;
    o->remote_port = (uint16_t)port;
    COPY(o->local_id, sec, "local-id");
    COPY(o->remote_id, sec, "remote-id");
    o->initiator = vici_node_yes(sec, "initiator");
    ok &= opt_hex(sec, "initiator-spi", &o->initiator_spi, 16);
    ok &= opt_hex(sec, "responder-spi", &o->responder_spi, 16);
    o->nat_local = vici_node_yes(sec, "nat-local");
    o->nat_remote = vici_node_yes(sec, "nat-remote");
    o->nat_fake = vici_node_yes(sec, "nat-fake");
    o->nat_any = vici_node_yes(sec, "nat-any");
    COPY(o->encr_alg, sec, "encr-alg");
    COPY(o->integ_alg, sec, "integ-alg");
    COPY(o->prf_alg, sec, "prf-alg");
    COPY(o->dh_group, sec, "dh-group");
    ok &= opt_u32(sec, "encr-keysize", &o->encr_keysize);
    ok &= opt_u32(sec, "integ-keysize", &o->integ_keysize);
    ok &= opt_i64(sec, "established", &o->established, &o->has_established);
    ok &= opt_i64(sec, "rekey-time", &o->rekey_time, &o->has_rekey_time);
    ok &= opt_i64(sec, "reauth-time", &o->reauth_time, &o->has_reauth_time);
    return ok;
}

bool
ipsec_parse_child(const struct vici_node *sec, struct ipsec_child_sa *o)
{
    static const char *const states[] = {"CREATED",  "ROUTED",   "INSTALLING", "INSTALLED",
                                         "UPDATING", "REKEYING", "REKEYED",    "RETRYING",
                                         "DELETING", "DELETED",  "DESTROYING"};
    uint64_t spi = 0;
    bool ok = true;

    memset(o, 0, sizeof(*o));
    if (!sec || vici_node_kind(sec) != VICI_N_SECTION)
        return false;
    COPY(o->name, sec, "name");
    if (!o->name[0])
        copy(o->name, sizeof(o->name), vici_node_name(sec));
    ok &= opt_u32(sec, "uniqueid", &o->uniqueid);
    ok &= opt_u32(sec, "reqid", &o->reqid);
    COPY(o->state_name, sec, "state");
    o->state = (enum ipsec_child_state)state_index(o->state_name, states, 11);
    COPY(o->mode, sec, "mode");
    COPY(o->protocol, sec, "protocol");
    o->encap = vici_node_yes(sec, "encap");
    ok &= opt_hex(sec, "spi-in", &spi, 8);
    o->spi_in = (uint32_t)spi;
    spi = 0;
    ok &= opt_hex(sec, "spi-out", &spi, 8);
    o->spi_out = (uint32_t)spi;
    COPY(o->encr_alg, sec, "encr-alg");
    COPY(o->integ_alg, sec, "integ-alg");
    COPY(o->dh_group, sec, "dh-group");
    ok &= opt_u32(sec, "encr-keysize", &o->encr_keysize);
    ok &= opt_u32(sec, "integ-keysize", &o->integ_keysize);
    o->esn = vici_node_str(sec, "esn") && strcmp(vici_node_str(sec, "esn"), "1") == 0;
    ok &= opt_u64(sec, "bytes-in", &o->bytes_in, NULL);
    ok &= opt_u64(sec, "packets-in", &o->packets_in, NULL);
    ok &= opt_u64(sec, "bytes-out", &o->bytes_out, NULL);
    ok &= opt_u64(sec, "packets-out", &o->packets_out, NULL);
    ok &= opt_u64(sec, "use-in", &o->use_in, &o->has_use_in);
    ok &= opt_u64(sec, "use-out", &o->use_out, &o->has_use_out);
    ok &= opt_i64(sec, "rekey-time", &o->rekey_time, &o->has_rekey_time);
    ok &= opt_i64(sec, "life-time", &o->life_time, &o->has_life_time);
    ok &= opt_i64(sec, "install-time", &o->install_time, NULL);
    ts_list(sec, "local-ts", o->local_ts, &o->nlocal_ts);
    ts_list(sec, "remote-ts", o->remote_ts, &o->nremote_ts);
    return ok;
}

/* One IKE section; rekey: take the `new` half of the IKE SA and of each
 * CHILD SA. */
static bool
add_ike(struct ipsec_sa_list *l, const struct vici_node *sec, bool rekey)
{
    const struct vici_node *ike = rekey ? vici_node_get(sec, "new") : sec, *cs, *c;
    struct ipsec_ike_sa *is;
    bool ok;

    if (rekey && !ike) /* child-rekey: IKE data inline, children old/new */
        ike = sec;
    l->ike = mem_grow(l->ike, &l->capike, l->nike, sizeof(*l->ike));
    is = &l->ike[l->nike];
    ok = ipsec_parse_ike(ike, is);
    copy(is->name, sizeof(is->name), vici_node_name(sec));
    is->first_child = l->nchild;
    cs = vici_node_get(ike, "child-sas");
    if (cs && vici_node_kind(cs) != VICI_N_SECTION)
        ok = false;
    for (c = cs ? vici_node_first(cs) : NULL; c; c = vici_node_next(c)) {
        const struct vici_node *cn = rekey && vici_node_get(c, "new") ? vici_node_get(c, "new") : c;
        l->child = mem_grow(l->child, &l->capchild, l->nchild, sizeof(*l->child));
        if (!ipsec_parse_child(cn, &l->child[l->nchild])) {
            ok = false;
            continue;
        }
        l->child[l->nchild].ike = l->nike;
        l->nchild++;
        is->nchild++;
    }
    if (!ok) {
        l->nchild = is->first_child; /* never keep half an SA */
        l->malformed++;
        return false;
    }
    l->nike++;
    return true;
}

static int
add_event(struct ipsec_sa_list *l, const struct vici_msg *ev, bool rekey)
{
    const struct vici_node *c;
    int rc = 0;

    for (c = vici_node_first(vici_msg_root(ev)); c; c = vici_node_next(c)) {
        if (vici_node_kind(c) != VICI_N_SECTION)
            continue; /* `up = yes` of updown events */
        if (!add_ike(l, c, rekey))
            rc = -1;
    }
    return rc;
}

int
ipsec_sa_list_add(struct ipsec_sa_list *l, const struct vici_msg *event)
{
    return add_event(l, event, false);
}

int
ipsec_sa_list_add_rekey(struct ipsec_sa_list *l, const struct vici_msg *event)
{
    return add_event(l, event, true);
}

void
ipsec_sa_list_free(struct ipsec_sa_list *l)
{
    free(l->ike);
    free(l->child);
    memset(l, 0, sizeof(*l));
}

bool
ipsec_event_up(const struct vici_msg *event)
{
    return vici_node_yes(vici_msg_root(event), "up");
}

/* ---- list-conns ---- */

static void
str_list(const struct vici_node *sec, const char *key, char (*v)[IPSEC_HOST_LEN], size_t *n)
{
    const struct vici_node *l = vici_node_get(sec, key), *i;

    *n = 0;
    if (!l || vici_node_kind(l) != VICI_N_LIST)
        return;
    for (i = vici_node_first(l); i && *n < IPSEC_CONN_ADDRS; i = vici_node_next(i))
        copy(v[(*n)++], IPSEC_HOST_LEN, vici_node_value(i, NULL));
}

static bool
parse_conn(const struct vici_node *sec, struct ipsec_conn_info *o)
{
    const struct vici_node *ch, *c;
    bool ok = true;

    memset(o, 0, sizeof(*o));
    copy(o->name, sizeof(o->name), vici_node_name(sec));
    str_list(sec, "local_addrs", o->local_addrs, &o->nlocal_addrs);
    str_list(sec, "remote_addrs", o->remote_addrs, &o->nremote_addrs);
    COPY(o->version, sec, "version");
    ok &= opt_u64(sec, "reauth_time", &o->reauth_time, NULL);
    ok &= opt_u64(sec, "rekey_time", &o->rekey_time, NULL);
    copy(o->local_auth, sizeof(o->local_auth),
         vici_node_str(vici_node_get(sec, "local-1"), "class"));
    copy(o->remote_auth, sizeof(o->remote_auth),
         vici_node_str(vici_node_get(sec, "remote-1"), "class"));
    ch = vici_node_get(sec, "children");
    for (c = ch ? vici_node_first(ch) : NULL; c && o->nchildren < IPSEC_CONN_CHILDREN;
         c = vici_node_next(c)) {
        struct ipsec_conn_child *cc = &o->children[o->nchildren++];
        if (vici_node_kind(c) != VICI_N_SECTION)
            return false;
        copy(cc->name, sizeof(cc->name), vici_node_name(c));
        COPY(cc->mode, c, "mode");
        ok &= opt_u64(c, "rekey_time", &cc->rekey_time, NULL);
        ok &= opt_u64(c, "rekey_bytes", &cc->rekey_bytes, NULL);
        ok &= opt_u64(c, "rekey_packets", &cc->rekey_packets, NULL);
        ts_list(c, "local-ts", cc->local_ts, &cc->nlocal_ts);
        ts_list(c, "remote-ts", cc->remote_ts, &cc->nremote_ts);
    }
    return ok;
}

int
ipsec_conn_list_add(struct ipsec_conn_list *l, const struct vici_msg *event)
{
    const struct vici_node *c;
    int rc = 0;

    for (c = vici_node_first(vici_msg_root(event)); c; c = vici_node_next(c)) {
        if (vici_node_kind(c) != VICI_N_SECTION)
            continue;
        l->v = mem_grow(l->v, &l->cap, l->n, sizeof(*l->v));
        if (parse_conn(c, &l->v[l->n])) {
            l->n++;
        } else {
            l->malformed++;
            rc = -1;
        }
    }
    return rc;
}

void
ipsec_conn_list_free(struct ipsec_conn_list *l)
{
    free(l->v);
    memset(l, 0, sizeof(*l));
}

/* ---- stats, version ---- */

bool
ipsec_parse_stats(const struct vici_msg *r, struct ipsec_stats *o)
{
    static const char *const prio[4] = {"critical", "high", "medium", "low"};
    const struct vici_node *root = vici_msg_root(r), *n, *i;
    bool ok = true;
    int k;

    memset(o, 0, sizeof(*o));
    n = vici_node_get(root, "uptime");
    COPY(o->running, n, "running");
    COPY(o->since, n, "since");
    n = vici_node_get(root, "workers");
    ok &= opt_u64(n, "total", &o->workers_total, NULL);
    ok &= opt_u64(n, "idle", &o->workers_idle, NULL);
    for (k = 0; k < 4; k++) {
        ok &= opt_u64(vici_node_get(n, "active"), prio[k], &o->active[k], NULL);
        ok &= opt_u64(vici_node_get(root, "queues"), prio[k], &o->queued[k], NULL);
    }
    ok &= opt_u64(root, "scheduled", &o->scheduled, NULL);
    n = vici_node_get(root, "ikesas");
    ok &= opt_u64(n, "total", &o->ikesas_total, NULL);
    ok &= opt_u64(n, "half-open", &o->ikesas_half_open, NULL);
    n = vici_node_get(root, "plugins");
    if (n && vici_node_kind(n) == VICI_N_LIST)
        for (i = vici_node_first(n); i && o->nplugins < IPSEC_PLUGINS_MAX; i = vici_node_next(i))
            copy(o->plugins[o->nplugins++], sizeof(o->plugins[0]), vici_node_value(i, NULL));
    return ok;
}

bool
ipsec_parse_version(const struct vici_msg *r, struct ipsec_version *o)
{
    const struct vici_node *root = vici_msg_root(r);

    memset(o, 0, sizeof(*o));
    COPY(o->daemon, root, "daemon");
    COPY(o->version, root, "version");
    COPY(o->sysname, root, "sysname");
    COPY(o->release, root, "release");
    COPY(o->machine, root, "machine");
    return o->daemon[0] && o->version[0];
}

bool
ipsec_reply_ok(const struct vici_msg *reply, char *err, size_t errsz)
{
    const char *e;

    if (!reply) {
        copy(err, errsz, "no reply");
        return false;
    }
    if (vici_node_yes(vici_msg_root(reply), "success"))
        return true;
    e = vici_msg_str(reply, "errmsg");
    copy(err, errsz, e ? e : "charon did not report success");
    return false;
}
