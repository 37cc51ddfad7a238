/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * dmvpnd-nhrp: the NHRP service in its own process (privilege separation,
 * docs/architecture.md). dmvpnd starts it with the socket to talk over as
 * descriptor 3 and every other descriptor closed; before it reads a byte it
 * confines itself (lib/sandbox.h). It then serves the parent until the
 * socket closes.
 *
 *   dmvpnd-nhrp --root DIR [--user NAME] [-v]
 *   dmvpnd-nhrp --no-sandbox [-v]      (a developer's debugging aid)
 */
#include "daemons/nhrp/service/nhrp_svc.h"
#include "daemons/privsep/ps_child.h"
#include "lib/evloop.h"
#include "lib/log.h"
#include "lib/sandbox.h"

#include <getopt.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#define PS_CHILD_FD 3

int
main(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"root", required_argument, NULL, 'r'},
        {"user", required_argument, NULL, 'u'},
        {"no-sandbox", no_argument, NULL, 'N'},
        {NULL, 0, NULL, 0},
    };
    struct sandbox sb = {0};
    const char *user = SANDBOX_USER;
    bool confine = true;
    char err[256];
    struct evloop *ev;
    struct host *h;
    int c;

    while ((c = getopt_long(argc, argv, "v", longopts, NULL)) != -1) {
        switch (c) {
        case 'r':
            sb.root = optarg;
            break;
        case 'u':
            user = optarg;
            break;
        case 'N':
            confine = false;
            break;
        case 'v':
            log_set_level(LOG_LVL_DEBUG);
            break;
        default:
            fputs("usage: dmvpnd-nhrp --root DIR [--user NAME] [-v] | --no-sandbox\n", stderr);
            return 2;
        }
    }
    /* The parent reloads on SIGHUP and stops on SIGINT; sent to the whole
     * process group (an operator's killpg, a terminal's ^C) they are its
     * business: the child follows through the socket (EOF: exit). */
    signal(SIGHUP, SIG_IGN);
    signal(SIGINT, SIG_IGN);
    signal(SIGUSR1, SIG_IGN);
    signal(SIGUSR2, SIG_IGN);
    if (confine) {
        if (sb.root == NULL)
            fatal("nhrp child: --root is needed (or --no-sandbox)");
        if (sandbox_user(user, &sb.uid, &sb.gid, err, sizeof(err)) < 0 ||
            sandbox_enter(&sb, err, sizeof(err)) < 0)
            fatal("nhrp child: sandbox: %s", err);
    }
    ev = ev_new();
    h = ps_child_new(ev, PS_CHILD_FD);
    nhrp_svc_register(h);
    return ps_child_run(h) < 0 ? 1 : 0;
}
