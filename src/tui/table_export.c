/* table_export.c - export what is shown (e): the filtered, sorted rows and
 * the visible columns, to a file named in a prompt, as CSV or Markdown by
 * its extension.  An existing file is never overwritten without a y/n. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "llmdeck/output.h"
#include "table.h"

static int format_of(const char *path, ld_format *fmt, const char **name)
{
    const char *dot = strrchr(path, '.');
    if (!dot || strchr(dot, '/')) return -1;
    if (!strcasecmp(dot, ".csv")) return *fmt = LD_FMT_CSV, *name = "CSV", 0;
    if (!strcasecmp(dot, ".md") || !strcasecmp(dot, ".markdown")) return *fmt = LD_FMT_MD, *name = "Markdown", 0;
    if (!strcasecmp(dot, ".json")) return *fmt = LD_FMT_JSON, *name = "JSON", 0;
    if (!strcasecmp(dot, ".txt")) return *fmt = LD_FMT_TEXT, *name = "text", 0;
    return -1;
}

/* Writes to fd (closed here); 0 on success, else errno. */
static int write_to(tv_state *t, int fd, ld_format fmt)
{
    FILE *f = fdopen(fd, "w");
    if (!f) {
        int e = errno;
        close(fd);
        return e;
    }
    int bad = output_table(f, t->cat, t->idx, t->n, t->vis, t->nvis, fmt) != 0;
    bad |= fflush(f) != 0;
    int e = errno;
    bad |= fclose(f) != 0;
    if (bad) return e ? e : EIO;
    return 0;
}

static void report(app *a, tv_state *t, int e, const char *kind)
{
    if (e) app_message(a, MSG_ERROR, "export to %s failed: %s", t->export_path, strerror(e));
    else app_message(a, MSG_INFO, "exported %zu rows x %zu columns to %s (%s)", t->n, t->nvis, t->export_path, kind);
}

static void overwrite_cb(app *a, void *ctx, int yes)
{
    tv_state *t = ctx;
    ld_format fmt;
    const char *kind;
    if (!yes) {
        app_message(a, MSG_INFO, "not exported: %s is left as it was", t->export_path);
        return;
    }
    format_of(t->export_path, &fmt, &kind);
    int fd = open(t->export_path, O_WRONLY | O_TRUNC | O_CLOEXEC);
    report(a, t, fd < 0 ? errno : write_to(t, fd, fmt), kind);
}

static int path_cb(app *a, void *ctx, const char *text, int done, char *err, size_t errlen)
{
    tv_state *t = ctx;
    ld_format fmt;
    const char *kind;
    if (done <= 0) return 0;
    while (*text == ' ') text++;
    if (!*text) {
        snprintf(err, errlen, "type a file name");
        return -1;
    }
    if (format_of(text, &fmt, &kind) != 0) {
        snprintf(err, errlen, "end the name with .csv or .md (or .json, .txt)");
        return -1;
    }
    const char *home = getenv("HOME");
    if (text[0] == '~' && text[1] == '/' && home && *home) /* as a shell would */
        snprintf(t->export_path, sizeof t->export_path, "%s%s", home, text + 1);
    else
        snprintf(t->export_path, sizeof t->export_path, "%s", text);
    text = t->export_path;
    /* O_EXCL: creating and checking are one step, so nothing is clobbered
     * by a file that appears meanwhile */
    int fd = open(text, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0 && errno == EEXIST) {
        char q[600];
        snprintf(q, sizeof q, "%s exists. Overwrite it?", t->export_path);
        app_confirm(a, q, overwrite_cb, t);
        return 0;
    }
    if (fd < 0) {
        snprintf(err, errlen, "cannot create it: %s", strerror(errno));
        return -1;
    }
    report(a, t, write_to(t, fd, fmt), kind);
    return 0;
}

void tv_export_start(app *a, tv_state *t)
{
    app_prompt(a, "Export shown rows to (.csv or .md): ",
               t->export_path[0] ? t->export_path : "llmdeck-table.csv", path_cb, t);
}
