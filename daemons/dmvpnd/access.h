/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Remote access to the shell as the config asks (`line vty ... transport
 * input telnet ssh`): dmvpnd starts dmvpn-telnetd (port 23) and OpenSSH's
 * sshd (port 22) as its children, restarts them if they die and stops them
 * when the config no longer wants them.
 *
 * sshd runs in a private mount namespace where /etc/passwd, /etc/shadow and
 * /etc/group are bind mounts of files dmvpnd writes: every IOS `username`
 * is an account there (uid ACCESS_UID_BASE + n, shell /bin/sh, home /) whose
 * password hash is the IOS type-5 secret itself (MD5-crypt, which crypt(3)
 * verifies); host accounts are listed but locked, and AllowUsers names only
 * the IOS users. sshd's ForceCommand is `dmvpn-cli --ssh` on the session's
 * pty. dmvpnd maps the uid it sees on the control socket (SO_PEERCRED) back
 * to the IOS user and gives the connection that user's privilege.
 */
#ifndef DMVPN_DAEMONS_ACCESS_H
#define DMVPN_DAEMONS_ACCESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

struct dmvpnd;
struct cfg;

#define ACCESS_UID_BASE  1900000000u
#define ACCESS_MAX_USERS 256

struct access;

struct access *access_new(struct dmvpnd *d);
/* Brings the services in line with the config (start, stop, new users). */
void access_apply(struct access *a, const struct cfg *c);
/* The IOS user an SSH session's uid stands for. */
bool access_uid_user(const struct access *a, uint32_t uid, char *user, size_t n);
void access_free(struct access *a);

/* Pure helpers, unit-tested. */
/* One /etc/shadow line for an IOS user; false when sshd cannot check the
 * user's secret (type 8/9 hashes). */
bool access_shadow_line(const char *name, int type, bool is_secret, const char *value, char *out,
                        size_t n);
/* A name sshd and the C library accept as an account name. */
bool access_name_ok(const char *name);

#endif
