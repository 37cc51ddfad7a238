/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The shell's resource guard with the real limits: a command that runs out
 * of its address space unwinds to the caller with what it held released
 * and the process goes on; an output filter stops when the command's CPU
 * time is used up. Each case runs in a child process, whose limits do not
 * reach the test runner.
 */
#include "cli/shell/guard.h"
#include "cli/shell/pipe.h"
#include "lib/mem.h"
#include "lib/strbuf.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

static int
in_child(int (*fn)(void))
{
    int st;
    pid_t pid = fork();

    if (pid == 0)
        _exit(fn());
    assert_true(pid > 0);
    assert_int_equal(waitpid(pid, &st, 0), pid);
    assert_true(WIFEXITED(st));
    return WEXITSTATUS(st);
}

/* 0: unwound twice and a small allocation works after; 3: no limit here
 * (AddressSanitizer) */
static int
oom_child(void)
{
    static sigjmp_buf jb;
    static struct strbuf sb;
    static volatile int unwound;

    setenv("DMVPN_CLI_MEM_MB", "64", 1);
    if (!guard_session_limits())
        return 3;
    for (int round = 0; round < 2; round++) {
        if (sigsetjmp(jb, 1) == 0) {
            void *held;
            guard_cmd_begin(&jb);
            held = malloc(1 << 20);
            guard_own(held);
            sb_init(&sb);
            for (;;) /* grows until the cap */
                sb_append(&sb, "0123456789abcdef0123456789abcdef", 32);
        }
        guard_cmd_end();
        guard_release();
        sb_free(&sb);
        unwound++;
    }
    sb_init(&sb);
    sb_puts(&sb, "still alive");
    return unwound == 2 && strcmp(sb.buf, "still alive") == 0 ? 0 : 1;
}

static void
test_memory_limit(void **state)
{
    int rc = in_child(oom_child);

    (void)state;
    if (rc == 3)
        skip();
    assert_int_equal(rc, 0);
}

/* 0: the filter was cut short by the CPU limit */
static int
cpu_child(void)
{
    static sigjmp_buf jb;
    struct pipe_spec p;
    struct strbuf in, out;
    size_t col;
    bool done;

    setenv("DMVPN_CLI_CPU_MS", "100", 1);
    if (pipe_parse("show x | include ((a|b|c|d)*x*y*z*)*(e|f)+_q", &p, &col) != PIPE_OK)
        return 2;
    sb_init(&in);
    for (;;) { /* enough lines that filtering outlasts 100 ms many times over */
        sb_puts(&in, "aaaabbbbccccddddaaaabbbbccccddddaaaabbbbccccddddaaaabbbbccccdddd"
                     "aaaabbbbccccddddaaaabbbbccccddddaaaabbbbccccdddd\n");
        if (in.len > (64u << 20))
            break;
    }
    sb_init(&out);
    p.stop = guard_cmd_flag();
    if (sigsetjmp(jb, 1))
        return 4;
    guard_cmd_begin(&jb);
    done = pipe_apply(&p, in.buf, in.len, &out);
    guard_cmd_end();
    return !done && guard_cmd_expired() ? 0 : 1;
}

static void
test_cpu_limit(void **state)
{
    (void)state;
    assert_int_equal(in_child(cpu_child), 0);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_memory_limit),
        cmocka_unit_test(test_cpu_limit),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
