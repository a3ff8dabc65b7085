/* keyspec.c - parse and print the key syntax (see keyspec.h).
 *
 * Kept free of curses and of the locale: the same string must mean the same
 * keys in a unit test, under --headless and on a real terminal. */
#include "keyspec.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "llmdeck/utf8.h"

static const struct {
    const char *name;
    ks_key key;
} names[] = {
    {"Up", KS_UP}, {"Down", KS_DOWN}, {"Left", KS_LEFT}, {"Right", KS_RIGHT},
    {"Enter", KS_ENTER}, {"Esc", KS_ESC}, {"Tab", KS_TAB}, {"S-Tab", KS_BTAB},
    {"PageUp", KS_PAGE_UP}, {"PageDown", KS_PAGE_DOWN}, {"Home", KS_HOME},
    {"End", KS_END}, {"BS", KS_BS}, {"Del", KS_DEL},
    {"S-Left", KS_S_LEFT}, {"S-Right", KS_S_RIGHT},
    /* accepted spellings, never printed */
    {"CR", KS_ENTER}, {"Return", KS_ENTER}, {"Escape", KS_ESC}, {"BackTab", KS_BTAB},
    {"PgUp", KS_PAGE_UP}, {"PgDn", KS_PAGE_DOWN}, {"PageDn", KS_PAGE_DOWN},
    {"Backspace", KS_BS}, {"Delete", KS_DEL},
};

/* A whole number in [lo, hi] spelled by s[0..len); -1 if not. */
static long parse_int(const char *s, size_t len, long lo, long hi)
{
    if (len == 0 || len > 6) return -1;
    long v = 0;
    for (size_t i = 0; i < len; i++) {
        if (!isdigit((unsigned char)s[i])) return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v >= lo && v <= hi ? v : -1;
}

/* Parses two numbers "A<sep>B" where sep is one of seps. */
static int parse_pair(const char *s, size_t len, const char *seps, long lo, long hi,
                      int *a, int *b)
{
    const char *p = NULL;
    for (size_t i = 0; i < len && !p; i++)
        if (strchr(seps, s[i])) p = s + i;
    if (!p) return -1;
    long x = parse_int(s, (size_t)(p - s), lo, hi);
    long y = parse_int(p + 1, len - (size_t)(p - s) - 1, lo, hi);
    if (x < 0 || y < 0) return -1;
    *a = (int)x;
    *b = (int)y;
    return 0;
}

int keyspec_parse_size(const char *s, int *w, int *h)
{
    if (!s) return -1;
    return parse_pair(s, strlen(s), "xX", 1, 1000, w, h);
}

static int iequal(const char *a, size_t alen, const char *b)
{
    return strlen(b) == alen && strncasecmp(a, b, alen) == 0;
}

/* The name between '<' and '>' (s[0..len)) as an event; 0 if known. */
static int parse_name(const char *s, size_t len, ks_event *ev)
{
    memset(ev, 0, sizeof *ev);
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (iequal(s, len, names[i].name)) {
            ev->kind = KS_KEY;
            ev->code = names[i].key;
            return 0;
        }
    if (iequal(s, len, "Space")) return ev->kind = KS_CHAR, ev->code = ' ', 0;
    if (iequal(s, len, "lt")) return ev->kind = KS_CHAR, ev->code = '<', 0;
    if (iequal(s, len, "gt")) return ev->kind = KS_CHAR, ev->code = '>', 0;
    if (iequal(s, len, "WheelUp")) return ev->kind = KS_WHEEL_UP, 0;
    if (iequal(s, len, "WheelDown")) return ev->kind = KS_WHEEL_DOWN, 0;
    if (len >= 2 && (s[0] == 'F' || s[0] == 'f')) {
        long n = parse_int(s + 1, len - 1, 1, 12);
        if (n > 0) return ev->kind = KS_KEY, ev->code = (uint32_t)(KS_F1 + n - 1), 0;
    }
    if (len == 3 && (s[0] == 'C' || s[0] == 'c') && s[1] == '-' && isalpha((unsigned char)s[2])) {
        ev->kind = KS_CHAR;
        ev->code = (uint32_t)(tolower((unsigned char)s[2]) - 'a' + 1);
        return 0;
    }
    if (len > 7 && strncasecmp(s, "Resize ", 7) == 0)
        return ev->kind = KS_RESIZE, parse_pair(s + 7, len - 7, "xX", 1, 1000, &ev->x, &ev->y);
    if (len > 6 && strncasecmp(s, "Click ", 6) == 0)
        return ev->kind = KS_CLICK, parse_pair(s + 6, len - 6, ",", 0, 9999, &ev->x, &ev->y);
    return -1;
}

ks_event *keyspec_parse(const char *spec, size_t *n, char *err, size_t errlen)
{
    size_t cap = 16, count = 0;
    ks_event *ev = malloc(cap * sizeof *ev);
    if (!ev) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    const char *p = spec ? spec : "";
    while (*p) {
        if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
            p++;
            continue;
        }
        if (count == cap) {
            ks_event *more = realloc(ev, 2 * cap * sizeof *ev);
            if (!more) {
                free(ev);
                snprintf(err, errlen, "out of memory");
                return NULL;
            }
            ev = more;
            cap *= 2;
        }
        ks_event *e = &ev[count];
        if (*p == '<') {
            const char *end = strchr(p + 1, '>');
            /* "<" alone must be written <lt>: a typo like "<Uo>" is an error,
             * never silently typed as four characters */
            if (!end || parse_name(p + 1, (size_t)(end - p - 1), e) != 0) {
                size_t shown = end ? (size_t)(end - p + 1) : strlen(p);
                if (shown > 40) shown = 40;
                snprintf(err, errlen, "unknown key name '%.*s' (write '<' as <lt>)", (int)shown, p);
                free(ev);
                return NULL;
            }
            p = end + 1;
        } else {
            uint32_t cp;
            size_t l = utf8_decode((const unsigned char *)p, &cp);
            if (l == 0) {
                snprintf(err, errlen, "invalid UTF-8 at byte %zu", (size_t)(p - spec) + 1);
                free(ev);
                return NULL;
            }
            if (cp < 0x20 || cp == 0x7F) {
                snprintf(err, errlen, "control character 0x%02x: write it as a key name like <C-x>",
                         (unsigned)cp);
                free(ev);
                return NULL;
            }
            /* C1 controls and bidi overrides are no keys a keyboard types,
             * and shown in the help they would reorder or drive the screen */
            if ((cp >= 0x80 && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
                cp == 0x200E || cp == 0x200F || cp == 0x061C) {
                snprintf(err, errlen, "control character U+%04X is not a key", (unsigned)cp);
                free(ev);
                return NULL;
            }
            memset(e, 0, sizeof *e);
            e->kind = KS_CHAR;
            e->code = cp;
            p += l;
        }
        count++;
    }
    *n = count;
    return ev;
}

int keyspec_parse_one(const char *spec, ks_event *ev)
{
    char err[128];
    size_t n = 0;
    ks_event *all = keyspec_parse(spec, &n, err, sizeof err);
    if (!all) return -1;
    int ok = n == 1;
    if (ok) *ev = all[0];
    free(all);
    return ok ? 0 : -1;
}

char *keyspec_format(const ks_event *ev, char *buf, size_t n)
{
    if (n == 0) return buf;
    buf[0] = '\0';
    switch (ev->kind) {
    case KS_CHAR:
        if (ev->code == ' ') snprintf(buf, n, "<Space>");
        else if (ev->code == '<') snprintf(buf, n, "<lt>");
        else if (ev->code >= 1 && ev->code <= 26) snprintf(buf, n, "<C-%c>", (char)('a' + ev->code - 1));
        else if (ev->code < 0x20 || ev->code == 0x7F || ev->code > 0x10FFFF) snprintf(buf, n, "?");
        else if (n > 4) buf[utf8_encode(ev->code, buf)] = '\0'; /* 0 bytes for a non-character */
        break;
    case KS_KEY:
        if (ev->code >= KS_F1 && ev->code <= KS_F12) snprintf(buf, n, "<F%u>", (unsigned)(ev->code - KS_F1 + 1));
        else
            for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
                if (names[i].key == (ks_key)ev->code) {
                    snprintf(buf, n, "<%s>", names[i].name);
                    break;
                }
        break;
    case KS_RESIZE: snprintf(buf, n, "<Resize %dx%d>", ev->x, ev->y); break;
    case KS_CLICK: snprintf(buf, n, "<Click %d,%d>", ev->x, ev->y); break;
    case KS_WHEEL_UP: snprintf(buf, n, "<WheelUp>"); break;
    case KS_WHEEL_DOWN: snprintf(buf, n, "<WheelDown>"); break;
    }
    return buf;
}
