/* cost_export.c - `e` in the cost view: the scenario as Markdown, to a
 * file named in a prompt (never overwritten without a y).
 *
 * The report is the one `llmdeck cost --format md` prints (report_cost.c),
 * headed by the knobs and the command that reproduces it, and followed by
 * the costs over 1M..100B tokens. */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cost_view.h"
#include "llmdeck/units.h"
#include "llmdeck/output.h"
#include "llmdeck/report_cost.h"

/* Appends " word" to buf, single-quoted when the shell would need it. */
/* Length of a byte sequence at p a terminal would obey rather than show:
 * C0 controls and DEL, C1 controls (U+0080-U+009F) and the bidirectional
 * controls (U+200E/F, U+202A-U+202E, U+2066-U+2069); 0 for anything else. */
static size_t unsafe_at(const unsigned char *p)
{
    if (*p < 0x20 || *p == 0x7f) return 1;
    if (p[0] == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F) return 2;
    if (p[0] == 0xE2 && p[1] == 0x80 && ((p[2] >= 0x8E && p[2] <= 0x8F) || (p[2] >= 0xAA && p[2] <= 0xAE))) return 3;
    if (p[0] == 0xE2 && p[1] == 0x81 && p[2] >= 0xA6 && p[2] <= 0xA9) return 3;
    return 0;
}

/* A word with such bytes is written in bash's $'...' quoting with each of
 * them as \xHH: the command still reproduces the view, and neither the
 * Markdown file nor a terminal showing it carries the raw bytes. */
static int add_escaped_word(char *buf, size_t n, const char *word)
{
    int unsafe = 0;
    for (const unsigned char *p = (const unsigned char *)word; *p; p++) unsafe |= unsafe_at(p) != 0;
    if (!unsafe) return 0;
    size_t len = strlen(buf);
    if (len + 3 >= n) return 1;
    buf[len++] = ' ';
    buf[len++] = '$';
    buf[len++] = '\'';
    for (const unsigned char *p = (const unsigned char *)word; *p && len + 6 < n;) {
        size_t k = unsafe_at(p);
        if (k) {
            for (size_t i = 0; i < k && len + 6 < n; i++) len += (size_t)snprintf(buf + len, n - len, "\\x%02x", p[i]);
            p += k;
        } else {
            if (*p == '\'' || *p == '\\') buf[len++] = '\\';
            buf[len++] = (char)*p++;
        }
    }
    if (len + 1 < n) buf[len++] = '\'';
    buf[len] = '\0';
    return 1;
}

static void add_word(char *buf, size_t n, const char *word)
{
    if (add_escaped_word(buf, n, word)) return;
    size_t len = strlen(buf);
    int plain = *word != '\0';
    for (const char *p = word; *p && plain; p++)
        plain = strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._/:=@%+,-", *p) != NULL;
    if (len + 2 >= n) return;
    buf[len++] = ' ';
    if (plain) {
        snprintf(buf + len, n - len, "%s", word);
        return;
    }
    buf[len++] = '\'';
    for (const char *p = word; *p && len + 5 < n; p++) {
        if (*p == '\'') {
            memcpy(buf + len, "'\\''", 4);
            len += 4;
        } else {
            buf[len++] = *p;
        }
    }
    if (len + 1 < n) buf[len++] = '\'';
    buf[len] = '\0';
}

static void add_num(char *buf, size_t n, const char *flag, double v)
{
    char t[64];
    snprintf(t, sizeof t, "%.10g", v);
    add_word(buf, n, flag);
    add_word(buf, n, t);
}

void cv_command(const app *a, const cv_state *s, char *buf, size_t n)
{
    char t[64];
    snprintf(buf, n, "llmdeck cost");
    if (a->ds->dir[0]) add_word(buf, n, "--data"), add_word(buf, n, a->ds->dir);
    for (size_t i = 0; i < a->ds->nloads; i++) add_word(buf, n, "--load"), add_word(buf, n, a->ds->loads[i].path);
    cv_format_tokens(s->tokens, t, sizeof t);
    add_word(buf, n, "--tokens");
    add_word(buf, n, t);
    add_num(buf, n, "--input-share", s->share);
    if (s->offer >= 0) {
        add_word(buf, n, "--api");
        add_word(buf, n, s->h->offers[s->offer].name);
    } else {
        add_num(buf, n, "--api-price", s->price_in);
        add_num(buf, n, "--api-price-out", s->price_out);
    }
    if (s->source < s->h->npresets) {
        add_word(buf, n, "--preset");
        add_word(buf, n, s->h->presets[s->source].name);
    } else {
        add_word(buf, n, "--model");
        add_word(buf, n, cv_model_name(a, s->model));
        add_word(buf, n, "--quant");
        add_word(buf, n, cv_quant_name(s));
        if (s->gpu >= 0) add_word(buf, n, "--gpu"), add_word(buf, n, s->gpus->v[s->gpu].name);
        if (s->batch) add_num(buf, n, "--batch", s->batch); /* none: auto, the command's default too */
        if (s->context != 4096) add_num(buf, n, "--context", s->context);
        double req_in, req_out;
        cv_request_split(s, &req_in, &req_out);
        if (req_in + req_out > 0) {
            char r[64];
            snprintf(r, sizeof r, "%.0f,%.0f", req_in, req_out);
            add_word(buf, n, "--request-tokens");
            add_word(buf, n, r);
        }
        if (s->energy > 0) add_num(buf, n, "--energy-price", s->energy);
    }
    if (s->cached > 0) add_num(buf, n, "--cached-share", s->cached);
    if (s->ops > 0) add_num(buf, n, "--ops-monthly", s->ops);
    if (s->capacity) add_word(buf, n, "--capacity"), add_num(buf, n, "--utilization", s->util);
    add_word(buf, n, "--format");
    add_word(buf, n, "md");
}

/* Room for the command cv_command builds, whatever the names: a word takes
 * at most 4 bytes a byte (a quote becomes '\'') plus a blank and quotes. */
static size_t command_room(const app *a, const cv_state *s)
{
    size_t room = 2048; /* the flags and numbers */
    room += 4 * strlen(a->ds->dir) + 4;
    for (size_t i = 0; i < a->ds->nloads; i++) room += 4 * strlen(a->ds->loads[i].path) + 4;
    if (s->offer >= 0) room += 4 * strlen(s->h->offers[s->offer].name) + 4;
    if (s->source < s->h->npresets) room += 4 * strlen(s->h->presets[s->source].name) + 4;
    else room += 4 * strlen(cv_model_name(a, s->model)) + 4;
    if (s->gpu >= 0) room += 4 * strlen(s->gpus->v[s->gpu].name) + 4;
    return room;
}

static int write_md(const app *a, const cv_state *s, FILE *f)
{
    char t[32];
    /* sized to fit: a long --data or --load path is never cut out of the
     * command that is meant to reproduce the scenario */
    size_t room = command_room(a, s);
    char *cmd = malloc(room);
    if (!cmd) {
        errno = ENOMEM;
        return -1;
    }
    cv_command(a, s, cmd, room);
    cv_format_tokens(s->tokens, t, sizeof t);
    fputs("# API or self-hosting: a cost scenario\n\n"
          "Exported from llmdeck's cost view. The same comparison from the command line:\n\n```sh\n", f);
    fprintf(f, "%s\n```\n\n## Scenario\n\n| Knob | Setting |\n|---|---|\n", cmd);
    free(cmd);
    fprintf(f, "| Monthly volume | %s tokens, %g%% input |\n| API | ", t, s->share * 100);
    output_md_cell(f, s->api_label);
    char p1[32], p2[32], p3[32], p4[32];
    units_format_price(s->price_in, p1, sizeof p1);
    units_format_price(s->price_out, p2, sizeof p2);
    units_format_price(s->price_in * 1000, p3, sizeof p3);
    units_format_price(s->price_out * 1000, p4, sizeof p4);
    fprintf(f, ": %s in / %s out per 1K (%s / %s per 1M)", p1, p2, p3, p4);
    if (s->offer >= 0 && s->h->offers[s->offer].source[0]) {
        fputs("; ", f);
        output_md_cell(f, s->h->offers[s->offer].source);
        if (s->h->offers[s->offer].date[0]) fputs(", ", f), output_md_cell(f, s->h->offers[s->offer].date);
    }
    fputs(" |\n| Self-hosting | ", f);
    output_md_cell(f, s->sh_label);
    if (s->sized) {
        fprintf(f, "; batch %g, %.4g tokens/s per replica; ", s->used_batch, s->s.throughput_tokens_per_s);
        output_md_cell(f, s->choice);
    }
    if (s->capacity) fprintf(f, " |\n| Mode | capacity: replicas from throughput at %g%% utilisation |\n\n", s->util * 100);
    else fputs(" |\n| Mode | 2023 article: one replica, unlimited tokens (the article's assumption) |\n\n", f);
    report_cost_write(f, &s->in, &s->c, NULL, LD_FMT_MD);
    fputs("\n## Cost by volume\n\n", f);
    if (s->source >= s->h->npresets && s->model >= 0 && s->sized) { /* each volume on its own GPUs, as priced here */
        ld_scenario_input si;
        cv_scenario_input(a, s, &si);
        ld_cost_point pts[64];
        size_t n = scenario_sweep(&si, &s->in, &s->in, pts, 64);
        report_cost_sweep_points(f, &s->in, &s->c, pts, n, LD_FMT_MD);
    } else {
        report_cost_sweep(f, &s->in, &s->c, LD_FMT_MD);
    }
    return 0;
}

static int write_scenario(app *a, const tui_export *x, FILE *f)
{
    if (write_md(a, x->ctx, f) != 0) return -1;
    return ferror(f) ? -1 : 0;
}

static void exported(app *a, const tui_export *x)
{
    export_tell(a, MSG_INFO, "exported the scenario to ", x->path, " (Markdown)");
}

void cv_export_start(app *a, cv_state *s)
{
    if (!s->ok) {
        app_message(a, MSG_WARN, "nothing to export: %s", s->err);
        return;
    }
    s->export.write = write_scenario;
    s->export.done = exported;
    s->export.ctx = s;
    export_start(a, &s->export, "Export the scenario to (Markdown): ", "llmdeck-cost.md");
}
