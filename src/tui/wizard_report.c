/* wizard_report.c - `e` on the wizard's answer: the Markdown report of
 * `llmdeck recommend --format md` plus the sizing and the cost, and the
 * chart of its candidates written beside it as REPORT.svg and linked. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "llmdeck/chart.h"
#include "llmdeck/report.h"
#include "widgets.h"
#include "wizard.h"

/* ---- the candidates' chart beside the report ----------------------------------------
 *
 * REPORT.md gets REPORT.svg (the name's .md or .markdown replaced, else .svg
 * added), the chart `llmdeck chart` draws, of the candidates, linked as an
 * image after the candidates table.  It goes through the same safe export
 * (export_examine, export_replace), and an existing .svg is never
 * overwritten unasked:
 *   - the report replaces an existing REPORT.md (after the y): the
 *     question named REPORT.svg too ("Overwrite it and REPORT.svg?"), so a
 *     regular REPORT.svg is replaced with it;
 *   - the report is new but REPORT.svg exists: left as it is, the report
 *     goes without the image and says why (no question was asked about it);
 *   - a symbolic link, directory, FIFO... at REPORT.svg is never touched.
 * A chart that cannot be written never stops the report. */

static int svg_beside(const char *md, char *out, size_t n)
{
    const char *slash = strrchr(md, '/'), *dot = strrchr(md, '.');
    size_t stem = strlen(md);
    if (dot && (!slash || dot > slash) && (!strcasecmp(dot, ".md") || !strcasecmp(dot, ".markdown")))
        stem = (size_t)(dot - md);
    if (stem + 5 > n) return -1;
    memcpy(out, md, stem);
    memcpy(out + stem, ".svg", 5);
    return 0;
}

static const char *base_name(const char *p)
{
    const char *s = strrchr(p, '/');
    return s ? s + 1 : p;
}

typedef struct {
    app *a;
    const ld_chart *ch;
    const char *title;
} svg_job;

static int svg_body(void *ctx, FILE *f)
{
    svg_job *j = ctx;
    ld_chart_footer foot;
    chart_footer(&foot, j->a->ds, j->ch, NULL, j->a->missing);
    return chart_write_svg(f, j->a->ds->models, j->ch, j->title, foot.line, foot.n, j->a->missing);
}

static void write_chart(app *a, wz_state *w, const char *md)
{
    const ld_catalog *cat = a->ds->models;
    char why[600];
    w->chart_written = 0;
    w->chart_note[0] = '\0';
    if (svg_beside(md, w->chart_path, sizeof w->chart_path) != 0) {
        snprintf(w->chart_note, sizeof w->chart_note, "the name is too long for its .svg");
        return;
    }
    int xcol = catalog_col_index(cat, "relative_cost"), ycol = catalog_col_index(cat, "quality");
    if (!w->cands.n || xcol < 0 || ycol < 0) {
        snprintf(w->chart_note, sizeof w->chart_note, "%s",
                 !w->cands.n ? "no candidates to draw" : "the catalogue has no relative cost or quality");
        return;
    }
    struct stat st, mdst;
    int what = export_examine(w->chart_path, &st, why, sizeof why);
    /* the report is being replaced (export.c asks first): the y covered its .svg */
    int replacing = lstat(md, &mdst) == 0 && S_ISREG(mdst.st_mode);
    if (what < 0 || (what == 1 && !replacing)) {
        snprintf(w->chart_note, sizeof w->chart_note, "%.300s%s", what < 0 ? why : base_name(w->chart_path),
                 what < 0 ? "" : " exists and was left as it is (choose another name to get the chart)");
        return;
    }
    uint32_t *idx = malloc(w->cands.n * sizeof *idx);
    ld_chart ch = {0};
    if (!idx) {
        snprintf(w->chart_note, sizeof w->chart_note, "out of memory");
        return;
    }
    for (size_t i = 0; i < w->cands.n; i++) idx[i] = (uint32_t)w->cands.items[i].row;
    char title[300];
    snprintf(title, sizeof title, "The wizard's %zu candidates: quality against relative cost", w->cands.n);
    svg_job job = {a, &ch, title};
    if (chart_build(cat, idx, w->cands.n, xcol, ycol, &ch) != 0)
        snprintf(w->chart_note, sizeof w->chart_note, "out of memory");
    else if (export_replace(w->chart_path, what == 1, what == 1 ? st.st_mode : 0, svg_body, &job, why, sizeof why) != 0)
        snprintf(w->chart_note, sizeof w->chart_note, "%.390s", why);
    else
        w->chart_written = 1;
    chart_free(&ch);
    free(idx);
}

/* The overwrite question names the .svg when one is there. */
static int check_report_name(const tui_export *x, const char *path, char *err, size_t errlen)
{
    (void)err, (void)errlen;
    wz_state *w = x->ctx;
    char svg[PATH_MAX];
    struct stat st;
    w->export.also = NULL;
    if (svg_beside(path, svg, sizeof svg) == 0 && lstat(svg, &st) == 0 && S_ISREG(st.st_mode)) {
        snprintf(w->also, sizeof w->also, "and %.50s", base_name(svg));
        w->export.also = w->also;
    }
    return 0;
}

static int write_report(app *a, const tui_export *x, FILE *f)
{
    wz_state *w = x->ctx;
    write_chart(a, w, x->path);
    ld_report r;
    report_init(&r, a->ds->models, &w->req, &w->rec, &w->cands, WZ_SHOWN);
    for (int i = 0; i < 3; i++) r.sizing[i] = w->size_ok[i] ? &w->size[i] : NULL;
    r.release_label = w->release_label;
    r.sizing_note = w->size_note[0] ? w->size_note : NULL;
    r.cost_in = &w->scen.cost_in;
    r.cost = w->cost_ok ? &w->scen.cost : NULL;
    r.cost_note = w->cost_ok ? NULL : w->cost_note;
    r.own_gpus = w->hardware.gpu && w->own_gpus[0] ? w->own_gpus : NULL;
    r.own_gpus_cost = w->hardware.gpu && w->cost_ok && w->own_gpus_cost[0] ? w->own_gpus_cost : NULL;
    r.chart_image = w->chart_written ? base_name(w->chart_path) : NULL;
    r.chart_note = w->chart_written ? NULL : w->chart_note;
    ld_data_horizon horizon;
    dataset_horizon(a->ds, &horizon);
    r.horizon = &horizon;
    report_recommendation_md(f, &r);
    return ferror(f) ? -1 : 0;
}

static void exported(app *a, const tui_export *x)
{
    wz_state *w = x->ctx;
    char after[sizeof w->chart_path + sizeof w->chart_note + 64];
    if (w->chart_written) snprintf(after, sizeof after, " (Markdown), its chart in %s (SVG)", base_name(w->chart_path));
    else snprintf(after, sizeof after, " (Markdown), without its chart: %s", w->chart_note);
    export_tell(a, w->chart_written ? MSG_INFO : MSG_WARN, "the answer is in ", x->path, after);
}

void wz_export_start(app *a, wz_state *w)
{
    w->export.check = check_report_name;
    w->export.write = write_report;
    w->export.done = exported;
    w->export.ctx = w;
    export_start(a, &w->export, "Export the answer as Markdown to: ", "llmdeck-recommendation.md");
}
