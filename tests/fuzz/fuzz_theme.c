/* fuzz_theme.c - colour themes (--theme FILE.json, themes/NAME.json):
 * theme_parse only; curses is linked but never started.
 * EXTRA: src/tui/theme.c
 * LINK: ncursesw */
/* DICT: theme.dict (libFuzzer dictionary, see run.sh) */
#include "fuzz_common.h"

#include "tui/theme.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ld_theme t;
    memset(&t, 0, sizeof t);
    ld_error err;
    error_clear(&err);
    if (theme_parse(&t, (const char *)data, size, "fuzz-theme.json", &err) != 0) {
        fz_check_error(&err);
        return 0;
    }
    FUZZ_CHECK(memchr(t.name, 0, sizeof t.name) != NULL, "name not terminated");
    for (int r = 0; r < ROLE__COUNT; r++) {
        const ld_role_style *s = &t.role[r];
        FUZZ_CHECK(s->fg >= -1 && s->fg <= 255 && s->bg >= -1 && s->bg <= 255, "role %d colours %d %d",
                   r, s->fg, s->bg);
        FUZZ_CHECK(s->fg8 >= -1 && s->fg8 <= 7 && s->bg8 >= -1 && s->bg8 <= 7, "role %d 8-colour %d %d",
                   r, s->fg8, s->bg8);
    }
    return 0;
}
