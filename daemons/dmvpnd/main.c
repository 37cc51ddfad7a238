/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * dmvpnd command line (INTERFACES.md):
 *   dmvpnd -f CONFIG [-s SOCKET] [-d] [-v]  run (--no-vty: never start telnetd/sshd;
 *                                         -v: debug lines too)
 *   dmvpnd -n -f CONFIG                   check only
 *   dmvpnd -nv -f CONFIG                  check, print the running-config
 *   dmvpnd -n --report[=text|json] -f CONFIG
 *   dmvpnd --snapshot-file FILE ...       TEST FIXTURE (snapfile.c): records from FILE
 * IPsec (tunnel protection through strongSwan's charon):
 *   dmvpnd -f CONFIG --vici PATH [--kernel-esp]   drive the charon listening on PATH
 *   --vici-vrf NAME=PATH (repeatable)     the charon of front-door VRF NAME (its
 *                                         sockets in NAME's namespace) listens on
 *                                         PATH: tunnels with `tunnel vrf NAME` and
 *                                         NAME's keys go there, the rest to --vici
 *   dmvpnd -n --charon-conf -f CONFIG [--vici PATH | --vici-vrf NAME=PATH]
 *          [--charon-log FILE] [--kernel-esp]   print that charon's strongswan.conf
 * Routing (FRR runs the config's routing and static routes):
 *   dmvpnd -f CONFIG --frr[=NAME]         drive the FRR of pathspace NAME (none:
 *                                         the default one in /etc/frr)
 *   dmvpnd -n --frr-conf [--frr-statics] -f CONFIG   print the frr.conf it gets
 *   --eigrp=own|frr                       who runs `router eigrp`: our engine
 *                                         (default; routes to zebra, can be a
 *                                         DMVPN hub) or FRR's eigrpd
 * Privilege separation (docs/architecture.md):
 *   --privsep | --no-privsep              NHRP in a confined child (default on
 *                                         when started as root; --no-privsep is
 *                                         for debugging)
 *   --privsep-root DIR                    the child's empty chroot
 *   --privsep-debug                       TEST HOOK: SIGUSR2 makes the child call open()
 */
#include "daemons/dmvpnd/dmvpnd.h"
#include "daemons/ipsec/service/ipsec_svc.h"
#include "parsers/compat_doc.h"
#include "lib/ctl.h"
#include "lib/log.h"
#include "lib/strbuf.h"

#include <getopt.h>
#include <unistd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DMVPND_MAX_VICI_VRFS 16

/* --vici-vrf NAME=PATH: one more front-door VRF's charon. */
static int
vici_vrf_arg(char *arg, struct ipsec_svc_charon *v, size_t *n)
{
    char *eq = strchr(arg, '=');
    size_t i;

    if (!eq || eq == arg || !eq[1]) {
        fprintf(stderr, "dmvpnd: --vici-vrf takes NAME=PATH, not %s\n", arg);
        return -1;
    }
    *eq = '\0';
    for (i = 0; i < *n; i++)
        if (!strcmp(v[i].vrf, arg)) {
            fprintf(stderr, "dmvpnd: --vici-vrf %s given twice\n", arg);
            return -1;
        }
    if (*n == DMVPND_MAX_VICI_VRFS) {
        fprintf(stderr, "dmvpnd: at most %d --vici-vrf\n", DMVPND_MAX_VICI_VRFS);
        return -1;
    }
    v[(*n)++] = (struct ipsec_svc_charon){.vrf = arg, .vici_path = eq + 1};
    return 0;
}

static void
usage(FILE *f)
{
    fputs("usage: dmvpnd -f CONFIG [-s SOCKET] [-d] [-v] [--no-vty] [--vici PATH]\n"
          "              [--vici-vrf NAME=PATH ...] [--kernel-esp] [--frr[=NAME] "
          "[--eigrp=own|frr]]\n"
          "              [--privsep [--privsep-root DIR]] [--no-privsep]\n"
          "       dmvpnd -n [-v] -f CONFIG\n"
          "       dmvpnd -n --charon-conf -f CONFIG [--vici PATH | --vici-vrf NAME=PATH]\n"
          "              [--charon-log FILE] [--kernel-esp]\n"
          "       dmvpnd -n --frr-conf [--frr-statics] [--eigrp=own|frr] -f CONFIG\n"
          "       dmvpnd -n --report[=text|json] -f CONFIG\n"
          "       dmvpnd -n --json -f CONFIG      (the model as JSON, for tools)\n"
          "       dmvpnd --ios-compat              (docs/ios-compat.md from the command table)\n"
          "  -d: stay in the foreground; -v: debug logging; DMVPND_DATAPLANE=kernel|user\n"
          "  forces a data plane backend (default: kernel when it can make a gre link);\n"
          "  DMVPND_VRF_BACKEND=device|netns forces the form of a VRF (default: a VRF\n"
          "  device when the kernel makes one and the data plane is the kernel's)\n",
          f);
}

int
main(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"report", optional_argument, NULL, 'R'},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {"ios-compat", no_argument, NULL, 'C'},
        {"json", no_argument, NULL, 'J'},
        {"snapshot-file", required_argument, NULL, 'S'}, /* test fixture */
        {"no-vty", no_argument, NULL, 'N'},
        {"vici", required_argument, NULL, 'I'},
        {"vici-vrf", required_argument, NULL, 'W'},
        {"kernel-esp", no_argument, NULL, 'K'},
        {"charon-conf", no_argument, NULL, 'G'},
        {"charon-log", required_argument, NULL, 'L'},
        {"frr-conf", no_argument, NULL, 'F'},
        {"frr-statics", no_argument, NULL, 'T'},
        {"frr", optional_argument, NULL, 'P'},
        {"eigrp", required_argument, NULL, 'E'},
        {"privsep", no_argument, NULL, 'X'},
        {"no-privsep", no_argument, NULL, 'x'},
        {"privsep-root", required_argument, NULL, 'Y'},
        {"privsep-debug", no_argument, NULL, 'Z'}, /* test hook */
        {NULL, 0, NULL, 0},
    };
    const char *config = NULL, *socket = CTL_DEFAULT_SOCKET;
    bool check = false, verbose = false, foreground = false, no_vty = false;
    enum report_fmt report = REPORT_NONE;
    bool json = false, charon_conf = false, kernel_esp = false, frr = false, frr_statics = false,
         eigrp_own = true;
    const char *vici = NULL, *charon_log = NULL, *frr_ps = NULL;
    static struct ipsec_svc_charon vrfs[DMVPND_MAX_VICI_VRFS];
    size_t nvrfs = 0;
    int privsep = -1; /* unset: on as root */
    bool privsep_debug = false;
    const char *privsep_root = NULL;
    int c;

    while ((c = getopt_long(argc, argv, "f:s:dnvhV", longopts, NULL)) != -1) {
        switch (c) {
        case 'f':
            config = optarg;
            break;
        case 's':
            socket = optarg;
            break;
        case 'd':
            foreground = true;
            break;
        case 'n':
            check = true;
            break;
        case 'v':
            verbose = true;
            break;
        case 'R':
            if (!optarg || !strcmp(optarg, "text"))
                report = REPORT_TEXT;
            else if (!strcmp(optarg, "json"))
                report = REPORT_JSON;
            else {
                fprintf(stderr, "dmvpnd: --report takes text or json\n");
                return 2;
            }
            break;
        case 'C': {
            struct strbuf sb;
            sb_init(&sb);
            compat_doc(&sb);
            fwrite(sb.buf, 1, sb.len, stdout);
            sb_free(&sb);
            return 0;
        }
        case 'N':
            no_vty = true;
            break;
        case 'I':
            vici = optarg;
            break;
        case 'W':
            if (vici_vrf_arg(optarg, vrfs, &nvrfs) < 0)
                return 2;
            break;
        case 'K':
            kernel_esp = true;
            break;
        case 'G':
            charon_conf = true;
            break;
        case 'L':
            charon_log = optarg;
            break;
        case 'F':
            frr = true;
            break;
        case 'T':
            frr_statics = true;
            break;
        case 'P':
            frr_ps = optarg ? optarg : "";
            break;
        case 'E':
            if (strcmp(optarg, "own") && strcmp(optarg, "frr")) {
                fprintf(stderr, "dmvpnd: --eigrp takes own or frr, not %s\n", optarg);
                return 2;
            }
            eigrp_own = !strcmp(optarg, "own");
            break;
        case 'X':
            privsep = 1;
            break;
        case 'x':
            privsep = 0;
            break;
        case 'Y':
            privsep_root = optarg;
            break;
        case 'Z':
            privsep_debug = true;
            break;
        case 'S':
            dmvpnd_set_snapshot_file(optarg);
            break;
        case 'J':
            json = true;
            break;
        case 'V':
            printf("dmvpnd %s\n", DMVPN_VERSION);
            return 0;
        case 'h':
            usage(stdout);
            return 0;
        default:
            usage(stderr);
            return 2;
        }
    }
    if (!config || optind != argc) {
        usage(stderr);
        return 2;
    }
    if (report != REPORT_NONE && !check) {
        fprintf(stderr, "dmvpnd: --report needs -n\n");
        return 2;
    }
    if (charon_conf && !check) {
        fprintf(stderr, "dmvpnd: --charon-conf needs -n\n");
        return 2;
    }
    if (frr && !check) {
        fprintf(stderr, "dmvpnd: --frr-conf needs -n\n");
        return 2;
    }
    if (frr)
        return dmvpnd_frr_conf(config, frr_statics, eigrp_own);
    if (charon_conf && (nvrfs > 1 || (nvrfs && vici))) {
        fprintf(stderr, "dmvpnd: --charon-conf writes one charon's file: --vici or one "
                        "--vici-vrf\n");
        return 2;
    }
    if (charon_conf)
        return dmvpnd_charon_conf(config, nvrfs ? vrfs[0].vrf : NULL,
                                  nvrfs ? vrfs[0].vici_path : vici, charon_log, kernel_esp);
    if (check && json)
        report = REPORT_MODEL_JSON;
    if (check)
        return dmvpnd_check(config, verbose, report, eigrp_own);
    dmvpnd_set_ipsec(vici, vrfs, nvrfs, kernel_esp);
    dmvpnd_set_frr(frr_ps, eigrp_own);
    /* Separation drops root's privileges; a dmvpnd started by another
     * user has none to drop (and could not chroot), so it runs whole
     * unless asked (then the sandbox's refusal says why). */
    if (privsep < 0)
        privsep = geteuid() == 0;
    dmvpnd_set_privsep(privsep != 0, privsep_root, privsep_debug);
    if (verbose)
        log_set_level(LOG_LVL_DEBUG); /* -v while running: debug lines to the log too */
    return dmvpnd_run(config, socket, foreground, no_vty);
}
