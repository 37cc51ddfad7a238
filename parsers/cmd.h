/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The IOS command table and its matcher. One table entry per IOS command line:
 * the mode it lives in, its syntax in a small DSL, how the migration report
 * classifies it, and the handler that applies it to the model being built.
 * The same table drives config files, interactive config mode, `?` help and
 * docs/ios-compat.md, so IOS habits (abbreviations, `no`/`default`, implicit
 * exit to the parent mode) are encoded once, here.
 *
 * Syntax DSL, tokens separated by blanks:
 *   keyword            literal, matched case-insensitively by unique prefix
 *   <ip:NAME>          IPv4 address          <mask:NAME>   contiguous netmask
 *   <wild:NAME>        IPv4 wildcard (any)   <num:LO-HI:NAME> decimal in range
 *   <word:NAME>        one word              <line:NAME>   rest of the line
 *   <if:NAME>          interface name, `Tunnel0` or `tunnel 0` (one or two words)
 *   <ipv6:NAME>        IPv6 address          <host:NAME>   IPv4 address or hostname
 *   <ipv6pfx:NAME>     IPv6 prefix X:X::X/LEN (LEN 0-128)
 *   <asn:NAME>         AS number, 1-4294967295 or asdot 1.0-65535.65535
 *   [ ... ]            optional sequence     { a | b c }   alternatives
 * A keyword also records itself as a flag under its own name.
 *
 * `?` help lives on the row beside its syntax (struct cmd_help), keyed by
 * token: a keyword as written ("map"), an argument by its NAME in angle
 * brackets ("<proto>"). A key names every token of the row that carries it,
 * so a keyword repeated by an alternative shares its text (a row cannot give
 * one keyword two texts; split the row if IOS does). A token's place is its
 * mode and the tokens before it; rows share the text of a place, so the
 * first row of `ip nhrp ...` describes `ip` and `nhrp` for all of them, and
 * two rows that give one place different texts are a bug that the table's
 * unit test reports. Help therefore follows IOS's rule that a keyword's text
 * depends on the words before it (`map` under `ip nhrp` is not `crypto map`).
 * Every keyword has help; an argument without it shows a generic text.
 */
#ifndef DMVPN_PARSERS_CMD_H
#define DMVPN_PARSERS_CMD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum cfg_mode {
    MODE_EXEC = 0,   /* not a config mode; used by the shell */
    MODE_GLOBAL,     /* (config)# */
    MODE_IF,         /* (config-if)# */
    MODE_ISAKMP,     /* (config-isakmp)# */
    MODE_TSET,       /* (cfg-crypto-trans)# */
    MODE_IPSEC_PROF, /* (ipsec-profile)# */
    MODE_LINE,       /* (config-line)# for line vty */
    MODE_ROUTER,     /* (config-router)#: kept as opaque lines for FRR */
    MODE_OPAQUE,     /* any stanza we recognise but do not model */
    MODE_EXEC_PRIV,  /* privileged EXEC (`#`); MODE_EXEC is user EXEC (`>`) */
    /* Router stanzas with a grammar (cmd_router_*.c); lines are still kept
     * verbatim in the stanza, but checked first. One mode per protocol and
     * per sub-mode because their commands differ; MODE_ROUTER stays for
     * the protocols without one (rip, isis ...). */
    MODE_RTR_BGP,         /* router bgp N */
    MODE_RTR_BGP_AF,      /* its address-family ...: (config-router-af)# */
    MODE_RTR_OSPF,        /* router ospf N */
    MODE_RTR_EIGRP,       /* router eigrp N (classic) */
    MODE_RTR_EIGRP_NAMED, /* router eigrp NAME */
    MODE_RTR_EIGRP_AF,    /* its address-family ipv4 ... autonomous-system N */
    MODE_RTR_EIGRP_AFIF,  /* its af-interface X: (config-router-af-interface)# */
    MODE_RTR_EIGRP_TOPO,  /* its topology base: (config-router-af-topology)# */
    /* crypto ikev2 ... (cmd_ikev2.c) */
    MODE_V2_PROP, /* (config-ikev2-proposal)# */
    MODE_V2_POL,  /* (config-ikev2-policy)# */
    MODE_V2_KR,   /* (config-ikev2-keyring)# */
    MODE_V2_PEER, /* its peer NAME: (config-ikev2-keyring-peer)# */
    MODE_V2_PROF, /* (config-ikev2-profile)# */
    /* key chain ... (keychain.c) */
    MODE_KEYCHAIN,     /* (config-keychain)# */
    MODE_KEYCHAIN_KEY, /* its key N: (config-keychain-key)# */
    /* crypto pki ... (cmd_pki.c) */
    MODE_PKI_TP,    /* (ca-trustpoint)# */
    MODE_PKI_CHAIN, /* (config-cert-chain)#; its certificates' hex is read raw */
    /* crypto keyring / crypto isakmp profile (cmd_isakmp_prof.c) */
    MODE_KEYRING,  /* (conf-keyring)# */
    MODE_ISA_PROF, /* (conf-isa-prof)# */
    MODE_COUNT
};

/* How the migration report classifies a line (INTERFACES.md). */
enum cfg_class {
    CLS_SUPPORTED,   /* applied as on IOS */
    CLS_TRANSLATED,  /* applied through a named Linux equivalent */
    CLS_IGNORED,     /* accepted, no effect on Linux */
    CLS_UNSUPPORTED, /* valid IOS, not implemented */
    CLS_INVALID,     /* IOS would reject it */
    CLS_COUNT
};

enum cmd_op { OP_SET, OP_NO, OP_DEFAULT };

enum tok_kind {
    TK_KEYWORD,
    TK_IP,
    TK_MASK,
    TK_WILD,
    TK_NUM,
    TK_WORD,
    TK_LINE,
    TK_IF,
    TK_IPV6,
    TK_HOST,
    TK_ASN, /* AS number: 1-4294967295 or asdot X.Y */
    TK_IPV6_PFX,
};

/* A captured argument or keyword flag. Strings point into the line buffer. */
struct cmd_val {
    const char *name;
    enum tok_kind kind;
    uint64_t num;    /* TK_NUM; TK_IP/MASK/WILD in host order */
    const char *str; /* TK_WORD/LINE/IF(canonical)/IPV6/HOST/KEYWORD text */
    size_t len;
    int tok; /* index of the token it came from */
};

#define CMD_MAX_VALS 24
/* Longest name (WORD) and free text (LINE) accepted: IOS's own limits are
 * shorter, and with these the canonical form of any accepted line stays
 * under the input line limit, so what we print we can read back. */
#define CMD_MAX_WORD 128
#define CMD_MAX_TEXT 900

struct cmd_match {
    const struct cmd_def *cmd;
    enum cmd_op op;
    int nvals;
    struct cmd_val vals[CMD_MAX_VALS];
    char ifbuf[4][48]; /* canonical interface names */
    int nif;
};

struct cfg_build;

/* flags */
#define CMDF_NO                  0x01 /* `no` form accepted */
#define CMDF_NO_PREFIX           0x02 /* `no` accepts any prefix after the keywords */
#define CMDF_DEFAULT             0x04 /* `default` form accepted */
#define CMDF_NOFORM_ONLY         0x08 /* only valid with `no` (e.g. `no ip redirects`) */
#define CMDF_HIDDEN              0x10 /* accepted, not offered by `?` */
#define CMDF_SUBMODE_KEEP_INDENT 0x20
#define CMDF_NO_NEEDS_ARG                                                                          \
    0x40 /* with CMDF_NO_PREFIX: `no` must name the object                                         \
          * (the first element after the keywords) */

/* One `?` help text of a row: tok is "keyword" or "<NAME>" (see above). */
struct cmd_help {
    const char *tok;
    const char *text;
};

/* A row's help list, e.g. CMD_HELP({"map", "Map dest ..."}, {"<proto>", "..."}). */
#define CMD_HELP(...) ((const struct cmd_help[]){__VA_ARGS__, {NULL, NULL}})

/*
 * Handler: applies a matched line to the model being built. Returns 0, or -1
 * with a message in *err (IOS wording, e.g. "%No matching route to delete")
 * and the builder unchanged. *warn may carry a non-fatal IOS message.
 */
typedef int (*cmd_handler_fn)(struct cfg_build *b, const struct cmd_match *m, const char **err);

struct cmd_def {
    enum cfg_mode mode;
    const char *syntax;
    enum cfg_class cls;
    const char *note; /* Linux equivalent (translated) or why not */
    cmd_handler_fn handler;
    enum cfg_mode submode; /* mode entered after the line, or MODE_EXEC: none */
    unsigned flags;
    int slot; /* verbatim lines: print position (slots.h) */
    /* Owner's data for tables added with cmd_add_table(): the shell's EXEC
     * commands point at their action here. NULL in config tables. */
    const void *aux;
    const struct cmd_help *help; /* CMD_HELP(...), or NULL */
    /* Router rows (cmd_router_*.c): how many leading words name the
     * setting, so a new value replaces the old line (`bgp router-id`: 2);
     * 0 when lines accumulate (`network`). */
    unsigned char key;
    /* The `no` form's class and note when they differ from the line's: a
     * line that switches off what this box never does (`no aaa new-model`
     * is IOS's default; `no ipv6 cef` has nothing to switch off). NULL: the
     * same as the line. */
    const char *no_note;
    enum cfg_class no_cls;
};

/* Compiled syntax (internal to match.c, exposed for help/completion). */
struct syn_node;

struct cmd_table {
    const struct cmd_def *defs;
    size_t ndefs;
};

/* Result of matching one line in one mode. */
enum match_status {
    MATCH_OK,
    MATCH_INVALID, /* err_tok: the token under the caret */
    MATCH_INCOMPLETE,
    MATCH_AMBIGUOUS, /* err_tok: the ambiguous token */
    MATCH_EMPTY,
};

struct tok {
    const char *s;
    const char *lc; /* the same word in lower case (keywords compare with memcmp) */
    size_t len;
    size_t col; /* byte offset in the line */
};

#define LINE_MAX_TOKS 64

struct tokline {
    char *buf;
    char *lbuf; /* lower-case copy of buf */ /* owned copy of the line */
    int ntok;
    struct tok t[LINE_MAX_TOKS];
    bool too_many;
};

void tokline_split(struct tokline *tl, const char *line, size_t len);
void tokline_free(struct tokline *tl);

struct match_result {
    enum match_status status;
    int err_tok;    /* token index for INVALID/AMBIGUOUS; ntok for end of line */
    size_t err_col; /* caret column */
    struct cmd_match m;
};

/* Match tl against every command of `mode`, with `no`/`default` handling. */
void cmd_match_line(const struct tokline *tl, enum cfg_mode mode, struct match_result *res);

/* Access to the global table (all modes). */
const struct cmd_def *cmd_defs(size_t *n);
void cmd_init(void); /* compiles the syntax strings once; idempotent */
/* Adds a table (e.g. the shell's EXEC commands) before cmd_init() runs. */
void cmd_add_table(const struct cmd_def *defs, size_t n);

/* Accessors for handlers. Names are the NAME parts of the syntax. */
const struct cmd_val *cmd_get(const struct cmd_match *m, const char *name);
bool cmd_has(const struct cmd_match *m, const char *name);
uint64_t cmd_num(const struct cmd_match *m, const char *name, uint64_t dflt);
uint32_t cmd_ip(const struct cmd_match *m, const char *name);
/* Copies a string value into the builder's arena. */
const char *cmd_str(struct cfg_build *b, const struct cmd_match *m, const char *name);

/* Help: the candidates that could follow the given tokens (for `?`, TAB). */
struct help_item {
    const char *word; /* keyword, or placeholder such as "A.B.C.D", "<1-65535>", "WORD", "<cr>" */
    const char *help;
};
int cmd_help(const struct tokline *tl, enum cfg_mode mode, bool partial_last, struct help_item *out,
             int max);

/* "config-if" etc.: unique per mode (the shell and the daemon name modes
 * by it); the prompt is cfg_mode_prompt(), which router sub-modes share. */
const char *cfg_mode_name(enum cfg_mode m);
const char *cfg_mode_prompt(enum cfg_mode m);
/* A router stanza's mode, with or without a grammar, or its sub-modes. */
bool cfg_mode_is_router(enum cfg_mode m);
/* The mode a router sub-mode returns to on `exit`; MODE_GLOBAL at the top. */
enum cfg_mode cfg_mode_parent(enum cfg_mode m);
/* MODE_EXEC or MODE_EXEC_PRIV: shell modes, no `no`/`default` prefix help. */
bool cfg_mode_is_exec(enum cfg_mode m);
const char *cfg_class_name(enum cfg_class c); /* "supported" etc. */

#endif
