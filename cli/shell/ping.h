/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * `ping` runs the system's ping (iputils) in the node's network namespace
 * and speaks IOS: "!" per echo reply, "." per timeout, then "Success rate is
 * N percent (r/s), round-trip min/avg/max = a/b/c ms". The reading of
 * iputils' output is pure and unit-tested.
 */
#ifndef DMVPN_CLI_PING_H
#define DMVPN_CLI_PING_H

#include "lib/strbuf.h"

#include <stdbool.h>
#include <stdint.h>

struct ping_state {
    unsigned sent, replies, marks; /* marks: ! and . written so far */
    unsigned rtt_min_us, rtt_max_us;
    uint64_t rtt_sum_us;
    bool unknown_host;
};

void ping_init(struct ping_state *p, unsigned count);
/* One line of iputils ping output; appends "!" or "." to marks. */
void ping_line(struct ping_state *p, const char *line, struct strbuf *marks);
/* The closing marks for unanswered echoes and the IOS summary line. */
void ping_finish(struct ping_state *p, struct strbuf *out);

#endif
