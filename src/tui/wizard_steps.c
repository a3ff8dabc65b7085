/* wizard_steps.c - the wizard's questions: the steps and their choices,
 * loading a step from the accepted answers and accepting it (with the
 * checks of typed values), the step and review pages, and the answers
 * kept in the config's "wizard" section. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "llmdeck/output.h"
#include "llmdeck/report.h"
#include "llmdeck/units.h"
#include "llmdeck/utf8.h"
#include "widgets.h"
#include "wizard.h"

/* ---- the questions -------------------------------------------------------- */

typedef struct {
    const char *value, *note;
} wz_choice;

typedef struct {
    const char *title, *question, *about;
    const wz_choice *choices; /* NULL: a typed value */
    size_t n;
    int other;                /* the last choice means "type your own" */
} wz_step;

static const wz_choice TASKS[] = {
    {"general", "a bit of everything"}, {"code", "writing and reviewing code"},
    {"customer_support", "answering customers"}, {"math", "reasoning with numbers"},
    {"chat", "conversation"}, {"other", "type your own task"}};
static const wz_choice LANGS[] = {
    {"english", NULL}, {"chinese", NULL}, {"french", NULL}, {"german", NULL},
    {"spanish", NULL}, {"japanese", NULL}, {"other", "type your own language"}};
static const wz_choice BUDGETS[] = {
    {"low", "small or mixture-of-experts models"}, {"medium", "the usual trade-off"},
    {"high", "the largest models are fine"}};
static const wz_choice YESNO[] = {{"no", NULL}, {"yes", NULL}};
static const wz_choice LICENCES[] = {
    {"any", "no constraint"},
    {"commercial", "commercial use allowed, conditions possible (Llama 2)"},
    {"unrestricted", "commercial use without conditions (Apache 2.0, MIT)"}};

#define N(x) (sizeof x / sizeof x[0])

static const wz_step STEPS[WZ_STEPS] = {
    {"Task type", "What will the model mostly do?",
     /* the ranking's weights of the highlighted task follow (wz_task_note) */
     "The rules send \"code\" to a code model and compare the task exactly, like the 2023 article.",
     TASKS, N(TASKS), 1},
    {"Language", "Which language will it mostly work in?",
     "A language containing \"chinese\" (in any case) leads to a model strong in Chinese.",
     LANGS, N(LANGS), 1},
    {"Context length", "How many tokens must it read at once?",
     "Prompt, documents and answer together. Above 8192 the rules pick a long-context model, "
     "and every candidate must reach the length.",
     NULL, 0, 0},
    /* how the budget ranks the candidates follows (wz_step_notes) */
    {"Budget", "What is the budget?", "The 2023 article's rule: low favours small and mixture-of-experts models.",
     BUDGETS, N(BUDGETS), 0},
    {"Latency", "Is latency critical?",
     "Yes when answers must come fast (live chat, autocomplete): models that always think before "
     "answering rank last; the 2023 article's rule picks a small model.",
     YESNO, N(YESNO), 0},
    {"Fine-tuning", "Will you fine-tune the model on your own data?",
     "The 2023 article's rule then picks a model cheap to fine-tune with a permissive licence. The "
     "recommendation needs open weights either way and ranks as it would without: choose the licence "
     "at the licence step.", YESNO, N(YESNO), 0},
    {"Licence", "What must the licence allow?",
     "Candidates are filtered by it: commercial accepts licences with conditions (read them), "
     "unrestricted only those without.",
     LICENCES, N(LICENCES), 0},
    {"Monthly volume", "How many tokens a month, roughly? (optional)",
     "Input and output together, for the cost of an API against hosting the pick yourself; "
     "leave it empty to skip.",
     NULL, 0, 0},
    {"GPUs", "Must it run on GPUs you have? (optional: asked from the review only)",
     "Type the cards, e.g. L40S, 2 x A100 80GB SXM or RTX 4090 int4 (a precision after the name; "
     "as released when none): only models whose one sequence of the context fits on them are "
     "candidates. Leave it empty for any hardware.",
     NULL, 0, 0},
};

int wz_is_typed(int page) { return page == WZ_CONTEXT || page == WZ_HARDWARE || page == WZ_VOLUME; }

int wz_on_other(const wz_state *w)
{
    return w->page < WZ_STEPS && STEPS[w->page].other && w->sel == (int)STEPS[w->page].n - 1;
}

/* The accepted answer of step k as text ("4096 tokens", "not given"). */
static void answer_text(const wz_state *w, int k, char *buf, size_t n)
{
    const ld_requirements *q = &w->req;
    char c[32];
    switch (k) {
    case WZ_TASK: snprintf(buf, n, "%s", q->task_type); break;
    case WZ_LANG: snprintf(buf, n, "%s", q->language); break;
    case WZ_CONTEXT: snprintf(buf, n, "%.15g tokens", q->context_length); break;
    case WZ_BUDGET: snprintf(buf, n, "%s", q->budget); break;
    case WZ_LATENCY: snprintf(buf, n, "%s", q->latency_critical ? "yes" : "no"); break;
    case WZ_FINETUNE: snprintf(buf, n, "%s", q->needs_fine_tuning ? "yes" : "no"); break;
    case WZ_LICENCE: snprintf(buf, n, "%s", report_licence_name(q->licence)); break;
    case WZ_HARDWARE:
        if (w->hardware.gpu) hardware_text(&w->hardware, buf, n);
        else if (w->hardware_dropped[0]) snprintf(buf, n, "any (%s)", w->hardware_dropped);
        else snprintf(buf, n, "any");
        break;
    default:
        if (q->monthly_tokens > 0) {
            units_format_count(q->monthly_tokens, c, sizeof c);
            snprintf(buf, n, "%s tokens/month", c);
        } else {
            snprintf(buf, n, "not given");
        }
        break;
    }
}

static int is_default(const wz_state *w, int k)
{
    const ld_requirements *q = &w->req, *d = &w->defaults;
    switch (k) {
    case WZ_TASK: return !strcmp(q->task_type, d->task_type);
    case WZ_LANG: return !strcmp(q->language, d->language);
    case WZ_CONTEXT: return q->context_length == d->context_length;
    case WZ_BUDGET: return !strcmp(q->budget, d->budget);
    case WZ_LATENCY: return q->latency_critical == d->latency_critical;
    case WZ_FINETUNE: return q->needs_fine_tuning == d->needs_fine_tuning;
    case WZ_LICENCE: return q->licence == d->licence;
    case WZ_HARDWARE: return !w->hardware.gpu;
    default: return q->monthly_tokens == d->monthly_tokens;
    }
}

/* A count as typed back: "1.5B" when that reads back exactly, else digits. */
static void count_text(double v, char *buf, size_t n)
{
    double back;
    units_format_count(v, buf, n);
    if (units_parse_count(buf, &back) != 0 || back != v) snprintf(buf, n, "%.15g", v);
}

/* Loads step `page`'s cursor and field from the accepted answers. */
void wz_enter_page(wz_state *w, int page)
{
    w->page = page;
    w->err[0] = w->field[0] = '\0';
    w->sel = 0;
    w->editing = 0;
    w->fresh = 1;
    w->from_review = 0;
    if (page == WZ_REVIEW) w->sel = WZ_STEPS; /* Enter goes on, as before */
    if (page >= WZ_STEPS) return;
    const wz_step *s = &STEPS[page];
    const char *text = page == WZ_TASK ? w->req.task_type : page == WZ_LANG ? w->req.language
                     : page == WZ_BUDGET ? w->req.budget : NULL;
    if (text) {
        size_t last = s->other ? s->n - 1 : s->n;
        for (w->sel = 0; (size_t)w->sel < last && strcmp(s->choices[w->sel].value, text); w->sel++) {}
        if ((size_t)w->sel == last && s->other) snprintf(w->field, sizeof w->field, "%s", text);
        if ((size_t)w->sel == s->n) w->sel = 1; /* a budget the list lacks: medium */
    }
    switch (page) {
    case WZ_CONTEXT: snprintf(w->field, sizeof w->field, "%.15g", w->req.context_length); break;
    case WZ_LATENCY: w->sel = w->req.latency_critical; break;
    case WZ_FINETUNE: w->sel = w->req.needs_fine_tuning; break;
    case WZ_LICENCE: w->sel = (int)w->req.licence; break;
    case WZ_HARDWARE:
        if (w->hardware.gpu) hardware_text(&w->hardware, w->field, sizeof w->field);
        break;
    case WZ_VOLUME:
        if (w->req.monthly_tokens > 0) count_text(w->req.monthly_tokens, w->field, sizeof w->field);
        break;
    default: break;
    }
    w->field_cur = strlen(w->field);
}

/* Blanks around typed text do not count. */
static void trimmed(const char *in, char *out, size_t n)
{
    while (*in == ' ') in++;
    snprintf(out, n, "%s", in);
    size_t l = strlen(out);
    while (l && out[l - 1] == ' ') out[--l] = '\0';
}

/* Stores the current step's answer; 0, or -1 with w->err set. */
int wz_accept_step(wz_state *w)
{
    const wz_step *s = &STEPS[w->page];
    ld_requirements *q = &w->req;
    char t[LD_REQ_TEXT];
    double v;
    trimmed(w->field, t, sizeof t);
    if (w->page == WZ_CONTEXT) {
        if (units_parse_count(t, &v) != 0) {
            snprintf(w->err, sizeof w->err, "\"%s\" is not a number of tokens: type e.g. 8000 or 32k", t);
            return -1;
        }
        if (v < 1 || v > 1e8 || v != floor(v)) {
            /* 100M, as `llmdeck size`: the longest context any model claims is 10M */
            snprintf(w->err, sizeof w->err, "\"%s\": a context length is a whole number of tokens from 1 to 100M", t);
            return -1;
        }
        q->context_length = v;
    } else if (w->page == WZ_HARDWARE) {
        ld_hardware hw = {0};
        char why[sizeof w->err - 8];
        if (*t && !w->gpus) {
            snprintf(w->err, sizeof w->err, "no GPU data to check it against: leave it empty");
            return -1;
        }
        if (*t && hardware_parse(w->gpus, t, &hw, why, sizeof why) != 0) {
            snprintf(w->err, sizeof w->err, "%s", why);
            return -1;
        }
        w->hardware = hw; /* gpu NULL when empty: any hardware */
        w->hardware_dropped[0] = '\0'; /* answered now */
    } else if (w->page == WZ_VOLUME) {
        if (!*t) v = 0;
        else if (units_parse_count(t, &v) != 0) {
            snprintf(w->err, sizeof w->err, "\"%s\" is not a token count: type e.g. 750M or 1.5B, or leave it empty", t);
            return -1;
        } else if (v < 0 || v > 1e18) {
            snprintf(w->err, sizeof w->err, "\"%s\": a monthly volume is from 0 to 1e18 tokens", t);
            return -1;
        }
        q->monthly_tokens = v;
    } else if (wz_on_other(w)) {
        if (!*t) {
            snprintf(w->err, sizeof w->err, "type the %s, or choose one above",
                     w->page == WZ_TASK ? "task" : "language");
            return -1;
        }
        rules_set_text(w->page == WZ_TASK ? q->task_type : q->language, t);
    } else {
        const char *val = s->choices[w->sel].value;
        switch (w->page) {
        case WZ_TASK: rules_set_text(q->task_type, val); break;
        case WZ_LANG: rules_set_text(q->language, val); break;
        case WZ_BUDGET: rules_set_text(q->budget, val); break;
        case WZ_LATENCY: q->latency_critical = w->sel; break;
        case WZ_FINETUNE: q->needs_fine_tuning = w->sel; break;
        default: q->licence = (ld_licence)w->sel; break;
        }
    }
    return 0;
}

/* ---- saved answers -------------------------------------------------------- */

static const char *const LIC_NAMES[] = {"any", "commercial", "unrestricted"};

void wz_load_saved(app *a, wz_state *w)
{
    const cJSON *s = config_get(a->cfg, "wizard"), *it;
    if (!cJSON_IsObject(s)) return;
    ld_requirements *q = &w->req;
    double v;
    const char *texts[][2] = {{"task_type", q->task_type}, {"language", q->language}};
    for (size_t i = 0; i < 2; i++) {
        it = cJSON_GetObjectItemCaseSensitive(s, texts[i][0]);
        char t[LD_REQ_TEXT];
        if (cJSON_IsString(it) && strlen(it->valuestring) < sizeof t) {
            trimmed(it->valuestring, t, sizeof t);
            if (*t) w->restored = 1, rules_set_text((char *)texts[i][1], t);
        }
    }
    it = cJSON_GetObjectItemCaseSensitive(s, "budget");
    if (cJSON_IsString(it))
        for (size_t i = 0; i < N(BUDGETS); i++)
            if (!strcmp(it->valuestring, BUDGETS[i].value)) w->restored = 1, rules_set_text(q->budget, it->valuestring);
    if (config_get_number(a->cfg, "wizard", "context_length", &v) == 0 && v >= 1 && v <= 1e8 && v == floor(v))
        w->restored = 1, q->context_length = v;
    if (config_get_number(a->cfg, "wizard", "monthly_tokens", &v) == 0 && v >= 0 && v <= 1e18)
        w->restored = 1, q->monthly_tokens = v;
    it = cJSON_GetObjectItemCaseSensitive(s, "latency_critical");
    if (cJSON_IsBool(it)) w->restored = 1, q->latency_critical = cJSON_IsTrue(it);
    it = cJSON_GetObjectItemCaseSensitive(s, "needs_fine_tuning");
    if (cJSON_IsBool(it)) w->restored = 1, q->needs_fine_tuning = cJSON_IsTrue(it);
    it = cJSON_GetObjectItemCaseSensitive(s, "licence");
    for (int i = 0; i < 3 && cJSON_IsString(it); i++)
        if (!strcmp(it->valuestring, LIC_NAMES[i])) w->restored = 1, q->licence = (ld_licence)i;
    /* the GPUs as the step shows them ("2 × L40S at int4"); one gpus.csv
     * no longer lists is dropped, as any other answer the file cannot hold */
    it = cJSON_GetObjectItemCaseSensitive(s, "hardware");
    char why[256];
    if (cJSON_IsString(it) && it->valuestring[0]) {
        if (w->gpus && hardware_parse(w->gpus, it->valuestring, &w->hardware, why, sizeof why) == 0) w->restored = 1;
        else snprintf(w->hardware_dropped, sizeof w->hardware_dropped, "the saved \"%.40s\" is dropped: %.120s",
                      it->valuestring, w->gpus ? why : "no GPU data");
    }
}

static int same_hardware(const ld_hardware *x, const ld_hardware *y)
{
    return x->gpu == y->gpu && (!x->gpu || (x->cards == y->cards && !strcmp(x->quant, y->quant)));
}

static int same_req(const ld_requirements *x, const ld_requirements *y)
{
    return !strcmp(x->task_type, y->task_type) && !strcmp(x->language, y->language) &&
           !strcmp(x->budget, y->budget) && x->context_length == y->context_length &&
           x->latency_critical == y->latency_critical && x->needs_fine_tuning == y->needs_fine_tuning &&
           x->licence == y->licence && x->monthly_tokens == y->monthly_tokens;
}

void wz_save_answers(app *a, wz_state *w)
{
    if (same_req(&w->req, &w->loaded) && same_hardware(&w->hardware, &w->hardware_loaded))
        return; /* nothing new: the file stays as it was */
    const cJSON *old = config_get(a->cfg, "wizard");
    cJSON *sec = cJSON_IsObject(old) ? cJSON_Duplicate(old, 1) : cJSON_CreateObject();
    if (!sec) return;
    const ld_requirements *q = &w->req;
    static const char *const keys[] = {"task_type", "language", "context_length", "budget",
                                       "latency_critical", "needs_fine_tuning", "licence",
                                       "monthly_tokens"};
    cJSON *vals[] = {cJSON_CreateString(q->task_type), cJSON_CreateString(q->language),
                     cJSON_CreateNumber(q->context_length), cJSON_CreateString(q->budget),
                     cJSON_CreateBool(q->latency_critical), cJSON_CreateBool(q->needs_fine_tuning),
                     cJSON_CreateString(LIC_NAMES[q->licence]), cJSON_CreateNumber(q->monthly_tokens)};
    for (size_t i = 0; i < N(keys); i++) {
        cJSON_DeleteItemFromObjectCaseSensitive(sec, keys[i]);
        if (vals[i]) cJSON_AddItemToObject(sec, keys[i], vals[i]);
    }
    char hw[160];
    cJSON_DeleteItemFromObjectCaseSensitive(sec, "hardware");
    if (w->hardware.gpu) {
        hardware_text(&w->hardware, hw, sizeof hw);
        cJSON_AddStringToObject(sec, "hardware", hw);
    }
    config_set(a->cfg, "wizard", sec);
}

/* ---- drawing --------------------------------------------------------------- */

/* Wrapped text in rows [*y, ymax); advances *y. */
static void para(app *a, WINDOW *win, int *y, int ymax, int x, int width, const char *s, attr_t at)
{
    char safe[2048], piece[2048];
    const char *p = output_sanitize(s, safe, sizeof safe), *next;
    while (*p && *y < ymax) {
        size_t len = ui_wrap(a, p, width, &next);
        memcpy(piece, p, len);
        piece[len] = '\0';
        if (*y == ymax - 1 && *next) /* no room for the rest: say so, never end mid-sentence silently */
            snprintf(piece + len, sizeof piece - len, "%s", a->g.ellipsis);
        ui_text(a, win, (*y)++, x, width, piece, at);
        p = next;
    }
}

/* The text field: what was typed and a cursor, on a highlighted patch; a
 * value not yet touched shows without the cursor (typing replaces it).  The
 * cursor is a '_' after the text, or the character under it in reverse.
 * Returns the columns used. */
static int draw_field(app *a, WINDOW *win, int y, int x, int width, const wz_state *w)
{
    char shown[LD_REQ_TEXT + 8];
    size_t flen = strlen(w->field);
    int cursor = !(w->fresh && w->field[0]), at_end = w->field_cur >= flen;
    snprintf(shown, sizeof shown, "%s%s", w->field, cursor && at_end ? "_" : "");
    size_t len = strlen(shown), cur = cursor ? (at_end ? flen : w->field_cur) : len;
    int fw = ui_width(a, shown) + 1;
    if (fw < 12) fw = 12;
    if (fw > width) fw = width;
    /* the cursor stays in view (the end of a long text when there is none):
     * characters leave on the left until the text up to the cursor fits */
    size_t upto = cur < len ? utf8_next(shown, len, cur) : len, p = 0;
    char part[sizeof shown];
    for (;;) {
        snprintf(part, sizeof part, "%.*s", (int)(upto - p), shown + p);
        if (p >= upto || ui_width(a, part) <= fw - 1) break;
        p = utf8_next(shown, len, p);
    }
    ui_put(a, win, y, x, fw, shown + p, app_attr(a, ROLE_SELECTED), UI_LEFT, 1);
    if (cursor && !at_end && cur >= p) {
        snprintf(part, sizeof part, "%.*s", (int)(cur - p), shown + p);
        int cx = ui_width(a, part);
        snprintf(part, sizeof part, "%.*s", (int)(utf8_next(shown, len, cur) - cur), shown + cur);
        if (cx < fw) ui_text(a, win, y, x + cx, fw - cx, part, app_attr(a, ROLE_SELECTED) | A_REVERSE);
    }
    if (w->fresh && w->field[0] && width - fw > 2)
        ui_text(a, win, y, x + fw + 1, width - fw - 1, "typing replaces it", app_attr(a, ROLE_MUTED));
    return fw;
}

/* The task and budget steps' notes: the rules' use of the answer, then
 * what it does to the ranking, from the data set's metrics.json (the seed's
 * profiles weigh HumanEval, GSM8K, TruthfulQA and rank by value whatever
 * the budget; the catalogue's weigh the arena, IFEval, LiveCodeBench,
 * AIME... and rank by the budget): never a fixed sentence that one of
 * them would contradict.  Parsed once, not at every frame. */
void wz_step_notes(app *a, wz_state *w)
{
    const char *budget = STEPS[WZ_BUDGET].about;
    snprintf(w->budget_note, sizeof w->budget_note, "%s", budget);
    size_t mlen = 0;
    const char *mtext = a->ds ? dataset_file(a->ds, "metrics.json", &mlen, NULL) : NULL;
    if (!mtext) return;
    ld_error err;
    error_clear(&err);
    if (rules_profiles_parse(mtext, mlen, "metrics.json", &w->step_profiles, &err) != 0) {
        rules_profiles_free(&w->step_profiles);
        return;
    }
    w->step_profiles_ok = 1;
    snprintf(w->budget_note, sizeof w->budget_note, "%s %s", budget,
             w->step_profiles.mode == LD_RANK_BUDGET
                 ? "The candidates are ranked by it (metrics.json): high by quality; medium by value among "
                   "those at least as good as the median of the leading group; low by value among those at "
                   "least as good as its lower quartile (value: quality per relative cost)."
                 : "The candidates are ranked by value (quality per relative cost, the 2023 article's score) "
                   "whatever the budget (metrics.json).");
}

void wz_step_notes_free(wz_state *w)
{
    if (w->step_profiles_ok) rules_profiles_free(&w->step_profiles);
    w->step_profiles_ok = 0;
}

/* The task step's note for the highlighted task: the weights it gives the
 * ranking and the data set's reason, so a small screen shows the one that
 * matters instead of every profile cut short.  "other…" shows what a typed
 * task counts as (live, as it is typed) or, empty, which words choose which
 * profile. */
static void wz_task_note(const app *a, const wz_state *w, char *buf, size_t n)
{
    const wz_step *s = &STEPS[WZ_TASK];
    if (!w->step_profiles_ok || w->sel < 0 || (size_t)w->sel >= s->n) { /* no metrics.json: the rules' use only */
        snprintf(buf, n, "%s", s->about);
        return;
    }
    int other = s->other && (size_t)w->sel == s->n - 1;
    const char *task = other ? w->field : s->choices[w->sel].value;
    if (other && !task[0]) {
        char words[1024];
        rules_profiles_keywords(&w->step_profiles, words, sizeof words);
        snprintf(buf, n, "%s For the ranking of the candidates, a task you type counts as the first profile "
                         "it names a word of (metrics.json): %s.", s->about, words);
        return;
    }
    const ld_task_profile *t = rules_profiles_pick(&w->step_profiles, task);
    char weights[1024];
    rules_profile_weights(t, a->ds ? a->ds->models : NULL, weights, sizeof weights);
    snprintf(buf, n, "%s For the ranking of the candidates, \"%s\" counts as %s (metrics.json): %s.%s%s", s->about,
             task, t->name, weights[0] ? weights : "no weights", t->why[0] ? " " : "", t->why);
}

static void draw_step(app *a, wz_state *w, WINDOW *win, int H, int W)
{
    const wz_step *s = &STEPS[w->page];
    int x = 3, iw = W - 6, ymax = H - 1, y = 1, gap = H >= 18; /* compact on small screens */
    char head[128], buf[256];
    if (w->page < WZ_ASKED) snprintf(head, sizeof head, "Step %d of %d  %s", w->page + 1, WZ_ASKED, s->title);
    else snprintf(head, sizeof head, "Optional  %s", s->title);
    int hw = ui_text(a, win, y, x, iw, head, app_attr(a, ROLE_ACCENT) | A_BOLD);
    const char *note = !w->from_review ? NULL : iw - hw > 37 ? "from the review: Enter returns to it"
                     : iw - hw > 16 ? "from the review" : NULL;
    if (note)
        ui_put(a, win, y, x, iw, note, app_attr(a, ROLE_MUTED), UI_RIGHT, 0);
    else if (w->restored && w->page == WZ_TASK)
        ui_put(a, win, y, x, iw, "last answers restored", app_attr(a, ROLE_MUTED), UI_RIGHT, 0);
    y += 1 + gap;
    para(a, win, &y, ymax, x, iw, s->question, app_attr(a, ROLE_TEXT) | A_BOLD);
    y += gap;
    w->list_y0 = y;
    w->list_n = 0;
    if (s->choices) {
        int vw = 0;
        for (size_t i = 0; i < s->n; i++) {
            int cw = ui_width(a, s->choices[i].value) + 1;
            vw = cw > vw ? cw : vw;
        }
        for (size_t i = 0; i < s->n && y < ymax; i++, y++) {
            int cur = (int)i == w->sel, other = s->other && i + 1 == s->n;
            attr_t at = app_attr(a, cur ? ROLE_CURSOR : ROLE_TEXT);
            snprintf(buf, sizeof buf, "%s %s%s", cur ? a->g.cursor : " ", s->choices[i].value,
                     other ? a->g.ellipsis : "");
            if (cur) ui_fill(win, y, x, vw + 4, at);
            ui_text(a, win, y, x, iw, buf, at);
            int nx = x + vw + 5;
            if (other && ((cur && w->editing) || w->field[0])) {
                if (cur && w->editing) draw_field(a, win, y, nx, iw - (nx - x), w);
                else ui_text(a, win, y, nx, iw - (nx - x), w->field, app_attr(a, ROLE_MUTED));
                continue;
            }
            int is_def = 0;
            if (w->page == WZ_TASK) is_def = !strcmp(s->choices[i].value, w->defaults.task_type);
            else if (w->page == WZ_LANG) is_def = !strcmp(s->choices[i].value, w->defaults.language);
            else if (w->page == WZ_BUDGET) is_def = !strcmp(s->choices[i].value, w->defaults.budget);
            else if (w->page == WZ_LATENCY) is_def = (int)i == w->defaults.latency_critical;
            else if (w->page == WZ_FINETUNE) is_def = (int)i == w->defaults.needs_fine_tuning;
            else if (w->page == WZ_LICENCE) is_def = (int)i == (int)w->defaults.licence;
            snprintf(buf, sizeof buf, "%s%s%s", s->choices[i].note ? s->choices[i].note : "",
                     s->choices[i].note && is_def ? " " : "", is_def ? "(default)" : "");
            ui_text(a, win, y, nx, iw - (nx - x), buf, app_attr(a, ROLE_MUTED));
        }
        w->list_n = (int)s->n;
    } else if (y < ymax) {
        const char *label = w->page == WZ_CONTEXT ? "Tokens:" : w->page == WZ_HARDWARE ? "GPUs:" : "Tokens a month:";
        int lw = ui_text(a, win, y, x + 2, iw - 2, label, app_attr(a, ROLE_TEXT));
        draw_field(a, win, y, x + 3 + lw, iw - 3 - lw, w);
        y++;
        char d[96];
        if (w->page == WZ_CONTEXT)
            snprintf(d, sizeof d, "default %.15g (rules.json); 8000, 32k, 128k", w->defaults.context_length);
        else if (w->page == WZ_HARDWARE) snprintf(d, sizeof d, "L40S, 2 x L4 int4; empty = any hardware");
        else snprintf(d, sizeof d, "750M, 1.5B; empty = not given");
        if (y < ymax) ui_text(a, win, y++, x + 3 + lw, iw - 3 - lw, d, app_attr(a, ROLE_MUTED));
    }
    y++;
    if (w->err[0]) {
        if (y >= ymax) y = ymax - 1; /* the reason shows, whatever the size */
        para(a, win, &y, ymax, x, iw, w->err, app_attr(a, ROLE_ERROR));
        y++;
    }
    char task_note[2048];
    if (w->page == WZ_TASK) wz_task_note(a, w, task_note, sizeof task_note);
    const char *about = w->page == WZ_TASK ? task_note : w->page == WZ_BUDGET ? w->budget_note : s->about;
    para(a, win, &y, ymax, x, iw, about, app_attr(a, ROLE_MUTED));
    /* the answers so far, at the bottom when there is room */
    char sofar[1024] = "So far:";
    size_t used = strlen(sofar);
    for (int k = 0; k < w->page && used < sizeof sofar; k++) {
        answer_text(w, k, buf, sizeof buf);
        used += (size_t)snprintf(sofar + used, sizeof sofar - used, "%s %s", k ? " |" : "", buf);
    }
    int need = (ui_width(a, sofar) + iw - 1) / iw;
    if (w->page > 0 && ymax - need > y) {
        y = ymax - need;
        para(a, win, &y, ymax, x, iw, sofar, app_attr(a, ROLE_MUTED));
    }
}

static void draw_review(app *a, wz_state *w, WINDOW *win, int H, int W)
{
    int x = 3, iw = W - 6, ymax = H - 1, y = 1, gap = H >= 18; /* compact on small screens */
    char buf[256], line[640];
    ui_text(a, win, y, x, iw, "Review: your answers", app_attr(a, ROLE_ACCENT) | A_BOLD);
    y += 2;
    /* a list: an answer takes the cursor, Enter changes it; the last entry
     * goes on to the recommendation */
    w->list_y0 = y;
    w->list_n = 0;
    w->rec_y = -1;
    /* a short screen keeps "See the recommendation" (the cursor's first
     * place) over the optional GPUs row, unless the cursor is on that row */
    int tight = y + WZ_STEPS + 1 > ymax;
    for (int k = 0; k < WZ_STEPS && y < ymax; k++, y++) {
        if (tight && k == WZ_HARDWARE && w->sel != WZ_HARDWARE) break;
        int cur = k == w->sel;
        attr_t at = app_attr(a, cur ? ROLE_CURSOR : ROLE_TEXT);
        answer_text(w, k, buf, sizeof buf);
        snprintf(line, sizeof line, "%s %d  %-15s %s", cur ? a->g.cursor : " ", k + 1, STEPS[k].title, buf);
        int used = ui_width(a, line) + 1;
        if (cur) ui_fill(win, y, x, used < iw ? used : iw, at);
        ui_text(a, win, y, x, iw, line, at);
        if (is_default(w, k))
            ui_text(a, win, y, x + used, iw - used, k == WZ_HARDWARE ? "(optional: Enter to name yours)" : "(default)",
                    app_attr(a, ROLE_MUTED));
        w->list_n++;
    }
    y += gap;
    if (y < ymax) {
        int cur = w->sel == WZ_STEPS;
        attr_t at = app_attr(a, cur ? ROLE_CURSOR : ROLE_TEXT) | A_BOLD;
        snprintf(line, sizeof line, "%s See the recommendation", cur ? a->g.cursor : " ");
        int used = ui_width(a, line) + 1;
        if (cur) ui_fill(win, y, x, used < iw ? used : iw, at);
        ui_text(a, win, y, x, iw, line, at);
        w->rec_y = y++;
    }
    y++;
    para(a, win, &y, ymax, x, iw,
         "Enter on an answer goes to its step, and Enter there comes back here; Enter on See the "
         "recommendation shows it. Left or Backspace goes back a step; Esc returns to step 1; "
         "every answer is kept.", app_attr(a, ROLE_MUTED));
    if (!w->rules) {
        y++;
        snprintf(line, sizeof line, "No rules to apply: %s", w->rules_err);
        para(a, win, &y, ymax, x, iw, line, app_attr(a, ROLE_ERROR));
    }
}

void wz_draw_page(app *a, wz_state *w, WINDOW *win)
{
    int H = getmaxy(win), W = getmaxx(win);
    ui_box(a, win, 0, 0, H, W, "Wizard: which model fits?");
    if (w->page == WZ_REVIEW) draw_review(a, w, win, H, W);
    else draw_step(a, w, win, H, W);
}

const char *wz_step_title(int k) { return k >= 0 && k < WZ_STEPS ? STEPS[k].title : ""; }

int wz_step_choices(int k) { return k >= 0 && k < WZ_STEPS && STEPS[k].choices ? (int)STEPS[k].n : 0; }

int wz_list_len(const wz_state *w) { return w->page == WZ_REVIEW ? WZ_STEPS + 1 : wz_step_choices(w->page); }
