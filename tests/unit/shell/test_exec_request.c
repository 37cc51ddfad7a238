/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The shell's half of typed EXEC: a line run through the real EXEC path
 * (session_exec_line) against a fake daemon on a socketpair. What goes out
 * is the row's request id with the matched values, never the line; what
 * comes back as a typed error is worded as IOS does, the caret under the
 * word the daemon names by value index. Leaving config mode sends the
 * config-end request. clear dmvpn session sends one request per entry and
 * peer it chose from the records.
 */
#include "cli/shell/exec.h"
#include "cli/shell/prompt.h"
#include "cli/shell/session.h"
#include "lib/ctl.h"
#include "lib/rec.h"
#include "lib/rec_nhrp_count.h"
#include "lib/rec_nhrp_stats.h"
#include "lib/req.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cmocka.h>

struct fixture {
    struct session s;
    int daemon; /* the fake daemon's end of the control socket */
    int out;    /* the terminal's output file */
};

static struct fixture fx;

static int
setup(void **state)
{
    char tmpl[] = "/tmp/cl-req-XXXXXX";
    int sv[2];

    memset(&fx, 0, sizeof(fx));
    exec_register();
    assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
    fx.daemon = sv[1];
    fx.out = mkstemp(tmpl);
    assert_true(fx.out >= 0);
    unlink(tmpl);
    term_open(&fx.s.t, -1, fx.out, TERM_PIPE);
    le_init(&fx.s.le);
    fx.s.cl.fd = sv[0];
    fx.s.interactive = true;
    fx.s.level = 15;
    fx.s.mode = MODE_EXEC;
    snprintf(fx.s.hostname, sizeof(fx.s.hostname), "R1");
    prompt_build(fx.s.prompt, sizeof(fx.s.prompt), "R1", MODE_EXEC_PRIV, "");
    return 0;
}

static int
teardown(void **state)
{
    le_free(&fx.s.le);
    term_close(&fx.s.t);
    close(fx.s.cl.fd);
    close(fx.daemon);
    close(fx.out);
    return 0;
}

/* The daemon's answer, queued before the shell asks (the shell's next seq). */
static void
answer(uint16_t type, const void *p, size_t n)
{
    struct strbuf sb;

    sb_init(&sb);
    ctl_encode(&sb, type, 0, fx.s.cl.seq + 1, p, n);
    assert_int_equal(write(fx.daemon, sb.buf, sb.len), (ssize_t)sb.len);
    sb_free(&sb);
}

/* The request the shell sent. */
static void
sent(struct req *r)
{
    struct ctl_frame f;
    uint8_t *payload;

    assert_int_equal(ctl_read_frame(fx.daemon, &f, &payload), 0);
    assert_int_equal(f.type, CTL_EXEC);
    assert_int_equal(req_decode(payload, f.len, r), REQ_DEC_OK);
    free(payload);
}

/* What the terminal got since the last call. */
static const char *
screen(void)
{
    static char buf[4096];
    off_t end = lseek(fx.out, 0, SEEK_CUR);
    ssize_t n;

    lseek(fx.out, 0, SEEK_SET);
    n = read(fx.out, buf, sizeof(buf) - 1);
    assert_true(n >= 0 && n == (ssize_t)end);
    buf[n] = '\0';
    assert_int_equal(ftruncate(fx.out, 0), 0);
    lseek(fx.out, 0, SEEK_SET);
    return buf;
}

static void
run(const char *line)
{
    fx.s.status = 0;
    session_exec_line(&fx.s, line);
}

static void
test_values_sent(void **state)
{
    struct req r;

    answer(CTL_OK, "", 0);
    run("clear ip nhrp 10.1.0.0 255.255.0.0");
    sent(&r);
    assert_int_equal(r.id, REQ_CLEAR_IP_NHRP);
    assert_int_equal(r.nvals, 2);
    assert_int_equal(r.vals[0].type, REQ_V_IPV4);
    assert_int_equal(r.vals[0].u32, 0x0a010000);
    assert_int_equal(r.vals[1].type, REQ_V_IPV4);
    assert_int_equal(r.vals[1].u32, 0xffff0000);
    assert_string_equal(screen(), "");
    assert_int_equal(fx.s.status, 0);

    answer(CTL_OK, "", 0);
    run("clear ip nhrp");
    sent(&r);
    assert_int_equal(r.id, REQ_CLEAR_IP_NHRP);
    assert_int_equal(r.nvals, 0);

    answer(CTL_OK, "", 0);
    run("clear crypto session peer 192.168.1.2");
    sent(&r);
    assert_int_equal(r.id, REQ_CLEAR_CRYPTO_SESSION);
    assert_int_equal(r.nvals, 1);
    assert_int_equal(r.vals[0].u32, 0xc0a80102);

    answer(CTL_OK, "", 0);
    run("cl cry isa");
    sent(&r);
    assert_int_equal(r.id, REQ_CLEAR_CRYPTO_ISAKMP);

    answer(CTL_OK, "", 0);
    run("clear crypto sa");
    sent(&r);
    assert_int_equal(r.id, REQ_CLEAR_CRYPTO_SA);
    assert_int_equal(r.nvals, 0);

    /* write and copy are one request; the daemon's output is shown */
    answer(CTL_OK, "Building configuration...\n[OK]\n", 31);
    run("wr");
    sent(&r);
    assert_int_equal(r.id, REQ_WRITE_MEMORY);
    assert_int_equal(r.nvals, 0);
    assert_string_equal(screen(), "Building configuration...\n[OK]\n");

    /* a mask without an address is not the grammar: nothing is sent */
    run("clear ip nhrp 255.255.0.0 10.0.0.1 1.2.3.4");
    assert_int_equal(fx.s.status, 1);
    assert_non_null(strstr(screen(), "% Invalid input detected at '^' marker."));
}

static void
test_typed_errors(void **state)
{
    struct req r;
    char want[256];

    /* invalid at value 1: the caret under the mask, after the prompt */
    answer(CTL_ERR, "\0\1\0\0\0\1", 6);
    run("clear ip nhrp 10.0.0.0 255.0.255.0");
    sent(&r);
    snprintf(want, sizeof(want), "%*s^\n%% Invalid input detected at '^' marker.\n\n",
             (int)strlen("R1#clear ip nhrp 10.0.0.0 "), "");
    assert_string_equal(screen(), want);
    assert_int_equal(fx.s.status, 1);

    /* at value 0 of an abbreviated line: the caret follows the word */
    answer(CTL_ERR, "\0\1\0\0\0\0", 6);
    run("cl cr ses peer 0.0.0.0");
    sent(&r);
    snprintf(want, sizeof(want), "%*s^\n%% Invalid input detected at '^' marker.\n\n",
             (int)strlen("R1#cl cr ses peer "), "");
    assert_string_equal(screen(), want);

    /* a value the line did not have: after the last word */
    answer(CTL_ERR, "\0\1\0\0\0\5", 6);
    run("clear crypto sa");
    sent(&r);
    snprintf(want, sizeof(want), "%*s^\n%% Invalid input detected at '^' marker.\n\n",
             (int)strlen("R1#clear crypto sa"), "");
    assert_string_equal(screen(), want);

    answer(CTL_ERR, "\0\2", 2);
    run("clear crypto sa");
    sent(&r);
    assert_string_equal(screen(), "% Incomplete command.\n\n");

    answer(CTL_ERR, "\0\3", 2);
    run("clear crypto sa ");
    sent(&r);
    assert_string_equal(screen(), "% Ambiguous command:  \"clear crypto sa\"\n");

    /* a failure is its text, as the daemon wrote it */
    answer(CTL_ERR, "%Error opening /x (Permission denied)", 37);
    run("write memory");
    sent(&r);
    assert_string_equal(screen(), "%Error opening /x (Permission denied)\n");
    assert_int_equal(fx.s.status, 1);

    /* a typed error the shell cannot read */
    answer(CTL_ERR, "\0\x09", 2);
    run("clear crypto sa");
    sent(&r);
    assert_string_equal(screen(), "% Unexpected reply from dmvpnd\n");
}

static void
test_config_end(void **state)
{
    struct req r;

    fx.s.mode = MODE_GLOBAL;
    fx.s.config_changed = true;
    answer(CTL_OK, "", 0);
    session_config_leave(&fx.s);
    sent(&r);
    assert_int_equal(r.id, REQ_CONFIG_END);
    assert_int_equal(r.nvals, 0);
    assert_int_equal(fx.s.mode, MODE_EXEC);
    assert_false(fx.s.config_changed);
}

/* A snapshot reply of n records of one kind, the daemon's clock at 1 h. */
static void
answer_recs(uint32_t kind, const void *recs, size_t size, uint32_t n)
{
    struct rec_header h = {
        .kind = kind, .count = n, .rec_size = (uint32_t)size, .now_ms = 3600 * 1000};
    struct strbuf sb;

    sb_init(&sb);
    sb_append(&sb, &h, sizeof(h));
    sb_append(&sb, recs, size * n);
    answer(CTL_OK, sb.buf, sb.len);
    sb_free(&sb);
}

/* The restricted forms of show ip nhrp, self and summary, end to end in the
 * shell: the records selected, the layout the plain form's. */
static void
test_show_nhrp_forms(void **state)
{
    struct rec_nhrp_cache c[2];
    struct rec_nhrp_count g[2];
    struct rec_tunnel t;
    const char *out;

    memset(c, 0, sizeof(c));
    snprintf(c[0].ifname, sizeof(c[0].ifname), "Tunnel0");
    c[0].proto = c[0].via = 0x0a000001;
    c[0].prefix_len = 32;
    c[0].type = REC_NHRP_STATIC;
    c[0].flags = REC_NF_USED;
    c[0].nbma = 0xc0000201;
    c[0].created_ms = 1000;
    c[1] = c[0];
    c[1].proto = c[1].via = 0x0a000003;
    c[1].type = REC_NHRP_DYNAMIC;
    c[1].flags = REC_NF_NHOP;
    c[1].expires_ms = 3600 * 1000 + 60 * 1000;

    answer_recs(REC_NHRP_CACHE, c, sizeof(c[0]), 2);
    run("show ip nhrp dynamic");
    out = screen();
    assert_non_null(strstr(out, "10.0.0.3/32 via 10.0.0.3"));
    assert_null(strstr(out, "10.0.0.1/32"));

    answer_recs(REC_NHRP_CACHE, c, sizeof(c[0]), 2);
    run("show ip nhrp 10.0.0.0 255.255.255.0 Tunnel0 brief");
    out = screen();
    assert_non_null(strstr(out, "10.0.0.1/32"));
    assert_non_null(strstr(out, "10.0.0.3/32"));

    answer_recs(REC_NHRP_CACHE, c, sizeof(c[0]), 2);
    run("show ip nhrp 10.0.0.1 | json");
    out = screen();
    assert_non_null(strstr(out, "\"10.0.0.1\""));
    assert_null(strstr(out, "\"10.0.0.3\""));

    /* the summary asks the daemon for its counts in groups: the groups'
     * counts are added, as if each entry had come */
    memset(g, 0, sizeof(g));
    g[0].type = REC_NHRP_STATIC;
    g[0].flags = REC_NF_USED;
    g[0].prefix_len = 32;
    g[0].count = 1;
    g[1].type = REC_NHRP_DYNAMIC;
    g[1].flags = REC_NF_NHOP;
    g[1].prefix_len = 32;
    g[1].count = 2;
    answer_recs(REC_NHRP_COUNT, g, sizeof(g[0]), 2);
    run("show ip nhrp summary");
    out = screen();
    assert_non_null(strstr(out, "IP NHRP cache 3 entries, 2352 bytes"));
    assert_non_null(strstr(out, "    1 static   2 dynamic    0 incomplete"));
    assert_non_null(strstr(out, "    2 nhop     0 bfd"));

    memset(&t, 0, sizeof(t));
    snprintf(t.ifname, sizeof(t.ifname), "Tunnel0");
    t.addr = 0x0a000002;
    t.src = 0xc0000202;
    t.state_since_ms = 1000;
    answer_recs(REC_TUNNEL, &t, sizeof(t), 1);
    run("show ip nhrp self detail");
    out = screen();
    assert_non_null(strstr(out, "10.0.0.2/32 via 10.0.0.2"));
    assert_non_null(strstr(out, "Type: static, Flags: router unique local "));
    assert_non_null(strstr(out, "    (no-socket) "));

    {
        struct rec_nhrp_stats ns[2];

        memset(ns, 0, sizeof(ns));
        snprintf(ns[0].ifname, sizeof(ns[0].ifname), "Tunnel0");
        snprintf(ns[1].ifname, sizeof(ns[1].ifname), "Tunnel1");
        ns[1].count[REC_NEV_EP_ADD] = 7;
        answer_recs(REC_NHRP_STATS, ns, sizeof(ns[0]), 2);
        run("show ip nhrp stats Tunnel1");
        out = screen();
        /* the named tunnel only, its name not printed again */
        assert_null(strstr(out, "Tunnel0"));
        assert_null(strstr(out, "Tunnel1"));
        assert_non_null(strstr(out, "[S]End Point Addition         : 7[0]"));
        assert_null(strstr(out, "Packets received"));
    }
    {
        struct rec_nhrp_traffic tr[2];

        memset(tr, 0, sizeof(tr));
        snprintf(tr[0].ifname, sizeof(tr[0].ifname), "Tunnel0");
        snprintf(tr[1].ifname, sizeof(tr[1].ifname), "Tunnel1");
        answer_recs(REC_NHRP_TRAFFIC, tr, sizeof(tr[0]), 2);
        run("show ip nhrp traffic interface tunnel 1");
        out = screen();
        assert_null(strstr(out, "Tunnel0:"));
        assert_non_null(strstr(out, "Tunnel1: Max-send limit:"));
    }
}

/* The k-th answer from now (the shell's k-th call after this one). */
static void
answer_k(uint32_t k, uint16_t type, const void *p, size_t n)
{
    struct strbuf sb;

    sb_init(&sb);
    ctl_encode(&sb, type, 0, fx.s.cl.seq + k, p, n);
    assert_int_equal(write(fx.daemon, sb.buf, sb.len), (ssize_t)sb.len);
    sb_free(&sb);
}

static void
answer_recs_k(uint32_t k, uint32_t kind, const void *recs, size_t size, uint32_t n)
{
    struct rec_header h = {.kind = kind, .count = n, .rec_size = (uint32_t)size};
    struct strbuf sb;

    sb_init(&sb);
    sb_append(&sb, &h, sizeof(h));
    sb_append(&sb, recs, size * n);
    answer_k(k, CTL_OK, sb.buf, sb.len);
    sb_free(&sb);
}

/* The next request the shell sent, past its snapshot requests. */
static void
sent_exec(struct req *r)
{
    struct ctl_frame f;
    uint8_t *payload;

    for (;;) {
        assert_int_equal(ctl_read_frame(fx.daemon, &f, &payload), 0);
        if (f.type == CTL_EXEC)
            break;
        free(payload);
    }
    assert_int_equal(req_decode(payload, f.len, r), REQ_DEC_OK);
    free(payload);
}

/* clear dmvpn session peer X: the peer's dynamic entries (its own and the
 * networks via it) one clear ip nhrp each, then its crypto session; the
 * other peer's entries and the static one are left alone. */
static void
test_clear_dmvpn(void **state)
{
    struct rec_dmvpn_peer p[2];
    struct rec_nhrp_cache c[4];
    struct req r;
    int i;

    memset(p, 0, sizeof(p));
    memset(c, 0, sizeof(c));
    for (i = 0; i < 2; i++) {
        snprintf(p[i].ifname, sizeof(p[i].ifname), "Tunnel0");
        p[i].nbma = 0xc0000202 + (uint32_t)i;        /* 192.0.2.2, .3 */
        p[i].tunnel_addr = 0x0a000002 + (uint32_t)i; /* 10.0.0.2, .3 */
    }
    for (i = 0; i < 4; i++) {
        snprintf(c[i].ifname, sizeof(c[i].ifname), "Tunnel0");
        c[i].type = REC_NHRP_DYNAMIC;
        c[i].prefix_len = 32;
    }
    c[0].type = REC_NHRP_STATIC; /* the hub */
    c[0].proto = c[0].via = 0x0a000001;
    c[0].nbma = 0xc0000201;
    c[1].proto = c[1].via = 0x0a000003;
    c[1].nbma = 0xc0000203;
    c[2].proto = 0xc0a80300; /* 192.168.3.0/24 via 10.0.0.3 */
    c[2].prefix_len = 24;
    c[2].via = 0x0a000003;
    c[2].nbma = 0xc0000203;
    c[3].proto = c[3].via = 0x0a000002;
    c[3].nbma = 0xc0000202;

    answer_recs_k(1, REC_DMVPN_PEER, p, sizeof(p[0]), 2);
    answer_recs_k(2, REC_NHRP_CACHE, c, sizeof(c[0]), 4);
    for (i = 3; i <= 5; i++)
        answer_k((uint32_t)i, CTL_OK, "", 0);
    run("clear dmvpn session peer nbma 192.0.2.3");
    assert_int_equal(fx.s.status, 0);
    sent_exec(&r);
    assert_int_equal(r.id, REQ_CLEAR_IP_NHRP);
    assert_int_equal(r.nvals, 2);
    assert_int_equal(r.vals[0].u32, 0x0a000003);
    assert_int_equal(r.vals[1].u32, 0xffffffff);
    sent_exec(&r);
    assert_int_equal(r.id, REQ_CLEAR_IP_NHRP);
    assert_int_equal(r.vals[0].u32, 0xc0a80300);
    assert_int_equal(r.vals[1].u32, 0xffffff00);
    sent_exec(&r);
    assert_int_equal(r.id, REQ_CLEAR_CRYPTO_SESSION);
    assert_int_equal(r.nvals, 1);
    assert_int_equal(r.vals[0].u32, 0xc0000203);
    assert_string_equal(screen(), "");

    /* by tunnel address: the same peer */
    answer_recs_k(1, REC_DMVPN_PEER, p, sizeof(p[0]), 2);
    answer_recs_k(2, REC_NHRP_CACHE, c, sizeof(c[0]), 4);
    answer_k(3, CTL_OK, "", 0);
    answer_k(4, CTL_OK, "", 0);
    run("clear dmvpn session peer ipv4 10.0.0.2");
    sent_exec(&r);
    assert_int_equal(r.id, REQ_CLEAR_IP_NHRP);
    assert_int_equal(r.vals[0].u32, 0x0a000002);
    sent_exec(&r);
    assert_int_equal(r.id, REQ_CLEAR_CRYPTO_SESSION);
    assert_int_equal(r.vals[0].u32, 0xc0000202);

    /* every session: clear ip nhrp and clear crypto session */
    answer_k(1, CTL_OK, "", 0);
    answer_k(2, CTL_OK, "", 0);
    run("clear dmvpn session");
    sent_exec(&r);
    assert_int_equal(r.id, REQ_CLEAR_IP_NHRP);
    assert_int_equal(r.nvals, 0);
    sent_exec(&r);
    assert_int_equal(r.id, REQ_CLEAR_CRYPTO_SESSION);
    assert_int_equal(r.nvals, 0);
    assert_int_equal(fx.s.status, 0);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_values_sent, setup, teardown),
        cmocka_unit_test_setup_teardown(test_typed_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(test_config_end, setup, teardown),
        cmocka_unit_test_setup_teardown(test_show_nhrp_forms, setup, teardown),
        cmocka_unit_test_setup_teardown(test_clear_dmvpn, setup, teardown),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
