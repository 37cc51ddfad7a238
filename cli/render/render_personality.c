/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The config's `version` line picks the image whose text the shows follow,
 * since one router's scripts were written against one image. What differs
 * (facts from the captures in testdata/ios/show/, see their READMEs):
 *
 *   version   show ip route legend        show dmvpn legend          crypto shows
 *   12.x      15.4's (no "p - PfR" line)  "C - CTS Capable" only     IOS 12.4 layout
 *             eigrp topology "IP-EIGRP Topology Table" title
 *   15.0-15.3 ends "% - next hop override" no T1/T2/C lines, NBMA    IOS 15, no
 *                                         right-aligned; 15.0: no W  plaintext mtu
 *   15.4      ends "% - next hop override" "C - CTS Capable" only    IOS 15
 *   15.5-15.6 ends "p - overrides from PfR" "C - CTS Capable, I2"    IOS 15
 *   15.7-15.9 as 15.5                     "T2 ..., B - BGP" + I2     IOS 15
 *   16.x      as 15.5; BGP 6-column       as 15.7                    IOS 15; ikev2 sa
 *                                                                    titles at the margin
 *   17.x      OMP/NAT/"G - NHRP" legend   as 15.7                    IOS-XE 17 ikev2 sa
 *   none      as 15.7 (the default)
 */
#include "cli/render/render_personality.h"

#include <stdlib.h>
#include <string.h>

void
render_personality_of(const char *v, struct render_personality *p)
{
    long major = 0, minor = 0;
    char *end = NULL;

    p->family = RENDER_IOS_15_5;
    p->legend = RENDER_LEGEND_BGP_I2;
    p->crypto = RENDER_CRYPTO_IOS15;
    p->name = "IOS 15.7";
    if (!v || !*v)
        return;
    major = strtol(v, &end, 10);
    if (end && *end == '.')
        minor = strtol(end + 1, NULL, 10);
    if (major == 12) {
        p->family = RENDER_IOS_12;
        p->legend = RENDER_LEGEND_CTS;
        p->crypto = RENDER_CRYPTO_IOS124;
        p->name = "IOS 12.4";
    } else if (major == 15 && minor <= 4) {
        p->family = RENDER_IOS_15_4;
        /* 7200 images of 15.0-15.3 print the legend without the T1/T2
         * and C lines (show_dmvpn captures burningnode-*, yuansh0u 15.0) */
        p->legend = minor == 0   ? RENDER_LEGEND_15_0
                    : minor <= 3 ? RENDER_LEGEND_PLAIN
                                 : RENDER_LEGEND_CTS;
        p->name = minor <= 3 ? "IOS 15.0-15.3" : "IOS 15.4";
        if (minor <= 3)
            p->crypto = RENDER_CRYPTO_IOS152;
    } else if (major == 15 && minor <= 6) {
        p->legend = RENDER_LEGEND_I2;
        p->name = "IOS 15.5";
    } else if (major == 16) {
        p->family = RENDER_IOS_XE16;
        p->crypto = RENDER_CRYPTO_IOSXE16;
        p->name = "IOS-XE 16";
    } else if (major >= 17) {
        p->family = RENDER_IOS_XE17;
        p->crypto = RENDER_CRYPTO_IOSXE17;
        p->name = "IOS-XE 17";
    }
}
