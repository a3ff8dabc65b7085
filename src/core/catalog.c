/* catalog.c - columnar rows with a string arena and a name/alias index. */
#include "llmdeck/catalog.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <stdint.h>
#include <sys/mman.h>

#include "numparse.h"

#include "catalog_impl.h"


ld_catalog *catalog_new(void)
{
    ld_catalog *cat = calloc(1, sizeof *cat);
    if (!cat) return NULL;
    cat->acap = 4096;
    cat->arena = malloc(cat->acap);
    if (!cat->arena) {
        free(cat);
        return NULL;
    }
    cat->arena[0] = '\0';
    cat->alen = 1;
    cat->index_dirty = 1;
    cat->model_col = -1;
    return cat;
}

void catalog_free(ld_catalog *cat)
{
    if (!cat) return;
    for (size_t c = 0; c < cat->ncols; c++) {
        ld_column *col = &cat->cols[c];
        free(col->id);
        free(col->label);
        free(col->unit);
        free(col->description);
        free(col->text);
        free(col->num);
        free(col->rank);
    }
    free(cat->cols);
    free(cat->col_slots);
    free(cat->row_span);
    free(cat->arena);
    catalog_free_index(cat);
    free(cat);
}

size_t catalog_rows(const ld_catalog *cat) { return cat->nrows; }
size_t catalog_text_bytes(const ld_catalog *cat) { return cat->alen; }
size_t catalog_cols(const ld_catalog *cat) { return cat->ncols; }

const char *catalog_col_name(const ld_column *c) { return c->label && *c->label ? c->label : c->id; }

const char *catalog_col_name_of(const ld_catalog *cat, const char *id)
{
    int c = cat ? catalog_col_index(cat, id) : -1;
    return c >= 0 ? catalog_col_name(catalog_col(cat, (size_t)c)) : id;
}

ld_column *catalog_col(const ld_catalog *cat, size_t c)
{
    return c < cat->ncols ? &cat->cols[c] : NULL;
}

int catalog_col_index(const ld_catalog *cat, const char *id)
{
    if (!cat->ncol_slots) return -1;
    size_t s = catalog_hash_lower(id, strlen(id)) & (cat->ncol_slots - 1);
    while (cat->col_slots[s]) {
        size_t c = cat->col_slots[s] - 1;
        if (strcasecmp(cat->cols[c].id, id) == 0) return (int)c;
        s = (s + 1) & (cat->ncol_slots - 1);
    }
    return -1;
}

/* Puts column c in the id hash, growing it to keep it half empty. */
static int hash_column(ld_catalog *cat, size_t c)
{
    if ((c + 1) * 2 > cat->ncol_slots) {
        size_t ns = cat->ncol_slots ? cat->ncol_slots * 2 : 32;
        while ((c + 1) * 2 > ns) ns *= 2;
        uint32_t *slots = calloc(ns, sizeof *slots);
        if (!slots) return -1;
        free(cat->col_slots);
        cat->col_slots = slots;
        cat->ncol_slots = ns;
        for (size_t k = 0; k < c; k++) {
            size_t s = catalog_hash_lower(cat->cols[k].id, strlen(cat->cols[k].id)) & (ns - 1);
            while (slots[s]) s = (s + 1) & (ns - 1);
            slots[s] = (uint32_t)(k + 1);
        }
    }
    size_t s = catalog_hash_lower(cat->cols[c].id, strlen(cat->cols[c].id)) & (cat->ncol_slots - 1);
    while (cat->col_slots[s]) s = (s + 1) & (cat->ncol_slots - 1);
    cat->col_slots[s] = (uint32_t)(c + 1);
    return 0;
}

size_t catalog_key_col(const ld_catalog *cat)
{
    return cat->model_col >= 0 ? (size_t)cat->model_col : 0;
}

/* A slim column (see catalog_slim) keeps no offsets: its cells are found
 * by walking the row, which a loader stored whole. */
static int is_slim(const ld_catalog *cat, size_t c)
{
    return !cat->cols[c].text && c > 0 && c < cat->whole_cols;
}

/* Cell `col` of a whole row: walked from the nearest cell to its left
 * whose column keeps offsets (the first always does), past the
 * NUL-terminated cells in between. */
static const char *cell_of_row(const ld_catalog *cat, size_t row, size_t col)
{
    size_t from = col;
    while (from > 0 && !cat->cols[from].text) from--;
    const char *p = cat->arena + cat->cols[from].text[row];
    for (size_t k = from; k < col; k++) p += strlen(p) + 1;
    return p;
}

/* Gives slim column c its offsets for rows [0, rows), found by walking. */
static int unslim_column(ld_catalog *cat, size_t c, size_t rows)
{
    uint32_t *t = calloc(cat->caprows ? cat->caprows : 1, sizeof *t);
    if (!t) return -1;
    for (size_t r = 0; r < rows; r++) t[r] = (uint32_t)(cell_of_row(cat, r, c) - cat->arena);
    cat->cols[c].text = t;
    return 0;
}

/* Gives the slim columns their offsets back, before anything changes a
 * row (a changed cell or a new row is no longer found by walking). */
static int unslim(ld_catalog *cat)
{
    if (!cat->slim) return 0;
    for (size_t c = 1; c < cat->whole_cols && c < cat->ncols; c++)
        if (is_slim(cat, c) && unslim_column(cat, c, cat->nrows) != 0) return -1;
    cat->slim = 0;
    return 0;
}

/* Drops the offsets of the numeric columns among the first whole_cols
 * (not the first column, not the key), and of the columns whose numbers
 * go unread (LD_COLF_UNREAD: a CSV export copies their rows whole, and
 * catalog_text finds a cell by walking its row); returns whether some
 * column is slim now. */
static int drop_numeric_offsets(ld_catalog *cat)
{
    size_t key = catalog_key_col(cat);
    int any = 0;
    for (size_t c = 1; c < cat->whole_cols && c < cat->ncols; c++) {
        ld_column *col = &cat->cols[c];
        if ((col->type == LD_COL_NUMBER || (col->flags & LD_COLF_UNREAD)) && !(col->flags & LD_COLF_DERIVED) &&
            c != key) {
            free(col->text);
            col->text = NULL;
        }
        any |= is_slim(cat, c);
    }
    cat->slim = any;
    return any;
}

int catalog_slim(ld_catalog *cat)
{
    if (cat->whole_cols < 2 || cat->nrows == 0) return 0;
    for (size_t r = 0; r < cat->nrows; r++)
        if (!cat->row_span[r]) return 0; /* a row not kept whole: its cells need their offsets */
    return drop_numeric_offsets(cat);
}

int catalog_begin_slim(ld_catalog *cat, size_t ncells)
{
    if (cat->nrows != 0 || ncells < 2 || ncells != cat->ncols) return 0;
    cat->whole_cols = ncells;
    return drop_numeric_offsets(cat);
}

/* No MADV_HUGEPAGE on the large arrays (it was here until 2026-12-03):
 * with the kernel's THP defrag set to "madvise" (Debian's default), a huge
 * page fault in a fragmented memory compacts it first, and after another
 * big program had run (the bench interleaves Miller, 600 MB) 8 of 12 jobs
 * on 200k rows took 0.36-0.56 s instead of 0.12-0.14, and a 1M-row job up
 * to 2.6 s instead of 0.46 (system time).  Without it a calm run costs a
 * few per cent more page faults; every run is as fast as the calm one. */
static int grow_column(ld_column *col, size_t cap, int with_num, int slim)
{
    if (!slim) { /* a slim column's cells are found in their rows (catalog_slim) */
        uint32_t *t = realloc(col->text, cap * sizeof *t);
        if (!t) return -1;
        col->text = t;
    }
    if (with_num) {
        double *d = realloc(col->num, cap * sizeof *d);
        if (!d) return -1;
        col->num = d;
    }
    return 0;
}

int catalog_reserve(ld_catalog *cat, size_t rows)
{
    if (rows <= cat->caprows) return 0;
    for (size_t c = 0; c < cat->ncols; c++) {
        ld_column *col = &cat->cols[c];
        if (grow_column(col, rows, col->num != NULL, is_slim(cat, c)) != 0) return -1;
    }
    uint32_t *span = realloc(cat->row_span, rows * sizeof *span);
    if (!span) return -1;
    cat->row_span = span;
    cat->caprows = rows;
    return 0;
}

static char *dup_str(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d) memcpy(d, s, n);
    return d;
}

/* fill: a new number column's cells start empty (NaN); without, the
 * caller sets every row's before anything reads them. */
static int add_column(ld_catalog *cat, const char *id, ld_coltype type, unsigned flags, int fill)
{
    int existing = catalog_col_index(cat, id);
    if (existing >= 0) {
        ld_column *col = &cat->cols[existing];
        col->flags |= flags;
        if (type == LD_COL_NUMBER && !col->num) {
            col->num = malloc((cat->caprows ? cat->caprows : 1) * sizeof *col->num);
            if (!col->num) return -1;
            for (size_t r = 0; r < cat->nrows; r++) {
                double v;
                const char *s = catalog_text(cat, r, (size_t)existing);
                col->num[r] = numparse_cell(s, strlen(s), &v) == 0 ? v : NAN;
            }
            col->type = LD_COL_NUMBER;
            cat->stats_stale = 1;
        }
        return existing;
    }
    if (cat->ncols == cat->capcols) {
        size_t cap = cat->capcols ? cat->capcols * 2 : 16;
        ld_column *c = realloc(cat->cols, cap * sizeof *c);
        if (!c) return -1;
        cat->cols = c;
        cat->capcols = cap;
    }
    ld_column *col = &cat->cols[cat->ncols];
    memset(col, 0, sizeof *col);
    col->id = dup_str(id);
    col->label = dup_str(id);
    col->unit = dup_str("");
    col->description = dup_str("");
    col->type = type;
    col->flags = flags;
    col->higher_is_better = 1;
    col->decimals = -1;
    size_t cap = cat->caprows ? cat->caprows : 1;
    col->text = calloc(cap, sizeof *col->text);
    if (type == LD_COL_NUMBER) {
        col->num = malloc(cap * sizeof *col->num);
        /* the rows there are; a row added later empties its own cells */
        if (col->num && fill)
            for (size_t r = 0; r < cat->nrows; r++) col->num[r] = NAN;
    }
    if (!col->id || !col->label || !col->unit || !col->description || !col->text ||
        (type == LD_COL_NUMBER && !col->num)) {
        free(col->id); free(col->label); free(col->unit); free(col->description);
        free(col->text); free(col->num);
        return -1;
    }
    if (hash_column(cat, cat->ncols) != 0) {
        free(col->id); free(col->label); free(col->unit); free(col->description);
        free(col->text); free(col->num);
        return -1;
    }
    if (cat->model_col < 0 && strcasecmp(id, "model") == 0) cat->model_col = (int)cat->ncols;
    cat->ncols++;
    return (int)(cat->ncols - 1);
}

int catalog_add_column(ld_catalog *cat, const char *id, ld_coltype type, unsigned flags)
{
    return add_column(cat, id, type, flags, 1);
}

int catalog_add_computed_column(ld_catalog *cat, const char *id, unsigned flags)
{
    return add_column(cat, id, LD_COL_NUMBER, flags, 0);
}

size_t catalog_add_row(ld_catalog *cat)
{
    if (unslim(cat) != 0) return (size_t)-1;
    if (cat->nrows == cat->caprows) {
        size_t cap = cat->caprows ? cat->caprows * 2 : 64;
        if (catalog_reserve(cat, cap) != 0) return (size_t)-1;
    }
    size_t r = cat->nrows++;
    for (size_t c = 0; c < cat->ncols; c++) {
        cat->cols[c].text[r] = 0;
        if (cat->cols[c].num) cat->cols[c].num[r] = NAN;
    }
    cat->row_span[r] = 0;
    cat->index_dirty = 1;
    return r;
}

int catalog_reserve_text(ld_catalog *cat, size_t bytes)
{
    size_t want = cat->alen + bytes + 1;
    if (want <= cat->acap) return 0;
    if (want > UINT32_MAX) want = UINT32_MAX;
    char *a = realloc(cat->arena, want);
    if (!a) return -1;
    cat->arena = a;
    cat->acap = want;
    return 0;
}

/* Appends text to the arena; returns its offset, or 0 with *fail set. */
static uint32_t arena_put(ld_catalog *cat, const char *text, size_t len, int *fail)
{
    if (len == 0) return 0;
    if (cat->alen + len + 1 > cat->acap) {
        size_t cap = cat->acap;
        while (cat->alen + len + 1 > cap) cap *= 2;
        if (cap > UINT32_MAX && cat->alen + len + 1 <= UINT32_MAX) cap = UINT32_MAX;
        if (cap > UINT32_MAX) { /* offsets are 32-bit: 4 GiB of text at most */
            *fail = 1;
            return 0;
        }
        char *a = realloc(cat->arena, cap);
        if (!a) {
            *fail = 1;
            return 0;
        }
        cat->arena = a;
        cat->acap = cap;
    }
    uint32_t off = (uint32_t)cat->alen;
    memcpy(cat->arena + off, text, len);
    cat->arena[off + len] = '\0';
    cat->alen += len + 1;
    return off;
}

char *catalog_text_room(ld_catalog *cat, size_t bytes, size_t *at)
{
    if (catalog_reserve_text(cat, bytes) != 0 || cat->alen + bytes + 1 > cat->acap) return NULL;
    *at = cat->alen;
    return cat->arena;
}

void catalog_text_prefault(const ld_catalog *cat, size_t off, size_t len)
{
#ifdef MADV_POPULATE_WRITE
    if (off >= cat->acap) return;
    if (len > cat->acap - off) len = cat->acap - off;
    uintptr_t a = ((uintptr_t)(cat->arena + off) + 4095) & ~(uintptr_t)4095;
    uintptr_t e = ((uintptr_t)(cat->arena + off + len)) & ~(uintptr_t)4095;
    if (e > a) madvise((void *)a, e - a, MADV_POPULATE_WRITE); /* refused: the reader faults them */
#else
    (void)cat;
    (void)off;
    (void)len;
#endif
}

int catalog_text_fits(const ld_catalog *cat, size_t bytes)
{
    return cat->alen + bytes + 1 <= cat->acap;
}

const char *catalog_text_base(const ld_catalog *cat) { return cat->arena; }

void catalog_text_claim(ld_catalog *cat, size_t bytes)
{
    cat->alen += bytes;
}

void catalog_mark_row_whole(ld_catalog *cat, size_t row, size_t ncells, size_t bytes, int special)
{
    /* every marked row covers the same columns: the loader's header */
    if (ncells == 0 || bytes == 0 || bytes > UINT32_MAX / 2 ||
        (cat->whole_cols && cat->whole_cols != ncells))
        return;
    cat->whole_cols = ncells;
    cat->row_span[row] = (uint32_t)(bytes << 1) | (special ? 1u : 0u);
}

void catalog_row_spans(const ld_catalog *cat, ld_row_spans *out)
{
    out->text = cat->arena;
    out->first = cat->ncols ? cat->cols[0].text : NULL;
    out->span = out->first ? cat->row_span : NULL;
    out->nrows = cat->nrows;
    out->ncells = cat->whole_cols;
}

const char *catalog_row_span(const ld_catalog *cat, size_t row, size_t *ncells, size_t *bytes,
                             int *special)
{
    if (row >= cat->nrows || !cat->row_span[row]) return NULL;
    *ncells = cat->whole_cols;
    *bytes = cat->row_span[row] >> 1;
    *special = (int)(cat->row_span[row] & 1);
    return cat->arena + cat->cols[0].text[row];
}

/* Parses a numeric column's cell as it arrives; see catalog_set_cell.
 * `in_arena`: the cell lies in the arena at least 16 bytes from its
 * start, so numparse_tail may read the bytes before it. */
static int note_number(ld_column *c, size_t row, const char *text, size_t len, int in_arena)
{
    double v; /* the common shape first (the load's inner loop), numparse_cell for the rest */
    int rc = (in_arena ? numparse_tail(text, len, &v) : numparse_simple(text, len, &v)) == 0
                 ? 0
                 : numparse_cell(text, len, &v);
    c->num[row] = rc == 0 ? v : NAN;
    if (rc == 0) c->n_numbers++;
    if (rc < 0 && c->n_words++ == 0) {
        c->first_word_row = row;
        if (!(c->flags & LD_COLF_DECLARED_NUMBER)) { /* bound to be text: drop */
            free(c->num);                            /* its numbers now */
            c->num = NULL;
            c->type = LD_COL_TEXT;
        }
    }
    return rc < 0 ? 1 : 0;
}

/* A column that met a word will be text (unless declared numeric):
 * parsing the rest of it is wasted work on large loads. */
static int parses_numbers(const ld_column *c)
{
    return c->num && !(c->n_words && !(c->flags & LD_COLF_DECLARED_NUMBER));
}

size_t catalog_add_row_at(ld_catalog *cat, const uint32_t *cells, size_t n, size_t *bad)
{
    *bad = (size_t)-1;
    if (unslim(cat) != 0) return (size_t)-1;
    if (cat->nrows == cat->caprows) {
        size_t cap = cat->caprows ? cat->caprows * 2 : 64;
        if (catalog_reserve(cat, cap) != 0) return (size_t)-1;
    }
    size_t r = cat->nrows++, k = 0;
    for (; k < n && k < cat->ncols; k++) {
        ld_column *c = &cat->cols[k];
        uint32_t off = cells[2 * k];
        c->text[r] = off;
        c->gen++;
        if (parses_numbers(c) && note_number(c, r, cat->arena + off, cells[2 * k + 1], off + cells[2 * k + 1] >= 16) == 1 &&
            (c->flags & LD_COLF_DECLARED_NUMBER) && *bad == (size_t)-1)
            *bad = k;
        else if (c->num && !parses_numbers(c))
            c->num[r] = NAN;
        else if (!c->num && (c->flags & LD_COLF_CHECK_NUMBER) && *bad == (size_t)-1 &&
                 numparse_is_word(cat->arena + off, cells[2 * k + 1]))
            *bad = k; /* declared numeric, its numbers unread: still no word */
    }
    for (; k < cat->ncols; k++) { /* a short row: the rest empty */
        cat->cols[k].text[r] = 0;
        if (cat->cols[k].num) cat->cols[k].num[r] = NAN;
    }
    cat->row_span[r] = 0;
    cat->index_dirty = 1;
    return r;
}

size_t catalog_add_whole_row(ld_catalog *cat, const uint32_t *cells, size_t n, size_t bytes, int special,
                             size_t *bad)
{
    if (!cat->slim || n != cat->whole_cols || bytes == 0 || bytes > UINT32_MAX / 2) {
        size_t r = catalog_add_row_at(cat, cells, n, bad); /* gives the offsets back first */
        if (r != (size_t)-1) catalog_mark_row_whole(cat, r, n, bytes, special);
        return r;
    }
    *bad = (size_t)-1;
    if (cat->nrows == cat->caprows && catalog_reserve(cat, cat->caprows ? cat->caprows * 2 : 64) != 0)
        return (size_t)-1;
    size_t r = cat->nrows++;
    /* whole before its cells are stored: a column that turns text below
     * finds this row's cell by walking it */
    cat->row_span[r] = (uint32_t)(bytes << 1) | (special ? 1u : 0u);
    for (size_t k = 0; k < n && k < cat->ncols; k++) {
        ld_column *c = &cat->cols[k];
        if (c->text) c->text[r] = cells[2 * k];
        c->gen++;
        if (parses_numbers(c)) {
            if (note_number(c, r, cat->arena + cells[2 * k], cells[2 * k + 1], cells[2 * k] + cells[2 * k + 1] >= 16) == 1 &&
                (c->flags & LD_COLF_DECLARED_NUMBER) && *bad == (size_t)-1)
                *bad = k;
            /* its first word: the column will be text, and text keeps offsets */
            if (!c->text && !parses_numbers(c) && unslim_column(cat, k, r + 1) != 0) return (size_t)-1;
        } else if (c->num) {
            c->num[r] = NAN;
        } else if ((c->flags & LD_COLF_CHECK_NUMBER) && *bad == (size_t)-1 &&
                   numparse_is_word(cat->arena + cells[2 * k], cells[2 * k + 1])) {
            *bad = k; /* declared numeric, its numbers unread: still no word */
        }
    }
    for (size_t k = n; k < cat->ncols; k++) { /* columns added after the header: empty */
        if (cat->cols[k].text) cat->cols[k].text[r] = 0;
        if (cat->cols[k].num) cat->cols[k].num[r] = NAN;
    }
    cat->index_dirty = 1;
    return r;
}

int catalog_set_cell(ld_catalog *cat, size_t row, size_t col, const char *text,
                     size_t len)
{
    if (unslim(cat) != 0) return -1;
    ld_column *c = &cat->cols[col];
    int fail = 0;
    len = strnlen(text, len); /* a cell is a C string: it ends at a NUL */
    uint32_t off = arena_put(cat, text, len, &fail);
    if (fail) return -1;
    c->text[row] = off;
    c->gen++;
    cat->row_span[row] = 0; /* its cells are no longer where the loader put them */
    if (!cat->index_dirty && (col == catalog_key_col(cat) || strcmp(c->id, "aliases") == 0))
        cat->index_dirty = 1;
    return parses_numbers(c) ? note_number(c, row, text, len, 0) : 0;
}

void catalog_set_num(ld_catalog *cat, size_t row, size_t col, double v)
{
    ld_column *c = &cat->cols[col];
    if (c->num) {
        /* n_numbers follows on a data column (the quality leaves out one
         * nobody was measured on); a computed column's cells are not
         * initialised before they are set (catalog_add_computed_column),
         * and no score weighs one */
        if (!(c->flags & LD_COLF_DERIVED)) {
            int had = !isnan(c->num[row]), has = !isnan(v);
            if (has && !had) c->n_numbers++;
            else if (had && !has && c->n_numbers) c->n_numbers--;
        }
        c->num[row] = v;
    }
    c->gen++;
}

const char *catalog_text(const ld_catalog *cat, size_t row, size_t col)
{
    const uint32_t *t = cat->cols[col].text;
    if (__builtin_expect(t != NULL, 1)) return cat->arena + t[row];
    return cell_of_row(cat, row, col);
}

double catalog_num(const ld_catalog *cat, size_t row, size_t col)
{
    const ld_column *c = &cat->cols[col];
    return c->num ? c->num[row] : NAN;
}

int catalog_parse_number(const char *s, size_t len, double *out)
{
    return numparse_cell(s, len, out);
}

/* Counts numbers and words of a column from scratch. */
static int restat_column(ld_catalog *cat, ld_column *col)
{
    if (!col->num) {
        col->num = malloc((cat->caprows ? cat->caprows : 1) * sizeof *col->num);
        if (!col->num) return -1;
    }
    col->n_numbers = col->n_words = 0;
    size_t c = (size_t)(col - cat->cols);
    for (size_t r = 0; r < cat->nrows; r++) {
        const char *s = catalog_text(cat, r, c);
        double v;
        int rc = numparse_cell(s, strlen(s), &v);
        col->num[r] = rc == 0 ? v : NAN;
        if (rc == 0) col->n_numbers++;
        if (rc < 0 && col->n_words++ == 0) col->first_word_row = r;
    }
    return 0;
}

int catalog_finish(ld_catalog *cat, const char *src, const long *line_of_row,
                   ld_error *err)
{
    size_t key = catalog_key_col(cat);
    for (size_t c = 0; c < cat->ncols; c++) {
        ld_column *col = &cat->cols[c];
        if (col->flags & LD_COLF_DERIVED) continue;
        int numeric = !(col->flags & LD_COLF_DECLARED_TEXT) && c != key;
        /* columns loaded as text (or overwritten by a merge) are parsed now;
         * the loader's numeric columns were parsed as their cells arrived */
        /* a column that met a word while loading is text: no need to parse it again */
        int known_text = !col->num && col->n_words > 0 && !cat->stats_stale;
        if (numeric && !known_text && (!col->num || cat->stats_stale) && restat_column(cat, col) != 0)
            return error_set(err, LD_ERR_NOMEM, src, 0, 0, "out of memory");
        if (numeric && col->n_words == 0 && (col->n_numbers > 0 || (col->flags & LD_COLF_DECLARED_NUMBER))) {
            col->type = LD_COL_NUMBER;
        } else if (numeric && (col->flags & LD_COLF_DECLARED_NUMBER)) {
            size_t bad = col->first_word_row;
            const char *s = catalog_text(cat, bad, c);
            return error_set(err, LD_ERR_PARSE, src, line_of_row ? line_of_row[bad] : 0, 0,
                             "row %zu: column '%s' expects a number, got '%.40s'", bad + 1, col->id, s);
        } else {
            col->type = LD_COL_TEXT;
            free(col->num);
            col->num = NULL;
        }
    }
    cat->stats_stale = 0;
    cat->index_dirty = 1;
    return 0;
}

int catalog_keep_numbers(ld_catalog *cat, size_t col)
{
    if (col >= cat->ncols || !(cat->cols[col].flags & LD_COLF_UNREAD)) return 0;
    ld_column *c = &cat->cols[col];
    c->flags &= ~(LD_COLF_UNREAD | LD_COLF_DECLARED_TEXT);
    if (c->flags & LD_COLF_CHECK_NUMBER) c->flags = (c->flags & ~LD_COLF_CHECK_NUMBER) | LD_COLF_DECLARED_NUMBER;
    /* as a column loaded as text: parsed, then typed (the numeric columns
     * already typed are not parsed again) */
    ld_error err;
    error_clear(&err);
    int rc = catalog_finish(cat, "", NULL, &err);
    c->gen++;
    return rc == 0 ? 0 : -1; /* a word in a declared column was refused at load: only memory */
}

