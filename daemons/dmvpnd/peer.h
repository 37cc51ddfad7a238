/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Who a local peer of the control socket is, from the kernel's credentials
 * of the connection (SO_PEERCRED, SO_PEERGROUPS): members of the operators'
 * group (`opendmvpn` in the Debian package, postinst creates it) get
 * privileged EXEC without a login, as root does, so an admin adds people
 * with `adduser NAME opendmvpn` instead of giving them root. The socket file
 * stays 0666: access is decided per connection, never by the file mode.
 */
#ifndef DMVPN_DAEMONS_PEER_H
#define DMVPN_DAEMONS_PEER_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* The operators' group's name; a build may choose another. */
#ifndef DMVPN_CLI_GROUP
#define DMVPN_CLI_GROUP "opendmvpn"
#endif

/* The group's gid, or (gid_t)-1 when the system has no such group. */
gid_t peer_cli_group(void);

/* Pure: is GROUP the peer's primary gid or one of its N supplementary
 * groups? Never for (gid_t)-1. */
bool peer_group_member(gid_t group, gid_t primary, const gid_t *groups, size_t n);

/* The connected peer on FD (primary gid PRIMARY) is in GROUP: its
 * supplementary groups are read with SO_PEERGROUPS (Linux 4.13). */
bool peer_in_group(int fd, gid_t primary, gid_t group);

/* The account name of UID for the logs ("uid N" when it has none). */
void peer_user_name(uid_t uid, char *out, size_t n);

#endif
