/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Builders for the VICI requests declared in ipsec_cmds.h. */
#include "daemons/ipsec/ipsec_cmds.h"
#include "lib/vici.h"

struct vici_msg *
ipsec_cmd_initiate(const char *conn, int timeout_ms)
{
    struct vici_msg *m = vici_msg_new();

    vici_msg_kv(m, "child", conn);
    vici_msg_kv(m, "ike", conn);
    vici_msg_kvf(m, "timeout", "%d", timeout_ms);
    /* The daemon, not charon's half-open limits, decides when to retry. */
    vici_msg_kv(m, "init-limits", "no");
    return m;
}

struct vici_msg *
ipsec_cmd_terminate_ike(const char *conn, uint32_t ike_id, bool force, int timeout_ms)
{
    struct vici_msg *m = vici_msg_new();

    if (conn)
        vici_msg_kv(m, "ike", conn);
    if (ike_id)
        vici_msg_kvf(m, "ike-id", "%u", ike_id);
    if (force)
        vici_msg_kv(m, "force", "yes");
    vici_msg_kvf(m, "timeout", "%d", timeout_ms);
    return m;
}

struct vici_msg *
ipsec_cmd_unload_conn(const char *conn)
{
    struct vici_msg *m = vici_msg_new();

    vici_msg_kv(m, "name", conn);
    return m;
}

struct vici_msg *
ipsec_cmd_unload_shared(const char *id)
{
    struct vici_msg *m = vici_msg_new();

    vici_msg_kv(m, "id", id);
    return m;
}

struct vici_msg *
ipsec_cmd_list_sas(const char *conn, bool noblock)
{
    struct vici_msg *m = vici_msg_new();

    if (noblock)
        vici_msg_kv(m, "noblock", "yes");
    if (conn)
        vici_msg_kv(m, "ike", conn);
    return m;
}
