/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * docs/ios-compat.md is generated from the command table, so the document
 * and the parser cannot disagree: every IOS line we accept, by mode, with
 * its class (supported / translated / ignored / unsupported) and what it
 * becomes on Linux. A golden test keeps the committed file current.
 */
#include "parsers/compat_doc.h"
#include "parsers/cmd.h"

#include <string.h>

static void
md_cell(struct strbuf *sb, const char *s)
{
    for (; s && *s; s++) {
        if (*s == '|')
            sb_puts(sb, "\\|");
        else
            sb_putc(sb, *s);
    }
}

void
compat_doc(struct strbuf *sb)
{
    static const enum cfg_mode order[] = {MODE_GLOBAL,          MODE_IF,
                                          MODE_ISAKMP,          MODE_TSET,
                                          MODE_IPSEC_PROF,      MODE_LINE,
                                          MODE_RTR_BGP,         MODE_RTR_BGP_AF,
                                          MODE_RTR_OSPF,        MODE_RTR_EIGRP,
                                          MODE_RTR_EIGRP_NAMED, MODE_RTR_EIGRP_AF,
                                          MODE_RTR_EIGRP_AFIF,  MODE_RTR_EIGRP_TOPO,
                                          MODE_V2_PROP,         MODE_V2_POL,
                                          MODE_V2_KR,           MODE_V2_PEER,
                                          MODE_V2_PROF,         MODE_KEYCHAIN,
                                          MODE_KEYCHAIN_KEY,    MODE_PKI_TP,
                                          MODE_PKI_CHAIN,       MODE_KEYRING,
                                          MODE_ISA_PROF};
    size_t n, i, k;
    const struct cmd_def *d = cmd_defs(&n);
    unsigned counts[CLS_COUNT] = {0};

    for (i = 0; i < n; i++)
        counts[d[i].cls]++;
    sb_puts(sb,
            "# IOS compatibility\n\n"
            "Generated from the command table (`parsers/cmd_*.c`) by `dmvpnd --ios-compat`;\n"
            "`tests/golden` fails when this file is stale. Every line IOS accepts in a\n"
            "DMVPN configuration is in one of these classes:\n\n"
            "- **supported**: applied as on IOS;\n"
            "- **translated**: applied through the Linux equivalent named in the last column;\n"
            "- **ignored**: accepted, no effect on Linux (kept in the running-config);\n"
            "- **unsupported**: valid IOS we do not implement yet (kept in the running-config,\n"
            "  listed by `dmvpnd -n --report`);\n"
            "- anything else is **invalid**, with IOS's error message and caret.\n\n"
            "Syntax: `<ip:x>` IPv4 address, `<mask:x>` netmask, `<num:lo-hi:x>` number in\n"
            "range, `<word:x>` one word, `<line:x>` rest of the line, `<if:x>` interface\n"
            "name (abbreviations such as `f0/0`, `Gi1`, `tunnel 0` are expanded), `<host:x>`\n"
            "address or hostname; `[...]` optional, `{a | b}` one of. Keywords may be\n"
            "abbreviated to any unique prefix. `no` and `default` forms are accepted where\n"
            "IOS has them.\n\n");
    sb_printf(sb, "Entries: %u supported, %u translated, %u ignored, %u unsupported.\n",
              counts[CLS_SUPPORTED], counts[CLS_TRANSLATED], counts[CLS_IGNORED],
              counts[CLS_UNSUPPORTED]);
    for (k = 0; k < sizeof(order) / sizeof(order[0]); k++) {
        sb_printf(sb, "\n## (%s)\n\n| IOS line | class | on Linux / why not |\n|---|---|---|\n",
                  cfg_mode_name(order[k]));
        for (i = 0; i < n; i++) {
            if (d[i].mode != order[k] || (d[i].flags & CMDF_HIDDEN))
                continue;
            sb_puts(sb, "| `");
            md_cell(sb, d[i].syntax);
            sb_printf(sb, "` | %s | ", cfg_class_name(d[i].cls));
            md_cell(sb, d[i].note ? d[i].note : "");
            sb_puts(sb, " |\n");
            if (d[i].no_note) { /* the `no` form is classed on its own */
                sb_puts(sb, "| `no ");
                md_cell(sb, d[i].syntax);
                sb_printf(sb, "` | %s | ", cfg_class_name(d[i].no_cls));
                md_cell(sb, d[i].no_note);
                sb_puts(sb, " |\n");
            }
        }
    }
    sb_puts(sb,
            "\n## Verbatim stanzas\n\n"
            "Stanza headers marked as such above (`route-map`, `ip access-list`,\n"
            "`crypto pki server|profile`, `class-map`, `policy-map`, `router rip` ...) keep their\n"
            "indented lines verbatim, in order, and report them with the header's class.\n"
            "`router bgp`, `router ospf` and `router eigrp` lines are checked against the\n"
            "(config-router-...) sections above and refused with IOS's error when they do not\n"
            "match; a line whose first word no row there knows is kept verbatim, as written.\n"
            "Show-run framing (`Building configuration...`, `Current configuration : N\n"
            "bytes`, `Using N out of M bytes`, CLI prompt lines such as `R1#show run`) and\n"
            "`!` comments are ignored.\n"
            "\n## Certificates (IKEv2 rsa-sig)\n\n"
            "A `crypto pki certificate chain` is read as IOS prints it: after `certificate\n"
            "[ca|self-signed] SERIAL`, lines of hex up to `quit` are the certificate's DER\n"
            "(any grouping of the digits is accepted; `show running-config` prints IOS's: 4-byte\n"
            "words in upper case, 8 to a line, `quit` after a tab). An ikev2 profile with\n"
            "`authentication local|remote rsa-sig` and `pki trustpoint NAME` becomes charon\n"
            "`auth = pubkey`: the chain's CA certificates are loaded with `load-cert` (flag CA)\n"
            "and given as the peer's `cacerts` (a peer certificate from another CA is refused),\n"
            "the router's own certificate with `load-cert` and as `certs` (sent in every\n"
            "IKE_AUTH). IOS keeps the private key in NVRAM, never in the running-config, so\n"
            "the key of `rsakeypair NAME` (else the trustpoint's name) is read from the file\n"
            "`NAME.der` or `NAME.pem` (PKCS#1 RSA, as `openssl rsa -traditional` writes it)\n"
            "in `/etc/opendmvpn/keys`, or in the directory `$DMVPND_KEY_DIR` names\n"
            "(tests, packaging): an IOS key pair has a name and no file, and the name is\n"
            "what the running-config carries. `identity local dn` leaves charon's id to the\n"
            "certificate's subject; IOS's default, the address, becomes the tunnel source,\n"
            "which the certificate must then carry as a subjectAltName (charon requires the\n"
            "IKE identity to be in the certificate; IOS does not check). `match identity\n"
            "remote any` accepts whoever the peer's certificate names.\n");
}
