/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Why charon refused an IKE SA, told in IOS's syslog words. Pure: fed the
 * lines of charon's VICI "log" event (message text and the IKE SA's unique
 * id) and an explicit wall-clock time; no I/O.
 *
 * charon says why an authentication failed only in its log; the VICI
 * updown events never carry a reason. IOS says it in its syslog, so the
 * IPsec service subscribes to charon's log and turns the few lines that
 * refuse an SA into IOS's messages (docs/architecture.md, "Refusals").
 */
#ifndef DMVPN_IPSEC_IKE_REFUSAL_H
#define DMVPN_IPSEC_IKE_REFUSAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

enum ike_refusal_why {
    IKE_REFUSE_NONE,
    IKE_REFUSE_AUTH,         /* the peer's AUTH payload failed our check (PSK MAC) */
    IKE_REFUSE_REJECTED,     /* the peer answered AUTHENTICATION_FAILED (RFC 7296 3.10.1) */
    IKE_REFUSE_CERT_EXPIRED, /* a certificate of the peer's chain past its notAfter */
    IKE_REFUSE_CERT_NOT_YET, /* ... before its notBefore */
    IKE_REFUSE_CERT_ISSUER,  /* no trusted issuer: a certificate of another CA */
    IKE_REFUSE_COUNT
};

#define IKE_REFUSAL_ADDRSIZ 48
#define IKE_REFUSAL_SLOTS   32

struct ike_refusal {
    uint32_t uid; /* charon's IKE SA unique id */
    uint8_t why;  /* enum ike_refusal_why */
    bool done;    /* this SA's refusal was reported */
    bool ikev1;   /* an IKEv1 SA (Main/Aggressive Mode): not reported, IOS's
                   * IKEv1 words are other messages */
    char local[IKE_REFUSAL_ADDRSIZ], remote[IKE_REFUSAL_ADDRSIZ];
    uint16_t lport, rport;
    time_t bound; /* the validity bound that failed (certificate reasons) */
};

/* The last IKE_REFUSAL_SLOTS IKE SAs seen in the log, oldest replaced. */
struct ike_refusal_track {
    struct ike_refusal slot[IKE_REFUSAL_SLOTS];
    unsigned next;
    uint64_t refused[IKE_REFUSE_COUNT]; /* refusals reported, by reason */
};

/* Feed one log line of IKE SA uid (0: a line of no SA, ignored). now is
 * the wall-clock time the line was logged (to tell an expired certificate
 * from one not valid yet). Returns true, with the SA's addresses and reason
 * in *out, on the first line that refuses that SA; later lines of the same
 * SA return false (one report per SA, as IOS logs one abort per exchange). */
bool ike_refusal_feed(struct ike_refusal_track *t, uint32_t uid, const char *line, time_t now,
                      struct ike_refusal *out);

/* IOS's syslog lines for a refusal, one per element of lines (at most 2);
 * returns how many. */
#define IKE_REFUSAL_LINESIZ 256
size_t ike_refusal_ios(const struct ike_refusal *r, char lines[2][IKE_REFUSAL_LINESIZ]);

const char *ike_refusal_why_name(enum ike_refusal_why why);

#endif
