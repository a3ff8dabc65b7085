/* viewjob.c - see viewjob.h.  One helper thread per job; the caller waits
 * on a condition variable (with a timeout, so its screen stays live). */
#include "llmdeck/viewjob.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "worker.h"

struct ld_viewjob {
    ld_viewjob_spec s;
    ld_progress p;
    pthread_t thread;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int ended;          /* under mu */
    int rc;             /* the job's result, read after the join */
    uint32_t *rows, *sorted;
    size_t n;
    ld_scores scores;
    double ms;
};

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int run(ld_viewjob *j)
{
    const ld_viewjob_spec *s = &j->s;
    if (s->hold) { /* tests: stay at 0% until cancelled, so Esc always meets a running job */
        pthread_mutex_lock(&j->mu);
        while (!atomic_load(&j->p.cancel)) pthread_cond_wait(&j->cv, &j->mu);
        pthread_mutex_unlock(&j->mu);
        return LD_CANCELLED;
    }
    if (s->task) return s->task(s->task_arg) == 0 ? 0 : -1;
    if (s->rescore) {
        int rc = score_compute(s->cat, s->policy, &j->scores, &j->p);
        if (rc != 0) return rc;
        /* the rows sorted by the new scores, before they are installed */
        const ld_num_override ov[] = {{catalog_col_index(s->cat, "quality"), j->scores.quality},
                                      {catalog_col_index(s->cat, "value_score"), j->scores.value},
                                      {catalog_col_index(s->cat, "coverage"), j->scores.coverage},
                                      {catalog_col_index(s->cat, "frontier"), j->scores.frontier}};
        memcpy(j->sorted, j->rows, j->n * sizeof *j->sorted);
        rc = view_sort_with(s->cat, j->sorted, j->n, s->keys, s->nkeys, ov, 4, &j->p);
        if (rc != 0) score_free(&j->scores);
        return rc;
    }
    size_t n = j->n;
    if (s->refilter) {
        n = view_identity(s->cat, j->rows);
        if (s->filter) {
            int rc = filter_apply_progress(s->filter, s->cat, j->rows, n, j->rows, &n, &j->p);
            if (rc != 0) return rc;
        }
    }
    j->n = n;
    if (!s->nkeys) {
        memcpy(j->sorted, j->rows, n * sizeof *j->sorted);
        return atomic_load(&j->p.cancel) ? LD_CANCELLED : 0;
    }
    return view_sort_progress(s->cache, s->cat, s->set_id, j->rows, j->sorted, n, s->keys, s->nkeys, &j->p);
}

static void *job_main(void *arg)
{
    ld_viewjob *j = arg;
    double t0 = now_ms();
    int rc = run(j);
    pthread_mutex_lock(&j->mu);
    j->rc = rc;
    j->ms = now_ms() - t0;
    j->ended = 1;
    pthread_cond_broadcast(&j->cv);
    pthread_mutex_unlock(&j->mu);
    return NULL;
}

ld_viewjob *viewjob_start(const ld_viewjob_spec *s)
{
    ld_viewjob *j = calloc(1, sizeof *j);
    if (!j) return NULL;
    j->s = *s;
    size_t cap = catalog_rows(s->cat) ? catalog_rows(s->cat) : 1;
    if (!s->task) {
        j->rows = malloc(cap * sizeof *j->rows);
        j->sorted = malloc(cap * sizeof *j->sorted);
        if (!j->rows || !j->sorted || (!s->refilter && s->n > cap)) goto fail;
        j->n = s->refilter ? 0 : s->n;
        if (!s->refilter) memcpy(j->rows, s->rows, s->n * sizeof *j->rows);
    }
    size_t rows = s->refilter ? catalog_rows(s->cat) : s->n;
    atomic_init(&j->p.cancel, 0);
    atomic_init(&j->p.phase, s->task ? LD_PHASE_NONE : s->rescore ? LD_PHASE_SCORE : s->refilter && s->filter ? LD_PHASE_FILTER : LD_PHASE_SORT);
    atomic_init(&j->p.done, 0);
    atomic_init(&j->p.total, s->task ? 0 /* unknown */
                                     : (s->rescore ? score_units(s->cat) : 0) +
                                           (s->refilter && s->filter ? rows : 0) +
                                           view_sort_units(s->cat, rows, s->keys, s->nkeys));
    pthread_condattr_t ca;
    if (pthread_condattr_init(&ca) != 0) goto fail;
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    int ok = pthread_cond_init(&j->cv, &ca) == 0;
    pthread_condattr_destroy(&ca);
    if (!ok) goto fail;
    if (pthread_mutex_init(&j->mu, NULL) != 0) {
        pthread_cond_destroy(&j->cv);
        goto fail;
    }
    if (worker_start(&j->thread, job_main, j) != 0) {
        pthread_mutex_destroy(&j->mu);
        pthread_cond_destroy(&j->cv);
        goto fail;
    }
    return j;
fail:
    free(j->rows);
    free(j->sorted);
    free(j);
    return NULL;
}

int viewjob_wait(ld_viewjob *j, long timeout_ms)
{
    pthread_mutex_lock(&j->mu);
    if (timeout_ms < 0) {
        while (!j->ended) pthread_cond_wait(&j->cv, &j->mu);
    } else if (!j->ended) {
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        ts.tv_sec += timeout_ms / 1000;
        ts.tv_nsec += (timeout_ms % 1000) * 1000000L;
        if (ts.tv_nsec >= 1000000000L) ts.tv_sec++, ts.tv_nsec -= 1000000000L;
        while (!j->ended && pthread_cond_timedwait(&j->cv, &j->mu, &ts) == 0) {}
    }
    int ended = j->ended;
    pthread_mutex_unlock(&j->mu);
    return ended;
}

void viewjob_cancel(ld_viewjob *j)
{
    pthread_mutex_lock(&j->mu);
    atomic_store(&j->p.cancel, 1);
    pthread_cond_broadcast(&j->cv); /* a held job waits on it */
    pthread_mutex_unlock(&j->mu);
}

int viewjob_phase(const ld_viewjob *j) { return atomic_load(&j->p.phase); }

double viewjob_fraction(const ld_viewjob *j)
{
    size_t done = atomic_load(&j->p.done), total = atomic_load(&j->p.total);
    if (!total) return 0;
    return done >= total ? 1.0 : (double)done / (double)total;
}

double viewjob_ms(const ld_viewjob *j) { return j->ms; }

int viewjob_finish(ld_viewjob *j, uint32_t **rows, uint32_t **sorted, size_t *n, ld_scores *scores)
{
    pthread_join(j->thread, NULL);
    int rc = j->rc;
    if (rc == 0) {
        *rows = j->rows;
        *sorted = j->sorted;
        *n = j->n;
        if (scores) *scores = j->scores;
        else score_free(&j->scores);
    } else {
        free(j->rows);
        free(j->sorted);
    }
    pthread_mutex_destroy(&j->mu);
    pthread_cond_destroy(&j->cv);
    free(j);
    return rc;
}
