/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * End-to-end check of the VICI client and the translator against two real
 * charons (run.sh starts them in namespaces vc<pid>-a and vc<pid>-b). With our
 * client only: load the translated keys and connections of a hub (A) and a spoke
 * (B), show that a wrong PSK gives no SA, initiate with the right one and
 * assert the IKE/CHILD SA charon reports (IKEv1, established, GRE host
 * selectors, SPIs), check a second cloud with AES/SHA-256/PFS and transport
 * mode asked, then restart A's charon and watch the client reconnect,
 * reload and carry a new SA. Prints timings; exits non-zero on the first
 * failed expectation.
 *
 *   ipsec_e2e conf SOCKET                 print a node's strongswan.conf
 *   ipsec_e2e run SOCK_A SOCK_B CFGDIR STOP_A_CMD START_A_CMD
 */
#include "daemons/ipsec/ipsec_cmds.h"
#include "daemons/ipsec/ipsec_state.h"
#include "daemons/ipsec/translate.h"
#include "daemons/ipsec/vici_client.h"
#include "lib/log.h"
#include "lib/strbuf.h"
#include "lib/vici.h"
#include "parsers/parse.h"

#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define CHECK(cond, ...)                                                                           \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "FAIL %s:%d: %s: ", __FILE__, __LINE__, #cond);                        \
            fprintf(stderr, __VA_ARGS__);                                                          \
            fputc('\n', stderr);                                                                   \
            exit(1);                                                                               \
        }                                                                                          \
    } while (0)

struct node {
    const char *name;
    struct ipsec_vici *v;
    struct ipsec_xlate x[2];
    const char *wrong_psk; /* when set, load-shared sends this key instead */
    int ups, downs, loads_pending, load_failures;
    int ike_up, child_up;
    uint64_t t_down, t_up;
};

static struct node nodes[2];
static const char *capture_dir; /* VC_CAPTURE: write every frame received */
static unsigned capture_seq;

static void
capture(void *arg, int which, bool in, const uint8_t *frame, size_t len)
{
    struct node *n = arg;
    char path[4096];
    FILE *f;

    if (!capture_dir || !in)
        return;
    snprintf(path, sizeof(path), "%s/%03u-%c-%s.bin", capture_dir, capture_seq++, n->name[0],
             which ? "evt" : "cmd");
    if ((f = fopen(path, "wb"))) {
        fwrite(frame, 1, len, f);
        fclose(f);
    }
}

static uint64_t
now_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

/* ---- the loop a daemon would run ---- */

static void
pump(int max_ms)
{
    struct pollfd pfd[4];
    struct ipsec_vici_pollfd vp[2];
    struct ipsec_vici *owner[4];
    uint64_t t = now_ms(), dl = t + (uint64_t)max_ms;
    size_t n = 0, k, i;
    int to;

    for (i = 0; i < 2; i++) {
        uint64_t d = ipsec_vici_next_deadline(nodes[i].v);
        if (d < dl)
            dl = d;
        k = ipsec_vici_pollfds(nodes[i].v, vp);
        while (k--) {
            pfd[n] = (struct pollfd){.fd = vp[k].fd, .events = vp[k].events};
            owner[n++] = nodes[i].v;
        }
    }
    to = dl > t ? (int)(dl - t) : 0;
    if (poll(pfd, n, to) < 0)
        return;
    for (i = 0; i < n; i++) {
        if (pfd[i].revents & (POLLIN | POLLHUP | POLLERR))
            ipsec_vici_on_readable(owner[i], pfd[i].fd);
        /* the fd may have been closed by the read: look it up again */
        if (pfd[i].revents & POLLOUT)
            ipsec_vici_on_writable(owner[i], pfd[i].fd);
    }
    for (i = 0; i < 2; i++)
        if (ipsec_vici_next_deadline(nodes[i].v) <= now_ms())
            ipsec_vici_on_timer(nodes[i].v);
}

static bool
wait_until(bool (*pred)(void), int timeout_ms)
{
    uint64_t end = now_ms() + (uint64_t)timeout_ms;

    while (!pred()) {
        if (now_ms() >= end)
            return false;
        pump(50);
    }
    return true;
}

/* ---- synchronous commands on top of the callbacks ---- */

struct call {
    bool done;
    enum ipsec_vici_status st;
    struct vici_msg *reply;
    struct ipsec_sa_list sas;
    struct ipsec_conn_list conns;
};

static struct vici_msg *
dup_msg(const struct vici_msg *m)
{
    struct strbuf sb;
    struct vici_msg *d;

    sb_init(&sb);
    vici_msg_encode(m, &sb);
    d = vici_msg_parse((const uint8_t *)sb.buf, sb.len, NULL, 0);
    sb_free(&sb);
    return d;
}

static void
call_stream(void *arg, const char *event, const struct vici_msg *msg)
{
    struct call *c = arg;

    if (strcmp(event, "list-sa") == 0)
        ipsec_sa_list_add(&c->sas, msg);
    else if (strcmp(event, "list-conn") == 0)
        ipsec_conn_list_add(&c->conns, msg);
}

static void
call_done(void *arg, enum ipsec_vici_status st, const struct vici_msg *reply)
{
    struct call *c = arg;

    c->done = true;
    c->st = st;
    c->reply = reply ? dup_msg(reply) : NULL;
}

static struct call *cur_call;

static bool
call_finished(void)
{
    return cur_call->done;
}

static struct call *
call(struct node *n, const char *cmd, struct vici_msg *req, int timeout_ms)
{
    struct call *c = calloc(1, sizeof(*c));
    int rc =
        ipsec_vici_submit(n->v, cmd, req, (uint32_t)timeout_ms + 2000, call_stream, call_done, c);

    vici_msg_free(req);
    CHECK(rc == 0, "%s: submit %s: %d", n->name, cmd, rc);
    cur_call = c;
    CHECK(wait_until(call_finished, timeout_ms + 3000), "%s: %s did not complete", n->name, cmd);
    CHECK(c->st == IPSEC_VICI_OK, "%s: %s: %s", n->name, cmd, ipsec_vici_status_name(c->st));
    return c;
}

static void
call_free(struct call *c)
{
    vici_msg_free(c->reply);
    ipsec_sa_list_free(&c->sas);
    ipsec_conn_list_free(&c->conns);
    free(c);
}

/* ---- node callbacks: what the daemon would do ---- */

static void
load_done(void *arg, enum ipsec_vici_status st, const struct vici_msg *reply)
{
    struct node *n = arg;
    char err[256];

    n->loads_pending--;
    if (st != IPSEC_VICI_OK || !ipsec_reply_ok(reply, err, sizeof(err))) {
        n->load_failures++;
        fprintf(stderr, "%s: load failed: %s %s\n", n->name, ipsec_vici_status_name(st),
                st == IPSEC_VICI_OK ? err : "");
    }
}

static void
load_shared(struct node *n, const struct ipsec_shared *s, const char *key)
{
    struct vici_msg *m = vici_msg_new();
    const struct vici_node *r = vici_msg_root(s->msg), *c;

    /* Same message, possibly another key (the wrong-PSK case). */
    for (c = vici_node_first(r); c; c = vici_node_next(c)) {
        if (vici_node_kind(c) == VICI_N_LIST) {
            const struct vici_node *i;
            vici_msg_list_begin(m, vici_node_name(c));
            for (i = vici_node_first(c); i; i = vici_node_next(i))
                vici_msg_list_item(m, vici_node_value(i, NULL));
            vici_msg_list_end(m);
        } else if (strcmp(vici_node_name(c), "data") == 0 && key) {
            vici_msg_kv(m, "data", key);
        } else {
            vici_msg_kv(m, vici_node_name(c), vici_node_value(c, NULL));
        }
    }
    CHECK(ipsec_vici_submit(n->v, "load-shared", m, 0, NULL, load_done, n) == 0, "submit");
    n->loads_pending++;
    vici_msg_free(m);
}

static void
load_all(struct node *n)
{
    size_t k, i;

    for (k = 0; k < 2; k++) {
        for (i = 0; i < n->x[k].nshared; i++)
            load_shared(n, &n->x[k].shared[i], k == 0 ? n->wrong_psk : NULL);
        for (i = 0; i < n->x[k].nconns; i++) {
            CHECK(ipsec_vici_submit(n->v, "load-conn", n->x[k].conns[i].msg, 0, NULL, load_done,
                                    n) == 0,
                  "submit load-conn");
            n->loads_pending++;
        }
    }
}

static void
on_up(void *arg)
{
    struct node *n = arg;

    n->ups++;
    n->t_up = now_ms();
    load_all(n); /* a (re)started charon knows nothing */
}

static void
on_down(void *arg)
{
    struct node *n = arg;

    n->downs++;
    n->t_down = now_ms();
}

static void
on_event(void *arg, const char *name, const struct vici_msg *msg)
{
    struct node *n = arg;

    if (strcmp(name, "ike-updown") == 0 && ipsec_event_up(msg))
        n->ike_up++;
    if (strcmp(name, "child-updown") == 0 && ipsec_event_up(msg))
        n->child_up++;
}

static void
translate(struct node *n, int k, const char *path)
{
    struct cfg_parse *p = cfg_parse_file(path);
    struct ipsec_xlate_opts o = {.kernel_ipsec = false};

    CHECK(p && p->counts[CLS_INVALID] == 0, "cannot parse %s", path);
    ipsec_xlate_config(p->cfg, &o, &n->x[k]);
    cfg_parse_free(p);
}

/* ---- assertions on list-sas ---- */

static bool
both_loaded(void)
{
    return nodes[0].ups > 0 && nodes[1].ups > 0 && !nodes[0].loads_pending &&
           !nodes[1].loads_pending;
}

static const struct ipsec_child_sa *
established(const struct ipsec_sa_list *l, const char *ike_name, const struct ipsec_ike_sa **ike)
{
    size_t i;

    for (i = 0; i < l->nchild; i++) {
        const struct ipsec_ike_sa *is = &l->ike[l->child[i].ike];
        if (is->state == IPSEC_IKE_ESTABLISHED && l->child[i].state == IPSEC_CHILD_INSTALLED &&
            (!ike_name || strcmp(is->name, ike_name) == 0)) {
            *ike = is;
            return &l->child[i];
        }
    }
    return NULL;
}

static struct call *
list_sas(struct node *n, const char *conn)
{
    return call(n, "list-sas", ipsec_cmd_list_sas(conn, true), 5000);
}

static void
expect_sa(struct node *n, const char *conn, bool initiator, const char *lts, const char *rts,
          const char *encr, uint32_t ks, const char *integ, const char *ike_dh,
          const char *child_dh)
{
    struct call *c = list_sas(n, conn);
    const struct ipsec_ike_sa *is = NULL;
    const struct ipsec_child_sa *cs = established(&c->sas, conn, &is);
    uint64_t end = now_ms() + 3000;

    /* An IKEv1 responder installs its CHILD SA when quick mode's third
     * message arrives, which may be after the initiator's initiate returned. */
    while (!cs && now_ms() < end) {
        call_free(c);
        pump(50);
        c = list_sas(n, conn);
        cs = established(&c->sas, conn, &is);
    }
    CHECK(cs, "%s: no established SA for %s (%zu IKE SAs)", n->name, conn, c->sas.nike);
    CHECK(is->version == 1, "%s: IKE version %u", n->name, is->version);
    CHECK(is->initiator == initiator, "%s: initiator %d", n->name, is->initiator);
    CHECK(is->initiator_spi && is->responder_spi, "%s: IKE cookies zero", n->name);
    CHECK(is->local_port == 500 || is->local_port == 4500, "%s: local port %u", n->name,
          is->local_port);
    CHECK(!strcmp(is->encr_alg, encr) && is->encr_keysize == ks, "%s: IKE encr %s %u", n->name,
          is->encr_alg, is->encr_keysize);
    CHECK(!strcmp(is->integ_alg, integ), "%s: IKE integ %s", n->name, is->integ_alg);
    CHECK(!strcmp(is->dh_group, ike_dh), "%s: IKE dh %s", n->name, is->dh_group);
    CHECK(is->has_established, "%s: no established time", n->name);
    CHECK(cs->spi_in && cs->spi_out && cs->spi_in != cs->spi_out, "%s: SPIs %08x %08x", n->name,
          cs->spi_in, cs->spi_out);
    CHECK(!strcmp(cs->protocol, "ESP"), "%s: protocol %s", n->name, cs->protocol);
    CHECK(!strcmp(cs->mode, "TUNNEL"), "%s: mode %s", n->name, cs->mode);
    CHECK(!strcmp(cs->encr_alg, encr) && cs->encr_keysize == ks, "%s: ESP encr %s", n->name,
          cs->encr_alg);
    CHECK(!strcmp(cs->integ_alg, integ), "%s: ESP integ %s", n->name, cs->integ_alg);
    CHECK(!strcmp(cs->dh_group, child_dh), "%s: ESP dh '%s'", n->name, cs->dh_group);
    CHECK(cs->nlocal_ts == 1 && !strcmp(cs->local_ts[0].text, lts) && cs->local_ts[0].proto == 47,
          "%s: local_ts %s", n->name, cs->nlocal_ts ? cs->local_ts[0].text : "-");
    CHECK(cs->nremote_ts == 1 && !strcmp(cs->remote_ts[0].text, rts), "%s: remote_ts %s", n->name,
          cs->nremote_ts ? cs->remote_ts[0].text : "-");
    CHECK(cs->has_life_time && cs->has_rekey_time, "%s: no CHILD lifetimes", n->name);
    printf("%s: %s IKEv%u %s %s<->%s %s-%u/%s/%s, CHILD %s spi %08x/%08x %s%s, life %llds\n",
           n->name, is->name, is->version, is->state_name, is->local_host, is->remote_host,
           is->encr_alg, is->encr_keysize, is->integ_alg, is->dh_group, cs->state_name, cs->spi_in,
           cs->spi_out, cs->mode, cs->encap ? " UDP-encap" : "", (long long)cs->life_time);
    call_free(c);
}

static bool
no_sa_established(struct node *n)
{
    struct call *c = list_sas(n, NULL);
    const struct ipsec_ike_sa *is;
    bool none = established(&c->sas, NULL, &is) == NULL;

    call_free(c);
    return none;
}

static void
terminate_all(struct node *n, const char *conn)
{
    struct call *c = call(n, "terminate", ipsec_cmd_terminate_ike(conn, 0, true, 2000), 3000);

    call_free(c); /* "no matching SA" is fine */
}

static uint64_t
initiate(struct node *n, const char *conn, int timeout_ms, bool expect_ok)
{
    uint64_t t0 = now_ms();
    struct call *c = call(n, "initiate", ipsec_cmd_initiate(conn, timeout_ms), timeout_ms);
    char err[256] = "";
    bool ok = ipsec_reply_ok(c->reply, err, sizeof(err));

    CHECK(ok == expect_ok, "%s: initiate %s: %s (expected %s)", n->name, conn, ok ? "success" : err,
          expect_ok ? "success" : "failure");
    call_free(c);
    return now_ms() - t0;
}

static bool
a_down(void)
{
    return nodes[0].downs > 0;
}

static bool
never(void)
{
    return false;
}

static bool
a_restarted(void)
{
    return nodes[0].downs > 0 && nodes[0].ups > 1 && !nodes[0].loads_pending;
}

static bool
b_child_up(void)
{
    return nodes[0].child_up > 0;
}

static int
run(char **argv)
{
    const char *dir = argv[2];
    char path[4096];
    uint64_t t, dt, attempts;
    int i;

    for (i = 0; i < 2; i++) {
        struct ipsec_vici_conf vc = {.path = argv[i],
                                     .backoff_min_ms = 50,
                                     .backoff_max_ms = 400,
                                     .request_timeout_ms = 5000};
        struct ipsec_vici_cbs cb = {
            .arg = &nodes[i], .on_up = on_up, .on_down = on_down, .on_event = on_event};
        struct ipsec_vici_env env = {.arg = &nodes[i], .trace = capture};
        nodes[i].name = i ? "B(spoke)" : "A(hub)";
        nodes[i].v = ipsec_vici_new(&vc, &cb, &env);
    }
    snprintf(path, sizeof(path), "%s/hub.cfg", dir);
    translate(&nodes[0], 0, path);
    snprintf(path, sizeof(path), "%s/modern-hub.cfg", dir);
    translate(&nodes[0], 1, path);
    snprintf(path, sizeof(path), "%s/spoke.cfg", dir);
    translate(&nodes[1], 0, path);
    snprintf(path, sizeof(path), "%s/modern-spoke.cfg", dir);
    translate(&nodes[1], 1, path);
    nodes[1].wrong_psk = "not-the-key";

    t = now_ms();
    ipsec_vici_start(nodes[0].v);
    ipsec_vici_start(nodes[1].v);
    CHECK(wait_until(both_loaded, 10000), "sessions not up / loads pending (A %s, B %s)",
          ipsec_vici_state_name(ipsec_vici_state(nodes[0].v)),
          ipsec_vici_state_name(ipsec_vici_state(nodes[1].v)));
    CHECK(!nodes[0].load_failures && !nodes[1].load_failures, "charon refused a load");
    printf("connected and loaded %zu+%zu / %zu+%zu messages in %llu ms\n",
           nodes[0].x[0].nshared + nodes[0].x[0].nconns,
           nodes[0].x[1].nshared + nodes[0].x[1].nconns,
           nodes[1].x[0].nshared + nodes[1].x[0].nconns,
           nodes[1].x[1].nshared + nodes[1].x[1].nconns, (unsigned long long)(now_ms() - t));
    {
        struct call *c = call(&nodes[0], "version", NULL, 2000);
        struct ipsec_version v;
        CHECK(ipsec_parse_version(c->reply, &v), "version reply");
        printf("charon: %s %s (%s %s)\n", v.daemon, v.version, v.sysname, v.release);
        call_free(c);
        c = call(&nodes[0], "stats", NULL, 2000);
        {
            struct ipsec_stats st;
            size_t k;
            bool vici = false;
            CHECK(ipsec_parse_stats(c->reply, &st), "stats reply");
            for (k = 0; k < st.nplugins; k++)
                vici |= !strcmp(st.plugins[k], "vici");
            CHECK(vici && st.workers_total > 0, "stats: %zu plugins, %llu workers", st.nplugins,
                  (unsigned long long)st.workers_total);
            printf("charon stats: up %s, %llu workers, %zu plugins, %llu IKE SAs\n", st.running,
                   (unsigned long long)st.workers_total, st.nplugins,
                   (unsigned long long)st.ikesas_total);
        }
        call_free(c);
        c = call(&nodes[0], "list-conns", NULL, 2000);
        CHECK(c->conns.n == 2, "A has %zu conns", c->conns.n);
        CHECK(!strcmp(c->conns.v[0].name, "Tunnel0-any") && !strcmp(c->conns.v[0].version, "IKEv1"),
              "A conn %s %s", c->conns.v[0].name, c->conns.v[0].version);
        call_free(c);
    }

    /* 1. Wrong PSK on B: no SA. */
    dt = initiate(&nodes[1], "Tunnel0-202.1.1.1", 3000, false);
    CHECK(no_sa_established(&nodes[0]) && no_sa_established(&nodes[1]), "SA with a wrong PSK");
    printf("wrong PSK: initiate failed after %llu ms, no SA on either side\n",
           (unsigned long long)dt);
    terminate_all(&nodes[1], "Tunnel0-202.1.1.1");
    terminate_all(&nodes[0], "Tunnel0-any");

    /* 2. Right PSK: IKEv1 main mode + quick mode. */
    nodes[1].wrong_psk = NULL;
    load_shared(&nodes[1], &nodes[1].x[0].shared[0], NULL);
    CHECK(wait_until(both_loaded, 3000) && !nodes[1].load_failures, "reload PSK");
    dt = initiate(&nodes[1], "Tunnel0-202.1.1.1", 10000, true);
    printf("initiate Tunnel0-202.1.1.1: IKE + CHILD SA in %llu ms\n", (unsigned long long)dt);
    CHECK(wait_until(b_child_up, 3000), "no child-updown event on A");
    expect_sa(&nodes[1], "Tunnel0-202.1.1.1", true, "202.1.1.2/32[gre]", "202.1.1.1/32[gre]",
              "3DES_CBC", 0, "HMAC_MD5_96", "MODP_1024", "");
    expect_sa(&nodes[0], "Tunnel0-any", false, "202.1.1.1/32[gre]", "202.1.1.2/32[gre]", "3DES_CBC",
              0, "HMAC_MD5_96", "MODP_1024", "");

    /* 3. Second cloud: aes256-sha256-modp2048, PFS group 14. */
    dt = initiate(&nodes[1], "Tunnel1-202.1.2.1", 10000, true);
    printf("initiate Tunnel1-202.1.2.1: IKE + CHILD SA in %llu ms\n", (unsigned long long)dt);
    expect_sa(&nodes[1], "Tunnel1-202.1.2.1", true, "202.1.2.2/32[gre]", "202.1.2.1/32[gre]",
              "AES_CBC", 256, "HMAC_SHA2_256_128", "MODP_2048", "MODP_2048");
    expect_sa(&nodes[0], "Tunnel1-any", false, "202.1.2.1/32[gre]", "202.1.2.2/32[gre]", "AES_CBC",
              256, "HMAC_SHA2_256_128", "MODP_2048", "MODP_2048");

    /* 4. charon A stops, stays down a while, starts again: the client sees
     * the session end, keeps retrying with backoff, reconnects and reloads. */
    t = now_ms();
    CHECK(system(argv[3]) == 0, "stop command failed");
    CHECK(wait_until(a_down, 5000), "A: session loss not noticed");
    printf("charon A stopped: session loss seen %llu ms after the stop command began\n",
           (unsigned long long)(nodes[0].t_down - t));
    attempts = ipsec_vici_counters(nodes[0].v)->connect_attempts;
    wait_until(never, 700);
    CHECK(ipsec_vici_state(nodes[0].v) == IPSEC_VICI_DOWN, "A not down");
    attempts = ipsec_vici_counters(nodes[0].v)->connect_attempts - attempts;
    CHECK(attempts >= 2, "only %llu reconnect attempts while charon was down",
          (unsigned long long)attempts);
    t = now_ms();
    CHECK(system(argv[4]) == 0, "start command failed");
    CHECK(wait_until(a_restarted, 15000), "A did not come back (state %s, downs %d ups %d)",
          ipsec_vici_state_name(ipsec_vici_state(nodes[0].v)), nodes[0].downs, nodes[0].ups);
    CHECK(ipsec_vici_state(nodes[0].v) == IPSEC_VICI_READY, "A not ready");
    CHECK(!nodes[0].load_failures, "reload after restart failed");
    printf("while down: %llu failed connect attempts in 700 ms (backoff); after the start "
           "command (%llu ms incl. waiting for the socket) READY and reloaded %llu ms later\n",
           (unsigned long long)attempts, (unsigned long long)(nodes[0].t_up - t),
           (unsigned long long)(now_ms() - nodes[0].t_up));
    {
        struct call *c = call(&nodes[0], "list-conns", NULL, 2000);
        CHECK(c->conns.n == 2, "A has %zu conns after restart", c->conns.n);
        call_free(c);
    }
    terminate_all(&nodes[1], "Tunnel0-202.1.1.1");
    dt = initiate(&nodes[1], "Tunnel0-202.1.1.1", 10000, true);
    expect_sa(&nodes[0], "Tunnel0-any", false, "202.1.1.1/32[gre]", "202.1.1.2/32[gre]", "3DES_CBC",
              0, "HMAC_MD5_96", "MODP_1024", "");
    printf("SA to the restarted charon in %llu ms\n", (unsigned long long)dt);
    for (i = 0; i < 2; i++) {
        const struct ipsec_vici_counters *k = ipsec_vici_counters(nodes[i].v);
        CHECK(!k->bad_frames && !k->bad_packets && !k->bad_messages && !k->unexpected,
              "%s: charon sent something we did not understand", nodes[i].name);
        printf("%s: requests %llu responses %llu events %llu stream events %llu\n", nodes[i].name,
               (unsigned long long)k->requests, (unsigned long long)k->responses,
               (unsigned long long)k->events, (unsigned long long)k->stream_events);
        ipsec_vici_free(nodes[i].v);
        ipsec_xlate_free(&nodes[i].x[0]);
        ipsec_xlate_free(&nodes[i].x[1]);
    }
    printf("PASS\n");
    return 0;
}

int
main(int argc, char **argv)
{
    if (argc == 3 && strcmp(argv[1], "conf") == 0) {
        struct ipsec_charon_conf cc = {.vici_socket = argv[2], .libipsec = true, .log_level = 1};
        struct strbuf sb;
        sb_init(&sb);
        ipsec_charon_conf_render(&sb, &cc);
        fputs(sb.buf, stdout);
        sb_free(&sb);
        return 0;
    }
    if (argc == 7 && strcmp(argv[1], "run") == 0) {
        log_set_level(getenv("VC_DEBUG") ? LOG_LVL_DEBUG : LOG_LVL_NOTICE);
        capture_dir = getenv("VC_CAPTURE");
        return run(argv + 2);
    }
    fprintf(stderr, "usage: ipsec_e2e conf SOCKET | run SOCK_A SOCK_B CFGDIR STOP_A START_A\n");
    return 2;
}
