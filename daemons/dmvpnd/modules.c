/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Which modules dmvpnd runs, in the order they see config changes: the data
 * plane first (links and addresses must exist before NHRP uses them), then
 * IPsec, then NHRP. Each module's glue lives in its own file.
 */
#include "daemons/dmvpnd/modules.h"
#include "daemons/dmvpnd/dmvpnd.h"
#include "daemons/dmvpnd/mods.h"

void
dmvpnd_register_modules(struct dmvpnd *d)
{
    struct mod_dp *dp = mod_dp_register(d);

    d->dp = dp;
    d->ipsec = mod_ipsec_register(d, dp, d->vici_path, d->kernel_esp);
    d->nhrp = mod_nhrp_register(d, dp);
    if (mod_ipsec_enabled(d->ipsec))
        mod_nhrp_use_ipsec(d->nhrp, d->ipsec);
}
