/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * dmvpn-telnetd: the telnet listener of `line vty ... transport input
 * telnet`. It accepts on port 23 and forks one shell per connection; the
 * child drops every privilege (to user nobody by default) *before* it
 * becomes dmvpn-cli, so an unauthenticated user never holds a root
 * credential on the control socket: the shell must log in through dmvpnd
 * (CTL_LOGIN) like anyone else. dmvpnd starts and stops this program as the
 * config asks.
 *
 *   dmvpn-telnetd -s SOCKET [-p PORT] [-a ADDR] [-u USER] [-m MAXSESSIONS] [--cli PATH]
 */
#include "lib/ctl.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <grp.h>
#include <libgen.h>
#include <limits.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile sig_atomic_t live_sessions;
static volatile sig_atomic_t stop;

static void
on_chld(int sig)
{
    int saved = errno;

    (void)sig;
    while (waitpid(-1, NULL, WNOHANG) > 0)
        if (live_sessions > 0)
            live_sessions--;
    errno = saved;
}

static void
on_term(int sig)
{
    (void)sig;
    stop = 1;
}

static int
drop_privileges(const char *user)
{
    struct passwd *pw = getpwnam(user);

    if (!pw)
        return -1;
    if (setgroups(0, NULL) < 0 || setgid(pw->pw_gid) < 0 || setuid(pw->pw_uid) < 0)
        return -1;
    /* a process that can become root again has not dropped anything */
    if (pw->pw_uid != 0 && (setuid(0) == 0 || seteuid(0) == 0))
        return -1;
    return 0;
}

static void
child(int fd, const struct sockaddr_in *peer, const char *cli, const char *sock, const char *user)
{
    char src[INET_ADDRSTRLEN];
    int one = 1, null;

    inet_ntop(AF_INET, &peer->sin_addr, src, sizeof(src));
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    if (drop_privileges(user) < 0) {
        static const char msg[] = "% Internal error: cannot drop privileges\r\n";
        if (write(fd, msg, sizeof(msg) - 1) < 0)
            _exit(1);
        _exit(1);
    }
    null = open("/dev/null", O_WRONLY);
    dup2(fd, 0);
    dup2(fd, 1);
    if (null >= 0)
        dup2(null, 2);
    if (fd > 2)
        close(fd);
    signal(SIGCHLD, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    execl(cli, "dmvpn-cli", "-s", sock, "--telnet", "--source", src, (char *)NULL);
    _exit(127);
}

int
main(int argc, char **argv)
{
    static const struct option lo[] = {{"cli", required_argument, NULL, 'C'}, {NULL, 0, NULL, 0}};
    const char *sock = CTL_DEFAULT_SOCKET, *user = "nobody", *addr = "0.0.0.0";
    char cli[PATH_MAX] = "", self[PATH_MAX];
    int port = 23, max = 16, c, lfd, one = 1;
    struct sockaddr_in sa;
    struct sigaction act;

    while ((c = getopt_long(argc, argv, "s:p:a:u:m:", lo, NULL)) != -1) {
        switch (c) {
        case 's':
            sock = optarg;
            break;
        case 'p':
            port = atoi(optarg);
            break;
        case 'a':
            addr = optarg;
            break;
        case 'u':
            user = optarg;
            break;
        case 'm':
            max = atoi(optarg);
            break;
        case 'C':
            snprintf(cli, sizeof(cli), "%s", optarg);
            break;
        default:
            fprintf(stderr, "usage: dmvpn-telnetd -s SOCKET [-p PORT] [-a ADDR] [-u USER] "
                            "[-m MAX] [--cli PATH]\n");
            return 2;
        }
    }
    if (!cli[0]) { /* dmvpn-cli lives next to us in build/bin or /usr/sbin */
        ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
        if (n <= 0)
            return 2;
        self[n] = '\0';
        snprintf(cli, sizeof(cli), "%s/dmvpn-cli", dirname(self));
    }
    memset(&sa, 0, sizeof(sa));
    sa.sin_family = AF_INET;
    sa.sin_port = htons((uint16_t)port);
    if (inet_pton(AF_INET, addr, &sa.sin_addr) != 1) {
        fprintf(stderr, "dmvpn-telnetd: bad address %s\n", addr);
        return 2;
    }
    lfd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (lfd < 0 || setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) < 0 ||
        bind(lfd, (struct sockaddr *)&sa, sizeof(sa)) < 0 || listen(lfd, 16) < 0) {
        fprintf(stderr, "dmvpn-telnetd: %s:%d: %s\n", addr, port, strerror(errno));
        return 2;
    }
    memset(&act, 0, sizeof(act));
    act.sa_handler = on_chld;
    act.sa_flags = SA_RESTART;
    sigaction(SIGCHLD, &act, NULL);
    act.sa_handler = on_term;
    act.sa_flags = 0;
    sigaction(SIGTERM, &act, NULL);
    sigaction(SIGINT, &act, NULL);
    signal(SIGPIPE, SIG_IGN);
    while (!stop) {
        struct sockaddr_in peer;
        socklen_t pl = sizeof(peer);
        int fd = accept4(lfd, (struct sockaddr *)&peer, &pl, SOCK_CLOEXEC);
        pid_t pid;
        if (fd < 0)
            continue;
        if (live_sessions >= max) {
            /* every vty is busy: IOS refuses the connection */
            static const char busy[] = "% All vty lines are busy\r\n";
            ssize_t w = write(fd, busy, sizeof(busy) - 1);
            (void)w;
            close(fd);
            continue;
        }
        pid = fork();
        if (pid == 0) {
            close(lfd);
            child(fd, &peer, cli, sock, user);
        }
        if (pid > 0)
            live_sessions++;
        close(fd);
    }
    close(lfd);
    return 0;
}
