/* theme.c - load themes (JSON) and turn roles into curses attributes. */
#include "theme.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "llmdeck/csvload.h"
#include "llmdeck/embed.h"

static const char *const role_names[ROLE__COUNT] = {
    "text", "title", "tab", "tab_active", "header", "header_sort",
    "cursor", "selected", "marked", "best", "worst", "missing",
    "muted", "accent", "api", "selfhost", "breakeven", "warning",
    "error", "status", "hint", "border", "prompt", "match", "bar",
    "series1", "series2", "series3", "series4", "series5", "series6", "series_other",
};


static const char *const color8[] = {"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"};

/* 1-based line and column of byte `off` in text, for FILE:LINE:COL. */
static void position(const char *text, size_t off, long *line, long *col)
{
    *line = 1;
    *col = 1;
    for (size_t i = 0; i < off && text[i]; i++) {
        if (text[i] == '\n') ++*line, *col = 1;
        else ++*col;
    }
}

/* A colour value: a number 0..255, -1, or a name ("yellow", "default"). */
static int parse_color(const cJSON *v, int allow_index, short *out)
{
    if (!v) return 1; /* absent */
    if (cJSON_IsNumber(v)) {
        double d = v->valuedouble;
        if (!allow_index && !(d >= -1 && d <= 7)) return -1;
        if (!(d >= -1 && d <= 255) || d != (int)d) return -1; /* range first: (int)1e300 is undefined */
        *out = (short)d;
        return 0;
    }
    if (!cJSON_IsString(v)) return -1;
    if (strcmp(v->valuestring, "default") == 0) return *out = -1, 0;
    for (short i = 0; i < 8; i++)
        if (strcmp(v->valuestring, color8[i]) == 0) return *out = i, 0;
    return -1;
}

static int parse_role(ld_role_style *st, const cJSON *obj, const char *name, const char *role,
                      ld_error *err)
{
    if (!cJSON_IsObject(obj))
        return error_set(err, LD_ERR_PARSE, name, 0, 0, "role '%s': expected an object", role);
    static const char *const keys[] = {"fg", "bg", "fg8", "bg8"};
    short *dst[] = {&st->fg, &st->bg, &st->fg8, &st->bg8};
    int present[4];
    for (int i = 0; i < 4; i++) {
        present[i] = parse_color(cJSON_GetObjectItemCaseSensitive(obj, keys[i]), i < 2, dst[i]);
        if (present[i] < 0)
            return error_set(err, LD_ERR_PARSE, name, 0, 0,
                             "role '%s': %s must be %s", role, keys[i],
                             i < 2 ? "a colour number 0-255, -1 or a colour name"
                                   : "a colour name (black red green yellow blue magenta cyan white default)");
    }
    /* a theme may give only one of the two palettes: use it for both */
    for (int i = 0; i < 2; i++) {
        if (present[i] == 1 && present[i + 2] == 0) *dst[i] = *dst[i + 2];
        if (present[i + 2] == 1 && present[i] == 0) *dst[i + 2] = *dst[i] <= 7 ? *dst[i] : -1;
    }
    const cJSON *attrs = cJSON_GetObjectItemCaseSensitive(obj, "attrs");
    if (attrs) {
        if (!cJSON_IsArray(attrs))
            return error_set(err, LD_ERR_PARSE, name, 0, 0, "role '%s': attrs must be a list", role);
        static const struct { const char *n; unsigned bit; } an[] = {
            {"bold", THEME_A_BOLD}, {"reverse", THEME_A_REVERSE}, {"underline", THEME_A_UNDERLINE},
            {"dim", THEME_A_DIM}, {"standout", THEME_A_STANDOUT}, {"italic", THEME_A_ITALIC},
        };
        const cJSON *a;
        cJSON_ArrayForEach(a, attrs) {
            unsigned bit = 0;
            for (size_t i = 0; i < sizeof an / sizeof an[0] && cJSON_IsString(a); i++)
                if (strcmp(a->valuestring, an[i].n) == 0) bit = an[i].bit;
            if (!bit)
                return error_set(err, LD_ERR_PARSE, name, 0, 0,
                                 "role '%s': unknown attribute (use bold, reverse, underline, dim, standout, italic)",
                                 role);
            st->attrs |= bit;
        }
    }
    st->set = 1;
    return 0;
}

int theme_parse(ld_theme *t, const char *json, size_t len, const char *name, ld_error *err)
{
    memset(t, 0, sizeof *t);
    for (int r = 0; r < ROLE__COUNT; r++) {
        t->role[r].fg = t->role[r].bg = t->role[r].fg8 = t->role[r].bg8 = -1;
    }
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(json, len, &end, 0);
    if (!root) {
        long line, col;
        position(json, end ? (size_t)(end - json) : 0, &line, &col);
        return error_set(err, LD_ERR_PARSE, name, line, col, "not valid JSON");
    }
    int rc = 0;
    const cJSON *nm = cJSON_GetObjectItemCaseSensitive(root, "name");
    const cJSON *roles = cJSON_GetObjectItemCaseSensitive(root, "roles");
    if (!cJSON_IsObject(roles)) {
        rc = error_set(err, LD_ERR_PARSE, name, 0, 0, "expected an object with \"roles\"");
        goto out;
    }
    snprintf(t->name, sizeof t->name, "%s", cJSON_IsString(nm) ? nm->valuestring : name);
    const cJSON *r;
    cJSON_ArrayForEach(r, roles) {
        int found = -1;
        for (int i = 0; i < ROLE__COUNT; i++)
            if (strcmp(r->string, role_names[i]) == 0) found = i;
        if (found < 0) {
            rc = error_set(err, LD_ERR_PARSE, name, 0, 0, "unknown role '%s'", r->string);
            goto out;
        }
        if ((rc = parse_role(&t->role[found], r, name, r->string, err)) != 0) goto out;
    }
out:
    cJSON_Delete(root);
    return rc;
}

static const char *names_cache[16];
static size_t names_n;

const char *const *theme_builtin_names(size_t *n)
{
    if (!names_n) {
        /* "default" leads the cycle; the rest follow in file-name order */
        names_cache[names_n++] = "default";
        static char store[15][64];
        for (const ld_embedded_file *f = ld_embedded_files; f->name && names_n < 16; f++) {
            size_t l = strlen(f->name);
            if (strncmp(f->name, "themes/", 7) != 0 || l < 13 || strcmp(f->name + l - 5, ".json") != 0)
                continue;
            size_t nl = l - 12;
            if (nl >= 64 || (nl == 7 && strncmp(f->name + 7, "default", 7) == 0)) continue;
            memcpy(store[names_n - 1], f->name + 7, nl);
            store[names_n - 1][nl] = '\0';
            names_cache[names_n] = store[names_n - 1];
            names_n++;
        }
    }
    *n = names_n;
    return names_cache;
}

const char *theme_next_name(const char *current)
{
    size_t n;
    const char *const *names = theme_builtin_names(&n);
    for (size_t i = 0; i < n; i++)
        if (strcmp(names[i], current) == 0) return names[(i + 1) % n];
    return names[0];
}

static int is_file_name(const char *s)
{
    size_t l = strlen(s);
    return strchr(s, '/') || (l > 5 && strcmp(s + l - 5, ".json") == 0);
}

int theme_load(ld_theme *t, const char *name_or_file, const char *what, ld_error *err)
{
    int rc;
    char *owned = NULL;
    const char *text;
    size_t len;
    if (is_file_name(name_or_file)) {
        ld_error e2;
        error_clear(&e2);
        owned = csvload_read_file(name_or_file, &len, &e2);
        if (!owned)
            return error_set(err, LD_ERR_USAGE, what, 0, 0, "cannot read theme file '%s': %s",
                             name_or_file, e2.msg);
        text = owned;
    } else {
        char path[128];
        snprintf(path, sizeof path, "themes/%s.json", name_or_file);
        text = strlen(name_or_file) < 64 ? embed_find(path, &len) : NULL;
        if (!text) {
            size_t n;
            const char *const *names = theme_builtin_names(&n);
            char list[256] = "";
            for (size_t i = 0; i < n; i++)
                snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", i ? ", " : "", names[i]);
            return error_set(err, LD_ERR_USAGE, what, 0, 0,
                             "unknown theme '%s' (built-in: %s; or a path to a .json file)",
                             name_or_file, list);
        }
    }
    int from_file = owned != NULL;
    rc = theme_parse(t, text, len, name_or_file, err);
    free(owned);
    if (rc) return rc;
    snprintf(t->origin, sizeof t->origin, "%s", from_file ? name_or_file : "embedded");
    if (strcmp(t->name, "mono") != 0) { /* roles left out: mono's attributes */
        ld_theme mono;
        size_t ml;
        const char *mt = embed_find("themes/mono.json", &ml);
        if (mt && theme_parse(&mono, mt, ml, "mono", NULL) == 0)
            for (int r = 0; r < ROLE__COUNT; r++)
                if (!t->role[r].set) t->role[r].attrs = mono.role[r].attrs;
    }
    return 0;
}

/* --- curses side ----------------------------------------------------------- */

static attr_t role_attr[ROLE__COUNT];

static attr_t curses_attrs(unsigned a)
{
    attr_t r = A_NORMAL;
    if (a & THEME_A_BOLD) r |= A_BOLD;
    if (a & THEME_A_REVERSE) r |= A_REVERSE;
    if (a & THEME_A_UNDERLINE) r |= A_UNDERLINE;
    if (a & THEME_A_DIM) r |= A_DIM;
    if (a & THEME_A_STANDOUT) r |= A_STANDOUT;
#ifdef A_ITALIC
    if (a & THEME_A_ITALIC) r |= A_ITALIC;
#endif
    return r;
}

static short pick(short c256, short c8)
{
    /* 256-colour values only where the terminal has them */
    if (COLORS >= 256 && c256 < COLORS) return c256;
    if (c8 >= 0 && c8 < COLORS) return c8;
    return -1;
}

void theme_apply(const ld_theme *t, int mono)
{
    int colour = !mono && has_colors() && COLORS >= 8 && COLOR_PAIRS > ROLE__COUNT;
    for (int r = 0; r < ROLE__COUNT; r++) {
        const ld_role_style *st = &t->role[r];
        role_attr[r] = curses_attrs(st->attrs);
        if (colour) {
            short fg = pick(st->fg, st->fg8), bg = pick(st->bg, st->bg8);
            if (fg >= 0 || bg >= 0) {
                init_pair((short)(r + 1), fg, bg);
                role_attr[r] |= COLOR_PAIR(r + 1);
            }
        }
    }
}

attr_t theme_attr(ld_role r) { return r < ROLE__COUNT ? role_attr[r] : A_NORMAL; }
