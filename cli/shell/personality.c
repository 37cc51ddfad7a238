/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The node's IOS personality for the shows (cli/render/render_personality.h). */
#include "cli/shell/client.h"
#include "cli/shell/exec.h"
#include "cli/shell/session.h"
#include "lib/rec.h"

#include <string.h>

int
exec_personality(struct session *s, struct render_personality *p)
{
    struct snapshot snap;
    int rc = client_snapshot(&s->cl, REC_SYSTEM, NULL, sizeof(struct rec_system), &snap);
    char v[sizeof(((struct rec_system *)0)->ios_version) + 1] = "";

    if (rc < 0)
        return -1;
    /* asked every time: a `version` line typed in config mode changes it */
    if (rc == 0 && snap.h.count) {
        const struct rec_system *r = (const struct rec_system *)snap.buf;
        memcpy(v, r->ios_version, sizeof(r->ios_version));
    }
    if (rc == 0)
        snapshot_free(&snap);
    render_personality_of(v, p);
    return 0;
}
