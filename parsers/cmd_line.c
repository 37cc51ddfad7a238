/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * `line con|aux|vty` sub-commands. The vty settings decide who may log in to
 * the IOS shell over telnet and SSH (login, password, transport input), so
 * they are modeled; the rest is kept verbatim.
 */
#include "parsers/cfg_build.h"
#include "parsers/slots.h"

#include <string.h>

#define NOTE_VTY "IOS shell access over telnet/SSH"
#define NP       (CMDF_NO | CMDF_NO_PREFIX | CMDF_DEFAULT)

static struct cfg_line *
cur_line(struct cfg_build *b)
{
    return &b->c->lines[b->cur_line];
}

static int
h_login(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg_line *l = cur_line(b);

    l->no_login = m->op == OP_NO;
    l->login = m->op != OP_SET ? 0 : cmd_has(m, "local") ? 2 : 1;
    return H_OK;
}

static int
h_password(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg_line *l = cur_line(b);

    if (m->op != OP_SET) {
        l->password = NULL;
        return H_OK;
    }
    if (cmd_has(m, "7")) {
        *err = "% Type 7 passwords are not supported here; use a clear-text password";
        return H_ERR;
    }
    l->password = cmd_str(b, m, "pw");
    l->password_type = 0;
    return H_OK;
}

static int
h_transport(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg_line *l = cur_line(b);
    unsigned t = 0;

    if (m->op != OP_SET) {
        l->has_transport = false;
        l->transport = 0;
        return H_OK;
    }
    if (cmd_has(m, "telnet"))
        t |= TRANSPORT_TELNET;
    if (cmd_has(m, "ssh"))
        t |= TRANSPORT_SSH;
    if (cmd_has(m, "none"))
        t = TRANSPORT_NONE;
    if (cmd_has(m, "all"))
        t = TRANSPORT_ALL;
    l->has_transport = true;
    l->transport = t;
    return H_OK;
}

static int
h_exec_timeout(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    struct cfg_line *l = cur_line(b);

    l->exec_timeout_min = m->op == OP_SET ? (int)cmd_num(m, "min", 10) : -1;
    l->exec_timeout_sec = m->op == OP_SET ? (int)cmd_num(m, "sec", 0) : -1;
    return H_OK;
}

static int
h_privilege(struct cfg_build *b, const struct cmd_match *m, const char **err)
{
    cur_line(b)->privilege = m->op == OP_SET ? (int)cmd_num(m, "lvl", 1) : -1;
    return H_OK;
}

const struct cmd_def cmd_tbl_line[] = {
    {MODE_LINE, "login [local]", CLS_SUPPORTED, NOTE_VTY, h_login, MODE_EXEC, NP,
     .help = CMD_HELP({"login", "Enable password checking"}, {"local", "Local password checking"})},
    {MODE_LINE, "password [{0|7}] <word:pw>", CLS_SUPPORTED, NOTE_VTY, h_password, MODE_EXEC, NP,
     .help = CMD_HELP({"password", "Set a password"},
                      {"0", "Specifies an UNENCRYPTED password will follow"},
                      {"7", "Specifies a HIDDEN password will follow"})},
    {MODE_LINE, "transport input {all | none | telnet [ssh] | ssh [telnet]}", CLS_TRANSLATED,
     "telnet listener on port 23 / sshd on port 22", h_transport, MODE_EXEC, NP,
     .help =
         CMD_HELP({"transport", "Define transport protocols for line"},
                  {"input", "Define which protocols to use when connecting to the terminal server"},
                  {"all", "All protocols"}, {"none", "No protocols"},
                  {"telnet", "TCP/IP Telnet protocol"}, {"ssh", "TCP/IP SSH protocol"})},
    {MODE_LINE, "exec-timeout <num:0-35791:min> [<num:0-2147483:sec>]", CLS_SUPPORTED, NOTE_VTY,
     h_exec_timeout, MODE_EXEC, NP, .help = CMD_HELP({"exec-timeout", "Set the EXEC timeout"})},
    {MODE_LINE, "privilege level <num:0-15:lvl>", CLS_SUPPORTED, NOTE_VTY, h_privilege, MODE_EXEC,
     NP,
     .help = CMD_HELP({"privilege", "Change privilege level for line"},
                      {"level", "Assign default privilege level for line"})},
};

const size_t cmd_tbl_line_len = TABLE_LEN(cmd_tbl_line);
