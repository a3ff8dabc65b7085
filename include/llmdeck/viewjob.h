/* viewjob.h - a filter and sort on a helper thread, watched and cancelled
 * from the caller's (the TUI's answer to "no key blocks at a million rows").
 *
 * The job computes a whole new view: the rows passing the filter (or the
 * given rows) and those rows sorted, in arrays of its own, so the caller's
 * view stays as it was until it takes the result in one step
 * (viewjob_finish), or throws it away (viewjob_cancel).  While a job runs
 * the catalogue, the filter and the sort cache are the job's: the caller
 * only reads the catalogue (drawing) and changes nothing in it. */
#ifndef LLMDECK_VIEWJOB_H
#define LLMDECK_VIEWJOB_H

#include <stddef.h>
#include <stdint.h>

#include "llmdeck/catalog.h"
#include "llmdeck/filter.h"
#include "llmdeck/score.h"
#include "llmdeck/view.h"

typedef struct {
    const ld_catalog *cat;
    int refilter;            /* 1: the rows are the catalogue's passing `filter` */
    const ld_filter *filter; /* (NULL: every row) */
    const uint32_t *rows;    /* refilter = 0: the rows to sort (copied at start) */
    size_t n;
    ld_sort_key keys[LD_MAX_SORT_KEYS];
    size_t nkeys;            /* 0: the rows stay in their order */
    ld_sort_cache *cache;    /* may be NULL */
    unsigned long set_id;    /* the cache's id of the row set (view.h) */
    int hold;                /* tests: the thread does nothing until cancelled */
    int (*task)(void *arg);  /* else: any computation that only reads the */
    void *task_arg;          /* catalogue (0 or -1); it cannot be cancelled */
    int rescore;             /* 1: compute the scores (score.h) with this */
    ld_missing policy;       /* rule (score_prepare must have run), then sort
                              * the given rows by them (no filter, no cache) */
} ld_viewjob_spec;

typedef struct ld_viewjob ld_viewjob;

/* Starts the job; NULL if it could not (no memory, no thread). */
ld_viewjob *viewjob_start(const ld_viewjob_spec *s);
/* Waits up to timeout_ms (< 0: for ever): 1 if the job has ended. */
int viewjob_wait(ld_viewjob *j, long timeout_ms);
/* Asks the job to stop; it ends within a few milliseconds. */
void viewjob_cancel(ld_viewjob *j);
/* What the job is doing (LD_PHASE_*) and how far it is, 0..1. */
int viewjob_phase(const ld_viewjob *j);
double viewjob_fraction(const ld_viewjob *j);
/* Milliseconds the job's thread worked (known once it has ended). */
double viewjob_ms(const ld_viewjob *j);
/* Waits for the end, frees the job and returns 0 with the new view (the
 * caller owns *rows and *sorted, each room for every catalogue row, and
 * *n rows in both; for a rescore also the new *scores to score_install),
 * LD_CANCELLED or -1 (no memory): nothing returned.  scores may be NULL
 * but for a rescore. */
int viewjob_finish(ld_viewjob *j, uint32_t **rows, uint32_t **sorted, size_t *n, ld_scores *scores);

#endif
