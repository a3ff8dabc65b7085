/* test_csv_export.c - CSV export of rows the loader kept whole (copied at
 * once, src/core/csvrows.c) against the cell-by-cell writer. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "llmdeck/catalog.h"
#include "llmdeck/csvload.h"
#include "llmdeck/output.h"

#include "render.h"

/* ---- CSV export: rows copied whole against cell by cell -------------------
 *
 * write_csv copies a row the loader kept whole (catalog_row_span) at once
 * when every loaded column is exported in order; other rows, and rows
 * changed since the load, are written cell by cell.  The two must write the
 * same bytes: a loaded catalogue and one holding the same cells set through
 * the API (always cell by cell) export byte for byte alike, in any row order,
 * and the export reads back to the cells. */

#define DCOLS 6
static const char *const DIDS[DCOLS] = {"model", "note", "score", "open_llm", "extra", "last_col"};
static const char DHEADER[] = "model,Note,score,Open LLM (%),extra,last col";

static uint32_t xs32(uint32_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 17;
    *s ^= *s << 5;
    return *s;
}

/* A growing byte string. */
typedef struct {
    char *s;
    size_t n, cap;
} sbuf;

static void sb_put(sbuf *b, const char *p, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->n + n + 1) cap *= 2;
        b->s = realloc(b->s, cap);
        assert_non_null(b->s);
        b->cap = cap;
    }
    if (n) memcpy(b->s + b->n, p, n);
    b->n += n;
    b->s[b->n] = '\0';
}

static void sb_str(sbuf *b, const char *p) { sb_put(b, p, strlen(p)); }

/* Does this text need quotes in CSV (RFC 4180, and blanks at an end kept)? */
static int csv_needs_quotes(const char *s)
{
    size_t n = strlen(s);
    if (strpbrk(s, ",\"\r\n")) return 1;
    return n && (s[0] == ' ' || s[0] == '\t' || s[n - 1] == ' ' || s[n - 1] == '\t');
}

static void sb_quoted(sbuf *b, const char *s)
{
    sb_put(b, "\"", 1);
    for (; *s; s++) {
        if (*s == '"') sb_put(b, "\"\"", 2);
        else sb_put(b, s, 1);
    }
    sb_put(b, "\"", 1);
}

/* The cells of a table: rows x DCOLS texts; `written` = cells on the row's
 * line (a short row writes fewer, the rest are empty). */
typedef struct {
    char **cell;
    size_t *written;
    size_t rows, cap;
} dgrid;

static const char *dcell(const dgrid *g, size_t r, size_t c) { return g->cell[r * DCOLS + c]; }

static void dgrid_set(dgrid *g, size_t r, size_t c, const char *text)
{
    free(g->cell[r * DCOLS + c]);
    g->cell[r * DCOLS + c] = strdup(text);
    assert_non_null(g->cell[r * DCOLS + c]);
}

static size_t dgrid_add(dgrid *g, size_t written)
{
    if (g->rows == g->cap) {
        g->cap = g->cap ? g->cap * 2 : 64;
        g->cell = realloc(g->cell, g->cap * DCOLS * sizeof *g->cell);
        g->written = realloc(g->written, g->cap * sizeof *g->written);
        assert_non_null(g->cell);
        assert_non_null(g->written);
    }
    size_t r = g->rows++;
    for (size_t c = 0; c < DCOLS; c++) g->cell[r * DCOLS + c] = strdup("");
    g->written[r] = written;
    return r;
}

static void dgrid_free(dgrid *g)
{
    for (size_t i = 0; i < g->rows * DCOLS; i++) free(g->cell[i]);
    free(g->cell);
    free(g->written);
}

/* A cell text: tricky ones, random mixes of the bytes that matter, numbers. */
static void gen_text(uint32_t *s, sbuf *out)
{
    static const char *const pool[] = {
        "", "plain", "with,comma", "with \"quotes\"", "\"", "\"\"", "a\"\"b", "multi\nline", "crlf\r\nline",
        "cr\ronly", "\r", "\n", "\r\n", " leading", "trailing ", "\tlead", "trail\t", "  both  ", " ", "\t",
        "1.5", "42", "-3e2", "NA", "caf\xc3\xa9 \xe4\xb8\xad", "=SUM(A1)", ",", "\",\"", "end\n", "\"starts",
        "ends\"", "x\ty", "a b", ("\xef\xbb\xbf" "bom inside"),
    };
    static const char *const atoms[] = {
        "a", "xyz", " ", ",", "\"", "\n", "\r", "\t", "\xc3\xa9", "0", "9.5", "\r\n", "\"\"", "  ",
    };
    out->n = 0;
    sb_put(out, "", 0);
    uint32_t k = xs32(s) % 10;
    if (k < 3) {
        sb_str(out, pool[xs32(s) % (sizeof pool / sizeof pool[0])]);
    } else if (k < 8) {
        int parts = (int)(xs32(s) % 7);
        for (int i = 0; i < parts; i++) sb_str(out, atoms[xs32(s) % (sizeof atoms / sizeof atoms[0])]);
    } else if (k < 9) {
        char num[32];
        snprintf(num, sizeof num, "%d.%02u", (int)(xs32(s) % 2000) - 1000, (unsigned)(xs32(s) % 100));
        sb_str(out, num);
    }
}

/* One cell as CSV, in one of the ways a file may spell it: quoted when it
 * must be, else quoted or not at random, with blanks around now and then
 * (outside the quotes, or around an unquoted text: the reader trims them). */
static void enc_cell(sbuf *csv, const char *text, uint32_t *s, int force_quotes)
{
    uint32_t k = xs32(s);
    int quote = force_quotes || csv_needs_quotes(text) || k % 4 == 0;
    int pad = k / 4 % 5 == 0;
    if (pad) sb_str(csv, k / 20 % 2 ? " " : " \t");
    if (quote) sb_quoted(csv, text);
    else sb_str(csv, text);
    if (pad) sb_str(csv, k / 40 % 2 ? "\t" : "  ");
}

static const char *const EOLS[] = {"\n", "\r\n", "\r"};

/* Writes grid g as a CSV file. */
static void dgrid_csv(const dgrid *g, sbuf *csv, int bom, int final_eol, uint32_t seed)
{
    uint32_t s = seed * 2654435761u + 3;
    csv->n = 0;
    sb_put(csv, "", 0);
    if (bom) sb_str(csv, "\xef\xbb\xbf");
    sb_str(csv, DHEADER);
    sb_str(csv, EOLS[xs32(&s) % 3]);
    for (size_t r = 0; r < g->rows; r++) {
        for (size_t c = 0; c < g->written[r]; c++) {
            if (c) sb_put(csv, ",", 1);
            /* a line of one empty cell would be a blank line, which is skipped */
            enc_cell(csv, dcell(g, r, c), &s, g->written[r] == 1 && !*dcell(g, r, c));
        }
        if (r + 1 < g->rows || final_eol) sb_str(csv, EOLS[xs32(&s) % 3]);
    }
}

/* A row whose text is `len` bytes long: 'x's, or (special) with a comma,
 * quotes and line breaks. */
static void long_row(dgrid *g, size_t col, size_t len, int special)
{
    size_t r = dgrid_add(g, DCOLS);
    char *t = malloc(len + 1);
    assert_non_null(t);
    for (size_t i = 0; i < len; i++) t[i] = (char)('a' + i % 26);
    if (special && len >= 8) memcpy(t + len / 2, ",\"q\"\r\n\"", 7);
    t[len] = '\0';
    dgrid_set(g, r, col, t);
    free(t);
}

/* ~300 random rows (some short), and rows around the fast path's 64 KiB
 * buffer: a whole row of exactly 65536 bytes and one more, a row needing
 * quotes whose worst case is exactly 64 KiB and one more, cells over 64 KiB. */
enum { FILL_SHORT = 1, FILL_LONG = 2 }; /* short rows, rows over 64 KiB */

static void dgrid_fill_rows(dgrid *g, uint32_t seed, size_t nrows, unsigned fill)
{
    uint32_t s = seed * 2246822519u + 11;
    sbuf t = {0};
    if (!nrows) nrows = 250 + xs32(&s) % 100;
    for (size_t i = 0; i < nrows; i++) {
        size_t written = (fill & FILL_SHORT) && xs32(&s) % 8 == 0 ? 1 + xs32(&s) % (DCOLS - 1) : DCOLS;
        size_t r = dgrid_add(g, written);
        for (size_t c = 0; c < written; c++) {
            gen_text(&s, &t);
            dgrid_set(g, r, c, t.s);
        }
        /* a row spans its texts and a NUL after each; a row needing quotes
         * may take twice that and two quotes a cell */
        if (!(fill & FILL_LONG)) continue;
        if (i % 97 == 50) long_row(g, xs32(&s) % DCOLS, 65536 - DCOLS, 0);
        if (i % 97 == 51) long_row(g, xs32(&s) % DCOLS, 65536 - DCOLS + 1, 0);
        if (i % 97 == 52) long_row(g, xs32(&s) % DCOLS, (65536 - 2 * DCOLS) / 2 - DCOLS, 1);
        if (i % 97 == 53) long_row(g, xs32(&s) % DCOLS, (65536 - 2 * DCOLS) / 2 - DCOLS + 1, 1);
        if (i % 97 == 60) long_row(g, xs32(&s) % DCOLS, 70000 + xs32(&s) % 5000, (int)(i % 2));
        if (i % 97 == 70) long_row(g, xs32(&s) % DCOLS, 20000 + xs32(&s) % 30000, 1);
    }
    free(t.s);
}

static void dgrid_fill(dgrid *g, uint32_t seed) { dgrid_fill_rows(g, seed, 0, FILL_SHORT | FILL_LONG); }

/* The loaded catalogue holds the grid's cells. */
static void same_cells(const ld_catalog *cat, const dgrid *g, const char *what)
{
    assert_int_equal(catalog_rows(cat), g->rows);
    assert_int_equal(catalog_cols(cat), DCOLS);
    for (size_t c = 0; c < DCOLS; c++) assert_string_equal(catalog_col(cat, c)->id, DIDS[c]);
    for (size_t r = 0; r < g->rows; r++)
        for (size_t c = 0; c < DCOLS; c++)
            if (strcmp(catalog_text(cat, r, c), dcell(g, r, c)) != 0) {
                char a[200], b[200];
                fail_msg("%s: row %zu col %zu holds \"%s\" (%zu bytes), expected \"%s\" (%zu bytes)", what, r, c,
                         output_sanitize(catalog_text(cat, r, c), a, sizeof a), strlen(catalog_text(cat, r, c)),
                         output_sanitize(dcell(g, r, c), b, sizeof b), strlen(dcell(g, r, c)));
            }
}

/* The same cells set one by one through the API: every row cell by cell. */
static ld_catalog *dgrid_catalog(const dgrid *g)
{
    ld_catalog *cat = catalog_new();
    assert_non_null(cat);
    for (size_t c = 0; c < DCOLS; c++)
        assert_int_equal(catalog_add_column(cat, DIDS[c], c ? LD_COL_NUMBER : LD_COL_TEXT, 0), (int)c);
    for (size_t r = 0; r < g->rows; r++) {
        assert_int_equal(catalog_add_row(cat), r);
        for (size_t c = 0; c < DCOLS; c++)
            assert_true(catalog_set_cell(cat, r, c, dcell(g, r, c), strlen(dcell(g, r, c))) >= 0);
    }
    ld_error err;
    error_clear(&err);
    assert_int_equal(catalog_finish(cat, "api", NULL, &err), 0);
    for (size_t r = 0; r < g->rows; r++) { /* so its export is all cell by cell */
        size_t nc = 0, bytes = 0;
        int special = 0;
        assert_null(catalog_row_span(cat, r, &nc, &bytes, &special));
    }
    return cat;
}

/* The export as written from the cells by hand: ids, then each row's cells
 * quoted when they must be. */
static void expected_export(const dgrid *g, const uint32_t *idx, size_t n, sbuf *out)
{
    out->n = 0;
    sb_put(out, "", 0);
    for (size_t c = 0; c < DCOLS; c++) {
        if (c) sb_put(out, ",", 1);
        sb_str(out, DIDS[c]);
    }
    sb_put(out, "\n", 1);
    for (size_t i = 0; i < n; i++) {
        for (size_t c = 0; c < DCOLS; c++) {
            const char *t = dcell(g, idx[i], c);
            if (c) sb_put(out, ",", 1);
            if (csv_needs_quotes(t)) sb_quoted(out, t);
            else sb_str(out, t);
        }
        sb_put(out, "\n", 1);
    }
}

static void same_bytes(const char *a, size_t an, const char *b, size_t bn, const char *what)
{
    if (an == bn && memcmp(a, b, an) == 0) return;
    size_t i = 0;
    while (i < an && i < bn && a[i] == b[i]) i++;
    size_t from = i > 60 ? i - 60 : 0, line = 1;
    for (size_t k = 0; k < i; k++) line += a[k] == '\n';
    char x[400], y[400], xa[200], yb[200];
    snprintf(xa, sizeof xa, "%.*s", (int)((an - from) < 120 ? an - from : 120), a + from);
    snprintf(yb, sizeof yb, "%.*s", (int)((bn - from) < 120 ? bn - from : 120), b + from);
    fail_msg("%s: %zu and %zu bytes, first difference at byte %zu (about output line %zu):\n  ...%s\n  ...%s",
             what, an, bn, i, line, output_sanitize(xa, x, sizeof x), output_sanitize(yb, y, sizeof y));
}

/* Exports rows idx[0..n) of the loaded catalogue (rows copied whole) and of
 * the API one (cell by cell) and compares them with each other, with the
 * export written by hand, and with what they read back as. */
static void compare_exports(const ld_catalog *loaded, const ld_catalog *api, const dgrid *g, const uint32_t *idx,
                            size_t n, const char *what)
{
    int cols[DCOLS];
    for (int c = 0; c < DCOLS; c++) cols[c] = c;
    size_t flen, slen;
    char *fast = render(loaded, idx, n, cols, DCOLS, LD_FMT_CSV, &flen);
    char *slow = render(api, idx, n, cols, DCOLS, LD_FMT_CSV, &slen);
    char msg[160];
    snprintf(msg, sizeof msg, "%s: loaded (rows whole) vs set cell by cell", what);
    same_bytes(fast, flen, slow, slen, msg);
    sbuf want = {0};
    expected_export(g, idx, n, &want);
    snprintf(msg, sizeof msg, "%s: export vs written by hand", what);
    same_bytes(fast, flen, want.s, want.n, msg);
    free(want.s);
    /* and it reads back to the cells, in this order */
    ld_error err;
    error_clear(&err);
    ld_catalog *back = csvload_buffer(fast, flen, "export.csv", NULL, &err);
    if (!back) fail_msg("%s: the export does not read back: %s at %ld:%ld", what, err.msg, err.line, err.col);
    assert_int_equal(catalog_rows(back), n);
    assert_int_equal(catalog_cols(back), DCOLS);
    for (size_t i = 0; i < n; i++)
        for (size_t c = 0; c < DCOLS; c++)
            if (strcmp(catalog_text(back, i, c), dcell(g, idx[i], c)) != 0)
                fail_msg("%s: exported row %zu (row %u) col %zu reads back as %zu bytes, not %zu", what, i, idx[i],
                         c, strlen(catalog_text(back, i, c)), strlen(dcell(g, idx[i], c)));
    catalog_free(back);
    /* columns not all in order: both cell by cell, still alike */
    int perm[DCOLS] = {1, 0, 2, 3, 5, 4}, prefix[3] = {0, 1, 2};
    free(fast);
    free(slow);
    fast = render(loaded, idx, n, perm, DCOLS, LD_FMT_CSV, &flen);
    slow = render(api, idx, n, perm, DCOLS, LD_FMT_CSV, &slen);
    snprintf(msg, sizeof msg, "%s: columns swapped", what);
    same_bytes(fast, flen, slow, slen, msg);
    free(fast);
    free(slow);
    fast = render(loaded, idx, n, prefix, 3, LD_FMT_CSV, &flen);
    slow = render(api, idx, n, prefix, 3, LD_FMT_CSV, &slen);
    snprintf(msg, sizeof msg, "%s: the first three columns", what);
    same_bytes(fast, flen, slow, slen, msg);
    free(fast);
    free(slow);
}

/* Row orders: as loaded, reversed, shuffled, and a sample with repeats. */
enum { ORD_IDENTITY, ORD_REVERSED, ORD_SHUFFLED, ORD_SAMPLE, ORD_COUNT };
static const char *const ORD_NAMES[ORD_COUNT] = {"as loaded", "reversed", "shuffled", "sampled"};

static size_t make_order(uint32_t *idx, size_t rows, int kind, uint32_t seed)
{
    uint32_t s = seed * 747796405u + 1;
    for (size_t i = 0; i < rows; i++) idx[i] = (uint32_t)(kind == ORD_REVERSED ? rows - 1 - i : i);
    if (kind == ORD_SHUFFLED)
        for (size_t i = rows; i > 1; i--) {
            size_t j = xs32(&s) % i;
            uint32_t t = idx[i - 1];
            idx[i - 1] = idx[j];
            idx[j] = t;
        }
    if (kind == ORD_SAMPLE) {
        for (size_t i = 0; i < rows / 2; i++) idx[i] = xs32(&s) % rows;
        return rows / 2;
    }
    return rows;
}

static ld_catalog *load_grid(const dgrid *g, int bom, int final_eol, uint32_t seed, const char *what)
{
    sbuf csv = {0};
    dgrid_csv(g, &csv, bom, final_eol, seed);
    ld_error err;
    error_clear(&err);
    ld_catalog *cat = csvload_buffer(csv.s, csv.n, "fast.csv", NULL, &err);
    if (!cat) fail_msg("%s: the CSV does not load: %s at %ld:%ld", what, err.msg, err.line, err.col);
    free(csv.s);
    same_cells(cat, g, what);
    return cat;
}

static void test_csv_export_whole_rows_match_cells(void **state)
{
    (void)state;
    for (uint32_t seed = 1; seed <= 8; seed++) {
        int bom = seed % 2, final_eol = seed / 2 % 2;
        char what[96];
        snprintf(what, sizeof what, "seed %u (BOM %d, final line end %d)", seed, bom, final_eol);
        dgrid g = {0};
        dgrid_fill(&g, seed);
        ld_catalog *loaded = load_grid(&g, bom, final_eol, seed, what);
        /* the loader kept every full row whole: the fast path is taken */
        size_t whole = 0;
        for (size_t r = 0; r < g.rows; r++) {
            size_t nc = 0, bytes = 0, sum = 0;
            int special = 0, any = 0;
            const char *span = catalog_row_span(loaded, r, &nc, &bytes, &special);
            if (!span) {
                if (g.written[r] == DCOLS) fail_msg("%s: full row %zu not kept whole", what, r);
                continue;
            }
            whole++;
            assert_int_equal(nc, DCOLS);
            for (size_t c = 0; c < DCOLS; c++) { /* its cells back to back */
                const char *t = dcell(&g, r, c);
                if (strcmp(span + sum, t) != 0) fail_msg("%s: row %zu's span differs at cell %zu", what, r, c);
                sum += strlen(t) + 1;
                any |= csv_needs_quotes(t);
            }
            assert_int_equal(bytes, sum);
            if (!!special != any)
                fail_msg("%s: row %zu: span special %d, its cells say %d", what, r, special, any);
        }
        assert_true(whole > g.rows / 2);
        ld_catalog *api = dgrid_catalog(&g);
        uint32_t *idx = malloc(g.rows * sizeof *idx);
        assert_non_null(idx);
        for (int k = 0; k < ORD_COUNT; k++) {
            size_t n = make_order(idx, g.rows, k, seed);
            char w[160];
            snprintf(w, sizeof w, "%s, rows %s", what, ORD_NAMES[k]);
            compare_exports(loaded, api, &g, idx, n, w);
        }
        free(idx);
        catalog_free(api);
        catalog_free(loaded);
        dgrid_free(&g);
    }
}

/* Rows changed after the load (cell by cell) among rows still whole (copied
 * at once), in a shuffled order: each row in its place, every cell right,
 * the unchanged cells of the loaded catalogue too. */
static void test_csv_export_changed_rows_among_whole_rows(void **state)
{
    (void)state;
    static const char *const NEW[] = {"changed", "new, \"quoted\"\r\nvalue", "", " padded ", "7.25"};
    for (uint32_t seed = 1; seed <= 8; seed++) {
        int bom = seed % 2, final_eol = seed / 2 % 2, many = seed > 4;
        char what[128];
        snprintf(what, sizeof what, "seed %u (BOM %d, final line end %d, %s)", seed, bom, final_eol,
                 many ? "several rows changed" : "one row changed");
        dgrid g = {0};
        dgrid_fill(&g, seed + 100);
        ld_catalog *loaded = load_grid(&g, bom, final_eol, seed, what);
        uint32_t *idx = malloc(g.rows * sizeof *idx);
        assert_non_null(idx);
        size_t n = make_order(idx, g.rows, ORD_SHUFFLED, seed);
        /* the row in the middle of the order; with `many` also others, the
         * file's first and last rows among them */
        size_t picks[6] = {idx[n / 2]}, npicks = 1;
        if (many) {
            picks[npicks++] = idx[n / 3];
            picks[npicks++] = idx[2 * n / 3];
            picks[npicks++] = 0;
            picks[npicks++] = g.rows - 1;
            picks[npicks++] = idx[n - 1];
        }
        for (size_t k = 0; k < npicks; k++) {
            size_t r = picks[k], c = (seed + k) % DCOLS;
            const char *t = NEW[(seed + k) % (sizeof NEW / sizeof NEW[0])];
            assert_true(catalog_set_cell(loaded, r, c, t, strlen(t)) >= 0);
            dgrid_set(&g, r, c, t);
            size_t nc, bytes;
            int special;
            assert_null(catalog_row_span(loaded, r, &nc, &bytes, &special)); /* no longer whole */
        }
        same_cells(loaded, &g, what); /* the change touched no other cell */
        ld_catalog *api = dgrid_catalog(&g);
        compare_exports(loaded, api, &g, idx, n, what);
        n = make_order(idx, g.rows, ORD_IDENTITY, seed);
        compare_exports(loaded, api, &g, idx, n, what);
        free(idx);
        catalog_free(api);
        catalog_free(loaded);
        dgrid_free(&g);
    }
}

/* A big export (over 50,000 rows: the export may format blocks of rows on
 * more than one thread) of full rows, with rows changed since the load at
 * the positions where blocks of a power-of-two size would start or end,
 * and short rows (never whole) among them: the rows stay in order and
 * every one is right. */
static void test_csv_export_big_with_changed_rows(void **state)
{
    (void)state;
    const char *what = "52,000 rows";
    dgrid g = {0};
    dgrid_fill_rows(&g, 77, 52000, 0);
    long_row(&g, 3, 70000, 1); /* one row over 64 KiB */
    ld_catalog *loaded = load_grid(&g, 0, 1, 77, what);
    uint32_t *idx = malloc(g.rows * sizeof *idx);
    assert_non_null(idx);
    ld_catalog *api = dgrid_catalog(&g);
    size_t n = make_order(idx, g.rows, ORD_IDENTITY, 77);
    compare_exports(loaded, api, &g, idx, n, "52,000 rows as loaded, none changed");
    n = make_order(idx, g.rows, ORD_SHUFFLED, 77);
    compare_exports(loaded, api, &g, idx, n, "52,000 rows shuffled, none changed");
    catalog_free(api);
    /* one row changed, in a later block of the order (csvrows.c formats
     * blocks of 4,096 rows, two at a time), then one in an earlier one */
    static const char *const once[] = {"changed, \"once\"", "changed again"};
    static const size_t at[] = {20000, 5000};
    for (size_t k = 0; k < 2; k++) {
        size_t r = idx[at[k]];
        assert_true(catalog_set_cell(loaded, r, 1, once[k], strlen(once[k])) >= 0);
        dgrid_set(&g, r, 1, once[k]);
        api = dgrid_catalog(&g);
        char w[96];
        snprintf(w, sizeof w, "52,000 rows shuffled, changed at %zu", at[k]);
        compare_exports(loaded, api, &g, idx, n, w);
        catalog_free(api);
    }
    /* rows changed around every power of two from 1,024 on, and the first
     * and last */
    n = make_order(idx, g.rows, ORD_SHUFFLED, 78);
    for (size_t b = 1024; b < n; b *= 2)
        for (size_t k = b - 1; k <= b + 1; k++) {
            char t[32];
            snprintf(t, sizeof t, k % 2 ? "odd %zu" : " even %zu", k);
            assert_true(catalog_set_cell(loaded, idx[k], k % DCOLS, t, strlen(t)) >= 0);
            dgrid_set(&g, idx[k], k % DCOLS, t);
        }
    assert_true(catalog_set_cell(loaded, idx[0], 0, "first", 5) >= 0);
    dgrid_set(&g, idx[0], 0, "first");
    assert_true(catalog_set_cell(loaded, idx[n - 1], DCOLS - 1, "last", 4) >= 0);
    dgrid_set(&g, idx[n - 1], DCOLS - 1, "last");
    same_cells(loaded, &g, what);
    api = dgrid_catalog(&g);
    compare_exports(loaded, api, &g, idx, n, "52,000 rows shuffled, changed around powers of two");
    n = make_order(idx, g.rows, ORD_REVERSED, 78);
    compare_exports(loaded, api, &g, idx, n, "52,000 rows reversed, changed around powers of two");
    catalog_free(api);
    catalog_free(loaded);
    dgrid_free(&g);
    /* short rows (not whole) here and there among full ones */
    memset(&g, 0, sizeof g);
    dgrid_fill_rows(&g, 79, 52000, 0);
    for (size_t b = 4096; b < g.rows; b += 4096 + 1000 * (b % 3)) g.written[b] = 2;
    for (size_t b = 4096; b < g.rows; b += 4096 + 1000 * (b % 3))
        for (size_t c = 2; c < DCOLS; c++) dgrid_set(&g, b, c, "");
    loaded = load_grid(&g, 1, 0, 79, "52,000 rows, some short");
    api = dgrid_catalog(&g);
    n = make_order(idx, g.rows, ORD_IDENTITY, 79);
    compare_exports(loaded, api, &g, idx, n, "52,000 rows as loaded, some short");
    n = make_order(idx, g.rows, ORD_SHUFFLED, 79);
    compare_exports(loaded, api, &g, idx, n, "52,000 rows shuffled, some short");
    free(idx);
    catalog_free(api);
    catalog_free(loaded);
    dgrid_free(&g);
}

/* The smallest case of test_csv_export_changed_rows_among_whole_rows: a
 * file without a final line break, a cell changed after the load.  The last cell of the file ends where the file
 * does; changing another cell must not change it. */
static void test_csv_export_cell_changed_in_file_without_final_newline(void **state)
{
    (void)state;
    static const char csv[] = "model,note,score\nA,x,1\nB,y,2\nC,z,3";
    ld_error err;
    error_clear(&err);
    ld_catalog *cat = csvload_buffer(csv, sizeof csv - 1, "nofinal.csv", NULL, &err);
    assert_non_null(cat);
    assert_string_equal(catalog_text(cat, 2, 2), "3");
    assert_int_equal(catalog_set_cell(cat, 1, 1, "NEW", 3), 0);
    assert_string_equal(catalog_text(cat, 1, 1), "NEW");
    assert_string_equal(catalog_text(cat, 2, 2), "3");
    uint32_t idx[] = {0, 1, 2};
    int cols[] = {0, 1, 2};
    size_t len;
    char *out = render(cat, idx, 3, cols, 3, LD_FMT_CSV, &len);
    assert_string_equal(out, "model,note,score\nA,x,1\nB,NEW,2\nC,z,3\n");
    free(out);
    catalog_free(cat);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_csv_export_whole_rows_match_cells),
        cmocka_unit_test(test_csv_export_changed_rows_among_whole_rows),
        cmocka_unit_test(test_csv_export_cell_changed_in_file_without_final_newline),
        cmocka_unit_test(test_csv_export_big_with_changed_rows),
    };
    if (getenv("LD_TEST_FILTER")) cmocka_set_test_filter(getenv("LD_TEST_FILTER"));
    return cmocka_run_group_tests(tests, NULL, NULL);
}
