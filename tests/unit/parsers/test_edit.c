/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The edit path (cfg_parse_edit, cfg_clone) against the path it replaced,
 * over every config in testdata (the 31 real IOS configs and the config
 * goldens):
 *  - a copy prints as its original, also after the original is freed (a
 *    pointer left out of cfg_clone reads freed memory; ASan in CI says so);
 *  - lines applied on top of a config give the model, the diagnostics and
 *    the final mode that printing that config and parsing it again with
 *    the lines after it gives, split at several places;
 *  - the config it was applied to is left as it was.
 */
#include "parsers/parse.h"
#include "parsers/print.h"
#include "lib/strbuf.h"

#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

static char *
slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf;
    long n;

    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    fseek(f, 0, SEEK_SET);
    buf = malloc((size_t)n + 1);
    assert_non_null(buf);
    assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
    buf[n] = '\0';
    fclose(f);
    *len = (size_t)n;
    return buf;
}

static void
print(const struct cfg *c, struct strbuf *sb)
{
    sb_init(sb);
    cfg_print(sb, c, false);
}

/* The tail of text after `lines` lines. */
static const char *
after_lines(const char *text, size_t lines)
{
    const char *p = text;

    while (lines-- && (p = strchr(p, '\n')))
        p++;
    return p ? p : text + strlen(text);
}

static void
check_split(const char *name, const char *text, size_t len, size_t at)
{
    const char *tail = after_lines(text, at);
    struct cfg_parse *base = cfg_parse_text(text, (size_t)(tail - text));
    struct cfg_parse *ref, *edit;
    struct strbuf before, after, ref_text, got, want;
    size_t i, nref;

    print(base->cfg, &before);
    /* the path it replaced: the printed config, then the lines */
    sb_init(&ref_text);
    sb_append(&ref_text, before.buf, before.len);
    nref = 1;
    for (i = 0; i < before.len; i++)
        nref += before.buf[i] == '\n';
    sb_append(&ref_text, tail, len - (size_t)(tail - text));
    ref = cfg_parse_text(ref_text.buf, ref_text.len);
    edit = cfg_parse_edit(base->cfg, tail, len - (size_t)(tail - text));
    print(ref->cfg, &want);
    print(edit->cfg, &got);
    if (strcmp(want.buf, got.buf) != 0)
        fail_msg("%s split at %zu: the edit prints differently\n--- reparse\n%s\n--- edit\n%s",
                 name, at, want.buf, got.buf);
    /* the same verdict on every line applied */
    assert_int_equal(edit->ndiags + nref - 1, ref->ndiags);
    for (i = 0; i < edit->ndiags; i++) {
        const struct cfg_diag *a = &edit->diags[i], *b = &ref->diags[i + nref - 1];
        if (a->cls != b->cls || a->caret != b->caret ||
            strcmp(a->msg ? a->msg : "", b->msg ? b->msg : "") != 0)
            fail_msg("%s split at %zu, line %zu '%s': class %d/%d caret %d/%d", name, at, i,
                     a->text, a->cls, b->cls, a->caret, b->caret);
    }
    assert_int_equal(edit->final_mode, ref->final_mode);
    assert_string_equal(edit->final_header, ref->final_header);
    /* and the base is untouched */
    print(base->cfg, &after);
    assert_string_equal(before.buf, after.buf);
    sb_free(&before);
    sb_free(&after);
    sb_free(&ref_text);
    sb_free(&got);
    sb_free(&want);
    cfg_parse_free(ref);
    cfg_parse_free(edit);
    cfg_parse_free(base);
}

static void
check_file(const char *path, const char *name)
{
    size_t len, lines = 0, i;
    char *text = slurp(path, &len);
    struct cfg_parse *p = cfg_parse_text(text, len);
    struct strbuf orig, copy;
    struct cfg *c;

    print(p->cfg, &orig);
    c = cfg_clone(p->cfg);
    cfg_parse_free(p); /* the copy must not need anything of the original */
    print(c, &copy);
    assert_string_equal(orig.buf, copy.buf);
    cfg_free(c);
    sb_free(&orig);
    sb_free(&copy);
    for (i = 0; i < len; i++)
        lines += text[i] == '\n';
    for (i = 1; i <= 7; i++)
        check_split(name, text, len, lines * i / 8);
    check_split(name, text, len, 0);
    check_split(name, text, len, lines);
    free(text);
}

static int
walk(const char *dir, const char *suffix)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    int n = 0;

    assert_non_null(d);
    while ((e = readdir(d))) {
        size_t l = strlen(e->d_name), sl = strlen(suffix);
        char path[512];
        if (l <= sl || strcmp(e->d_name + l - sl, suffix) != 0)
            continue;
        snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
        check_file(path, e->d_name);
        n++;
    }
    closedir(d);
    return n;
}

static void
test_real_configs(void **state)
{
    (void)state;
    assert_int_equal(walk("testdata/ios/running_config", ".txt"), 31);
}

static void
test_config_goldens(void **state)
{
    (void)state;
    assert_true(walk("testdata/config", ".cfg") >= 15);
}

/* One route added, one removed, one interface line: only those differ. */
static void
test_small_edits(void **state)
{
    static const char base_text[] = "hostname h\n"
                                    "interface Tunnel0\n"
                                    " ip address 10.0.0.1 255.255.255.0\n"
                                    " ip nhrp network-id 1\n"
                                    "!\n"
                                    "ip route 10.1.0.0 255.255.0.0 192.0.2.1\n"
                                    "ip route 10.2.0.0 255.255.0.0 192.0.2.1\n";
    struct cfg_parse *base = cfg_parse_text(base_text, strlen(base_text));
    struct cfg_parse *e;

    (void)state;
    e = cfg_parse_edit(base->cfg, "no ip route 10.1.0.0 255.255.0.0 192.0.2.1\n", 43);
    assert_int_equal(e->cfg->nroutes, 1);
    assert_int_equal(base->cfg->nroutes, 2);
    cfg_parse_free(e);
    e = cfg_parse_edit(base->cfg, "interface Tunnel0\n ip nhrp holdtime 300\n", 40);
    assert_int_equal(e->cfg->ifs[0].nhrp.holdtime, 300);
    assert_int_equal(base->cfg->ifs[0].nhrp.holdtime, 0);
    assert_int_equal(e->final_mode, MODE_IF);
    assert_string_equal(e->final_header, "interface Tunnel0");
    cfg_parse_free(e);
    e = cfg_parse_edit(base->cfg, "ip route 10.1.0.0 255.255.0.0 192.0.2.1\n", 40);
    assert_int_equal(e->cfg->nroutes, 2); /* the same route again is no second route */
    cfg_parse_free(e);
    cfg_parse_free(base);
}

/* The wording config mode sends back for an ambiguous line: the file
 * check's one blank, an IOS session's two. */
static void
test_ambiguous_wording(void **state)
{
    char buf[128];

    (void)state;
    assert_string_equal(cfg_ambiguous_message("  ip nhrp re ", false, buf, sizeof(buf)),
                        "% Ambiguous command: \"ip nhrp re\"");
    assert_string_equal(cfg_ambiguous_message("  ip nhrp re ", true, buf, sizeof(buf)),
                        "% Ambiguous command:  \"ip nhrp re\"");
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_real_configs),
        cmocka_unit_test(test_config_goldens),
        cmocka_unit_test(test_small_edits),
        cmocka_unit_test(test_ambiguous_wording),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
