/* test_keyspec.c - the key syntax of --keys, --play and the key table
 * (src/tui/keyspec.c, curses-free, compiled into this test). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "tui/keyspec.h"

static ks_event *parse_ok(const char *spec, size_t want_n)
{
    char err[128] = "";
    size_t n = 99;
    ks_event *ev = keyspec_parse(spec, &n, err, sizeof err);
    if (!ev) fail_msg("'%s' did not parse: %s", spec, err);
    assert_int_equal(n, want_n);
    return ev;
}

static void parse_fails(const char *spec, const char *want_in_msg)
{
    char err[128] = "";
    size_t n = 0;
    ks_event *ev = keyspec_parse(spec, &n, err, sizeof err);
    if (ev) {
        free(ev);
        fail_msg("'%s' parsed but should not", spec);
    }
    if (!strstr(err, want_in_msg)) fail_msg("message '%s' lacks '%s'", err, want_in_msg);
}

static void test_empty_and_blanks(void **state)
{
    (void)state;
    free(parse_ok("", 0));
    free(parse_ok("   \n\t ", 0));
    char err[64];
    size_t n = 5;
    ks_event *ev = keyspec_parse(NULL, &n, err, sizeof err);
    assert_non_null(ev);
    assert_int_equal(n, 0);
    free(ev);
}

static void test_characters(void **state)
{
    (void)state;
    ks_event *ev = parse_ok("j k]", 3);
    assert_int_equal(ev[0].kind, KS_CHAR);
    assert_int_equal(ev[0].code, 'j');
    assert_int_equal(ev[1].code, 'k');
    assert_int_equal(ev[2].code, ']');
    free(ev);
    ev = parse_ok("\xc3\xa9\xe6\xbc\xa2\xf0\x9f\x98\x80>", 4); /* é 漢 😀 > */
    assert_int_equal(ev[0].code, 0xE9);
    assert_int_equal(ev[1].code, 0x6F22);
    assert_int_equal(ev[2].code, 0x1F600);
    assert_int_equal(ev[3].code, '>');
    free(ev);
}

static void test_named_keys(void **state)
{
    (void)state;
    static const struct { const char *spec; ks_key key; } cases[] = {
        {"<Up>", KS_UP}, {"<Down>", KS_DOWN}, {"<Left>", KS_LEFT}, {"<Right>", KS_RIGHT},
        {"<Enter>", KS_ENTER}, {"<Esc>", KS_ESC}, {"<Tab>", KS_TAB}, {"<S-Tab>", KS_BTAB},
        {"<PageUp>", KS_PAGE_UP}, {"<PageDown>", KS_PAGE_DOWN}, {"<Home>", KS_HOME},
        {"<End>", KS_END}, {"<BS>", KS_BS}, {"<Del>", KS_DEL}, {"<F1>", KS_F1}, {"<F12>", KS_F12},
        {"<f5>", (ks_key)(KS_F1 + 4)}, {"<up>", KS_UP}, {"<ENTER>", KS_ENTER}, {"<CR>", KS_ENTER},
        {"<Return>", KS_ENTER}, {"<Escape>", KS_ESC}, {"<PgDn>", KS_PAGE_DOWN}, {"<PgUp>", KS_PAGE_UP},
        {"<Backspace>", KS_BS}, {"<Delete>", KS_DEL}, {"<BackTab>", KS_BTAB},
        {"<S-Left>", KS_S_LEFT}, {"<S-Right>", KS_S_RIGHT}, {"<s-left>", KS_S_LEFT},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ks_event *ev = parse_ok(cases[i].spec, 1);
        if (ev[0].kind != KS_KEY || ev[0].code != (uint32_t)cases[i].key)
            fail_msg("%s: kind %d code %u", cases[i].spec, ev[0].kind, ev[0].code);
        free(ev);
    }
}

static void test_special_characters(void **state)
{
    (void)state;
    ks_event *ev = parse_ok("<Space><lt><gt><C-c><C-A><c-z>", 6);
    assert_int_equal(ev[0].code, ' ');
    assert_int_equal(ev[1].code, '<');
    assert_int_equal(ev[2].code, '>');
    assert_int_equal(ev[3].code, 3);
    assert_int_equal(ev[4].code, 1);
    assert_int_equal(ev[5].code, 26);
    for (int i = 0; i < 6; i++) assert_int_equal(ev[i].kind, KS_CHAR);
    free(ev);
}

static void test_resize_and_mouse(void **state)
{
    (void)state;
    ks_event *ev = parse_ok("<Resize 80x24> <resize 30X8> <Click 5,3> <WheelUp> <WheelDown>", 5);
    assert_int_equal(ev[0].kind, KS_RESIZE);
    assert_int_equal(ev[0].x, 80);
    assert_int_equal(ev[0].y, 24);
    assert_int_equal(ev[1].x, 30);
    assert_int_equal(ev[1].y, 8);
    assert_int_equal(ev[2].kind, KS_CLICK);
    assert_int_equal(ev[2].x, 5);
    assert_int_equal(ev[2].y, 3);
    assert_int_equal(ev[3].kind, KS_WHEEL_UP);
    assert_int_equal(ev[4].kind, KS_WHEEL_DOWN);
    free(ev);
}

static void test_errors(void **state)
{
    (void)state;
    parse_fails("j<Foo>k", "<Foo>");
    parse_fails("<Up", "<Up");
    parse_fails("<", "unknown key name");
    parse_fails("<>", "<>");
    parse_fails("<F13>", "<F13>");
    parse_fails("<F0>", "<F0>");
    parse_fails("<C-1>", "<C-1>");
    parse_fails("<C-ab>", "<C-ab>");
    parse_fails("<Resize 0x5>", "Resize");
    parse_fails("<Resize 80x>", "Resize");
    parse_fails("<Resize 1001x5>", "Resize");
    parse_fails("<Resize 80 24>", "Resize");
    parse_fails("<Click 5>", "Click");
    parse_fails("a\xff", "UTF-8");
    parse_fails("\xc3", "UTF-8");
    parse_fails("\xed\xa0\x80", "UTF-8"); /* a surrogate */
    parse_fails("\xc0\xaf", "UTF-8");     /* overlong */
    parse_fails("a\x01", "control character");
    parse_fails("\x7f", "control character");
    parse_fails("\xc2\x9b", "U+009B is not a key");     /* C1 CSI */
    parse_fails("a\xe2\x80\xae", "U+202E is not a key"); /* right-to-left override */
    parse_fails("\xe2\x81\xa6", "U+2066 is not a key");  /* left-to-right isolate */
}

static void test_round_trip(void **state)
{
    (void)state;
    const char *spec = "j <Space> <lt> > é <Up> <Down> <Left> <Right> <Enter> <Esc> <Tab> <S-Tab> "
                       "<PageUp> <PageDown> <Home> <End> <BS> <Del> <F1> <F7> <F12> <C-c> <C-x> "
                       "<Resize 80x24> <Click 3,4> <WheelUp> <WheelDown>";
    size_t n;
    char err[128], buf[64];
    ks_event *ev = keyspec_parse(spec, &n, err, sizeof err);
    assert_non_null(ev);
    assert_int_equal(n, 28);
    for (size_t i = 0; i < n; i++) {
        keyspec_format(&ev[i], buf, sizeof buf);
        ks_event back;
        if (keyspec_parse_one(buf, &back) != 0) fail_msg("'%s' does not parse back", buf);
        assert_int_equal(back.kind, ev[i].kind);
        assert_int_equal(back.code, ev[i].code);
        assert_int_equal(back.x, ev[i].x);
        assert_int_equal(back.y, ev[i].y);
    }
    /* canonical spellings */
    ks_event e = {KS_KEY, KS_PAGE_DOWN, 0, 0};
    assert_string_equal(keyspec_format(&e, buf, sizeof buf), "<PageDown>");
    e.kind = KS_CHAR;
    e.code = 3;
    assert_string_equal(keyspec_format(&e, buf, sizeof buf), "<C-c>");
    e.code = 0x6F22;
    assert_string_equal(keyspec_format(&e, buf, sizeof buf), "\xe6\xbc\xa2");
    free(ev);
}

static void test_parse_one(void **state)
{
    (void)state;
    ks_event ev;
    assert_int_equal(keyspec_parse_one("<Enter>", &ev), 0);
    assert_int_equal(ev.code, KS_ENTER);
    assert_int_equal(keyspec_parse_one("jk", &ev), -1);
    assert_int_equal(keyspec_parse_one("", &ev), -1);
    assert_int_equal(keyspec_parse_one("<Nope>", &ev), -1);
}

static void test_size(void **state)
{
    (void)state;
    int w = 0, h = 0;
    assert_int_equal(keyspec_parse_size("100x30", &w, &h), 0);
    assert_int_equal(w, 100);
    assert_int_equal(h, 30);
    assert_int_equal(keyspec_parse_size("30X8", &w, &h), 0);
    assert_int_equal(w, 30);
    assert_int_equal(h, 8);
    assert_int_equal(keyspec_parse_size("x30", &w, &h), -1);
    assert_int_equal(keyspec_parse_size("100x", &w, &h), -1);
    assert_int_equal(keyspec_parse_size("100x30x", &w, &h), -1);
    assert_int_equal(keyspec_parse_size("abc", &w, &h), -1);
    assert_int_equal(keyspec_parse_size("0x10", &w, &h), -1);
    assert_int_equal(keyspec_parse_size("-5x10", &w, &h), -1);
    assert_int_equal(keyspec_parse_size("99999999999x10", &w, &h), -1);
    assert_int_equal(keyspec_parse_size(NULL, &w, &h), -1);
}

static void test_many_keys(void **state)
{
    (void)state;
    char spec[5001];
    for (int i = 0; i < 5000; i++) spec[i] = (char)('a' + i % 26);
    spec[5000] = '\0';
    ks_event *ev = parse_ok(spec, 5000);
    assert_int_equal(ev[4999].code, 'a' + 4999 % 26);
    free(ev);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_empty_and_blanks), cmocka_unit_test(test_characters),
        cmocka_unit_test(test_named_keys),       cmocka_unit_test(test_special_characters),
        cmocka_unit_test(test_resize_and_mouse), cmocka_unit_test(test_errors),
        cmocka_unit_test(test_round_trip),       cmocka_unit_test(test_parse_one),
        cmocka_unit_test(test_size),             cmocka_unit_test(test_many_keys),
    };
    return cmocka_run_group_tests_name("keyspec", tests, NULL, NULL);
}
