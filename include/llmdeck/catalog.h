/* catalog.h - the in-memory table of models (or any imported rows).
 *
 * Columnar: each column keeps, per row, an offset of its original cell text
 * in one shared string arena, and numeric columns also a `double` per row
 * (NaN = missing).  Rows are never moved: sorting and filtering work on index
 * arrays (see view.h).  Text is kept verbatim so CSV output can re-emit it.
 *
 * Build a catalog with catalog_add_column / catalog_add_row / catalog_set_cell
 * (or csvload), then call catalog_finish() to type the columns and index the
 * names.  Lookup by name or alias is case-insensitive. */
#ifndef LLMDECK_CATALOG_H
#define LLMDECK_CATALOG_H

#include <stddef.h>
#include <stdint.h>

#include "llmdeck/error.h"

typedef enum { LD_COL_TEXT = 0, LD_COL_NUMBER = 1 } ld_coltype;

/* Column flags. */
enum {
    LD_COLF_DERIVED = 1u << 0, /* computed by llmdeck (value_score); no text */
    LD_COLF_DECLARED_NUMBER = 1u << 1, /* must be numeric: a word is an error */
    LD_COLF_METRIC = 1u << 2,  /* a benchmark metric (weightable) */
    LD_COLF_DECLARED_TEXT = 1u << 3, /* stays text even if its cells look numeric */
    LD_COLF_YESNO = 1u << 4,   /* derived 1/0: shown "yes"/"no", JSON true/false */
    LD_COLF_PERCENTILE = 1u << 5, /* on `quality`: a mean of percentiles (pctrank.h), not of raw scores */
    /* loaded as text because the command reads none of its numbers
     * (ld_csv_options.numbers_read); catalog_keep_numbers types it */
    LD_COLF_UNREAD = 1u << 6,
    LD_COLF_CHECK_NUMBER = 1u << 7 /* ... and declared numeric: each cell checked, a word an error */
};

typedef struct {
    char *id;          /* snake_case column id */
    char *label;       /* header label (defaults to id) */
    char *unit;        /* may be "" */
    char *description; /* may be "" */
    ld_coltype type;
    unsigned flags;
    int higher_is_better; /* 1 (default) or 0 */
    double weight;        /* weight in the value score (0 = not used) */
    uint32_t *text;       /* per row: arena offset of the cell text (0 = empty) */
    double *num;          /* per row, numeric columns only: NaN = missing */
    int decimals;         /* digits shown after the point (-1 = as written) */
    /* Load statistics kept by catalog_set_cell on numeric columns, so that
     * catalog_finish can type a column without parsing it again. */
    size_t n_numbers;     /* cells that parsed as numbers */
    size_t n_words;       /* cells that did not */
    size_t first_word_row;
    /* Change counter, bumped by every cell write: caches compare it. */
    unsigned long gen;
    /* Cache of view.c: each row's rank in the column's text collation
     * order (UINT32_MAX = missing), valid while rank_gen == gen and
     * rank_rows == the row count.  Freed by catalog_free. */
    uint32_t *rank;
    unsigned long rank_gen;
    size_t rank_rows;
} ld_column;

typedef struct ld_catalog ld_catalog;

ld_catalog *catalog_new(void);
void catalog_free(ld_catalog *cat);

size_t catalog_rows(const ld_catalog *cat);
/* Bytes of cell text held (what a text filter scans). */
size_t catalog_text_bytes(const ld_catalog *cat);
size_t catalog_cols(const ld_catalog *cat);
ld_column *catalog_col(const ld_catalog *cat, size_t c);
/* A column's name for people: its label ("LCB 24.08-25.05"), else its id. */
const char *catalog_col_name(const ld_column *c);
/* The same by id: the label of the catalogue's column `id`, else `id`
 * itself (also when there is no such column, or no catalogue). */
const char *catalog_col_name_of(const ld_catalog *cat, const char *id);
/* Column index by id (case-insensitive), or -1. */
int catalog_col_index(const ld_catalog *cat, const char *id);
/* Index of the key column (`model`, else 0). */
size_t catalog_key_col(const ld_catalog *cat);

/* Adds a column (all cells empty) and returns its index, or -1 on error.
 * If it exists already, returns the existing index. */
int catalog_add_column(ld_catalog *cat, const char *id, ld_coltype type,
                       unsigned flags);
/* A number column whose every cell the caller sets at once, before
 * anything reads one (the scores: the same pass that computes them); no
 * pass filling it with "empty" first, which at 200k rows was 3 ms for the
 * four score columns, alone on one core.  Rows added later start empty.
 * If it exists already, returns the existing index, cells unchanged. */
int catalog_add_computed_column(ld_catalog *cat, const char *id, unsigned flags);
/* Appends an empty row and returns its index (or (size_t)-1 on no memory). */
size_t catalog_add_row(ld_catalog *cat);
/* Grows capacity for `rows` rows in advance (optional). */
int catalog_reserve(ld_catalog *cat, size_t rows);
/* Grows the text arena to hold `bytes` more bytes of cell text (optional;
 * a loader that knows the file size avoids repeated copying). */
int catalog_reserve_text(ld_catalog *cat, size_t bytes);
/* Sets a cell's text (copied into the arena; it ends at a NUL byte if it
 * has one).  For numeric columns the number is parsed too and 1 returned
 * if the text is not a number (the cell is then NaN); 0 if fine, -1 on no
 * memory.  Once a column that is not declared numeric has met a word, it
 * is bound to become text, so later cells are no longer parsed (and 0 is
 * returned): this keeps large loads from parsing text columns. */
int catalog_set_cell(ld_catalog *cat, size_t row, size_t col, const char *text,
                     size_t len);
/* For loaders that put the text in the arena themselves (csvload reads a
 * file straight into it).  catalog_text_room makes room for `bytes` more
 * bytes after the arena's end and returns the arena (moved, perhaps: use
 * offsets), with *at the offset of the free part; catalog_text_claim then
 * takes `bytes` of it.  catalog_add_row_at (below) stores a row of such
 * texts.  catalog_mark_row_whole records that row's cells 0..ncells-1
 * lie back to back over `bytes` bytes (last NUL included), and whether one
 * needs CSV quotes (see catalog_row_span). */
char *catalog_text_room(ld_catalog *cat, size_t bytes, size_t *at);
const char *catalog_text_base(const ld_catalog *cat);
/* Whether catalog_text_room(cat, bytes) would leave the arena in place. */
int catalog_text_fits(const ld_catalog *cat, size_t bytes);
void catalog_text_claim(ld_catalog *cat, size_t bytes);
/* Takes the page faults of arena bytes [off, off+len) now (a loader's
 * second thread, ahead of the reader); a no-op where not supported. */
void catalog_text_prefault(const ld_catalog *cat, size_t off, size_t len);
/* Appends a row whose cell k < n is the text at arena offset cells[2k]
 * (length cells[2k+1], claimed already), the rest empty, as catalog_add_row
 * and a catalog_set_cell per cell would, without copying.  Returns the row,
 * or (size_t)-1 on no memory; *bad is the first cell of a declared numeric
 * column that is not a number, or (size_t)-1. */
size_t catalog_add_row_at(ld_catalog *cat, const uint32_t *cells, size_t n, size_t *bad);
void catalog_mark_row_whole(ld_catalog *cat, size_t row, size_t ncells, size_t bytes, int special);
/* For a loader whose rows are whole as a rule: catalog_begin_slim, right
 * after the header's `ncells` columns are added, makes the numeric
 * columns slim (as catalog_slim below) before the first row, and
 * catalog_add_whole_row, catalog_add_row_at plus catalog_mark_row_whole,
 * stores no offsets for them: a large load then never writes 4 bytes a
 * numeric cell only to free them at the end (measured on a 200k x 14
 * file: the load 72 -> 67 ms, 2,000 page faults fewer).  A numeric column
 * that meets its first word gets its offsets (walking the rows so far); a
 * row that is not whole gives every column its offsets back before it is
 * added.  So the catalog ends as catalog_slim would leave it. */
int catalog_begin_slim(ld_catalog *cat, size_t ncells);
size_t catalog_add_whole_row(ld_catalog *cat, const uint32_t *cells, size_t n, size_t bytes, int special,
                             size_t *bad);
void catalog_set_num(ld_catalog *cat, size_t row, size_t col, double v);

/* Cell text ("" when empty; derived columns return ""). */
const char *catalog_text(const ld_catalog *cat, size_t row, size_t col);
/* A row a loader stored whole and nobody changed since: its cells of
 * columns 0..*ncells-1 follow each other in memory, each NUL-terminated.
 * Returns its first cell, in *bytes the length of the whole run (last NUL
 * included) and in *special whether some cell needs quotes in CSV; else
 * NULL.  Lets a full-row CSV export copy the row at once instead of
 * looking up each cell. */
const char *catalog_row_span(const ld_catalog *cat, size_t row, size_t *ncells, size_t *bytes,
                             int *special);
/* The arrays behind catalog_row_span, for a reader of many rows (the CSV
 * export: two calls a row into catalog.c were about a tenth of its time):
 * row r was stored whole when span[r] != 0; its cells then start at
 * text + first[r], span[r] >> 1 bytes, and span[r] & 1 says whether one
 * needs quotes.  Valid until the catalog changes.  span is NULL when no
 * row was stored whole. */
typedef struct {
    const char *text;
    const uint32_t *first, *span;
    size_t nrows, ncells;
} ld_row_spans;
void catalog_row_spans(const ld_catalog *cat, ld_row_spans *out);
/* Memory at a million rows: when every row is kept whole, the numeric
 * columns (not the first, not the key) drop their 4-byte cell offsets and
 * catalog_text finds their cells by walking the row (a few short strings);
 * the first change to a row gives them back.  Their numbers stay.  Returns
 * 1 if some column was slimmed.  csvload calls it; the text of every cell
 * reads the same before and after. */
int catalog_slim(ld_catalog *cat);
/* Cell number (NaN when missing or when the column is text). */
double catalog_num(const ld_catalog *cat, size_t row, size_t col);

/* Decides column types (a column whose non-empty cells all parse as numbers
 * becomes numeric, unless declared text) and builds the name index.
 * A declared-number column with a non-number is an error naming the row;
 * `src` names the file for the message.  `line_of_row` (may be NULL) maps a
 * row to its source line for FILE:LINE:COL. */
int catalog_finish(ld_catalog *cat, const char *src, const long *line_of_row,
                   ld_error *err);

/* A column loaded as text because its numbers were not to be read
 * (LD_COLF_UNREAD): typed now as catalog_finish types a column (numeric
 * when its cells are numbers; a declared one was checked at load), so a
 * sort key the loader could not foresee sorts as numbers.  0 (also for
 * any other column: nothing to do), or -1 out of memory. */
int catalog_keep_numbers(ld_catalog *cat, size_t col);

/* Row whose name or any `|`-separated alias equals `name` (case-insensitive,
 * surrounding blanks ignored), or -1. */
long catalog_find(const ld_catalog *cat, const char *name);

/* Merges `src` into `dst`: rows matching by name or alias update the cells of
 * the columns src has (new columns are added); other rows are appended.
 * Returns the number of merged (not appended) rows, or -1. */
long catalog_merge(ld_catalog *dst, const ld_catalog *src, ld_error *err);

/* Parses a number cell: plain decimal / exponent notation.  Returns 0 and
 * sets *out, 1 for an empty/missing marker (NA, N/A, -, null, none), or -1
 * when the text is not a number (including nan, inf and overflow). */
int catalog_parse_number(const char *s, size_t len, double *out);

#endif
