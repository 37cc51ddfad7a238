/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Resource limits of a shell session, so that no user can take the router's
 * memory or CPU with one command (the shell is what telnet and SSH users
 * reach at privilege 1):
 *  - the session's address space is capped (RLIMIT_AS, GUARD_MEM_MB);
 *  - each command gets GUARD_CPU_SECONDS of CPU (ITIMER_PROF): loops that
 *    can run long (output filters) poll guard_cmd_expired() and stop;
 *  - an allocation that fails inside a command unwinds to the command loop
 *    (lib/mem's out-of-memory hook), which frees what the command held
 *    (its output and the snapshots it registered with guard_own) and
 *    prints IOS's low-memory message; the session goes on.
 */
#ifndef DMVPN_CLI_GUARD_H
#define DMVPN_CLI_GUARD_H

#include <setjmp.h>
#include <signal.h>
#include <stdbool.h>

#define GUARD_MEM_MB      256
#define GUARD_CPU_SECONDS 10

/* IOS's words when a command cannot get memory, and ours for CPU. */
#define GUARD_MSG_MEM "% Low on memory; try again later"
#define GUARD_MSG_CPU "% Command aborted: it used its CPU time limit"

/* Caps the address space at GUARD_MEM_MB, or at DMVPN_CLI_MEM_MB from the
 * environment when that is lower (tests; the environment can only lower a
 * limit, DMVPN_CLI_CPU_MS likewise for GUARD_CPU_SECONDS). Left alone under
 * AddressSanitizer, whose shadow memory needs terabytes of address space:
 * false then. */
bool guard_session_limits(void);

/* Brackets one command. jb was set by the caller with sigsetjmp(jb, 1);
 * while armed, running out of memory jumps there with value 1. */
void guard_cmd_begin(sigjmp_buf *jb);
void guard_cmd_end(void);
/* The command has used its CPU time. */
bool guard_cmd_expired(void);
/* The flag itself, for pure code that takes a stop flag. */
const volatile sig_atomic_t *guard_cmd_flag(void);

/* Memory a command holds outside its output buffer, freed by the command
 * loop when the command is unwound. */
void guard_own(void *p);
void guard_disown(void *p);
/* Frees what is still owned (after an unwind). */
void guard_release(void);

#endif
