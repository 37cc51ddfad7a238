/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The routing service: the config's routing (router bgp|ospf|eigrp, the
 * interfaces' routing lines, prefix-lists, route-maps, the ACLs they use,
 * `ip route`) runs in FRR. Each config change is translated to frr.conf
 * (daemons/routing/frr_conf.c, pure) and, when it differs from what FRR
 * runs, handed to FRR all or nothing (rt_apply.c). Without FRR (no --frr)
 * the service is idle: the data plane keeps installing `ip route` itself.
 * With FRR it also owns NHRP's routes (rt_zebra.c): zebra must install
 * them, so the service, not the data plane, answers the route calls.
 */
#include "daemons/routing/service/rt_int.h"
#include "daemons/routing/frr_conf.h"
#include "lib/evloop.h"
#include "lib/log.h"
#include "lib/mem.h"
#include "lib/inet.h"
#include "lib/rec.h"
#include "lib/req.h"
#include "parsers/cfg.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* FRR needs a file even when the config has no routing: an empty one
 * tells frr-reload.py to remove whatever routing FRR still runs. */
static char *
translate(const struct rt_svc *m, const struct cfg *c)
{
    struct frr_opts o = {.statics = true, .eigrp_own = m->eigrp_own};
    struct frr_notes notes = {0};
    struct strbuf out;

    sb_init(&out);
    frr_conf(c, &o, &out, &notes);
    frr_notes_free(&notes);
    if (!out.len)
        sb_printf(&out, "frr defaults traditional\n%s%s%s!\nend\n", c->hostname ? "hostname " : "",
                  c->hostname ? c->hostname : "", c->hostname ? "\n" : "");
    return out.buf;
}

static enum svc_apply
rt_reconfigure(void *self, const struct cfg *old, const struct cfg *new_,
               const struct cfg_diff *diff)
{
    struct rt_svc *m = self;
    char *text;
    (void)old;
    (void)diff;

    if (!m->enabled)
        return SVC_APPLIED;
    text = translate(m, new_);
    if (m->want && !strcmp(m->want, text)) {
        free(text);
        return SVC_APPLIED;
    }
    free(m->want);
    m->want = text;
    rt_apply_input(m, RT_IN_KICK);
    return SVC_APPLIED;
}

static void
on_timer(void *arg)
{
    struct rt_svc *m = arg;

    if (m->child.pid) {
        m->cnt.timeouts++;
        log_err("routing: %s did not finish in time; stopped",
                m->st == RT_CHECK ? m->vtysh : m->reload);
        rt_child_kill(m);
        rt_child_done(m, false);
        return;
    }
    rt_apply_input(m, RT_IN_TIMER);
}

static void
rt_event(void *self, int type, const void *payload)
{
    rt_zebra_event(self, type, payload);
}

static int
rt_call(void *self, int type, const void *in, void *out)
{
    return rt_zebra_call(self, type, in, out);
}

static void
rt_fini(void *self)
{
    struct rt_svc *m = self;

    rt_zebra_free(m);
    rt_child_kill(m);
    rt_vty_fini(m);
    rt_show_fini(m);
    if (m->timer)
        ev_timer_free(m->timer);
    sb_free(&m->child.out);
    free(m->want);
    free(m->applied);
    free(m->refused);
    free(m->trying);
    free(m);
}

static int
rt_prepare(void *self, uint32_t kind, uint64_t token)
{
    return rt_show_prepare(self, kind, token);
}

static long
rt_snapshot(void *self, uint32_t kind, const char *filter, struct strbuf *out)
{
    (void)filter;
    return rt_show_snapshot(self, kind, out);
}

static bool
has_eigrp(const struct cfg *c)
{
    for (size_t i = 0; c && i < c->nrouters; i++)
        if (c->routers[i].proto == RTR_EIGRP)
            return true;
    return false;
}

/* clear ip bgp {*|A.B.C.D}: bgpd's own clear. Without FRR there is no BGP
 * to clear: IOS's answer when BGP is not running. */
static const uint32_t req_ids[] = {REQ_CLEAR_IP_BGP, 0};
/* clear ip eigrp neighbors too, unless our EIGRP engine runs (its service
 * serves it then): eigrpd's own clear, nothing to do without FRR. */
static const uint32_t req_ids_eigrpd[] = {REQ_CLEAR_IP_BGP, REQ_CLEAR_IP_EIGRP, 0};

static int
clear_eigrp(struct rt_svc *m, struct strbuf *reply)
{
    struct strbuf out;
    int st;

    if (!m->enabled)
        return 0;
    sb_init(&out);
    st = rt_vty_now(m, "eigrpd", "clear ip eigrp neighbors", &out, 5000);
    sb_free(&out);
    if (st < 0 && has_eigrp(host_running(m->h))) {
        req_err_failed(reply, "% Command failed");
        return -1;
    }
    return 0;
}

static int
rt_request(void *self, const struct req *r, struct strbuf *reply)
{
    struct rt_svc *m = self;
    struct strbuf out;
    char cmd[64], a[16];
    int st;

    if (r->id == REQ_CLEAR_IP_EIGRP)
        return clear_eigrp(m, reply);
    if (!m->enabled) {
        req_err_failed(reply, "% BGP not active");
        return -1;
    }
    snprintf(cmd, sizeof cmd, "clear ip bgp %s", r->nvals ? inet_fmt4(r->vals[0].u32, a) : "*");
    sb_init(&out);
    st = rt_vty_now(m, "bgpd", cmd, &out, 5000);
    if (st < 0 || (st == 0 && strstr(out.buf ? out.buf : "", "not active"))) {
        req_err_failed(reply, "% BGP not active");
        sb_free(&out);
        return -1;
    }
    if (st != 0 || (out.len && strstr(out.buf, "No such neighbor"))) {
        req_err_failed(reply, "% No such neighbor");
        sb_free(&out);
        return -1;
    }
    sb_free(&out);
    return 0;
}

/* The routing shows; without FRR the service declares none of them (the
 * data plane answers show ip route from the kernel, and show ip bgp finds
 * no owner: "% BGP not active"). */
static const uint32_t frr_kinds[] = {REC_ROUTE,
                                     REC_BGP_GLOBAL,
                                     REC_BGP_NEIGHBOR,
                                     REC_BGP_LISTEN_RANGE,
                                     REC_BGP_PATH,
                                     REC_OSPF_NEIGHBOR,
                                     REC_OSPF_IFACE,
                                     REC_EIGRP_NEIGHBOR,
                                     REC_RT_PROTO,
                                     REC_RT_PROTO_ITEM,
                                     REC_EIGRP_TOPO,
                                     REC_BGP_NBR_DETAIL,
                                     0};
/* With our EIGRP engine (eigrp_own) its service answers the EIGRP shows;
 * eigrpd does not run, and the host takes one owner per kind. */
static const uint32_t frr_kinds_eigrp_own[] = {REC_ROUTE,
                                               REC_BGP_GLOBAL,
                                               REC_BGP_NEIGHBOR,
                                               REC_BGP_LISTEN_RANGE,
                                               REC_BGP_PATH,
                                               REC_OSPF_NEIGHBOR,
                                               REC_OSPF_IFACE,
                                               REC_RT_PROTO,
                                               REC_RT_PROTO_ITEM,
                                               REC_BGP_NBR_DETAIL,
                                               0};

const struct service rt_service = {
    .name = "routing",
    .reconfigure = rt_reconfigure,
    .snapshot = rt_snapshot,
    .prepare = rt_prepare,
    .request = rt_request,
    .req_ids = req_ids,
    .fini = rt_fini,
};

void
rt_svc_register(struct host *h, const struct rt_opts *o)
{
    struct rt_svc *m = mem_zalloc(sizeof(*m));
    struct service s = rt_service;
    const char *base = o->etc_base ? o->etc_base : "/etc/frr";

    m->h = h;
    m->child.outfd = m->child.pidfd = -1;
    sb_init(&m->child.out);
    m->enabled = o->pathspace != NULL;
    m->eigrp_own = o->eigrp_own;
    m->pathspace = o->pathspace ? o->pathspace : "";
    m->vtysh = o->vtysh ? o->vtysh : "/usr/bin/vtysh";
    m->reload = o->reload ? o->reload : "/usr/lib/frr/frr-reload.py";
    if (strchr(m->pathspace, '/') ||
        (size_t)snprintf(m->etc_dir, sizeof m->etc_dir, "%s%s%s", base, *m->pathspace ? "/" : "",
                         m->pathspace) >= sizeof m->etc_dir) {
        log_err("routing: FRR pathspace `%s' is not a name; routing stays off", m->pathspace);
        m->enabled = false;
    }
    if (!frr_run_dir(o->run_base, m->pathspace, m->run_dir, sizeof m->run_dir))
        m->enabled = false;
    snprintf(m->conf, sizeof m->conf, "%s/frr.conf", m->etc_dir);
    snprintf(m->conf_new, sizeof m->conf_new, "%s/frr.conf.dmvpnd", m->etc_dir);
    m->timer = ev_timer_new(host_ev(h), on_timer, m);
    rt_vty_init(m);
    if (m->enabled) {
        s.rec_kinds = m->eigrp_own ? frr_kinds_eigrp_own : frr_kinds;
        log_info("routing: FRR in %s drives the config's routing", m->etc_dir);
    }
    /* the data plane was told the same (dps_register): exactly one of us
     * answers NHRP's route calls, even when the pathspace is unusable */
    /* the EIGRP service runs our engine exactly when both are given
     * (modules.c) */
    if (!(o->eigrp_own && o->pathspace))
        s.req_ids = req_ids_eigrpd;
    if (o->pathspace) {
        s.consumes = rt_zebra_consumes;
        s.answers = rt_zebra_answers;
        s.event = rt_event;
        s.call = rt_call;
        rt_zebra_start(m, o->zapi_env);
    }
    host_register(h, &s, m);
}
