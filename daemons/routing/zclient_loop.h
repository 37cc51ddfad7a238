/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A zclient session on dmvpnd's event loop: its descriptor watched for the
 * events it asks for and its reconnect deadline as a timer. Every owner of a
 * session (NHRP's routes, EIGRP's routes) has the same loop duty, so it is
 * here once.
 */
#ifndef DMVPN_ROUTING_ZCLIENT_LOOP_H
#define DMVPN_ROUTING_ZCLIENT_LOOP_H

struct evloop;
struct zclient;
struct zclient_loop;

/* zc may be NULL (no session: nothing is watched); it stays the owner's. */
struct zclient_loop *zclient_loop_new(struct evloop *ev, struct zclient *zc);
/* Follows the session's descriptor and deadline: call after every call
 * into the client that can change them (route changes, starts). */
void zclient_loop_rearm(struct zclient_loop *l);
void zclient_loop_free(struct zclient_loop *l);

#endif
