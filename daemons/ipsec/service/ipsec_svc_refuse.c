/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * charon's log (VICI "log" events) -> IOS's syslog for refused IKE SAs.
 * The reading is the pure daemons/ipsec/ike_refusal.c; this file only takes
 * the event's fields apart and logs what it says. charon's own log file
 * still has every line; dmvpnd's log gets the IOS lines only.
 */
#include "daemons/ipsec/service/ipsec_svc_int.h"

#include "lib/vici.h"

#include <stdlib.h>
#include <time.h>

void
mi_on_log(struct ipsec_svc *m, const struct vici_msg *msg)
{
    const char *line = vici_msg_str(msg, "msg"), *id = vici_msg_str(msg, "ikesa-uniqueid");
    char lines[2][IKE_REFUSAL_LINESIZ], *end;
    struct ike_refusal r;
    unsigned long uid;
    size_t n;

    m->cnt.log_lines++;
    if (!line || !id)
        return; /* not a line of an IKE SA */
    uid = strtoul(id, &end, 10);
    if (*end || !uid || uid > UINT32_MAX) {
        m->cnt.bad_events++;
        return;
    }
    if (!ike_refusal_feed(&m->refusals, (uint32_t)uid, line, time(NULL), &r))
        return;
    m->cnt.refused++;
    if (!log_ratelimit_ok(&m->refuse_rl, (uint64_t)mi_now(m)))
        return; /* counted (refuse_rl.suppressed), told with the next one */
    if (m->refuse_rl.suppressed) {
        log_notice("ipsec: %llu more refused IKE SAs not logged (rate limit)",
                   (unsigned long long)m->refuse_rl.suppressed);
        m->refuse_rl.suppressed = 0;
    }
    n = ike_refusal_ios(&r, lines);
    for (size_t i = 0; i < n; i++)
        log_notice("%s", lines[i]);
}
