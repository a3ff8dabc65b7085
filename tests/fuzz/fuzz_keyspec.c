/* fuzz_keyspec.c - the --keys / --play key syntax (src/tui/keyspec.c, free
 * of curses).  Property: every parsed event prints in its canonical
 * spelling, and that spelling parses back to the same event.
 * EXTRA: src/tui/keyspec.c */
#include "fuzz_common.h"

#include "tui/keyspec.h"

static int same(const ks_event *a, const ks_event *b)
{
    if (a->kind != b->kind) return 0;
    switch (a->kind) {
    case KS_CHAR:
    case KS_KEY: return a->code == b->code;
    case KS_RESIZE:
    case KS_CLICK: return a->x == b->x && a->y == b->y;
    default: return 1;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *spec = fz_cstr(data, size);
    char err[160];
    err[0] = '\0';
    size_t n = 0;
    ks_event *ev = keyspec_parse(spec, &n, err, sizeof err);
    if (!ev) {
        FUZZ_CHECK(err[0] != '\0' && memchr(err, 0, sizeof err), "an error without a message");
    } else {
        for (size_t i = 0; i < n; i++) {
            char buf[64];
            keyspec_format(&ev[i], buf, sizeof buf);
            FUZZ_CHECK(buf[0] != '\0', "event %zu (kind %d code %u) has no spelling", i,
                       (int)ev[i].kind, (unsigned)ev[i].code);
            ks_event back;
            FUZZ_CHECK(keyspec_parse_one(buf, &back) == 0, "'%s' does not parse back", buf);
            FUZZ_CHECK(same(&ev[i], &back), "'%s' parses to another event", buf);
        }
        free(ev);
    }
    int w, h;
    if (keyspec_parse_size(spec, &w, &h) == 0)
        FUZZ_CHECK(w >= 1 && w <= 1000 && h >= 1 && h <= 1000, "size %dx%d", w, h);
    free(spec);
    return 0;
}
