/* test_csvload_files.c - CSV files read in 1 MiB chunks: records cut by a
 * chunk's end, line numbers after several chunks, a field longer than a
 * chunk; each compared with the same bytes loaded from memory. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "testutil.h"

#include "llmdeck/catalog.h"
#include "llmdeck/csvload.h"

static const char *cell(const ld_catalog *cat, size_t row, const char *col)
{
    int c = catalog_col_index(cat, col);
    if (c < 0) fail_msg("no column '%s'", col);
    return catalog_text(cat, row, (size_t)c);
}

/* ---- files read in chunks -------------------------------------------------- */

static char *write_tmp(const char *bytes, size_t len, char *dir, size_t dirsz)
{
    snprintf(dir, dirsz, "/tmp/ldchunkXXXXXX");
    if (!mkdtemp(dir)) fail_msg("mkdtemp");
    static char path[256];
    snprintf(path, sizeof path, "%s/f.csv", dir);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(bytes, 1, len, f), len);
    fclose(f);
    return path;
}

static void remove_tmp(const char *path, const char *dir)
{
    unlink(path);
    rmdir(dir);
}

/* Same rows, columns and cell texts. */
static void same_catalogs(const ld_catalog *a, const ld_catalog *b, const char *what)
{
    if (catalog_rows(a) != catalog_rows(b) || catalog_cols(a) != catalog_cols(b))
        fail_msg("%s: %zux%zu from the file, %zux%zu from memory", what, catalog_rows(a), catalog_cols(a),
                 catalog_rows(b), catalog_cols(b));
    for (size_t c = 0; c < catalog_cols(a); c++) {
        assert_string_equal(catalog_col(a, c)->id, catalog_col(b, c)->id);
        assert_int_equal(catalog_col(a, c)->type, catalog_col(b, c)->type);
    }
    for (size_t r = 0; r < catalog_rows(a); r++)
        for (size_t c = 0; c < catalog_cols(a); c++)
            if (strcmp(catalog_text(a, r, c), catalog_text(b, r, c)) != 0)
                fail_msg("%s: row %zu col %zu: file gives \"%s\", memory gives \"%s\"", what, r, c,
                         catalog_text(a, r, c), catalog_text(b, r, c));
}

/* Every byte of a tricky record lands on a chunk boundary of a file read
 * in chunks (the first chunk's end, then the next one's): the file and the
 * same bytes in memory must agree, and the tricky cells must come out
 * right. */
static const char LONG_NOTE[] =
    "Lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore et "
    "dolore magna aliqua Ut enim ad minim veniam quis nostrud exercitation ullamco laboris nisi ut aliquip "
    "ex ea commodo consequat Duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore eu "
    "fugiat nulla pariatur Excepteur sint occaecat cupidatat non proident sunt in culpa qui officia deserunt "
    "mollit anim id est laborum Sed ut perspiciatis unde omnis iste natus error sit voluptatem accusantium "
    "doloremque laudantium totam rem aperiam eaque ipsa quae ab illo inventore veritatis et quasi architecto "
    "beatae vitae dicta sunt explicabo Nemo enim ipsam voluptatem quia voluptas sit aspernatur aut odit aut "
    "fugit sed quia consequuntur magni dolores eos qui ratione voluptatem sequi nesciunt Neque porro quisquam "
    "est qui dolorem ipsum quia dolor sit amet consectetur adipisci velit sed quia non numquam eius modi "
    "tempora incidunt ut labore et dolore magnam aliquam quaerat voluptatem Ut enim ad minima veniam quis n";

static void test_file_chunk_boundaries(void **state)
{
    (void)state;
    static const char *const tricky[] = {
        "t%d,\"q \"\"x\"\" y\r\nz\",  7.5 ,\"\"\r\n",
        "t%d,\"a,b\"\"\",  -1e3\t,\"\n\"\n",
        "t%d,plain text here,42,\"x\"\r",
    };
    static const size_t boundaries[] = {LD_CSV_FIRST_CHUNK, LD_CSV_FIRST_CHUNK + LD_CSV_CHUNK};
    char *buf = malloc(LD_CSV_FIRST_CHUNK + LD_CSV_CHUNK + 4096);
    char dir[64];
    for (size_t run = 0; run < 2 * (sizeof tricky / sizeof tricky[0]); run++) {
        size_t target = boundaries[run % 2], t = run / 2;
        /* every offset natively; every third under valgrind (it is slow) */
        size_t step = getenv("LLMDECK_VALGRIND") ? 3 : 1;
        for (size_t pad = 0; pad < 40; pad += step) {
            size_t o = (size_t)sprintf(buf, "model,note,v,extra\n");
            int i = 0;
            /* filler rows up to a little before the boundary */
            /* long cells: few of them, so the test stays quick under valgrind */
            while (o + 1100 < target - 40 + pad)
                o += (size_t)sprintf(buf + o, "f%07d,%.1000s,%d,\n", i, LONG_NOTE, i % 97), i++;
            while (o + 24 < target - 40 + pad) o += (size_t)sprintf(buf + o, "f%07d,n,%d,\n", i, i % 97), i++;
            while (o < target - 40 + pad) buf[o++] = '\n'; /* blank lines are skipped */
            for (int k = 0; k < 4; k++) o += (size_t)sprintf(buf + o, tricky[t], k);
            o += (size_t)sprintf(buf + o, "last,end,1,\n");
            char *path = write_tmp(buf, o, dir, sizeof dir);
            ld_error e1, e2;
            error_clear(&e1);
            error_clear(&e2);
            ld_catalog *a = csvload_file(path, NULL, &e1);
            ld_catalog *b = csvload_buffer(buf, o, path, NULL, &e2);
            remove_tmp(path, dir);
            if (!a || !b) fail_msg("boundary %zu case %zu pad %zu: file %s (%s), memory %s (%s)", target, t, pad, a ? "ok" : "failed",
                                   e1.msg, b ? "ok" : "failed", e2.msg);
            char what[64];
            snprintf(what, sizeof what, "boundary %zu case %zu pad %zu", target, t, pad);
            same_catalogs(a, b, what);
            long r = catalog_find(a, "t2");
            assert_true(r >= 0);
            if (t == 0) {
                assert_string_equal(cell(a, (size_t)r, "note"), "q \"x\" y\r\nz");
                assert_string_equal(cell(a, (size_t)r, "v"), "7.5");
                assert_string_equal(cell(a, (size_t)r, "extra"), "");
            } else if (t == 1) {
                assert_string_equal(cell(a, (size_t)r, "note"), "a,b\"");
                assert_string_equal(cell(a, (size_t)r, "extra"), "\n");
            } else {
                assert_string_equal(cell(a, (size_t)r, "extra"), "x");
            }
            assert_string_equal(cell(a, catalog_rows(a) - 1, "model"), "last");
            catalog_free(a);
            catalog_free(b);
        }
    }
    free(buf);
}

/* Lines keep counting across chunks: a bad cell after 3 MiB of rows (with
 * quoted line breaks on the way) is reported at its own line. */
static void test_file_error_line_after_chunks(void **state)
{
    (void)state;
    size_t cap = 4u << 20;
    char *buf = malloc(cap);
    size_t o = (size_t)sprintf(buf, "\xEF\xBB\xBFmodel,note,mmlu\r\n");
    long line = 2;
    int i = 0;
    while (o < (3u << 20)) {
        if (i % 1000 == 7) {
            o += (size_t)sprintf(buf + o, "m%d,\"two\r\nlines\",%d\r\n", i, i % 100);
            line += 2;
        } else {
            o += (size_t)sprintf(buf + o, "m%d,n,%d\r\n", i, i % 100);
            line += 1;
        }
        i++;
    }
    o += (size_t)sprintf(buf + o, "bad,\"x\",seventy\r\nafter,y,1\r\n");
    const char *const num_cols[] = {"mmlu", NULL};
    ld_csv_options opt = {.number_cols = num_cols};
    char dir[64];
    char *path = write_tmp(buf, o, dir, sizeof dir);
    ld_error err;
    error_clear(&err);
    ld_catalog *cat = csvload_file(path, &opt, &err);
    remove_tmp(path, dir);
    free(buf);
    if (cat) {
        catalog_free(cat);
        fail_msg("the bad cell was accepted");
    }
    assert_int_equal(err.code, LD_ERR_PARSE);
    if (err.line != line || err.col != 9)
        fail_msg("error at %ld:%ld (%s), expected %ld:9", err.line, err.col, err.msg, line);
}

/* One quoted field longer than the read buffer, in a file. */
static void test_file_field_longer_than_chunk(void **state)
{
    (void)state;
    size_t big = (3u << 20) + 12345;
    char *buf = malloc(big + 128);
    size_t o = (size_t)sprintf(buf, "model,blob\nA,\"");
    for (size_t k = 0; k < big; k++) buf[o++] = (k % 5000 == 4999) ? '\n' : (k % 777 == 0 ? '"' : 'y');
    /* each '"' above must be doubled inside a quoted field */
    size_t q = 0;
    for (size_t k = 0; k < big; k++) q += k % 5000 != 4999 && k % 777 == 0;
    char *fixed = malloc(o + q + 128);
    size_t w = 0;
    for (size_t k = 0; k < o; k++) {
        fixed[w++] = buf[k];
        if (k >= 14 && buf[k] == '"') fixed[w++] = '"';
    }
    w += (size_t)sprintf(fixed + w, "\"\nB,tail\n");
    char dir[64];
    char *path = write_tmp(fixed, w, dir, sizeof dir);
    ld_error err;
    error_clear(&err);
    ld_catalog *cat = csvload_file(path, NULL, &err);
    remove_tmp(path, dir);
    if (!cat) fail_msg("%s at %ld:%ld", err.msg, err.line, err.col);
    assert_int_equal(catalog_rows(cat), 2);
    const char *blob = cell(cat, 0, "blob");
    assert_int_equal(strlen(blob), big);
    assert_memory_equal(blob, buf + 14, big);
    assert_string_equal(cell(cat, 1, "blob"), "tail");
    catalog_free(cat);
    free(buf);
    free(fixed);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_file_chunk_boundaries),
        cmocka_unit_test(test_file_error_line_after_chunks),
        cmocka_unit_test(test_file_field_longer_than_chunk),
    };
    if (getenv("LD_TEST_FILTER")) cmocka_set_test_filter(getenv("LD_TEST_FILTER"));
    return cmocka_run_group_tests(tests, NULL, NULL);
}
