/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Child confinement (see sandbox.h): user lookup, the empty root, and the
 * ordered drop ending in a seccomp filter built here as classic BPF.
 */
#include "lib/sandbox.h"

#include <dirent.h>
#include <errno.h>
#include <grp.h>
#include <limits.h>
#include <linux/audit.h>
#include <linux/capability.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#if defined(__x86_64__)
#define SANDBOX_ARCH AUDIT_ARCH_X86_64
/* x32 syscalls share the x86_64 arch value and set this bit: refuse them
 * all, or the allow-list could be bypassed through their numbers. */
#define SANDBOX_X32_BIT 0x40000000u
#elif defined(__aarch64__)
#define SANDBOX_ARCH AUDIT_ARCH_AARCH64
#else
#error "sandbox: no seccomp architecture value for this target"
#endif

/* One line per purpose reads better than clang-format's one per name. */
/* clang-format off */
const int sandbox_engine_syscalls[] = {
    /* the descriptors it was given */
    SYS_read, SYS_write, SYS_readv, SYS_writev, SYS_recvmsg, SYS_sendmsg,
    SYS_recvfrom, SYS_sendto, SYS_close, SYS_fcntl, SYS_fstat, SYS_newfstatat, SYS_lseek,
    /* the event loop */
    SYS_ppoll, SYS_clock_gettime, SYS_gettimeofday, SYS_clock_nanosleep, SYS_nanosleep,
    SYS_rt_sigreturn, SYS_rt_sigprocmask, SYS_restart_syscall,
    /* ASan/UBSan builds drop their alternate signal stack at exit */
    SYS_sigaltstack,
    /* memory (malloc) */
    SYS_brk, SYS_mmap, SYS_munmap, SYS_mremap, SYS_madvise, SYS_futex, SYS_getrandom,
    /* glibc's qsort sizes its buffer by the machine's memory */
    SYS_sysinfo,
    SYS_getpid, SYS_gettid, SYS_exit, SYS_exit_group,
#ifdef SYS_poll
    SYS_poll,
#endif
    -1};
/* clang-format on */

static int fail(char *err, size_t errlen, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int
fail(char *err, size_t errlen, const char *fmt, ...)
{
    va_list ap;
    int e = errno;

    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
    errno = e;
    return -1;
}

int
sandbox_user(const char *name, uid_t *uid, gid_t *gid, char *err, size_t errlen)
{
    const struct passwd *pw = getpwnam(name);

    if (pw == NULL)
        pw = getpwnam(SANDBOX_FALLBACK_USER);
    if (pw == NULL)
        return fail(err, errlen, "no user %s nor %s", name, SANDBOX_FALLBACK_USER);
    if (pw->pw_uid == 0 || pw->pw_gid == 0)
        return fail(err, errlen, "user %s is root", pw->pw_name);
    *uid = pw->pw_uid;
    *gid = pw->pw_gid;
    return 0;
}

int
sandbox_prepare_root(const char *path, char *err, size_t errlen)
{
    struct stat st;
    DIR *d;
    const struct dirent *e;
    bool empty = true;
    char parent[PATH_MAX];
    char *slash;

    if (snprintf(parent, sizeof(parent), "%s", path) >= (int)sizeof(parent))
        return fail(err, errlen, "%s: path too long", path);
    for (slash = strchr(parent + 1, '/'); slash; slash = strchr(slash + 1, '/')) {
        *slash = '\0';
        if (mkdir(parent, 0755) < 0 && errno != EEXIST)
            return fail(err, errlen, "mkdir %s: %s", parent, strerror(errno));
        *slash = '/';
    }
    if (mkdir(path, 0755) < 0 && errno != EEXIST)
        return fail(err, errlen, "mkdir %s: %s", path, strerror(errno));
    if (lstat(path, &st) < 0)
        return fail(err, errlen, "%s: %s", path, strerror(errno));
    if (!S_ISDIR(st.st_mode))
        return fail(err, errlen, "%s: not a directory", path);
    /* A root another user can write to is a place the child could find
     * files planted for it. */
    if (st.st_uid != 0 || (st.st_mode & 022) != 0)
        return fail(err, errlen, "%s: must be owned by root and writable by root only", path);
    d = opendir(path);
    if (d == NULL)
        return fail(err, errlen, "%s: %s", path, strerror(errno));
    while ((e = readdir(d)) != NULL)
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
            empty = false;
    closedir(d);
    if (!empty)
        return fail(err, errlen, "%s: not empty", path);
    return 0;
}

static int
drop_bounding(void)
{
    int cap;

    /* The kernel's last capability is in /proc, which may be absent;
     * dropping until EINVAL finds it without a file. */
    for (cap = 0; cap < 64; cap++) {
        if (prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) == 0)
            continue;
        if (errno == EINVAL)
            break;
        return -1;
    }
    return prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0);
}

static int
drop_caps(void)
{
    struct __user_cap_header_struct h = {.version = _LINUX_CAPABILITY_VERSION_3, .pid = 0};
    struct __user_cap_data_struct d[2];

    memset(d, 0, sizeof(d));
    return (int)syscall(SYS_capset, &h, d);
}

static bool
listed(const int *sys, int nr)
{
    for (; *sys >= 0; sys++)
        if (*sys == nr)
            return true;
    return false;
}

/* The low 32 bits of mmap's third argument (prot). */
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define MMAP_PROT_OFF (offsetof(struct seccomp_data, args) + 2 * sizeof(uint64_t))
#else
#define MMAP_PROT_OFF (offsetof(struct seccomp_data, args) + 2 * sizeof(uint64_t) + 4)
#endif

/* ld arch; jeq ARCH ? next : kill; ld nr; [mmap: PROT_EXEC ? kill : allow];
 * [x32 bit ? kill]; one jeq per allowed number jumping to allow; kill;
 * allow. */
static int
install_filter(const int *sys, char *err, size_t errlen)
{
    struct sock_filter f[SANDBOX_MAX_SYSCALLS + 16];
    struct sock_fprog prog;
    size_t n = 0, k = 0, i;

    while (sys[n] >= 0)
        n++;
    if (n > SANDBOX_MAX_SYSCALLS)
        return fail(err, errlen, "seccomp: %zu syscalls, at most %d", n, SANDBOX_MAX_SYSCALLS);
    f[k++] =
        (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch));
    f[k++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SANDBOX_ARCH, 1, 0);
    f[k++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS);
    f[k++] =
        (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr));
    /* mmap, when allowed, never with PROT_EXEC: no new machine code in a
     * process that parses what the internet sends (W^X) */
    if (listed(sys, SYS_mmap)) {
        f[k++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_mmap, 0, 4);
        f[k++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS, MMAP_PROT_OFF);
        f[k++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JSET | BPF_K, PROT_EXEC, 0, 1);
        f[k++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS);
        f[k++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
    }
#ifdef SANDBOX_X32_BIT
    f[k++] =
        (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, SANDBOX_X32_BIT, (uint8_t)n, 0);
#endif
    for (i = 0; i < n; i++)
        f[k++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (uint32_t)sys[i],
                                              (uint8_t)(n - i), 0);
    f[k++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS);
    f[k++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
    prog.len = (unsigned short)k;
    prog.filter = f;
    if (prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog, 0, 0) < 0)
        return fail(err, errlen, "seccomp: %s", strerror(errno));
    return 0;
}

int
sandbox_enter(const struct sandbox *sb, char *err, size_t errlen)
{
    if (sb->uid == 0 || sb->gid == 0)
        return fail(err, errlen, "refusing to run a sandbox as root");
    if (chroot(sb->root) < 0)
        return fail(err, errlen, "chroot %s: %s", sb->root, strerror(errno));
    if (chdir("/") < 0)
        return fail(err, errlen, "chdir /: %s", strerror(errno));
    if (drop_bounding() < 0)
        return fail(err, errlen, "capability bounding set: %s", strerror(errno));
    if (setgroups(1, &sb->gid) < 0)
        return fail(err, errlen, "setgroups: %s", strerror(errno));
    if (setresgid(sb->gid, sb->gid, sb->gid) < 0)
        return fail(err, errlen, "setresgid %u: %s", (unsigned)sb->gid, strerror(errno));
    if (setresuid(sb->uid, sb->uid, sb->uid) < 0)
        return fail(err, errlen, "setresuid %u: %s", (unsigned)sb->uid, strerror(errno));
    if (drop_caps() < 0)
        return fail(err, errlen, "capset: %s", strerror(errno));
    if (setuid(0) == 0 || seteuid(0) == 0)
        return fail(err, errlen, "uid 0 could be regained");
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
        return fail(err, errlen, "no_new_privs: %s", strerror(errno));
    return install_filter(sb->syscalls != NULL ? sb->syscalls : sandbox_engine_syscalls, err,
                          errlen);
}
