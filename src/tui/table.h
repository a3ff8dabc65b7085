/* table.h - the benchmark table view's state, shared by its modules:
 *
 *   table_view.c     the view interface: actions, status, mouse
 *   table_data.c     rows (filter, sort, marks), columns (order, widths,
 *                    hidden), scores, settings
 *   table_draw.c     the grid
 *   table_detail.c   the detail panel (Enter)
 *   table_compare.c  marked rows side by side (c)
 *   table_weights.c  the weights editor (w) and the column picker (C)
 *   table_export.c   export to CSV / Markdown (e)
 *   table_stats.c    a column's statistics (i) and frequencies (F)
 *   chart_view.c     quality against cost of the rows shown (v)
 *
 * Rows never move: `idx` is the view (filtered then sorted row numbers),
 * kept between frames and rebuilt only when the filter, the sort or the
 * scores change, so a frame costs only the rows on screen. */
#ifndef LLMDECK_TUI_TABLE_H
#define LLMDECK_TUI_TABLE_H

#include <stddef.h>
#include <stdint.h>

#include "app.h"
#include "export.h"
#include "llmdeck/filter.h"
#include "llmdeck/view.h"

typedef enum { PANEL_NONE, PANEL_DETAIL, PANEL_COMPARE, PANEL_WEIGHTS, PANEL_COLUMNS, PANEL_CHART,
    PANEL_STATS, PANEL_FREQ /* i and F: table_stats.c */
} tv_panel;

#define TV_MAX_WORDS 8

typedef struct {
    ld_catalog *cat;
    size_t nrows;          /* catalogue rows */
    uint32_t *fidx;        /* rows passing the filter, catalogue order */
    uint32_t *idx;         /* fidx sorted: the rows shown */
    size_t n;              /* rows in fidx and idx */
    ld_sort_key keys[LD_MAX_SORT_KEYS];
    size_t nkeys;
    ld_filter *filter;
    ld_sort_cache *sort_cache; /* earlier sorts, reused (view.h) */
    unsigned long set_id;      /* changes whenever fidx changes */
    char filter_text[512];
    char prev_filter[512];  /* the filter before the prompt opened (Esc restores it) */
    char mem_setup[64];     /* "int4 8192": the Mem GB set-up in use ("" = the data's) */
    uint32_t prev_row;      /* and the cursor's row */
    uint32_t sorted_from;   /* the row the cursor was on before the last sort (') */
    int has_sorted_from;
    char words[TV_MAX_WORDS][64]; /* the filter's plain words, for n/N */
    int nwords;

    int *order;            /* every column, display order (catalogue indexes) */
    size_t ncols;
    unsigned char *hidden; /* per catalogue column */
    int *vis;              /* shown columns, display order; vis[0] = key column */
    size_t nvis;
    int *width;            /* per catalogue column: display width */
    unsigned char *wset;   /* per catalogue column: width set by the user ( ) _ ),
                            * kept for the session, never re-measured */
    double *default_weight;/* per catalogue column, as loaded */
    double *scored_weight; /* per catalogue column: the weights of the scores shown */
    ld_missing scored_missing; /* and their missing-value rule */
    int scored_scale;          /* and their scale (score_percentile_scale) */
    int default_scale;         /* the data set's scale, as loaded */
    int value_col, quality_col, key_col;

    size_t cur, top;       /* cursor row and first row shown (positions in idx) */
    size_t ccol, left;     /* cursor column and first scrolled column (in vis) */
    int page;              /* data rows on screen at the last draw */
    int drawn_w;           /* the grid's width at the last draw */
    int *colx0, *colx1;    /* per vis position: columns drawn at the last draw */

    unsigned char *marked; /* per catalogue row */
    size_t nmarked;

    tv_panel panel;
    int pscroll, pcol, psel; /* panel scroll, column and selection */
    int pmax, pcolmax;     /* their limits, known after a draw */
    uint32_t *cmp;         /* compare: the marked rows, in view order */
    size_t ncmp;
    int settings_dirty;
    tui_export export;     /* e: the file and its prompt */
    struct tv_stats *stats; /* i, F: the statistics panel (table_stats.c) */
    struct tv_chart *chart; /* v: the chart panel's state (chart_view.c) */
    /* the chart's choices, kept for the session when it is closed: axes
     * (catalogue columns, -1 = relative cost and quality), colouring (0
     * none, 1 family, 2 licence), its export's file name */
    int chart_x, chart_y, chart_color;
    tui_export chart_export;
    app *app;              /* for the messages of a job that ends later */
    struct tv_job *job;    /* a filter or sort running on a helper thread (table_job.c) */
    double job_ms;         /* the last job's thread time, -1 once read (bench) */
    int sync_only;         /* start-up: sort on this thread */
} tv_state;

/* A change of the view: a new filter and/or new sort keys, and where the
 * cursor goes after it.  Applied at once on small tables, by a job on big
 * ones (table_job.c); either way the whole view changes in one step. */
enum { TV_CUR_KEEP,     /* on its row wherever it went (else row 1) */
       TV_CUR_KEEP_TOP, /* on its row if still shown, scrolled from the top */
       TV_CUR_TOP };    /* on row 1: a new sort shows its best first */
typedef struct {
    int refilter;       /* 1: filter (owned; NULL: none) and text replace the filter */
    ld_filter *filter;
    char text[512];
    ld_sort_key keys[LD_MAX_SORT_KEYS];
    size_t nkeys;
    int cursor;         /* TV_CUR_* */
    int sorted_from;    /* 1: ' comes back to the cursor's row of before */
} tv_change;

static inline tv_state *tv(const app *a) { return (tv_state *)a->view_state[VIEW_TABLE]; }

/* table_data.c */
int tv_data_init(app *a, tv_state *t);
void tv_data_fini(tv_state *t);
void tv_load_settings(app *a, tv_state *t);
void tv_save_settings(app *a, tv_state *t);
/* Re-sorts idx from fidx, keeping the cursor on the same catalogue row. */
void tv_resort(tv_state *t);
/* Applies a change (takes its filter); table_data.c. */
void tv_change_view(tv_state *t, tv_change *ch);
/* The commit of a change once its rows are computed (table_data.c): the
 * filter and keys, then the cursor on `keep` (had: there was a row). */
void tv_change_commit(tv_state *t, tv_change *ch, uint32_t keep, int had);

/* table_job.c: jobs.  Whether change on t should run on a helper thread. */
int tv_job_wanted(const tv_state *t, const tv_change *ch);
/* Starts it: 0, or -1 (could not: the caller applies it at once). */
int tv_job_start(tv_state *t, tv_change *ch, uint32_t keep, int had);
/* Starts a rescore with the weights of now (score_prepare has run): 0, or
 * -1 (could not: the caller scores at once). */
int tv_job_rescore(tv_state *t, ld_missing policy, int col);
/* Any other slow computation over the rows shown (i and F at a million
 * rows): run on the helper thread, reading only; commit takes its result
 * on the main thread, drop frees one not taken.  It cannot be stopped
 * midway: Esc drops its result when it ends, keys wait until then. */
typedef struct {
    int (*run)(void *arg);
    void (*commit)(app *a, tv_state *t, void *arg);
    void (*drop)(void *arg);
    void *arg;
} tv_task;
/* 0: started (or already done and committed); -1: could not (the caller
 * runs it at once). */
int tv_job_task(tv_state *t, const tv_task *task, const char *what);
/* Whether a rescore runs (the weights editor then names the best value
 * when it ends, tv_weights_announce). */
int tv_job_rescoring(const tv_state *t);
/* Cancels a running job (if any) and waits for its end: before anything
 * changes the catalogue or starts another job. */
void tv_job_stop(tv_state *t);
/* The running job's progress for the status line; 0 if none runs. */
int tv_job_status(const tv_state *t, char *buf, size_t n);
/* Applies a new filter (compiled, owned); NULL clears. */
void tv_set_filter(tv_state *t, ld_filter *f, const char *text);
/* Recomputes quality and value_score (weights or policy changed; col: the
 * weight changed, -1 for several), on a helper thread for big tables. */
void tv_rescore(app *a, tv_state *t, int col);
/* After new scores are in the catalogue: remember their weights, re-measure
 * and (resort) re-sort what depends on them. */
void tv_scores_taken(app *a, tv_state *t, int resort);
void tv_scores_remember(const app *a, tv_state *t);
/* After cells changed outside the scores (the memory set-up): filter and
 * sort again, and re-measure columns the user has not sized. */
void tv_refresh_values(app *a, tv_state *t);
/* `S`: the memory set-up of the Mem GB and Fits on columns (table_memory.c). */
void tv_memory_setup(app *a, tv_state *t);
void tv_rebuild_columns(tv_state *t);
/* Whether column c is a metric for highlighting and weighting. */
int tv_is_scored(const tv_state *t, int c);
/* Sort: replace (add = 0) or add/update a key for column c. */
void tv_back_to_row(app *a, tv_state *t);
/* A cell as the table shows it (computed scores to 3 significant digits). */
const char *tv_cell_text(const tv_state *t, size_t row, int c, char *buf, size_t n);
void tv_sort(app *a, tv_state *t, int c, int desc, int add);
/* Back to catalogue order (no sort keys), the cursor on its row. */
void tv_sort_clear(tv_state *t);
/* Moves the cursor to the next (dir 1) or previous (-1) cell containing a
 * filter word; 0 if found. */
int tv_find(tv_state *t, int dir);
/* Keeps cursor and scroll consistent with n and the page size. */
void tv_clamp(tv_state *t);
/* "Value▼" / "MMLU▲2": a column's label with its sort mark. */
void tv_header_label(const app *a, const tv_state *t, int c, char *buf, size_t n);
/* Column widths, for the session: ) and ( change column c's by step, _
 * fits it to its widest cell and, again, back to its measured width. */
void tv_col_resize(app *a, tv_state *t, int c, int step);
void tv_col_fit(app *a, tv_state *t, int c);
/* Whether any weight differs from the data set's default. */
int tv_weights_custom(const tv_state *t);

/* table_draw.c: the grid's layout is the '>' '*' gutter, the key column,
 * " │ ", then the other columns TV_GAP apart */
#define TV_GUTTER 2
#define TV_GAP 2
#define TV_KEY_PAD 3
void tv_draw_grid(app *a, tv_state *t, WINDOW *w);
/* The key column's width in a window W wide: capped at a third of it
 * unless the user set it. */
int tv_key_width(const tv_state *t, int W);
/* The widest the key column may be in a window W wide. */
int tv_key_max(int W);

/* panels: draw into w (the view area) and handle an action; 1 if used */
void tv_detail_draw(app *a, tv_state *t, WINDOW *w);
int tv_detail_act(app *a, tv_state *t, ld_action act);
void tv_compare_open(app *a, tv_state *t);
void tv_compare_draw(app *a, tv_state *t, WINDOW *w);
int tv_compare_act(app *a, tv_state *t, ld_action act);
/* The weights editor's width in a window W wide (it narrows so Value and
 * Quality stay in sight beside it); the columns pinned beside the model
 * column while it is open (catalogue indexes, -1 ends; at most 2). */
int tv_weights_width(const tv_state *t, int W, int *kw);
int tv_weights_pinned(const tv_state *t, int pin[3]);
/* Metrics the weights editor lists; whether the table has a value score. */
int tv_weights_count(const tv_state *t);
int tv_value_shown(const tv_state *t);
void tv_weights_draw(app *a, tv_state *t, WINDOW *w);
/* "MMLU weight 2.00: best value now X": col the weight changed, -1 several. */
void tv_weights_announce(app *a, tv_state *t, int col);
int tv_weights_act(app *a, tv_state *t, ld_action act);
void tv_columns_draw(app *a, tv_state *t, WINDOW *w);
int tv_columns_act(app *a, tv_state *t, ld_action act);
void tv_export_start(app *a, tv_state *t);
/* i (freq = 0) and F (freq = 1) on column c over the rows shown: numbers
 * get statistics and a histogram, text its frequencies (table_stats.c) */
void tv_stats_open(app *a, tv_state *t, int c, int freq);
void tv_stats_draw(app *a, tv_state *t, WINDOW *w);
int tv_stats_act(app *a, tv_state *t, ld_action act);
void tv_stats_free(tv_state *t);

#endif
