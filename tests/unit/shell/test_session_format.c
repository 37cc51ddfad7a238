/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Config-mode echo and error layout against a real IOS transcript
 * (testdata/ios/cli_session/pyneng-config-errors.txt): the `configure
 * terminal` banner, the echoed line after the prompt, the caret under the
 * offending word (prompt length + column), the blank line after invalid and
 * incomplete commands, IOS's two-blank `% Ambiguous command:  "a"`, and
 * `end` back to `R1#`. The error texts fed in are what dmvpnd replies for
 * such lines (a caret line relative to the line, then the message), so this
 * covers the shell's half of the path byte for byte.
 */
#include "cli/shell/exec.h"
#include "cli/shell/prompt.h"
#include "cli/shell/session.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

static char *
slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    static char buf[8192];
    size_t n;

    assert_non_null(f);
    n = fread(buf, 1, sizeof(buf) - 1, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

/* Prompt, then the line typed key by key (the line editor's echo), Enter. */
static void
typed(struct session *s, const char *line)
{
    struct strbuf echo;

    prompt_build(s->prompt, sizeof(s->prompt), s->hostname,
                 s->mode == MODE_EXEC ? MODE_EXEC_PRIV : s->mode, s->header);
    term_puts(&s->t, s->prompt);
    sb_init(&echo);
    le_reset(&s->le);
    for (; *line; line++)
        le_key(&s->le, (unsigned char)*line, &echo);
    term_write_raw(&s->t, echo.buf, echo.len);
    term_write(&s->t, "\n", 1);
    sb_free(&echo);
}

static void
test_config_errors(void **state)
{
    struct session s;
    struct tokline tl;
    struct match_result r;
    struct strbuf banner;
    char tmpl[] = "/tmp/cl-fmt-XXXXXX";
    int fd = mkstemp(tmpl);
    const char *want =
        strstr(slurp("testdata/ios/cli_session/pyneng-config-errors.txt"), "Enter configuration");
    char got[8192];
    ssize_t n;

    assert_true(fd >= 0);
    unlink(tmpl);
    memset(&s, 0, sizeof(s));
    exec_register();
    term_open(&s.t, -1, fd, TERM_PIPE);
    le_init(&s.le);
    s.interactive = true;
    s.level = 15;
    s.mode = MODE_EXEC;
    snprintf(s.hostname, sizeof(s.hostname), "R1");
    /* configure terminal: the real action prints the banner */
    tokline_split(&tl, "conf t", 6);
    cmd_match_line(&tl, MODE_EXEC_PRIV, &r);
    assert_int_equal(r.status, MATCH_OK);
    sb_init(&banner);
    assert_int_equal(act_configure(&s, &r.m, &banner, false), 0);
    term_write(&s.t, banner.buf, banner.len);
    sb_free(&banner);
    tokline_free(&tl);
    assert_int_equal(s.mode, MODE_GLOBAL);

    typed(&s, "logging 0255.255.1");
    session_config_error(&s, "logging 0255.255.1",
                         "        ^\n% Invalid input detected at '^' marker.\n");
    typed(&s, "logging");
    session_config_error(&s, "logging", "% Incomplete command.\n");
    typed(&s, "a");
    session_config_error(&s, "a", "% Ambiguous command:  \"a\"\n"); /* as dmvpnd words it */
    typed(&s, "logging buffered 20010");
    typed(&s, "ip http server");
    typed(&s, "end");
    session_config_leave(&s);
    prompt_build(s.prompt, sizeof(s.prompt), s.hostname, MODE_EXEC_PRIV, "");
    term_puts(&s.t, s.prompt);
    term_write(&s.t, "\n", 1);

    lseek(fd, 0, SEEK_SET);
    n = read(fd, got, sizeof(got) - 1);
    assert_true(n > 0);
    got[n] = '\0';
    assert_string_equal(got, want);
    assert_int_equal(s.status, 1); /* a rejected line makes -c exit non-zero */
    close(fd);
    le_free(&s.le);
    term_close(&s.t);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_config_errors),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
