/* test_keys.c - the one key model (src/tui/keys.c), with no screen: the
 * lookup through scopes, the one predicate for the shell's actions, and
 * the bottom-line hints generated from the bindings. */
#include <string.h>

#include "testutil.h"

#include "tui/keys.h"

static int setup(void **state)
{
    (void)state;
    char err[128];
    if (keys_init(err, sizeof err) != 0) fail_msg("keys_init: %s", err);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    keys_fini();
    return 0;
}

static void test_lookup_through_scopes(void **state)
{
    (void)state;
    /* $ is the last column in the table too (it used to be shadowed there) */
    assert_int_equal(keys_lookup(SCOPE_TABLE, VIEW_TABLE, '$'), ACT_LINE_END);
    assert_int_equal(keys_lookup(SCOPE_TABLE, VIEW_TABLE, 'p'), ACT_COST_OF);
    assert_int_equal(keys_lookup(SCOPE_WIZARD, VIEW_WIZARD, 'p'), ACT_COST_OF);
    /* the cost view's picker is its own scope: q closes it, quits elsewhere */
    assert_int_equal(keys_lookup(SCOPE_COST_PICK, VIEW_COST, 'q'), ACT_CLOSE);
    assert_int_equal(keys_lookup(SCOPE_COST, VIEW_COST, 'q'), ACT_QUIT);
    assert_int_equal(keys_lookup(SCOPE_COST_PICK, VIEW_COST, 'j'), ACT_DOWN); /* via Moving */
    /* named actions, no custom slots */
    assert_int_equal(keys_lookup(SCOPE_TABLE, VIEW_TABLE, ')'), ACT_COL_WIDER);
    assert_int_equal(keys_lookup(SCOPE_TABLE, VIEW_TABLE, 'v'), ACT_CHART);
    assert_int_equal(keys_lookup(SCOPE_WIZARD, VIEW_WIZARD, 'r'), ACT_START_OVER);
    /* a text field has no fallback: letters type */
    assert_int_equal(keys_lookup(SCOPE_PROMPT, -1, 'q'), ACT_NONE);
}

static void test_global_predicate(void **state)
{
    (void)state;
    static const ld_action global[] = {ACT_QUIT,      ACT_HELP,      ACT_THEME_NEXT, ACT_VIEW_TABLE, ACT_VIEW_WIZARD,
                                       ACT_VIEW_COST, ACT_NEXT_VIEW, ACT_PREV_VIEW,  ACT_REDRAW};
    for (size_t i = 0; i < sizeof global / sizeof *global; i++) assert_true(keys_is_global(global[i]));
    assert_false(keys_is_global(ACT_NONE));
    assert_false(keys_is_global(ACT_UP));
    assert_false(keys_is_global(ACT_CLOSE));
    assert_false(keys_is_global(ACT_TXT_ACCEPT));
    /* the keys of the Everywhere scope act as the predicate says, and a
     * movement key (found through the Moving scope) is not global */
    for (const char *k = "qQ?123t"; *k; k++) assert_true(keys_is_global(keys_lookup(SCOPE_GLOBAL, -1, *k)));
    assert_false(keys_is_global(keys_lookup(SCOPE_GLOBAL, -1, 'j')));
}

static void test_hints_from_bindings(void **state)
{
    (void)state;
    char buf[256];
    static const ld_hint grid[] = {{{ACT_SORT_ASC, ACT_SORT_DESC}, "sort"}, {{ACT_FILTER}, "filter"},
                                   {{ACT_DETAIL}, "detail"}, {{ACT_COST_OF}, "cost"}, {{ACT_HELP}, "help"}};
    keys_hint(SCOPE_TABLE, VIEW_TABLE, 0, grid, 5, buf, sizeof buf);
    assert_string_equal(buf, "[/] sort  / filter  Enter detail  p cost  ? help");
    /* a label alone, and an action out of reach left out */
    static const ld_hint mixed[] = {{{ACT_NONE}, "type"}, {{ACT_POLICY}, "missing"}, {{ACT_LINE_END}, "last"}};
    keys_hint(SCOPE_TABLE, VIEW_TABLE, 0, mixed, 3, buf, sizeof buf);
    assert_string_equal(buf, "type  $ last");
    /* in a text field, keys that type are skipped: help is F1, not ? */
    static const ld_hint field[] = {{{ACT_ACCEPT}, "next"}, {{ACT_TXT_BS}, "delete"}, {{ACT_HELP}, "help"},
                                    {{ACT_DOWN, ACT_UP}, "choose"}};
    keys_hint(SCOPE_WIZARD, VIEW_WIZARD, 1, field, 4, buf, sizeof buf);
    assert_string_equal(buf, "Enter next  BS delete  F1 help  Down/Up choose");
    keys_hint(SCOPE_WIZARD, VIEW_WIZARD, 0, field, 4, buf, sizeof buf);
    assert_string_equal(buf, "Enter next  ? help  j/k choose");
    /* a short buffer is cut, never overrun */
    char small[8];
    keys_hint(SCOPE_TABLE, VIEW_TABLE, 0, grid, 5, small, sizeof small);
    assert_int_equal(strlen(small), sizeof small - 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lookup_through_scopes),
        cmocka_unit_test(test_global_predicate),
        cmocka_unit_test(test_hints_from_bindings),
    };
    return cmocka_run_group_tests_name("keys", tests, setup, teardown);
}
