/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The control socket's local peers by group (peer.h). */
#include "daemons/dmvpnd/peer.h"

#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <sys/socket.h>

gid_t
peer_cli_group(void)
{
    struct group *g = getgrnam(DMVPN_CLI_GROUP);

    return g ? g->gr_gid : (gid_t)-1;
}

bool
peer_group_member(gid_t group, gid_t primary, const gid_t *groups, size_t n)
{
    size_t i;

    if (group == (gid_t)-1)
        return false;
    if (primary == group)
        return true;
    for (i = 0; i < n; i++)
        if (groups[i] == group)
            return true;
    return false;
}

bool
peer_in_group(int fd, gid_t primary, gid_t group)
{
    /* NGROUPS_MAX is 65536: a peer in more groups than fit here (ERANGE)
     * is judged on its primary group alone, never let in by mistake */
    gid_t groups[256];
    socklen_t len = sizeof(groups);

    if (peer_group_member(group, primary, NULL, 0))
        return true;
    if (group == (gid_t)-1 || getsockopt(fd, SOL_SOCKET, SO_PEERGROUPS, groups, &len) < 0)
        return false;
    return peer_group_member(group, primary, groups, len / sizeof(gid_t));
}

void
peer_user_name(uid_t uid, char *out, size_t n)
{
    struct passwd *pw = getpwuid(uid);

    if (pw)
        snprintf(out, n, "%s", pw->pw_name);
    else
        snprintf(out, n, "uid %u", (unsigned)uid);
}
