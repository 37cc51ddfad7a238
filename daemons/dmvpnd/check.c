/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * `dmvpnd -n`: check a config file without touching the system, optionally
 * printing the canonical running-config (-v) or the migration report
 * (--report). Exit status: 0 no invalid line, 1 some invalid, 2 unreadable.
 * Also `--charon-conf`: the strongswan.conf of the node's charon, from the
 * same config, so the lab and operators do not restate it.
 */
#include "daemons/dmvpnd/dmvpnd.h"
#include "parsers/parse.h"
#include "parsers/model_json.h"
#include "parsers/print.h"
#include "parsers/report.h"
#include "parsers/validate.h"
#include "daemons/ipsec/translate.h"
#include "lib/strbuf.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

int
dmvpnd_check(const char *path, bool print, enum report_fmt report)
{
    struct cfg_parse *p = cfg_parse_file(path);
    struct cfg_findings f;
    struct strbuf out, err;
    int rc;

    if (!p) {
        fprintf(stderr, "%s: cannot read: %s\n", path, strerror(errno));
        return 2;
    }
    cfg_validate(p->cfg, &f);
    sb_init(&out);
    sb_init(&err);
    cfg_report_errors(&err, path, p);
    if (report == REPORT_NONE)
        cfg_report_findings(&err, path, &f);
    if (report == REPORT_TEXT)
        cfg_report_text(&out, path, p, &f);
    else if (report == REPORT_JSON)
        cfg_report_json(&out, path, p, &f);
    else if (report == REPORT_MODEL_JSON)
        cfg_json(&out, p->cfg);
    else if (print)
        cfg_print(&out, p->cfg, true);
    fwrite(err.buf, 1, err.len, stderr);
    fwrite(out.buf, 1, out.len, stdout);
    rc = p->counts[CLS_INVALID] ? 1 : 0;
    sb_free(&out);
    sb_free(&err);
    cfg_findings_free(&f);
    cfg_parse_free(p);
    return rc;
}

int
dmvpnd_charon_conf(const char *path, const char *vici_path, const char *log_path, bool kernel_esp)
{
    struct cfg_parse *p = cfg_parse_file(path);
    struct ipsec_charon_conf cc = {0};
    struct strbuf out;

    if (!p) {
        fprintf(stderr, "%s: cannot read: %s\n", path, strerror(errno));
        return 2;
    }
    cc.vici_socket = vici_path ? vici_path : "/run/dmvpn/charon.vici";
    cc.libipsec = !kernel_esp;
    cc.log_path = log_path;
    cc.log_level = 1;
    ipsec_charon_conf_from_cfg(&cc, p->cfg);
    sb_init(&out);
    ipsec_charon_conf_render(&out, &cc);
    fwrite(out.buf, 1, out.len, stdout);
    sb_free(&out);
    cfg_parse_free(p);
    return 0;
}
