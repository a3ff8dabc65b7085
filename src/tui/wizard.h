/* wizard.h - the recommendation wizard's state, shared by its modules:
 *
 *   wizard_view.c    the view interface: actions, keys, text fields
 *   wizard_steps.c   the questions, checking typed values, the step and
 *                    review pages, the answers saved in the config
 *   wizard_answer.c  the answer: rules, candidates, sizing, cost; its
 *                    scrolling page and the Markdown export
 *
 * The requirements (`req`) hold only accepted answers: a step's list
 * cursor and text field are loaded from them when the step is entered and
 * written back when Enter accepts, so going back never loses an answer. */
#ifndef LLMDECK_TUI_WIZARD_H
#define LLMDECK_TUI_WIZARD_H

#include <stddef.h>

#include "app.h"
#include "export.h"
#include "llmdeck/cost.h"
#include "llmdeck/hardware.h"
#include "llmdeck/hosting.h"
#include "llmdeck/scenario.h"

#define WZ_SHOWN 10 /* candidates on the page and in the report, as the CLI */
#include "llmdeck/rules.h"
#include "llmdeck/sizing.h"

enum {
    WZ_TASK, WZ_LANG, WZ_CONTEXT, WZ_BUDGET, WZ_LATENCY, WZ_FINETUNE, WZ_LICENCE, WZ_VOLUME,
    WZ_HARDWARE,              /* optional, from the review only: not asked in turn */
    WZ_STEPS,                 /* the questions (the review's rows) */
    WZ_ASKED = WZ_HARDWARE,   /* the ones asked in turn: "Step K of WZ_ASKED" */
    WZ_REVIEW = WZ_STEPS,     /* pages after them */
    WZ_ANSWER
};

/* One line of the answer page: wrapped text, or a table row kept whole. */
typedef struct {
    char *text;
    ld_role role;
    short indent, hang;       /* first line / continuation lines */
    unsigned char nowrap;
} wz_line;

typedef struct {
    ld_rules *rules;          /* NULL: rules_err says why */
    char rules_err[512];
    const ld_hosting *hosting; /* the data set's (dataset_hosting) */
    const ld_gpu_list *gpus;
    int hosting_ok;
    char hosting_err[512];

    ld_requirements defaults; /* the rules file's */
    ld_requirements req;      /* the accepted answers */
    ld_requirements loaded;   /* as restored from the config (saved only if changed) */
    int restored;             /* answers came from the config */
    /* the GPUs step's accepted answer (gpu NULL: none asked), as restored;
     * the answer's rows that fit it (req.fits points here while built) */
    ld_hardware hardware, hardware_loaded;
    signed char *fits;
    char hardware_dropped[200]; /* a saved answer gpus.csv no longer holds, said (not silently any) */

    int page;                 /* WZ_TASK.. a step, WZ_REVIEW, WZ_ANSWER */
    int sel;                  /* list cursor on the current step; on the review
                                 0..WZ_STEPS-1 an answer, WZ_STEPS "See the
                                 recommendation" */
    int from_review;          /* this step was opened from the review: Enter
                                 and Left return to it */
    char field[LD_REQ_TEXT];  /* the text field of the current step */
    size_t field_cur;         /* its cursor (a byte offset; lineedit.h) */
    int editing;              /* typing into "other…" (Enter on it starts) */
    int fresh;                /* the field's text is untouched: a key replaces it */
    char err[256];            /* why the last Enter was refused */
    int list_y0, list_n;      /* where the choices were drawn (mouse) */
    /* the budget step's note and the task profiles, from the data set's
     * metrics.json (wz_step_notes, once: the data set does not change under
     * the view); the task step's note follows the highlighted task */
    char budget_note[640];
    ld_task_profiles step_profiles; /* metrics.json's, when step_profiles_ok */
    int step_profiles_ok;
    int rec_y;                /* the review's "See the recommendation" row */

    /* the answer (valid while have_answer) */
    int have_answer;
    ld_recommendation rec;
    ld_candidates cands;
    ld_task_profiles profiles; /* the data set's (metrics.json); cands points into it */
    long pick;                /* the row sized and costed: the recommended model
                                 (candidates[0]), else the rule's pick; -1 none */
    ld_model_arch arch;       /* the pick's, from the catalogue */
    ld_sizing size[3];        /* fp16, int4, the release precision; one sequence: how it fits at each */
    int size_ok[3];
    char release_label[48];   /* size[2]'s precision ("bf16 + mxfp4 experts") */
    char size_note[1024];
    ld_scenario scen;         /* the core's scenario: quantization and batch chosen, priced */
    int cost_ok;              /* scen.costed */
    char cost_note[1024];
    char own_gpus[512], own_gpus_cost[400]; /* the GPUs named: the pick on them, the cards the volume takes */
    char api_label[192];
    double request;           /* the cost view's typical request used (0: whole context) */
    double request_unused;    /* the knob's request when not shorter than the context asked */
    /* the cost view's inputs the answer was priced with: a change there
     * (another API offer, a request length) prices the answer again when
     * it is next drawn, so its "(the cost view's offer)" is never stale */
    int priced_from_view;
    double priced_in, priced_out, priced_request;
    wz_line *lines;
    size_t nlines, cap;
    int lines_nomem;          /* a line could not be added (wizard_lines.h) */
    int built_missing, built_scale; /* the table's missing rule (p) and quality
                                       scale (s) the answer was ranked under */
    int layout_width;         /* the text width the lines were laid out for:
                                 the candidates' name column takes what the
                                 screen leaves (0: not yet drawn, 24 columns) */
    int scroll, scroll_max, body_h;
    tui_export export;     /* e: the report's file and its prompt */
    /* the candidates' chart written beside the report (wizard_answer.c) */
    char chart_path[PATH_MAX]; /* REPORT.svg for REPORT.md */
    int chart_written;
    char chart_note[400];  /* why it was not written */
    char also[64];         /* "and NAME.svg" in the overwrite question */
} wz_state;

static inline wz_state *wz(const app *a) { return (wz_state *)a->view_state[VIEW_WIZARD]; }

/* wizard_steps.c */
int wz_is_typed(int page);               /* context length, volume */
int wz_on_other(const wz_state *w);      /* the cursor is on "other…" */
const char *wz_step_title(int k);
int wz_step_choices(int k);              /* list length; 0 for a typed step */
/* Enters a page, loading the step's cursor and field from w->req; the
 * review's cursor starts on "See the recommendation". */
void wz_enter_page(wz_state *w, int page);
/* Rows of the current page's list: a step's choices, the review's answers
 * and its last entry; 0 for a typed step. */
int wz_list_len(const wz_state *w);
/* Stores the current step's answer in w->req; 0, or -1 with w->err set. */
int wz_accept_step(wz_state *w);
void wz_load_saved(app *a, wz_state *w);
/* Fills budget_note from the data set and keeps its task profiles (freed
 * by wz_step_notes_free). */
void wz_step_notes(app *a, wz_state *w);
void wz_step_notes_free(wz_state *w);
/* Writes the answers to the config, only when they changed. */
void wz_save_answers(app *a, wz_state *w);
void wz_draw_page(app *a, wz_state *w, WINDOW *win); /* a step or the review */

/* wizard_answer.c */
/* Computes the answer for w->req and builds its page; 0, or -1 with a
 * message shown (no rules, no memory). */
int wz_answer_build(app *a, wz_state *w);
void wz_answer_free(wz_state *w);
/* The recommended model's name ("none" when nothing fits). */
const char *wz_answer_name(const app *a, const wz_state *w);
void wz_answer_draw(app *a, wz_state *w, WINDOW *win);
/* Scrolling keys on the answer page; 1 if used. */
int wz_answer_scroll(wz_state *w, ld_action act);
void wz_export_start(app *a, wz_state *w);

#endif
