/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * systemd's readiness protocol (sd_notify(3)) without libsystemd: one
 * datagram to $NOTIFY_SOCKET. Type=notify units learn from it that the
 * daemon's control socket is up, so `systemctl start dmvpnd && dmvpn-cli`
 * never races. Without $NOTIFY_SOCKET (a shell, ./lab, tests) it does nothing.
 */
#ifndef DMVPN_LIB_SDNOTIFY_H
#define DMVPN_LIB_SDNOTIFY_H

/* Takes $NOTIFY_SOCKET out of the environment (kept here), so the children
 * (sshd, vtysh, nft) do not notify as if they were the service: Debian's sshd
 * sends READY=1 itself. Call once at start, before anything is spawned. */
void sd_notify_take(void);
/* Sends STATE ("READY=1", "RELOADING=1", "STOPPING=1", "STATUS=..."); returns
 * 0 when sent or when no manager listens, -1 on a send error. */
int sd_notify_state(const char *state);

#endif
