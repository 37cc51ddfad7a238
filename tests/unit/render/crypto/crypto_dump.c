/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Test helper for textfsm_check.py: prints one fixture rendered as IOS text
 * (optionally forcing `detail`) or as `| json`, or lists the fixtures.
 *   crypto_dump list | crypto_dump NAME text [detail] | crypto_dump NAME json
 */
#include "fixtures.h"

#include <stdio.h>
#include <string.h>

int
main(int argc, char **argv)
{
    const struct fx *f;
    struct fx copy;
    struct strbuf sb;

    if (argc == 2 && strcmp(argv[1], "list") == 0) {
        const struct fx *all;
        size_t n = fx_all(&all);

        for (size_t i = 0; i < n; i++)
            printf("%s %s %s\n", all[i].name,
                   all[i].cmd == FX_ISAKMP  ? "isakmp"
                   : all[i].cmd == FX_IPSEC ? "ipsec"
                                            : "session",
                   all[i].opts.dialect == RENDER_CRYPTO_IOS124 ? "ios124" : "ios15");
        return 0;
    }
    if (argc < 3 || !(f = fx_find(argv[1]))) {
        fprintf(stderr, "usage: crypto_dump list | NAME text [detail] | NAME json\n");
        return 2;
    }
    copy = *f;
    if (argc > 3 && strcmp(argv[3], "detail") == 0)
        copy.opts.detail = 1;
    sb_init(&sb);
    fx_render(&sb, &copy, strcmp(argv[2], "json") == 0);
    fwrite(sb.buf, 1, sb.len, stdout);
    sb_free(&sb);
    return 0;
}
