/* chart_svg.c - the trade-off chart as SVG (see chart.h).
 *
 * Plain SVG 1.1 text, no scripts or external references, so it opens in a
 * browser, Inkscape or a slide tool as it is.  Points on the frontier are
 * filled and the others hollow: the two read apart in black and white. */
#include "llmdeck/chart.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "llmdeck/output.h"

enum { W = 960, PLOT_LEFT = 90, PLOT_RIGHT = 40, PLOT_TOP = 60, PLOT_H = 440, LINE = 16 };
#define PLOT_W (W - PLOT_LEFT - PLOT_RIGHT)
#define CHAR_W 6.4 /* average advance of an 11 px sans-serif character */

typedef struct {
    double lo, hi;
    int log;
} axis;

typedef struct {
    double x0, y0, x1, y1;
} box;

/* XML text: control and bidi characters made visible (output_sanitize),
 * then the five markup characters escaped. */
static void xml_text(FILE *out, const char *s)
{
    char clean[1024];
    output_sanitize(s, clean, sizeof clean);
    for (const char *p = clean; *p; p++) {
        switch (*p) {
        case '&': fputs("&amp;", out); break;
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '"': fputs("&quot;", out); break;
        case '\'': fputs("&#39;", out); break;
        default: fputc(*p, out);
        }
    }
}

/* A footer line broken at spaces into pieces that fit the chart's width
 * (a slide cuts off what runs past the edge); with `out`, each piece is
 * written as a <text> from y on.  Returns the number of pieces. */
static int footer_text(FILE *out, const char *s, int y)
{
    const size_t maxc = (size_t)((W - 40) / CHAR_W);
    char clean[2048], piece[2048];
    output_sanitize(s, clean, sizeof clean);
    const char *p = clean;
    int lines = 0;
    do {
        size_t chars = 0, end = 0, last_space = 0;
        while (p[end] && chars < maxc) {
            if (p[end] == ' ') last_space = end;
            chars += ((unsigned char)p[end] & 0xC0) != 0x80;
            end++;
        }
        while (p[end] && ((unsigned char)p[end] & 0xC0) == 0x80) end++; /* never split a character */
        if (p[end] && last_space > 0) end = last_space;
        memcpy(piece, p, end);
        piece[end] = '\0';
        if (out) {
            fprintf(out, "<text x=\"20\" y=\"%d\" fill=\"#444\">", y + LINE * lines);
            xml_text(out, piece);
            fputs("</text>\n", out);
        }
        lines++;
        p += end;
        while (*p == ' ') p++;
    } while (*p);
    return lines;
}

/* Characters (not bytes) of a UTF-8 string, for the width of a label. */
static size_t text_chars(const char *s)
{
    size_t n = 0;
    for (; *s; s++) n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

static axis make_axis(const ld_chart *ch, int use_x, int log_scale)
{
    axis a = {INFINITY, -INFINITY, log_scale};
    for (size_t i = 0; i < ch->n; i++) {
        double v = use_x ? ch->pts[i].x : ch->pts[i].y;
        if (log_scale) v = log10(v);
        if (v < a.lo) a.lo = v;
        if (v > a.hi) a.hi = v;
    }
    if (!(a.lo <= a.hi)) a.lo = 0, a.hi = 1; /* no points */
    double pad = (a.hi - a.lo) * 0.06;
    if (pad == 0) pad = log_scale ? 0.3 : (fabs(a.lo) > 0 ? fabs(a.lo) * 0.1 : 1);
    a.lo -= pad;
    a.hi += pad;
    return a;
}

/* 0..1 along the axis. */
static double axis_pos(const axis *a, double v)
{
    if (a->log) v = log10(v);
    return (v - a->lo) / (a->hi - a->lo);
}

static double px(const axis *a, double v) { return PLOT_LEFT + axis_pos(a, v) * PLOT_W; }
static double py(const axis *a, double v) { return PLOT_TOP + PLOT_H - axis_pos(a, v) * PLOT_H; }

/* Tick values: decades (with 2 and 5 between when there are few) on a log
 * axis, 1-2-5 steps giving about six ticks on a linear one. */
static size_t ticks(const axis *a, double *t, size_t cap)
{
    size_t n = 0;
    if (a->log) {
        int k0 = (int)floor(a->lo), k1 = (int)ceil(a->hi);
        int fine = k1 - k0 <= 3;
        for (int k = k0; k <= k1 && n < cap; k++) {
            static const double steps[] = {1, 2, 5};
            for (size_t s = 0; s < (fine ? 3u : 1u) && n < cap; s++) {
                double v = steps[s] * pow(10, k);
                if (log10(v) >= a->lo && log10(v) <= a->hi) t[n++] = v;
            }
        }
        return n;
    }
    double raw = (a->hi - a->lo) / 6, mag = pow(10, floor(log10(raw)));
    double step = raw / mag < 1.5 ? mag : raw / mag < 3.5 ? 2 * mag : raw / mag < 7.5 ? 5 * mag : 10 * mag;
    for (double v = ceil(a->lo / step) * step; v <= a->hi + step * 1e-9 && n < cap; v += step)
        t[n++] = fabs(v) < step * 1e-9 ? 0 : v;
    return n;
}

static void axis_title(FILE *out, const ld_column *c, int log_scale)
{
    xml_text(out, catalog_col_name(c));
    if (c->unit && *c->unit) {
        fputs(" (", out);
        xml_text(out, c->unit);
        fputs(")", out);
    }
    if (log_scale) fputs(", log scale", out);
    fputs(c->higher_is_better ? " \xe2\x80\x94 higher is better" : " \xe2\x80\x94 lower is better", out);
}

static int by_x_then_y(const void *a, const void *b)
{
    const ld_chart_point *p = *(const ld_chart_point *const *)a, *q = *(const ld_chart_point *const *)b;
    if (p->x != q->x) return p->x < q->x ? -1 : 1;
    return p->y < q->y ? -1 : p->y > q->y;
}

/* The groups' colours (Okabe and Ito's, told apart by most colour-blind
 * readers), "other" grey; the shape still says frontier or not. */
static const char *const palette[CHART_MAX_GROUPS] = {"#0072B2", "#E69F00", "#009E73",
                                                     "#CC79A7", "#56B4E9", "#D55E00"};

static const char *group_colour(const ld_chart *ch, size_t g)
{
    return ch->has_other && g == ch->ngroups - 1 ? "#999999" : palette[g % CHART_MAX_GROUPS];
}

/* The colour legend: "swatch name (count)" items, wrapped to rows; returns
 * the rows used (0 without colouring).  draw = 0 only counts. */
static int colour_legend(FILE *out, const ld_catalog *cat, const ld_chart *ch, int y, int draw)
{
    if (!ch->group) return 0;
    const ld_column *cc = catalog_col(cat, (size_t)ch->color_col);
    const char *cname = catalog_col_name(cc);
    double x = 20;
    int rows = 1;
    if (draw) {
        fprintf(out, "<text x=\"20\" y=\"%d\" fill=\"#444\">", y);
        xml_text(out, cname);
        fputs(":</text>\n", out);
    }
    x += (double)(text_chars(cname) + 2) * CHAR_W;
    for (size_t g = 0; g < ch->ngroups; g++) {
        char cnt[32];
        snprintf(cnt, sizeof cnt, " (%zu)", ch->group_count[g]);
        double w = 14 + (double)(text_chars(ch->group_name[g]) + strlen(cnt)) * CHAR_W + 14;
        if (x + w > W - 20 && x > 100) x = 20 + 8 * CHAR_W, y += LINE, rows++;
        if (draw) {
            fprintf(out, "<rect x=\"%.1f\" y=\"%d\" width=\"9\" height=\"9\" fill=\"%s\"/><text x=\"%.1f\" y=\"%d\">",
                    x, y - 8, group_colour(ch, g), x + 13, y);
            xml_text(out, ch->group_name[g]);
            fprintf(out, "%s</text>\n", cnt);
        }
        x += w;
    }
    return rows;
}

static int overlaps(const box *b, const box *placed, size_t n)
{
    if (b->x0 < 0 || b->x1 > W || b->y0 < PLOT_TOP - 8 || b->y1 > PLOT_TOP + PLOT_H) return 1;
    for (size_t i = 0; i < n; i++)
        if (b->x0 < placed[i].x1 && placed[i].x0 < b->x1 && b->y0 < placed[i].y1 && placed[i].y0 < b->y1)
            return 1;
    return 0;
}

int chart_write_svg(FILE *out, const ld_catalog *cat, const ld_chart *ch, const char *title,
                    const char *const *footer, size_t nfooter, ld_missing policy)
{
    const ld_column *xc = catalog_col(cat, (size_t)ch->xcol), *yc = catalog_col(cat, (size_t)ch->ycol);
    axis ax = make_axis(ch, 1, ch->x_log), ay = make_axis(ch, 0, 0);
    size_t nfront = 0;
    for (size_t i = 0; i < ch->n; i++) nfront += ch->pts[i].frontier != 0;
    const ld_chart_point **front = malloc((nfront ? nfront : 1) * sizeof *front);
    box *placed = malloc((nfront ? nfront : 1) * sizeof *placed);
    if (!front || !placed) {
        free(front);
        free(placed);
        return -1;
    }
    int legend_rows = colour_legend(out, cat, ch, 0, 0);
    int footer_lines = 0;
    for (size_t i = 0; i < nfooter; i++) footer_lines += footer_text(NULL, footer[i], 0);
    int height = PLOT_TOP + PLOT_H + 60 + LINE * (footer_lines + 1 + legend_rows) + 10;
    fprintf(out,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
            "font-family=\"sans-serif\" font-size=\"11\">\n"
            "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n",
            W, height, W, height);
    fputs("<text x=\"20\" y=\"28\" font-size=\"16\" font-weight=\"bold\">", out);
    xml_text(out, title);
    fputs("</text>\n", out);
    /* the plot frame, grid and ticks */
    fprintf(out, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#888\"/>\n",
            PLOT_LEFT, PLOT_TOP, PLOT_W, PLOT_H);
    double t[64];
    size_t nt = ticks(&ax, t, 64);
    for (size_t i = 0; i < nt; i++) {
        double x = px(&ax, t[i]);
        fprintf(out, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#e4e4e4\"/>\n", x, PLOT_TOP, x,
                PLOT_TOP + PLOT_H);
        fprintf(out, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%g</text>\n", x, PLOT_TOP + PLOT_H + 16,
                t[i]);
    }
    nt = ticks(&ay, t, 64);
    for (size_t i = 0; i < nt; i++) {
        double y = py(&ay, t[i]);
        fprintf(out, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#e4e4e4\"/>\n", PLOT_LEFT, y,
                PLOT_LEFT + PLOT_W, y);
        fprintf(out, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%g</text>\n", PLOT_LEFT - 6, y + 4, t[i]);
    }
    fprintf(out, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"12\">", PLOT_LEFT + PLOT_W / 2,
            PLOT_TOP + PLOT_H + 38);
    axis_title(out, xc, ch->x_log);
    fprintf(out, "</text>\n<text transform=\"translate(22 %d) rotate(-90)\" text-anchor=\"middle\" "
                 "font-size=\"12\">",
            PLOT_TOP + PLOT_H / 2);
    axis_title(out, yc, 0);
    fputs("</text>\n", out);
    /* the frontier line, through its points in x order */
    size_t k = 0;
    for (size_t i = 0; i < ch->n; i++)
        if (ch->pts[i].frontier) front[k++] = &ch->pts[i];
    qsort(front, nfront, sizeof *front, by_x_then_y);
    /* red, or dark grey when red could be taken for a group's colour */
    const char *front_colour = ch->group ? "#333333" : "#c0392b";
    if (nfront > 1) {
        fprintf(out, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\" points=\"", front_colour);
        for (size_t i = 0; i < nfront; i++)
            fprintf(out, "%s%.1f,%.1f", i ? " " : "", px(&ax, front[i]->x), py(&ay, front[i]->y));
        fputs("\"/>\n", out);
    }
    /* the points: hollow grey, then the frontier filled on top */
    char name[512];
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < ch->n; i++) {
            const ld_chart_point *p = &ch->pts[i];
            if (p->frontier != pass) continue;
            if (!ch->group)
                fprintf(out, pass ? "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"#c0392b\"><title>"
                                  : "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"none\" stroke=\"#666\"><title>",
                        px(&ax, p->x), py(&ay, p->y));
            else if (pass) /* filled in the group's colour, ringed */
                fprintf(out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4.5\" fill=\"%s\" stroke=\"#222\"><title>",
                        px(&ax, p->x), py(&ay, p->y), group_colour(ch, ch->group[i]));
            else
                fprintf(out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"none\" stroke=\"%s\" "
                             "stroke-width=\"1.5\"><title>",
                        px(&ax, p->x), py(&ay, p->y), group_colour(ch, ch->group[i]));
            xml_text(out, output_cell(cat, p->row, catalog_key_col(cat), name, sizeof name));
            fprintf(out, ": %g, %g", p->x, p->y);
            char cov[64];
            if (chart_point_coverage(cat, ch, p->row, policy, cov, sizeof cov)[0])
                fprintf(out, " (quality from %s)", cov);
            if (ch->group) {
                fputs(", ", out);
                xml_text(out, ch->group_name[ch->group[i]]);
            }
            fputs("</title></circle>\n", out);
        }
    /* labels of the frontier models, right of the point or else left of it;
     * one that would overlap a placed label (or the legend) is left out */
    size_t nplaced = 0, dropped = 0;
    for (size_t i = 0; i < nfront; i++) {
        const char *s = output_cell(cat, front[i]->row, catalog_key_col(cat), name, sizeof name);
        double x = px(&ax, front[i]->x), y = py(&ay, front[i]->y), w = (double)text_chars(s) * CHAR_W;
        box right = {x + 6, y - 14, x + 6 + w, y - 2}, left = {x - 6 - w, y - 14, x - 6, y - 2};
        const box *b = !overlaps(&right, placed, nplaced) ? &right : !overlaps(&left, placed, nplaced) ? &left : NULL;
        if (!b) {
            dropped++;
            continue;
        }
        placed[nplaced++] = *b;
        fprintf(out, "<text x=\"%.1f\" y=\"%.1f\"%s>", b == &right ? b->x0 : b->x1, y - 5,
                b == &right ? "" : " text-anchor=\"end\"");
        xml_text(out, s);
        fputs("</text>\n", out);
    }
    /* legend, above the plot (the best models sit in its top right):
     * shape, not colour, tells the series apart */
    int lx = W - PLOT_RIGHT - 340, ly = 26;
    /* "cheaper" only when x is a cost (lower is better) and y a score */
    const char *dominated = !xc->higher_is_better && yc->higher_is_better ? "nothing both cheaper and better"
                                                                          : "nothing better on both axes";
    fprintf(out,
            "<circle cx=\"%d\" cy=\"%d\" r=\"4\" fill=\"%s\"%s/><text x=\"%d\" y=\"%d\">on the frontier "
            "(%s)</text>\n"
            "<circle cx=\"%d\" cy=\"%d\" r=\"3\" fill=\"none\" stroke=\"#666\"/><text x=\"%d\" y=\"%d\">other "
            "models</text>\n",
            lx, ly - 4, ch->group ? "#666" : "#c0392b", ch->group ? " stroke=\"#222\"" : "", lx + 10, ly, dominated, lx,
            ly + 12, lx + 10, ly + 16);
    /* the colours' legend, then the footer: what is shown, what is not,
     * and where the numbers come from */
    int fy = PLOT_TOP + PLOT_H + 62;
    if (legend_rows) {
        colour_legend(out, cat, ch, fy, 1);
        fy += LINE * legend_rows;
    }
    fprintf(out, "<text x=\"20\" y=\"%d\" fill=\"#444\">%zu models, %zu on the frontier", fy, ch->n, nfront);
    if (ch->skipped) fprintf(out, "; %zu without both values not shown", ch->skipped);
    if (dropped) fprintf(out, "; %zu frontier labels left out for room (hover a point for its name)", dropped);
    fputs(".</text>\n", out);
    int line = 1;
    for (size_t i = 0; i < nfooter; i++) line += footer_text(out, footer[i], fy + LINE * line);
    fputs("</svg>\n", out);
    free(front);
    free(placed);
    return ferror(out) ? -1 : 0;
}
