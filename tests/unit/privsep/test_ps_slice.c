/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The NHRP child's slice of the config (daemons/privsep/ps_slice.h): for
 * every lab config in testdata/lab, each tunnel's NHRP settings read from
 * the slice equal those read from the whole config (the child runs the same
 * engine config as a single process would), and the slice carries no IKE
 * key, password, enable secret or SNMP community.
 */
#include "daemons/nhrp/service/nhrp_cfg.h"
#include "daemons/privsep/ps_slice.h"
#include "parsers/cfg.h"
#include "parsers/parse.h"
#include "parsers/print.h"

#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

static struct cfg *
parse_text(const char *t, size_t n)
{
    struct cfg_parse *p = cfg_parse_text(t, n);
    struct cfg *c = cfg_parse_take(p);

    assert_int_equal(p->counts[CLS_INVALID], 0);
    cfg_parse_free(p);
    return c;
}

static void
same_nhrp(const struct nhrp_if_config *a, const struct nhrp_if_config *b)
{
    assert_int_equal(a->enabled, b->enabled);
    assert_int_equal(a->up, b->up);
    assert_int_equal(a->network_id, b->network_id);
    assert_int_equal(a->addr, b->addr);
    assert_int_equal(a->mask, b->mask);
    assert_int_equal(a->nbma, b->nbma);
    assert_int_equal(a->p2p_dst, b->p2p_dst);
    assert_int_equal(a->has_key, b->has_key);
    assert_int_equal(a->key, b->key);
    assert_int_equal(a->mtu, b->mtu);
    assert_string_equal(a->auth, b->auth);
    assert_int_equal(a->holdtime, b->holdtime);
    assert_int_equal(a->reg_timeout, b->reg_timeout);
    assert_int_equal(a->nnhs, b->nnhs);
    assert_memory_equal(a->nhs, b->nhs, sizeof(a->nhs[0]) * a->nnhs);
    assert_int_equal(a->nmaps, b->nmaps);
    assert_int_equal(a->nmcast, b->nmcast);
    assert_int_equal(a->mcast_dynamic, b->mcast_dynamic);
    assert_int_equal(a->redirect, b->redirect);
}

static unsigned
check_file(const char *path)
{
    struct cfg_parse *p = cfg_parse_file(path);
    struct cfg *full, *cut;
    struct strbuf text, slice;
    unsigned tunnels = 0;

    assert_non_null(p);
    full = cfg_parse_take(p);
    cfg_parse_free(p);
    sb_init(&text);
    sb_init(&slice);
    cfg_print(&text, full, false);
    ps_cfg_slice(text.buf, text.len, &slice);
    assert_null(strstr(slice.buf ? slice.buf : "", "crypto isakmp key"));
    assert_null(strstr(slice.buf ? slice.buf : "", "pre-shared-key"));
    assert_null(strstr(slice.buf ? slice.buf : "", "username"));
    assert_null(strstr(slice.buf ? slice.buf : "", "enable secret"));
    assert_null(strstr(slice.buf ? slice.buf : "", "snmp-server community"));
    assert_null(strstr(slice.buf ? slice.buf : "", "message-digest-key"));
    cut = parse_text(slice.buf ? slice.buf : "", slice.len);
    for (size_t i = 0; i < full->nifs; i++) {
        struct nhrp_if_config a, b;
        const struct cfg_iface *ci;

        if (!cfg_iface_is_tunnel(&full->ifs[i]))
            continue;
        ci = cfg_find_iface(cut, full->ifs[i].name);
        assert_non_null(ci);
        assert_int_equal(ci->vrf != NULL, full->ifs[i].vrf != NULL);
        memset(&a, 0, sizeof(a));
        memset(&b, 0, sizeof(b));
        assert_int_equal(nhrp_config_from_cfg(full, &full->ifs[i], 7, &a),
                         nhrp_config_from_cfg(cut, ci, 7, &b));
        same_nhrp(&a, &b);
        nhrp_if_config_free(&a);
        nhrp_if_config_free(&b);
        tunnels++;
    }
    cfg_free(full);
    cfg_free(cut);
    sb_free(&text);
    sb_free(&slice);
    return tunnels;
}

static void
test_lab_configs(void **state)
{
    DIR *top = opendir("testdata/lab"), *d;
    const struct dirent *e, *f;
    char dir[512], path[1024];
    unsigned files = 0, tunnels = 0;

    (void)state;
    assert_non_null(top);
    while ((e = readdir(top)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        snprintf(dir, sizeof(dir), "testdata/lab/%s", e->d_name);
        if ((d = opendir(dir)) == NULL)
            continue;
        while ((f = readdir(d)) != NULL) {
            size_t n = strlen(f->d_name);
            if (n < 5 || strcmp(f->d_name + n - 4, ".cfg") != 0)
                continue;
            snprintf(path, sizeof(path), "%s/%s", dir, f->d_name);
            tunnels += check_file(path);
            files++;
        }
        closedir(d);
    }
    closedir(top);
    /* the lab's configs: dozens of files, most with a tunnel (a few are
     * underlay routers) */
    printf("slice: %u configs, %u tunnels\n", files, tunnels);
    assert_true(files >= 30);
    assert_true(tunnels >= 40);
}

static void
test_cut(void **state)
{
    static const char t[] = "hostname hub\n"
                            "crypto isakmp key secret1 address 0.0.0.0\n"
                            "interface Tunnel0\n"
                            " ip nhrp authentication nkey\n"
                            " ip ospf message-digest-key 1 md5 secret2\n"
                            "!\n"
                            "username admin password secret3\n"
                            " extra\n";
    struct strbuf sb;

    (void)state;
    sb_init(&sb);
    ps_cfg_slice(t, sizeof(t) - 1, &sb);
    assert_string_equal(sb.buf, "hostname hub\ninterface Tunnel0\n ip nhrp authentication nkey\n");
    sb_free(&sb);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cut),
        cmocka_unit_test(test_lab_configs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
