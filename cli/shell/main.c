/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * dmvpn-cli (INTERFACES.md):
 *   dmvpn-cli [-s SOCKET] -c 'show dmvpn' [-c 'CMD' ...]   one-shot, privileged EXEC
 *   dmvpn-cli [-s SOCKET]                                   interactive IOS shell
 * and the two ways remote users arrive:
 *   dmvpn-cli -s SOCKET --telnet --source ADDR   stdin/stdout is a telnet
 *       connection (started by dmvpn-telnetd, already without privileges)
 *   dmvpn-cli -s SOCKET --ssh                    sshd's ForceCommand; a
 *       command given to ssh (SSH_ORIGINAL_COMMAND) runs one-shot
 * Exit status: 0, 1 when a command was rejected or failed, 2 when dmvpnd
 * cannot be reached.
 */
#include "cli/shell/guard.h"
#include "cli/shell/session.h"
#include "lib/ctl.h"

#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void
usage(FILE *f)
{
    fputs("usage: dmvpn-cli [-s SOCKET] [-c COMMAND]...\n"
          "       dmvpn-cli [-s SOCKET] --telnet [--source ADDR]\n"
          "       dmvpn-cli [-s SOCKET] --ssh\n",
          f);
}

static int
oneshot(struct session *s, char **cmds, int n)
{
    int i;

    s->oneshot = true;
    s->interactive = false;
    for (i = 0; i < n && !s->quit; i++)
        session_line(s, cmds[i]);
    if (!cfg_mode_is_exec(s->mode))
        session_config_leave(s);
    return s->status;
}

/* "10.0.0.2 53422 22" -> "10.0.0.2" */
static void
ssh_source(struct session *s)
{
    const char *c = getenv("SSH_CLIENT");

    if (c)
        snprintf(s->source, sizeof(s->source), "%.*s", (int)strcspn(c, " "), c);
}

int
main(int argc, char **argv)
{
    static const struct option lo[] = {
        {"telnet", no_argument, NULL, 'T'},
        {"ssh", no_argument, NULL, 'S'},
        {"source", required_argument, NULL, 'a'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *sock = CTL_DEFAULT_SOCKET, *source = "";
    char **cmds = calloc((size_t)argc + 1, sizeof(char *));
    int ncmds = 0, c, rc = 0;
    bool telnet = false, ssh = false;
    struct session s;
    enum term_kind kind;

    if (!cmds)
        return 2;
    while ((c = getopt_long(argc, argv, "s:c:h", lo, NULL)) != -1) {
        switch (c) {
        case 's':
            sock = optarg;
            break;
        case 'c':
            cmds[ncmds++] = optarg;
            break;
        case 'T':
            telnet = true;
            break;
        case 'S':
            ssh = true;
            break;
        case 'a':
            source = optarg;
            break;
        case 'h':
            usage(stdout);
            return 0;
        default:
            usage(stderr);
            return 2;
        }
    }
    if (optind != argc) {
        usage(stderr);
        return 2;
    }
    signal(SIGPIPE, SIG_IGN);
    guard_session_limits();
    if (ssh && getenv("SSH_ORIGINAL_COMMAND") && *getenv("SSH_ORIGINAL_COMMAND"))
        cmds[ncmds++] = getenv("SSH_ORIGINAL_COMMAND");
    kind = ncmds ? TERM_PIPE : telnet ? TERM_TELNET : isatty(0) ? TERM_TTY : TERM_PIPE;
    if (session_open(&s, sock, 0, 1, kind) < 0) {
        fprintf(stderr, "%% dmvpnd is not reachable at %s\n", sock);
        free(cmds);
        return 2;
    }
    snprintf(s.source, sizeof(s.source), "%s", source);
    if (ssh)
        ssh_source(&s);
    if (telnet) {
        /* IOS gives the user 30 s to log in; SIGALRM's default ends us */
        alarm(60);
        if (!session_login(&s, "telnet")) {
            session_close(&s);
            free(cmds);
            return 1;
        }
        alarm(0);
    } else if (!session_identify(&s)) {
        /* a local user the daemon does not know by uid: IOS's console login
         * with a configured username (interactive only) */
        if (ncmds || kind != TERM_TTY || !session_login(&s, "console")) {
            if (ncmds || kind != TERM_TTY)
                fprintf(stderr, "%% Authentication failed: dmvpnd does not know this user\n");
            session_close(&s);
            free(cmds);
            return 1;
        }
    }
    session_refresh_hostname(&s);
    if (ncmds) {
        rc = oneshot(&s, cmds, ncmds);
    } else {
        session_run(&s);
        rc = 0;
    }
    session_close(&s);
    free(cmds);
    return rc;
}
