/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Key chains (`key chain NAME` / ` key N` / `  key-string ...`): lookups,
 * the lifetime syntax, print, clone, equality and validation. IOS prints a
 * chain's keys in ascending id order whatever order they were typed in,
 * and a lifetime in one canonical form (`00:00:00 Jan 1 2024 infinite`),
 * so the model keeps the numbers, not the text. A key string is printed
 * as it was typed (clear or type 7): `service password-encryption` is not
 * modelled here, so nothing is encrypted on our side.
 */
#include "parsers/keychain.h"
#include "parsers/secret.h"
#include "parsers/validate.h"
#include "lib/arena.h"
#include "lib/strbuf.h"
#include "lib/words.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

static const char *const months[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

const struct cfg_keychain *
cfg_find_keychain(const struct cfg *c, const char *name)
{
    size_t i;

    for (i = 0; name && i < c->nkcs; i++)
        if (!strcmp(c->kcs[i].name, name))
            return &c->kcs[i];
    return NULL;
}

bool
cfg_key_life_ok(const struct cfg_key_life *l, int64_t now)
{
    return !l->set || (now >= l->start && (l->end == CFG_KEY_INFINITE || now < l->end));
}

bool
cfg_key_clear(const struct cfg_key *k, char *out, size_t n)
{
    if (!k->string)
        return false;
    if (k->string_type == 7)
        return secret_type7_decode(k->string, out, n);
    if (strlen(k->string) >= n)
        return false;
    memcpy(out, k->string, strlen(k->string) + 1);
    return true;
}

/* ---- lifetime syntax ---- */

static bool
num_in(const char *s, long lo, long hi, long *v)
{
    char *end;

    if (!*s)
        return false;
    *v = strtol(s, &end, 10);
    return !*end && *v >= lo && *v <= hi;
}

static int
month_of(const char *s)
{
    static const char *const full[12] = {"January",   "February", "March",    "April",
                                         "May",       "June",     "July",     "August",
                                         "September", "October",  "November", "December"};
    size_t n = strlen(s);
    int i;

    /* IOS takes the month's name or a prefix of it from three letters */
    for (i = 0; n >= 3 && i < 12; i++)
        if (n <= strlen(full[i]) && !strncasecmp(s, full[i], n))
            return i;
    return -1;
}

/* hh:mm:ss {Month day | day Month} year at t->v[*i...]; the epoch (UTC). */
static bool
when(const struct words *t, int *i, int64_t *out)
{
    struct tm tm;
    long h, m, s, d, y;
    int mon;
    char hms[16], *a, *b;

    if (*i + 4 > t->n || strlen(t->v[*i]) >= sizeof(hms))
        return false;
    snprintf(hms, sizeof(hms), "%s", t->v[*i]);
    a = strchr(hms, ':');
    b = a ? strchr(a + 1, ':') : NULL;
    if (!a || !b)
        return false;
    *a++ = '\0';
    *b++ = '\0';
    if (!num_in(hms, 0, 23, &h) || !num_in(a, 0, 59, &m) || !num_in(b, 0, 59, &s))
        return false;
    if (num_in(t->v[*i + 1], 1, 31, &d))
        mon = month_of(t->v[*i + 2]);
    else if ((mon = month_of(t->v[*i + 1])) < 0 || !num_in(t->v[*i + 2], 1, 31, &d))
        return false;
    /* IOS's calendar runs 1993-2035 */
    if (mon < 0 || !num_in(t->v[*i + 3], 1993, 2035, &y))
        return false;
    memset(&tm, 0, sizeof(tm));
    tm.tm_year = (int)y - 1900;
    tm.tm_mon = mon;
    tm.tm_mday = (int)d;
    tm.tm_hour = (int)h;
    tm.tm_min = (int)m;
    tm.tm_sec = (int)s;
    *out = (int64_t)timegm(&tm);
    /* 31 Feb: timegm rolls over, IOS refuses */
    {
        time_t tt = (time_t)*out;
        struct tm back;
        gmtime_r(&tt, &back);
        if (back.tm_mday != (int)d || back.tm_mon != mon)
            return false;
    }
    *i += 4;
    return true;
}

bool
keychain_life_parse(const char *text, struct cfg_key_life *l, const char **err)
{
    struct words t;
    int i = 0;
    long v;

    memset(l, 0, sizeof(*l));
    words_split(&t, text);
    *err = "% Invalid input detected at '^' marker.";
    if (words_kw(&t, 0, "local"))
        l->local = true, i = 1;
    if (!when(&t, &i, &l->start))
        return false;
    if (i + 1 == t.n && words_kw(&t, i, "infinite"))
        l->end = CFG_KEY_INFINITE;
    else if (i + 2 == t.n && words_kw(&t, i, "duration") && num_in(t.v[i + 1], 1, 2147483646, &v)) {
        l->duration = (uint32_t)v;
        l->end = l->start + v;
    } else if (when(&t, &i, &l->end) && i == t.n) {
        if (l->end <= l->start) {
            *err = "% Stop time is earlier than start time";
            return false;
        }
    } else
        return false;
    l->set = true;
    return true;
}

/* ---- print ---- */

static void
print_time(struct strbuf *sb, int64_t at)
{
    time_t tt = (time_t)at;
    struct tm tm;

    gmtime_r(&tt, &tm);
    sb_printf(sb, " %02d:%02d:%02d %s %d %d", tm.tm_hour, tm.tm_min, tm.tm_sec, months[tm.tm_mon],
              tm.tm_mday, tm.tm_year + 1900);
}

static void
print_life(struct strbuf *sb, const char *kw, const struct cfg_key_life *l)
{
    if (!l->set)
        return;
    sb_printf(sb, "  %s%s", kw, l->local ? " local" : "");
    print_time(sb, l->start);
    if (l->end == CFG_KEY_INFINITE)
        sb_puts(sb, " infinite");
    else if (l->duration)
        sb_printf(sb, " duration %u", l->duration);
    else
        print_time(sb, l->end);
    sb_putc(sb, '\n');
}

void
keychain_print(struct strbuf *sb, const struct cfg *c)
{
    size_t i, j;

    for (i = 0; i < c->nkcs; i++) {
        const struct cfg_keychain *kc = &c->kcs[i];
        sb_printf(sb, "key chain %s\n", kc->name);
        for (j = 0; j < kc->nkeys; j++) {
            const struct cfg_key *k = &kc->keys[j];
            sb_printf(sb, " key %u\n", k->id);
            if (k->string && k->string_type == 7)
                sb_printf(sb, "  key-string 7 %s\n", k->string);
            else if (k->string)
                sb_printf(sb, "  key-string %s\n", k->string);
            print_life(sb, "accept-lifetime", &k->accept);
            print_life(sb, "send-lifetime", &k->send);
        }
        sb_puts(sb, "!\n");
    }
}

/* ---- clone ---- */

void
keychain_clone(struct arena *a, struct cfg *c)
{
    struct cfg_keychain *v = arena_alloc(a, (c->nkcs + 4) * sizeof(*v));
    size_t i, j;

    if (c->nkcs)
        memcpy(v, c->kcs, c->nkcs * sizeof(*v));
    c->kcs = v;
    c->capkcs = c->nkcs + 4;
    for (i = 0; i < c->nkcs; i++) {
        struct cfg_keychain *kc = &c->kcs[i];
        struct cfg_key *k = arena_alloc(a, (kc->nkeys + 4) * sizeof(*k));
        if (kc->nkeys)
            memcpy(k, kc->keys, kc->nkeys * sizeof(*k));
        kc->keys = k;
        kc->capkeys = kc->nkeys + 4;
        kc->name = arena_strdup(a, kc->name);
        for (j = 0; j < kc->nkeys; j++)
            if (k[j].string)
                k[j].string = arena_strdup(a, k[j].string);
    }
}

/* ---- diff ---- */

static bool
life_eq(const struct cfg_key_life *a, const struct cfg_key_life *b)
{
    return a->set == b->set && a->start == b->start && a->end == b->end &&
           a->duration == b->duration && a->local == b->local;
}

bool
keychain_eq(const struct cfg *o, const struct cfg *n)
{
    size_t i, j;

    if (o->nkcs != n->nkcs)
        return false;
    for (i = 0; i < o->nkcs; i++) {
        const struct cfg_keychain *a = &o->kcs[i], *b = &n->kcs[i];
        if (strcmp(a->name, b->name) || a->nkeys != b->nkeys)
            return false;
        for (j = 0; j < a->nkeys; j++) {
            const struct cfg_key *x = &a->keys[j], *y = &b->keys[j];
            if (x->id != y->id || x->string_type != y->string_type || !x->string != !y->string ||
                (x->string && strcmp(x->string, y->string)) || !life_eq(&x->accept, &y->accept) ||
                !life_eq(&x->send, &y->send))
                return false;
        }
    }
    return true;
}

/* ---- validate ---- */

void
keychain_validate(const struct cfg *c, struct cfg_findings *f)
{
    size_t i, j;
    char clear[128];

    /* IOS keeps a key without a string; it is never valid to send or
     * accept with, so a chain of such keys authenticates nothing */
    for (i = 0; i < c->nkcs; i++)
        for (j = 0; j < c->kcs[i].nkeys; j++) {
            const struct cfg_key *k = &c->kcs[i].keys[j];
            if (!k->string)
                cfg_findings_add(f, "key chain", "%s: key %u has no key-string", c->kcs[i].name,
                                 k->id);
            else if (!cfg_key_clear(k, clear, sizeof(clear)))
                cfg_findings_add(f, "key chain", "%s: key %u: type 7 key-string does not decode",
                                 c->kcs[i].name, k->id);
        }
}
