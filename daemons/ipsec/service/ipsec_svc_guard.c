/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The clear-text guard of protected tunnels. IOS never sends a protected
 * tunnel's GRE without ESP and drops GRE that arrives in clear. The NHRP
 * coupling keeps data and NHRP waiting until SAs are up, but between charon
 * dropping an SA (or dying) and dmvpnd hearing of it packets could still
 * slip out: under kernel-libipsec they are no longer routed into its TUN,
 * under kernel ESP charon has removed the IPsec policies with the SA. So
 * the node's netfilter gets two rules for the set of protected tunnel
 * sources (daemons/ipsec/guard_rules.c writes them for either back end),
 * installed with nft(8) when the set changes and removed when dmvpnd stops.
 */
#include "daemons/ipsec/service/ipsec_svc_int.h"
#include "daemons/ipsec/guard_rules.h"
#include "parsers/cfg.h"
#include "lib/log.h"
#include "lib/netns.h"

#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

/* The namespace the protected tunnels' GRE arrives in: their front-door
 * VRF's (one charon serves one underlay, in that namespace); -1 ours. A
 * charon of the global table with VRFs of their own beside it guards the
 * global table's tunnels only. */
static int
underlay_ns(const struct ipsec_svc *m)
{
    char ns[200];
    size_t i;

    if (m->fvrf)
        return netns_vrf_name(m->fvrf, ns, sizeof(ns)) ? netns_open(ns) : -1;
    if (m->xopts.scoped)
        return -1;
    for (i = 0; m->cfg && i < m->cfg->nifs; i++) {
        const struct cfg_iface *ifp = &m->cfg->ifs[i];
        if (ifp->tun_protection && ifp->tun_vrf && netns_vrf_name(ifp->tun_vrf, ns, sizeof(ns)))
            return netns_open(ns);
    }
    return -1;
}

/* Feeds script to `nft -f -` in the underlay's namespace; 0 when nft
 * accepted it. */
static int
nft_run(const struct ipsec_svc *m, const char *script)
{
    static char *const argv[] = {"nft", "-f", "-", NULL};
    posix_spawn_file_actions_t fa;
    int pfd[2], status = 0, rc;
    size_t len = strlen(script), off = 0;
    pid_t pid;

    if (pipe2(pfd, O_CLOEXEC) < 0)
        return -errno;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, pfd[0], 0);
    int nsfd = underlay_ns(m);
    if (nsfd >= 0 && netns_enter(nsfd) < 0) {
        rc = errno;
    } else {
        rc = posix_spawnp(&pid, "nft", &fa, NULL, argv, environ);
        if (nsfd >= 0)
            netns_leave();
    }
    if (nsfd >= 0)
        close(nsfd);
    posix_spawn_file_actions_destroy(&fa);
    close(pfd[0]);
    if (rc != 0) {
        close(pfd[1]);
        return -rc;
    }
    while (off < len) {
        ssize_t n = write(pfd[1], script + off, len - off);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        off += (size_t)n;
    }
    close(pfd[1]);
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : -EIO;
}

void
mi_guard_apply(struct ipsec_svc *m)
{
    uint32_t srcs[64];
    size_t n = 0, i, k;
    struct strbuf sb;
    int rc;

    if (!m->v)
        return;
    for (i = 0; i < m->nrifs && n < sizeof(srcs) / sizeof(srcs[0]); i++) {
        bool dup = false;
        for (k = 0; k < n; k++)
            dup = dup || srcs[k] == m->rifs[i].local;
        if (m->rifs[i].local && !dup)
            srcs[n++] = m->rifs[i].local;
    }
    if (n == m->nguard && !memcmp(srcs, m->guard, n * sizeof(srcs[0])))
        return;
    sb_init(&sb);
    ipsec_guard_script(&sb, srcs, n, m->xopts.kernel_ipsec);
    rc = nft_run(m, sb.buf);
    sb_free(&sb);
    if (rc < 0) {
        log_warn("ipsec: cannot install the clear-text GRE guard with nft (%s); protected "
                 "tunnels rely on the NHRP coupling alone",
                 strerror(-rc));
        return;
    }
    memcpy(m->guard, srcs, n * sizeof(srcs[0]));
    m->nguard = n;
    if (n)
        log_info("ipsec: GRE of %zu protected tunnel source(s) only %s", n,
                 m->xopts.kernel_ipsec ? "through kernel ESP" : "through " IPSEC_LIBIPSEC_IF);
}

void
mi_guard_remove(struct ipsec_svc *m)
{
    struct strbuf sb;

    if (!m->nguard)
        return;
    sb_init(&sb);
    ipsec_guard_script(&sb, NULL, 0, false);
    nft_run(m, sb.buf);
    sb_free(&sb);
    m->nguard = 0;
}
