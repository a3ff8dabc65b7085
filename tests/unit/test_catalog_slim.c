/* test_catalog_slim.c - numeric columns without cell offsets: a loaded
 * table whose rows are whole finds those cells by walking the row
 * (catalog_slim, catalog_begin_slim); every cell reads as written, and a
 * change, a new row, a short row or a column turning text gives the
 * offsets back. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "llmdeck/catalog.h"
#include "llmdeck/csvload.h"

/* Every cell's text, row by row, as one string (to compare catalogues). */
static char *all_cells(const ld_catalog *cat)
{
    size_t cap = 1 << 12, len = 0;
    char *b = malloc(cap);
    assert_non_null(b);
    for (size_t r = 0; r < catalog_rows(cat); r++)
        for (size_t c = 0; c < catalog_cols(cat); c++) {
            const char *t = catalog_text(cat, r, c);
            size_t n = strlen(t);
            while (len + n + 2 > cap) assert_non_null(b = realloc(b, cap *= 2));
            memcpy(b + len, t, n);
            len += n;
            b[len++] = c + 1 == catalog_cols(cat) ? '\n' : '|';
        }
    b[len] = '\0';
    return b;
}

/* A loaded table whose rows are all whole keeps no offsets for its numeric
 * columns (memory at 1M rows) yet reads the same, and any change gives
 * them back first. */
static void test_slim_numeric_columns(void **state)
{
    (void)state;
    static const char csv[] = "model,mmlu,type,\"gsm8k\",note\n"
                              "A,70.5,\"pre, trained\",50,x\n"
                              "B,,chat,,\"say \"\"hi\"\"\"\n"
                              "C,68,chat,NA,\n";
    static const char want[] = "A|70.5|pre, trained|50|x\nB||chat||say \"hi\"\nC|68|chat|NA|\n";
    ld_error err;
    ld_catalog *cat = csvload_buffer(csv, sizeof csv - 1, "slim.csv", NULL, &err);
    assert_non_null(cat);
    int mmlu = catalog_col_index(cat, "mmlu"), gsm = catalog_col_index(cat, "gsm8k");
    int type = catalog_col_index(cat, "type");
    assert_null(catalog_col(cat, (size_t)mmlu)->text);  /* slim */
    assert_null(catalog_col(cat, (size_t)gsm)->text);
    assert_non_null(catalog_col(cat, (size_t)type)->text); /* text keeps its offsets */
    assert_non_null(catalog_col(cat, 0)->text);
    char *cells = all_cells(cat);
    assert_string_equal(cells, want);
    free(cells);
    assert_true(catalog_num(cat, 0, (size_t)mmlu) == 70.5);
    /* a change: the offsets come back, every other cell reads the same */
    assert_int_equal(catalog_set_cell(cat, 1, (size_t)mmlu, "61.25", 5), 0);
    assert_non_null(catalog_col(cat, (size_t)mmlu)->text);
    assert_non_null(catalog_col(cat, (size_t)gsm)->text);
    cells = all_cells(cat);
    assert_string_equal(cells, "A|70.5|pre, trained|50|x\nB|61.25|chat||say \"hi\"\nC|68|chat|NA|\n");
    free(cells);
    /* a new row on a slim table */
    assert_int_equal(catalog_slim(cat), 0); /* row B is no longer whole */
    catalog_free(cat);
    cat = csvload_buffer(csv, sizeof csv - 1, "slim.csv", NULL, &err);
    assert_non_null(cat);
    size_t r = catalog_add_row(cat);
    assert_int_equal(r, 3);
    assert_non_null(catalog_col(cat, (size_t)mmlu)->text);
    assert_string_equal(catalog_text(cat, 3, (size_t)mmlu), "");
    assert_string_equal(catalog_text(cat, 2, (size_t)mmlu), "68");
    catalog_free(cat);
    /* a short row is not whole: nothing is slimmed */
    static const char short_row[] = "model,mmlu,gsm8k\nA,70,50\nB,60\n";
    cat = csvload_buffer(short_row, sizeof short_row - 1, "short.csv", NULL, &err);
    assert_non_null(cat);
    assert_non_null(catalog_col(cat, 1)->text);
    assert_string_equal(catalog_text(cat, 1, 2), "");
    catalog_free(cat);
}

/* Loads a generated 3,000-row file whose numeric columns are slim from the
 * first row (catalog_begin_slim): `late` meets a word at row 2,500 and
 * gets its offsets then; with short_at < 3000 that row is short, so every
 * column gets its offsets back there.  Every cell must read as written. */
static void check_slim_load(size_t short_at)
{
    size_t cap = 1 << 18, len = 0, wlen = 0;
    char *csv = malloc(cap), *want = malloc(cap);
    assert_non_null(csv);
    assert_non_null(want);
    len = (size_t)sprintf(csv, "params_b,model,mmlu,kind,arc,late,hella\n");
    for (size_t r = 0; r < 3000; r++) {
        char mmlu[16], arc[16], late[16], hella[16];
        snprintf(mmlu, sizeof mmlu, "%zu.%02zu", r % 97, r % 100);
        snprintf(arc, sizeof arc, "%zu", r * 3);
        if (r % 7 == 0) arc[0] = '\0'; /* empty cells too */
        snprintf(late, sizeof late, r == 2500 ? "high" : "%zu.5", r);
        snprintf(hella, sizeof hella, "%zu", r % 13);
        if (r == short_at) {
            len += (size_t)sprintf(csv + len, "%zu,m%zu,%s\n", r, r, mmlu);
            wlen += (size_t)sprintf(want + wlen, "%zu|m%zu|%s||||\n", r, r, mmlu);
            continue;
        }
        /* quoted cells too: "kind" always, arc's number sometimes */
        len += (size_t)sprintf(csv + len, r % 5 ? "%zu,m%zu,%s,\"a, b\",%s,%s,%s\n" : "%zu,m%zu,%s,\"a, b\",\"%s\",%s,%s\n",
                               r, r, mmlu, arc, late, hella);
        wlen += (size_t)sprintf(want + wlen, "%zu|m%zu|%s|a, b|%s|%s|%s\n", r, r, mmlu, arc, late, hella);
    }
    ld_error err;
    ld_catalog *cat = csvload_buffer(csv, len, "slim.csv", NULL, &err);
    assert_non_null(cat);
    char *cells = all_cells(cat);
    assert_string_equal(cells, want);
    free(cells);
    int mmlu = catalog_col_index(cat, "mmlu"), arc = catalog_col_index(cat, "arc");
    int late = catalog_col_index(cat, "late"), hella = catalog_col_index(cat, "hella");
    assert_int_equal(catalog_col(cat, (size_t)late)->type, LD_COL_TEXT);
    assert_non_null(catalog_col(cat, (size_t)late)->text); /* text keeps its offsets */
    assert_non_null(catalog_col(cat, 0)->text);             /* the first column always does */
    if (short_at < 3000) {
        assert_non_null(catalog_col(cat, (size_t)mmlu)->text);
        assert_non_null(catalog_col(cat, (size_t)hella)->text);
    } else {
        assert_null(catalog_col(cat, (size_t)mmlu)->text);
        assert_null(catalog_col(cat, (size_t)arc)->text);
        assert_null(catalog_col(cat, (size_t)hella)->text);
    }
    for (size_t r = 0; r < 3000; r++) {
        char m[16];
        snprintf(m, sizeof m, "%zu.%02zu", r % 97, r % 100);
        assert_true(catalog_num(cat, r, (size_t)mmlu) == strtod(m, NULL));
        if (r != short_at) assert_true(catalog_num(cat, r, (size_t)hella) == (double)(r % 13));
    }
    /* whole rows still export as one copy, as their cells read */
    size_t nc = 0, bytes = 0;
    int special = 0;
    assert_non_null(catalog_row_span(cat, 2998, &nc, &bytes, &special));
    assert_int_equal(nc, 7);
    assert_true(special);
    catalog_free(cat);
    free(csv);
    free(want);
}

static void test_slim_from_the_first_row(void **state)
{
    (void)state;
    check_slim_load((size_t)-1);
    check_slim_load(0);
    check_slim_load(1500);
    check_slim_load(2999);
    /* the calls themselves: no slimming with rows already there, or for
     * a table of one column */
    ld_catalog *cat = catalog_new();
    assert_int_equal(catalog_add_column(cat, "model", LD_COL_TEXT, 0), 0);
    assert_int_equal(catalog_begin_slim(cat, 1), 0);
    assert_int_equal(catalog_add_column(cat, "v", LD_COL_NUMBER, 0), 1);
    assert_int_equal(catalog_begin_slim(cat, 3), 0); /* not the header's count */
    assert_int_equal(catalog_begin_slim(cat, 2), 1);
    assert_null(catalog_col(cat, 1)->text);
    catalog_free(cat);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_slim_numeric_columns),
        cmocka_unit_test(test_slim_from_the_first_row),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
