/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Golden tests of the box-level renderers: show ip interface brief, show
 * interfaces TunnelN and show logging are rebuilt from records equal to what
 * real IOS captures show (testdata/ios/show/, READMEs there) and compared
 * byte for byte; show version (ours: it names opendmvpn) is compared with its
 * expected text and checked for the fields IOS show-version parsers read.
 */
#include "cli/render/render_system.h"
#include "tests/unit/render/nhrp/golden.h"

#include <regex.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

static struct rec_iface
row(const char *name, const char *addr, uint8_t method, bool admin, bool line)
{
    struct rec_iface r;

    memset(&r, 0, sizeof(r));
    snprintf(r.ifname, sizeof(r.ifname), "%s", name);
    r.addr = addr ? ip(addr) : 0;
    r.mask = addr ? mask(24) : 0;
    r.method = method;
    r.admin_up = admin;
    r.line_up = line;
    return r;
}

static void
test_brief_r14(void **state)
{
    struct rec_iface v[] = {
        row("Ethernet0/0", "10.10.5.14", REC_IFM_NVRAM, 1, 1),
        row("Ethernet0/1", "10.10.8.14", REC_IFM_NVRAM, 1, 1),
        row("Ethernet0/2", "172.16.2.14", REC_IFM_NVRAM, 1, 1),
        row("Ethernet0/3", "10.10.6.14", REC_IFM_NVRAM, 1, 1),
        row("Loopback1", "10.10.0.14", REC_IFM_NVRAM, 1, 1),
        row("NVI0", "10.10.5.14", REC_IFM_UNSET, 1, 1),
        row("Tunnel0", "192.168.1.1", REC_IFM_NVRAM, 1, 1),
        row("Tunnel1", "192.168.2.1", REC_IFM_NVRAM, 1, 1),
        row("Tunnel10", "10.100.0.1", REC_IFM_MANUAL, 1, 1),
    };
    struct golden_case gc = {"show_ip_interface_brief/otusdump-R14-hub.txt", GOLDEN_EXACT};
    struct strbuf sb;

    sb_init(&sb);
    render_interfaces_brief(&sb, v, sizeof(v) / sizeof(v[0]));
    golden_check(&gc, &sb);
    sb_free(&sb);
}

static void
test_brief_r61(void **state)
{
    struct rec_iface v[] = {
        row("Ethernet0/0", "172.16.9.61", REC_IFM_NVRAM, 1, 1),
        row("Ethernet0/1", NULL, REC_IFM_NVRAM, 0, 0),
        row("Ethernet0/2", NULL, REC_IFM_NVRAM, 0, 0),
        row("Ethernet0/3", NULL, REC_IFM_NVRAM, 0, 0),
        row("Ethernet1/0", NULL, REC_IFM_NVRAM, 0, 0),
        row("Ethernet1/1", NULL, REC_IFM_NVRAM, 0, 0),
        row("Ethernet1/2", NULL, REC_IFM_NVRAM, 0, 0),
        row("Ethernet1/3", NULL, REC_IFM_NVRAM, 0, 0),
        row("Loopback1", "10.60.0.61", REC_IFM_NVRAM, 1, 1),
        row("Tunnel10", "10.100.0.2", REC_IFM_MANUAL, 1, 1),
        row("Tunnel20", "10.101.0.2", REC_IFM_MANUAL, 1, 1),
    };
    struct golden_case gc = {"show_ip_interface_brief/otusdump-R61-spoke.txt", GOLDEN_EXACT};
    struct strbuf sb;

    sb_init(&sb);
    render_interfaces_brief(&sb, v, sizeof(v) / sizeof(v[0]));
    golden_check(&gc, &sb);
    sb_free(&sb);
}

static void
test_brief_ntc(void **state)
{
    struct rec_iface v[] = {
        row("Ethernet0/0", NULL, REC_IFM_NVRAM, 1, 1),
        row("Ethernet0/0.11", "10.0.1.38", REC_IFM_NVRAM, 1, 1),
        row("Ethernet0/0.100", NULL, REC_IFM_NVRAM, 1, 0),
        row("Ethernet0/1", "1.1.1.1", REC_IFM_NVRAM, 1, 1),
        row("Ethernet0/2", NULL, REC_IFM_NVRAM, 0, 0),
        row("Ethernet0/3", NULL, REC_IFM_NVRAM, 0, 0),
        row("Loopback0", "10.0.1.2", REC_IFM_NVRAM, 1, 1),
    };
    struct golden_case gc = {"show_ip_interface_brief/ntc-iol.txt", GOLDEN_EXACT};
    struct strbuf sb;

    v[2].deleted = 1;
    sb_init(&sb);
    render_interfaces_brief(&sb, v, sizeof(v) / sizeof(v[0]));
    golden_check(&gc, &sb);
    sb_free(&sb);
}

static struct rec_iface
tunnel(const char *name, const char *desc, const char *addr, unsigned len, const char *src)
{
    struct rec_iface r = row(name, addr, REC_IFM_NVRAM, 1, 1);

    r.kind = REC_IFK_TUNNEL;
    r.mask = mask(len);
    snprintf(r.description, sizeof(r.description), "%s", desc);
    snprintf(r.hw, sizeof(r.hw), "Tunnel");
    r.mtu = 17916;
    r.bw_kbit = 100;
    r.delay_usec = 50000;
    r.tun_mode = REC_TUNMODE_MGRE;
    r.tun_src = ip(src);
    return r;
}

static void
test_interfaces_tunnel(void **state)
{
    struct rec_iface hub =
        tunnel("Tunnel114", "DMVPN to R27-R28", "10.111.2.194", 27, "40.40.40.40");
    struct rec_iface spoke = tunnel("Tunnel115", "DMVPN to R15", "10.111.2.227", 27, "27.27.27.27");
    struct golden_case gh = {"show_interfaces/otus154-R14-tunnel114-hub-top.txt", GOLDEN_EXACT,
                             NULL, "  Tunnel protocol/transport"};
    struct golden_case gs = {"show_interfaces/otus154-R27-tunnel115-spoke-top.txt", GOLDEN_EXACT,
                             NULL, "  Tunnel protocol/transport"};
    struct strbuf sb;

    sb_init(&sb);
    render_interfaces(&sb, T_NOW, &hub, 1);
    golden_check(&gh, &sb);
    /* the part after the capture's cut, as the 15.x tunnel blocks print it */
    assert_non_null(strstr(sb.buf, "  Tunnel protocol/transport multi-GRE/IP\n"
                                   "    Key disabled, sequencing disabled\n"
                                   "    Checksumming of packets disabled\n"
                                   "  Tunnel TTL 255, Fast tunneling enabled\n"
                                   "  Tunnel transport MTU 1476 bytes\n"
                                   "  Tunnel transmit bandwidth 8000 (kbps)\n"
                                   "  Tunnel receive bandwidth 8000 (kbps)\n"
                                   "  Last input never, output never, output hang never\n"));
    sb_reset(&sb);
    spoke.has_key = 1;
    spoke.key = 100;
    spoke.protected_ = 1;
    snprintf(spoke.profile, sizeof(spoke.profile), "DMVPN-PROF");
    render_interfaces(&sb, T_NOW, &spoke, 1);
    golden_check(&gs, &sb);
    assert_non_null(strstr(sb.buf, "    Key 0x64, sequencing disabled\n"));
    assert_non_null(strstr(sb.buf, "  Tunnel transport MTU 1472 bytes\n"));
    assert_non_null(strstr(sb.buf, "  Tunnel protection via IPSec (profile \"DMVPN-PROF\")\n"));
    sb_free(&sb);
}

static int64_t
sep21(int h, int m, int s, int ms)
{
    struct tm tm = {
        .tm_year = 125, .tm_mon = 8, .tm_mday = 21, .tm_hour = h, .tm_min = m, .tm_sec = s};

    return (int64_t)timegm(&tm) * 1000 + ms;
}

static void
test_logging(void **state)
{
    /* the jplab buffer: times and texts of its 17 messages */
    static const struct {
        int h, m, s, ms;
        const char *text;
    } msgs[] = {
        {7, 3, 50, 269,
         "%DMVPN-5-CRYPTO_SS:  Tunnel0: local address : 203.0.113.2 remote address : 198.51.100.2 "
         "socket is DOWN"},
        {7, 3, 50, 269,
         "%DMVPN-5-CRYPTO_SS:  Tunnel0: local address : 203.0.113.2 remote address : 198.51.100.6 "
         "socket is DOWN"},
        {7, 3, 50, 269,
         "%DMVPN-5-CRYPTO_SS:  Tunnel0: local address : 203.0.113.2 remote address : 198.51.100.10 "
         "socket is DOWN"},
        {7, 3, 50, 275, "%CRYPTO-6-ISAKMP_ON_OFF: ISAKMP is OFF"},
        {7, 3, 50, 369, "%SYS-5-CONFIG_I: Configured from console by console"},
        {7, 3, 50, 998,
         "%DMVPN-5-NHRP_NHC_DOWN: Tunnel0: Next Hop Client : (Tunnel: 172.16.0.2 NBMA: "
         "198.51.100.2 ) for (Tunnel: 172.16.0.1 NBMA: 203.0.113.2) is DOWN, Reason: "
         "External(NHRP: no error)"},
        {7, 3, 50, 998,
         "%DMVPN-5-NHRP_NHC_DOWN: Tunnel0: Next Hop Client : (Tunnel: 172.16.0.3 NBMA: "
         "198.51.100.6 ) for (Tunnel: 172.16.0.1 NBMA: 203.0.113.2) is DOWN, Reason: "
         "External(NHRP: no error)"},
        {7, 3, 50, 998,
         "%DMVPN-5-NHRP_NHC_DOWN: Tunnel0: Next Hop Client : (Tunnel: 172.16.0.4 NBMA: "
         "198.51.100.10 ) for (Tunnel: 172.16.0.1 NBMA: 203.0.113.2) is DOWN, Reason: "
         "External(NHRP: no error)"},
        {7, 3, 50, 999,
         "%DUAL-5-NBRCHANGE: EIGRP-IPv4 100: Neighbor 172.16.0.4 (Tunnel0) is down: interface "
         "down"},
        {7, 3, 50, 999,
         "%DUAL-5-NBRCHANGE: EIGRP-IPv4 100: Neighbor 172.16.0.3 (Tunnel0) is down: interface "
         "down"},
        {7, 3, 50, 999,
         "%DUAL-5-NBRCHANGE: EIGRP-IPv4 100: Neighbor 172.16.0.2 (Tunnel0) is down: interface "
         "down"},
        {7, 3, 51, 199, "%SYS-5-CONFIG_I: Configured from console by console"},
        {7, 3, 52, 999,
         "%LINEPROTO-5-UPDOWN: Line protocol on Interface Tunnel0, changed state to down"},
        {7, 3, 52, 999,
         "%LINK-5-CHANGED: Interface Tunnel0, changed state to administratively down"},
        {7, 3, 57, 856, "%SYS-5-CONFIG_I: Configured from console by console"},
        {7, 3, 59, 655,
         "%LINEPROTO-5-UPDOWN: Line protocol on Interface Tunnel0, changed state to up"},
        {7, 3, 59, 655, "%LINK-5-UPDOWN: Interface Tunnel0, changed state to up"},
    };
    struct rec_log logs[17];
    struct rec_system sys;
    struct golden_case gb = {"show_logging/jplab-hub-dmvpn-syslog.txt", GOLDEN_EXACT, "*Sep"};
    struct golden_case gh = {"show_logging/exam-notes-r1-header.txt", GOLDEN_LINES, NULL,
                             "Log Buffer"};
    struct strbuf sb;
    size_t i;

    memset(logs, 0, sizeof(logs));
    for (i = 0; i < 17; i++) {
        logs[i].wall_ms = sep21(msgs[i].h, msgs[i].m, msgs[i].s, msgs[i].ms);
        logs[i].seq = (uint32_t)i + 1;
        snprintf(logs[i].text, sizeof(logs[i].text), "%s", msgs[i].text);
    }
    memset(&sys, 0, sizeof(sys));
    sb_init(&sb);
    render_logging(&sb, &sys, logs, 17);
    golden_check(&gb, &sb);
    /* the header, with the capture's counters */
    sys.log_rate_limited = 4;
    sys.log_console = 26;
    sys.log_monitor = 0;
    sys.log_logged = 27;
    sys.log_trap_lines = 30;
    sys.log_buffer_bytes = 4096;
    sys.debug_level = 7;
    sb_reset(&sb);
    render_logging(&sb, &sys, NULL, 0);
    sb_putc(&sb, '\0');
    sb.len--;
    assert_string_equal(strstr(sb.buf, "Log Buffer"), "Log Buffer (4096 bytes):\n\n");
    golden_check(&gh, &sb);
    sb_free(&sb);
}

static const char VERSION_TEXT[] =
    "opendmvpn Software (DMVPN-LINUX-x86_64), Version 0.1.0, RELEASE SOFTWARE (dmvpnd)\n"
    "Copyright (c) opendmvpn contributors, GPL-2.0-or-later\n"
    "Compiled for Debian GNU/Linux\n"
    "\n"
    "\n"
    "ROM: Linux 6.1.0-18-amd64\n"
    "\n"
    "hub uptime is 1 week, 2 days, 3 hours, 1 minute\n"
    "System returned to ROM by dmvpnd start\n"
    "System image file is \"/usr/sbin/dmvpnd\"\n"
    "Last reload reason: dmvpnd start\n"
    "\n"
    "Data plane backend: userspace\n"
    "Startup configuration file: /etc/dmvpn/hub.cfg\n"
    "\n"
    "opendmvpn (x86_64) processor with 2048000K bytes of memory.\n"
    "2 Ethernet interfaces\n"
    "1 Loopback interface\n"
    "1 Tunnel interface\n"
    "\n"
    "Configuration register is 0x2102\n"
    "\n";

static bool
matches(const char *re, const char *text)
{
    regex_t r;
    bool ok;

    assert_int_equal(regcomp(&r, re, REG_EXTENDED | REG_NEWLINE | REG_NOSUB), 0);
    ok = regexec(&r, text, 0, NULL, 0) == 0;
    regfree(&r);
    return ok;
}

static void
test_version(void **state)
{
    struct rec_system s;
    struct strbuf sb, up;
    int64_t boot = T_NOW - ((int64_t)9 * 86400 + 3 * 3600 + 61) * 1000;

    memset(&s, 0, sizeof(s));
    snprintf(s.hostname, sizeof(s.hostname), "hub");
    snprintf(s.version, sizeof(s.version), "0.1.0");
    snprintf(s.dataplane, sizeof(s.dataplane), "userspace");
    snprintf(s.kernel, sizeof(s.kernel), "Linux 6.1.0-18-amd64");
    snprintf(s.machine, sizeof(s.machine), "x86_64");
    snprintf(s.image, sizeof(s.image), "/usr/sbin/dmvpnd");
    snprintf(s.config, sizeof(s.config), "/etc/dmvpn/hub.cfg");
    s.mem_kb = 2048000;
    s.n_ether = 2;
    s.n_loopback = 1;
    s.n_tunnel = 1;
    sb_init(&sb);
    render_version(&sb, T_NOW, boot, &s);
    sb_putc(&sb, '\0');
    assert_string_equal(sb.buf, VERSION_TEXT);
    /* what the ntc-templates / Genie show-version parsers key on */
    assert_true(matches("^.*Software .+\\), Version [^,]+, RELEASE", sb.buf));
    assert_true(matches("^ROM: [^ ]+", sb.buf));
    assert_true(matches("^hub uptime is .+$", sb.buf));
    assert_true(matches("^System image file is \"[^\"]+\"$", sb.buf));
    assert_true(matches("^Configuration register is 0x[0-9]+$", sb.buf));
    sb_free(&sb);
    /* IOS uptime words: zero parts left out, singular/plural, 0 minutes */
    sb_init(&up);
    render_uptime(&up, 0);
    sb_putc(&up, '|');
    render_uptime(&up, 3600);
    sb_putc(&up, '|');
    render_uptime(&up, 366LL * 86400 + 60);
    sb_putc(&up, '\0');
    assert_string_equal(up.buf, "0 minutes|1 hour|1 year, 1 day, 1 minute");
    sb_free(&up);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_brief_r14), cmocka_unit_test(test_brief_r61),
        cmocka_unit_test(test_brief_ntc), cmocka_unit_test(test_interfaces_tunnel),
        cmocka_unit_test(test_logging),   cmocka_unit_test(test_version),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
