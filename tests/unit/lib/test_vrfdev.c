/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * lib/vrfdev: the device name a VRF gets (Linux's 15 characters, nothing
 * that could be a path), and the form of VRFs decided once per process,
 * forced by DMVPND_VRF_BACKEND (no kernel is asked then).
 */
#include "lib/vrfdev.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

static void
device_names(void **state)
{
    char b[16];

    (void)state;
    assert_string_equal(vrfdev_name("INET", b, sizeof(b)), "INET");
    assert_string_equal(vrfdev_name("INET-1", b, sizeof(b)), "INET-1");
    assert_string_equal(vrfdev_name("ABCDEFGHIJKLMNO", b, sizeof(b)), "ABCDEFGHIJKLMNO");
    assert_null(vrfdev_name("ABCDEFGHIJKLMNOP", b, sizeof(b))); /* 16: beyond IFNAMSIZ */
    assert_null(vrfdev_name("a/b", b, sizeof(b)));
    assert_null(vrfdev_name("a b", b, sizeof(b)));
    assert_null(vrfdev_name("", b, sizeof(b)));
    assert_null(vrfdev_name(NULL, b, sizeof(b)));
    assert_null(vrfdev_name("INET", b, 4)); /* no room for the NUL */
}

static void
forced_once(void **state)
{
    (void)state;
    setenv("DMVPND_VRF_BACKEND", "device", 1);
    /* forced devices win over a caller that cannot use them: the operator
     * asked, the data plane then says clearly what it cannot do */
    assert_int_equal(vrf_backend_decide(false), VRF_BACKEND_DEVICE);
    setenv("DMVPND_VRF_BACKEND", "netns", 1);
    assert_int_equal(vrf_backend(), VRF_BACKEND_DEVICE); /* decided once */
    unsetenv("DMVPND_VRF_BACKEND");
    assert_int_equal(vrf_backend_decide(true), VRF_BACKEND_DEVICE);
    assert_string_equal(vrf_backend_name(VRF_BACKEND_DEVICE), "device");
    assert_string_equal(vrf_backend_name(VRF_BACKEND_NETNS), "netns");
}

int
main(void)
{
    const struct CMUnitTest t[] = {
        cmocka_unit_test(device_names),
        cmocka_unit_test(forced_once),
    };
    return cmocka_run_group_tests(t, NULL, NULL);
}
