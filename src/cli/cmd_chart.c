/* cmd_chart.c - `llmdeck chart`: quality against cost with the Pareto
 * frontier, as SVG for slides or as text for scripts. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "llmdeck/chart.h"
#include "llmdeck/filter.h"
#include "llmdeck/score.h"
#include "llmdeck/suggest.h"
#include "llmdeck/view.h"

enum { OPT_X = CLI_OPT_FIRST_FREE, OPT_Y, OPT_FILTER, OPT_WEIGHTS, OPT_CHART_FORMAT, OPT_TITLE, OPT_COLOR, OPT_SCALE };

static void help(void)
{
    printf("usage: llmdeck chart [--x COLUMN] [--y COLUMN] [--filter EXPR] [--weights ID=W,...]\n"
           "                     [--scale raw|percentile] [--format svg|text] [--title TEXT] [--color family|license|none]\n"
           "                     [--dataset current|seed] [--data DIR]\n\n"
           "Each model of the filter as a point, x against y (relative cost against quality by\n"
           "default), with the Pareto frontier: the models no other model beats on both axes.\n"
           "SVG (the default) is written to standard output, for slides: redirect it to a file.\n\n"
           "  --x, --y   numeric column ids or header labels; the better end of each axis follows\n"
           "             the column's higher_is_better (a cost is better low)\n"
           "  --filter   the table's filter language, e.g. 'license~apache and context_length>=32k'\n"
           "  --weights  metric weights for quality, as in `llmdeck table`\n"
           "  --scale    each metric in the quality as its percentile or as metric/100, as in\n"
           "             `llmdeck table`\n"
           "  --format   svg, or text: one line per point, frontier ones marked, in x order\n"
           "  --title    the chart's title (default: \"Y against X\")\n"
           "  --color    colour the points by family or licence, with a legend (the six most\n"
           "             frequent values and \"other\"); frontier points stay filled, the others\n"
           "             hollow, so the frontier reads apart in black and white too\n"
           "The x axis is logarithmic when every x is positive and they span a factor of 20.\n");
}

static int numeric_column(const ld_catalog *cat, const char *flag, const char *name, int *col)
{
    int c = suggest_column(cat, name);
    if (c < 0) {
        char hint[200];
        suggest_column_hint(cat, name, hint, sizeof hint);
        return cli_usage_error("chart", "%s: unknown column '%s'%s", flag, name, hint);
    }
    const ld_column *cd = catalog_col(cat, (size_t)c);
    if (cd->type != LD_COL_NUMBER || (cd->flags & LD_COLF_YESNO))
        return cli_usage_error("chart", "%s: column '%s' is not numeric", flag, cd->id);
    *col = c;
    return 0;
}


static int by_x_then_y(const void *a, const void *b)
{
    const ld_chart_point *p = a, *q = b;
    if (p->x != q->x) return p->x < q->x ? -1 : 1;
    if (p->y != q->y) return p->y < q->y ? -1 : 1;
    return p->row < q->row ? -1 : p->row > q->row;
}

static void write_text(FILE *out, const ld_catalog *cat, const ld_chart *ch, ld_missing policy, int filtered)
{
    const ld_column *xc = catalog_col(cat, (size_t)ch->xcol), *yc = catalog_col(cat, (size_t)ch->ycol);
    const ld_chart_point *p = ch->pts; /* in x order, as the frontier line runs */
    char name[512], clean[1024], xs[64], ys[64], cov[64];
    /* beside a quality, how many metrics it rests on (chart_point_coverage) */
    int with_cov = chart_rests_on_quality(cat, ch);
    fprintf(out, "%-40s %14s %14s", "Model", xc->id, yc->id);
    if (with_cov) fprintf(out, " %30s", "coverage");
    fprintf(out, "  %s", "frontier");
    if (ch->group) fprintf(out, "  %s", catalog_col(cat, (size_t)ch->color_col)->id);
    fputc('\n', out);
    for (size_t i = 0; i < ch->n; i++) {
        output_sanitize(output_cell(cat, p[i].row, catalog_key_col(cat), name, sizeof name), clean, sizeof clean);
        /* each figure as the table shows it: a computed score to three
         * significant digits, a data cell as written */
        output_display_cell(cat, p[i].row, (size_t)ch->xcol, xs, sizeof xs);
        output_display_cell(cat, p[i].row, (size_t)ch->ycol, ys, sizeof ys);
        char xsafe[256], ysafe[256]; /* a data cell is data: escaped (4 bytes a byte at most) */
        fprintf(out, "%-40s %14s %14s", clean, output_sanitize(xs, xsafe, sizeof xsafe),
                output_sanitize(ys, ysafe, sizeof ysafe));
        if (with_cov) fprintf(out, " %30s", chart_point_coverage(cat, ch, p[i].row, policy, cov, sizeof cov));
        fprintf(out, "  %s", p[i].frontier ? "yes" : "no");
        if (ch->group) {
            output_sanitize(ch->group_name[ch->group[i]], clean, sizeof clean);
            fprintf(out, "%s  %s", p[i].frontier ? "     " : "      ", clean);
        }
        fputc('\n', out);
    }
    fprintf(out, "x: %s (%s, %s); y: %s (%s); %zu rows without both values left out\n", catalog_col_name(xc),
            xc->higher_is_better ? "higher is better" : "lower is better", ch->x_log ? "log scale" : "linear",
            catalog_col_name(yc), yc->higher_is_better ? "higher is better" : "lower is better", ch->skipped);
    if (filtered) /* the table's frontier column is the whole catalogue's: say which this is */
        fprintf(out, "frontier: among the %zu rows plotted (the table's frontier column is over the whole catalogue)\n",
                ch->n);
}

int cmd_chart(int argc, char **argv)
{
    static const struct option opts[] = {
        {"x", required_argument, 0, OPT_X},
        {"y", required_argument, 0, OPT_Y},
        {"filter", required_argument, 0, OPT_FILTER},
        {"weights", required_argument, 0, OPT_WEIGHTS},
        {"scale", required_argument, 0, OPT_SCALE},
        {"title", required_argument, 0, OPT_TITLE},
        {"color", required_argument, 0, OPT_COLOR},
        {"colour", required_argument, 0, OPT_COLOR},
        /* before the common --format: this one takes svg|text */
        {"format", required_argument, 0, OPT_CHART_FORMAT},
        CLI_COMMON_OPTIONS,
        {0, 0, 0, 0},
    };
    cli_common com = {0};
    const char *xname = "relative_cost", *yname = "quality", *filter = NULL, *weights = NULL, *title = NULL,
               *color = "none";
    int svg = 1, opt, scale = -1; /* scale -1: the data set's */
    while ((opt = cli_next_option("chart", argc, argv, opts, &com)) >= 0) {
        switch (opt) {
        case OPT_X: xname = optarg; break;
        case OPT_Y: yname = optarg; break;
        case OPT_FILTER: filter = optarg; break;
        case OPT_WEIGHTS: weights = optarg; break;
        case OPT_SCALE:
            if (cli_parse_scale("chart", optarg, &scale) != 0) return 2;
            break;
        case OPT_TITLE: title = optarg; break;
        case OPT_COLOR:
            if (strcmp(optarg, "family") && strcmp(optarg, "license") && strcmp(optarg, "none"))
                return cli_usage_error("chart", "--color: expected family, license or none, got '%s'", optarg);
            color = optarg;
            break;
        case OPT_CHART_FORMAT:
            if (strcmp(optarg, "svg") == 0) svg = 1;
            else if (strcmp(optarg, "text") == 0) svg = 0;
            else return cli_usage_error("chart", "--format: expected svg or text, got '%s'", optarg);
            break;
        }
    }
    if (opt == -2) return 2;
    if (com.help) {
        help();
        return 0;
    }
    if (cli_no_positionals("chart", argc, argv)) return 2;
    ld_dataset ds;
    int rc = cli_open_dataset(&com, &ds);
    if (rc) return rc;
    ld_catalog *cat = ds.models;
    ld_error err;
    error_clear(&err);
    int status = 0, xcol = -1, ycol = -1, color_col = -1;
    ld_filter *f = NULL;
    uint32_t *idx = NULL;
    ld_chart ch = {0};
    int rescale = scale >= 0 && scale != score_percentile_scale(cat);
    if (rescale && score_set_percentile_scale(cat, scale) != 0) {
        error_set(&err, LD_ERR_NOMEM, "", 0, 0, "out of memory");
        status = cli_report_cmd("chart", &err);
        goto out;
    }
    if (weights && score_parse_weights(cat, weights, "--weights", &err) != 0) {
        status = cli_report_cmd("chart", &err);
        goto out;
    }
    if ((weights || rescale) && score_update(cat, ds.policy) < 0) {
        error_set(&err, LD_ERR_NOMEM, "", 0, 0, "out of memory");
        status = cli_report_cmd("chart", &err);
        goto out;
    }
    if (numeric_column(cat, "--x", xname, &xcol) || numeric_column(cat, "--y", yname, &ycol)) {
        status = 2;
        goto out;
    }
    if (chart_color_column(cat, color, &color_col) != 0) {
        status = cli_usage_error("chart", "--color %s: this data set has no %s column", color, color);
        goto out;
    }
    if (filter && !(f = filter_compile(cat, filter, "--filter", &err))) {
        status = cli_report_cmd("chart", &err);
        goto out;
    }
    size_t n = catalog_rows(cat);
    if (!(idx = malloc((n ? n : 1) * sizeof *idx))) goto nomem;
    n = view_identity(cat, idx);
    if (f) n = filter_apply(f, cat, idx, n, idx);
    if (chart_build(cat, idx, n, xcol, ycol, &ch) != 0) goto nomem;
    /* x order (as the frontier line runs, and as the TUI keeps them, so its
     * export is the same file) before the groups, which go by position */
    qsort(ch.pts, ch.n, sizeof *ch.pts, by_x_then_y);
    if (chart_group(cat, &ch, color_col) != 0) goto nomem;
    if (svg) {
        char t[300];
        const ld_column *xc = catalog_col(cat, (size_t)xcol), *yc = catalog_col(cat, (size_t)ycol);
        if (!title) {
            snprintf(t, sizeof t, "%s against %s", catalog_col_name(yc), catalog_col_name(xc));
            title = t;
        }
        ld_chart_footer foot;
        chart_footer(&foot, &ds, &ch, filter, ds.policy);
        if (chart_write_svg(stdout, cat, &ch, title, foot.line, foot.n, ds.policy) != 0) goto nomem;
    } else {
        write_text(stdout, cat, &ch, ds.policy, f != NULL);
    }
    if (fflush(stdout) != 0) {
        fprintf(stderr, "llmdeck: write error\n");
        status = 1;
    }
    goto out;
nomem:
    error_set(&err, LD_ERR_NOMEM, "", 0, 0, "out of memory");
    status = cli_report_cmd("chart", &err);
out:
    chart_free(&ch);
    filter_free(f);
    free(idx);
    dataset_close(&ds);
    return status;
}
