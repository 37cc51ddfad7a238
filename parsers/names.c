/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Display names of modes (IOS prompt suffixes) and report classes. */
#include "parsers/cmd.h"

const char *
cfg_mode_name(enum cfg_mode m)
{
    switch (m) {
    case MODE_EXEC:
        return "exec";
    case MODE_GLOBAL:
        return "config";
    case MODE_IF:
        return "config-if";
    case MODE_ISAKMP:
        return "config-isakmp";
    case MODE_TSET:
        return "cfg-crypto-trans";
    case MODE_IPSEC_PROF:
        return "ipsec-profile";
    case MODE_LINE:
        return "config-line";
    case MODE_ROUTER:
        return "config-router";
    case MODE_OPAQUE:
        return "config-stanza";
    case MODE_EXEC_PRIV:
        return "exec-priv";
    case MODE_COUNT:
        break;
    }
    return "?";
}

bool
cfg_mode_is_exec(enum cfg_mode m)
{
    return m == MODE_EXEC || m == MODE_EXEC_PRIV;
}

const char *
cfg_class_name(enum cfg_class c)
{
    static const char *const names[CLS_COUNT] = {"supported", "translated", "ignored",
                                                 "unsupported", "invalid"};

    return c < CLS_COUNT ? names[c] : "?";
}
