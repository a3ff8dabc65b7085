/* csvload.h - CSV (RFC 4180; the scanner is checked against libcsv) into a
 * catalog.
 *
 * One pass over the bytes, read straight into the catalog's arena and
 * scanned there: no allocation and, for most cells, no copy per cell.
 * A UTF-8 BOM and CRLF line endings are accepted.  Errors carry
 * FILE:LINE:COL. */
#ifndef LLMDECK_CSVLOAD_H
#define LLMDECK_CSVLOAD_H

#include <stddef.h>

#include "llmdeck/catalog.h"
#include "llmdeck/error.h"

/* Called now and then during a long load: return non-zero to cancel. */
typedef int (*ld_progress_fn)(void *ctx, size_t bytes_done, size_t bytes_total,
                              size_t rows);

/* Regular files at least this big are loaded by two threads, one reading
 * and scanning, one storing rows and parsing numbers (same result; below
 * this size a thread costs more than it saves). */
#define LD_CSV_THREADED_MIN (4u << 20)

/* A file is read in chunks of LD_CSV_CHUNK bytes, the first one smaller:
 * the storing thread gets its first rows sooner (it waited for a whole
 * first chunk to be read and scanned).  Records cut by a chunk's end are
 * read on; the tests put tricky records on both boundaries. */
#define LD_CSV_FIRST_CHUNK (1u << 17)
#define LD_CSV_CHUNK (1u << 20)

typedef struct {
    const char *const *number_cols; /* ids that must be numeric (NULL-terminated, may be NULL) */
    const char *const *text_cols;   /* ids that stay text (NULL-terminated, may be NULL) */
    ld_progress_fn progress;        /* may be NULL */
    void *progress_ctx;
    int unique_names;               /* the key column and `aliases` name each row once */
    int one_thread;                 /* never store on a second thread (tests compare both ways) */
    int no_frontier;                /* dataset_open_files, dataset_load: score without the frontier
                                       column (left empty), for a command that shows, sorts and
                                       filters none (score_update_opts) */
    /* Not NULL: the only column ids whose numbers the caller reads (NULL-
     * terminated).  Every other column is loaded as text (LD_COLF_UNREAD):
     * no number parsed or stored, for a command that copies such cells as
     * written (`table FILE --format csv`); one metrics.json declares
     * numeric is still checked cell by cell, a word the same error at its
     * FILE:LINE:COL (LD_COLF_CHECK_NUMBER).  catalog_keep_numbers types one
     * later.  dataset_open_files adds the ids its data set reads itself
     * (weighted metrics, the cost), or drops the list when its metrics.json
     * derives columns. */
    const char *const *numbers_read;
} ld_csv_options;

/* Parses `len` bytes of CSV named `name` (for messages) into a new catalog.
 * The header row gives column ids (converted to snake_case).  Returns NULL
 * and fills `err` on failure. */
ld_catalog *csvload_buffer(const char *data, size_t len, const char *name,
                           const ld_csv_options *opt, ld_error *err);

/* Reads a file and parses it (see csvload_buffer); "-" is standard input
 * (named "<stdin>" in messages).  A pipe is read as it comes. */
ld_catalog *csvload_file(const char *path, const ld_csv_options *opt,
                         ld_error *err);

/* "Open LLM Score (%)" -> "open_llm_score"; writes at most n bytes. */
void csvload_snake_case(const char *in, size_t len, char *out, size_t n);

/* The largest file read whole (JSON, rules, themes, key scripts, a --data
 * catalogue): a bigger one, or one without end (/dev/zero), is refused. */
#define CSVLOAD_MAX_WHOLE_FILE ((size_t)256 << 20)

/* Reads a whole file into a NUL-terminated malloc'd buffer. */
char *csvload_read_file(const char *path, size_t *len, ld_error *err);

#endif
