/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * dmvpn-snmp command line:
 *   dmvpn-snmp [-s SOCKET] [-x AGENTX] [-d] [--cache-ms N] [--ping SECS]
 *       run the AgentX subagent (-d: foreground, log to stderr)
 *   dmvpn-snmp --snmpd-conf -f CONFIG [-x AGENTX] [--agent-address ADDR]
 *       [--module PATH [-s SOCKET] [--cache-ms N]]
 *       print the snmpd.conf that the IOS configuration asks for; with
 *       --module, snmpd loads dmvpn_snmp.so instead of being our AgentX master
 *   dmvpn-snmp --dump [-s SOCKET]
 *       print every instance the subagent would serve (numeric), no snmpd
 */
#include "snmp/sn_agent.h"
#include "snmp/sn_conf.h"
#include "parsers/parse.h"
#include "lib/ctl.h"
#include "lib/strbuf.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void
usage(FILE *f)
{
    fputs("usage: dmvpn-snmp [-s SOCKET] [-x AGENTX_SOCKET] [-d] [--cache-ms N] [--ping SECS]\n"
          "       dmvpn-snmp --snmpd-conf -f CONFIG [-x AGENTX_SOCKET] [--agent-address ADDR]\n"
          "                  [--module PATH [-s SOCKET] [--cache-ms N]]\n"
          "       dmvpn-snmp --dump [-s SOCKET]\n",
          f);
}

static int
snmpd_conf(const char *config, const struct sn_conf_opts *o)
{
    struct cfg_parse *p = cfg_parse_file(config);
    struct strbuf sb;
    int bad;

    if (!p) {
        fprintf(stderr, "dmvpn-snmp: %s: %s\n", config, strerror(errno));
        return 2;
    }
    sb_init(&sb);
    bad = sn_conf_render(&sb, p->cfg, o);
    fwrite(sb.buf, 1, sb.len, stdout);
    sb_free(&sb);
    cfg_parse_free(p);
    if (bad)
        fprintf(stderr, "dmvpn-snmp: %d community line(s) not enabled as written (see comments)\n",
                bad);
    return 0;
}

int
main(int argc, char **argv)
{
    enum { O_CONF = 256, O_DUMP, O_CACHE, O_PING, O_ADDR, O_MODULE };
    static const struct option longopts[] = {
        {"snmpd-conf", no_argument, NULL, O_CONF},
        {"dump", no_argument, NULL, O_DUMP},
        {"cache-ms", required_argument, NULL, O_CACHE},
        {"ping", required_argument, NULL, O_PING},
        {"agent-address", required_argument, NULL, O_ADDR},
        {"module", required_argument, NULL, O_MODULE},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {NULL, 0, NULL, 0},
    };
    struct sn_agent_opts ao = {.ctl_socket = CTL_DEFAULT_SOCKET, .cache_ms = 2000, .ping_secs = 2};
    struct sn_conf_opts co = {0};
    const char *config = NULL;
    bool conf = false, dump = false, sock_set = false;
    int c;

    while ((c = getopt_long(argc, argv, "s:x:f:dhV", longopts, NULL)) != -1) {
        switch (c) {
        case 's':
            ao.ctl_socket = optarg;
            sock_set = true;
            break;
        case 'x':
            ao.agentx_socket = co.agentx_socket = optarg;
            break;
        case 'f':
            config = optarg;
            break;
        case 'd':
            ao.foreground = true;
            break;
        case O_CONF:
            conf = true;
            break;
        case O_DUMP:
            dump = true;
            break;
        case O_CACHE:
            ao.cache_ms = strtol(optarg, NULL, 10);
            if (ao.cache_ms < 0 || ao.cache_ms > 600000) {
                fprintf(stderr, "dmvpn-snmp: --cache-ms takes 0..600000\n");
                return 2;
            }
            break;
        case O_PING:
            ao.ping_secs = atoi(optarg);
            if (ao.ping_secs < 1 || ao.ping_secs > 3600) {
                fprintf(stderr, "dmvpn-snmp: --ping takes 1..3600\n");
                return 2;
            }
            break;
        case O_ADDR:
            co.agent_address = optarg;
            break;
        case O_MODULE:
            co.module_path = optarg;
            break;
        case 'V':
            printf("dmvpn-snmp %s\n", DMVPN_VERSION);
            return 0;
        case 'h':
            usage(stdout);
            return 0;
        default:
            usage(stderr);
            return 2;
        }
    }
    if (optind != argc || (conf && !config) || (!conf && config)) {
        usage(stderr);
        return 2;
    }
    if (co.module_path && !conf) {
        usage(stderr);
        return 2;
    }
    if (conf) {
        /* the module reads dmvpnd itself: where, and how often */
        co.ctl_socket = sock_set ? ao.ctl_socket : NULL;
        co.cache_ms = ao.cache_ms != 2000 ? (long)ao.cache_ms : 0;
        return snmpd_conf(config, &co);
    }
    if (dump)
        return sn_agent_dump(ao.ctl_socket);
    return sn_agent_run(&ao);
}
