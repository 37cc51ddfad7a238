/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The EXEC command table and its `?` help texts (see exec.h). One row per
 * command: syntax (parsers/cmd.h DSL), the lowest privilege level that may
 * run it, whether its output takes `|` filters and `| json`, the action, and
 * for a command the daemon carries out, the request id it is sent as.
 * Help strings are IOS's where we know them.
 */
#include "cli/shell/exec.h"
#include "lib/log.h"
#include "lib/req.h"
#include "lib/mem.h"

#include <stdlib.h>
#include <string.h>

#define P  (EXEC_PIPE)
#define PJ (EXEC_PIPE | EXEC_JSON)
#define NP (CMDF_NO | CMDF_NO_PREFIX)

struct exec_row {
    const char *syntax;
    struct exec_cmd cmd;
    unsigned cmdflags;
};

static const struct exec_row rows[] = {
    {"enable [<num:0-15:level>]", {act_enable, 1, EXEC_LIVE}, 0},
    {"disable", {act_disable, 1, 0}, 0},
    {"exit", {act_exit, 1, 0}, 0},
    {"logout", {act_exit, 1, 0}, 0},
    {"terminal length <num:0-512:len>", {act_terminal, 1, 0}, 0},
    {"terminal width <num:0-512:wid>", {act_terminal, 1, 0}, 0},
    {"terminal monitor", {act_terminal, 1, 0}, 0},
    {"terminal no monitor", {act_terminal, 1, 0}, 0},
    {"ping <host:target> [repeat <num:1-2147483647:count>] [size <num:36-18024:size>] "
     "[timeout <num:0-3600:timeout>] [source <ip:src>]",
     {act_ping, 1, EXEC_LIVE},
     0},
    {"show version", {act_show, 1, PJ}, 0},
    {"show ip interface brief", {act_show, 1, PJ}, 0},
    {"show interfaces [<if:name>]", {act_show, 1, PJ}, 0},
    {"show ip route [next-hop-override]", {act_show, 1, PJ}, 0},
    {"show dmvpn [detail]", {act_show, 1, PJ}, 0},
    {"show ip nhrp [{detail|brief}]", {act_show, 1, PJ}, 0},
    {"show ip nhrp nhs [<if:name>] [detail]", {act_show, 1, PJ}, 0},
    {"show ip nhrp traffic", {act_show, 1, PJ}, 0},
    {"show crypto session [detail]", {act_show, 1, PJ}, 0},
    {"show crypto isakmp sa [detail]", {act_show, 1, PJ}, 0},
    {"show crypto ipsec sa [peer <ip:peer>] [detail]", {act_show, 1, PJ}, 0},
    {"show logging", {act_show, 15, PJ}, 0},
    {"show running-config", {act_show_run, 15, PJ}, 0},
    {"show startup-config", {act_show_run, 15, PJ}, 0},
    {"show privilege", {act_show_misc, 1, PJ}, 0},
    {"show history", {act_show_misc, 1, PJ}, 0},
    {"show clock", {act_show_misc, 1, PJ}, 0},
    {"show debugging", {act_show_misc, 15, PJ}, 0},
    {"show terminal", {act_show_misc, 1, PJ}, 0},
    {"configure [terminal]", {act_configure, 15, 0}, 0},
    {"copy running-config startup-config", {act_copy, 15, EXEC_LIVE, REQ_WRITE_MEMORY}, 0},
    {"copy <word:src> running-config", {act_copy_running, 15, EXEC_LIVE, REQ_COPY_RUNNING}, 0},
    {"write [memory]", {act_request, 15, 0, REQ_WRITE_MEMORY}, 0},
    {"write terminal", {act_show_run, 15, P}, 0},
    {"debug nhrp [{packet|detail|cache|error}]", {act_debug, 15, 0}, NP},
    {"debug all", {act_debug, 15, 0}, NP | CMDF_NOFORM_ONLY},
    {"undebug {all|nhrp}", {act_debug, 15, 0}, 0},
    /* IOS 15/17: an optional address, then an optional mask */
    {"clear ip nhrp [<ip:addr> [<mask:mask>]]", {act_request, 15, 0, REQ_CLEAR_IP_NHRP}, 0},
    {"clear crypto session [peer <ip:peer>]", {act_request, 15, 0, REQ_CLEAR_CRYPTO_SESSION}, 0},
    {"clear crypto isakmp", {act_request, 15, 0, REQ_CLEAR_CRYPTO_ISAKMP}, 0},
    {"clear crypto sa", {act_request, 15, 0, REQ_CLEAR_CRYPTO_SA}, 0},
    {"clear logging", {act_clear_logging, 15, 0, REQ_CLEAR_LOGGING}, 0},
};

#define NROWS (sizeof(rows) / sizeof(rows[0]))

/* `do` runs an EXEC command from any configuration mode. */
static const enum cfg_mode config_modes[] = {MODE_GLOBAL,     MODE_IF,   MODE_ISAKMP, MODE_TSET,
                                             MODE_IPSEC_PROF, MODE_LINE, MODE_ROUTER, MODE_OPAQUE};
#define NCFG (sizeof(config_modes) / sizeof(config_modes[0]))

static const struct exec_cmd do_marker = {NULL, 15, 0};

static const struct cmd_help_text texts[] = {
    {MODE_EXEC_PRIV, NULL, "enable", "Turn on privileged commands"},
    {MODE_EXEC_PRIV, NULL, "disable", "Turn off privileged commands"},
    {MODE_EXEC_PRIV, NULL, "exit", "Exit from the EXEC"},
    {MODE_EXEC_PRIV, NULL, "logout", "Exit from the EXEC"},
    {MODE_EXEC_PRIV, NULL, "terminal", "Set terminal line parameters"},
    {MODE_EXEC_PRIV, NULL, "ping", "Send echo messages"},
    {MODE_EXEC_PRIV, NULL, "show", "Show running system information"},
    {MODE_EXEC_PRIV, NULL, "configure", "Enter configuration mode"},
    {MODE_EXEC_PRIV, NULL, "copy", "Copy from one file to another"},
    {MODE_EXEC_PRIV, NULL, "write", "Write running configuration to memory, network, or terminal"},
    {MODE_EXEC_PRIV, NULL, "debug", "Debugging functions (see also 'undebug')"},
    {MODE_EXEC_PRIV, NULL, "undebug", "Disable debugging functions (see also 'debug')"},
    {MODE_EXEC_PRIV, NULL, "clear", "Reset functions"},
    {MODE_EXEC_PRIV, "terminal", "length", "Set number of lines on a screen"},
    {MODE_EXEC_PRIV, "terminal", "width", "Set width of the display terminal"},
    {MODE_EXEC_PRIV, "terminal", "monitor", "Copy debug output to the current terminal line"},
    {MODE_EXEC_PRIV, "terminal", "no", "Negate a command or set its defaults"},
    {MODE_EXEC_PRIV, "show", "version", "System hardware and software status"},
    {MODE_EXEC_PRIV, "show", "ip", "IP information"},
    {MODE_EXEC_PRIV, "show", "interfaces", "Interface status and configuration"},
    {MODE_EXEC_PRIV, "show", "dmvpn", "DMVPN information"},
    {MODE_EXEC_PRIV, "show", "crypto", "Encryption module"},
    {MODE_EXEC_PRIV, "show", "logging", "Show the contents of logging buffers"},
    {MODE_EXEC_PRIV, "show", "running-config", "Current operating configuration"},
    {MODE_EXEC_PRIV, "show", "startup-config", "Contents of startup configuration"},
    {MODE_EXEC_PRIV, "show", "privilege", "Show current privilege level"},
    {MODE_EXEC_PRIV, "show", "history", "Display the session command history"},
    {MODE_EXEC_PRIV, "show", "clock", "Display the system clock"},
    {MODE_EXEC_PRIV, "show", "debugging", "State of each debugging option"},
    {MODE_EXEC_PRIV, "show", "terminal", "Display terminal configuration parameters"},
    {MODE_EXEC_PRIV, "ip", "interface", "IP interface status and configuration"},
    {MODE_EXEC_PRIV, "ip", "route", "IP routing table"},
    {MODE_EXEC_PRIV, "ip", "nhrp", "NHRP information"},
    {MODE_EXEC_PRIV, "interface", "brief", "Brief summary of IP status and configuration"},
    {MODE_EXEC_PRIV, "route", "next-hop-override", "Next Hop Override routes"},
    {MODE_EXEC_PRIV, NULL, "detail", "Detailed information"},
    {MODE_EXEC_PRIV, "nhrp", "brief", "Brief display"},
    {MODE_EXEC_PRIV, "nhrp", "nhs", "NHRP Next Hop Server information"},
    {MODE_EXEC_PRIV, "nhrp", "traffic", "NHRP traffic statistics"},
    {MODE_EXEC_PRIV, "crypto", "session", "Show crypto sessions"},
    {MODE_EXEC_PRIV, "crypto", "isakmp", "Show ISAKMP"},
    {MODE_EXEC_PRIV, "crypto", "ipsec", "Show IPSEC info"},
    {MODE_EXEC_PRIV, "isakmp", "sa", "Show ISAKMP Security Associations"},
    {MODE_EXEC_PRIV, "ipsec", "sa", "IPSEC SA table"},
    {MODE_EXEC_PRIV, "sa", "peer", "Show SAs for a peer"},
    {MODE_EXEC_PRIV, "configure", "terminal", "Configure from the terminal"},
    {MODE_EXEC_PRIV, "copy", "running-config", "Copy from current system configuration"},
    {MODE_EXEC_PRIV, "running-config", "startup-config", "Copy to startup configuration"},
    {MODE_EXEC_PRIV, "write", "memory", "Write to NV memory"},
    {MODE_EXEC_PRIV, "write", "terminal", "Write to terminal"},
    {MODE_EXEC_PRIV, "debug", "nhrp", "NHRP protocol"},
    {MODE_EXEC_PRIV, "debug", "all", "Enable all debugging"},
    {MODE_EXEC_PRIV, "undebug", "all", "Disable all debugging"},
    {MODE_EXEC_PRIV, "undebug", "nhrp", "NHRP protocol"},
    {MODE_EXEC_PRIV, "nhrp", "packet", "NHRP activity"},
    {MODE_EXEC_PRIV, "nhrp", "cache", "NHRP cache operations"},
    {MODE_EXEC_PRIV, "nhrp", "error", "NHRP errors"},
    {MODE_EXEC_PRIV, "clear", "ip", "IP"},
    {MODE_EXEC_PRIV, "clear", "crypto", "Clear crypto state"},
    {MODE_EXEC_PRIV, "clear", "logging", "Clear logging buffer"},
    {MODE_EXEC_PRIV, "session", "peer", "Remote peer"},
    {MODE_EXEC_PRIV, "ping", "repeat", "specify repeat count"},
    {MODE_EXEC_PRIV, "ping", "size", "specify datagram size"},
    {MODE_EXEC_PRIV, "ping", "timeout", "specify timeout interval"},
    {MODE_EXEC_PRIV, "ping", "source", "specify source address or name"},
    {MODE_EXEC_PRIV, NULL, "repeat", "specify repeat count"},
    {MODE_EXEC_PRIV, NULL, "size", "specify datagram size"},
    {MODE_EXEC_PRIV, NULL, "timeout", "specify timeout interval"},
    {MODE_EXEC_PRIV, NULL, "source", "specify source address or name"},
    {MODE_EXEC_PRIV, NULL, "Hostname or A.B.C.D", "Ping destination address or hostname"},
    {MODE_EXEC_PRIV, "length", "<0-512>", "Number of lines on screen (0 for no pausing)"},
    {MODE_EXEC_PRIV, "width", "<0-512>", "Number of characters on a screen line"},
    {-1, NULL, "do", "To run exec commands in config mode"},
    {-1, "do", "LINE", "Exec Command"},
};

void
exec_register(void)
{
    static bool done;
    struct cmd_def *priv, *user, *cfg;
    size_t i, nu = 0;

    if (done)
        return;
    done = true;
    priv = mem_zalloc(NROWS * sizeof(*priv));
    user = mem_zalloc(NROWS * sizeof(*user));
    cfg = mem_zalloc((NCFG + 1) * sizeof(*cfg));
    for (i = 0; i < NROWS; i++) {
        struct cmd_def d = {MODE_EXEC_PRIV, rows[i].syntax, CLS_SUPPORTED,    NULL,
                            NULL,           MODE_EXEC,      rows[i].cmdflags, 0,
                            &rows[i].cmd};
        priv[i] = d;
        if (rows[i].cmd.level <= 1) {
            d.mode = MODE_EXEC;
            user[nu++] = d;
        }
    }
    for (i = 0; i < NCFG; i++) {
        struct cmd_def d = {
            config_modes[i], "do <line:cmd>", CLS_SUPPORTED, NULL, NULL, MODE_EXEC, 0, 0,
            &do_marker};
        cfg[i] = d;
    }
    {
        /* `exit` in global configuration leaves configuration mode */
        struct cmd_def d = {MODE_GLOBAL, "exit", CLS_SUPPORTED, NULL, NULL, MODE_EXEC,
                            0,           0,      &do_marker};
        cfg[NCFG] = d;
    }
    cmd_add_table(priv, NROWS);
    cmd_add_table(user, nu);
    cmd_add_table(cfg, NCFG + 1);
    cmd_add_help_texts(texts, sizeof(texts) / sizeof(texts[0]));
}

bool
exec_has(const struct cmd_match *m, const char *name)
{
    return cmd_has(m, name);
}
