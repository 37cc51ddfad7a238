/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * sd_notify(3) in one function: systemd's notification socket is a datagram
 * UNIX socket named by $NOTIFY_SOCKET, a path or, with a leading '@', an
 * abstract name. Libsystemd for this would be a dependency for 30 lines.
 */
#include "lib/sdnotify.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

static char notify_path[sizeof(((struct sockaddr_un *)0)->sun_path)];
static int taken;

void
sd_notify_take(void)
{
    const char *p = getenv("NOTIFY_SOCKET");

    taken = 1;
    if (p && strlen(p) < sizeof(notify_path))
        memcpy(notify_path, p, strlen(p) + 1);
    unsetenv("NOTIFY_SOCKET");
}

int
sd_notify_state(const char *state)
{
    const char *path = taken ? notify_path : getenv("NOTIFY_SOCKET");
    struct sockaddr_un sa;
    size_t plen;
    ssize_t n;
    int fd;

    if (!path || (path[0] != '/' && path[0] != '@'))
        return 0;
    plen = strlen(path);
    if (plen >= sizeof(sa.sun_path))
        return -1;
    memset(&sa, 0, sizeof(sa));
    sa.sun_family = AF_UNIX;
    memcpy(sa.sun_path, path, plen);
    if (sa.sun_path[0] == '@')
        sa.sun_path[0] = '\0'; /* abstract namespace */
    fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    n = sendto(fd, state, strlen(state), MSG_NOSIGNAL, (struct sockaddr *)&sa,
               (socklen_t)(offsetof(struct sockaddr_un, sun_path) + plen));
    close(fd);
    return n < 0 ? -1 : 0;
}
