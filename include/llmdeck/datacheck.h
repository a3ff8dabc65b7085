/* datacheck.h - `llmdeck data --check`: is a data set fit to ship?
 *
 * Checks, with FILE:LINE for each finding:
 *   - every models.csv row has a source; a row with architecture figures an
 *     arch_source, with benchmark figures a bench_source, with hosted
 *     prices a price_source;
 *   - one setting per metric column: every benchmark figure has its
 *     metric=setting entry in bench_settings, and that setting fits the
 *     column's (metrics.json columns.ID.setting: all / any / none words);
 *   - the parameter count recomputed from the architecture (arch.h) is
 *     within 3% of params_b (param_check yes; computed: within 0.5%; no:
 *     skipped, with a reason in arch_note), and every open row's KV cache
 *     can be computed;
 *   - names and aliases are unique across rows (case-insensitive);
 *   - gpus.csv: every hourly price has a price_date; one older than 12
 *     months before `today` is a warning, not an error;
 *   - metrics.json: a column dated as a whole (columns.ID.as_of, the arena
 *     snapshot) older than 12 months is a warning too; a derived column's
 *     reference (derive.reference) must be its reference_row's own value;
 *   - the newest open model released more than 12 months before `today`
 *     is a warning (models released since are missing);
 *   - global_kv_heads and global_head_dim come together, on a GQA model
 *     with a sliding window and global_layers (else they would be ignored).
 * Errors make the data unfit (exit 1); warnings are reported only. */
#ifndef LLMDECK_DATACHECK_H
#define LLMDECK_DATACHECK_H

#include <stddef.h>

#include "llmdeck/dataset.h"

typedef struct {
    int error;         /* 1 error, 0 warning */
    char file[256];
    long line;         /* 0 = the whole file */
    char msg[512];
} ld_finding;

typedef struct {
    ld_finding *v;
    size_t n, cap;
    size_t errors, warnings;
    size_t rows_checked, params_checked;
} ld_check_report;

/* Checks the data set's files.  `today` is "YYYY-MM-DD" (for the age of
 * prices).  Returns 0, or -1 when out of memory. */
int datacheck_run(const ld_dataset *ds, const char *today, ld_check_report *rep);
void datacheck_free(ld_check_report *rep);

#endif
