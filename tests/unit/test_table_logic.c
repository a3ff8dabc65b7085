/* test_table_logic.c - the table view's logic (sort, filter, marks,
 * weights, the cursor) on a small hand catalogue, with no screen: curses is
 * never initialised.  The table's functions (src/tui/table_data.c, and the
 * view's actions in table_view.c / table_weights.c) only need an app
 * struct with a data set, so a change of the status bar or of a hint does
 * not touch these tests, and a change of the logic fails here with the row
 * that moved, not in a re-blessed screen. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "hand_catalog.h"

#include "llmdeck/score.h"
#include "tui/table.h"

/* Quality with mmlu and gsm8k weighted 1 each, value = quality / cost:
 *            mmlu gsm8k cost   quality (zero / skip)   value (zero / skip)
 *   alpha     80    60    2     0.70 / 0.70             0.35 / 0.35
 *   beta      60    90    1     0.75 / 0.75             0.75 / 0.75
 *   gamma      -    70  0.5     0.35 / 0.70             0.70 / 1.40
 *   delta     40    40    1     0.40 / 0.40             0.40 / 0.40 */
static const char *CSV = "model,family,mmlu,gsm8k,relative_cost\n"
                         "alpha,A,80,60,2\n"
                         "beta,B,60,90,1\n"
                         "gamma,A,,70,0.5\n"
                         "delta,C,40,40,1\n";
enum { ALPHA, BETA, GAMMA, DELTA };

typedef struct {
    app a;
    ld_dataset ds;
    tv_state t;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    if (!f) return -1;
    f->ds.models = hand(CSV);
    ld_error err;
    error_clear(&err);
    if (score_parse_weights(f->ds.models, "mmlu=1,gsm8k=1", "weights", &err) != 0) return -1;
    /* weights as metrics.json would give them: the data set's defaults */
    f->a.ds = &f->ds;
    f->a.missing = LD_MISSING_ZERO;
    f->a.g = (ld_glyphs){"^", "v", "|", "-", "~", ">", "*", "#", "#", "*"};
    f->a.view = VIEW_TABLE;
    f->a.view_state[VIEW_TABLE] = &f->t;
    if (tv_data_init(&f->a, &f->t) != 0) return -1;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    tv_data_fini(&f->t);
    catalog_free(f->ds.models);
    free(f);
    return 0;
}

static int col(const fixture *f, const char *id)
{
    int c = catalog_col_index(f->t.cat, id);
    if (c < 0) fail_msg("no column %s", id);
    return c;
}

/* The rows shown, in order, as a string of initials ("bgda"). */
static const char *shown(const fixture *f)
{
    static char out[16];
    size_t i;
    for (i = 0; i < f->t.n && i < sizeof out - 1; i++) out[i] = catalog_text(f->t.cat, f->t.idx[i], 0)[0];
    out[i] = '\0';
    return out;
}

static uint32_t cursor_row(const fixture *f) { return f->t.idx[f->t.cur]; }

static void act(fixture *f, ld_action a) { table_view_ops.act(&f->a, a); }

static void set_filter(fixture *f, const char *expr)
{
    ld_error err;
    error_clear(&err);
    ld_filter *flt = filter_compile(f->t.cat, expr, "filter", &err);
    if (!flt) fail_msg("filter %s: %s", expr, err.msg);
    tv_set_filter(&f->t, flt, expr);
}

static void test_opens_in_catalogue_order(void **state)
{
    fixture *f = *state;
    assert_int_equal(f->t.n, 4);
    assert_string_equal(shown(f), "abgd");
    assert_int_equal(f->t.cur, 0);
    assert_int_equal(f->t.order[0], f->t.key_col); /* the model column first */
    assert_true(f->t.value_col >= 0 && f->t.quality_col >= 0);
    assert_near(catalog_num(f->t.cat, GAMMA, (size_t)f->t.quality_col), 0.35, 1e-9);
    assert_false(tv_weights_custom(&f->t));
}

static void test_sort_and_back_to_row(void **state)
{
    fixture *f = *state;
    act(f, ACT_DOWN); /* the cursor on beta */
    assert_int_equal(cursor_row(f), BETA);
    tv_sort(&f->a, &f->t, f->t.value_col, 1, 0);
    assert_string_equal(shown(f), "bgda"); /* 0.75, 0.70, 0.40, 0.35 */
    assert_int_equal(f->t.cur, 0);         /* after a sort: the top */
    tv_sort(&f->a, &f->t, f->t.value_col, 0, 0);
    assert_string_equal(shown(f), "adgb");
    act(f, ACT_BOTTOM);
    tv_sort(&f->a, &f->t, col(f, "mmlu"), 1, 0);
    assert_string_equal(shown(f), "abdg"); /* the missing mmlu last */
    tv_back_to_row(&f->a, &f->t);          /* ': to beta, where the cursor was */
    assert_int_equal(cursor_row(f), BETA);
    /* a second key: family ascending, then gsm8k descending within it */
    tv_sort(&f->a, &f->t, col(f, "family"), 0, 0);
    tv_sort(&f->a, &f->t, col(f, "gsm8k"), 1, 1);
    assert_int_equal(f->t.nkeys, 2);
    assert_string_equal(shown(f), "gabd"); /* A: gamma 70, alpha 60; B; C */
    tv_sort(&f->a, &f->t, col(f, "gsm8k"), 0, 1); /* the same key: its direction only */
    assert_int_equal(f->t.nkeys, 2);
    assert_string_equal(shown(f), "agbd");
    act(f, ACT_SORT_CLEAR);
    assert_int_equal(f->t.nkeys, 0);
    assert_string_equal(shown(f), "abgd");
}

static void test_resort_keeps_the_cursor_row(void **state)
{
    fixture *f = *state;
    tv_sort(&f->a, &f->t, f->t.value_col, 1, 0);
    act(f, ACT_DOWN); /* gamma */
    assert_int_equal(cursor_row(f), GAMMA);
    tv_resort(&f->t);
    assert_int_equal(cursor_row(f), GAMMA);
}

static void test_filter(void **state)
{
    fixture *f = *state;
    tv_sort(&f->a, &f->t, f->t.value_col, 1, 0);
    act(f, ACT_BOTTOM); /* alpha */
    set_filter(f, "gsm8k>=60");
    assert_string_equal(shown(f), "bga"); /* the sort still applies */
    assert_int_equal(cursor_row(f), ALPHA); /* still shown: the cursor stays on it */
    set_filter(f, "mmlu<70 and gsm8k>50");
    assert_string_equal(shown(f), "b");
    assert_int_equal(f->t.cur, 0);
    set_filter(f, "relative_cost>5");
    assert_int_equal(f->t.n, 0);
    tv_clamp(&f->t);
    assert_int_equal(f->t.cur, 0);
    act(f, ACT_DOWN); /* nothing to move over: no crash, still 0 */
    assert_int_equal(f->t.cur, 0);
    act(f, ACT_CLEAR);
    assert_int_equal(f->t.n, 4);
    assert_null(f->t.filter);
    assert_string_equal(f->t.filter_text, "");
}

static void test_filter_words_and_find(void **state)
{
    fixture *f = *state;
    set_filter(f, "delta");
    assert_string_equal(shown(f), "d");
    assert_int_equal(f->t.nwords, 1);
    assert_string_equal(f->t.words[0], "delta");
    tv_set_filter(&f->t, NULL, NULL);
    /* n/N find the words of the filter in the cells shown: set the word
     * without filtering, as after a filter that was then cleared */
    snprintf(f->t.words[0], sizeof f->t.words[0], "%s", "TA"); /* beta and delta, any case */
    f->t.nwords = 1;
    f->t.ccol = 0;
    assert_int_equal(tv_find(&f->t, 1), 0);
    assert_int_equal(cursor_row(f), BETA);
    assert_int_equal(f->t.ccol, 0); /* the model column's cell */
    assert_int_equal(tv_find(&f->t, 1), 0);
    assert_int_equal(cursor_row(f), DELTA);
    assert_int_equal(tv_find(&f->t, 1), 0); /* past the last: round to the first */
    assert_int_equal(cursor_row(f), BETA);
    assert_int_equal(tv_find(&f->t, -1), 0); /* and backwards round the end */
    assert_int_equal(cursor_row(f), DELTA);
    snprintf(f->t.words[0], sizeof f->t.words[0], "%s", "zzz");
    assert_int_equal(tv_find(&f->t, 1), -1);
    assert_int_equal(cursor_row(f), DELTA); /* not found: the cursor stays */
}

static void test_marks(void **state)
{
    fixture *f = *state;
    act(f, ACT_MARK); /* alpha, then the cursor moves down */
    assert_int_equal(cursor_row(f), BETA);
    act(f, ACT_DOWN);
    act(f, ACT_MARK); /* gamma */
    assert_int_equal(f->t.nmarked, 2);
    assert_true(f->t.marked[ALPHA] && f->t.marked[GAMMA] && !f->t.marked[BETA]);
    /* marks belong to rows: they survive a sort and a filter */
    tv_sort(&f->a, &f->t, f->t.value_col, 1, 0);
    set_filter(f, "gsm8k>=70");
    assert_string_equal(shown(f), "bg");
    assert_int_equal(f->t.nmarked, 2);
    act(f, ACT_DOWN);
    act(f, ACT_MARK); /* gamma again: unmarked */
    assert_int_equal(f->t.nmarked, 1);
    assert_false(f->t.marked[GAMMA]);
    act(f, ACT_UNMARK_ALL);
    assert_int_equal(f->t.nmarked, 0);
    assert_false(f->t.marked[ALPHA]);
}

/* The weights editor on metric k (in the order it lists them). */
static void weights_on(fixture *f, const char *id)
{
    f->t.panel = PANEL_WEIGHTS;
    int n = tv_weights_count(&f->t);
    for (f->t.psel = 0; f->t.psel < n; f->t.psel++) {
        int c = -1;
        for (size_t k = 0, i = 0; k < catalog_cols(f->t.cat); k++) {
            const ld_column *cl = catalog_col(f->t.cat, k);
            if (cl->type != LD_COL_NUMBER || !tv_is_scored(&f->t, (int)k) || (cl->flags & LD_COLF_DERIVED) ||
                !strcmp(cl->id, "relative_cost"))
                continue;
            if ((int)i++ == f->t.psel) c = (int)k;
        }
        if (c >= 0 && !strcmp(catalog_col(f->t.cat, (size_t)c)->id, id)) return;
    }
    fail_msg("the weights editor does not list %s", id);
}

static void test_weights_rerank(void **state)
{
    fixture *f = *state;
    int q = f->t.quality_col;
    tv_sort(&f->a, &f->t, f->t.value_col, 1, 0);
    assert_string_equal(shown(f), "bgda");
    weights_on(f, "mmlu");
    act(f, ACT_INC_BIG); /* mmlu 2, gsm8k 1 */
    assert_near(catalog_col(f->t.cat, (size_t)col(f, "mmlu"))->weight, 2, 1e-12);
    assert_near(catalog_num(f->t.cat, ALPHA, (size_t)q), (160 + 60) / 300.0, 1e-9);
    assert_true(tv_weights_custom(&f->t));
    /* values: alpha 0.367, beta 0.70, gamma 0.467, delta 0.40: re-ranked live */
    assert_string_equal(shown(f), "bgda");
    act(f, ACT_ZERO); /* mmlu out: quality is gsm8k alone */
    assert_near(catalog_num(f->t.cat, GAMMA, (size_t)q), 0.70, 1e-9);
    assert_string_equal(shown(f), "gbda"); /* gamma 1.40, beta 0.90, delta 0.40, alpha 0.30 */
    for (int i = 0; i < 3; i++) act(f, ACT_INC); /* +0.1 three times, no drift */
    assert_true(catalog_col(f->t.cat, (size_t)col(f, "mmlu"))->weight == 0.3);
    act(f, ACT_RESET);
    assert_false(tv_weights_custom(&f->t));
    assert_string_equal(shown(f), "bgda");
}

static void test_missing_policy(void **state)
{
    fixture *f = *state;
    tv_sort(&f->a, &f->t, f->t.value_col, 1, 0);
    f->t.panel = PANEL_WEIGHTS;
    act(f, ACT_POLICY); /* a missing metric is left out, not 0 */
    assert_int_equal(f->a.missing, LD_MISSING_SKIP);
    assert_near(catalog_num(f->t.cat, GAMMA, (size_t)f->t.quality_col), 0.70, 1e-9);
    assert_string_equal(shown(f), "gbda"); /* gamma's value doubles to 1.40 */
    act(f, ACT_POLICY);
    assert_int_equal(f->a.missing, LD_MISSING_ZERO);
    assert_string_equal(shown(f), "bgda");
}

static void test_hide_and_show_columns(void **state)
{
    fixture *f = *state;
    size_t all = f->t.nvis;
    act(f, ACT_RIGHT);
    int c = f->t.vis[f->t.ccol];
    act(f, ACT_HIDE_COLUMN);
    assert_int_equal(f->t.nvis, all - 1);
    assert_true(f->t.hidden[c]);
    act(f, ACT_LINE_START);
    act(f, ACT_HIDE_COLUMN); /* the model column stays */
    assert_int_equal(f->t.nvis, all - 1);
    act(f, ACT_SHOW_COLUMNS);
    assert_int_equal(f->t.nvis, all);
    act(f, ACT_LINE_END);
    assert_int_equal(f->t.ccol, all - 1);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_opens_in_catalogue_order), T(test_sort_and_back_to_row), T(test_resort_keeps_the_cursor_row),
        T(test_filter),                   T(test_filter_words_and_find), T(test_marks),
        T(test_weights_rerank),           T(test_missing_policy),        T(test_hide_and_show_columns),
    };
    return cmocka_run_group_tests_name("table_logic", tests, NULL, NULL);
}
