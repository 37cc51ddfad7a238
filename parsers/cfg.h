/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The configuration model: what an IOS running-config means, as plain data.
 * A `struct cfg` is built by the parser (parse.c, handlers in cmd_*.c), then
 * frozen: every consumer (validate, diff, print, the daemon's modules) gets a
 * `const struct cfg *` and never changes it. Everything lives in one arena.
 * Addresses are IPv4 in host byte order (IPv6 ones, in cfg_nhrp6.h, the
 * tunnel source, struct cfg_if6 and struct cfg_route6, are wire bytes).
 * Lists keep configuration order where IOS keeps it (NHRP maps, NHS,
 * routes) because show running-config does.
 */
#ifndef DMVPN_PARSERS_CFG_H
#define DMVPN_PARSERS_CFG_H

#include "parsers/cfg_nhrp6.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct arena;

/* Lines we recognise but do not model, printed back verbatim. */
struct cfg_opaque {
    const char *text; /* the line as IOS prints it (with its indentation) */
    int slot;         /* print position: enum slot_global / slot_if (slots.h) */
    int lineno;       /* source line, 0 when typed */
};

struct cfg_opaque_list {
    struct cfg_opaque *v;
    size_t n, cap;
};

enum cfg_tunnel_mode {
    TUN_MODE_GRE_IP = 0, /* IOS default: point-to-point GRE */
    TUN_MODE_GRE_MULTIPOINT,
    TUN_MODE_OTHER, /* ipsec ipv4, gre ipv6 ...: recognised, unsupported */
};

struct cfg_nhrp_map {
    bool multicast;      /* ip nhrp map multicast ... */
    bool dynamic;        /* ip nhrp map multicast dynamic */
    uint32_t proto;      /* unicast map: tunnel address */
    uint32_t proto_mask; /* 0 when no mask given */
    uint32_t nbma;
};

struct cfg_nhrp_nhs {
    bool dynamic;  /* ip nhrp nhs dynamic nbma X */
    uint32_t addr; /* NHS tunnel address */
    bool has_nbma;
    uint32_t nbma; /* when given as an address */
    const char *nbma_fqdn;
    bool multicast;
    int priority; /* -1: not configured (0 on the wire) */
    int cluster;  /* -1: not configured */
};

struct cfg_nhrp {
    bool enabled; /* any ip nhrp line on the interface */
    const char *auth;
    bool has_network_id;
    uint32_t network_id;
    uint32_t holdtime; /* 0: default (7200) */
    struct cfg_nhrp_map *maps;
    size_t nmaps, capmaps;
    struct cfg_nhrp_nhs *nhs;
    size_t nnhs, capnhs;
    int nhs_fallback;     /* -1: not configured */
    uint32_t reg_timeout; /* 0: holdtime/3 */
    bool reg_no_unique;
    bool redirect;
    int redirect_timeout; /* -1: default */
    bool shortcut;
    bool server_only;
    bool server_only_non_caching;
    const char *group;
    int max_send_pkts, max_send_every; /* -1: default */
};

struct cfg_addr {
    uint32_t addr, mask;
};

/* IPv6 on an interface (`ipv6 address`, `ipv6 enable`, `ipv6 mtu`). Fixed
 * arrays, no pointers: the model's copy and compare stay memcpy/memcmp, and
 * unused slots are kept zero for that reason. */
#define CFG_IF6_MAX_ADDRS 8

enum cfg_addr6_kind {
    ADDR6_PLAIN = 0, /* ipv6 address X/LEN */
    ADDR6_EUI64,     /* ipv6 address P/LEN eui-64: the host part from the link's MAC */
    ADDR6_LINKLOCAL, /* ipv6 address X link-local (len 128 in the model, /64 on the link) */
};

struct cfg_addr6 {
    uint8_t addr[16]; /* wire order; the masked prefix for ADDR6_EUI64 */
    uint8_t len;
    uint8_t kind; /* enum cfg_addr6_kind */
};

struct cfg_if6 {
    bool enable;  /* ipv6 enable: link-local only */
    uint32_t mtu; /* ipv6 mtu; 0: the link's */
    uint8_t naddrs;
    struct cfg_addr6 addrs[CFG_IF6_MAX_ADDRS]; /* configuration order */
};

struct cfg_iface {
    const char *name; /* canonical: Tunnel0, FastEthernet0/0 */
    const char *description;
    bool has_addr;
    struct cfg_addr addr;
    struct cfg_addr *secondary;
    size_t nsecondary, capsecondary;
    bool no_ip_address; /* `no ip address` printed by IOS on physical ifs */
    bool shutdown;
    bool no_ip_redirects;
    uint32_t ip_mtu;                         /* 0: default */
    uint32_t tcp_mss;                        /* 0: not set */
    uint32_t bandwidth;                      /* kbit/s, 0: default */
    uint32_t delay;                          /* tens of microseconds, 0: default */
    int keepalive_period, keepalive_retries; /* -1: not set */
    /* tunnel */
    const char *tun_src_if;
    bool has_tun_src_ip;
    uint32_t tun_src_ip;
    bool has_tun_src_ip6; /* tunnel source X:X::X (IPv6 underlay) */
    uint8_t tun_src_ip6[16];
    bool has_tun_dst;
    uint32_t tun_dst;
    enum cfg_tunnel_mode tun_mode;
    /* `tunnel mode gre multipoint ipv6`: GRE over an IPv6 underlay; the
     * mode stays TUN_MODE_GRE_MULTIPOINT, so everything that asks "is this
     * an mGRE tunnel" answers the same for both transports */
    bool tun_ipv6;
    const char *tun_mode_text; /* for TUN_MODE_OTHER: as typed, canonical */
    bool has_tun_key;
    uint32_t tun_key;
    const char *tun_protection; /* ipsec profile name */
    bool tun_protection_shared;
    const char *tun_protection_isakmp_profile;
    const char *tun_protection_ikev2_profile;
    const char *tun_vrf;
    /* `vrf forwarding X` (or the older `ip vrf forwarding X`, vrf_ip_form):
     * the interface's routing table; NULL = the global one */
    const char *vrf;
    bool vrf_ip_form;
    struct cfg_nhrp nhrp;
    struct cfg_nhrp6 nhrp6; /* ipv6 nhrp ... (cfg_nhrp6.h) */
    struct cfg_opaque_list opaque;
    struct cfg_if6 v6;
};

enum cfg_isakmp_encr {
    ENCR_DES = 0, /* IOS default */
    ENCR_3DES,
    ENCR_AES, /* with aes_bits 128 (printed "aes"), 192, 256 */
};

enum cfg_isakmp_hash { HASH_SHA = 0, HASH_MD5, HASH_SHA256, HASH_SHA384, HASH_SHA512 };
enum cfg_isakmp_auth { AUTH_RSA_SIG = 0, AUTH_PRE_SHARE, AUTH_RSA_ENCR, AUTH_ECDSA_SIG };

struct cfg_isakmp_policy {
    uint32_t priority;
    enum cfg_isakmp_encr encr;
    uint32_t aes_bits; /* 0: plain `aes` (128) */
    enum cfg_isakmp_hash hash;
    enum cfg_isakmp_auth auth;
    uint32_t group;    /* 1 default */
    uint32_t lifetime; /* 86400 default */
};

struct cfg_isakmp_key {
    const char *key;
    int enc_type; /* 0 or 6 as typed; printed only when 6 */
    bool is_hostname;
    const char *hostname;
    uint32_t addr;
    bool has_mask;
    uint32_t mask;
    bool no_xauth;
};

/* IKEv1 keyrings and ISAKMP profiles (crypto keyring / crypto isakmp
 * profile). A keyring's keys are `crypto isakmp key` lines scoped to a
 * front-door VRF; a profile picks the keyrings one tunnel may use. */
struct cfg_keyring {
    const char *name;
    const char *vrf; /* NULL: the global table */
    const char *description;
    /* local-address IP|INTERFACE: only for SAs from that local address */
    const char *local_addr;
    struct cfg_isakmp_key *keys; /* pre-shared-key ...: enc_type 0/6 */
    size_t nkeys, capkeys;
};

#define CFG_ISAPROF_MAX 8 /* keyring / match identity lines per profile */

struct cfg_isakmp_match {
    bool is_host;
    const char *host;    /* match identity host */
    uint32_t addr, mask; /* mask 0xffffffff when not typed */
    bool has_mask;
    const char *vrf;
};

struct cfg_isakmp_profile {
    const char *name;
    const char *description;
    const char *vrf; /* vrf X: the inside VRF */
    const char *keyrings[CFG_ISAPROF_MAX];
    int nkeyrings;
    struct cfg_isakmp_match match[CFG_ISAPROF_MAX];
    int nmatch;
    uint32_t ka_secs, ka_retry; /* keepalive; 0: the global one */
    int self_id;                /* 0 none, 1 address, 2 fqdn */
};

enum cfg_transform {
    XF_NONE = 0,
    XF_ESP_DES,
    XF_ESP_3DES,
    XF_ESP_AES,
    XF_ESP_GCM,
    XF_ESP_GMAC,
    XF_ESP_NULL,
    XF_ESP_SEAL,
    XF_ESP_MD5_HMAC,
    XF_ESP_SHA_HMAC,
    XF_ESP_SHA256_HMAC,
    XF_ESP_SHA384_HMAC,
    XF_ESP_SHA512_HMAC,
    XF_AH_MD5_HMAC,
    XF_AH_SHA_HMAC,
    XF_AH_SHA256_HMAC,
    XF_AH_SHA384_HMAC,
    XF_AH_SHA512_HMAC,
    XF_COMP_LZS,
    XF_COUNT
};

struct cfg_tset {
    const char *name;
    enum cfg_transform xf[3];
    uint32_t bits[3]; /* key size for esp-aes/gcm/gmac, 0: default */
    int nxf;
    bool transport; /* mode transport */
    bool transport_require;
};

struct cfg_ipsec_profile {
    const char *name;
    const char **tsets;
    size_t ntsets;
    uint32_t pfs_group; /* 0: no PFS */
    bool pfs;
    uint32_t lifetime_secs; /* 0: default 3600 */
    uint64_t lifetime_kb;   /* 0: default 4608000 */
    bool lifetime_kb_disable;
    const char *isakmp_profile;
    const char *ikev2_profile;
    bool responder_only;
    struct cfg_opaque_list opaque;
};

/* IKEv2 (crypto ikev2 ...). Algorithm lists keep the order typed: IOS
 * offers them in that order and prints them back so. */
enum cfg_v2_encr {
    V2E_NONE = 0,
    V2E_3DES,
    V2E_AES_CBC_128,
    V2E_AES_CBC_192,
    V2E_AES_CBC_256,
    V2E_AES_GCM_128,
    V2E_AES_GCM_256,
    V2E_DES,
    V2E_COUNT
};
enum cfg_v2_hash { V2H_NONE = 0, V2H_MD5, V2H_SHA1, V2H_SHA256, V2H_SHA384, V2H_SHA512, V2H_COUNT };

#define CFG_V2_MAX_ALGS 10

struct cfg_ikev2_proposal {
    const char *name;
    unsigned char encr[CFG_V2_MAX_ALGS], integ[CFG_V2_MAX_ALGS], prf[CFG_V2_MAX_ALGS];
    unsigned char group[CFG_V2_MAX_ALGS]; /* IOS DH group numbers */
    int nencr, ninteg, nprf, ngroup;
};

#define CFG_V2_MAX_REFS 8

/* fvrf: NULL with fvrf_any false is the global table (IOS's default). */
struct cfg_ikev2_policy {
    const char *name;
    const char *props[CFG_V2_MAX_REFS];
    int nprops;
    uint32_t local[CFG_V2_MAX_REFS]; /* match address local; none: any */
    int nlocal;
    bool fvrf_any;
    const char *fvrf;
};

/* V2ID_DN: identity local dn (the certificate's subject); V2ID_ANY: match
 * identity remote any (whoever the certificate chain vouches for). */
enum cfg_v2_id_kind {
    V2ID_NONE = 0,
    V2ID_ADDRESS,
    V2ID_FQDN,
    V2ID_EMAIL,
    V2ID_KEYID,
    V2ID_DN,
    V2ID_ANY
};

/* An IKEv2 identity as IOS names it (identity local, match identity
 * remote, a keyring peer's identity). */
struct cfg_ikev2_id {
    enum cfg_v2_id_kind kind;
    bool domain;      /* fqdn/email domain X: any name under X */
    const char *text; /* fqdn, email, key-id */
    uint32_t addr, mask;
    bool has_mask;
};

/* pre-shared-key [local|remote] [0|6|7] KEY: IOS keeps the three forms. */
struct cfg_ikev2_psk {
    const char *key;
    int type; /* 0, 6 or 7 as typed */
};

struct cfg_ikev2_peer {
    const char *name;
    const char *description;
    bool has_addr, has_mask;
    uint32_t addr, mask;
    const char *hostname;
    struct cfg_ikev2_id id;
    struct cfg_ikev2_psk psk, psk_local, psk_remote;
};

struct cfg_ikev2_keyring {
    const char *name;
    struct cfg_ikev2_peer *peers;
    size_t npeers, cappeers;
};

enum cfg_v2_auth { V2A_NONE = 0, V2A_PRE_SHARE, V2A_RSA_SIG, V2A_ECDSA_SIG };

struct cfg_ikev2_profile {
    const char *name;
    const char *description;
    bool fvrf_any;
    const char *fvrf;
    uint32_t local[CFG_V2_MAX_REFS]; /* match address local */
    int nlocal;
    struct cfg_ikev2_id remote[CFG_V2_MAX_REFS]; /* match identity remote */
    int nremote;
    struct cfg_ikev2_id local_id; /* identity local; V2ID_NONE: the address */
    enum cfg_v2_auth auth_local;
    unsigned auth_remote; /* bit (1 << enum cfg_v2_auth) per method */
    const char *keyring;  /* keyring local */
    uint32_t lifetime;    /* 0: default 86400 */
    uint32_t dpd_interval, dpd_retry;
    bool dpd_periodic;
    uint32_t nat_keepalive; /* 0: off */
    const char *ivrf;
    /* pki trustpoint NAME [sign|verify]: IOS takes several lines */
    const char *pki_tp[CFG_V2_MAX_REFS];
    unsigned char pki_use[CFG_V2_MAX_REFS]; /* enum cfg_pki_use */
    int npki;
};

enum cfg_pki_use { PKI_USE_BOTH = 0, PKI_USE_SIGN, PKI_USE_VERIFY };

/* crypto pki trustpoint NAME. Values are kept as typed (IOS prints them
 * back so); only rsakeypair and the name matter to the translator. */
#define CFG_PKI_MAX_EXTRA 16
struct cfg_pki_trustpoint {
    const char *name;
    const char *enrollment;             /* "terminal", "url http://...", "selfsigned" */
    const char *subject;                /* subject-name text */
    const char *revocation;             /* revocation-check text: "none", "crl" ... */
    const char *rsakeypair;             /* NULL: the trustpoint's name names the key */
    const char *fqdn, *serial, *ipaddr; /* fqdn / serial-number / ip-address text */
    /* sub-lines we keep but do not use (auto-enroll, usage ...), verbatim */
    const char *extra[CFG_PKI_MAX_EXTRA];
    int nextra;
};

enum cfg_pki_cert_kind { PKI_CERT_ROUTER = 0, PKI_CERT_CA, PKI_CERT_SELF_SIGNED };

/* One `certificate [ca|self-signed] SERIAL` of a chain: DER from IOS's
 * hex dump. */
struct cfg_pki_cert {
    enum cfg_pki_cert_kind kind;
    const char *serial;
    unsigned char *der;
    size_t len, cap;
};

struct cfg_pki_chain {
    const char *name; /* the trustpoint's */
    struct cfg_pki_cert *certs;
    size_t ncerts, capcerts;
};

/* key chain NAME (routing protocol keys). A lifetime is a window in
 * seconds since the epoch, read as UTC (IOS reads it in the router's clock
 * zone; dmvpnd has no `clock timezone`). */
struct cfg_key_life {
    bool set;
    int64_t start;
    int64_t end;       /* CFG_KEY_INFINITE: no end */
    uint32_t duration; /* `duration N` as typed (end = start + N), 0: not used */
    bool local;        /* `local`: kept and printed, read as UTC all the same */
};
#define CFG_KEY_INFINITE INT64_MAX

struct cfg_key {
    uint32_t id;        /* key N */
    const char *string; /* key-string as typed (type 7: the obfuscated text) */
    int string_type;    /* 0 or 7 */
    struct cfg_key_life accept, send;
};

struct cfg_keychain {
    const char *name;
    struct cfg_key *keys; /* ascending id: IOS prints and tries them so */
    size_t nkeys, capkeys;
};

/* ipv6 route [vrf X] P/LEN {NH | IF [NH]} [distance] [tag N] [name W] */
struct cfg_route6 {
    const char *vrf; /* NULL: the global table */
    uint8_t prefix[16];
    uint8_t len;
    bool has_nh;
    uint8_t nh[16];
    const char *ifname; /* exit interface, optional (required for a link-local next hop) */
    uint32_t distance;  /* 0: default (1) */
    bool has_tag;
    uint32_t tag;
    const char *name;
};

struct cfg_route {
    const char *vrf; /* `ip route vrf X ...`; NULL: the global table */
    uint32_t prefix, mask;
    bool has_nh;
    uint32_t nh;
    const char *ifname; /* exit interface, optional */
    uint32_t distance;  /* 0: default (1) */
    bool has_tag;
    uint32_t tag;
    const char *name;
    bool permanent;
    uint32_t track; /* 0: none */
};

struct cfg_user {
    const char *name;
    int privilege;     /* -1: not given */
    bool is_secret;    /* secret vs password */
    int type;          /* 0 clear (password), 5/8/9 hashes */
    const char *value; /* hash or password text as IOS prints it */
};

struct cfg_community {
    const char *name;
    bool rw;
    bool has_mode; /* RO/RW typed */
    const char *acl;
};

enum cfg_line_kind { LINE_CON, LINE_AUX, LINE_VTY };

struct cfg_line {
    enum cfg_line_kind kind;
    uint32_t first, last;
    int login; /* 0 not set, 1 login, 2 login local */
    bool no_login;
    const char *password;
    int password_type;  /* 0 clear, 7 */
    unsigned transport; /* TRANSPORT_* bits of `transport input` */
    bool has_transport;
    int exec_timeout_min, exec_timeout_sec; /* -1: default */
    int privilege;                          /* -1: default */
    struct cfg_opaque_list opaque;
};

#define TRANSPORT_TELNET 0x1
#define TRANSPORT_SSH    0x2
#define TRANSPORT_NONE   0x4
#define TRANSPORT_ALL    0x8

enum cfg_router_proto { RTR_EIGRP, RTR_OSPF, RTR_BGP, RTR_OTHER };

struct cfg_router {
    enum cfg_router_proto proto;
    const char *header; /* "router eigrp 100" as IOS prints it */
    struct cfg_opaque_list lines;
};

struct cfg_isakmp_keepalive {
    bool set;
    uint32_t secs, retry;
    int mode; /* 0: default (on-demand), 1 periodic, 2 on-demand typed */
};

struct cfg {
    struct arena *arena;
    const char *hostname;
    const char *enable_secret; /* hash */
    int enable_secret_type;
    const char *enable_password;
    struct cfg_iface *ifs;
    size_t nifs, capifs;
    struct cfg_isakmp_policy *pols;
    size_t npols, cappols;
    struct cfg_isakmp_key *keys;
    size_t nkeys, capkeys;
    struct cfg_isakmp_keepalive isakmp_keepalive;
    uint32_t isakmp_nat_keepalive; /* 0: off */
    struct cfg_tset *tsets;
    size_t ntsets, captsets;
    struct cfg_ipsec_profile *profs;
    size_t nprofs, capprofs;
    /* crypto ipsec security-association ...: the global SA settings a
     * profile's own `set security-association` overrides */
    uint32_t ipsec_sa_life_secs; /* 0: default 3600 */
    uint64_t ipsec_sa_life_kb;   /* 0: default 4608000 */
    bool ipsec_sa_life_kb_disable;
    uint32_t ipsec_replay_window; /* 0: default (64, not printed) */
    bool ipsec_replay_disable;
    struct cfg_ikev2_proposal *v2props;
    size_t nv2props, capv2props;
    struct cfg_ikev2_policy *v2pols;
    size_t nv2pols, capv2pols;
    struct cfg_ikev2_keyring *v2krs;
    size_t nv2krs, capv2krs;
    struct cfg_ikev2_profile *v2profs;
    size_t nv2profs, capv2profs;
    struct cfg_keyring *krs;
    size_t nkrs, capkrs;
    struct cfg_isakmp_profile *isaprofs;
    size_t nisaprofs, capisaprofs;
    struct cfg_keychain *kcs;
    size_t nkcs, capkcs;
    struct cfg_pki_trustpoint *tps;
    size_t ntps, captps;
    struct cfg_pki_chain *chains;
    size_t nchains, capchains;
    struct cfg_route *routes;
    size_t nroutes, caproutes;
    struct cfg_user *users;
    size_t nusers, capusers;
    struct cfg_community *comms;
    size_t ncomms, capcomms;
    const char *snmp_location;
    const char *snmp_contact;
    struct cfg_line *lines;
    size_t nlines, caplines;
    struct cfg_router *routers;
    size_t nrouters, caprouters;
    struct cfg_opaque_list global_opaque;
    struct cfg_route6 *routes6;
    size_t nroutes6, caproutes6;
    bool ipv6_unicast_routing; /* the line itself is kept verbatim (print order) */
};

/* Lookups over a frozen config. */
const struct cfg_iface *cfg_find_iface(const struct cfg *c, const char *name);
/* The interface whose Linux link (ifname_linux) is lnx. Every loopback is
 * `lo`: there, the loopback whose subnet holds addr (addr 0: the first).
 * NULL if none. */
const struct cfg_iface *cfg_iface_of_link(const struct cfg *c, const char *lnx, uint32_t addr);
/* IOS's bandwidth (kbit/s) and delay (tens of usec) of an interface: the
 * configured value, else its type's default as `show interfaces` prints. */
/* The router ID IOS's routing protocols pick without `router-id`: the
 * highest loopback address, else the highest interface address; 0 = none. */
uint32_t cfg_router_id(const struct cfg *c);
uint32_t cfg_iface_bw(const struct cfg_iface *ifp);
uint32_t cfg_iface_delay(const struct cfg_iface *ifp);
const struct cfg_tset *cfg_find_tset(const struct cfg *c, const char *name);
const struct cfg_ipsec_profile *cfg_find_profile(const struct cfg *c, const char *name);
const struct cfg_ikev2_proposal *cfg_find_v2prop(const struct cfg *c, const char *name);
const struct cfg_ikev2_keyring *cfg_find_v2kr(const struct cfg *c, const char *name);
const struct cfg_ikev2_profile *cfg_find_v2prof(const struct cfg *c, const char *name);
const struct cfg_keyring *cfg_find_keyring(const struct cfg *c, const char *name);
const struct cfg_isakmp_profile *cfg_find_isaprof(const struct cfg *c, const char *name);
const struct cfg_keychain *cfg_find_keychain(const struct cfg *c, const char *name);
const struct cfg_pki_trustpoint *cfg_find_trustpoint(const struct cfg *c, const char *name);
const struct cfg_pki_chain *cfg_find_chain(const struct cfg *c, const char *name);
/* Is the key inside lifetime l at time now (no lifetime: always)? */
bool cfg_key_life_ok(const struct cfg_key_life *l, int64_t now);
/* The clear text of a key string (type 7 decoded) into out; false when a
 * type 7 string does not decode or does not fit. */
bool cfg_key_clear(const struct cfg_key *k, char *out, size_t n);
/* IOS's built-in `default` proposal, used when no policy is configured. */
const struct cfg_ikev2_proposal *cfg_ikev2_default_proposal(void);
/* NBMA address for an NHS: nbma given on the nhs line, else the static map. */
bool cfg_nhs_nbma(const struct cfg_iface *ifp, const struct cfg_nhrp_nhs *nhs, uint32_t *nbma);
uint32_t cfg_nhrp_holdtime(const struct cfg_nhrp *n);
bool cfg_iface_is_tunnel(const struct cfg_iface *ifp);
/* Indices of c->ifs in IOS show order; caller frees. */
size_t *cfg_iface_print_order(const struct cfg *c);

void cfg_free(struct cfg *c);
/* A deep copy in an arena of its own (cfg_clone.c). */
struct cfg *cfg_clone(const struct cfg *c);

/* The Linux link name for an IOS interface (ifname.c): Fa0-0, Tunnel0, lo. */
bool ifname_linux(const char *ios, char *out, size_t n);
/* IOS's short type ("Fa") of a full name; *typelen is the full type's length. */
const char *ifname_brief_type(const char *ios, size_t *typelen);

#endif
