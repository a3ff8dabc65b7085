/* wizard_candidates.c - the answer page's table of candidates: the
 * models that meet the requirements, best first, with their value, quality,
 * coverage, main measure, context and licence, the name column fitted to
 * the screen's width. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "llmdeck/output.h"
#include "llmdeck/report.h"
#include "llmdeck/score.h"
#include "widgets.h"
#include "wizard.h"
#include "wizard_lines.h"

/* WZ_SHOWN (wizard.h): candidates on the page and in the report, as the CLI */
#define SHOWN WZ_SHOWN

/* A catalogue cell as safe text, "n/a" when missing or absent. */
const char *wz_cell(const ld_catalog *cat, size_t row, const char *id, char *buf, size_t n)
{
    char raw[512];
    int c = catalog_col_index(cat, id);
    if (c < 0 || !*output_cell(cat, row, (size_t)c, raw, sizeof raw)) snprintf(buf, n, "n/a");
    else output_sanitize(raw, buf, n);
    return buf;
}

/* Appends s to line, padded to width w (right-aligned if right). */
static void col(const app *a, char *line, size_t n, const char *s, int w, int right)
{
    size_t l = strlen(line);
    int sw = ui_width(a, s), padn = w > sw ? w - sw : 0;
    snprintf(line + l, n - l, "%*s%s%*s  ", right ? padn : 0, "", s, right ? 0 : padn, "");
}

/* s cut to at most maxw columns (at a character boundary, with an ellipsis). */
static void fit(const app *a, const char *s, int maxw, char *out, size_t n)
{
    size_t sl = strlen(s) < n ? strlen(s) : n - 1;
    memcpy(out, s, sl);
    out[sl] = '\0';
    if (ui_width(a, out) <= maxw && sl == strlen(s)) return;
    size_t el = strlen(a->g.ellipsis), l = strlen(out);
    while (l > 0) {
        do l--;
        while (l > 0 && ((unsigned char)out[l] & 0xC0) == 0x80);
        if (l + el >= n) continue;
        memcpy(out + l, a->g.ellipsis, el + 1);
        if (ui_width(a, out) <= maxw) return;
    }
}

void wz_add_candidates(app *a, wz_state *w)
{
    const ld_catalog *cat = a->ds->models;
    const ld_candidates *c = &w->cands;
    char intro[1024];
    ld_report rep;
    report_init(&rep, cat, &w->req, &w->rec, c, SHOWN);
    report_candidates_intro(&rep, intro, sizeof intro); /* as recommend's text and Markdown */
    wz_add(w, ROLE_HEADER, 0, 0, 0, "Top candidates");
    wz_add(w, ROLE_MUTED, 2, 2, 0, "%s", intro);
    for (unsigned i = 0; i < 4; i++)
        if (c->unchecked & (1u << i))
            wz_add(w, ROLE_WARNING, 2, 4, 0, "the catalogue has no %s column: not checked", report_unchecked_column(i));
    size_t shown = c->n < SHOWN ? c->n : SHOWN;
    if (!shown) {
        wz_add(w, ROLE_WARNING, 2, 2, 0, "No catalogue model meets these constraints.");
        return;
    }
    enum { K = 8 };
    /* the fifth column is the task's main measure (its heaviest-weighted
     * metric, metrics.json's task profile): the arena for general and
     * support, LiveCodeBench for code, AIME 2025 for maths.  A licence that
     * admits commercial use only on its conditions (the data's
     * "restricted", recommend's "with conditions") is marked before the
     * model's name, which a narrow screen keeps */
    const char *head[K] = {"#", "model", "value", "quality", "cover", "main", "context", "licence"};
    char mainhead[64];
    /* the main measures by benchmark: LiveCodeBench's windows are one (a
     * row has one of them), SWE-bench Verified another; with two, the
     * column shows both ("LCB/SWE-bench": "89.0/70.7", "-/80.2"), so
     * neither is shown under the other's name */
    enum { FAMS = 4 };
    int fam_of[2 * LD_TASK_MAX_WEIGHTS];
    char fam[FAMS][LD_KEY_FAMILY_LEN];
    int nfam = rules_key_families(c, cat, fam, FAMS, fam_of);
    if (nfam >= 1) {
        size_t used = 0;
        mainhead[0] = '\0';
        for (int j = 0; j < nfam && used < sizeof mainhead; j++)
            used += (size_t)snprintf(mainhead + used, sizeof mainhead - used, "%s%s", j ? "/" : "", fam[j]);
        head[5] = mainhead;
    }
    static const int right[K] = {1, 0, 1, 1, 1, 1, 1, 0};
    char (*cells)[K][64] = calloc(shown, sizeof *cells);
    if (!cells) {
        w->lines_nomem = 1;
        return;
    }
    int width[K], marked = 0;
    for (int k = 0; k < K; k++) width[k] = ui_width(a, head[k]);
    for (size_t i = 0; i < shown; i++) {
        size_t r = c->items[i].row;
        char raw[256];
        snprintf(cells[i][0], 64, "%zu", i + 1);
        output_sanitize(catalog_text(cat, r, catalog_key_col(cat)), raw, sizeof raw);
        char name[61]; /* room for the mark ("NC ") in the 64 of a cell; cut to the column below */
        fit(a, raw, 58, name, sizeof name);
        /* the mark beside the name: a narrow screen drops the licence
         * column, never the model's */
        snprintf(cells[i][1], 64, "%s%s", c->items[i].noncommercial ? "NC " : c->items[i].restricted ? "! " : "", name);
        if (isnan(c->items[i].value)) snprintf(cells[i][2], 64, "n/a"); /* as the table shows scores */
        else output_display_number(c->items[i].value, cells[i][2], 64);
        if (isnan(c->items[i].quality)) snprintf(cells[i][3], 64, "n/a");
        else output_display_number(c->items[i].quality, cells[i][3], 64);
        snprintf(cells[i][4], 64, "%d/%zu", c->items[i].coverage, rules_profile_measures(c->profile, cat) + c->nextra);
        snprintf(cells[i][5], 64, "n/a");
        if (nfam > 1) { /* one figure a benchmark: the first window it has, "-" none */
            size_t used = 0;
            for (int j = 0; j < nfam && used < 64; j++) {
                char v[32] = "-";
                for (int k = 0; k < c->nkey; k++)
                    if (fam_of[k] == j && !isnan(catalog_num(cat, r, (size_t)c->key_cols[k]))) {
                        output_cell(cat, r, (size_t)c->key_cols[k], v, sizeof v);
                        break;
                    }
                used += (size_t)snprintf(cells[i][5] + used, 64 - used, "%s%s", j ? "/" : "", v);
            }
        } else {
            for (int k = 0; k < c->nkey; k++) /* a row has at most one window: the first it has */
                if (!isnan(catalog_num(cat, r, (size_t)c->key_cols[k]))) {
                    output_cell(cat, r, (size_t)c->key_cols[k], cells[i][5], 64);
                    break;
                }
        }
        wz_cell(cat, r, "context_length", cells[i][6], 64);
        wz_cell(cat, r, "license", cells[i][7], 64);
        marked |= c->items[i].restricted | c->items[i].noncommercial << 1;
        for (int k = 0; k < K; k++) {
            int cw = ui_width(a, cells[i][k]);
            width[k] = cw > width[k] ? cw : width[k];
        }
    }
    /* the name column takes what the screen leaves beside the others, no
     * more than the longest name; on a narrow screen at least 24 columns,
     * the licence column (last) cut first, and below that as few as 12, so
     * the figures before the licence stay whole (80 columns: 22).  A name
     * longer than its column ends in an ellipsis. */
    int others = 1 + 2 + 2; /* the indent, the pick's mark, the name's gap */
    for (int k = 0; k < K; k++) /* each cell and the gap after it (the line's last too) */
        if (k != 1) others += width[k] + 2;
    int namew = w->layout_width - others;
    if (namew < 24) {
        int without_licence = w->layout_width - (others - width[K - 1] - 2);
        namew = without_licence < 24 ? without_licence : 24;
        if (namew < 12) namew = 12;
    }
    if (namew < width[1]) {
        for (size_t i = 0; i < shown; i++) {
            char cut[64];
            fit(a, cells[i][1], namew, cut, sizeof cut);
            memcpy(cells[i][1], cut, sizeof cut);
        }
        width[1] = namew > ui_width(a, head[1]) ? namew : ui_width(a, head[1]);
    }
    int picked = 0;
    for (size_t i = 0; i <= shown; i++) {
        char group[256];
        /* the part of the ranking its rows are in, where it begins (as
         * recommend's text): a weaker model above a stronger one says why */
        if (i && rules_candidate_group(c, cat, &w->req, i - 1, group, sizeof group) && group[0])
            wz_add(w, ROLE_MUTED, 4 + width[0] + 2, 4 + width[0] + 2, 1, "%s:", group);
        int pick = i && (long)c->items[i - 1].row == w->rec.model_row;
        int first = i == 1;
        char line[1024];
        snprintf(line, sizeof line, "%s ", first ? a->g.best : pick ? "r" : " ");
        for (int k = 0; k < K; k++) col(a, line, sizeof line, i ? cells[i - 1][k] : head[k], k + 1 < K ? width[k] : 0, right[k]);
        wz_add(w, i == 0 ? ROLE_HEADER : first ? ROLE_BEST : ROLE_TEXT, 1, 1, 1, "%s", line);
        picked |= pick;
    }
    free(cells);
    wz_add(w, ROLE_MUTED, 2, 2, 0, "%s the recommended model%s%s%s", a->g.best, picked ? "; r the 2023 article's rule pick" : "",
        marked & 1 ? "; ! commercial use on the licence's conditions: read them" : "",
        marked & 2 ? "; NC no commercial use (its licence)" : "");
    /* a benchmark of several windows (LiveCodeBench's problem sets): the
     * column shows each row's first, which do not compare across rows;
     * the quality takes each as a percentile within its own window */
    int windows = 0;
    for (int j = 0; j < nfam && !windows; j++) {
        int k_in = 0;
        for (int k = 0; k < c->nkey; k++) k_in += fam_of[k] == j;
        if (k_in > 1) windows = 1;
    }
    if (windows)
        wz_add(w, ROLE_MUTED, 2, 2, 0, "%s: each row's first window of the benchmark; windows hold other problems "
               "and do not compare across rows (quality takes each as a percentile within its window)",
               head[5]);
    if (c->n > shown) wz_add(w, ROLE_MUTED, 2, 2, 0, "%zu more qualify; llmdeck recommend --limit 0 lists all.", c->n - shown);
}
