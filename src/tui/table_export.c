/* table_export.c - export what is shown (e): the filtered, sorted rows and
 * the visible columns, to a file named in a prompt, as CSV or Markdown by
 * its extension.  An existing file is never overwritten without a y/n. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "llmdeck/output.h"
#include "export.h"
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

static int check_name(const tui_export *x, const char *path, char *err, size_t errlen)
{
    (void)x;
    ld_format fmt;
    const char *kind;
    if (format_of(path, &fmt, &kind) == 0) return 0;
    snprintf(err, errlen, "end the name with .csv or .md (or .json, .txt)");
    return -1;
}

static int write_rows(app *a, const tui_export *x, FILE *f)
{
    (void)a;
    const tv_state *t = x->ctx;
    ld_format fmt;
    const char *kind;
    if (format_of(x->path, &fmt, &kind) != 0) { /* check_name let it through: cannot happen */
        errno = EINVAL;
        return -1;
    }
    return output_table(f, t->cat, t->idx, t->n, t->vis, t->nvis, fmt);
}

static void done(app *a, const tui_export *x)
{
    const tv_state *t = x->ctx;
    ld_format fmt;
    const char *kind = "?";
    if (format_of(x->path, &fmt, &kind) != 0) kind = "?";
    char before[96], after[32];
    snprintf(before, sizeof before, "exported %zu rows x %zu columns to ", t->n, t->nvis);
    snprintf(after, sizeof after, " (%s)", kind);
    export_tell(a, MSG_INFO, before, x->path, after);
}

void tv_export_start(app *a, tv_state *t)
{
    t->export.check = check_name;
    t->export.write = write_rows;
    t->export.done = done;
    t->export.ctx = t;
    export_start(a, &t->export, "Export shown rows to (.csv or .md): ", "llmdeck-table.csv");
}
