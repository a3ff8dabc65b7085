/* table_job.c - the table's filters and sorts on a helper thread (the core's
 * viewjob.h), for tables where one would block a key for long: the first
 * sort by a text column builds its collation ranks (0.7 s at a million
 * rows), a word filter scans every cell, a weight change rescores every
 * row (0.3 s).
 *
 * The job computes the new view in arrays of its own; the table keeps
 * showing the old one (the cursor can't move: keys wait, bgjob.h) and takes
 * the new one in one step when it ends.  A job that ends within GRACE_MS
 * is taken in the same key, so a quick sort never shows a progress line
 * (no flicker); only the rest leave the key handler early. */
#include <stdlib.h>
#include <string.h>

#include "bgjob.h"
#include "keys.h"
#include "llmdeck/viewjob.h"
#include "table.h"

/* Tables with fewer rows sort and filter on the main thread: a numeric
 * sort of 100,000 rows takes about 4 ms.  LLMDECK_JOB_ROWS overrides it
 * (tests run every change as a job with 0). */
#define JOB_ROWS 100000
/* How long a key waits for its job before the screen shows progress: with
 * the frame and the taking of the result after it, well under the 100 ms a
 * key may take even on a loaded machine (at 60 ms, a loaded 2-core machine
 * took 110 ms once); a numeric sort of a million rows (about 40 ms) may
 * then show its progress for a frame. */
#define GRACE_MS 40

struct tv_job {
    ld_viewjob *job;
    int rescore;    /* new scores, not a new view */
    int col;        /* rescore: the weight changed (-1: several) */
    tv_change ch;   /* committed when the job ends well */
    uint32_t keep;  /* the cursor's row when it started */
    int had;
    char what[96];  /* "sorting by Model" */
    int held;       /* tests: waits for Esc (LLMDECK_JOB_HOLD) */
    tv_task task;   /* a task job (task.run set) */
    int dropped;    /* Esc on a task: its result goes when it ends */
};

static long env_long(const char *name, long dflt)
{
    const char *s = getenv(name);
    if (!s || !*s) return dflt;
    char *end;
    long v = strtol(s, &end, 10);
    return *end || v < 0 ? dflt : v;
}

/* Tests: LLMDECK_JOB_HOLD=N holds the Nth job of the run and every later
 * one at 0% until Esc (1: all), so a scripted key meets it running. */
static int hold_next(void)
{
    static long started;
    long from = env_long("LLMDECK_JOB_HOLD", 0);
    return from > 0 && ++started >= from;
}

int tv_job_wanted(const tv_state *t, const tv_change *ch)
{
    (void)ch;
    return !t->sync_only && t->nrows >= (size_t)env_long("LLMDECK_JOB_ROWS", JOB_ROWS);
}

/* Ends the job (it has ended or been cancelled) and applies or drops its
 * result; messages go to a (NULL: none). */
static void finish(app *a, tv_state *t)
{
    struct tv_job *j = t->job;
    if (!j) return;
    viewjob_wait(j->job, -1);
    t->job_ms = viewjob_ms(j->job);
    uint32_t *rows = NULL, *sorted = NULL;
    size_t n = 0;
    ld_scores sc;
    int rc = viewjob_finish(j->job, &rows, &sorted, &n, &sc);
    t->job = NULL;
    if (j->task.run) {
        if (rc == 0 && !j->dropped) j->task.commit(t->app, t, j->task.arg);
        else j->task.drop(j->task.arg);
        if (a && j->dropped) app_message(a, MSG_INFO, "%s cancelled", j->what);
        else if (a && rc != 0) app_message(a, MSG_ERROR, "%s failed: out of memory", j->what);
    } else if (rc == 0 && j->rescore) {
        /* the scores and the rows sorted by them, in one step */
        score_install(t->cat, &sc);
        free(t->fidx);
        free(t->idx);
        t->fidx = rows;
        t->idx = sorted;
        t->n = n;
        tv_scores_taken(t->app, t, 0);
        tv_change_commit(t, &j->ch, j->keep, j->had);
        if (a) tv_weights_announce(a, t, j->col);
    } else if (j->rescore) {
        /* back to the weights of the scores on screen */
        free(rows);
        free(sorted);
        for (size_t c = 0; c < catalog_cols(t->cat); c++) catalog_col(t->cat, c)->weight = t->scored_weight[c];
        t->app->missing = t->scored_missing;
        score_set_percentile_scale(t->cat, t->scored_scale); /* the column exists: cannot fail */
        if (a && rc == LD_CANCELLED)
            app_message(a, MSG_INFO, "rescoring cancelled: the weights and the table are as they were");
        else if (a)
            app_message(a, MSG_ERROR, "rescoring failed: out of memory; the weights are as they were");
    } else if (rc == 0) {
        /* the new view in one step: the arrays swap, then the cursor */
        free(t->fidx);
        free(t->idx);
        t->fidx = rows;
        t->idx = sorted;
        t->n = n;
        tv_change_commit(t, &j->ch, j->keep, j->had);
        if (a && j->ch.refilter && t->filter)
            app_message(a, t->n ? MSG_INFO : MSG_WARN, "%zu of %zu rows match", t->n, t->nrows);
        else if (a && j->ch.refilter)
            app_message(a, MSG_INFO, "filter cleared: %zu rows", t->n);
    } else {
        filter_free(j->ch.filter);
        if (a && rc == LD_CANCELLED)
            app_message(a, MSG_INFO, "%s cancelled: the table is as it was", j->what);
        else if (a)
            app_message(a, MSG_ERROR, "%s failed: out of memory; the table is as it was", j->what);
    }
    free(j);
}

int tv_job_start(tv_state *t, tv_change *ch, uint32_t keep, int had)
{
    struct tv_job *j = calloc(1, sizeof *j);
    if (!j) return -1;
    ld_viewjob_spec s = {
        .cat = t->cat,
        .refilter = ch->refilter,
        .filter = ch->filter,
        .rows = t->fidx,
        .n = t->n,
        .nkeys = ch->nkeys,
        .cache = t->sort_cache,
        /* the id the row set will have once the filter is committed */
        .set_id = ch->refilter ? t->set_id + 1 : t->set_id,
        .hold = hold_next(),
    };
    memcpy(s.keys, ch->keys, sizeof s.keys);
    j->job = viewjob_start(&s);
    if (!j->job) {
        free(j);
        return -1;
    }
    j->held = s.hold;
    j->ch = *ch;
    ch->filter = NULL; /* the job's now */
    j->keep = keep;
    j->had = had;
    if (ch->refilter) snprintf(j->what, sizeof j->what, "filtering");
    else if (ch->nkeys)
        snprintf(j->what, sizeof j->what, "sorting by %s", catalog_col(t->cat, (size_t)ch->keys[0].col)->label);
    else snprintf(j->what, sizeof j->what, "going back to catalogue order");
    t->job = j;
    /* taken in the same key: the caller says what it says after a change
     * made at once, so a quick job looks exactly like one */
    if (viewjob_wait(j->job, GRACE_MS)) finish(NULL, t);
    return 0;
}

int tv_job_rescore(tv_state *t, ld_missing policy, int col)
{
    struct tv_job *j = calloc(1, sizeof *j);
    if (!j) return -1;
    /* the rows shown, sorted again by the same keys on the new scores */
    ld_viewjob_spec s = {.cat = t->cat, .rescore = 1, .policy = policy, .rows = t->fidx, .n = t->n,
                         .nkeys = t->nkeys, .hold = hold_next()};
    memcpy(s.keys, t->keys, sizeof s.keys);
    j->ch.nkeys = t->nkeys;
    memcpy(j->ch.keys, t->keys, sizeof j->ch.keys);
    j->ch.cursor = TV_CUR_KEEP;
    j->had = t->n > 0;
    j->keep = j->had ? t->idx[t->cur < t->n ? t->cur : 0] : 0;
    j->job = viewjob_start(&s);
    if (!j->job) {
        free(j);
        return -1;
    }
    j->rescore = 1;
    j->held = s.hold;
    j->col = col;
    snprintf(j->what, sizeof j->what, "rescoring");
    t->job = j;
    if (viewjob_wait(j->job, GRACE_MS)) finish(NULL, t);
    return 0;
}

int tv_job_task(tv_state *t, const tv_task *task, const char *what)
{
    struct tv_job *j = calloc(1, sizeof *j);
    if (!j) return -1;
    ld_viewjob_spec s = {.cat = t->cat, .task = task->run, .task_arg = task->arg, .hold = hold_next()};
    j->job = viewjob_start(&s);
    if (!j->job) {
        free(j);
        return -1;
    }
    j->held = s.hold;
    j->task = *task;
    snprintf(j->what, sizeof j->what, "%s", what);
    t->job = j;
    if (viewjob_wait(j->job, GRACE_MS)) finish(NULL, t);
    return 0;
}

int tv_job_rescoring(const tv_state *t) { return t->job && t->job->rescore; }

void tv_job_stop(tv_state *t)
{
    if (!t->job) return;
    viewjob_cancel(t->job->job);
    finish(NULL, t);
}

/* "sorting by Model: collating 37%", for the status line. */
int tv_job_status(const tv_state *t, char *buf, size_t n)
{
    if (!t->job) return 0;
    static const char *const phase[] = {"", "filtering", "collating", "sorting", "rescoring"};
    int ph = viewjob_phase(t->job->job);
    const char *p = ph > 0 && ph <= LD_PHASE_SCORE ? phase[ph] : "";
    if (t->job->task.run) { /* no percentage: its size is not known */
        snprintf(buf, n, "%s%s", t->job->what, t->job->dropped ? ", cancelling" : "..., Esc cancels");
        return 1;
    }
    int pct = (int)(viewjob_fraction(t->job->job) * 100);
    if (pct > 99) pct = 99; /* 100 is the result on screen */
    if (strcmp(p, t->job->what) == 0 || strncmp(t->job->what, p, strlen(p)) == 0)
        snprintf(buf, n, "%s %d%%, Esc cancels", t->job->what, pct);
    else snprintf(buf, n, "%s: %s %d%%, Esc cancels", t->job->what, p, pct);
    return 1;
}

/* --- the loop's side (bgjob.h) ---------------------------------------------- */

int bgjob_running(const app *a)
{
    const tv_state *t = tv(a);
    return t && t->job;
}

int bgjob_held(const app *a)
{
    const tv_state *t = tv(a);
    return t && t->job && t->job->held;
}

void bgjob_key(app *a, ld_key k)
{
    tv_state *t = tv(a);
    if (!t || !t->job) return;
    if (k == 27 && t->job->task.run && !t->job->held) {
        /* it can't stop midway: the keys wait for its end, its result is dropped */
        t->job->dropped = 1;
        app_message(a, MSG_INFO, "%s: cancelling (the result is dropped when it ends)", t->job->what);
        return;
    }
    if (k == 27) {
        t->job->dropped = 1;
        viewjob_cancel(t->job->job);
        finish(a, t);
        return;
    }
    if (keys_lookup(SCOPE_GLOBAL, -1, k) == ACT_QUIT) {
        viewjob_cancel(t->job->job);
        finish(NULL, t);
        a->quit = 1;
        return;
    }
    char name[32];
    app_message(a, MSG_WARN, "%s ignored: %s, Esc cancels", keys_name(k, name, sizeof name), t->job->what);
}

int bgjob_poll(app *a, long wait_ms)
{
    tv_state *t = tv(a);
    if (!t || !t->job || !viewjob_wait(t->job->job, wait_ms)) return 0;
    finish(a, t);
    return 1;
}

double bgjob_take_ms(app *a)
{
    tv_state *t = tv(a);
    if (!t) return -1;
    double ms = t->job_ms;
    t->job_ms = -1;
    return ms;
}
