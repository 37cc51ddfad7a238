/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Compiled form of the command syntax DSL (see cmd.h): a Thompson NFA per
 * command in one shared node pool. Internal to parsers/ (matcher, help).
 */
#ifndef DMVPN_PARSERS_SYNTAX_H
#define DMVPN_PARSERS_SYNTAX_H

#include "parsers/cmd.h"

enum syn_type { SN_TOK, SN_SPLIT, SN_ACCEPT };

struct syn_node {
    enum syn_type type;
    enum tok_kind kind;
    const char *kw; /* keyword text, lower case */
    uint32_t kwlen;
    const char *name; /* capture name (keywords: the keyword itself) */
    uint64_t lo, hi;  /* TK_NUM range */
    const char *help; /* `?` text from the row's help list, or NULL */
    int next;         /* SN_TOK/SN_SPLIT: first successor */
    int alt;          /* SN_SPLIT: second successor */
};

#define SYN_LEAD 4

struct syn_cmd {
    const char *lead[SYN_LEAD]; /* the leading keyword run (first SYN_LEAD of it) */
    uint32_t leadlen[SYN_LEAD];
    int start; /* first node */
    int kwrun; /* leading keywords before any argument or option */
    const char *first_kw;
    int first_node, end_node; /* the command's nodes in the pool */
};

extern struct syn_node *syn_pool;
extern struct syn_cmd *syn_cmds;

size_t syn_pool_len(void);
/* Compiles every entry of the table; fatal on a malformed syntax string. */
void syn_compile_all(const struct cmd_def *defs, size_t n);

/* `?` help (syntax_help.c): puts d's help list on its nodes [first, end);
 * then, over all commands, shares each text with the tokens of the same
 * word at the same place. */
void syn_help_attach(const struct cmd_def *d, int first, int end);
void syn_help_share(const struct cmd_def *defs, size_t n);
/* Places two rows gave different texts: pairs of node indices. */
size_t syn_help_conflicts(const int (**pairs)[2]);

/* Interface names (ifname.c). */
bool ifname_resolve_type(const char *s, size_t n, const char **canon);
/* Parses "f0/0", "Tunnel0", "Gi1.15" into canonical form; false if not a name. */
bool ifname_parse(const char *s, size_t n, char *out, size_t outsz);
/* Parses the unit part "0", "0/0", "1.15" appended to a resolved type. */
bool ifname_unit_ok(const char *s, size_t n);

#endif
