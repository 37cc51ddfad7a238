/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ospfd's answers -> OSPF records (frr_show.h): show ip ospf neighbor json,
 * show ip ospf interface json, and the join of the two.
 */
#include "daemons/routing/frr_show_int.h"

#include "lib/inet.h"

#include <string.h>

/* "Full/DR": ospfd's neighbor state word before the slash. */
static int
nbr_state(const char *s)
{
    static const char *const names[REC_OSPF_NBR_STATE_COUNT] = {
        "Down", "Attempt", "Init", "2-Way", "ExStart", "Exchange", "Loading", "Full",
    };
    size_t n = strcspn(s, "/");

    for (int i = 0; i < REC_OSPF_NBR_STATE_COUNT; i++)
        if (strlen(names[i]) == n && strncmp(s, names[i], n) == 0)
            return i;
    return -1;
}

static uint8_t
nbr_role(const struct jsonr *j, uint32_t v)
{
    if (jsonr_str_eq(j, v, "DR"))
        return REC_OSPF_ROLE_DR;
    if (jsonr_str_eq(j, v, "Backup"))
        return REC_OSPF_ROLE_BDR;
    if (jsonr_str_eq(j, v, "DROther"))
        return REC_OSPF_ROLE_DROTHER;
    return REC_OSPF_ROLE_NONE;
}

static bool
ospf_neighbor(const struct jsonr *j, uint32_t rid, uint32_t e, int64_t now_ms,
              struct rec_ospf_neighbor *nb)
{
    char state[32], ifn[REC_IFNAMSIZ + 20];
    int64_t pri, dead, up;
    int st;

    memset(nb, 0, sizeof(*nb));
    if (!fs_ipv4(j, rid, &nb->router_id))
        return false;
    /* 8.4.4 gives both the old keys (priority, state, address) and the
     * new (nbrPriority, nbrState, ifaceAddress); read the new, fall back */
    if (jsonr_str(j, jsonr_get(j, e, "nbrState"), state, sizeof(state)) < 0)
        fs_str(j, jsonr_get(j, e, "state"), state, sizeof(state));
    st = nbr_state(state);
    if (st < 0)
        return false;
    nb->state = (uint8_t)st;
    if (!fs_ipv4(j, jsonr_get(j, e, "ifaceAddress"), &nb->addr) &&
        !fs_ipv4(j, jsonr_get(j, e, "address"), &nb->addr))
        return false;
    pri = jsonr_int(j, jsonr_get(j, e, "nbrPriority"), -1);
    if (pri < 0)
        pri = jsonr_int(j, jsonr_get(j, e, "priority"), 0);
    nb->priority = pri > 255 ? 255 : (uint8_t)pri;
    nb->role = nbr_role(j, jsonr_get(j, e, "role"));
    /* "eth0:10.0.0.2": the interface and our address on it */
    fs_str(j, jsonr_get(j, e, "ifaceName"), ifn, sizeof(ifn));
    ifn[strcspn(ifn, ":")] = '\0';
    memcpy(nb->ifname, ifn, sizeof(nb->ifname) - 1);
    dead = jsonr_int(j, jsonr_get(j, e, "deadTimeMsecs"), -1);
    nb->dead_ms = dead >= 0 ? now_ms + dead : 0;
    up = jsonr_int(j, jsonr_get(j, e, "upTimeInMsec"), -1);
    if (st == REC_OSPF_NBR_FULL && up >= 0)
        nb->since_ms = now_ms - up;
    return true;
}

int
frr_show_ospf_neighbors(const char *json, size_t len, int64_t now_ms, uint32_t process_id,
                        struct strbuf *out, struct frr_show_diag *diag)
{
    struct jsonr j;
    struct jsonr_iter it, ai;
    struct rec_ospf_neighbor nb;
    uint32_t k, arr, e;
    int n = 0;

    if (fs_open(&j, json, len, "show ip ospf neighbor json", diag) < 0)
        return -1;
    /* { "neighbors": { "RID": [ adjacency, ... ] } }: one router can be a
     * neighbor on several links; {} when ospfd has no instance */
    for (jsonr_iter_init(&it, &j, jsonr_get(&j, 0, "neighbors"));
         jsonr_iter_next(&it, &j, &k, &arr);) {
        if (jsonr_type(&j, arr) != JSONR_ARRAY) {
            fs_skip(diag);
            continue;
        }
        for (jsonr_iter_init(&ai, &j, arr); jsonr_iter_next(&ai, &j, NULL, &e);) {
            if (!ospf_neighbor(&j, k, e, now_ms, &nb)) {
                fs_skip(diag);
                continue;
            }
            nb.process_id = process_id;
            sb_append(out, &nb, sizeof(nb));
            n++;
        }
    }
    jsonr_free(&j);
    return n;
}

static int
iface_state(const struct jsonr *j, uint32_t e)
{
    static const struct {
        const char *word;
        int state;
    } words[] = {
        {"Down", REC_OSPF_IF_DOWN},       {"Loopback", REC_OSPF_IF_LOOP},
        {"Waiting", REC_OSPF_IF_WAIT},    {"Point-To-Point", REC_OSPF_IF_P2P},
        {"DROther", REC_OSPF_IF_DROTHER}, {"Backup", REC_OSPF_IF_BDR},
        {"DR", REC_OSPF_IF_DR},
    };
    uint32_t v = jsonr_get(j, e, "state");

    if (!jsonr_bool(j, jsonr_get(j, e, "ifUp"), true))
        return REC_OSPF_IF_DOWN;
    for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
        if (!jsonr_str_eq(j, v, words[i].word))
            continue;
        /* ospfd's interface state machine says Point-To-Point on a
         * point-to-multipoint network too; IOS says P2MP */
        if (words[i].state == REC_OSPF_IF_P2P &&
            jsonr_str_eq(j, jsonr_get(j, e, "networkType"), "POINTOMULTIPOINT"))
            return REC_OSPF_IF_P2MP;
        return words[i].state;
    }
    return -1;
}

static uint32_t
count_of(const struct jsonr *j, uint32_t obj, const char *key)
{
    int64_t v = jsonr_int(j, jsonr_get(j, obj, key), 0);
    return v < 0 ? 0 : v > UINT32_MAX ? UINT32_MAX : (uint32_t)v;
}

int
frr_show_ospf_ifaces(const char *json, size_t len, uint32_t process_id, struct strbuf *out,
                     struct frr_show_diag *diag)
{
    struct jsonr j;
    struct jsonr_iter it;
    uint32_t k, e;
    int n = 0;

    if (fs_open(&j, json, len, "show ip ospf interface json", diag) < 0)
        return -1;
    for (jsonr_iter_init(&it, &j, jsonr_get(&j, 0, "interfaces"));
         jsonr_iter_next(&it, &j, &k, &e);) {
        struct rec_ospf_iface r;
        char area[32];
        int st;
        int64_t plen, cost;

        if (!jsonr_bool(&j, jsonr_get(&j, e, "ospfEnabled"), false))
            continue; /* listed, but not running OSPF: not in IOS's brief */
        memset(&r, 0, sizeof(r));
        fs_str(&j, k, r.ifname, sizeof(r.ifname));
        /* "0.0.0.1 [NSSA]", "0.0.0.2 [Stub]": ospfd adds the area's type */
        fs_str(&j, jsonr_get(&j, e, "area"), area, sizeof(area));
        area[strcspn(area, " ")] = '\0';
        st = iface_state(&j, e);
        plen = jsonr_int(&j, jsonr_get(&j, e, "ipAddressPrefixlen"), -1);
        cost = jsonr_int(&j, jsonr_get(&j, e, "cost"), -1);
        if (!inet_parse4(area, &r.area) || st < 0 || plen < 0 || plen > 32 || cost < 0 ||
            cost > UINT32_MAX || !fs_ipv4(&j, jsonr_get(&j, e, "ipAddress"), &r.addr)) {
            fs_skip(diag);
            continue;
        }
        r.process_id = process_id;
        r.state = (uint8_t)st;
        r.len = (uint8_t)plen;
        r.cost = (uint32_t)cost;
        r.nbrs_full = count_of(&j, e, "nbrAdjacentCount");
        r.nbrs_count = count_of(&j, e, "nbrCount");
        sb_append(out, &r, sizeof(r));
        n++;
    }
    jsonr_free(&j);
    return n;
}

void
frr_show_ospf_join(struct rec_ospf_neighbor *nbrs, size_t n, const struct rec_ospf_iface *ifs,
                   size_t m)
{
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < m; k++) {
            if (strcmp(nbrs[i].ifname, ifs[k].ifname) != 0)
                continue;
            nbrs[i].area = ifs[k].area;
            if (ifs[k].state == REC_OSPF_IF_P2P || ifs[k].state == REC_OSPF_IF_P2MP)
                nbrs[i].role = REC_OSPF_ROLE_NONE;
            break;
        }
}
