/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * show version. IOS's layout and wording where scripts look (the `Software
 * (...), Version X, RELEASE` line, `ROM:`, `<host> uptime is ...`, `System
 * image file is "..."`, `Configuration register is`), so the TextFSM and
 * Genie show-version parsers find their fields; the content names opendmvpn,
 * the Linux kernel under it and the data plane backend in use, never Cisco.
 */
#include "cli/render/render_system.h"
#include "lib/json.h"

#include <stdio.h>
#include <string.h>

static void
unit(struct strbuf *out, bool *first, int64_t v, const char *name)
{
    if (v == 0)
        return;
    sb_printf(out, "%s%lld %s%s", *first ? "" : ", ", (long long)v, name, v == 1 ? "" : "s");
    *first = false;
}

/* IOS counts years of 52 weeks + 1 day ("1 year, 0 weeks" is never shown:
 * zero parts are left out) and says "0 minutes" right after boot. */
void
render_uptime(struct strbuf *out, int64_t secs)
{
    int64_t mins = secs < 0 ? 0 : secs / 60;
    int64_t years = mins / (365 * 1440);
    bool first = true;

    mins -= years * 365 * 1440;
    unit(out, &first, years, "year");
    unit(out, &first, mins / (7 * 1440), "week");
    mins %= 7 * 1440;
    unit(out, &first, mins / 1440, "day");
    mins %= 1440;
    unit(out, &first, mins / 60, "hour");
    if (mins % 60 || first)
        sb_printf(out, "%s%lld minute%s", first ? "" : ", ", (long long)(mins % 60),
                  mins % 60 == 1 ? "" : "s");
}

static void
count_line(struct strbuf *out, uint32_t n, const char *what)
{
    if (n)
        sb_printf(out, "%u %s interface%s\n", n, what, n == 1 ? "" : "s");
}

void
render_version(struct strbuf *out, int64_t now_ms, int64_t boot_ms, const struct rec_system *s)
{
    const char *host = s->hostname[0] ? s->hostname : "Router";

    sb_printf(out,
              "opendmvpn Software (DMVPN-LINUX-%.16s), Version %.32s, RELEASE SOFTWARE (dmvpnd)\n",
              s->machine[0] ? s->machine : "unknown", s->version);
    sb_puts(out, "Copyright (c) opendmvpn contributors, GPL-2.0-or-later\n");
    sb_puts(out, "Compiled for Debian GNU/Linux\n\n\n");
    sb_printf(out, "ROM: %.64s\n\n", s->kernel[0] ? s->kernel : "Linux");
    sb_printf(out, "%.64s uptime is ", host);
    render_uptime(out, (now_ms - boot_ms) / 1000);
    sb_puts(out, "\nSystem returned to ROM by dmvpnd start\n");
    sb_printf(out, "System image file is \"%.128s\"\n", s->image);
    sb_puts(out, "Last reload reason: dmvpnd start\n\n");
    sb_printf(out, "Data plane backend: %.32s\n", s->dataplane[0] ? s->dataplane : "none");
    sb_printf(out, "Startup configuration file: %.128s\n\n", s->config);
    sb_printf(out, "opendmvpn (%.16s) processor with %lluK bytes of memory.\n",
              s->machine[0] ? s->machine : "unknown", (unsigned long long)s->mem_kb);
    count_line(out, s->n_ether, "Ethernet");
    count_line(out, s->n_loopback, "Loopback");
    count_line(out, s->n_tunnel, "Tunnel");
    count_line(out, s->n_other, "other");
    sb_puts(out, "\nConfiguration register is 0x2102\n\n");
}

void
render_version_json(struct strbuf *out, int64_t now_ms, int64_t boot_ms, const struct rec_system *s)
{
    const char *host = s->hostname[0] ? s->hostname : "Router";
    const char *dp = s->dataplane[0] ? s->dataplane : "none";
    struct json j;
    struct strbuf up;

    sb_init(&up);
    render_uptime(&up, (now_ms - boot_ms) / 1000);
    json_init(&j, out);
    json_obj_begin(&j, NULL);
    json_strn(&j, "hostname", host, strnlen(host, sizeof(s->hostname)));
    json_strn(&j, "version", s->version, strnlen(s->version, sizeof(s->version)));
    json_strn(&j, "dataplane", dp, strnlen(dp, sizeof(s->dataplane)));
    json_strn(&j, "kernel", s->kernel, strnlen(s->kernel, sizeof(s->kernel)));
    json_strn(&j, "machine", s->machine, strnlen(s->machine, sizeof(s->machine)));
    json_strn(&j, "image", s->image, strnlen(s->image, sizeof(s->image)));
    json_strn(&j, "startup_config", s->config, strnlen(s->config, sizeof(s->config)));
    json_str(&j, "uptime", up.buf);
    json_int(&j, "uptime_seconds", (now_ms - boot_ms) / 1000);
    json_uint(&j, "memory_kb", s->mem_kb);
    json_obj_begin(&j, "interfaces");
    json_uint(&j, "ethernet", s->n_ether);
    json_uint(&j, "loopback", s->n_loopback);
    json_uint(&j, "tunnel", s->n_tunnel);
    json_uint(&j, "other", s->n_other);
    json_obj_end(&j);
    json_obj_end(&j);
    sb_free(&up);
}
