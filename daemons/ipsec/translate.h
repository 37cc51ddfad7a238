/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The pure translator from the IOS crypto model (parsers/cfg.h) to charon's
 * VICI commands: `load-shared` for every `crypto isakmp key`, IKEv1
 * `crypto keyring` key and IKEv2 keyring peer key, and per
 * protected tunnel one `load-conn` per statically known peer NBMA address
 * plus one responder template that accepts any peer (spokes registering at
 * a hub, spokes opening shortcuts). Everything charon cannot do exactly as
 * IOS comes back as a note (translated / unsupported / ignored / error), so
 * the daemon can report it like the config migration report. Also renders
 * the per-node strongswan.conf. No I/O, no clock: golden-tested.
 */
#ifndef DMVPN_IPSEC_TRANSLATE_H
#define DMVPN_IPSEC_TRANSLATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct cfg;
struct strbuf;
struct vici_msg;

struct ipsec_xlate_opts {
    /* The kernel does IPsec itself (ESP, AH, transport mode). False under
     * kernel-libipsec: userspace ESP, tunnel mode only (PLATFORM.md). */
    bool kernel_ipsec;
    /* where `rsakeypair NAME` keys are (NAME.der / NAME.pem); NULL:
     * IPSEC_KEY_DIR */
    const char *key_dir;
    /* One charon per front-door VRF: each charon's sockets live in its
     * underlay, so a tunnel's connections and the keys of its fVRF go to
     * that charon only. scoped false: one charon takes everything (a node
     * with one charon, wherever it runs). scoped with fvrf NULL: the global
     * table's charon, which also takes the VRFs that have no charon of
     * their own (not in own[]). */
    bool scoped;
    const char *fvrf;
    const char *const *own;
    size_t nown;
};

#define IPSEC_KEY_DIR "/etc/opendmvpn/keys"

enum ipsec_note_kind {
    IPSEC_NOTE_TRANSLATED,  /* applied through a strongSwan equivalent */
    IPSEC_NOTE_UNSUPPORTED, /* valid IOS we cannot express; left out */
    IPSEC_NOTE_IGNORED,     /* accepted, no effect here */
    IPSEC_NOTE_ERROR,       /* the config cannot protect this tunnel/peer */
};

struct ipsec_note {
    enum ipsec_note_kind kind;
    char *where; /* "crypto isakmp policy 10", "Tunnel0", "transform-set TS" */
    char *text;
};

/* A credential: a shared key, or (IKEv2 rsa-sig) a certificate or the
 * private key of a trustpoint. charon has no command to unload the last
 * two; they stay until charon restarts, harmless without a connection. */
struct ipsec_shared {
    char *id;             /* load-shared id, also for unload-shared */
    struct vici_msg *msg; /* the request; load-key: without its data */
    const char *cmd;      /* "load-shared" (NULL too), "load-cert", "load-key" */
    /* load-key: the key file without extension; the service reads
     * PATH.der or PATH.pem when it loads (the translator does no I/O) */
    char *keyfile;
};

struct ipsec_conn {
    char *name;           /* IKE and CHILD config name: "Tunnel0-202.1.1.1", "Tunnel0-any" */
    char *ifname;         /* "Tunnel0" */
    uint32_t local;       /* tunnel source, host order; 0 when not static (%any) */
    uint32_t peer;        /* peer NBMA, host order; 0 for the responder template */
    bool initiate;        /* the daemon may initiate it (per-peer, not responder-only) */
    struct vici_msg *msg; /* load-conn request */
};

struct ipsec_xlate {
    struct ipsec_shared *shared;
    size_t nshared, capshared;
    struct ipsec_conn *conns;
    size_t nconns, capconns;
    struct ipsec_note *notes;
    size_t nnotes, capnotes;
};

/* Translates the whole config. Always fills out (free it); returns the
 * number of IPSEC_NOTE_ERROR notes. */
int ipsec_xlate_config(const struct cfg *c, const struct ipsec_xlate_opts *o,
                       struct ipsec_xlate *out);
/*
 * The load-conn for one more peer of a protected tunnel, learnt at run time
 * (an NHRP resolution or registration). Appends to out (zeroed by the
 * caller or from an earlier call); returns 0, or -1 with an error note when
 * the tunnel is not protected or its profile cannot be translated.
 */
int ipsec_xlate_peer(const struct cfg *c, const struct ipsec_xlate_opts *o, const char *ifname,
                     uint32_t nbma, struct ipsec_xlate *out);
void ipsec_xlate_free(struct ipsec_xlate *x);

/* Whether what belongs to front-door VRF vrf (NULL: the global table)
 * goes to the charon o translates for. */
bool ipsec_xlate_in_scope(const struct ipsec_xlate_opts *o, const char *vrf);

/* The predictable connection name: "<ifname>-<a.b.c.d>", "<ifname>-any". */
void ipsec_conn_name(char *buf, size_t sz, const char *ifname, uint32_t peer);
const char *ipsec_note_kind_name(enum ipsec_note_kind k);

/* Golden text: notes, then every message with its encoded size. */
void ipsec_xlate_dump(struct strbuf *out, const struct ipsec_xlate *x);

/* ---- strongswan.conf ---- */

struct ipsec_charon_conf {
    const char *vici_socket; /* absolute path of the VICI socket */
    bool libipsec;           /* userspace ESP: kernel-libipsec + fwmarks */
    const char *log_path;    /* filelog target; NULL: stderr */
    int log_level;           /* charon default log level (0..4) */
    uint32_t nat_keepalive;  /* seconds; 0: charon default */
};

/* Fills nat_keepalive from `crypto isakmp nat keepalive`. */
void ipsec_charon_conf_from_cfg(struct ipsec_charon_conf *cc, const struct cfg *c);
void ipsec_charon_conf_render(struct strbuf *out, const struct ipsec_charon_conf *cc);

#endif
