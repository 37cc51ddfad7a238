/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Session and command resource limits (guard.h). */
#include "cli/shell/guard.h"
#include "lib/mem.h"

#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>

#if defined(__SANITIZE_ADDRESS__)
#define GUARD_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define GUARD_ASAN 1
#endif
#endif

#define GUARD_OWNED 16

static sigjmp_buf *armed;
static volatile sig_atomic_t expired;
static void *owned[GUARD_OWNED];

/* A positive number from the environment when it is below max, else max. */
static unsigned long
env_lower(const char *name, unsigned long max)
{
    const char *e = getenv(name);
    char *end;
    unsigned long v;

    if (!e)
        return max;
    v = strtoul(e, &end, 10);
    return *end == '\0' && v > 0 && v < max ? v : max;
}

bool
guard_session_limits(void)
{
#ifndef GUARD_ASAN
    struct rlimit rl;

    rl.rlim_cur = rl.rlim_max = (rlim_t)env_lower("DMVPN_CLI_MEM_MB", GUARD_MEM_MB) << 20;
    return setrlimit(RLIMIT_AS, &rl) == 0;
#else
    return false;
#endif
}

static void
on_prof(int sig)
{
    (void)sig;
    expired = 1;
}

static _Noreturn void
on_oom(void)
{
    sigjmp_buf *jb = armed;

    armed = NULL;
    siglongjmp(*jb, 1);
}

void
guard_cmd_begin(sigjmp_buf *jb)
{
    struct sigaction sa;
    struct itimerval it;
    unsigned long ms;

    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_prof;
    sa.sa_flags = SA_RESTART;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGPROF, &sa, NULL);
    expired = 0;
    memset(&it, 0, sizeof(it));
    ms = env_lower("DMVPN_CLI_CPU_MS", GUARD_CPU_SECONDS * 1000ul);
    it.it_value.tv_sec = (time_t)(ms / 1000);
    it.it_value.tv_usec = (suseconds_t)(ms % 1000 * 1000);
    setitimer(ITIMER_PROF, &it, NULL);
    armed = jb;
    mem_set_oom_hook(on_oom);
}

void
guard_cmd_end(void)
{
    struct itimerval it;

    memset(&it, 0, sizeof(it));
    setitimer(ITIMER_PROF, &it, NULL);
    armed = NULL;
    mem_set_oom_hook(NULL);
}

bool
guard_cmd_expired(void)
{
    return expired != 0;
}

const volatile sig_atomic_t *
guard_cmd_flag(void)
{
    return &expired;
}

void
guard_own(void *p)
{
    for (size_t i = 0; i < GUARD_OWNED; i++)
        if (!owned[i]) {
            owned[i] = p;
            return;
        }
}

void
guard_disown(void *p)
{
    for (size_t i = 0; p && i < GUARD_OWNED; i++)
        if (owned[i] == p)
            owned[i] = NULL;
}

void
guard_release(void)
{
    for (size_t i = 0; i < GUARD_OWNED; i++) {
        free(owned[i]);
        owned[i] = NULL;
    }
}
