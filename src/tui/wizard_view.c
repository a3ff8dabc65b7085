/* wizard_view.c - view 2, the recommendation wizard: one question per step
 * ("Step K of 8"), defaults preselected, a review page (with the optional
 * GPUs row, asked from there only), then the answer
 * (wizard_answer.c).  Lists are chosen with the cursor; free values
 * (context length, monthly volume, a task or language of one's own) are
 * typed into a field on the step and checked before moving on.  The last
 * answers are kept in the config's "wizard" section. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "llmdeck/score.h"
#include "keys.h"
#include "term.h"
#include "prompt.h"
#include "widgets.h"
#include "cost_view.h"
#include "wizard.h"

/* ---- life cycle ------------------------------------------------------------ */

static int wz_init(app *a, void **state)
{
    wz_state *w = calloc(1, sizeof *w);
    if (!w) return -1;
    *state = w;
    ld_error err;
    error_clear(&err);
    size_t len = 0;
    const char *text = a->ds ? dataset_file(a->ds, "rules.json", &len, NULL) : NULL;
    if (!text) snprintf(w->rules_err, sizeof w->rules_err, "rules.json is not in the data set");
    else if (rules_load(text, len, "rules.json", &w->rules, &err) != 0)
        error_format(&err, w->rules_err, sizeof w->rules_err);
    error_clear(&err);
    if (a->ds && dataset_hosting(a->ds, &w->hosting, &w->gpus, &err) == 0) w->hosting_ok = 1;
    else error_format(&err, w->hosting_err, sizeof w->hosting_err);
    if (w->rules) rules_requirements_defaults(w->rules, &w->defaults);
    else rules_requirements_init(&w->defaults);
    w->req = w->defaults;
    wz_load_saved(a, w);
    w->loaded = w->req;
    w->hardware_loaded = w->hardware;
    wz_step_notes(a, w);
    wz_enter_page(w, WZ_TASK);
    return 0;
}

static void wz_fini(app *a, void *state)
{
    wz_state *w = state;
    if (!w) return;
    wz_save_answers(a, w);
    wz_answer_free(w);
    wz_step_notes_free(w);
    rules_free(w->rules);
    free(w);
}

/* ---- actions ----------------------------------------------------------------- */

static void to_step1(app *a, void *ctx, int yes)
{
    wz_state *w = ctx;
    if (!yes) return;
    wz_enter_page(w, WZ_TASK);
    app_message(a, MSG_INFO, "step 1: your answers are kept and preselected");
}

static void to_defaults(app *a, void *ctx, int yes)
{
    wz_state *w = ctx;
    if (!yes) return;
    w->req = w->defaults;
    memset(&w->hardware, 0, sizeof w->hardware); /* any hardware */
    wz_enter_page(w, WZ_TASK);
    app_message(a, MSG_INFO, "every answer is back to its default");
}

/* Back to the review, the cursor on answer k. */
static void to_review(wz_state *w, int k)
{
    wz_enter_page(w, WZ_REVIEW);
    w->sel = k;
}

static void go_back(app *a, wz_state *w)
{
    if (w->from_review) { /* a step opened from the review: back to it, unchanged */
        to_review(w, w->page);
        return;
    }
    if (w->page == WZ_TASK) {
        app_message(a, MSG_INFO, "this is the first step: there is nothing before it");
        return;
    }
    /* the review follows the last step asked in turn (the optional GPUs
     * page lies between them, reached from the review only) */
    wz_enter_page(w, w->page == WZ_REVIEW ? WZ_ASKED - 1 : w->page - 1);
}

/* One current scenario: the Cost tab shows the answer's model, volume and
 * context; its quantization is the rule's, which keeps choosing, unless
 * GPUs were named: then theirs, on that GPU, as the answer was priced. */
static void hand_to_cost(app *a, wz_state *w)
{
    const ld_gpu *g = w->hardware.gpu;
    cost_view_take(a, w->pick, w->req.monthly_tokens, w->req.context_length, g ? w->hardware.quant : NULL, g, 1);
}

static void wz_act(app *a, ld_action act)
{
    wz_state *w = wz(a);
    if (w->page == WZ_ANSWER && wz_answer_scroll(w, act)) return;
    int nch = wz_list_len(w);
    switch (act) {
    case ACT_ACCEPT:
        if (wz_on_other(w) && !w->editing) {
            w->editing = w->fresh = 1; /* type it, then Enter again */
            w->err[0] = '\0';
        } else if (w->page < WZ_STEPS) {
            if (wz_accept_step(w) != 0) break;
            if (w->from_review || w->page + 1 >= WZ_ASKED) to_review(w, w->from_review ? w->page : WZ_STEPS);
            else wz_enter_page(w, w->page + 1);
        } else if (w->page == WZ_REVIEW && w->sel < WZ_STEPS) {
            wz_enter_page(w, w->sel); /* change that answer, then back here */
            w->from_review = 1;
        } else if (w->page == WZ_REVIEW) {
            if (wz_answer_build(a, w) == 0) {
                w->page = WZ_ANSWER;
                /* one current scenario: the Cost tab now shows the answer's model,
                 * volume, context and quantization */
                if (w->pick >= 0) hand_to_cost(a, w);
            }
        } else {
            static const ld_hint h[] = {{{ACT_EXPORT}, "export"}, {{ACT_START_OVER}, "start over"},
                                        {{ACT_DOWN, ACT_UP}, "scroll"}};
            char buf[160];
            app_message(a, MSG_INFO, "that was the answer: %s",
                        keys_hint(SCOPE_WIZARD, VIEW_WIZARD, 0, h, 3, buf, sizeof buf));
        }
        break;
    case ACT_BACK: go_back(a, w); break;
    case ACT_UP:
    case ACT_DOWN:
        if (nch) {
            w->sel += act == ACT_UP ? (w->sel > 0 ? -1 : 0) : (w->sel + 1 < nch ? 1 : 0);
            w->err[0] = '\0';
            w->editing = 0;
        }
        break;
    case ACT_TOP:
    case ACT_BOTTOM:
        if (nch) w->sel = act == ACT_TOP ? 0 : nch - 1;
        w->editing = 0;
        break;
    case ACT_RESTART:
        if (w->page == WZ_TASK) app_message(a, MSG_INFO, "already at step 1");
        else app_confirm(a, "Back to step 1? Your answers are kept.", to_step1, w);
        break;
    case ACT_START_OVER:
        wz_enter_page(w, WZ_TASK);
        app_message(a, MSG_INFO, "starting over: your answers are kept and preselected");
        break;
    case ACT_RESET: app_confirm(a, "Set every answer back to its default?", to_defaults, w); break;
    case ACT_COST_OF:
        if (w->page == WZ_ANSWER && w->have_answer && w->pick >= 0)
            cost_view_open_on(a, w->pick, w->req.monthly_tokens, w->req.context_length,
                              w->cost_ok ? scenario_quant_request(&w->scen) : NULL, w->hardware.gpu);
        else app_message(a, MSG_WARN, "p opens the cost view on the answer: finish the steps first");
        break;
    case ACT_EXPORT:
        if (w->page == WZ_ANSWER && w->have_answer) wz_export_start(a, w);
        else app_message(a, MSG_WARN, "e exports the answer: finish the steps first");
        break;
    default: break;
    }
}

/* ---- typing ------------------------------------------------------------------ */

static int wz_text_mode(const app *a)
{
    const wz_state *w = wz(a);
    return wz_is_typed(w->page) || (wz_on_other(w) && w->editing);
}

/* A key in the step's field: the editing keys and typing go to the line
 * editor shared with the prompt (prompt_edit_key); Enter, Esc, Up/Down and
 * the shell's keys to the wizard.  An untouched value is replaced by the
 * first character typed (BS clears it, a moving key starts editing it), as
 * a selection would be; Left at the start of the field (or on an untouched
 * value) and BS on an empty one go back a step, as they do off a field. */
static void wz_text(app *a, ld_key k)
{
    wz_state *w = wz(a);
    ld_action pact = keys_lookup(SCOPE_PROMPT, -1, k);
    int typed = LD_IS_CHAR(k) && le_printable((uint32_t)k) && pact != ACT_TXT_ACCEPT && pact != ACT_TXT_CANCEL;
    le_line l = le_over(w->field, sizeof w->field, w->fresh ? sizeof w->field : w->field_cur);
    int leave = pact == ACT_TXT_LEFT && (w->fresh || l.cur == 0);
    if (w->fresh && l.len && !leave) {
        if (typed || pact == ACT_TXT_BS || pact == ACT_TXT_KILL_LINE) { /* replaced, or cleared */
            w->field[0] = '\0';
            l = le_over(w->field, sizeof w->field, 0);
            w->fresh = 0;
            w->field_cur = 0;
            if (!typed) return;
        } else if (pact == ACT_TXT_END || pact == ACT_TXT_RIGHT) { /* edit it, the cursor at its end */
            w->fresh = 0;
            w->field_cur = l.len;
            return;
        }
    }
    if (pact == ACT_TXT_BS && !l.len && w->editing) { /* an empty "other": back to the list */
        w->editing = 0;
        return;
    }
    int changed = 0, r = leave || (pact == ACT_TXT_BS && !l.len) ? 0 : prompt_edit_key(&l, k, &changed);
    if (r != 0) {
        w->field_cur = l.cur;
        w->fresh = 0;
        if (changed) w->err[0] = '\0';
        if (r < 0) {
            snprintf(w->err, sizeof w->err, "full: at most %zu bytes", sizeof w->field - 1);
            term_drop_typeahead(a);
        }
        return;
    }
    ld_action act = keys_lookup(SCOPE_WIZARD, VIEW_WIZARD, k);
    switch (act) {
    case ACT_ACCEPT:
    case ACT_BACK:
    case ACT_RESTART:
    case ACT_UP:
    case ACT_DOWN: wz_act(a, act); break;
    default: {
        if (keys_is_global(act)) { /* only the non-printing ones reach here: Tab, F1, C-l, C-c */
            app_key_action(a, act);
            break;
        }
        char name[32];
        app_message(a, MSG_WARN, "%s does nothing in a text field; Tab changes view, F1 helps",
                    keys_name(k, name, sizeof name));
        break;
    }
    }
}

/* ---- mouse, status, hints ---------------------------------------------------- */

static void wz_mouse(app *a, int y, int x, int wheel)
{
    (void)x;
    wz_state *w = wz(a);
    if (w->page == WZ_ANSWER) {
        if (wheel) for (int i = 0; i < 3; i++) wz_answer_scroll(w, wheel < 0 ? ACT_UP : ACT_DOWN);
        return;
    }
    if (wheel) {
        wz_act(a, wheel < 0 ? ACT_UP : ACT_DOWN);
        return;
    }
    if (w->page == WZ_REVIEW && y == w->rec_y) {
        w->sel = WZ_STEPS;
    } else if (w->list_n && y >= w->list_y0 && y < w->list_y0 + w->list_n) {
        w->editing = w->editing && w->sel == y - w->list_y0;
        w->sel = y - w->list_y0;
        w->err[0] = '\0';
    }
}

static void wz_status(const app *a, char *buf, size_t n)
{
    const wz_state *w = wz(a);
    if (w->page < WZ_ASKED) snprintf(buf, n, "step %d of %d: %s", w->page + 1, WZ_ASKED, wz_step_title(w->page));
    else if (w->page < WZ_STEPS) snprintf(buf, n, "optional: %s", wz_step_title(w->page));
    else if (w->page == WZ_REVIEW) snprintf(buf, n, "review");
    else if (w->scroll_max > 0)
        snprintf(buf, n, "answer: %s %s %d%%", wz_answer_name(a, w), a->g.vline,
                 w->scroll * 100 / w->scroll_max);
    else snprintf(buf, n, "answer: %s", wz_answer_name(a, w));
}

/* The bottom line's hint, from the key table; in a field, only keys that
 * do not type reach the wizard (Left, F1, Tab). */
static void wz_hint(const app *a, char *buf, size_t n)
{
    const wz_state *w = wz(a);
    int typing = wz_text_mode(a);
    ld_hint h[12]; /* at most 7 are added on any page */
    size_t k = 0;
#define ADD(a1, a2, text) (k < sizeof h / sizeof h[0] ? (void)(h[k++] = (ld_hint){{a1, a2}, text}) : (void)0)
    if (w->page == WZ_ANSWER) {
        ADD(ACT_DOWN, ACT_UP, "scroll");
        ADD(ACT_EXPORT, ACT_NONE, "export");
        ADD(ACT_START_OVER, ACT_NONE, "start over");
        ADD(ACT_COST_OF, ACT_NONE, "cost");
        ADD(ACT_BACK, ACT_NONE, "back");
    } else if (w->page == WZ_REVIEW) {
        ADD(ACT_ACCEPT, ACT_NONE, w->sel < WZ_STEPS ? "change it" : "see the answer");
        ADD(ACT_DOWN, ACT_UP, "choose");
        ADD(ACT_BACK, ACT_NONE, "back");
        ADD(ACT_RESTART, ACT_NONE, "step 1");
        ADD(ACT_RESET, ACT_NONE, "defaults");
    } else {
        const char *next = w->from_review ? "to review" : "next";
        int other = wz_on_other(w);
        if (typing) ADD(ACT_NONE, ACT_NONE, "type");
        if (other && !w->editing) ADD(ACT_ACCEPT, ACT_NONE, "type your own");
        if (!typing && !other) ADD(ACT_DOWN, ACT_UP, "choose");
        if (typing || !other) ADD(ACT_ACCEPT, ACT_NONE, next);
        if (typing && !other) ADD(ACT_TXT_BS, ACT_NONE, "delete");
        if (other) ADD(ACT_DOWN, ACT_UP, "choose");
        if (w->page != WZ_TASK || w->from_review)
            ADD(ACT_BACK, ACT_NONE, w->from_review ? (typing || other ? "review" : "review, unchanged") : "back");
        ADD(ACT_RESTART, ACT_NONE, "step 1");
        if (typing && !other) ADD(ACT_NEXT_VIEW, ACT_NONE, "view");
        if (!typing && !other && !w->from_review) ADD(ACT_RESET, ACT_NONE, "defaults");
    }
    ADD(ACT_HELP, ACT_NONE, "help");
#undef ADD
    keys_hint(SCOPE_WIZARD, VIEW_WIZARD, typing, h, k, buf, n);
}

static const ld_keybind wz_keys[] = {
    {SCOPE_WIZARD, "<Enter>", ACT_ACCEPT, "accept and go on; on the review, change the answer at the cursor"},
    /* Left first: the key hints show it, and in a field BS deletes */
    {SCOPE_WIZARD, "<Left>", ACT_BACK, "back a step (or to the review), answers kept; in a field: at its start"},
    {SCOPE_WIZARD, "<BS>", ACT_BACK, NULL},
    {SCOPE_WIZARD, "h", ACT_BACK, NULL},
    {SCOPE_WIZARD, "<Esc>", ACT_RESTART, "back to step 1 after a y/n; answers kept"},
    {SCOPE_WIZARD, "r", ACT_START_OVER, "start over at step 1, answers kept"},
    {SCOPE_WIZARD, "d", ACT_RESET, "every answer back to its default (asks)"},
    {SCOPE_WIZARD, "e", ACT_EXPORT, "export the answer as a Markdown report"},
    {SCOPE_WIZARD, "p", ACT_COST_OF, "price: cost view on the recommended model, at the answered context and volume"},
    {0, NULL, ACT_NONE, NULL},
};

/* The table's missing rule or scale changed since the answer was ranked
 * (p or s in the weights editor): rank it again, so the answer and the
 * table give a model one quality, and say so (with the new pick, the cost
 * view takes it, as when the answer was first given). */
static void rerank_if_stale(app *a, wz_state *w)
{
    if (w->built_missing == (int)a->missing && w->built_scale == score_percentile_scale(a->ds->models)) return;
    long before = w->pick;
    if (wz_answer_build(a, w) != 0) return;
    char rule[96];
    snprintf(rule, sizeof rule, "%s, %s scale", a->missing == LD_MISSING_SKIP ? "missing left out" : "missing counted as 0",
             w->built_scale ? "percentile" : "raw");
    if (w->pick != before && w->pick >= 0) {
        hand_to_cost(a, w);
        /* the new pick first: a narrow status line keeps the point of it */
        app_message(a, MSG_INFO, "the pick is now %s, ranked again under the table's rule (%s)",
                    wz_answer_name(a, w), rule);
    } else {
        app_message(a, MSG_INFO, "the same pick, ranked again under the table's rule (%s)", rule);
    }
}

static void wz_draw(app *a, WINDOW *win)
{
    wz_state *w = wz(a);
    if (w->page == WZ_ANSWER && w->have_answer) rerank_if_stale(a, w);
    if (w->page == WZ_ANSWER && w->have_answer) wz_answer_draw(a, w, win);
    else wz_draw_page(a, w, win);
}

static ld_scope wz_scope(const app *a)
{
    (void)a;
    return SCOPE_WIZARD;
}

const ld_view_ops wizard_view_ops = {
    .name = "Wizard",
    .init = wz_init,
    .fini = wz_fini,
    .draw = wz_draw,
    .act = wz_act,
    .scope = wz_scope,
    .keys = wz_keys,
    .text_mode = wz_text_mode,
    .text = wz_text,
    .mouse = wz_mouse,
    .status = wz_status,
    .hint = wz_hint,
};
