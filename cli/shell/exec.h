/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The shell's EXEC commands. They are entries of the same command table the
 * config parser uses (parsers/cmd.h), added with cmd_add_table() before the
 * matcher is compiled, so `?`, TAB, abbreviations and IOS's error rules are
 * the config parser's own. Each entry's `aux` points at its action. User
 * EXEC (`>`) gets the level-1 commands, privileged EXEC (`#`) all of them;
 * the daemon still checks every request against the connection's level.
 */
#ifndef DMVPN_CLI_EXEC_H
#define DMVPN_CLI_EXEC_H

#include "cli/render/render_personality.h"
#include "lib/strbuf.h"
#include "parsers/cmd.h"

#include <stdbool.h>
#include <stdint.h>

struct session;

/* Writes the command's output to out (text, or JSON when json is set).
 * Returns 0, 1 when the command failed (its IOS message is in out), -1
 * when the daemon went away. */
typedef int (*exec_fn)(struct session *s, const struct cmd_match *m, struct strbuf *out, bool json);

#define EXEC_PIPE 0x1 /* output may go through `| include ...` */
#define EXEC_JSON 0x2 /* has a `| json` form */
#define EXEC_LIVE 0x4 /* writes to the terminal itself (ping, enable) */

struct exec_cmd {
    exec_fn fn;
    uint8_t level; /* 1: user EXEC too; 15: privileged only */
    uint8_t flags;
    /* enum req_id of a command the daemon carries out: the action sends it
     * with the matched values (act_request), never the line. 0: none. */
    uint32_t req;
};

/* Registers the EXEC tables (once, before cmd_init). */
void exec_register(void);

/* Actions (act_show.c, act_sys.c, act_ping.c). */
int act_show(struct session *s, const struct cmd_match *m, struct strbuf *out, bool json);
int act_show_run(struct session *s, const struct cmd_match *m, struct strbuf *out, bool json);
/* show ip route, show ip bgp, show ip ospf, show ip eigrp (act_show_routing.c) */
int act_show_routing(struct session *s, const struct cmd_match *m, struct strbuf *out, bool json);
int act_enable(struct session *s, const struct cmd_match *m, struct strbuf *out, bool json);
int act_disable(struct session *s, const struct cmd_match *m, struct strbuf *out, bool json);
int act_exit(struct session *s, const struct cmd_match *m, struct strbuf *out, bool json);
int act_configure(struct session *s, const struct cmd_match *m, struct strbuf *out, bool json);
int act_copy(struct session *s, const struct cmd_match *m, struct strbuf *out, bool json);
int act_copy_running(struct session *s, const struct cmd_match *m, struct strbuf *out, bool json);
int act_terminal(struct session *s, const struct cmd_match *m, struct strbuf *out, bool json);
int act_debug(struct session *s, const struct cmd_match *m, struct strbuf *out, bool json);
/* debug eigrp packets|neighbors and their no forms (act_debug_eigrp.c) */
int act_debug_eigrp(struct session *s, const struct cmd_match *m, struct strbuf *out, bool json);
/* undebug all's EIGRP part; show debugging's EIGRP section (j: as JSON) */
struct json;
int debug_eigrp_off(struct session *s, struct strbuf *out);
void debug_eigrp_show(const struct session *s, struct strbuf *out, struct json *j);
int act_clear_logging(struct session *s, const struct cmd_match *m, struct strbuf *out, bool json);
/* clear dmvpn session [peer ...|interface X] (act_clear_dmvpn.c) */
int act_clear_dmvpn(struct session *s, const struct cmd_match *m, struct strbuf *out, bool json);
/* Sends the row's request (struct exec_cmd.req) built from the match. */
int act_request(struct session *s, const struct cmd_match *m, struct strbuf *out, bool json);
int act_ping(struct session *s, const struct cmd_match *m, struct strbuf *out, bool json);
/* The node's IOS personality, from its config's version line
 * (personality.c); -1 when the daemon is gone. */
int exec_personality(struct session *s, struct render_personality *p);
/* The daemon's record of VRF name (len bytes): 1 found (in *out), 0 the
 * config has no such VRF, -1 the daemon is gone (act_show_vrf.c). */
struct rec_vrf;
int exec_vrf_find(struct session *s, const char *name, size_t len, struct rec_vrf *out);
/* show vrf, show ip vrf (act_show_vrf.c) */
int act_show_vrf(struct session *s, const struct cmd_match *m, struct strbuf *out, bool json);
/* show ipv6 route (act_show_ipv6.c) */
int act_show_ipv6_route(struct session *s, const struct cmd_match *m, struct strbuf *out,
                        bool json);
int act_show_ipv6_iface(struct session *s, const struct cmd_match *m, struct strbuf *out,
                        bool json);
/* show crypto ... count | brief | local | remote | interface, isakmp default
 * policy (act_show_crypto.c) */
int act_show_crypto(struct session *s, const struct cmd_match *m, struct strbuf *out, bool json);
/* show dmvpn ipv6, show ipv6 nhrp [nhs|summary] (act_show_nhrp6.c) */
int act_show_nhrp6(struct session *s, const struct cmd_match *m, struct strbuf *out, bool json);
int act_show_misc(struct session *s, const struct cmd_match *m, struct strbuf *out, bool json);

/* The keyword text of a token `name` in the match ("detail" ...). */
bool exec_has(const struct cmd_match *m, const char *name);

#endif
