/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Pure renderers for the box-level show commands: show version, show ip
 * interface brief, show interfaces [X], show logging, and their `| json`
 * forms. Inputs are the records of lib/rec.h (rec_system, rec_iface,
 * rec_log) and the daemon's clock readings from the reply header; nothing
 * here reads a clock or a file. Layout is IOS 15.x (IOL/IOSv), the family
 * of the other renderers (docs/architecture.md "Shell").
 */
#ifndef DMVPN_CLI_RENDER_SYSTEM_H
#define DMVPN_CLI_RENDER_SYSTEM_H

#include "lib/rec.h"
#include "lib/strbuf.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* show version: `now_ms`/`boot_ms` are the reply header's clock readings. */
void render_version(struct strbuf *out, int64_t now_ms, int64_t boot_ms,
                    const struct rec_system *s);
void render_version_json(struct strbuf *out, int64_t now_ms, int64_t boot_ms,
                         const struct rec_system *s);
/* "1 week, 2 days, 3 hours, 4 minutes" (IOS uptime wording). */
void render_uptime(struct strbuf *out, int64_t secs);

/* show ip interface brief: rows in the caller's order (IOS: interface order). */
void render_interfaces_brief(struct strbuf *out, const struct rec_iface *ifs, size_t n);
/* The same in the layout of IOS-XE 17 (xe17) or of the other images. */
void render_interfaces_brief_ex(struct strbuf *out, const struct rec_iface *ifs, size_t n,
                                bool xe17);
/* show interfaces [X]: one block per record. */
void render_interfaces(struct strbuf *out, int64_t now_ms, const struct rec_iface *ifs, size_t n);
void render_interfaces_json(struct strbuf *out, int64_t now_ms, const struct rec_iface *ifs,
                            size_t n);
/* The Tunnel transport MTU IOS prints when the record leaves it 0. */
uint32_t render_tunnel_transport_mtu(const struct rec_iface *r);

/* show logging: the header from the system record, then the buffer,
 * oldest first. Timestamps are UTC ("*Sep 21 07:03:50.269"). */
void render_logging(struct strbuf *out, const struct rec_system *s, const struct rec_log *l,
                    size_t n);
void render_logging_json(struct strbuf *out, const struct rec_system *s, const struct rec_log *l,
                         size_t n);
/* One log line as IOS prints it: "*Sep 21 07:03:50.269: <text>" (no newline). */
void render_log_line(struct strbuf *out, int64_t wall_ms, const char *text);

#endif
