/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A compromised NHRP child, for test_ps_proxy: started by the real proxy
 * with its socket as descriptor 3, it takes the config, then sends a fixed
 * script of emits and calls, some a child may make and some it may not, and
 * logs the answers it got (PS_LOG, which the parent logs); last it breaks
 * the framing. The mappings a restarted one gets back from the parent
 * (SVC_EV_NHRP_RESTORE) are logged as they come. It never confines itself:
 * the proxy's checks are under test.
 */
#include "daemons/privsep/ps_wire.h"
#include "lib/pmsg.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define SOCK 3

static struct pmsg_rd rd;
static uint32_t next_id = 100;

static void
log_line(const char *line)
{
    struct strbuf sb;

    sb_init(&sb);
    ps_put32(&sb, 2); /* LOG_LVL_NOTICE */
    sb_puts(&sb, line);
    pmsg_send(SOCK, PS_LOG, 0, sb.buf, sb.len, -1);
    sb_free(&sb);
}

static void
note_restore(const struct pmsg *m)
{
    struct ps_event e;
    char line[128];

    if (m->type != PS_EVENT || ps_event_decode(m->payload, m->len, &e) < 0 ||
        e.type != SVC_EV_NHRP_RESTORE)
        return;
    snprintf(line, sizeof(line), "fake child: restored %d %08x %08x", e.u.map.tun,
             (unsigned)e.u.map.proto, (unsigned)e.u.map.nbma);
    log_line(line);
}

static int
wait_for(uint16_t type, uint32_t id, struct pmsg *m)
{
    for (;;) {
        enum pmsg_dec d;

        while ((d = pmsg_rd_next(&rd, m)) == PMSG_OK) {
            if (m->type == type && (id == 0 || m->id == id))
                return 0;
            note_restore(m);
        }
        if (d != PMSG_NEED_MORE || pmsg_rd_recv(&rd, SOCK) <= 0)
            return -1;
    }
}

static void
emit(int type, const void *payload)
{
    struct strbuf sb;

    sb_init(&sb);
    ps_event_encode(&sb, type, payload);
    pmsg_send(SOCK, PS_EMIT, 0, sb.buf, sb.len, -1);
    sb_free(&sb);
}

/* The call's result code as the parent answered it. */
static int
call(int type, const void *in)
{
    struct strbuf sb;
    struct pmsg m;
    uint32_t id = ++next_id;

    sb_init(&sb);
    ps_call_encode(&sb, type, in);
    pmsg_send(SOCK, PS_CALL, id, sb.buf, sb.len, -1);
    sb_free(&sb);
    if (wait_for(PS_ANSWER, id, &m) < 0 || m.len < 4)
        return 99;
    return (int)(int32_t)ps_get32(m.payload);
}

int
main(void)
{
    struct pmsg m;
    uint32_t done = 0;
    char line[128];
    int r[4];

    pmsg_rd_init(&rd, PS_TYPE_MAX, PS_MAX_PAYLOAD);
    if (wait_for(PS_CONFIG, 0, &m) < 0)
        return 1;
    pmsg_send(SOCK, PS_DONE, m.id, &done, sizeof(done), -1);
    /* a mapping on our global tunnel, then on a tunnel that does not exist */
    emit(SVC_EV_MAP, &(struct svc_map){0, 0x0a000002u, 0xc6336402u});
    emit(SVC_EV_MAP, &(struct svc_map){5, 0x0a000003u, 0xc6336403u});
    /* an event the NHRP contract does not emit */
    emit(SVC_EV_DP_MISS, &(struct svc_dp_miss){0, 0x0a000009u});
    /* route calls: global for the global tunnel, VRF for the VRF tunnel,
     * and each crossed over */
    r[0] = call(SVC_CALL_ROUTE_ADD, &(struct svc_route){0, 0xc0a80300u, 24, 0x0a000003u});
    r[1] = call(SVC_CALL_ROUTE_ADD, &(struct svc_route){1, 0xc0a80300u, 24, 0x0a010003u});
    r[2] = call(SVC_CALL_VRF_ROUTE_ADD, &(struct svc_route){1, 0xc0a80400u, 24, 0x0a010003u});
    r[3] = call(SVC_CALL_VRF_ROUTE_ADD, &(struct svc_route){0, 0xc0a80400u, 24, 0x0a000003u});
    snprintf(line, sizeof(line), "fake child: answers %d %d %d %d", r[0], r[1], r[2], r[3]);
    log_line(line);
    /* a header with a type past the last: the stream is broken */
    static const uint8_t bad[PMSG_HDR_LEN] = {0, 0, 0, 0, 0, 99, 0, 0, 0, 0, 0, 0};
    if (write(SOCK, bad, sizeof(bad)) < 0)
        return 1;
    /* the parent closes its end and reaps us */
    while (pmsg_rd_recv(&rd, SOCK) > 0)
        ;
    return 0;
}
