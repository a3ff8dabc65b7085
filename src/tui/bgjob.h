/* bgjob.h - the loop's side of the background jobs (table_job.c): a sort
 * or filter that would block a key for long runs on a helper thread while
 * the screen stays live.  While one runs, keys go here instead of to the
 * views: Esc cancels it (the view stays as it was before the key), q
 * cancels it and quits, and any other key is refused with a message, so
 * nothing can change the catalogue the job is reading.  The prompt is the
 * exception: a filter typed live replaces the job it started. */
#ifndef LLMDECK_TUI_BGJOB_H
#define LLMDECK_TUI_BGJOB_H

#include "app.h"

/* Whether a job runs. */
int bgjob_running(const app *a);
/* A key while a job runs. */
void bgjob_key(app *a, ld_key k);
/* Takes the result of a job that has ended, waiting up to wait_ms for it
 * (< 0: until it ends); 1 if the view changed. */
int bgjob_poll(app *a, long wait_ms);
/* The last job's thread time in ms since the last call, or -1 (bench). */
double bgjob_take_ms(app *a);
/* Whether the running job is held for a test (LLMDECK_JOB_HOLD): it waits
 * for Esc, so headless runs must not wait for it before the next key. */
int bgjob_held(const app *a);

#endif
