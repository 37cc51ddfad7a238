/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Request messages for the VICI commands the daemon sends besides the
 * translated load-shared/load-conn: initiate, terminate, unload, list-sas.
 * Key names from strongSwan's vici README ("Client-initiated commands").
 * Each returns a new message the caller frees.
 */
#ifndef DMVPN_IPSEC_CMDS_H
#define DMVPN_IPSEC_CMDS_H

#include <stdbool.h>
#include <stdint.h>

struct vici_msg;

/* initiate { child, ike, timeout, init-limits=no }: timeout_ms 0 waits for
 * the result, -1 returns at once (charon's meaning). */
struct vici_msg *ipsec_cmd_initiate(const char *conn, int timeout_ms);
/* terminate { ike | ike-id, force, timeout }. */
struct vici_msg *ipsec_cmd_terminate_ike(const char *conn, uint32_t ike_id, bool force,
                                         int timeout_ms);
struct vici_msg *ipsec_cmd_unload_conn(const char *conn);
struct vici_msg *ipsec_cmd_unload_shared(const char *id);
/* list-sas { noblock, ike }: conn NULL lists all. */
struct vici_msg *ipsec_cmd_list_sas(const char *conn, bool noblock);

#endif
