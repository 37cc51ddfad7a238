/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Network namespaces by name (see netns.h). */

#include "lib/netns.h"

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

static int self_fd = -1; /* where the program started, opened on first use */

const char *
netns_vrf_name(const char *vrf, char *buf, size_t sz)
{
    const char *pfx = getenv("DMVPND_VRF_NETNS_PREFIX");
    int n;

    if (!vrf || !*vrf || strchr(vrf, '/') || !strcmp(vrf, ".") || !strcmp(vrf, ".."))
        return NULL;
    if (!pfx || strchr(pfx, '/'))
        pfx = "";
    n = snprintf(buf, sz, "%s%s", pfx, vrf);
    return n > 0 && (size_t)n < sz && n < 200 ? buf : NULL;
}

int
netns_open(const char *name)
{
    char path[300];

    if (snprintf(path, sizeof(path), "/run/netns/%s", name) >= (int)sizeof(path)) {
        errno = ENAMETOOLONG;
        return -1;
    }
    return open(path, O_RDONLY | O_CLOEXEC);
}

static int
run(char *const argv[])
{
    pid_t pid;
    int st;

    if (posix_spawnp(&pid, argv[0], NULL, NULL, argv, environ) != 0)
        return -1;
    while (waitpid(pid, &st, 0) < 0)
        if (errno != EINTR)
            return -1;
    return WIFEXITED(st) && WEXITSTATUS(st) == 0 ? 0 : -1;
}

int
netns_ensure(const char *name)
{
    int fd = netns_open(name);

    if (fd >= 0 || errno != ENOENT)
        return fd;
    /* ip-netns(8) knows how to make the name survive this process (a bind
     * mount under a shared /run/netns); a VRF is made once per boot */
    char *add[] = {"ip", "netns", "add", (char *)name, NULL};
    char *lo[] = {"ip", "-n", (char *)name, "link", "set", "lo", "up", NULL};
    if (run(add) < 0 && (fd = netns_open(name)) < 0) {
        errno = EIO;
        return -1;
    }
    if (fd >= 0)
        close(fd);
    run(lo);
    return netns_open(name);
}

int
netns_enter(int nsfd)
{
    if (self_fd < 0 && (self_fd = open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC)) < 0)
        return -1;
    return setns(nsfd, CLONE_NEWNET);
}

void
netns_leave(void)
{
    int e = errno;

    if (self_fd < 0)
        return; /* never left */
    if (setns(self_fd, CLONE_NEWNET) < 0) {
        perror("netns: cannot return to the daemon's namespace");
        abort();
    }
    errno = e;
}

int
netns_socket(int nsfd, int domain, int type, int protocol)
{
    int fd;

    if (nsfd < 0)
        return socket(domain, type, protocol);
    if (netns_enter(nsfd) < 0)
        return -1;
    fd = socket(domain, type, protocol);
    netns_leave();
    return fd;
}
