/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Confinement of a child process that parses what the internet sends
 * (privilege separation, docs/architecture.md). After fork, and after it
 * has every descriptor it will ever need, the child calls sandbox_enter():
 *
 *   1. chroot to an empty directory the parent made (no file to read or
 *      replace, no socket path to connect to);
 *   2. the capability bounding set emptied, ambient capabilities cleared;
 *   3. supplementary groups, gid and uid set to an unprivileged user (all
 *      three ids of each, so none can be taken back), which also empties
 *      the permitted and effective sets; then capset() to zero to be sure,
 *      and a check that uid 0 cannot be regained;
 *   4. PR_SET_NO_NEW_PRIVS (no set-uid binary or file capability can give
 *      back what was dropped, and the kernel's precondition for 5);
 *   5. a seccomp-bpf filter (our own BPF program: the architecture checked
 *      first, then an allow-list of syscall numbers; anything else kills
 *      the whole process with SIGSYS).
 *
 * The order matters: chroot and the bounding set need the capabilities
 * that setuid takes away. Any step failing is a failure of the whole: the
 * child must exit rather than run half-confined.
 */
#ifndef DMVPN_LIB_SANDBOX_H
#define DMVPN_LIB_SANDBOX_H

#include <stddef.h>
#include <sys/types.h>

/* The user children run as: ours when the package made it, else nobody. */
#define SANDBOX_USER          "dmvpn"
#define SANDBOX_FALLBACK_USER "nobody"
/* Most syscalls one allow-list may name (BPF jump offsets are 8 bits). */
#define SANDBOX_MAX_SYSCALLS 200

struct sandbox {
    const char *root; /* an empty directory (sandbox_prepare_root) */
    uid_t uid;
    gid_t gid;
    const int *syscalls; /* allow-list, -1 terminated; NULL: sandbox_engine_syscalls */
};

/* The syscalls an event-loop child needs once it holds its descriptors:
 * I/O on them, poll, the clock, memory, signals' return, exit. No open,
 * socket, connect, bind, execve, ptrace, kill. -1 terminated. */
extern const int sandbox_engine_syscalls[];

/* Looks up name, else SANDBOX_FALLBACK_USER; must run before chroot (the
 * user database is a file). 0, or -1 with a message in err. uid 0 is
 * refused. */
int sandbox_user(const char *name, uid_t *uid, gid_t *gid, char *err, size_t errlen);
/* Makes path if missing (and its missing parents, 0755: a fresh machine
 * has no /var/lib/opendmvpn until the package made it): a directory owned
 * by root, writable by nobody else, and empty. 0, or -1 with a message in err. */
int sandbox_prepare_root(const char *path, char *err, size_t errlen);
/* Confines the calling process for good (steps above). 0, or -1 with the
 * step that failed in err; the caller then exits. */
int sandbox_enter(const struct sandbox *sb, char *err, size_t errlen);

#endif
