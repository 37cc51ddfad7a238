/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * charon's log lines that refuse an IKE SA -> IOS's syslog (ike_refusal.h).
 *
 * The lines recognised are strongSwan 5.9's (libcharon's ike_auth/psk
 * authenticator, libstrongswan's credential manager); each is keyed by the
 * IKE SA's unique id, which VICI's log event carries. The first refusing
 * line of an SA decides its reason: an expired certificate is followed by
 * "no trusted RSA public key", which must not hide why.
 *
 * IOS's words. Verified against public captures of IOS/Cisco software:
 *  - "%PKI-3-CERTIFICATE_INVALID_EXPIRED: Certificate chain validation has
 *    failed. ... has expired. Validity period ended on 11:53:58 UTC Jun 1
 *    2025" and "%PKI-3-CERTIFICATE_INVALID_NOT_YET_VALID: ... is not yet
 *    valid   Validity period starts on 00:51:51 UTC Feb 23 2026" (IOS
 *    consoles; the serial "(SN: ...)" is left out: charon does not log it,
 *    and IOS's own SNMP trap text of the message reads without it too);
 *  - "Local:A:500 Remote:B:500 Username:Unknown IKEv2 Negotiation aborted
 *    due to ERROR: Failed to authenticate the IKE SA" is the text of Cisco's
 *    IKEv2 stack on ASA/FTD (message 750003).
 * Not found in any source we have: IOS's facility/mnemonic for that IKEv2
 * abort (written here %IKEV2-3-NEG_ABORT) and IOS's message for a chain
 * that has no trusted issuer (written %PKI-3-CERTIFICATE_INVALID with the
 * common first sentence). docs/architecture.md says the same.
 */
#include "daemons/ipsec/ike_refusal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const why_names[IKE_REFUSE_COUNT] = {
    "none", "auth", "rejected", "cert-expired", "cert-not-yet-valid", "cert-issuer"};

const char *
ike_refusal_why_name(enum ike_refusal_why why)
{
    return (unsigned)why < IKE_REFUSE_COUNT ? why_names[why] : "?";
}

/* ---- the SA slots ---- */

static struct ike_refusal *
slot_of(struct ike_refusal_track *t, uint32_t uid)
{
    struct ike_refusal *s;
    for (unsigned i = 0; i < IKE_REFUSAL_SLOTS; i++)
        if (t->slot[i].uid == uid)
            return &t->slot[i];
    s = &t->slot[t->next];
    t->next = (t->next + 1) % IKE_REFUSAL_SLOTS;
    memset(s, 0, sizeof(*s));
    s->uid = uid;
    return s;
}

/* ---- pieces of charon's lines ---- */

/* "A[p]" at s: the address into addr, the port into *port; false when it
 * does not have that shape. */
static bool
host_port(const char *s, char *addr, uint16_t *port, const char **end)
{
    const char *b = strchr(s, '['), *e;
    char *num_end;
    unsigned long p;
    if (!b || b == s || (size_t)(b - s) >= IKE_REFUSAL_ADDRSIZ)
        return false;
    p = strtoul(b + 1, &num_end, 10);
    e = num_end;
    if (e == b + 1 || *e != ']' || p > 65535)
        return false;
    memcpy(addr, s, (size_t)(b - s));
    addr[b - s] = '\0';
    *port = (uint16_t)p;
    *end = e + 1;
    return true;
}

/* "received packet: from R[rp] to L[lp]" / "sending packet: from L[lp] to R[rp]" */
static void
packet_line(struct ike_refusal *s, const char *p, bool rx)
{
    const char *end;
    char a[IKE_REFUSAL_ADDRSIZ], b[IKE_REFUSAL_ADDRSIZ];
    uint16_t ap, bp;
    if (!host_port(p, a, &ap, &end) || strncmp(end, " to ", 4) || !host_port(end + 4, b, &bp, &end))
        return;
    snprintf(s->remote, sizeof(s->remote), "%s", rx ? a : b);
    snprintf(s->local, sizeof(s->local), "%s", rx ? b : a);
    s->rport = rx ? ap : bp;
    s->lport = rx ? bp : ap;
}

/* The first token of line up to stop (an address), when it is one word. */
static void
word_before(char *out, const char *line, const char *stop)
{
    const char *e = strstr(line, stop);
    size_t n = e ? (size_t)(e - line) : 0;
    if (!n || n >= IKE_REFUSAL_ADDRSIZ || memchr(line, ' ', n))
        return;
    memcpy(out, line, n);
    out[n] = '\0';
}

static int
month_of(const char *m)
{
    static const char names[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
    for (int i = 0; i < 12; i++)
        if (!strncmp(m, names + 3 * i, 3))
            return i;
    return -1;
}

/* strongSwan's %T: "Dec 06 23:30:00 2026", or with %#T (UTC) "Dec 06
 * 23:30:00 UTC 2026". Local time without "UTC". (time_t)-1 when not one. */
static time_t
sw_time(const char *s, const char **end)
{
    struct tm tm = {0};
    char mon[4] = {0}, tz[4] = {0};
    int n = 0, d, H, M, S, y;
    if (sscanf(s, "%3s %d %d:%d:%d %n", mon, &d, &H, &M, &S, &n) != 5 || !n)
        return (time_t)-1;
    s += n;
    if (!strncmp(s, "UTC ", 4)) {
        memcpy(tz, "UTC", 3);
        s += 4;
    }
    n = 0;
    if (sscanf(s, "%4d%n", &y, &n) != 1 || month_of(mon) < 0)
        return (time_t)-1;
    *end = s + n;
    tm.tm_year = y - 1900;
    tm.tm_mon = month_of(mon);
    tm.tm_mday = d;
    tm.tm_hour = H;
    tm.tm_min = M;
    tm.tm_sec = S;
    tm.tm_isdst = -1;
    return tz[0] ? timegm(&tm) : mktime(&tm);
}

/* "... certificate invalid (valid from T1 to T2)": which bound failed. */
static enum ike_refusal_why
validity_line(struct ike_refusal *s, const char *p, time_t now)
{
    const char *end;
    time_t from = sw_time(p, &end), to;
    if (from == (time_t)-1 || strncmp(end, " to ", 4))
        return IKE_REFUSE_CERT_EXPIRED;
    to = sw_time(end + 4, &end);
    if (now < from) {
        s->bound = from;
        return IKE_REFUSE_CERT_NOT_YET;
    }
    s->bound = to == (time_t)-1 ? 0 : to;
    return IKE_REFUSE_CERT_EXPIRED;
}

static enum ike_refusal_why
classify(struct ike_refusal *s, const char *line, time_t now)
{
    const char *p;
    if (strstr(line, "shared key") && strstr(line, "but MAC mismatched"))
        return IKE_REFUSE_AUTH;
    if (strstr(line, "received AUTHENTICATION_FAILED notify error"))
        return IKE_REFUSE_REJECTED;
    if ((p = strstr(line, "certificate invalid (valid from ")))
        return validity_line(s, p + strlen("certificate invalid (valid from "), now);
    if (strstr(line, "no issuer certificate found for") ||
        strstr(line, "no trusted issuer certificate found") ||
        strstr(line, "constraint check failed: peer not authenticated by CA"))
        return IKE_REFUSE_CERT_ISSUER;
    if (strstr(line, "no trusted ") && strstr(line, " public key found for"))
        return IKE_REFUSE_AUTH;
    return IKE_REFUSE_NONE;
}

bool
ike_refusal_feed(struct ike_refusal_track *t, uint32_t uid, const char *line, time_t now,
                 struct ike_refusal *out)
{
    struct ike_refusal *s;
    enum ike_refusal_why why;
    if (!uid || !line)
        return false;
    s = slot_of(t, uid);
    if (!strncmp(line, "received packet: from ", 22)) {
        packet_line(s, line + 22, true);
        return false;
    }
    if (!strncmp(line, "sending packet: from ", 21)) {
        packet_line(s, line + 21, false);
        return false;
    }
    if (strstr(line, "Main Mode IKE_SA") || strstr(line, "Aggressive Mode IKE_SA")) {
        s->ikev1 = true; /* "initiating Main Mode IKE_SA", "X is initiating a Main Mode IKE_SA" */
        return false;
    }
    if (strstr(line, " is initiating an IKE_SA")) {
        word_before(s->remote, line, " is initiating an IKE_SA");
        return false;
    }
    if (!strncmp(line, "initiating IKE_SA ", 18) && (line = strstr(line, "] to "))) {
        snprintf(s->remote, sizeof(s->remote), "%s", line + 5);
        return false;
    }
    if (s->done || s->ikev1 || (why = classify(s, line, now)) == IKE_REFUSE_NONE)
        return false;
    s->why = (uint8_t)why;
    s->done = true;
    t->refused[why]++;
    *out = *s;
    return true;
}

/* ---- IOS's words ---- */

/* IOS's time: "11:53:58 UTC Jun 1 2025" */
static void
ios_time(char *out, size_t n, time_t t)
{
    static const char mon[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
    struct tm tm;
    if (!t || !gmtime_r(&t, &tm)) {
        snprintf(out, n, "(unknown)");
        return;
    }
    snprintf(out, n, "%02d:%02d:%02d UTC %.3s %d %d", tm.tm_hour, tm.tm_min, tm.tm_sec,
             mon + 3 * tm.tm_mon, tm.tm_mday, tm.tm_year + 1900);
}

size_t
ike_refusal_ios(const struct ike_refusal *r, char lines[2][IKE_REFUSAL_LINESIZ])
{
    char when[48], local[IKE_REFUSAL_ADDRSIZ + 16] = "";
    size_t k = 0;
    ios_time(when, sizeof(when), r->bound);
    switch (r->why) {
    case IKE_REFUSE_CERT_EXPIRED:
        snprintf(lines[k++], IKE_REFUSAL_LINESIZ,
                 "%%PKI-3-CERTIFICATE_INVALID_EXPIRED: Certificate chain validation has failed.  "
                 "The certificate has expired.  Validity period ended on %s",
                 when);
        break;
    case IKE_REFUSE_CERT_NOT_YET:
        snprintf(lines[k++], IKE_REFUSAL_LINESIZ,
                 "%%PKI-3-CERTIFICATE_INVALID_NOT_YET_VALID: Certificate chain validation has "
                 "failed.  The certificate is not yet valid.  Validity period starts on %s",
                 when);
        break;
    case IKE_REFUSE_CERT_ISSUER:
        snprintf(lines[k++], IKE_REFUSAL_LINESIZ,
                 "%%PKI-3-CERTIFICATE_INVALID: Certificate chain validation has failed.  "
                 "No trusted issuer (another CA)");
        break;
    default:
        break;
    }
    if (r->local[0])
        snprintf(local, sizeof(local), "Local:%s:%u ", r->local, r->lport);
    snprintf(lines[k++], IKE_REFUSAL_LINESIZ,
             "%%IKEV2-3-NEG_ABORT: %sRemote:%s:%u Username:Unknown IKEv2 Negotiation aborted "
             "due to ERROR: Failed to authenticate the IKE SA",
             local, r->remote[0] ? r->remote : "unknown", r->rport);
    return k;
}
