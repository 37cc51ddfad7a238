/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * show running-config: the canonical text of a model, in IOS's order, with
 * IOS's spelling (`encr` for `encryption`, full interface names), defaults
 * omitted, one-space indentation in sub-modes and the trailing blanks IOS
 * itself prints (`crypto isakmp key K address 0.0.0.0        `,
 * `crypto ipsec transform-set T esp-aes esp-sha-hmac `). Verbatim lines go
 * to the slot IOS would print them in. print(parse(print(x))) == print(x).
 */
#include "parsers/print.h"
#include "parsers/slots.h"
#include "parsers/ikev2.h"
#include "parsers/isakmp_prof.h"
#include "parsers/keychain.h"
#include "parsers/pki.h"
#include "parsers/nhrp6.h"
#include "lib/inet.h"
#include "lib/inet6.h"

#include <stdlib.h>
#include <string.h>

static void
print_slot(struct strbuf *sb, const struct cfg_opaque_list *l, int slot)
{
    size_t i;

    for (i = 0; i < l->n; i++)
        if (l->v[i].slot == slot)
            sb_printf(sb, "%s\n", l->v[i].text);
}

static void
print_all(struct strbuf *sb, const struct cfg_opaque_list *l)
{
    size_t i;

    for (i = 0; i < l->n; i++)
        sb_printf(sb, "%s\n", l->v[i].text);
}

static bool
has_slot(const struct cfg_opaque_list *l, int slot)
{
    size_t i;

    for (i = 0; i < l->n; i++)
        if (l->v[i].slot == slot)
            return true;
    return false;
}

static void print_slot(struct strbuf *sb, const struct cfg_opaque_list *l, int slot);

static void
print_nhrp(struct strbuf *sb, const struct cfg_iface *ifp)
{
    const struct cfg_nhrp *n = &ifp->nhrp;
    char a[16], b[16], c[16];
    size_t i;

    if (n->auth)
        sb_printf(sb, " ip nhrp authentication %s\n", n->auth);
    if (n->group)
        sb_printf(sb, " ip nhrp group %s\n", n->group);
    for (i = 0; i < n->nmaps; i++) {
        const struct cfg_nhrp_map *m = &n->maps[i];
        if (m->multicast && m->dynamic)
            sb_puts(sb, " ip nhrp map multicast dynamic\n");
        else if (m->multicast) {
            sb_puts(sb, " ip nhrp map multicast ");
            sb_puts(sb, inet_fmt4(m->nbma, a));
            sb_putc(sb, '\n');
        } else if (m->proto_mask)
            sb_printf(sb, " ip nhrp map %s %s %s\n", inet_fmt4(m->proto, a),
                      inet_fmt4(m->proto_mask, b), inet_fmt4(m->nbma, c));
        else {
            sb_puts(sb, " ip nhrp map ");
            sb_puts(sb, inet_fmt4(m->proto, a));
            sb_putc(sb, ' ');
            sb_puts(sb, inet_fmt4(m->nbma, b));
            sb_putc(sb, '\n');
        }
    }
    print_slot(sb, &ifp->opaque, SI_NHRP_MAPS);
    if (n->has_network_id)
        sb_printf(sb, " ip nhrp network-id %u\n", n->network_id);
    if (n->holdtime)
        sb_printf(sb, " ip nhrp holdtime %u\n", n->holdtime);
    for (i = 0; i < n->nnhs; i++) {
        const struct cfg_nhrp_nhs *s = &n->nhs[i];
        if (s->dynamic)
            sb_puts(sb, " ip nhrp nhs dynamic");
        else
            sb_printf(sb, " ip nhrp nhs %s", inet_fmt4(s->addr, a));
        if (s->has_nbma)
            sb_printf(sb, " nbma %s", s->nbma_fqdn ? s->nbma_fqdn : inet_fmt4(s->nbma, a));
        if (s->multicast)
            sb_puts(sb, " multicast");
        if (s->priority > 0)
            sb_printf(sb, " priority %d", s->priority);
        if (s->cluster > 0)
            sb_printf(sb, " cluster %d", s->cluster);
        sb_putc(sb, '\n');
    }
    if (n->nhs_fallback >= 0)
        sb_printf(sb, " ip nhrp nhs fallback %d\n", n->nhs_fallback);
    if (n->reg_no_unique)
        sb_puts(sb, " ip nhrp registration no-unique\n");
    if (n->reg_timeout)
        sb_printf(sb, " ip nhrp registration timeout %u\n", n->reg_timeout);
    if (n->server_only)
        sb_printf(sb, " ip nhrp server-only%s\n", n->server_only_non_caching ? " non-caching" : "");
    if (n->max_send_pkts > 0)
        sb_printf(sb, " ip nhrp max-send %d every %d\n", n->max_send_pkts, n->max_send_every);
    if (n->shortcut)
        sb_puts(sb, " ip nhrp shortcut\n");
    if (n->redirect) {
        if (n->redirect_timeout >= 0)
            sb_printf(sb, " ip nhrp redirect timeout %d\n", n->redirect_timeout);
        else
            sb_puts(sb, " ip nhrp redirect\n");
    }
}

/* IOS prints the link-local address first, then the others, then the
 * switches. */
static void
print_if6(struct strbuf *sb, const struct cfg_if6 *v)
{
    char t[INET6_ADDRSTRLEN_];
    size_t i;

    for (i = 0; i < v->naddrs; i++)
        if (v->addrs[i].kind == ADDR6_LINKLOCAL)
            sb_printf(sb, " ipv6 address %s link-local\n", inet_fmt6(v->addrs[i].addr, t));
    for (i = 0; i < v->naddrs; i++)
        if (v->addrs[i].kind != ADDR6_LINKLOCAL)
            sb_printf(sb, " ipv6 address %s/%u%s\n", inet_fmt6(v->addrs[i].addr, t),
                      v->addrs[i].len, v->addrs[i].kind == ADDR6_EUI64 ? " eui-64" : "");
    if (v->enable)
        sb_puts(sb, " ipv6 enable\n");
    if (v->mtu)
        sb_printf(sb, " ipv6 mtu %u\n", v->mtu);
}

static void
print_route6(struct strbuf *sb, const struct cfg_route6 *r)
{
    char t[INET6_ADDRSTRLEN_];

    sb_puts(sb, "ipv6 route ");
    if (r->vrf)
        sb_printf(sb, "vrf %s ", r->vrf);
    sb_printf(sb, "%s/%u", inet_fmt6(r->prefix, t), r->len);
    if (r->ifname)
        sb_printf(sb, " %s", r->ifname);
    if (r->has_nh)
        sb_printf(sb, " %s", inet_fmt6(r->nh, t));
    if (r->distance)
        sb_printf(sb, " %u", r->distance);
    if (r->has_tag)
        sb_printf(sb, " tag %u", r->tag);
    if (r->name)
        sb_printf(sb, " name %s", r->name);
    sb_putc(sb, '\n');
}

static void
print_iface(struct strbuf *sb, const struct cfg_iface *ifp)
{
    const struct cfg_opaque_list *o = &ifp->opaque;
    char a[16], b[16];
    size_t i;

    sb_printf(sb, "interface %s\n", ifp->name);
    if (ifp->description)
        sb_printf(sb, " description %s\n", ifp->description);
    print_slot(sb, o, SI_DESCRIPTION);
    print_slot(sb, o, SI_ENCAP_DOT1Q);
    if (ifp->bandwidth)
        sb_printf(sb, " bandwidth %u\n", ifp->bandwidth);
    print_slot(sb, o, SI_BANDWIDTH);
    if (ifp->vrf)
        sb_printf(sb, " %svrf forwarding %s\n", ifp->vrf_ip_form ? "ip " : "", ifp->vrf);
    print_slot(sb, o, SI_VRF);
    /* IOS prints secondary addresses before the primary */
    for (i = 0; i < ifp->nsecondary; i++)
        sb_printf(sb, " ip address %s %s secondary\n", inet_fmt4(ifp->secondary[i].addr, a),
                  inet_fmt4(ifp->secondary[i].mask, b));
    if (ifp->has_addr) {
        sb_printf(sb, " ip address %s %s\n", inet_fmt4(ifp->addr.addr, a),
                  inet_fmt4(ifp->addr.mask, b));
    } else if (!has_slot(o, SI_ADDRESS) && !ifp->nsecondary) {
        sb_puts(sb, " no ip address\n");
    }
    print_slot(sb, o, SI_ADDRESS);
    /* IOS turns redirects off by itself on a multipoint tunnel running NHRP
     * (every captured mGRE tunnel shows it; a p2p GRE tunnel with NHRP, the
     * IOSv show running-config interface capture, does not) */
    if (ifp->no_ip_redirects ||
        (ifp->nhrp.enabled && cfg_iface_is_tunnel(ifp) && ifp->tun_mode == TUN_MODE_GRE_MULTIPOINT))
        sb_puts(sb, " no ip redirects\n");
    print_slot(sb, o, SI_REDIRECTS);
    if (ifp->ip_mtu)
        sb_printf(sb, " ip mtu %u\n", ifp->ip_mtu);
    print_slot(sb, o, SI_MTU);
    print_slot(sb, o, SI_IP_MISC);
    print_slot(sb, o, SI_EIGRP);
    print_slot(sb, o, SI_NAT);
    print_slot(sb, o, SI_REASSEMBLY);
    print_nhrp(sb, ifp);
    print_slot(sb, o, SI_NHRP);
    print_slot(sb, o, SI_ZONE);
    if (ifp->tcp_mss)
        sb_printf(sb, " ip tcp adjust-mss %u\n", ifp->tcp_mss);
    print_slot(sb, o, SI_TCP_MSS);
    print_slot(sb, o, SI_OSPF);
    if (ifp->delay)
        sb_printf(sb, " delay %u\n", ifp->delay);
    print_slot(sb, o, SI_DELAY);
    if (ifp->keepalive_period > 0)
        sb_printf(sb, " keepalive %d %d\n", ifp->keepalive_period, ifp->keepalive_retries);
    else if (ifp->keepalive_period == 0 && !cfg_iface_is_tunnel(ifp))
        sb_puts(sb, " no keepalive\n");
    print_slot(sb, o, SI_KEEPALIVE);
    if (ifp->shutdown)
        sb_puts(sb, " shutdown\n");
    print_slot(sb, o, SI_SHUTDOWN);
    print_slot(sb, o, SI_PHY);
    print_if6(sb, &ifp->v6);
    print_slot(sb, o, SI_IPV6);
    nhrp6_print(sb, &ifp->nhrp6);
    print_slot(sb, o, SI_BFD);
    if (ifp->tun_src_if)
        sb_printf(sb, " tunnel source %s\n", ifp->tun_src_if);
    else if (ifp->has_tun_src_ip)
        sb_printf(sb, " tunnel source %s\n", inet_fmt4(ifp->tun_src_ip, a));
    else if (ifp->has_tun_src_ip6) {
        char a6[INET6_ADDRSTRLEN_];
        sb_printf(sb, " tunnel source %s\n", inet_fmt6(ifp->tun_src_ip6, a6));
    }
    if (ifp->has_tun_dst)
        sb_printf(sb, " tunnel destination %s\n", inet_fmt4(ifp->tun_dst, a));
    if (ifp->tun_mode == TUN_MODE_GRE_MULTIPOINT)
        sb_puts(sb, ifp->tun_ipv6 ? " tunnel mode gre multipoint ipv6\n"
                                  : " tunnel mode gre multipoint\n");
    else if (ifp->tun_mode == TUN_MODE_OTHER)
        sb_printf(sb, " tunnel mode %s\n", ifp->tun_mode_text);
    if (ifp->has_tun_key)
        sb_printf(sb, " tunnel key %u\n", ifp->tun_key);
    if (ifp->tun_vrf)
        sb_printf(sb, " tunnel vrf %s\n", ifp->tun_vrf);
    print_slot(sb, o, SI_TUNNEL);
    if (ifp->tun_protection) {
        sb_printf(sb, " tunnel protection ipsec profile %s", ifp->tun_protection);
        if (ifp->tun_protection_shared)
            sb_puts(sb, " shared");
        if (ifp->tun_protection_isakmp_profile)
            sb_printf(sb, " isakmp-profile %s", ifp->tun_protection_isakmp_profile);
        if (ifp->tun_protection_ikev2_profile)
            sb_printf(sb, " ikev2-profile %s", ifp->tun_protection_ikev2_profile);
        sb_putc(sb, '\n');
    }
    print_slot(sb, o, SI_LATE);
    sb_puts(sb, "!\n");
}

static const char *const xf_text[XF_COUNT] = {
    [XF_ESP_DES] = "esp-des",
    [XF_ESP_3DES] = "esp-3des",
    [XF_ESP_AES] = "esp-aes",
    [XF_ESP_GCM] = "esp-gcm",
    [XF_ESP_GMAC] = "esp-gmac",
    [XF_ESP_NULL] = "esp-null",
    [XF_ESP_SEAL] = "esp-seal",
    [XF_ESP_MD5_HMAC] = "esp-md5-hmac",
    [XF_ESP_SHA_HMAC] = "esp-sha-hmac",
    [XF_ESP_SHA256_HMAC] = "esp-sha256-hmac",
    [XF_ESP_SHA384_HMAC] = "esp-sha384-hmac",
    [XF_ESP_SHA512_HMAC] = "esp-sha512-hmac",
    [XF_AH_MD5_HMAC] = "ah-md5-hmac",
    [XF_AH_SHA_HMAC] = "ah-sha-hmac",
    [XF_AH_SHA256_HMAC] = "ah-sha256-hmac",
    [XF_AH_SHA384_HMAC] = "ah-sha384-hmac",
    [XF_AH_SHA512_HMAC] = "ah-sha512-hmac",
    [XF_COMP_LZS] = "comp-lzs",
};

const char *
cfg_transform_name(enum cfg_transform x)
{
    return x > XF_NONE && x < XF_COUNT ? xf_text[x] : "?";
}

static void
print_crypto(struct strbuf *sb, const struct cfg *c)
{
    static const char *const hash[] = {"sha", "md5", "sha256", "sha384", "sha512"};
    static const char *const auth[] = {"rsa-sig", "pre-share", "rsa-encr", "ecdsa-sig"};
    char a[16], m[16];
    size_t i, n0;
    int k;

    keyring_print(sb, c);
    for (i = 0; i < c->npols; i++) {
        const struct cfg_isakmp_policy *p = &c->pols[i];
        sb_printf(sb, "crypto isakmp policy %u\n", p->priority);
        if (p->encr == ENCR_3DES)
            sb_puts(sb, " encr 3des\n");
        else if (p->encr == ENCR_AES && p->aes_bits)
            sb_printf(sb, " encr aes %u\n", p->aes_bits);
        else if (p->encr == ENCR_AES)
            sb_puts(sb, " encr aes\n");
        if (p->hash != HASH_SHA)
            sb_printf(sb, " hash %s\n", hash[p->hash]);
        if (p->auth != AUTH_RSA_SIG)
            sb_printf(sb, " authentication %s\n", auth[p->auth]);
        if (p->group != 1)
            sb_printf(sb, " group %u\n", p->group);
        if (p->lifetime != 86400)
            sb_printf(sb, " lifetime %u\n", p->lifetime);
    }
    for (i = 0; i < c->nkeys; i++) {
        const struct cfg_isakmp_key *k2 = &c->keys[i];
        sb_printf(sb, "crypto isakmp key %s%s", k2->enc_type == 6 ? "6 " : "", k2->key);
        if (k2->is_hostname)
            sb_printf(sb, " hostname %s", k2->hostname);
        else if (k2->has_mask)
            sb_printf(sb, " address %s %s", inet_fmt4(k2->addr, a), inet_fmt4(k2->mask, m));
        else /* IOS pads the address to 15 characters */
            sb_printf(sb, " address %-15s", inet_fmt4(k2->addr, a));
        if (k2->no_xauth)
            sb_puts(sb, " no-xauth");
        sb_putc(sb, '\n');
    }
    if (c->isakmp_keepalive.set) {
        sb_printf(sb, "crypto isakmp keepalive %u", c->isakmp_keepalive.secs);
        if (c->isakmp_keepalive.retry)
            sb_printf(sb, " %u", c->isakmp_keepalive.retry);
        if (c->isakmp_keepalive.mode == 1)
            sb_puts(sb, " periodic");
        sb_putc(sb, '\n');
    }
    if (c->isakmp_nat_keepalive)
        sb_printf(sb, "crypto isakmp nat keepalive %u\n", c->isakmp_nat_keepalive);
    isaprof_print(sb, c);
    print_slot(sb, &c->global_opaque, SG_CRYPTO_ISAKMP);
    sb_puts(sb, "!\n");
    if (c->ipsec_sa_life_kb_disable)
        sb_puts(sb, "crypto ipsec security-association lifetime kilobytes disable\n");
    else if (c->ipsec_sa_life_kb)
        sb_printf(sb, "crypto ipsec security-association lifetime kilobytes %llu\n",
                  (unsigned long long)c->ipsec_sa_life_kb);
    if (c->ipsec_sa_life_secs)
        sb_printf(sb, "crypto ipsec security-association lifetime seconds %u\n",
                  c->ipsec_sa_life_secs);
    if (c->ipsec_replay_disable)
        sb_puts(sb, "crypto ipsec security-association replay disable\n");
    else if (c->ipsec_replay_window)
        sb_printf(sb, "crypto ipsec security-association replay window-size %u\n",
                  c->ipsec_replay_window);
    n0 = sb->len;
    print_slot(sb, &c->global_opaque, SG_CRYPTO_SA);
    if (c->ipsec_sa_life_kb_disable || c->ipsec_sa_life_kb || c->ipsec_sa_life_secs ||
        c->ipsec_replay_disable || c->ipsec_replay_window || sb->len != n0)
        sb_puts(sb, "!\n");
    for (i = 0; i < c->ntsets; i++) {
        const struct cfg_tset *t = &c->tsets[i];
        sb_printf(sb, "crypto ipsec transform-set %s", t->name);
        for (k = 0; k < t->nxf; k++) {
            sb_printf(sb, " %s", cfg_transform_name(t->xf[k]));
            if (t->bits[k])
                sb_printf(sb, " %u", t->bits[k]);
        }
        sb_puts(sb, " \n"); /* IOS ends the line with a blank */
        if (t->transport)
            sb_printf(sb, " mode transport%s\n", t->transport_require ? " require" : "");
        else
            sb_puts(sb, " mode tunnel\n");
    }
    if (c->ntsets)
        sb_puts(sb, "!\n");
    for (i = 0; i < c->nprofs; i++) {
        const struct cfg_ipsec_profile *p = &c->profs[i];
        size_t j;
        sb_printf(sb, "crypto ipsec profile %s\n", p->name);
        print_all(sb, &p->opaque);
        if (p->lifetime_kb_disable)
            sb_puts(sb, " set security-association lifetime kilobytes disable\n");
        else if (p->lifetime_kb)
            sb_printf(sb, " set security-association lifetime kilobytes %llu\n",
                      (unsigned long long)p->lifetime_kb);
        if (p->lifetime_secs)
            sb_printf(sb, " set security-association lifetime seconds %u\n", p->lifetime_secs);
        if (p->ntsets) {
            sb_puts(sb, " set transform-set");
            for (j = 0; j < p->ntsets; j++)
                sb_printf(sb, " %s", p->tsets[j]);
            sb_puts(sb, " \n");
        }
        if (p->pfs && p->pfs_group)
            sb_printf(sb, " set pfs group%u\n", p->pfs_group);
        else if (p->pfs)
            sb_puts(sb, " set pfs\n");
        if (p->isakmp_profile)
            sb_printf(sb, " set isakmp-profile %s\n", p->isakmp_profile);
        if (p->ikev2_profile)
            sb_printf(sb, " set ikev2-profile %s\n", p->ikev2_profile);
        if (p->responder_only)
            sb_puts(sb, " responder-only\n");
        sb_puts(sb, "!\n");
    }
}

static void
print_route(struct strbuf *sb, const struct cfg_route *r)
{
    char a[16], b[16], c[16];

    sb_puts(sb, "ip route ");
    if (r->vrf)
        sb_printf(sb, "vrf %s ", r->vrf);
    sb_puts(sb, inet_fmt4(r->prefix, a));
    sb_putc(sb, ' ');
    sb_puts(sb, inet_fmt4(r->mask, b));
    if (r->ifname) {
        sb_putc(sb, ' ');
        sb_puts(sb, r->ifname);
    }
    if (r->has_nh) {
        sb_putc(sb, ' ');
        sb_puts(sb, inet_fmt4(r->nh, c));
    }
    if (r->distance)
        sb_printf(sb, " %u", r->distance);
    if (r->has_tag)
        sb_printf(sb, " tag %u", r->tag);
    if (r->name)
        sb_printf(sb, " name %s", r->name);
    if (r->permanent)
        sb_puts(sb, " permanent");
    if (r->track)
        sb_printf(sb, " track %u", r->track);
    sb_putc(sb, '\n');
}

static void
print_line(struct strbuf *sb, const struct cfg_line *l)
{
    static const char *const kind[] = {"con", "aux", "vty"};

    if (l->first == l->last)
        sb_printf(sb, "line %s %u\n", kind[l->kind], l->first);
    else
        sb_printf(sb, "line %s %u %u\n", kind[l->kind], l->first, l->last);
    if (l->exec_timeout_min >= 0)
        sb_printf(sb, " exec-timeout %d %d\n", l->exec_timeout_min, l->exec_timeout_sec);
    if (l->privilege >= 0)
        sb_printf(sb, " privilege level %d\n", l->privilege);
    if (l->password)
        sb_printf(sb, " password %s\n", l->password);
    print_all(sb, &l->opaque);
    if (l->login == 2)
        sb_puts(sb, " login local\n");
    else if (l->login == 1)
        sb_puts(sb, " login\n");
    else if (l->no_login)
        sb_puts(sb, " no login\n");
    if (l->has_transport) {
        sb_puts(sb, " transport input");
        if (l->transport & TRANSPORT_ALL)
            sb_puts(sb, " all");
        else if (l->transport & TRANSPORT_NONE)
            sb_puts(sb, " none");
        else {
            if (l->transport & TRANSPORT_TELNET)
                sb_puts(sb, " telnet");
            if (l->transport & TRANSPORT_SSH)
                sb_puts(sb, " ssh");
        }
        sb_putc(sb, '\n');
    }
}

static void
print_body(struct strbuf *sb, const struct cfg *c)
{
    const struct cfg_opaque_list *g = &c->global_opaque;
    size_t i, *order;

    sb_puts(sb, "!\n");
    print_slot(sb, g, SG_VERSION);
    sb_puts(sb, "!\n");
    sb_printf(sb, "hostname %s\n", c->hostname ? c->hostname : "Router");
    print_slot(sb, g, SG_HOSTNAME);
    sb_puts(sb, "!\n");
    print_slot(sb, g, SG_BOOT);
    sb_puts(sb, "!\n");
    if (c->enable_secret)
        sb_printf(sb, "enable secret %d %s\n", c->enable_secret_type, c->enable_secret);
    if (c->enable_password)
        sb_printf(sb, "enable password %s\n", c->enable_password);
    print_slot(sb, g, SG_SECURITY);
    sb_puts(sb, "!\n");
    print_slot(sb, g, SG_EARLY);
    sb_puts(sb, "!\n");
    for (i = 0; i < c->nusers; i++) {
        const struct cfg_user *u = &c->users[i];
        sb_printf(sb, "username %s", u->name);
        if (u->privilege >= 0)
            sb_printf(sb, " privilege %d", u->privilege);
        if (u->value && u->is_secret)
            sb_printf(sb, " secret %d %s", u->type, u->value);
        else if (u->value)
            sb_printf(sb, " password %d %s", u->type, u->value);
        sb_putc(sb, '\n');
    }
    print_slot(sb, g, SG_USERS);
    sb_puts(sb, "!\n");
    keychain_print(sb, c);
    pki_print(sb, c);
    print_slot(sb, g, SG_CRYPTO_PKI);
    ikev2_print(sb, c);
    print_crypto(sb, c);
    print_slot(sb, g, SG_CRYPTO_LATE);
    print_slot(sb, g, SG_PRE_IF);
    sb_puts(sb, "!\n");
    order = cfg_iface_print_order(c);
    for (i = 0; i < c->nifs; i++)
        print_iface(sb, &c->ifs[order[i]]);
    free(order);
    for (i = 0; i < c->nrouters; i++) {
        sb_printf(sb, "%s\n", c->routers[i].header);
        print_all(sb, &c->routers[i].lines);
        sb_puts(sb, "!\n");
    }
    print_slot(sb, g, SG_ROUTER);
    print_slot(sb, g, SG_POST_ROUTER);
    /* IOS prints the global table's static routes, then the VRFs' */
    for (i = 0; i < c->nroutes; i++)
        if (!c->routes[i].vrf)
            print_route(sb, &c->routes[i]);
    for (i = 0; i < c->nroutes; i++)
        if (c->routes[i].vrf)
            print_route(sb, &c->routes[i]);
    for (i = 0; i < c->nroutes6; i++)
        if (!c->routes6[i].vrf)
            print_route6(sb, &c->routes6[i]);
    for (i = 0; i < c->nroutes6; i++)
        if (c->routes6[i].vrf)
            print_route6(sb, &c->routes6[i]);
    sb_puts(sb, "!\n");
    print_slot(sb, g, SG_ACL);
    sb_puts(sb, "!\n");
    if (c->snmp_location)
        sb_printf(sb, "snmp-server location %s\n", c->snmp_location);
    if (c->snmp_contact)
        sb_printf(sb, "snmp-server contact %s\n", c->snmp_contact);
    for (i = 0; i < c->ncomms; i++) {
        const struct cfg_community *cm = &c->comms[i];
        sb_printf(sb, "snmp-server community %s", cm->name);
        if (cm->has_mode)
            sb_puts(sb, cm->rw ? " RW" : " RO");
        if (cm->acl)
            sb_printf(sb, " %s", cm->acl);
        sb_putc(sb, '\n');
    }
    print_slot(sb, g, SG_SNMP);
    sb_puts(sb, "!\n");
    print_slot(sb, g, SG_CONTROL);
    sb_puts(sb, "!\n");
    for (i = 0; i < c->nlines; i++)
        print_line(sb, &c->lines[i]);
    sb_puts(sb, "!\n");
    print_slot(sb, g, SG_LATE);
    sb_puts(sb, "!\nend\n");
}

/* Sections print a `!` after themselves; empty ones would leave runs. */
static void
squeeze_bangs(struct strbuf *sb)
{
    size_t r = 0, w = 0;

    while (r < sb->len) {
        if (w >= 2 && sb->buf[w - 1] == '\n' && sb->buf[w - 2] == '!' &&
            (w == 2 || sb->buf[w - 3] == '\n') && r + 1 < sb->len && sb->buf[r] == '!' &&
            sb->buf[r + 1] == '\n') {
            r += 2;
            continue;
        }
        sb->buf[w++] = sb->buf[r++];
    }
    sb->len = w;
    sb->buf[w] = '\0';
}

void
cfg_print(struct strbuf *sb, const struct cfg *c, bool header)
{
    struct strbuf body;

    sb_init(&body);
    print_body(&body, c);
    squeeze_bangs(&body);
    if (header)
        sb_printf(sb, "Building configuration...\n\nCurrent configuration : %zu bytes\n", body.len);
    sb_append(sb, body.buf, body.len);
    sb_free(&body);
}
