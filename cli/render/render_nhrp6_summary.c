/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * show ipv6 nhrp summary: show ip nhrp summary's counts over the IPv6 cache,
 * headed "IPv6 NHRP cache" (testdata/ios/show/show_ipv6_nhrp_summary).
 */
#include "cli/render/render_nhrp6.h"

#include <string.h>

/*
 * IOS's memory figure differs per entry kind: the IOS-XE captures show 784
 * bytes for one static IPv6 entry and 3072 for two static and two dynamic
 * ones, which is 784 per static and 752 per dynamic entry. Incomplete
 * entries are counted as dynamic ones (no capture shows them).
 */
#define SUMMARY6_STATIC_BYTES 784
#define SUMMARY6_OTHER_BYTES  752

void
render_nhrp6_summary_count(struct render_nhrp_summary *s, const struct rec_nhrp6_cache *c, size_t n)
{
    size_t i;

    memset(s, 0, sizeof(*s));
    for (i = 0; i < n; i++) {
        render_nhrp_summary_add(s, c[i].type, c[i].flags, c[i].prefix_len);
        s->bytes += c[i].type == REC_NHRP_STATIC ? SUMMARY6_STATIC_BYTES : SUMMARY6_OTHER_BYTES;
    }
}

void
render_nhrp6_summary(struct strbuf *out, const struct rec_nhrp6_cache *c, size_t n)
{
    struct render_nhrp_summary s;

    render_nhrp6_summary_count(&s, c, n);
    render_nhrp_summary_text(out, &s, "IPv6");
}

void
render_nhrp6_summary_json(struct strbuf *out, const struct rec_nhrp6_cache *c, size_t n)
{
    struct render_nhrp_summary s;

    render_nhrp6_summary_count(&s, c, n);
    render_nhrp_summary_json_of(out, &s);
}
