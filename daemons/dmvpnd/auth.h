/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Who may use the shell, decided by dmvpnd from the running config, never by
 * the client: the vty's transport and login method (`line vty`, `login
 * local` / `login` + `password` / `no login`), the users (`username ...
 * [privilege N] secret|password`), `enable secret`. Failed logins are
 * throttled per source address, exponentially, and logged as IOS's
 * SEC_LOGIN messages.
 */
#ifndef DMVPN_DAEMONS_AUTH_H
#define DMVPN_DAEMONS_AUTH_H

#include "lib/strbuf.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct dmvpnd;
struct cfg;

#define AUTH_SOURCES    64
#define AUTH_FREE_FAILS 3   /* failures before a source has to wait */
#define AUTH_MAX_QUIET  300 /* seconds */

struct auth_source {
    char addr[64];
    uint32_t fails;         /* consecutive failures */
    int64_t quiet_until_ms; /* no attempt is checked before this */
    int64_t last_ms;
    bool quiet_logged;
};

struct auth {
    struct auth_source src[AUTH_SOURCES];
    uint64_t failures, throttled, successes;
};

/* What a connection is. */
struct auth_peer {
    int level; /* 0: nothing yet */
    int base_level;
    char user[64];
    char source[64];
    char transport[16];
};

/*
 * CTL_LOGIN. Payload "transport\0source\0" asks which login the vty wants
 * (reply "local", "password" or "none"); with "user\0password\0" added it
 * logs in (reply "LEVEL\tUSER"). Returns 0 (CTL_OK) or 1 (CTL_ERR, IOS
 * message in reply).
 */
int auth_login(struct dmvpnd *d, struct auth_peer *p, const uint8_t *payload, size_t n,
               struct strbuf *reply);
/* `enable`: the enable secret (or password) raises the connection to 15. */
int auth_enable(struct dmvpnd *d, struct auth_peer *p, const char *pw, struct strbuf *reply);
/* The privilege a configured user has, -1 when the user is not configured. */
int auth_user_privilege(const struct cfg *c, const char *user);
/* Seconds a source still has to wait (0: may try now). Exposed for tests. */
int64_t auth_quiet_left(struct auth *a, const char *source, int64_t now_ms);
/* Records a result for a source; returns the quiet time it now has (ms). */
int64_t auth_record(struct auth *a, const char *source, bool ok, int64_t now_ms);

#endif
