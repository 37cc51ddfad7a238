/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * show crypto map for tunnel protection (IOS 12.4-15 layout, the one the
 * DMVPN configuration guide prints): per map a header with the tunnel
 * source, the profile's template instance 65536, one "PROFILE INSTANCE"
 * per peer socket from 65537 on (its access list is the GRE selector), and
 * the interfaces using the map. Lifetime, PFS and transform sets are the
 * ipsec profile's.
 */
#include "cli/render/render_crypto_extra.h"
#include "cli/render/render_crypto_int.h"
#include "cli/render/render_json_util.h"
#include "lib/json.h"

#include <inttypes.h>

static const struct rec_ipsec_profile *
profile_of(const struct rec_crypto_socket *s, const struct rec_ipsec_profile *profs, size_t np)
{
    for (size_t i = 0; i < np; i++)
        if (!strncmp(profs[i].name, s->profile, sizeof s->profile))
            return &profs[i];
    return NULL;
}

static void
policy_lines(struct strbuf *sb, const struct rec_ipsec_profile *p)
{
    unsigned nt;

    if (!p)
        return;
    nt = p->ntsets < REC_IPSEC_PROFILE_TSETS ? p->ntsets : REC_IPSEC_PROFILE_TSETS;
    if (p->kb_disabled)
        sb_printf(sb, "        Security association lifetime: %" PRIu32 " seconds\n", p->life_s);
    else
        sb_printf(sb,
                  "        Security association lifetime: %" PRIu64 " kilobytes/%" PRIu32
                  " seconds\n",
                  p->life_kb, p->life_s);
    sb_printf(sb, "        PFS (Y/N): %c\n", p->pfs ? 'Y' : 'N');
    if (p->pfs)
        sb_printf(sb, "        DH group:  group%u\n", p->pfs_group);
    sb_puts(sb, "        Transform sets={\n");
    for (unsigned i = 0; i < nt; i++)
        sb_printf(sb, "                %.*s,\n", RC_STR(p->tsets[i].name));
    sb_puts(sb, "        }\n");
}

/* the map's first listening record: only that one prints the map */
static int
first_of_map(const struct rec_crypto_socket *socks, size_t i)
{
    for (size_t k = 0; k < i; k++)
        if (socks[k].listen &&
            !strncmp(socks[k].map_name, socks[i].map_name, sizeof socks[i].map_name))
            return 0;
    return 1;
}

/* the peer sockets of the tunnels using map (listening records named so) */
static int
on_map(const struct rec_crypto_socket *socks, size_t ns, const struct rec_crypto_socket *peer,
       const char *map)
{
    for (size_t k = 0; k < ns; k++)
        if (socks[k].listen && !strncmp(socks[k].map_name, map, sizeof socks[k].map_name) &&
            !strncmp(socks[k].ifname, peer->ifname, sizeof peer->ifname))
            return 1;
    return 0;
}

void
render_crypto_map(struct strbuf *sb, const struct rec_crypto_socket *socks, size_t ns,
                  const struct rec_ipsec_profile *profs, size_t np)
{
    int first = 1;

    for (size_t i = 0; i < ns; i++) {
        const struct rec_crypto_socket *m = &socks[i];
        const struct rec_ipsec_profile *p = profile_of(m, profs, np);
        unsigned seq = 65536;
        char a[16], b[16];

        if (!m->listen || !first_of_map(socks, i))
            continue;
        if (!first)
            sb_puts(sb, "\n");
        first = 0;
        sb_printf(sb, "Crypto Map: \"%.*s\" idb: %.*s local address: %s\n", RC_STR(m->map_name),
                  RC_STR_OR(m->idb, "(none)"), render_crypto_ip(m->local, a));
        sb_printf(sb, "Crypto Map \"%.*s\" %u ipsec-isakmp\n", RC_STR(m->map_name), seq++);
        sb_printf(sb, "        Profile name: %.*s\n", RC_STR(m->profile));
        policy_lines(sb, p);
        for (size_t k = 0; k < ns; k++) {
            const struct rec_crypto_socket *s = &socks[k];

            if (s->listen || !on_map(socks, ns, s, m->map_name))
                continue;
            render_crypto_ip(s->remote, b);
            sb_printf(sb, "Crypto Map \"%.*s\" %u ipsec-isakmp\n", RC_STR(m->map_name), seq++);
            sb_printf(sb, "        Map is a PROFILE INSTANCE.\n        Peer = %s\n", b);
            sb_puts(sb, "        Extended IP access list\n");
            sb_printf(sb, "            access-list  permit gre host %s host %s\n",
                      render_crypto_ip(s->local, a), b);
            sb_printf(sb, "        Current peer: %s\n", b);
            policy_lines(sb, p);
        }
        sb_printf(sb, "        Interfaces using crypto map %.*s:\n", RC_STR(m->map_name));
        for (size_t k = i; k < ns; k++)
            if (socks[k].listen && !strncmp(socks[k].map_name, m->map_name, sizeof m->map_name))
                sb_printf(sb, "                %.*s\n", RC_STR(socks[k].ifname));
    }
}

void
render_crypto_map_json(struct strbuf *sb, const struct rec_crypto_socket *socks, size_t ns,
                       const struct rec_ipsec_profile *profs, size_t np)
{
    struct json j;
    char a[16];

    (void)profs;
    (void)np;
    json_init(&j, sb);
    json_obj_begin(&j, NULL);
    json_arr_begin(&j, "maps");
    for (size_t i = 0; i < ns; i++) {
        const struct rec_crypto_socket *m = &socks[i];

        if (!m->listen || !first_of_map(socks, i))
            continue;
        json_obj_begin(&j, NULL);
        JFIX(&j, "name", m->map_name);
        JFIX(&j, "idb", m->idb);
        json_str(&j, "local", render_crypto_ip(m->local, a));
        JFIX(&j, "profile", m->profile);
        json_arr_begin(&j, "peers");
        for (size_t k = 0; k < ns; k++)
            if (!socks[k].listen && on_map(socks, ns, &socks[k], m->map_name))
                json_str(&j, NULL, render_crypto_ip(socks[k].remote, a));
        json_arr_end(&j);
        json_arr_begin(&j, "interfaces");
        for (size_t k = i; k < ns; k++)
            if (socks[k].listen && !strncmp(socks[k].map_name, m->map_name, sizeof m->map_name))
                render_json_fixed(&j, NULL, socks[k].ifname, sizeof socks[k].ifname);
        json_arr_end(&j);
        json_obj_end(&j);
    }
    json_arr_end(&j);
    json_obj_end(&j);
    sb_putc(sb, '\n');
}
