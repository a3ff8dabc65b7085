/* keyspec.h - the key syntax of --keys, --play files and the key table.
 *
 *   printable characters stand for themselves (UTF-8); blanks separate
 *   nothing and are skipped; <Space> is a space, <lt> a '<'.
 *   Named keys (case-insensitive): <Up> <Down> <Left> <Right> <Enter> <Esc>
 *   <Tab> <S-Tab> <PageUp> <PageDown> <Home> <End> <BS> <Del> <F1>..<F12>,
 *   <S-Left> <S-Right>,
 *   <C-x> (Control plus a letter), <Resize WxH> (headless: resize the
 *   screen), and for scripted mouse use <Click X,Y> <WheelUp> <WheelDown>
 *   (0-based screen column and row).
 *
 * This module knows nothing of curses, so it is unit-tested on its own
 * (tests/unit/test_keyspec.c); keys.c maps its events to curses codes. */
#ifndef LLMDECK_TUI_KEYSPEC_H
#define LLMDECK_TUI_KEYSPEC_H

#include <stddef.h>
#include <stdint.h>

typedef enum {
    KS_CHAR = 0, /* code: a Unicode code point (control characters for <C-x>) */
    KS_KEY,      /* code: a ks_key */
    KS_RESIZE,   /* x, y: the new width and height */
    KS_CLICK,    /* x, y: screen column and row */
    KS_WHEEL_UP,
    KS_WHEEL_DOWN
} ks_kind;

typedef enum {
    KS_UP = 1, KS_DOWN, KS_LEFT, KS_RIGHT, KS_ENTER, KS_ESC, KS_TAB, KS_BTAB,
    KS_PAGE_UP, KS_PAGE_DOWN, KS_HOME, KS_END, KS_BS, KS_DEL,
    KS_F1, /* KS_F1 + n - 1 is Fn, n = 1..12 */
    KS_F12 = KS_F1 + 11,
    KS_S_LEFT, KS_S_RIGHT, /* Shift-arrows */
    KS_LAST = KS_S_RIGHT
} ks_key;

typedef struct {
    ks_kind kind;
    uint32_t code;
    int x, y;
} ks_event;

/* Parses `spec` into a malloc'd array of events (*n set; an empty spec gives
 * a non-NULL array with *n = 0).  On error returns NULL and writes a message
 * naming the offending token to err. */
ks_event *keyspec_parse(const char *spec, size_t *n, char *err, size_t errlen);

/* Parses a spec that must be exactly one key (used by the key table). */
int keyspec_parse_one(const char *spec, ks_event *ev);

/* Writes the canonical spelling of one event ("j", "<Up>", "<C-c>",
 * "<Space>", "<Resize 80x24>") to buf; returns buf. */
char *keyspec_format(const ks_event *ev, char *buf, size_t n);

/* Parses "WxH" (e.g. 100x30) with 1 <= W,H <= 1000; 0 on success. */
int keyspec_parse_size(const char *s, int *w, int *h);

#endif
