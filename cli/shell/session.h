/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * One IOS shell session: the terminal, the control-socket connection, the
 * mode (user/privileged EXEC, configuration sub-modes) and the terminal
 * settings. The same code serves the local interactive shell, telnet and
 * SSH sessions and the one-shot `-c` runner; only the terminal differs.
 * What a session may do is what the daemon granted its connection: the
 * privilege level here only chooses which commands the shell offers.
 */
#ifndef DMVPN_CLI_SESSION_H
#define DMVPN_CLI_SESSION_H

#include "cli/shell/client.h"
#include "cli/shell/lineedit.h"
#include "cli/shell/term.h"
#include "parsers/cmd.h"
#include "lib/req.h"

#include <stdbool.h>
#include <stdint.h>

struct session {
    struct term t;
    struct client cl;
    const char *socket_path;
    bool oneshot;     /* -c: no prompts, errors to stderr, exit status */
    bool interactive; /* prompts and echo */
    int level;        /* privilege the daemon granted: 1 or 15 */
    enum cfg_mode mode;
    char header[256]; /* the line that re-enters the current sub-mode */
    char hostname[64];
    char prompt[128];
    char user[64];
    char source[64];        /* where a telnet/SSH user comes from */
    char line_name[16];     /* "vty0", "console" */
    unsigned length, width; /* terminal length / width */
    bool monitor;           /* terminal monitor: every log line */
    bool debug_nhrp;
    unsigned debug_eigrp_pkts; /* debug eigrp packets: a bit per type (act_debug_eigrp.c) */
    bool debug_eigrp_nbrs;
    bool config_changed; /* a config line was applied in this visit */
    /* a chain's `certificate ...` typed: its hex lines are gathered up to
     * `quit` (or a blank line) and sent with it as one request, since the
     * daemon reads them as the certificate's data, not as commands */
    bool cert_open;
    struct strbuf cert;
    struct lineedit le;
    bool quit;
    int status;     /* one-shot exit status: 1 once a command failed */
    bool at_prompt; /* a prompt is on the screen (log lines redraw it) */
    /* the command being run, for actions that put a caret under a word */
    const char *cur_line;
    const struct tokline *cur_tl;
    /* its output before and after `|`: here, not on the stack, so that a
     * command unwound by the memory guard (guard.h) can still free them */
    struct strbuf out, filtered;
};

/* session.c */
int session_open(struct session *s, const char *socket_path, int in, int out, enum term_kind kind);
void session_close(struct session *s);
/* Interactive loop until exit/logout/EOF. */
void session_run(struct session *s);
/* One line in the current mode (EXEC or config). */
void session_line(struct session *s, const char *line);
void session_set_mode(struct session *s, enum cfg_mode m, const char *header);
/* Reads a line with its own prompt (Password:, Destination filename ...).
 * Returns false at end of input. */
bool session_read_line(struct session *s, const char *prompt, bool echo, char *buf, size_t n);
/* Output of a command: paged, through the terminal. */
void session_output(struct session *s, const char *text, size_t n);
/* An IOS error for `line` (caret under column col when col >= 0). */
void session_error(struct session *s, const char *line, int col, const char *msg);
void session_refresh_hostname(struct session *s);

/* session_exec.c */
void session_exec_line(struct session *s, const char *line);
/* A typed error of a request (lib/req.h) in IOS's words for `line` (split
 * into tl): vtok[i] is the token request value i was typed as. */
void session_req_error(struct session *s, const char *line, const struct tokline *tl,
                       const int *vtok, uint32_t nvals, const struct req_error *e);
/* session_config.c */
void session_config_line(struct session *s, const char *line);
void session_config_leave(struct session *s);
/* Prints dmvpnd's error text for a config line (caret line + message) the
 * way IOS does after the echoed line. */
void session_config_error(struct session *s, const char *line, const char *text);

/* login.c: telnet login (Username:/Password:) against the daemon. false:
 * the session must end. */
bool session_login(struct session *s, const char *transport);
/* SSH/local: identity from the daemon (peer credentials). */
bool session_identify(struct session *s);

#endif
