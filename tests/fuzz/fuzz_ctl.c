/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Fuzz target for control framing: arbitrary bytes split into frames must
 * never crash, and every decoded frame must lie inside the input. */
#include "lib/ctl.h"

#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t off = 0, used;
    struct ctl_frame f;

    while (off < size && ctl_decode(data + off, size - off, &f, &used) == CTL_DEC_OK) {
        if (used > size - off || f.payload + f.len > data + size)
            abort();
        off += used;
    }
    return 0;
}
