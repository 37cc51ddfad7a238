/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * An EXEC line: split off `| filter`, match the command against the table of
 * the session's level, report IOS's error for a line that does not match,
 * run the action, filter and page its output.
 *
 * IOS's words for failures (checked against real transcripts, see
 * testdata/ios/cli_session/):
 *   caret + "% Invalid input detected at '^' marker." + blank line
 *   "% Incomplete command." + blank line
 *   "% Ambiguous command:  \"<line>\""  (two blanks, no blank line after)
 *   a lone unknown word: "% Unknown command or computer name, or unable to
 *   find computer address" (IOS would try to telnet to it).
 * The daemon's typed errors for a request (lib/req.h) get the same words,
 * the caret under the word its value was typed as.
 */
#include "cli/shell/exec.h"
#include "cli/shell/guard.h"
#include "cli/shell/pipe.h"
#include "cli/shell/session.h"

#include <stdio.h>
#include <string.h>

static void
match_error(struct session *s, const char *line, const struct tokline *tl,
            const struct match_result *r)
{
    char buf[600];
    size_t n = strlen(line);

    switch (r->status) {
    case MATCH_INVALID:
        if (r->err_tok == 0 && tl->ntok == 1) {
            session_error(s, line, -1,
                          "% Unknown command or computer name, or unable to find computer "
                          "address");
            return;
        }
        session_error(s, line, (int)r->err_col, "% Invalid input detected at '^' marker.");
        return;
    case MATCH_INCOMPLETE:
        session_error(s, line, -1, "% Incomplete command.");
        return;
    case MATCH_AMBIGUOUS:
        while (n && line[n - 1] == ' ')
            n--;
        while (*line == ' ') {
            line++;
            n--;
        }
        snprintf(buf, sizeof(buf), "%% Ambiguous command:  \"%.*s\"", (int)n, line);
        session_error(s, line, -1, buf);
        return;
    default:
        return;
    }
}

void
session_req_error(struct session *s, const char *line, const struct tokline *tl, const int *vtok,
                  uint32_t nvals, const struct req_error *e)
{
    struct match_result r;
    const struct tok *last = tl->ntok ? &tl->t[tl->ntok - 1] : NULL;

    memset(&r, 0, sizeof(r));
    switch (e->code) {
    case REQ_E_INVALID:
        r.status = MATCH_INVALID;
        if (e->val < nvals) {
            r.err_tok = vtok[e->val];
            r.err_col = tl->t[r.err_tok].col;
        } else { /* a value the line did not have: after the last word */
            r.err_tok = tl->ntok;
            r.err_col = last ? last->col + last->len : 0;
        }
        break;
    case REQ_E_INCOMPLETE:
        r.status = MATCH_INCOMPLETE;
        break;
    case REQ_E_AMBIGUOUS:
        r.status = MATCH_AMBIGUOUS;
        break;
    default:
        session_error(s, line, -1, e->text);
        return;
    }
    match_error(s, line, tl, &r);
}

static bool
pipe_error(struct session *s, const char *line, enum pipe_err e, size_t col)
{
    switch (e) {
    case PIPE_OK:
        return false;
    case PIPE_ERR_INCOMPLETE:
        session_error(s, line, -1, "% Incomplete command.");
        break;
    case PIPE_ERR_REGEX:
        session_error(s, line, (int)col, "% Invalid regular expression");
        break;
    default:
        session_error(s, line, (int)col, "% Invalid input detected at '^' marker.");
        break;
    }
    return true;
}

void
session_exec_line(struct session *s, const char *line)
{
    struct pipe_spec p;
    struct tokline tl;
    struct match_result r;
    const struct exec_cmd *ec;
    sigjmp_buf jb;
    enum cfg_mode mode = s->level >= 15 ? MODE_EXEC_PRIV : MODE_EXEC;
    size_t col = 0;
    int rc;

    if (pipe_error(s, line, pipe_parse(line, &p, &col), col))
        return;
    tokline_split(&tl, line, p.bar);
    cmd_match_line(&tl, mode, &r);
    if (r.status == MATCH_EMPTY) {
        if (p.kind != PIPE_NONE)
            session_error(s, line, (int)p.bar, "% Invalid input detected at '^' marker.");
        tokline_free(&tl);
        pipe_free(&p);
        return;
    }
    if (r.status != MATCH_OK || tl.too_many) {
        if (tl.too_many)
            r.status = MATCH_INVALID, r.err_col = tl.t[LINE_MAX_TOKS - 1].col, r.err_tok = 1;
        match_error(s, line, &tl, &r);
        tokline_free(&tl);
        pipe_free(&p);
        return;
    }
    ec = r.m.cmd->aux;
    if (p.kind != PIPE_NONE &&
        (!(ec->flags & EXEC_PIPE) || (p.kind == PIPE_JSON && !(ec->flags & EXEC_JSON)))) {
        /* IOS takes filters after show commands only */
        session_error(s, line, (int)p.bar, "% Invalid input detected at '^' marker.");
        tokline_free(&tl);
        pipe_free(&p);
        return;
    }
    p.stop = guard_cmd_flag();
    if (sigsetjmp(jb, 1)) {
        /* out of memory inside the command: drop what it held, not the
         * session */
        guard_cmd_end();
        guard_release();
        sb_free(&s->out);
        sb_free(&s->filtered);
        s->cur_tl = NULL;
        s->status = 1;
        session_error(s, line, -1, GUARD_MSG_MEM);
        tokline_free(&tl);
        pipe_free(&p);
        return;
    }
    sb_init(&s->out);
    sb_init(&s->filtered);
    s->cur_line = line;
    s->cur_tl = &tl;
    guard_cmd_begin(&jb);
    rc = ec->fn(s, &r.m, &s->out, p.kind == PIPE_JSON);
    s->cur_tl = NULL;
    if (rc < 0) {
        guard_cmd_end();
        term_puts(&s->t, "% Connection to dmvpnd lost\n");
        s->quit = true;
        s->status = 1;
    } else {
        const struct strbuf *o = &s->out;
        bool cut = false;
        if (rc > 0)
            s->status = 1;
        if (p.kind == PIPE_JSON && s->out.len && s->out.buf[s->out.len - 1] != '\n')
            sb_putc(&s->out, '\n');
        if (p.kind != PIPE_NONE && p.kind != PIPE_JSON && rc == 0) {
            cut = !pipe_apply(&p, s->out.buf, s->out.len, &s->filtered);
            o = &s->filtered;
        }
        guard_cmd_end();
        if (rc > 0 && s->oneshot)
            fwrite(o->buf, 1, o->len, stderr);
        else if (o->len)
            session_output(s, o->buf, o->len);
        if (cut) {
            s->status = 1;
            session_error(s, line, -1, GUARD_MSG_CPU);
        }
    }
    sb_free(&s->out);
    sb_free(&s->filtered);
    tokline_free(&tl);
    pipe_free(&p);
}
