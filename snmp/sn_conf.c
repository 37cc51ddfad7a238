/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The snmpd.conf renderer (sn_conf.h). Access lists are not modelled by the
 * config pipeline (they are kept as opaque lines), so the standard ACLs a
 * community names are read here from those lines: numbered `access-list N
 * permit|deny SOURCE` (1-99, 1300-1999) and `ip access-list standard NAME`
 * stanzas. IOS evaluates an ACL top-down, first match wins, with an
 * implicit deny at the end; net-snmp's com2sec table is also searched in
 * order with the first (source, community) match deciding the security
 * name, so each ACL entry becomes one com2sec line in the same order, and a
 * deny entry maps to a security name that belongs to no group (so snmpd
 * drops the request, as IOS does). Whatever cannot be expressed exactly is
 * resolved towards less access, never more.
 */
#include "snmp/sn_conf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_ACES 256

struct ace {
    bool permit;
    bool any;
    uint32_t addr;
    int len;          /* prefix length */
    const char *text; /* the IOS line, for the comment */
};

/* Wildcard 0.0.0.255 -> 24; -1 when the bits are not contiguous. */
static int
wildcard_len(uint32_t w)
{
    uint32_t m = ~w;
    int len = 0;

    while (len < 32 && (m & (0x80000000u >> len)))
        len++;
    if (len < 32 && (m << len) != 0)
        return -1;
    return len;
}

/* The enclosing prefix of a non-contiguous wildcard (covers every address
 * the entry matches, and more). */
static int
wildcard_cover_len(uint32_t w)
{
    int len = 0;

    while (len < 32 && !(w & (0x80000000u >> len)))
        len++;
    return len;
}

static bool
parse_ip(const char *s, uint32_t *a)
{
    unsigned b[4];
    char tail;

    if (sscanf(s, "%u.%u.%u.%u%c", &b[0], &b[1], &b[2], &b[3], &tail) != 4 || b[0] > 255 ||
        b[1] > 255 || b[2] > 255 || b[3] > 255)
        return false;
    *a = b[0] << 24 | b[1] << 16 | b[2] << 8 | b[3];
    return true;
}

/* Splits a line into at most n words (in place). */
static int
words(char *s, char **w, int n)
{
    int k = 0;
    char *save = NULL, *t;

    for (t = strtok_r(s, " \t", &save); t && k < n; t = strtok_r(NULL, " \t", &save))
        w[k++] = t;
    return k;
}

/* "permit|deny any|host A|A [W] [log]" -> ace. 0 ok, -1 not a standard ACE,
 * 1 a remark (skip). */
static int
parse_ace(char **w, int n, const char *text, struct ace *e)
{
    uint32_t wc = 0;
    int len;

    if (n >= 1 && !strcmp(w[0], "remark"))
        return 1;
    if (n < 2 || (strcmp(w[0], "permit") && strcmp(w[0], "deny")))
        return -1;
    memset(e, 0, sizeof(*e));
    e->permit = w[0][0] == 'p';
    e->text = text;
    if (!strcmp(w[1], "any")) {
        e->any = true;
        return 0;
    }
    if (!strcmp(w[1], "host")) {
        if (n < 3 || !parse_ip(w[2], &e->addr))
            return -1;
        e->len = 32;
        return 0;
    }
    if (!parse_ip(w[1], &e->addr))
        return -1;
    if (n >= 3 && strcmp(w[2], "log") && !parse_ip(w[2], &wc))
        return -1;
    len = wildcard_len(wc);
    if (len < 0) {
        /* a permit we cannot express is left out (less access); a deny is
         * widened to its enclosing prefix (also less access) */
        if (e->permit)
            return -1;
        len = wildcard_cover_len(wc);
    }
    e->len = len;
    e->addr &= len ? ~0u << (32 - len) : 0;
    return 0;
}

static bool
acl_is_standard_number(const char *acl)
{
    char *end;
    long n = strtol(acl, &end, 10);

    return !*end && ((n >= 1 && n <= 99) || (n >= 1300 && n <= 1999));
}

/* Collects the entries of a standard ACL from the opaque global lines.
 * Returns the count, or -1 when the ACL is not defined as a standard ACL
 * (extended, missing) and so cannot be applied faithfully. */
static int
find_acl(const struct cfg *c, const char *acl, struct ace *out, int max, int *skipped)
{
    bool numbered = acl_is_standard_number(acl), in_named = false, found = false;
    size_t i;
    int n = 0;

    *skipped = 0;
    for (i = 0; i < c->global_opaque.n; i++) {
        const char *text = c->global_opaque.v[i].text;
        char buf[512], *w[8];
        int k, rc;
        struct ace e;

        if (!text)
            continue;
        snprintf(buf, sizeof(buf), "%s", text);
        if (text[0] != ' ' && text[0] != '\t')
            in_named = false;
        k = words(buf, w, 8);
        if (k == 0)
            continue;
        if (numbered && k >= 3 && !strcmp(w[0], "access-list") && !strcmp(w[1], acl)) {
            found = true;
            rc = parse_ace(w + 2, k - 2, text, &e);
        } else if (!numbered && k >= 4 && !strcmp(w[0], "ip") && !strcmp(w[1], "access-list") &&
                   !strcmp(w[3], acl)) {
            if (strcmp(w[2], "standard"))
                return -1; /* extended: not an SNMP source filter */
            in_named = found = true;
            continue;
        } else if (in_named) {
            char **ww = w;
            int kk = k;
            if (kk > 1 && strspn(ww[0], "0123456789") == strlen(ww[0])) {
                ww++; /* sequence number */
                kk--;
            }
            rc = parse_ace(ww, kk, text, &e);
        } else {
            continue;
        }
        if (rc == 1)
            continue;
        if (rc < 0 || n == max) {
            (*skipped)++;
            continue;
        }
        out[n++] = e;
    }
    return found ? n : -1;
}

/* Community names go into snmpd.conf as one token: quote when needed. */
static void
put_token(struct strbuf *out, const char *s)
{
    const char *p;

    for (p = s; *p; p++)
        if (*p <= ' ' || *p == '#' || *p == '"' || *p == '\\' || *p > '~')
            break;
    if (!*p) {
        sb_puts(out, s);
        return;
    }
    sb_putc(out, '"');
    for (p = s; *p; p++) {
        if (*p == '"' || *p == '\\')
            sb_putc(out, '\\');
        sb_putc(out, *p);
    }
    sb_putc(out, '"');
}

static void
put_source(struct strbuf *out, const struct ace *e)
{
    if (e->any)
        sb_puts(out, "default");
    else
        sb_printf(out, "%u.%u.%u.%u/%d", e->addr >> 24, (e->addr >> 16) & 255, (e->addr >> 8) & 255,
                  e->addr & 255, e->len);
}

static int
render_community(struct strbuf *out, const struct cfg *c, size_t i)
{
    const struct cfg_community *cm = &c->comms[i];
    struct ace aces[MAX_ACES];
    int n, k, skipped = 0, permits = 0;

    sb_printf(out, "# snmp-server community %s %s%s%s\n", cm->name, cm->rw ? "RW" : "RO",
              cm->acl ? " " : "", cm->acl ? cm->acl : "");
    if (strchr(cm->name, '"') || strchr(cm->name, '\\')) {
        sb_puts(out, "#   not enabled: the name has a character snmpd cannot read back\n");
        return 1;
    }
    if (cm->acl) {
        n = find_acl(c, cm->acl, aces, MAX_ACES, &skipped);
        if (n < 0) {
            sb_printf(out,
                      "#   not enabled: access-list %s is not a standard access list of this "
                      "configuration\n",
                      cm->acl);
            return 1;
        }
        if (skipped)
            sb_printf(out, "#   %d entr%s of access-list %s left out (not a host/network match)\n",
                      skipped, skipped == 1 ? "y" : "ies", cm->acl);
    } else {
        aces[0] = (struct ace){.permit = true, .any = true, .text = NULL};
        n = 1;
    }
    for (k = 0; k < n; k++) {
        /* snmpd has no end-of-line comments: the ACE goes on its own line */
        if (aces[k].text)
            sb_printf(out, "#   %s\n", aces[k].text[0] == ' ' ? aces[k].text + 1 : aces[k].text);
        sb_printf(out, "com2sec dmvpn_c%zu_%s ", i + 1, aces[k].permit ? "ok" : "no");
        put_source(out, &aces[k]);
        sb_putc(out, ' ');
        put_token(out, cm->name);
        sb_putc(out, '\n');
        permits += aces[k].permit;
    }
    if (!permits) {
        sb_puts(out, "#   no source is permitted: the community answers nobody\n");
        return skipped ? 1 : 0;
    }
    sb_printf(out, "group dmvpn_c%zu v1 dmvpn_c%zu_ok\n", i + 1, i + 1);
    sb_printf(out, "group dmvpn_c%zu v2c dmvpn_c%zu_ok\n", i + 1, i + 1);
    sb_printf(out, "access dmvpn_c%zu \"\" any noauth exact dmvpn_all %s none\n", i + 1,
              cm->rw ? "dmvpn_all" : "none");
    return skipped ? 1 : 0;
}

int
sn_conf_render(struct strbuf *out, const struct cfg *c, const struct sn_conf_opts *o)
{
    size_t i;
    int bad = 0;

    sb_puts(out, "# snmpd.conf generated by dmvpn-snmp --snmpd-conf from the IOS configuration\n"
                 "# (snmp-server lines). Regenerated on every start: edit the IOS config.\n"
                 "# Run snmpd with -C -c THIS_FILE so no other snmpd.conf adds access.\n");
    sb_printf(out, "agentAddress %s\n", o && o->agent_address ? o->agent_address : "udp:161");
    if (o && o->module_path) {
        /* the tables in snmpd itself: a GETBULK repetition is a function
         * call, not an AgentX round trip (docs/PERFORMANCE.md) */
        sb_printf(out, "dlmod dmvpn_snmp %s\n", o->module_path);
        if (o->ctl_socket)
            sb_printf(out, "dmvpnControlSocket %s\n", o->ctl_socket);
        if (o->cache_ms > 0)
            sb_printf(out, "dmvpnCacheMs %ld\n", o->cache_ms);
    } else {
        sb_puts(out, "master agentx\n");
        if (o && o->agentx_socket)
            sb_printf(out, "agentXSocket unix:%s\n", o->agentx_socket);
        /* only root (dmvpn-snmp) may register subtrees */
        sb_puts(out, "agentXPerms 0600 0700\n");
    }
    /* no log line per request: a walk of a 10,000-row table is many */
    sb_puts(out, "dontLogTCPWrappersConnects yes\n");
    if (c->hostname)
        sb_printf(out, "sysName %s\n", c->hostname);
    if (c->snmp_location)
        sb_printf(out, "sysLocation %s\n", c->snmp_location);
    if (c->snmp_contact)
        sb_printf(out, "sysContact %s\n", c->snmp_contact);
    /* IOS communities see the whole MIB */
    sb_puts(out, "view dmvpn_all included .1\n");
    for (i = 0; i < c->ncomms; i++)
        bad += render_community(out, c, i);
    return bad;
}
