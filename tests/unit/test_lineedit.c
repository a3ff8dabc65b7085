/* test_lineedit.c - the line editor shared by the prompt and the wizard's
 * fields (src/tui/lineedit.c, curses-free, compiled into this test). */
#include <stdio.h>
#include <string.h>

#include "testutil.h"

#include "tui/lineedit.h"

/* The text, with '|' where the cursor is. */
static const char *show(const le_line *l)
{
    static char out[256];
    snprintf(out, sizeof out, "%.*s|%s", (int)l->cur, l->buf, l->buf + l->cur);
    return out;
}

static void type(le_line *l, const char *ascii)
{
    for (; *ascii; ascii++) assert_int_equal(le_insert(l, (unsigned char)*ascii), 1);
}

static void test_insert_and_move(void **state)
{
    (void)state;
    char buf[64];
    le_line l;
    le_set(&l, buf, sizeof buf, "");
    type(&l, "mmlu>65");
    assert_string_equal(show(&l), "mmlu>65|");
    assert_int_equal(le_apply(&l, LE_LEFT), 0);
    assert_int_equal(le_apply(&l, LE_LEFT), 0);
    type(&l, "=");
    assert_string_equal(show(&l), "mmlu>=|65");
    le_apply(&l, LE_HOME);
    assert_string_equal(show(&l), "|mmlu>=65");
    le_apply(&l, LE_LEFT); /* nothing before the start */
    assert_int_equal(l.cur, 0);
    le_apply(&l, LE_END);
    le_apply(&l, LE_RIGHT); /* nothing after the end */
    assert_string_equal(show(&l), "mmlu>=65|");
    assert_int_equal(l.len, strlen(buf));
}

static void test_wide_characters(void **state)
{
    (void)state;
    char buf[64];
    le_line l;
    le_set(&l, buf, sizeof buf, "caf");
    assert_int_equal(le_insert(&l, 0xE9), 1);   /* é: 2 bytes */
    assert_int_equal(le_insert(&l, 0x901A), 1); /* 通: 3 bytes */
    assert_string_equal(buf, "caf\xC3\xA9\xE9\x80\x9A");
    le_apply(&l, LE_LEFT); /* over the whole of 通, never into it */
    assert_int_equal(l.cur, 5);
    assert_int_equal(le_apply(&l, LE_BS), 1); /* é goes, both bytes */
    assert_string_equal(show(&l), "caf|\xE9\x80\x9A");
    assert_int_equal(le_apply(&l, LE_DEL), 1);
    assert_string_equal(show(&l), "caf|");
}

static void test_deletes(void **state)
{
    (void)state;
    char buf[64];
    le_line l;
    le_set(&l, buf, sizeof buf, "mmlu>65 and  arc>60");
    assert_int_equal(le_apply(&l, LE_KILL_WORD), 1); /* the word before the cursor */
    assert_string_equal(show(&l), "mmlu>65 and  |");
    assert_int_equal(le_apply(&l, LE_KILL_WORD), 1); /* blanks, then the word */
    assert_string_equal(show(&l), "mmlu>65 |");
    le_apply(&l, LE_HOME);
    le_apply(&l, LE_RIGHT);
    assert_int_equal(le_apply(&l, LE_KILL_END), 1);
    assert_string_equal(show(&l), "m|");
    assert_int_equal(le_apply(&l, LE_KILL_END), 0); /* nothing after the cursor */
    le_apply(&l, LE_HOME);
    assert_int_equal(le_apply(&l, LE_BS), 0); /* nothing before it */
    assert_int_equal(le_apply(&l, LE_KILL_WORD), 0);
    assert_int_equal(le_apply(&l, LE_KILL_LINE), 1);
    assert_string_equal(show(&l), "|");
    assert_int_equal(le_apply(&l, LE_DEL), 0);
}

static void test_refuses_controls_and_full(void **state)
{
    (void)state;
    char buf[6];
    le_line l;
    le_set(&l, buf, sizeof buf, "");
    assert_int_equal(le_insert(&l, 27), 0);     /* ESC: never into a field (or to the terminal) */
    assert_int_equal(le_insert(&l, '\n'), 0);
    assert_int_equal(le_insert(&l, 0x7F), 0);
    assert_int_equal(le_insert(&l, 0x9B), 0);   /* C1 CSI */
    assert_int_equal(le_insert(&l, 0xD800), 0); /* a surrogate */
    assert_int_equal(l.len, 0);
    type(&l, "abcd");
    assert_int_equal(le_insert(&l, 0xE9), -1); /* 2 bytes do not fit in the 1 left */
    assert_string_equal(buf, "abcd");
    assert_int_equal(le_insert(&l, 'e'), 1);
    assert_int_equal(le_insert(&l, 'f'), -1);
    assert_string_equal(buf, "abcde");
}

static void test_paste_and_set(void **state)
{
    (void)state;
    char buf[16];
    le_line l;
    le_set(&l, buf, sizeof buf, "a\tb\nc\x1b[2J");
    assert_string_equal(buf, "a b c [2J"); /* controls as blanks */
    le_apply(&l, LE_HOME);
    assert_int_equal(le_insert_text(&l, "x\xFFy"), 0); /* an invalid byte is dropped */
    assert_string_equal(show(&l), "xy|a b c [2J");
    assert_int_equal(le_insert_text(&l, "\xC3\xA9\xC3\xA9\xC3\xA9"), -1); /* cut at a character */
    assert_string_equal(buf, "xy\xC3\xA9\xC3\xA9" "a b c [2J"); /* 15 bytes: the third é is out */
    le_set(&l, buf, sizeof buf, NULL);
    assert_string_equal(show(&l), "|");
    /* le_over: a cursor beyond the text or inside a character is moved back */
    strcpy(buf, "\xC3\xA9t\xC3\xA9");
    le_line o = le_over(buf, sizeof buf, 4);
    assert_int_equal(o.len, 5);
    assert_int_equal(o.cur, 3);
    o = le_over(buf, sizeof buf, 99);
    assert_int_equal(o.cur, 5);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_insert_and_move),     cmocka_unit_test(test_wide_characters),
        cmocka_unit_test(test_deletes),             cmocka_unit_test(test_refuses_controls_and_full),
        cmocka_unit_test(test_paste_and_set),
    };
    return cmocka_run_group_tests_name("lineedit", tests, NULL, NULL);
}
