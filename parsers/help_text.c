/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * IOS's `?` help strings. Where a capture of IOS's own help exists
 * (testdata/ios/cli_help/) the text is IOS's; otherwise it is ours, in IOS's
 * style. Keyed by the keyword before the word, so `map` under `ip nhrp` and
 * `map` under `crypto` get their own text; a NULL context matches any.
 */
#include "parsers/help.h"
#include "lib/mem.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct help_entry {
    int mode; /* -1: any config mode */
    const char *prev;
    const char *word;
    const char *help;
};

#define ANY (-1)

static const struct help_entry entries[] = {
    /* ip nhrp ? (IOS-XE 17.15 capture) */
    {MODE_IF, "ip", "nhrp", "NHRP interface subcommands"},
    {MODE_IF, "nhrp", "authentication", "Authentication string"},
    {MODE_IF, "nhrp", "holdtime", "Advertised holdtime"},
    {MODE_IF, "nhrp", "interest", "Specify an access list"},
    {MODE_IF, "nhrp", "map", "Map dest IP addresses to NBMA addresses"},
    {MODE_IF, "nhrp", "max-send", "Rate limit NHRP traffic"},
    {MODE_IF, "nhrp", "multicast", "Multicast Parameters"},
    {MODE_IF, "nhrp", "network-id", "NBMA network identifier"},
    {MODE_IF, "nhrp", "nhs", "Specify a next hop server"},
    {MODE_IF, "nhrp", "record", "Allow NHRP record option"},
    {MODE_IF, "nhrp", "redirect", "Enable NHRP redirect traffic indication"},
    {MODE_IF, "nhrp", "registration", "Settings for registration packets."},
    {MODE_IF, "nhrp", "responder", "Responder interface"},
    {MODE_IF, "nhrp", "server-only", "Disable NHRP requests"},
    {MODE_IF, "nhrp", "shortcut", "Enable shortcut switching"},
    {MODE_IF, "nhrp", "trigger-svc", "Create NHRP cut-through based on traffic load"},
    {MODE_IF, "nhrp", "use", "Specify usage count for sending requests"},
    {MODE_IF, "nhrp", "group", "NHRP group name"},
    {MODE_IF, "nhrp", "attribute", "NHRP attribute set"},
    {MODE_IF, "nhrp", "bfd", "BFD Parameters"},
    {MODE_IF, "nhrp", "block-next-hop-override", "Disable installation of NHRP next-hop-overrides"},
    {MODE_IF, "nhrp", "cache", "NHRP Cache related commands."},
    {MODE_IF, "nhrp", "connect", "NHRP resolution request connect"},
    {MODE_IF, "nhrp", "path", "NHRP path specific configuration"},
    {MODE_IF, "nhrp", "process-delay", "Process delayed event"},
    {MODE_IF, "nhrp", "reject", "NHRP resolution reject request"},
    {MODE_IF, "nhrp", "resolution", "Settings for resolution messages"},
    {MODE_IF, "nhrp", "send-routed", "Send NHRP packets via the routed path first."},
    {MODE_IF, "nhrp", "summary-map", "Summary IP address "},
    {MODE_IF, "registration", "differential", "Differential registration - updated networks only"},
    {MODE_IF, "registration", "no-unique",
     "Do not set the 'Unique' flag in registration requests."},
    {MODE_IF, "registration", "req-def-map", "Request default map(s) in registration requests"},
    {MODE_IF, "registration", "timeout", "Time between periodic Registration messages"},
    {MODE_IF, "map", "A.B.C.D", "IP address of destination"},
    {MODE_IF, "map", "multicast", "Use this NBMA mapping for broadcasts/multicasts"},
    {MODE_IF, "map", "group", "NHRP group mapping"},
    {MODE_IF, "multicast", "A.B.C.D", "IP NBMA address"},
    {MODE_IF, "multicast", "dynamic",
     "Dynamically learn destinations from client registrations on hub"},
    {MODE_IF, "nhs", "A.B.C.D", "Protocol IP address of NHS"},
    {MODE_IF, "nhs", "cluster", "NHS Redundancy cluster configurations"},
    {MODE_IF, "nhs", "dynamic", "NHS protocol address dynamically learnt"},
    {MODE_IF, "nhs", "fallback", "NHS Redundancy Fallback time"},
    {MODE_IF, NULL, "nbma", "NBMA of NHS"},
    {MODE_IF, NULL, "priority", "NHS priority, don't specify for default priority"},
    {MODE_IF, "holdtime", "<1-65535>", "Number of seconds"},
    {MODE_IF, "authentication", "WORD", "authentication string"},
    {MODE_IF, "shortcut", "virtual-template", "Virtual template interface number"},
    {MODE_IF, "redirect", "interest", "Specify an access list"},
    {MODE_IF, "redirect", "timeout", "Specify interval over which to throttle"},
    {MODE_IF, "network-id", "<1-4294967295>", "Network identifier"},
    /* tunnel ... (capture) */
    {MODE_IF, NULL, "tunnel", "protocol-over-protocol tunneling"},
    {MODE_IF, "tunnel", "source", "source of tunnel packets"},
    {MODE_IF, "tunnel", "destination", "destination of tunnel"},
    {MODE_IF, "tunnel", "mode", "tunnel encapsulation method"},
    {MODE_IF, "tunnel", "key", "security or selector key"},
    {MODE_IF, "tunnel", "protection", "Enable tunnel protection"},
    {MODE_IF, "tunnel", "vrf", "set tunnel vrf membership"},
    {MODE_IF, "mode", "gre", "generic route encapsulation protocol"},
    {MODE_IF, "mode", "ipsec", "IPSec tunnel encapsulation"},
    {MODE_IF, "gre", "ip", "over IP"},
    {MODE_IF, "gre", "ipv6", "over IPv6"},
    {MODE_IF, "gre", "multipoint", "over IPv4 (multipoint)"},
    {MODE_IF, "key", "<0-4294967295>", "key"},
    {MODE_IF, "protection", "ipsec", "Use ipsec to protect this tunnel interface"},
    {MODE_IF, "profile", "shared", "Use a shared socket for the crypto connection."},
    {MODE_IF, "profile", "isakmp-profile", "Specify isakmp profile for the crypto connection."},
    {MODE_IF, "profile", "ikev2-profile", "Specify ikev2 profile for the crypto connection."},
    /* interface basics */
    {MODE_IF, NULL, "description", "Interface specific description"},
    {MODE_IF, NULL, "shutdown", "Shutdown the selected interface"},
    {MODE_IF, NULL, "bandwidth", "Set bandwidth informational parameter"},
    {MODE_IF, NULL, "delay", "Specify interface throughput delay"},
    {MODE_IF, NULL, "keepalive", "Enable keepalive"},
    {MODE_IF, NULL, "ip", "Interface Internet Protocol config commands"},
    {MODE_IF, "ip", "address", "Set the IP address of an interface"},
    {MODE_IF, "ip", "mtu", "Set IP Maximum Transmission Unit"},
    {MODE_IF, "ip", "redirects", "Enable sending ICMP Redirect messages"},
    {MODE_IF, "ip", "tcp", "TCP header compression and other parameters"},
    {MODE_IF, "tcp", "adjust-mss", "Adjust the mss of transit packets"},
    {ANY, NULL, "exit", "Exit from configure mode"},
    {ANY, NULL, "end", "Exit from configure mode"},
    /* global */
    {MODE_GLOBAL, NULL, "crypto", "Encryption module"},
    {MODE_GLOBAL, NULL, "hostname", "Set system's network name"},
    {MODE_GLOBAL, NULL, "interface", "Select an interface to configure"},
    {MODE_GLOBAL, NULL, "ip", "Global IP configuration subcommands"},
    {MODE_GLOBAL, NULL, "line", "Configure a terminal line"},
    {MODE_GLOBAL, NULL, "router", "Enable a routing process"},
    {MODE_GLOBAL, NULL, "snmp-server", "Modify SNMP engine parameters"},
    {MODE_GLOBAL, NULL, "username", "Establish User Name Authentication"},
    {MODE_GLOBAL, NULL, "enable", "Modify enable password parameters"},
    {MODE_GLOBAL, "ip", "route", "Establish static routes"},
    {MODE_GLOBAL, "crypto", "ipsec", "Configure IPSEC policy"},
    {MODE_GLOBAL, "crypto", "isakmp", "Configure ISAKMP policy"},
    {MODE_GLOBAL, "crypto", "pki", "Public Key components"},
    {MODE_GLOBAL, "crypto", "ikev2", "Configure IKEv2 Options"},
    {MODE_GLOBAL, "crypto", "keyring", "Key ring commands"},
    {MODE_GLOBAL, "crypto", "map", "Enter a crypto map"},
    {MODE_GLOBAL, "ipsec", "profile", "Configure an ipsec policy profile"},
    {MODE_GLOBAL, "ipsec", "transform-set", "Define transform and settings"},
    {MODE_GLOBAL, "ipsec", "security-association", "Security association parameters"},
    {MODE_GLOBAL, "isakmp", "key", "Set pre-shared key for remote peer"},
    {MODE_GLOBAL, "isakmp", "policy", "Set policy for an ISAKMP protection suite"},
    {MODE_GLOBAL, "isakmp", "keepalive", "Set a keepalive interval for use with IOS peers"},
    {MODE_GLOBAL, "isakmp", "nat", "Set a nat  keepalive interval for use with IOS peers"},
    {MODE_GLOBAL, "isakmp", "profile", "Define ISAKMP Profiles"},
    {MODE_GLOBAL, "policy", "<1-10000>", "Priority of protection suite"},
    {MODE_GLOBAL, NULL, "esp-aes", "ESP transform using AES cipher"},
    {MODE_GLOBAL, NULL, "esp-3des", "ESP transform using 3DES(EDE) cipher (168 bits)"},
    {MODE_GLOBAL, NULL, "esp-des", "ESP transform using DES cipher (56 bits)"},
    {MODE_GLOBAL, NULL, "esp-gcm", "ESP transform using GCM cipher"},
    {MODE_GLOBAL, NULL, "esp-gmac", "ESP transform using GMAC cipher"},
    {MODE_GLOBAL, NULL, "esp-null", "ESP transform w/o cipher"},
    {MODE_GLOBAL, NULL, "esp-seal", "ESP transform using SEAL cipher (160 bits)"},
    {MODE_GLOBAL, NULL, "esp-md5-hmac", "ESP transform using HMAC-MD5 auth"},
    {MODE_GLOBAL, NULL, "esp-sha-hmac", "ESP transform using HMAC-SHA auth"},
    {MODE_GLOBAL, NULL, "esp-sha256-hmac", "ESP transform using HMAC-SHA256 auth"},
    {MODE_GLOBAL, NULL, "esp-sha384-hmac", "ESP transform using HMAC-SHA384 auth"},
    {MODE_GLOBAL, NULL, "esp-sha512-hmac", "ESP transform using HMAC-SHA512 auth"},
    {MODE_GLOBAL, NULL, "ah-md5-hmac", "AH-HMAC-MD5 transform"},
    {MODE_GLOBAL, NULL, "ah-sha-hmac", "AH-HMAC-SHA transform"},
    {MODE_GLOBAL, NULL, "ah-sha256-hmac", "AH-HMAC-SHA256 transform"},
    {MODE_GLOBAL, NULL, "ah-sha384-hmac", "AH-HMAC-SHA384 transform"},
    {MODE_GLOBAL, NULL, "ah-sha512-hmac", "AH-HMAC-SHA512 transform"},
    {MODE_GLOBAL, NULL, "comp-lzs", "IP Compression using the LZS compression algorithm"},
    /* crypto isakmp policy sub-mode */
    {MODE_ISAKMP, NULL, "encryption", "Set encryption algorithm for protection suite"},
    {MODE_ISAKMP, NULL, "hash", "Set hash algorithm for protection suite"},
    {MODE_ISAKMP, NULL, "authentication", "Set authentication method for protection suite"},
    {MODE_ISAKMP, NULL, "group", "Set the Diffie-Hellman group"},
    {MODE_ISAKMP, NULL, "lifetime", "Set lifetime for ISAKMP security association"},
    {MODE_ISAKMP, "group", "1", "Diffie-Hellman group 1 (768 bit)"},
    {MODE_ISAKMP, "group", "2", "Diffie-Hellman group 2 (1024 bit)"},
    {MODE_ISAKMP, "group", "5", "Diffie-Hellman group 5 (1536 bit)"},
    {MODE_ISAKMP, "group", "14", "Diffie-Hellman group 14 (2048 bit)"},
    {MODE_ISAKMP, "group", "15", "Diffie-Hellman group 15 (3072 bit)"},
    {MODE_ISAKMP, "group", "16", "Diffie-Hellman group 16 (4096 bit)"},
    {MODE_ISAKMP, "group", "19", "Diffie-Hellman group 19 (256 bit ecp)"},
    {MODE_ISAKMP, "group", "20", "Diffie-Hellman group 20 (384 bit ecp)"},
    {MODE_ISAKMP, "group", "21", "Diffie-Hellman group 21 (521 bit ecp)"},
    {MODE_ISAKMP, "group", "24", "Diffie-Hellman group 24 (2048 bit, 256 bit subgroup)"},
    {MODE_ISAKMP, "hash", "md5", "Message Digest 5"},
    {MODE_ISAKMP, "hash", "sha", "Secure Hash Standard"},
    {MODE_ISAKMP, "hash", "sha256", "Secure Hash Standard 2 (256 bit)"},
    {MODE_ISAKMP, "hash", "sha384", "Secure Hash Standard 2 (384 bit)"},
    {MODE_ISAKMP, "hash", "sha512", "Secure Hash Standard 2 (512 bit)"},
    {MODE_ISAKMP, "authentication", "pre-share", "Pre-Shared Key"},
    {MODE_ISAKMP, "authentication", "rsa-encr", "Rivest-Shamir-Adleman Encryption"},
    {MODE_ISAKMP, "authentication", "rsa-sig", "Rivest-Shamir-Adleman Signature"},
    {MODE_ISAKMP, "encryption", "des", "DES - Data Encryption Standard (56 bit keys)."},
    {MODE_ISAKMP, "encryption", "3des", "Three key triple DES"},
    {MODE_ISAKMP, "encryption", "aes", "AES - Advanced Encryption Standard."},
    {MODE_ISAKMP, "lifetime", "<60-86400>", "lifetime in seconds"},
    {MODE_TSET, NULL, "mode", "encapsulation mode (transport/tunnel)"},
    {MODE_TSET, "mode", "transport", "transport (payload encapsulation)"},
    {MODE_TSET, "mode", "tunnel", "tunnel (datagram encapsulation)"},
    {MODE_IPSEC_PROF, NULL, "set", "Set a command for this profile"},
    {MODE_IPSEC_PROF, "set", "transform-set", "Specify list of transform sets in priority order"},
    {MODE_IPSEC_PROF, "set", "pfs", "Specify pfs settings"},
    {MODE_IPSEC_PROF, "set", "security-association", "Security association parameters"},
    {MODE_LINE, NULL, "login", "Enable password checking"},
    {MODE_LINE, NULL, "password", "Set a password"},
    {MODE_LINE, NULL, "transport", "Define transport protocols for line"},
    {MODE_LINE, NULL, "exec-timeout", "Set the EXEC timeout"},
    {MODE_LINE, NULL, "privilege", "Change privilege level for line"},
    {MODE_LINE, "input", "ssh", "TCP/IP SSH protocol"},
    {MODE_LINE, "input", "telnet", "TCP/IP Telnet protocol"},
    {MODE_LINE, "input", "all", "All protocols"},
    {MODE_LINE, "input", "none", "No protocols"},
    /* generic argument help */
    {ANY, NULL, "A.B.C.D", "IP address"},
    {ANY, NULL, "WORD", "WORD"},
    {ANY, NULL, "LINE", "LINE"},
    {ANY, NULL, "<cr>", "<cr>"},
};

static const struct cmd_help_text *extra[4];
static size_t nextra_n[4];
static int nextra;

/*
 * `?` looks a word up for every node of the walk, so each table gets an
 * index sorted by (word, position): a binary search finds a word's rows,
 * still in table order, which decides between rows of the same word.
 */
struct help_index {
    const char *rows; /* row k at rows + k * size, its word at offset off */
    size_t size, off, n;
    uint16_t *order;
};

static const char *
row_word(const struct help_index *ix, size_t k)
{
    const char *w;

    memcpy(&w, ix->rows + k * ix->size + ix->off, sizeof(w));
    return w;
}

static struct help_index entries_ix, extra_ix[4];

static const struct help_index *sort_ix;

static int
cmp_rows(const void *a, const void *b)
{
    uint16_t x = *(const uint16_t *)a, y = *(const uint16_t *)b;
    int c = strcmp(row_word(sort_ix, x), row_word(sort_ix, y));

    return c ? c : (x > y) - (x < y);
}

static void
index_build(struct help_index *ix, const void *rows, size_t size, size_t off, size_t n)
{
    ix->rows = rows;
    ix->size = size;
    ix->off = off;
    ix->n = n;
    ix->order = calloc(n ? n : 1, sizeof(*ix->order));
    if (!ix->order)
        mem_oom();
    for (size_t k = 0; k < n; k++)
        ix->order[k] = (uint16_t)k;
    sort_ix = ix;
    qsort(ix->order, n, sizeof(*ix->order), cmp_rows);
}

/* The first position in ix->order whose row has `word`; n if none. */
static size_t
index_find(const struct help_index *ix, const char *word)
{
    size_t lo = 0, hi = ix->n;

    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (strcmp(row_word(ix, ix->order[mid]), word) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < ix->n && strcmp(row_word(ix, ix->order[lo]), word) == 0 ? lo : ix->n;
}

static bool
same_word(const struct help_index *ix, size_t pos, const char *word)
{
    return pos < ix->n && strcmp(row_word(ix, ix->order[pos]), word) == 0;
}

void
cmd_add_help_texts(const struct cmd_help_text *t, size_t n)
{
    if (nextra < 4) {
        extra[nextra] = t;
        nextra_n[nextra] = n;
        index_build(&extra_ix[nextra], t, sizeof(*t), offsetof(struct cmd_help_text, word), n);
        nextra++;
    }
}

static bool
mode_fits(int want, enum cfg_mode mode)
{
    return want == ANY || want == (int)mode ||
           (cfg_mode_is_exec(mode) && cfg_mode_is_exec((enum cfg_mode)want));
}

static const char *
extra_text(enum cfg_mode mode, const char *prev, const char *word)
{
    const char *fallback = NULL;
    int x;

    for (x = 0; x < nextra; x++)
        for (size_t k = index_find(&extra_ix[x], word); same_word(&extra_ix[x], k, word); k++) {
            const struct cmd_help_text *e = &extra[x][extra_ix[x].order[k]];
            if (!mode_fits(e->mode, mode))
                continue;
            if (e->prev && prev && strcmp(e->prev, prev) == 0)
                return e->help;
            if (!e->prev && !fallback)
                fallback = e->help;
        }
    return fallback;
}

const char *
help_text(enum cfg_mode mode, const char *prev, const char *word)
{
    const char *fallback = extra_text(mode, prev, word);
    const size_t n = sizeof(entries) / sizeof(entries[0]);

    if (!entries_ix.order)
        index_build(&entries_ix, entries, sizeof(entries[0]), offsetof(struct help_entry, word), n);
    for (size_t k = index_find(&entries_ix, word); same_word(&entries_ix, k, word); k++) {
        const struct help_entry *e = &entries[entries_ix.order[k]];
        if (e->mode != ANY && e->mode != (int)mode)
            continue;
        if (e->prev && prev && strcmp(e->prev, prev) == 0)
            return e->help;
        if (!e->prev && !fallback)
            fallback = e->help;
    }
    return fallback;
}

const char *const *
help_iftypes(void)
{
    static const char *const t[] = {
        "Ethernet",
        "IEEE 802.3",
        "FastEthernet",
        "FastEthernet IEEE 802.3",
        "GigabitEthernet",
        "GigabitEthernet IEEE 802.3z",
        "Loopback",
        "Loopback interface",
        "Port-channel",
        "Ethernet Channel of interfaces",
        "Serial",
        "Serial",
        "Tunnel",
        "Tunnel interface",
        "Vlan",
        "Catalyst Vlans",
        NULL,
        NULL,
    };

    return t;
}
