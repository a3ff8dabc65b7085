/* cost_view.h - view 3, API versus self-hosting: the state shared by its
 * modules:
 *
 *   cost_view.c    the view interface: actions, knob steps, prompts, mouse
 *   cost_state.c   defaults, the saved settings, the recompute, the lists
 *   cost_draw.c    knobs, results, basis and the picker
 *   cost_chart.c   monthly cost against volume (braille, or ASCII)
 *   cost_pick.c    the list picker (Enter on a list knob)
 *   cost_export.c  `e`: the scenario as Markdown, with the `llmdeck cost`
 *                  command that reproduces it
 *
 * Every knob change calls cv_recompute(), which fills `in`, `c` (and `s`
 * for a sized model) from the knobs: cost_compute is a few microseconds,
 * so the view recomputes on every key and draws from the results. */
#ifndef LLMDECK_TUI_COST_VIEW_H
#define LLMDECK_TUI_COST_VIEW_H

#include <stddef.h>
#include <stdint.h>

#include "app.h"
#include "export.h"
#include "llmdeck/cost.h"
#include "llmdeck/hosting.h"
#include "llmdeck/scenario.h"
#include "llmdeck/sizing.h"

/* The knobs, in the order shown and focused. */
typedef enum {
    K_TOKENS, K_SHARE, K_OFFER, K_PRICE, K_SOURCE, K_MODEL, K_QUANT, K_GPU, K_BATCH, K_MODE,
    K_UTIL, K_CONTEXT, K_REQUEST, K_CACHED, K_ENERGY, K_OPS, K__COUNT
} cv_knob;

/* The volume scale and its limits. */
#define CV_TOKENS_MIN 1e6
#define CV_TOKENS_MAX 1e11
#define CV_PRICE_MIN 1e-6 /* USD per 1K tokens */
#define CV_PRICE_MAX 1e3
#define CV_BATCH_MAX 1024
#define CV_CONTEXT_MIN 128 /* tokens per sequence of a sized model */
#define CV_CONTEXT_MAX 1e7
#define CV_REQUEST_MIN 16  /* tokens of a typical request (below: the knob is off) */
#define CV_ENERGY_MAX 10   /* USD per kWh */
#define CV_OPS_MAX 1e8     /* USD per month */

typedef struct {
    int open;
    cv_knob knob;
    size_t nall;           /* items in the whole list */
    uint32_t *idx;         /* items passing the filter */
    size_t n, cur, top;
    int page;              /* rows shown at the last draw */
    int y0, x0, w;         /* where the rows were drawn (mouse) */
    char filter[128], prev_filter[128];
} cv_picker;

typedef struct {
    /* data: gpus.csv, hosting.json and --load'ed LiteLLM offers */
    int data_ok;
    char data_err[512];
    const ld_hosting *h;        /* the data set's (dataset_hosting): one copy for every view */
    const ld_gpu_list *gpus;
    long seed_offer;       /* the seed's offer, or -1 */
    size_t seed_preset;    /* the 7B preset */

    /* knobs */
    double tokens, share, util, price_in, price_out;
    int capacity;
    long offer;            /* index in h.offers; -1: a price typed or stepped */
    size_t source;         /* < h.npresets: that preset; == npresets: a sized model */
    long model;            /* catalogue row, -1 until one is chosen */
    size_t quant;          /* index for sizing_quant_at; cv_quant_release(): the row's release */
    int quant_auto;        /* 1: the core's rule picks (as `cost --model` without --quant) and
                            * quant shows its pick; 0 once the Quantization knob is set */
    const char *quant_why; /* who set quant when not the knob ("the wizard's answer"), NULL */
    long gpu;              /* index in gpus.v; -1: the cheapest that fits */
    int batch;             /* 0: auto, as many sequences as fit (at most 16) */
    double context;        /* tokens per sequence of a sized model: the longest request */
    double request;        /* tokens a typical request holds (prompt + answer); 0: the
                              context (every sequence full, the default) */
    double cached;         /* share of the input tokens read from the API's cache */
    double energy;         /* USD per kWh; 0: energy not counted */
    double ops;            /* fixed operations, USD per month */
    int focus;
    cv_knob edit;          /* the knob a prompt is typing into */
    int show_basis, basis_top, basis_max;
    int dirty;             /* knobs changed since loaded: save them */

    /* results */
    ld_cost_input in;
    ld_cost c;
    int ok;                /* c is valid */
    char err[1024];        /* why not */
    ld_sizing s;
    int sized;             /* s is valid (source is a model) */
    double used_batch;     /* the batch the scenario used (auto resolved) */
    char choice[1024];     /* how the scenario chose the quantization, batch and GPU */
    char quant_short[48];  /* the quantization sized, short ("bf16+mxfp4"), "" unsized */
    char api_label[192], sh_label[256], sh_short[128];

    /* catalogue rows that can be sized (params_b > 0), built on first use */
    uint32_t *models;
    size_t nmodels;
    int models_built;

    cv_picker pick;

    /* the chart's canvas (dots per cell), grown on resize only */
    unsigned char *dots;
    size_t dots_cap;
    int plot_y0, plot_x0, plot_w, plot_h; /* where the plot was drawn (mouse) */
    int plot_dw;           /* dots per cell across: 2 braille, 1 ASCII */
    int knob_y[K__COUNT];  /* view row of each knob at the last draw, -1 if off */
    int knob_top;          /* first knob line shown */
    int left_w;            /* width of the knobs' column */

    tui_export export;     /* e: the scenario's file and its prompt */
    /* capacity mode, GPU auto: the GPU types the scenario priced; the
     * chart's self-hosting curve is their cheapest at each volume, as the
     * break-even is (0: one set-up) */
    ld_selfhost_option options[64];
    size_t noptions;
} cv_state;

static inline cv_state *cv(const app *a) { return (cv_state *)a->view_state[VIEW_COST]; }

/* The API price the cost view is set to (the offer picked or the price
 * typed), per 1K tokens, and its label; -1 when the view has no data.  The
 * wizard prices against it: one scenario, not two. */
/* Opens the cost view on a catalogue row (self-hosting that model, sized),
 * with `tokens` a month and a `context` when > 0 and a quantization when
 * not NULL (the wizard's scenario); the batch goes back to auto.  The one
 * scenario the table and the wizard hand over.  Says why in a message when
 * the row cannot be sized. */
/* The quantization knob: the sizing table's entries, then "release" (the
 * model's release precision, when its row states one). */
size_t cv_quant_release(void);
/* A quantization's knob index (0 when unknown; "release" cv_quant_release()). */
size_t cv_quant_index(const char *name);
const char *cv_quant_name(const cv_state *s);

void cost_view_open_on(app *a, long row, double tokens, double context, const char *quant, const ld_gpu *gpu);
/* The same scenario handed over without switching to the view (the wizard's
 * answer: the Cost tab then shows it); `gpu` not NULL sets the GPU knob (the
 * wizard's GPUs row), NULL leaves it; `quiet` says nothing when the row
 * cannot be sized.  0, or -1 when the view keeps its own. */
int cost_view_take(app *a, long row, double tokens, double context, const char *quant, const ld_gpu *gpu, int quiet);
int cost_view_api(const app *a, double *in_per_1k, double *out_per_1k, char *label, size_t n);
/* The Request knob: a typical request's tokens (prompt + answer), 0 when it
 * is off (every sequence holds the context) or there is no cost view.  The
 * wizard prices its answer with it, as with the view's API offer. */
double cost_view_request(const app *a);

/* cost_state.c */
int cv_state_init(app *a, cv_state *s);
void cv_state_fini(cv_state *s);
void cv_defaults(app *a, cv_state *s);
void cv_load_settings(app *a, cv_state *s);
void cv_save_settings(app *a, cv_state *s);
void cv_recompute(app *a, cv_state *s);
/* The scenario the knobs describe (s->model must be a row). */
void cv_scenario_input(const app *a, const cv_state *s, ld_scenario_input *out);
/* Rows of the catalogue that can be sized (params_b > 0). */
void cv_models_build(app *a, cv_state *s);
const char *cv_model_name(const app *a, long row);
/* Position of catalogue row `row` in the sizable models (0 if absent). */
size_t cv_model_index(const cv_state *s, long row, int *found);
/* A model knob changed: self-hosting follows the sized model (says so). */
void cv_use_model(app *a, cv_state *s);
/* The 10-per-decade series of round numbers: 1, 1.25, 1.5, 2, 2.5, 3, 4,
 * 5, 6, 7.5 × 10^n; the next value above (dir 1) or below (-1) v. */
double cv_series_step(double v, int dir);
/* Formats a volume that parses back to the same number (750M, 1.2345B). */
void cv_format_tokens(double v, char *buf, size_t n);
/* "$0.0025" */
void cv_format_price(double v, char *buf, size_t n);

/* cost_draw.c */
void cv_draw_knobs(app *a, cv_state *s, WINDOW *w, int y, int x, int h, int wd);
int cv_knobs_height(void);
void cv_draw_compact_basis(app *a, cv_state *s, WINDOW *w, int y, int x, int h, int wd);
void cv_draw_results(app *a, cv_state *s, WINDOW *w, int y, int x, int h, int wd);
void cv_draw_basis(app *a, cv_state *s, WINDOW *w, int y, int x, int h, int wd);
/* Height the results box wants at width wd. */
int cv_results_height(app *a, cv_state *s, int wd);

/* cost_chart.c */
void cv_draw_chart(app *a, cv_state *s, WINDOW *w, int y, int x, int h, int wd);
/* The volume at a plot column (for a mouse click), snapped to the series. */
double cv_chart_volume_at(const cv_state *s, int col);

/* cost_pick.c */
void cv_pick_open(app *a, cv_state *s, cv_knob k);
void cv_pick_act(app *a, cv_state *s, ld_action act);
void cv_pick_draw(app *a, cv_state *s, WINDOW *w, int y, int x, int h, int wd);
void cv_pick_click(app *a, cv_state *s, int y, int x);
/* Sets knob k (a list knob) to item i of its list and recomputes. */
void cv_pick_set(app *a, cv_state *s, cv_knob k, size_t i);
/* Items in knob k's list, and the current one's index. */
size_t cv_list_count(app *a, cv_state *s, cv_knob k);
size_t cv_list_current(const app *a, const cv_state *s, cv_knob k);

/* cost_export.c */
void cv_export_start(app *a, cv_state *s);
/* The request knob's tokens split by the input share: prompt and answer
 * (`--request-tokens IN,OUT`); 0 and 0 when the knob is off. */
void cv_request_split(const cv_state *s, double *in, double *out);

/* The `llmdeck cost` command for the knobs (shell words quoted). */
void cv_command(const app *a, const cv_state *s, char *buf, size_t n);

#endif
