/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * debug eigrp packets [hello|update|query|reply|ack], debug eigrp
 * neighbors, their no/undebug forms and their part of show debugging. Each
 * packet type is a log topic of its own under "eigrp.p" (the EIGRP service
 * publishes every line under its type, daemons/eigrp/eigrp_debug.c), so the
 * session subscribes to what it asked for; like `debug nhrp`, a session sees
 * the debugging it turned on itself.
 */
#include "cli/shell/exec.h"
#include "cli/shell/session.h"
#include "lib/ctl.h"
#include "lib/json.h"

#include <stdio.h>
#include <string.h>

/* the keywords IOS offers that our engine sends or receives, in the order
 * IOS lists them in its confirmation */
static const struct {
    const char *kw, *topic, *name;
} types[] = {
    {"update", "eigrp.p.update", "UPDATE"}, {"query", "eigrp.p.query", "QUERY"},
    {"reply", "eigrp.p.reply", "REPLY"},    {"hello", "eigrp.p.hello", "HELLO"},
    {"ack", "eigrp.p.ack", "ACK"},
};
#define NTYPES   (sizeof(types) / sizeof(types[0]))
#define ALL_PKTS ((1u << NTYPES) - 1)
/* what IOS says for `debug eigrp packets` without a keyword */
#define ALL_TEXT                                                                                   \
    "(UPDATE, REQUEST, QUERY, REPLY, HELLO, IPXSAP, PROBE, ACK, STUB, SIAQUERY, SIAREPLY)"

static int
call(struct session *s, uint16_t type, const char *topic, struct strbuf *out)
{
    struct strbuf r;
    int rc;

    sb_init(&r);
    rc = client_call(&s->cl, type, topic, strlen(topic), &r);
    if (rc > 0)
        sb_printf(out, "%.*s\n", (int)r.len, r.buf);
    sb_free(&r);
    return rc;
}

/* The subscriptions for a set of types: "eigrp.p" for all (request and SIA
 * packets too), else one per type. */
static int
set_pkts(struct session *s, unsigned want, struct strbuf *out)
{
    size_t i;
    int rc;

    if ((rc = call(s, CTL_LOG_UNSUB, "eigrp.p", out)) != 0)
        return rc;
    s->debug_eigrp_pkts = 0;
    if (want == ALL_PKTS) {
        rc = call(s, CTL_LOG_SUB, "eigrp.p", out);
        s->debug_eigrp_pkts = rc == 0 ? ALL_PKTS : 0;
        return rc;
    }
    for (i = 0; i < NTYPES; i++)
        if (want & (1u << i)) {
            if ((rc = call(s, CTL_LOG_SUB, types[i].topic, out)) != 0)
                return rc;
            s->debug_eigrp_pkts |= 1u << i;
        }
    return 0;
}

static void
pkts_list(unsigned mask, struct strbuf *out)
{
    size_t i;
    bool first = true;

    if (mask == ALL_PKTS) {
        sb_puts(out, ALL_TEXT);
        return;
    }
    sb_puts(out, "(");
    for (i = 0; i < NTYPES; i++)
        if (mask & (1u << i)) {
            sb_printf(out, "%s%s", first ? "" : ", ", types[i].name);
            first = false;
        }
    sb_puts(out, ")");
}

int
act_debug_eigrp(struct session *s, const struct cmd_match *m, struct strbuf *out, bool json)
{
    bool off = m->op == OP_NO || exec_has(m, "undebug");
    unsigned mask = ALL_PKTS;
    size_t i;
    int rc;
    (void)json;

    if (exec_has(m, "neighbors")) {
        rc = call(s, off ? CTL_LOG_UNSUB : CTL_LOG_SUB, "eigrp.n", out);
        if (rc == 0) {
            s->debug_eigrp_nbrs = !off;
            sb_printf(out, "EIGRP Neighbors debugging is %s\n", off ? "off" : "on");
        }
        return rc;
    }
    for (i = 0; i < NTYPES; i++)
        if (exec_has(m, types[i].kw))
            mask = 1u << i;
    rc = set_pkts(s, off ? s->debug_eigrp_pkts & ~mask : s->debug_eigrp_pkts | mask, out);
    if (rc != 0)
        return rc;
    if (off && !s->debug_eigrp_pkts) {
        sb_puts(out, "EIGRP Packets debugging is off\n");
    } else {
        sb_puts(out, "EIGRP Packets debugging is on\n    ");
        pkts_list(s->debug_eigrp_pkts, out);
        sb_puts(out, "\n");
    }
    return 0;
}

int
debug_eigrp_off(struct session *s, struct strbuf *out)
{
    int rc = call(s, CTL_LOG_UNSUB, "eigrp", out);

    if (rc == 0)
        s->debug_eigrp_pkts = 0, s->debug_eigrp_nbrs = false;
    return rc;
}

void
debug_eigrp_show(const struct session *s, struct strbuf *out, struct json *j)
{
    size_t i;

    if (j) {
        json_arr_begin(j, "eigrp_packets");
        for (i = 0; i < NTYPES; i++)
            if (s->debug_eigrp_pkts & (1u << i))
                json_str(j, NULL, types[i].kw);
        json_arr_end(j);
        json_bool(j, "eigrp_neighbors", s->debug_eigrp_nbrs);
        return;
    }
    if (!s->debug_eigrp_pkts && !s->debug_eigrp_nbrs)
        return;
    sb_puts(out, "EIGRP:\n");
    if (s->debug_eigrp_pkts) {
        sb_puts(out, "  EIGRP Packets debugging is on\n    ");
        pkts_list(s->debug_eigrp_pkts, out);
        sb_puts(out, "\n");
    }
    if (s->debug_eigrp_nbrs)
        sb_puts(out, "  EIGRP Neighbors debugging is on\n");
}
