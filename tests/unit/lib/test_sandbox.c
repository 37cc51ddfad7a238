/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Sandbox tests with real processes: a forked child confines itself with
 * sandbox_enter() and the kernel's own account of it (/proc/PID/status,
 * /proc/PID/root) is checked from outside; then the child is told to call
 * open(), socket() or an executable mmap() and must die of SIGSYS, or to
 * exit, or to map data and exit, and must exit cleanly (the allow-list lets the event loop's
 * syscalls through). Needs root (chroot, setuid); skipped otherwise.
 */
#include "lib/sandbox.h"

#include <fcntl.h>
#include <limits.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

struct kid {
    pid_t pid;
    int ready, go; /* parent's ends */
    char root[64];
};

static void
kid_main(const char *root, int ready, int go)
{
    struct sandbox sb = {.root = root};
    char err[256], c = 0;

    if (sandbox_user(SANDBOX_USER, &sb.uid, &sb.gid, err, sizeof(err)) < 0 ||
        sandbox_enter(&sb, err, sizeof(err)) < 0) {
        if (write(ready, "E", 1) < 0)
            _exit(3);
        _exit(2);
    }
    if (write(ready, "R", 1) != 1 || read(go, &c, 1) != 1)
        _exit(4);
    if (c == 'o')
        (void)open("/etc/passwd", O_RDONLY); /* not reached: seccomp kills */
    if (c == 's')
        (void)socket(AF_INET, SOCK_DGRAM, 0);
    if (c == 'd') /* data may be mapped */
        _exit(mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) ==
                      MAP_FAILED
                  ? 6
                  : 0);
    if (c == 'm') /* code may not */
        (void)mmap(NULL, 4096, PROT_READ | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    _exit(c == 'x' ? 0 : 5);
}

static void
kid_start(struct kid *k)
{
    int r[2], g[2];
    char c = 0;

    strcpy(k->root, "/tmp/dmvpn-sandbox-XXXXXX");
    assert_non_null(mkdtemp(k->root));
    assert_int_equal(chmod(k->root, 0755), 0);
    assert_int_equal(pipe(r), 0);
    assert_int_equal(pipe(g), 0);
    k->pid = fork();
    assert_true(k->pid >= 0);
    if (k->pid == 0) {
        close(r[0]);
        close(g[1]);
        kid_main(k->root, r[1], g[0]);
    }
    close(r[1]);
    close(g[0]);
    k->ready = r[0];
    k->go = g[1];
    assert_int_equal(read(k->ready, &c, 1), 1);
    assert_int_equal(c, 'R');
}

static int
kid_finish(struct kid *k, char cmd)
{
    int st;

    assert_int_equal(write(k->go, &cmd, 1), 1);
    assert_int_equal(waitpid(k->pid, &st, 0), k->pid);
    close(k->ready);
    close(k->go);
    rmdir(k->root);
    return st;
}

/* The value after "Key:" in /proc/PID/status, trimmed. */
static void
status_field(pid_t pid, const char *key, char *out, size_t n)
{
    char path[64], line[256];
    size_t kl = strlen(key);
    FILE *f;

    snprintf(path, sizeof(path), "/proc/%d/status", (int)pid);
    f = fopen(path, "r");
    assert_non_null(f);
    out[0] = 0;
    while (fgets(line, sizeof(line), f) != NULL) {
        if (strncmp(line, key, kl) == 0 && line[kl] == ':') {
            const char *v = line + kl + 1;

            v += strspn(v, " \t");
            snprintf(out, n, "%.*s", (int)strcspn(v, "\n"), v);
        }
    }
    fclose(f);
}

static void
test_confined(void **state)
{
    struct kid k;
    char v[128], path[64], root[PATH_MAX];
    unsigned ruid, euid, suid, fsuid;
    ssize_t n;
    int st;

    (void)state;
    if (geteuid() != 0)
        skip();
    kid_start(&k);
    status_field(k.pid, "CapEff", v, sizeof(v));
    assert_string_equal(v, "0000000000000000");
    status_field(k.pid, "CapPrm", v, sizeof(v));
    assert_string_equal(v, "0000000000000000");
    status_field(k.pid, "CapBnd", v, sizeof(v));
    assert_string_equal(v, "0000000000000000");
    status_field(k.pid, "CapAmb", v, sizeof(v));
    assert_string_equal(v, "0000000000000000");
    status_field(k.pid, "NoNewPrivs", v, sizeof(v));
    assert_string_equal(v, "1");
    status_field(k.pid, "Seccomp", v, sizeof(v));
    assert_string_equal(v, "2");
    status_field(k.pid, "Uid", v, sizeof(v));
    assert_int_equal(sscanf(v, "%u %u %u %u", &ruid, &euid, &suid, &fsuid), 4);
    assert_true(ruid != 0 && euid != 0 && suid != 0 && fsuid != 0);
    status_field(k.pid, "Groups", v, sizeof(v));
    assert_null(strstr(v, " 0 "));
    assert_true(strncmp(v, "0 ", 2) != 0 && strcmp(v, "0") != 0);
    snprintf(path, sizeof(path), "/proc/%d/root", (int)k.pid);
    n = readlink(path, root, sizeof(root) - 1);
    assert_true(n > 0);
    root[n] = 0;
    assert_string_equal(root, k.root);
    st = kid_finish(&k, 'x');
    assert_true(WIFEXITED(st));
    assert_int_equal(WEXITSTATUS(st), 0);
}

static void
test_open_killed(void **state)
{
    struct kid k;
    int st;

    (void)state;
    if (geteuid() != 0)
        skip();
    kid_start(&k);
    st = kid_finish(&k, 'o');
    assert_true(WIFSIGNALED(st));
    assert_int_equal(WTERMSIG(st), SIGSYS);
    kid_start(&k);
    st = kid_finish(&k, 's');
    assert_true(WIFSIGNALED(st));
    assert_int_equal(WTERMSIG(st), SIGSYS);
    kid_start(&k);
    st = kid_finish(&k, 'm');
    assert_true(WIFSIGNALED(st));
    assert_int_equal(WTERMSIG(st), SIGSYS);
    kid_start(&k);
    st = kid_finish(&k, 'd');
    assert_true(WIFEXITED(st));
    assert_int_equal(WEXITSTATUS(st), 0);
}

static void
test_refusals(void **state)
{
    char dir[] = "/tmp/dmvpn-sandbox-XXXXXX", file[64], err[256];
    struct sandbox sb = {.root = "/", .uid = 0, .gid = 0};
    int fd;

    (void)state;
    /* never a sandbox that is root */
    assert_int_equal(sandbox_enter(&sb, err, sizeof(err)), -1);
    assert_string_equal(err, "refusing to run a sandbox as root");
    assert_non_null(mkdtemp(dir));
    if (geteuid() == 0) {
        assert_int_equal(chmod(dir, 0777), 0);
        assert_int_equal(sandbox_prepare_root(dir, err, sizeof(err)), -1);
        assert_non_null(strstr(err, "writable by root only"));
        assert_int_equal(chmod(dir, 0755), 0);
        assert_int_equal(sandbox_prepare_root(dir, err, sizeof(err)), 0);
    }
    snprintf(file, sizeof(file), "%s/planted", dir);
    fd = open(file, O_CREAT | O_WRONLY, 0600);
    assert_true(fd >= 0);
    close(fd);
    assert_int_equal(sandbox_prepare_root(dir, err, sizeof(err)), -1);
    unlink(file);
    rmdir(dir);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_confined),
        cmocka_unit_test(test_open_killed),
        cmocka_unit_test(test_refusals),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
