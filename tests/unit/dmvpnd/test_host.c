/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The service registry and event bus (daemons/dmvpnd/host.c) with small
 * fake services registered on a real struct host: a record kind goes to its
 * one owner (an `overrides` fixture is asked first and may decline), host
 * records are completed only by the services that list the kind in
 * rec_fills, events reach only their consumers, in registration order, with
 * the payload as emitted, a call reaches its one answerer (and is counted
 * when nobody answers), host_check finds events consumed but never emitted
 * and the reverse, reconfigure runs in registration order and counts
 * needs-restart answers, prepare asks only the regular owner, fini runs
 * last registered first. The invariants host_register enforces with
 * fatal() (a kind, a call or a request id claimed twice) are checked in a
 * forked child that must exit non-zero.
 */
#include "daemons/dmvpnd/dmvpnd.h"
#include "daemons/dmvpnd/host.h"
#include "lib/evloop.h"
#include "lib/log.h"
#include "lib/rec.h"
#include "lib/req.h"
#include "parsers/parse.h"

#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

/* Every hook of every fake appends "<name>:<what>" here, so a test sees who
 * was asked and in which order across services. */
static char trace[2048];

static void
note(const char *name, const char *what, long arg)
{
    char one[64];

    snprintf(one, sizeof(one), "%s:%s%ld ", name, what, arg);
    strncat(trace, one, sizeof(trace) - strlen(trace) - 1);
}

/* One fake service's state: what its hooks answer and what they saw. */
struct fake {
    const char *name;
    enum svc_apply apply;
    long snap;          /* records snapshot() reports (-1: declines) */
    int prepare;        /* prepare()'s answer */
    int call_ret;       /* call()'s answer */
    int call_out;       /* written to *out when call_ret is 0 */
    const void *ev_ptr; /* the last event's payload, as received */
    int ev_val;         /* its first int, read inside the hook */
};

static long
f_snapshot(void *self, uint32_t kind, const char *filter, struct strbuf *out)
{
    struct fake *f = self;

    note(f->name, "snap", (long)kind);
    if (f->snap > 0)
        sb_puts(out, f->name);
    return f->snap;
}

static void
f_fill(void *self, uint32_t kind, void *recs, size_t n, size_t size)
{
    struct fake *f = self;

    note(f->name, "fill", (long)kind);
    /* a filler completes records in place: mark each with its first letter */
    for (size_t i = 0; i < n; i++)
        ((char *)recs)[i * size] = f->name[0];
}

static int
f_prepare(void *self, uint32_t kind, uint64_t token)
{
    struct fake *f = self;

    note(f->name, "prep", (long)token);
    return f->prepare;
}

static void
f_event(void *self, int type, const void *payload)
{
    struct fake *f = self;

    note(f->name, "ev", type);
    f->ev_ptr = payload;
    f->ev_val = payload ? *(const int *)payload : -1;
}

static int
f_call(void *self, int type, const void *in, void *out)
{
    struct fake *f = self;

    note(f->name, "call", in ? *(const int *)in : -1);
    if (f->call_ret == 0)
        *(int *)out = f->call_out;
    return f->call_ret;
}

static enum svc_apply
f_reconfigure(void *self, const struct cfg *old, const struct cfg *new_,
              const struct cfg_diff *diff)
{
    struct fake *f = self;

    note(f->name, "reconf", f->apply);
    return f->apply;
}

static void
f_fini(void *self)
{
    note(((struct fake *)self)->name, "fini", 0);
}

/* A service with every hook; the lists are the caller's. */
static struct service
svc(const char *name, const uint32_t *kinds, const uint32_t *fills, const uint16_t *consumes,
    const uint16_t *emits, const uint16_t *answers)
{
    return (struct service){
        .name = name,
        .rec_kinds = kinds,
        .rec_fills = fills,
        .consumes = consumes,
        .emits = emits,
        .answers = answers,
        .reconfigure = f_reconfigure,
        .snapshot = f_snapshot,
        .fill = f_fill,
        .prepare = f_prepare,
        .event = f_event,
        .call = f_call,
        .fini = f_fini,
    };
}

struct env {
    struct dmvpnd d;
    struct host h;
    struct cfg_parse *p;
};

static void
add(struct env *e, struct service s, struct fake *f)
{
    host_register(&e->h, &s, f); /* the host copies s */
}

static int
setup(void **state)
{
    static struct env e;

    memset(&e, 0, sizeof(e));
    e.d.ev = ev_new();
    e.p = cfg_parse_text("", 0);
    e.d.running = e.p->cfg;
    host_init(&e.h, &e.d);
    e.d.host = &e.h;
    trace[0] = '\0';
    *state = &e;
    return 0;
}

static int
teardown(void **state)
{
    struct env *e = *state;

    /* the fakes lived on the test's stack and hold nothing: forget them
     * (test_fini_order runs host_fini while they exist) */
    e->h.n = 0;
    host_fini(&e->h);
    cfg_parse_free(e->p);
    ev_free(e->d.ev);
    return 0;
}

static void
test_record_dispatch(void **state)
{
    struct env *e = *state;
    static const uint32_t k_route[] = {REC_ROUTE, 0}, k_nhrp[] = {REC_NHRP_CACHE, REC_TUNNEL, 0};
    struct fake a = {.name = "A", .snap = 3}, b = {.name = "B", .snap = 5};
    struct fake fx = {.name = "F", .snap = -1};
    struct service fix = svc("F", k_route, NULL, NULL, NULL, NULL);
    struct strbuf sb;

    fix.overrides = true;
    add(e, svc("A", k_route, NULL, NULL, NULL, NULL), &a);
    add(e, svc("B", k_nhrp, NULL, NULL, NULL, NULL), &b);
    host_register(&e->h, &fix, &fx);
    sb_init(&sb);
    /* the fixture is asked first and declines: the regular owner answers */
    assert_int_equal(host_snapshot(&e->h, REC_ROUTE, NULL, &sb), 3);
    assert_string_equal(trace, "F:snap6 A:snap6 ");
    assert_string_equal(sb.buf, "A");
    /* a kind the fixture does not claim goes to its owner alone */
    trace[0] = '\0';
    sb_reset(&sb);
    assert_int_equal(host_snapshot(&e->h, REC_TUNNEL, "Tunnel0", &sb), 5);
    assert_string_equal(trace, "B:snap1 ");
    /* a fixture that has the kind wins, the owner is not asked */
    trace[0] = '\0';
    sb_reset(&sb);
    fx.snap = 2;
    assert_int_equal(host_snapshot(&e->h, REC_ROUTE, NULL, &sb), 2);
    assert_string_equal(trace, "F:snap6 ");
    assert_string_equal(sb.buf, "F");
    /* nobody owns REC_IKE_SA: -1, and nobody was asked */
    trace[0] = '\0';
    assert_int_equal(host_snapshot(&e->h, REC_IKE_SA, NULL, &sb), -1);
    assert_string_equal(trace, "");
    sb_free(&sb);
}

static void
test_snapshot_without_hook(void **state)
{
    struct env *e = *state;
    static const uint32_t k[] = {REC_LOG, 0};
    struct service s = svc("A", k, NULL, NULL, NULL, NULL);
    struct fake a = {.name = "A"};
    struct strbuf sb;

    /* an owner without a snapshot hook is no answer either */
    s.snapshot = NULL;
    host_register(&e->h, &s, &a);
    sb_init(&sb);
    assert_int_equal(host_snapshot(&e->h, REC_LOG, NULL, &sb), -1);
    sb_free(&sb);
}

static void
test_fill(void **state)
{
    struct env *e = *state;
    static const uint32_t f_iface[] = {REC_IFACE, 0}, f_both[] = {REC_SYSTEM, REC_IFACE, 0};
    static const uint32_t k_iface[] = {REC_IFACE, 0};
    struct fake a = {.name = "a"}, b = {.name = "b"}, c = {.name = "c"};
    char recs[3][8];

    add(e, svc("a", NULL, f_iface, NULL, NULL, NULL), &a);
    /* c owns REC_IFACE but does not complete it: not asked to fill */
    add(e, svc("c", k_iface, NULL, NULL, NULL, NULL), &c);
    add(e, svc("b", NULL, f_both, NULL, NULL, NULL), &b);
    memset(recs, '.', sizeof(recs));
    host_fill(&e->h, REC_IFACE, recs, 3, sizeof(recs[0]));
    assert_string_equal(trace, "a:fill10 b:fill10 ");
    /* in registration order: b filled last, so its mark stays */
    assert_int_equal(recs[0][0], 'b');
    assert_int_equal(recs[2][0], 'b');
    assert_int_equal(recs[2][1], '.');
    trace[0] = '\0';
    host_fill(&e->h, REC_SYSTEM, recs, 1, sizeof(recs[0]));
    assert_string_equal(trace, "b:fill12 ");
    trace[0] = '\0';
    host_fill(&e->h, REC_ROUTE, recs, 1, sizeof(recs[0]));
    assert_string_equal(trace, "");
}

static void
test_events(void **state)
{
    struct env *e = *state;
    static const uint16_t c_map[] = {SVC_EV_MAP, 0}, c_map_sa[] = {SVC_EV_SA_STATE, SVC_EV_MAP, 0};
    static const uint16_t c_sa[] = {SVC_EV_SA_STATE, 0};
    struct fake x = {.name = "x"}, y = {.name = "y"}, z = {.name = "z"};
    struct svc_map m = {.tun = 7, .proto = 0x0a000001, .nbma = 0xcb007101};
    uint64_t before;

    add(e, svc("x", NULL, NULL, c_map_sa, NULL, NULL), &x);
    add(e, svc("y", NULL, NULL, c_sa, NULL, NULL), &y);
    add(e, svc("z", NULL, NULL, c_map, NULL, NULL), &z);
    before = e->h.events;
    host_emit(&e->h, SVC_EV_MAP, &m);
    /* only the consumers of MAP, in registration order, y never */
    assert_string_equal(trace, "x:ev6 z:ev6 ");
    assert_ptr_equal(x.ev_ptr, &m);
    assert_ptr_equal(z.ev_ptr, &m);
    assert_int_equal(z.ev_val, 7); /* svc_map starts with tun */
    assert_int_equal(m.proto, 0x0a000001);
    assert_int_equal(m.nbma, 0xcb007101);
    assert_null(y.ev_ptr);
    trace[0] = '\0';
    host_emit(&e->h, SVC_EV_SA_STATE, &(int){3});
    assert_string_equal(trace, "x:ev13 y:ev13 ");
    assert_int_equal(y.ev_val, 3);
    /* an event nobody consumes reaches nobody but is still counted */
    trace[0] = '\0';
    host_emit(&e->h, SVC_EV_NHRP_RX, &(int){1});
    assert_string_equal(trace, "");
    assert_int_equal(e->h.events, before + 3);
    /* types outside the enum are dropped, not counted */
    host_emit(&e->h, SVC_EV_NONE, &(int){1});
    host_emit(&e->h, SVC_EV_COUNT, &(int){1});
    assert_string_equal(trace, "");
    assert_int_equal(e->h.events, before + 3);
}

static void
test_calls(void **state)
{
    struct env *e = *state;
    static const uint16_t a_tun[] = {SVC_CALL_TUNNEL_ID, 0};
    static const uint16_t a_sa[] = {SVC_CALL_SA_LEVEL, SVC_CALL_IPSEC_ENABLED, 0};
    struct fake a = {.name = "a", .call_out = 7}, b = {.name = "b", .call_ret = -1};
    int out = 42;

    add(e, svc("a", NULL, NULL, NULL, NULL, a_tun), &a);
    add(e, svc("b", NULL, NULL, NULL, NULL, a_sa), &b);
    assert_int_equal(host_call(&e->h, SVC_CALL_TUNNEL_ID, &(int){11}, &out), 0);
    assert_int_equal(out, 7);
    assert_string_equal(trace, "a:call11 ");
    /* the answerer's "cannot answer" comes back as is, out untouched; it
     * is not an unanswered call */
    trace[0] = '\0';
    out = 42;
    assert_int_equal(host_call(&e->h, SVC_CALL_SA_LEVEL, &(int){12}, &out), -1);
    assert_int_equal(out, 42);
    assert_string_equal(trace, "b:call12 ");
    assert_int_equal(e->h.calls_unanswered, 0);
    /* nobody answers ROUTE_ADD: -1, counted, nobody asked */
    trace[0] = '\0';
    assert_int_equal(host_call(&e->h, SVC_CALL_ROUTE_ADD, &(int){13}, &out), -1);
    assert_int_equal(host_call(&e->h, SVC_CALL_COUNT, &(int){13}, &out), -1);
    assert_string_equal(trace, "");
    assert_int_equal(out, 42);
    assert_int_equal(e->h.calls_unanswered, 2);
}

/* The log lines host_check writes, to see that it names the culprit. */
static char logged[1024];

static void
capture(void *arg, enum log_level lvl, const char *msg)
{
    strncat(logged, msg, sizeof(logged) - strlen(logged) - 2);
    strcat(logged, "\n");
}

static void
test_check(void **state)
{
    struct env *e = *state;
    static const uint16_t c_rx[] = {SVC_EV_NHRP_RX, 0}, e_tx[] = {SVC_EV_NHRP_TX, 0};
    struct fake a = {.name = "nhrp"}, b = {.name = "dp"};

    assert_int_equal(host_check(&e->h), 0); /* nothing registered, nothing wrong */
    /* NHRP_RX consumed, nobody emits it; NHRP_TX emitted, nobody consumes it */
    add(e, svc("nhrp", NULL, NULL, c_rx, e_tx, NULL), &a);
    logged[0] = '\0';
    log_set_sink(capture, NULL);
    assert_int_equal(host_check(&e->h), 2);
    log_set_sink(NULL, NULL);
    assert_non_null(strstr(logged, "nhrp consumes event 1 that no service emits"));
    assert_non_null(strstr(logged, "event 5 is emitted but nobody consumes it"));
    /* the other side of both: consistent */
    add(e, svc("dp", NULL, NULL, e_tx, c_rx, NULL), &b);
    assert_int_equal(host_check(&e->h), 0);
}

static void
test_reconfigure(void **state)
{
    struct env *e = *state;
    struct fake a = {.name = "a"}, b = {.name = "b", .apply = SVC_NEEDS_RESTART};
    struct fake c = {.name = "c"}, d = {.name = "d", .apply = SVC_NEEDS_RESTART};
    struct service sc = svc("c", NULL, NULL, NULL, NULL, NULL);
    const struct cfg *run = e->d.running;

    sc.reconfigure = NULL; /* a service with nothing to configure is skipped */
    add(e, svc("a", NULL, NULL, NULL, NULL, NULL), &a);
    add(e, svc("b", NULL, NULL, NULL, NULL, NULL), &b);
    host_register(&e->h, &sc, &c);
    add(e, svc("d", NULL, NULL, NULL, NULL, NULL), &d);
    logged[0] = '\0';
    log_set_sink(capture, NULL);
    assert_int_equal(host_reconfigure(&e->h, run, run, NULL), 2);
    log_set_sink(NULL, NULL);
    assert_string_equal(trace, "a:reconf0 b:reconf1 d:reconf1 ");
    /* the operator is told which service needs the restart */
    assert_string_equal(logged, "b: the change takes effect when dmvpnd restarts\n"
                                "d: the change takes effect when dmvpnd restarts\n");
    trace[0] = '\0';
    b.apply = d.apply = SVC_APPLIED;
    assert_int_equal(host_reconfigure(&e->h, run, run, NULL), 0);
    assert_string_equal(trace, "a:reconf0 b:reconf0 d:reconf0 ");
}

static void
test_prepare(void **state)
{
    struct env *e = *state;
    static const uint32_t k[] = {REC_IKE_SA, 0}, k2[] = {REC_IPSEC_SA, 0};
    struct fake own = {.name = "own", .prepare = 1}, fx = {.name = "fix", .prepare = 1};
    struct fake two = {.name = "two", .prepare = 0};
    struct service fix = svc("fix", k, NULL, NULL, NULL, NULL);
    struct service s2 = svc("two", k2, NULL, NULL, NULL, NULL);

    fix.overrides = true;
    host_register(&e->h, &fix, &fx);
    add(e, svc("own", k, NULL, NULL, NULL, NULL), &own);
    host_register(&e->h, &s2, &two);
    /* the regular owner fetches; the fixture is never asked */
    assert_int_equal(host_prepare(&e->h, REC_IKE_SA, 77), 1);
    assert_string_equal(trace, "own:prep77 ");
    trace[0] = '\0';
    assert_int_equal(host_prepare(&e->h, REC_IPSEC_SA, 78), 0);
    assert_string_equal(trace, "two:prep78 ");
    /* no owner, or an owner without a prepare hook: nothing to wait for */
    trace[0] = '\0';
    assert_int_equal(host_prepare(&e->h, REC_ROUTE, 79), 0);
    assert_string_equal(trace, "");
}

static void
test_request_owner(void **state)
{
    struct env *e = *state;
    static const uint32_t r_nhrp[] = {REQ_CLEAR_IP_NHRP, 0};
    static const uint32_t r_ipsec[] = {REQ_CLEAR_CRYPTO_SA, REQ_CLEAR_CRYPTO_ISAKMP, 0};
    struct service s1 = svc("nhrp", NULL, NULL, NULL, NULL, NULL);
    struct service s2 = svc("ipsec", NULL, NULL, NULL, NULL, NULL);
    struct fake a = {.name = "nhrp"}, b = {.name = "ipsec"};
    const struct host_svc *o;

    s1.req_ids = r_nhrp;
    s2.req_ids = r_ipsec;
    host_register(&e->h, &s1, &a);
    host_register(&e->h, &s2, &b);
    o = host_request_owner(&e->h, REQ_CLEAR_CRYPTO_ISAKMP);
    assert_non_null(o);
    assert_string_equal(o->s.name, "ipsec");
    assert_ptr_equal(o->self, &b);
    o = host_request_owner(&e->h, REQ_CLEAR_IP_NHRP);
    assert_non_null(o);
    assert_ptr_equal(o->self, &a);
    assert_null(host_request_owner(&e->h, REQ_CLEAR_CRYPTO_SESSION));
    assert_null(host_request_owner(&e->h, REQ_WRITE_MEMORY)); /* the host's own */
}

static void
test_fini_order(void **state)
{
    struct env *e = *state;
    struct fake a = {.name = "a"}, b = {.name = "b"}, c = {.name = "c"};

    add(e, svc("a", NULL, NULL, NULL, NULL, NULL), &a);
    add(e, svc("b", NULL, NULL, NULL, NULL, NULL), &b);
    add(e, svc("c", NULL, NULL, NULL, NULL, NULL), &c);
    host_fini(&e->h);
    /* the data plane registers first and must outlive what uses it */
    assert_string_equal(trace, "c:fini0 b:fini0 a:fini0 ");
    assert_int_equal(e->h.n, 0);
}

/* ---- invariants host_register enforces with fatal(): in a child ---- */

enum clash { CLASH_KIND, CLASH_CALL, CLASH_REQ, CLASH_HOST_REQ, CLASH_NONE };

static void
register_clash(struct host *h, enum clash what)
{
    static const uint32_t k[] = {REC_ROUTE, 0}, r[] = {REQ_CLEAR_CRYPTO_SA, 0};
    static const uint32_t r_host[] = {REQ_WRITE_MEMORY, 0};
    static const uint16_t c[] = {SVC_CALL_TUNNEL_ID, 0};
    static struct fake f = {.name = "f"};
    struct service s1 = svc("one", NULL, NULL, NULL, NULL, NULL);
    struct service s2 = svc("two", NULL, NULL, NULL, NULL, NULL);

    switch (what) {
    case CLASH_KIND:
        s1.rec_kinds = s2.rec_kinds = k;
        break;
    case CLASH_CALL:
        s1.answers = s2.answers = c;
        break;
    case CLASH_REQ:
        s1.req_ids = s2.req_ids = r;
        break;
    case CLASH_HOST_REQ:
        s2.req_ids = r_host;
        break;
    case CLASH_NONE:
        s1.rec_kinds = k; /* a fixture may share a kind with its owner */
        s2.rec_kinds = k;
        s2.overrides = true;
        break;
    }
    host_register(h, &s1, &f);
    host_register(h, &s2, &f);
}

/* The child's exit status: fatal() exits 2; a registration that went
 * through exits 0. */
static int
child_status(struct env *e, enum clash what)
{
    int st = -1, fd;
    pid_t pid;

    /* fatal() exits through exit(), which would flush a copy of what the
     * parent has buffered */
    fflush(stdout);
    fflush(stderr);
    pid = fork();

    assert_true(pid >= 0);
    if (pid == 0) {
        fd = open("/dev/null", O_WRONLY);
        if (fd >= 0)
            dup2(fd, 2); /* the fatal message is expected */
        register_clash(&e->h, what);
        _exit(0);
    }
    assert_int_equal(waitpid(pid, &st, 0), pid);
    assert_true(WIFEXITED(st));
    return WEXITSTATUS(st);
}

static void
test_fatal_clashes(void **state)
{
    struct env *e = *state;

    assert_int_not_equal(child_status(e, CLASH_KIND), 0);
    assert_int_not_equal(child_status(e, CLASH_CALL), 0);
    assert_int_not_equal(child_status(e, CLASH_REQ), 0);
    assert_int_not_equal(child_status(e, CLASH_HOST_REQ), 0);
    /* the control: the same path without a clash survives */
    assert_int_equal(child_status(e, CLASH_NONE), 0);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_record_dispatch, setup, teardown),
        cmocka_unit_test_setup_teardown(test_snapshot_without_hook, setup, teardown),
        cmocka_unit_test_setup_teardown(test_fill, setup, teardown),
        cmocka_unit_test_setup_teardown(test_events, setup, teardown),
        cmocka_unit_test_setup_teardown(test_calls, setup, teardown),
        cmocka_unit_test_setup_teardown(test_check, setup, teardown),
        cmocka_unit_test_setup_teardown(test_reconfigure, setup, teardown),
        cmocka_unit_test_setup_teardown(test_prepare, setup, teardown),
        cmocka_unit_test_setup_teardown(test_request_owner, setup, teardown),
        cmocka_unit_test_setup_teardown(test_fini_order, setup, teardown),
        cmocka_unit_test_setup_teardown(test_fatal_clashes, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
