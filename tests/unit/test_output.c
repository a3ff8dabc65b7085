/* test_output.c - text / CSV / JSON / Markdown writers and terminal safety. */
#include <cjson/cJSON.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "testutil.h"

#include "llmdeck/catalog.h"
#include "llmdeck/csvload.h"
#include "llmdeck/output.h"
#include "llmdeck/score.h"

/* ---- output_sanitize ----------------------------------------------------- */

/* cmocka catches SIGSEGV and carries on with the next test: a forked child
 * must die of its crash instead. */
static void child_default_signals(void)
{
    static const int sigs[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT};
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) signal(sigs[i], SIG_DFL);
}

static char *san(const char *in)
{
    static char out[1024];
    memset(out, 'Z', sizeof out);
    char *r = output_sanitize(in, out, sizeof out);
    assert_ptr_equal(r, out);
    return out;
}

static void no_bytes(const char *s, const char *bytes, const char *what)
{
    if (strstr(s, bytes)) fail_msg("sanitized text still holds %s: \"%s\"", what, s);
}

/* True if s has any C0 control, DEL, or a byte of a C1 control (C2 80..9F)
 * or a raw 0x80..0x9F byte. */
static int has_raw_controls(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    for (; *p; p++) {
        if (*p < 0x20 || *p == 0x7f) return 1;
        if (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f) return 1;
    }
    return 0;
}

static void test_sanitize_controls(void **state)
{
    (void)state;
    char *s = san("\x1b[31mred\x1b[0m");
    no_bytes(s, "\x1b", "ESC");
    assert_non_null(strstr(s, "\\x1b"));
    assert_non_null(strstr(s, "[31mred"));
    s = san("ding\a");
    no_bytes(s, "\a", "BEL");
    assert_string_equal(s, "ding\\x07");
    s = san("a\x7f" "b");
    no_bytes(s, "\x7f", "DEL");
    s = san("tab\there\nnl\rcr\b");
    assert_false(has_raw_controls(s));
    assert_non_null(strstr(s, "\\t"));
    assert_non_null(strstr(s, "\\n"));
    /* C1 controls, UTF-8 encoded: NEL U+0085 and CSI U+009B */
    s = san("x\xc2\x85y\xc2\x9b" "31m");
    assert_false(has_raw_controls(s));
    no_bytes(s, "\xc2\x85", "U+0085");
    no_bytes(s, "\xc2\x9b", "U+009B");
    assert_int_equal(s[0], 'x');
    assert_non_null(strstr(s, "y"));
    /* a raw 8-bit CSI byte (invalid UTF-8, but a CSI to some terminals) */
    s = san("\x9b" "2J");
    assert_false(has_raw_controls(s));
    no_bytes(s, "\x9b", "raw 0x9b");
    assert_non_null(strstr(s, "\\x9b"));
}

static void test_sanitize_bidi(void **state)
{
    (void)state;
    char *s = san("abc\xe2\x80\xae" "fdp.exe");
    no_bytes(s, "\xe2\x80\xae", "U+202E");
    assert_non_null(strstr(s, "\\u202e"));
    s = san("\xe2\x81\xa6" "x" "\xe2\x81\xa9");
    no_bytes(s, "\xe2\x81\xa6", "U+2066");
    no_bytes(s, "\xe2\x81\xa9", "U+2069");
    assert_non_null(strstr(s, "\\u2066"));
    s = san("\xe2\x80\xaa\xe2\x80\xab\xe2\x80\xac\xe2\x80\xad\xe2\x81\xa7\xe2\x81\xa8\xe2\x80\x8f");
    assert_null(strchr(s, (char)0xe2));
}

static void test_sanitize_invalid_utf8(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "\xff", "\xfe\xff", "\xc0\xaf",           /* overlong '/' */
        "\xe0\x80\xaf",                          /* overlong */
        "\xed\xa0\x80",                          /* surrogate */
        "\xf4\x90\x80\x80",                      /* > U+10FFFF */
        "\xe4\xb8",                              /* truncated at the end */
        "\xe4\xb8x",                             /* truncated in the middle */
        "\x80", "\xbf",                          /* lone continuation bytes */
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char *s = san(bad[i]);
        for (const unsigned char *p = (const unsigned char *)s; *p; p++)
            if (*p >= 0x80) fail_msg("invalid UTF-8 case %zu kept byte 0x%02x: \"%s\"", i, *p, s);
        assert_true(strstr(s, "\\x") != NULL);
    }
    assert_string_equal(san("\xff"), "\\xff");
}

static void test_sanitize_keeps_text(void **state)
{
    (void)state;
    static const char *const good[] = {
        "plain ASCII, with punctuation: ~!@#$%^&*()[]{}|\\/",
        "caf\xc3\xa9",                 /* é */
        "\xe4\xb8\xad\xe6\x96\x87",    /* 中文 */
        "\xf0\x9f\x98\x80 \xf0\x9f\xa4\x9d", /* emoji */
        "\xe2\x82\xac 5",              /* € */
        "",
    };
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) assert_string_equal(san(good[i]), good[i]);
}

static void test_sanitize_small_buffers(void **state)
{
    (void)state;
    char out[8];
    /* an escape is never cut in half */
    output_sanitize("\x1b\x1b", out, 6);
    assert_string_equal(out, "\\x1b");
    /* nor a multi-byte character */
    output_sanitize("ab\xf0\x9f\x98\x80", out, 5);
    assert_string_equal(out, "ab");
    output_sanitize("abc", out, 1);
    assert_string_equal(out, "");
    memset(out, 'Z', sizeof out);
    output_sanitize("abcdefghijkl", out, sizeof out);
    assert_string_equal(out, "abcdefg");
}

/* ---- table writers ------------------------------------------------------- */

/* Writes the table to memory; returns malloc'd text. */
static char *render(const ld_catalog *cat, const uint32_t *idx, size_t n, const int *cols, size_t ncols,
                    ld_format fmt, size_t *len)
{
    char *buf = NULL;
    size_t sz = 0;
    FILE *f = open_memstream(&buf, &sz);
    assert_non_null(f);
    assert_int_equal(output_table(f, cat, idx, n, cols, ncols, fmt), 0);
    fclose(f);
    if (len) *len = sz;
    return buf;
}

static const char *const TRICKY[] = {
    "plain",
    "with,comma",
    "with \"quotes\"",
    "\"starts with a quote",
    "multi\nline",
    "crlf\r\nline",
    " leading space",
    "trailing space ",
    "\ttab first",
    "tab last\t",
    "=SUM(A1:A2)",
    "caf\xc3\xa9 \xe4\xb8\xad \xf0\x9f\x98\x80",
    "esc\x1b[2Jhere",
    "pipe | and \\ backslash",
    ("\xe2\x80\xae" "bidi"), /* U+202E then text: split so "bidi" is not hex */
    "'single'",
    ",",
    "\"",
    "a\"\"b",
};
#define NTRICKY (sizeof TRICKY / sizeof TRICKY[0])

/* A catalogue: model (names r0..), note (tricky), score (number, some missing). */
static ld_catalog *tricky_catalog(void)
{
    ld_catalog *cat = catalog_new();
    catalog_add_column(cat, "model", LD_COL_TEXT, 0);
    catalog_add_column(cat, "note", LD_COL_TEXT, 0);
    catalog_add_column(cat, "score", LD_COL_TEXT, 0);
    for (size_t i = 0; i < NTRICKY; i++) {
        size_t r = catalog_add_row(cat);
        char name[16], num[32];
        snprintf(name, sizeof name, "r%zu", i);
        catalog_set_cell(cat, r, 0, name, strlen(name));
        catalog_set_cell(cat, r, 1, TRICKY[i], strlen(TRICKY[i]));
        if (i % 4 != 3) {
            snprintf(num, sizeof num, "%.2f", i * 1.5 - 4);
            catalog_set_cell(cat, r, 2, num, strlen(num));
        }
    }
    ld_error err;
    error_clear(&err);
    assert_int_equal(catalog_finish(cat, "tricky", NULL, &err), 0);
    assert_int_equal(catalog_col(cat, 2)->type, LD_COL_NUMBER);
    return cat;
}

static void test_csv_round_trip(void **state)
{
    (void)state;
    ld_catalog *cat = tricky_catalog();
    uint32_t idx[NTRICKY];
    for (uint32_t i = 0; i < NTRICKY; i++) idx[i] = i;
    int cols[] = {0, 1, 2};
    size_t len;
    char *csv = render(cat, idx, NTRICKY, cols, 3, LD_FMT_CSV, &len);
    assert_null(memchr(csv, '\0', len));
    ld_error err;
    error_clear(&err);
    ld_catalog *back = csvload_buffer(csv, len, "roundtrip.csv", NULL, &err);
    if (!back) fail_msg("reading the CSV back: %s at %ld:%ld\n%s", err.msg, err.line, err.col, csv);
    assert_int_equal(catalog_rows(back), NTRICKY);
    assert_int_equal(catalog_cols(back), 3);
    for (size_t c = 0; c < 3; c++) assert_string_equal(catalog_col(back, c)->id, catalog_col(cat, c)->id);
    char report[2048] = "";
    size_t o = 0;
    for (size_t r = 0; r < NTRICKY; r++)
        for (size_t c = 0; c < 3; c++) {
            const char *a = catalog_text(cat, r, c), *b = catalog_text(back, r, c);
            if (strcmp(a, b) != 0 && o < sizeof report - 200)
                o += (size_t)snprintf(report + o, sizeof report - o, "\n  row %zu col %zu: wrote \"%s\", read back \"%s\"",
                                      r, c, a, b);
        }
    catalog_free(back);
    free(csv);
    catalog_free(cat);
    if (o) fail_msg("cells changed by the CSV round trip:%s", report);
}

/* Runs fn in a child process: a crash fails the test instead of ending the
 * suite.  The child exits 0 when fn returns normally. */
static void in_child(void (*fn)(void), const char *what)
{
    fflush(NULL);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        child_default_signals();
        fn();
        _exit(0);
    }
    int status = 0;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    if (WIFSIGNALED(status)) fail_msg("%s: killed by signal %d", what, WTERMSIG(status));
    if (WEXITSTATUS(status) != 0) fail_msg("%s: exited with %d", what, WEXITSTATUS(status));
}

/* A loaded catalogue, one more row with only its name, exported as CSV with
 * the loaded columns (what `table a.csv --load b.csv --columns model,mmlu`
 * does when b.csv brings a new model and no mmlu). */
static void export_after_partial_row(void)
{
    const char *csv = "model,mmlu\nA,1\n";
    ld_error err;
    error_clear(&err);
    ld_catalog *cat = csvload_buffer(csv, strlen(csv), "a.csv", NULL, &err);
    if (!cat) _exit(3);
    size_t r = catalog_add_row(cat);
    catalog_set_cell(cat, r, 0, "B", 1);
    uint32_t idx[] = {0, 1};
    int cols[] = {0, 1};
    char *out = NULL;
    size_t sz = 0;
    FILE *f = open_memstream(&out, &sz);
    output_table(f, cat, idx, 2, cols, 2, LD_FMT_CSV);
    fclose(f);
    int ok = strcmp(out, "model,mmlu\nA,1\nB,\n") == 0;
    free(out);
    catalog_free(cat);
    _exit(ok ? 0 : 4);
}

static void test_csv_export_row_added_after_load(void **state)
{
    (void)state;
    in_child(export_after_partial_row, "CSV export of a row added after the load");
}

/* A NUL byte inside a cell (binary junk in a file): the catalogue holds the
 * text up to it; the export writes those cells, in their columns. */
static void test_csv_export_cell_with_nul(void **state)
{
    (void)state;
    /* A NUL byte is binary data, not CSV: refused with its position, so no
     * export can ever shift cells (decided: see README, hostile input). */
    static const char csv[] = "model,mmlu,note\nA\0B,1,x\nC,2,y\n";
    ld_error err;
    error_clear(&err);
    ld_catalog *cat = csvload_buffer(csv, sizeof csv - 1, "nul.csv", NULL, &err);
    assert_null(cat);
    assert_int_equal(err.code, LD_ERR_PARSE);
    assert_int_equal(err.line, 2);
    assert_int_equal(err.col, 1);
    assert_non_null(strstr(err.msg, "NUL"));
    /* and a cell set through the API ends at its NUL */
    cat = catalog_new();
    catalog_add_column(cat, "model", LD_COL_TEXT, 0);
    catalog_add_column(cat, "note", LD_COL_TEXT, 0);
    catalog_add_row(cat);
    catalog_set_cell(cat, 0, 0, "A\0B", 3);
    catalog_set_cell(cat, 0, 1, "x", 1);
    assert_int_equal(catalog_finish(cat, "api", NULL, &err), 0);
    uint32_t idx[] = {0};
    int cols[] = {0, 1};
    size_t len;
    char *out = render(cat, idx, 1, cols, 2, LD_FMT_CSV, &len);
    assert_string_equal(out, "model,note\nA,x\n");
    free(out);
    catalog_free(cat);
}

static void test_csv_field(void **state)
{
    (void)state;
    char *buf = NULL;
    size_t sz = 0;
    FILE *f = open_memstream(&buf, &sz);
    output_csv_field(f, "a\"b");
    fputc('|', f);
    output_csv_field(f, "plain");
    fputc('|', f);
    output_csv_field(f, "x,y");
    fputc('|', f);
    output_csv_field(f, "");
    fclose(f);
    assert_string_equal(buf, "\"a\"\"b\"|plain|\"x,y\"|");
    free(buf);
}

static void test_json_valid_and_exact(void **state)
{
    (void)state;
    ld_catalog *cat = tricky_catalog();
    /* an invalid UTF-8 cell too */
    size_t r = catalog_add_row(cat);
    catalog_set_cell(cat, r, 0, "bad\xff" "utf8", 8);
    catalog_set_cell(cat, r, 1, "\xc3(", 2);
    catalog_set_cell(cat, r, 2, "1e300", 5);
    size_t n = catalog_rows(cat);
    uint32_t *idx = malloc(n * sizeof *idx);
    for (uint32_t i = 0; i < n; i++) idx[i] = i;
    int cols[] = {0, 1, 2};
    size_t len;
    char *json = render(cat, idx, n, cols, 3, LD_FMT_JSON, &len);
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)json[i] < 0x20 && json[i] != '\n' && json[i] != ' ')
            fail_msg("raw control byte 0x%02x in the JSON at %zu", (unsigned char)json[i], i);
    cJSON *root = cJSON_ParseWithLength(json, len);
    if (!root) fail_msg("output is not valid JSON near: %.60s", cJSON_GetErrorPtr());
    assert_true(cJSON_IsArray(root));
    assert_int_equal(cJSON_GetArraySize(root), (int)n);
    for (size_t i = 0; i < NTRICKY; i++) {
        cJSON *o = cJSON_GetArrayItem(root, (int)i);
        assert_true(cJSON_IsObject(o));
        cJSON *note = cJSON_GetObjectItemCaseSensitive(o, "note");
        assert_true(cJSON_IsString(note));
        /* valid UTF-8 comes back byte for byte (escapes decode to the original) */
        if (strcmp(note->valuestring, TRICKY[i]) != 0)
            fail_msg("row %zu: JSON gives \"%s\", cell is \"%s\"", i, note->valuestring, TRICKY[i]);
        cJSON *score = cJSON_GetObjectItemCaseSensitive(o, "score");
        if (i % 4 == 3) assert_true(cJSON_IsNull(score)); /* missing is null, never 0 */
        else {
            assert_true(cJSON_IsNumber(score));
            assert_near(score->valuedouble, i * 1.5 - 4, 1e-12);
        }
    }
    cJSON *last = cJSON_GetArrayItem(root, (int)n - 1);
    cJSON *bad = cJSON_GetObjectItemCaseSensitive(last, "model");
    assert_true(cJSON_IsString(bad));
    assert_null(strchr(bad->valuestring, (char)0xff));
    assert_near(cJSON_GetObjectItemCaseSensitive(last, "score")->valuedouble, 1e300, 1e285);
    cJSON_Delete(root);
    free(json);
    /* no rows: still one valid document */
    json = render(cat, idx, 0, cols, 3, LD_FMT_JSON, &len);
    root = cJSON_ParseWithLength(json, len);
    assert_non_null(root);
    assert_int_equal(cJSON_GetArraySize(root), 0);
    cJSON_Delete(root);
    free(json);
    free(idx);
    catalog_free(cat);
}

static void test_json_value_score(void **state)
{
    (void)state;
    const char *csv = "model,mmlu,relative_cost\nA,50,0.5\nB,60,\nC,-0,1\n";
    ld_error err;
    error_clear(&err);
    ld_catalog *cat = csvload_buffer(csv, strlen(csv), "v.csv", NULL, &err);
    assert_non_null(cat);
    score_parse_weights(cat, "mmlu=1", "--weights", NULL);
    int vc = score_update(cat, LD_MISSING_ZERO);
    uint32_t idx[] = {0, 1, 2};
    int cols[] = {0, 1, vc};
    size_t len;
    char *json = render(cat, idx, 3, cols, 3, LD_FMT_JSON, &len);
    cJSON *root = cJSON_ParseWithLength(json, len);
    if (!root) fail_msg("invalid JSON: %s", json);
    cJSON *a = cJSON_GetArrayItem(root, 0), *b = cJSON_GetArrayItem(root, 1), *c = cJSON_GetArrayItem(root, 2);
    assert_near(cJSON_GetObjectItemCaseSensitive(a, "value_score")->valuedouble, 1.0, 1e-9);
    assert_true(cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(b, "value_score")));
    assert_true(cJSON_IsNumber(cJSON_GetObjectItemCaseSensitive(c, "mmlu")));
    assert_near(cJSON_GetObjectItemCaseSensitive(c, "mmlu")->valuedouble, 0, 0);
    cJSON_Delete(root);
    free(json);
    catalog_free(cat);
}

static void test_json_string_escapes(void **state)
{
    (void)state;
    static const char *const cases[] = {"q\"b\\s/", "\x01\x1f\x7f", "\xe2\x80\xa8\xe2\x80\xa9",
                                        "\xc2\x85", "\xf0\x9f\x98\x80"};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *buf = NULL;
        size_t sz = 0;
        FILE *f = open_memstream(&buf, &sz);
        output_json_string(f, cases[i]);
        fclose(f);
        cJSON *v = cJSON_ParseWithLength(buf, sz);
        if (!v) fail_msg("case %zu: %s is not a JSON string", i, buf);
        assert_true(cJSON_IsString(v));
        assert_string_equal(v->valuestring, cases[i]);
        cJSON_Delete(v);
        free(buf);
    }
}

/* Unescaped '|' in a Markdown table line. */
static size_t md_pipes(const char *line, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        if (line[i] == '\\' && i + 1 < len && line[i + 1] == '|') {
            i++;
            continue;
        }
        if (line[i] == '|') n++;
    }
    return n;
}

static void test_markdown(void **state)
{
    (void)state;
    ld_catalog *cat = tricky_catalog();
    ld_column *nc = catalog_col(cat, 1);
    free(nc->label);
    nc->label = strdup("Note | with pipe");
    uint32_t idx[NTRICKY];
    for (uint32_t i = 0; i < NTRICKY; i++) idx[i] = i;
    int cols[] = {0, 1, 2};
    size_t len;
    char *md = render(cat, idx, NTRICKY, cols, 3, LD_FMT_MD, &len);
    assert_null(memchr(md, 0x1b, len));
    assert_non_null(strstr(md, "Note \\| with pipe"));
    assert_non_null(strstr(md, "pipe \\| and"));
    /* one line per row plus the header and the rule; 4 cell borders each */
    size_t lines = 0;
    const char *p = md;
    while (*p) {
        const char *e = strchr(p, '\n');
        assert_non_null(e);
        size_t pipes = md_pipes(p, (size_t)(e - p));
        if (pipes != 4) fail_msg("line %zu has %zu cell borders: %.*s", lines + 1, pipes, (int)(e - p), p);
        if (lines == 1) {
            /* the rule: the number column right-aligned */
            assert_non_null(strstr(p, "---:"));
        }
        lines++;
        p = e + 1;
    }
    assert_int_equal(lines, NTRICKY + 2);
    /* a missing number is n/a */
    assert_non_null(strstr(md, "| r3 |"));
    const char *r3 = strstr(md, "| r3 |");
    const char *eol = strchr(r3, '\n');
    char row[256];
    snprintf(row, sizeof row, "%.*s", (int)(eol - r3), r3);
    assert_non_null(strstr(row, "n/a"));
    free(md);
    catalog_free(cat);
}

static void test_text_output(void **state)
{
    (void)state;
    const char *csv = "model,note,score,relative_cost\n"
                      "zero,plain,0,1\n"
                      "missing,\x1b]0;pwned\x07,,1\n"
                      "neg,\xc2\x9b" "31m,-0.5,\n";
    ld_error err;
    error_clear(&err);
    ld_catalog *cat = csvload_buffer(csv, strlen(csv), "t.csv", NULL, &err);
    assert_non_null(cat);
    ld_column *lc = catalog_col(cat, 1);
    free(lc->label);
    lc->label = strdup("Note\x1b[5m");
    score_parse_weights(cat, "score=1", "--weights", NULL);
    int vc = score_update(cat, LD_MISSING_ZERO);
    uint32_t idx[] = {0, 1, 2};
    int cols[] = {0, 1, 2, vc};
    size_t len;
    char *txt = render(cat, idx, 3, cols, 4, LD_FMT_TEXT, &len);
    assert_null(memchr(txt, 0x1b, len));
    assert_null(memchr(txt, 0x07, len));
    assert_null(strstr(txt, "\xc2\x9b"));
    /* lines: header + 3 rows */
    char *lines[4] = {0};
    size_t nl = 0;
    for (char *p = txt; *p && nl < 4;) {
        char *e = strchr(p, '\n');
        assert_non_null(e);
        *e = '\0';
        lines[nl++] = p;
        p = e + 1;
    }
    assert_int_equal(nl, 4);
    /* the zero row shows 0, the missing row shows n/a (never 0) */
    assert_non_null(strstr(lines[1], " 0"));
    assert_non_null(strstr(lines[2], "n/a"));
    assert_null(strstr(lines[2] + strlen("missing"), " 0 "));
    /* the value of the row with no cost is n/a too */
    size_t l3 = strlen(lines[3]);
    assert_true(l3 >= 3 && strcmp(lines[3] + l3 - 3, "n/a") == 0);
    /* the escapes are visible */
    assert_non_null(strstr(lines[2], "\\x1b"));
    assert_non_null(strstr(lines[0], "\\x1b"));
    free(txt);
    catalog_free(cat);
}

static void test_text_long_cells_cut(void **state)
{
    (void)state;
    char csv[512];
    char longcell[201];
    memset(longcell, 'w', 200);
    longcell[200] = '\0';
    snprintf(csv, sizeof csv, "model,note\nA,%s\n", longcell);
    ld_error err;
    error_clear(&err);
    ld_catalog *cat = csvload_buffer(csv, strlen(csv), "t.csv", NULL, &err);
    uint32_t idx[] = {0};
    int cols[] = {1, 0};
    size_t len;
    char *txt = render(cat, idx, 1, cols, 2, LD_FMT_TEXT, &len);
    char *l2 = strchr(txt, '\n') + 1;
    char *e = strchr(l2, '\n');
    assert_true(e - l2 < 100);
    assert_non_null(strstr(l2, "~"));
    free(txt);
    catalog_free(cat);
}

static void test_parse_format_and_cell(void **state)
{
    (void)state;
    ld_format f;
    assert_int_equal(output_parse_format("text", &f), 0);
    assert_int_equal(f, LD_FMT_TEXT);
    assert_int_equal(output_parse_format("csv", &f), 0);
    assert_int_equal(f, LD_FMT_CSV);
    assert_int_equal(output_parse_format("JSON", &f), 0);
    assert_int_equal(f, LD_FMT_JSON);
    assert_int_equal(output_parse_format("md", &f), 0);
    assert_int_equal(f, LD_FMT_MD);
    assert_int_equal(output_parse_format("markdown", &f), 0);
    assert_int_equal(f, LD_FMT_MD);
    assert_int_equal(output_parse_format("xml", &f), -1);
    assert_int_equal(output_parse_format("", &f), -1);

    const char *csv = "model,mmlu,relative_cost\nA,70.50,0.5\nB,,0.5\n";
    ld_error err;
    error_clear(&err);
    ld_catalog *cat = csvload_buffer(csv, strlen(csv), "c.csv", NULL, &err);
    score_parse_weights(cat, "mmlu=1", "--weights", NULL);
    int vc = score_update(cat, LD_MISSING_SKIP);
    char buf[64];
    assert_string_equal(output_cell(cat, 0, 1, buf, sizeof buf), "70.50"); /* as written */
    assert_string_equal(output_cell(cat, 1, 1, buf, sizeof buf), "");
    assert_string_equal(output_cell(cat, 0, (size_t)vc, buf, sizeof buf), "1.410000");
    assert_string_equal(output_cell(cat, 1, (size_t)vc, buf, sizeof buf), "");
    catalog_col(cat, (size_t)vc)->decimals = 2;
    assert_string_equal(output_cell(cat, 0, (size_t)vc, buf, sizeof buf), "1.41");
    char tiny[3];
    output_cell(cat, 0, 1, tiny, sizeof tiny);
    assert_string_equal(tiny, "70");
    catalog_free(cat);
}

/* ---- CSV export: rows copied whole against cell by cell -------------------
 *
 * write_csv copies a row the loader kept whole (catalog_row_span) at once
 * when every loaded column is exported in order; other rows, and rows
 * changed since the load, are written cell by cell.  The two must write the
 * same bytes: a loaded catalogue and one holding the same cells set through
 * the API (always cell by cell) export byte for byte alike, in any row order,
 * and the export reads back to the cells. */

#define DCOLS 6
static const char *const DIDS[DCOLS] = {"model", "note", "score", "open_llm", "extra", "last_col"};
static const char DHEADER[] = "model,Note,score,Open LLM (%),extra,last col";

static uint32_t xs32(uint32_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 17;
    *s ^= *s << 5;
    return *s;
}

/* A growing byte string. */
typedef struct {
    char *s;
    size_t n, cap;
} sbuf;

static void sb_put(sbuf *b, const char *p, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->n + n + 1) cap *= 2;
        b->s = realloc(b->s, cap);
        assert_non_null(b->s);
        b->cap = cap;
    }
    if (n) memcpy(b->s + b->n, p, n);
    b->n += n;
    b->s[b->n] = '\0';
}

static void sb_str(sbuf *b, const char *p) { sb_put(b, p, strlen(p)); }

/* Does this text need quotes in CSV (RFC 4180, and blanks at an end kept)? */
static int csv_needs_quotes(const char *s)
{
    size_t n = strlen(s);
    if (strpbrk(s, ",\"\r\n")) return 1;
    return n && (s[0] == ' ' || s[0] == '\t' || s[n - 1] == ' ' || s[n - 1] == '\t');
}

static void sb_quoted(sbuf *b, const char *s)
{
    sb_put(b, "\"", 1);
    for (; *s; s++) {
        if (*s == '"') sb_put(b, "\"\"", 2);
        else sb_put(b, s, 1);
    }
    sb_put(b, "\"", 1);
}

/* The cells of a table: rows x DCOLS texts; `written` = cells on the row's
 * line (a short row writes fewer, the rest are empty). */
typedef struct {
    char **cell;
    size_t *written;
    size_t rows, cap;
} dgrid;

static const char *dcell(const dgrid *g, size_t r, size_t c) { return g->cell[r * DCOLS + c]; }

static void dgrid_set(dgrid *g, size_t r, size_t c, const char *text)
{
    free(g->cell[r * DCOLS + c]);
    g->cell[r * DCOLS + c] = strdup(text);
    assert_non_null(g->cell[r * DCOLS + c]);
}

static size_t dgrid_add(dgrid *g, size_t written)
{
    if (g->rows == g->cap) {
        g->cap = g->cap ? g->cap * 2 : 64;
        g->cell = realloc(g->cell, g->cap * DCOLS * sizeof *g->cell);
        g->written = realloc(g->written, g->cap * sizeof *g->written);
        assert_non_null(g->cell);
        assert_non_null(g->written);
    }
    size_t r = g->rows++;
    for (size_t c = 0; c < DCOLS; c++) g->cell[r * DCOLS + c] = strdup("");
    g->written[r] = written;
    return r;
}

static void dgrid_free(dgrid *g)
{
    for (size_t i = 0; i < g->rows * DCOLS; i++) free(g->cell[i]);
    free(g->cell);
    free(g->written);
}

/* A cell text: tricky ones, random mixes of the bytes that matter, numbers. */
static void gen_text(uint32_t *s, sbuf *out)
{
    static const char *const pool[] = {
        "", "plain", "with,comma", "with \"quotes\"", "\"", "\"\"", "a\"\"b", "multi\nline", "crlf\r\nline",
        "cr\ronly", "\r", "\n", "\r\n", " leading", "trailing ", "\tlead", "trail\t", "  both  ", " ", "\t",
        "1.5", "42", "-3e2", "NA", "caf\xc3\xa9 \xe4\xb8\xad", "=SUM(A1)", ",", "\",\"", "end\n", "\"starts",
        "ends\"", "x\ty", "a b", ("\xef\xbb\xbf" "bom inside"),
    };
    static const char *const atoms[] = {
        "a", "xyz", " ", ",", "\"", "\n", "\r", "\t", "\xc3\xa9", "0", "9.5", "\r\n", "\"\"", "  ",
    };
    out->n = 0;
    sb_put(out, "", 0);
    uint32_t k = xs32(s) % 10;
    if (k < 3) {
        sb_str(out, pool[xs32(s) % (sizeof pool / sizeof pool[0])]);
    } else if (k < 8) {
        int parts = (int)(xs32(s) % 7);
        for (int i = 0; i < parts; i++) sb_str(out, atoms[xs32(s) % (sizeof atoms / sizeof atoms[0])]);
    } else if (k < 9) {
        char num[32];
        snprintf(num, sizeof num, "%d.%02u", (int)(xs32(s) % 2000) - 1000, (unsigned)(xs32(s) % 100));
        sb_str(out, num);
    }
}

/* One cell as CSV, in one of the ways a file may spell it: quoted when it
 * must be, else quoted or not at random, with blanks around now and then
 * (outside the quotes, or around an unquoted text: the reader trims them). */
static void enc_cell(sbuf *csv, const char *text, uint32_t *s, int force_quotes)
{
    uint32_t k = xs32(s);
    int quote = force_quotes || csv_needs_quotes(text) || k % 4 == 0;
    int pad = k / 4 % 5 == 0;
    if (pad) sb_str(csv, k / 20 % 2 ? " " : " \t");
    if (quote) sb_quoted(csv, text);
    else sb_str(csv, text);
    if (pad) sb_str(csv, k / 40 % 2 ? "\t" : "  ");
}

static const char *const EOLS[] = {"\n", "\r\n", "\r"};

/* Writes grid g as a CSV file. */
static void dgrid_csv(const dgrid *g, sbuf *csv, int bom, int final_eol, uint32_t seed)
{
    uint32_t s = seed * 2654435761u + 3;
    csv->n = 0;
    sb_put(csv, "", 0);
    if (bom) sb_str(csv, "\xef\xbb\xbf");
    sb_str(csv, DHEADER);
    sb_str(csv, EOLS[xs32(&s) % 3]);
    for (size_t r = 0; r < g->rows; r++) {
        for (size_t c = 0; c < g->written[r]; c++) {
            if (c) sb_put(csv, ",", 1);
            /* a line of one empty cell would be a blank line, which is skipped */
            enc_cell(csv, dcell(g, r, c), &s, g->written[r] == 1 && !*dcell(g, r, c));
        }
        if (r + 1 < g->rows || final_eol) sb_str(csv, EOLS[xs32(&s) % 3]);
    }
}

/* A row whose text is `len` bytes long: 'x's, or (special) with a comma,
 * quotes and line breaks. */
static void long_row(dgrid *g, size_t col, size_t len, int special)
{
    size_t r = dgrid_add(g, DCOLS);
    char *t = malloc(len + 1);
    assert_non_null(t);
    for (size_t i = 0; i < len; i++) t[i] = (char)('a' + i % 26);
    if (special && len >= 8) memcpy(t + len / 2, ",\"q\"\r\n\"", 7);
    t[len] = '\0';
    dgrid_set(g, r, col, t);
    free(t);
}

/* ~300 random rows (some short), and rows around the fast path's 64 KiB
 * buffer: a whole row of exactly 65536 bytes and one more, a row needing
 * quotes whose worst case is exactly 64 KiB and one more, cells over 64 KiB. */
enum { FILL_SHORT = 1, FILL_LONG = 2 }; /* short rows, rows over 64 KiB */

static void dgrid_fill_rows(dgrid *g, uint32_t seed, size_t nrows, unsigned fill)
{
    uint32_t s = seed * 2246822519u + 11;
    sbuf t = {0};
    if (!nrows) nrows = 250 + xs32(&s) % 100;
    for (size_t i = 0; i < nrows; i++) {
        size_t written = (fill & FILL_SHORT) && xs32(&s) % 8 == 0 ? 1 + xs32(&s) % (DCOLS - 1) : DCOLS;
        size_t r = dgrid_add(g, written);
        for (size_t c = 0; c < written; c++) {
            gen_text(&s, &t);
            dgrid_set(g, r, c, t.s);
        }
        /* a row spans its texts and a NUL after each; a row needing quotes
         * may take twice that and two quotes a cell */
        if (!(fill & FILL_LONG)) continue;
        if (i % 97 == 50) long_row(g, xs32(&s) % DCOLS, 65536 - DCOLS, 0);
        if (i % 97 == 51) long_row(g, xs32(&s) % DCOLS, 65536 - DCOLS + 1, 0);
        if (i % 97 == 52) long_row(g, xs32(&s) % DCOLS, (65536 - 2 * DCOLS) / 2 - DCOLS, 1);
        if (i % 97 == 53) long_row(g, xs32(&s) % DCOLS, (65536 - 2 * DCOLS) / 2 - DCOLS + 1, 1);
        if (i % 97 == 60) long_row(g, xs32(&s) % DCOLS, 70000 + xs32(&s) % 5000, (int)(i % 2));
        if (i % 97 == 70) long_row(g, xs32(&s) % DCOLS, 20000 + xs32(&s) % 30000, 1);
    }
    free(t.s);
}

static void dgrid_fill(dgrid *g, uint32_t seed) { dgrid_fill_rows(g, seed, 0, FILL_SHORT | FILL_LONG); }

/* The loaded catalogue holds the grid's cells. */
static void same_cells(const ld_catalog *cat, const dgrid *g, const char *what)
{
    assert_int_equal(catalog_rows(cat), g->rows);
    assert_int_equal(catalog_cols(cat), DCOLS);
    for (size_t c = 0; c < DCOLS; c++) assert_string_equal(catalog_col(cat, c)->id, DIDS[c]);
    for (size_t r = 0; r < g->rows; r++)
        for (size_t c = 0; c < DCOLS; c++)
            if (strcmp(catalog_text(cat, r, c), dcell(g, r, c)) != 0) {
                char a[200], b[200];
                fail_msg("%s: row %zu col %zu holds \"%s\" (%zu bytes), expected \"%s\" (%zu bytes)", what, r, c,
                         output_sanitize(catalog_text(cat, r, c), a, sizeof a), strlen(catalog_text(cat, r, c)),
                         output_sanitize(dcell(g, r, c), b, sizeof b), strlen(dcell(g, r, c)));
            }
}

/* The same cells set one by one through the API: every row cell by cell. */
static ld_catalog *dgrid_catalog(const dgrid *g)
{
    ld_catalog *cat = catalog_new();
    assert_non_null(cat);
    for (size_t c = 0; c < DCOLS; c++)
        assert_int_equal(catalog_add_column(cat, DIDS[c], c ? LD_COL_NUMBER : LD_COL_TEXT, 0), (int)c);
    for (size_t r = 0; r < g->rows; r++) {
        assert_int_equal(catalog_add_row(cat), r);
        for (size_t c = 0; c < DCOLS; c++)
            assert_true(catalog_set_cell(cat, r, c, dcell(g, r, c), strlen(dcell(g, r, c))) >= 0);
    }
    ld_error err;
    error_clear(&err);
    assert_int_equal(catalog_finish(cat, "api", NULL, &err), 0);
    for (size_t r = 0; r < g->rows; r++) { /* so its export is all cell by cell */
        size_t nc = 0, bytes = 0;
        int special = 0;
        assert_null(catalog_row_span(cat, r, &nc, &bytes, &special));
    }
    return cat;
}

/* The export as written from the cells by hand: ids, then each row's cells
 * quoted when they must be. */
static void expected_export(const dgrid *g, const uint32_t *idx, size_t n, sbuf *out)
{
    out->n = 0;
    sb_put(out, "", 0);
    for (size_t c = 0; c < DCOLS; c++) {
        if (c) sb_put(out, ",", 1);
        sb_str(out, DIDS[c]);
    }
    sb_put(out, "\n", 1);
    for (size_t i = 0; i < n; i++) {
        for (size_t c = 0; c < DCOLS; c++) {
            const char *t = dcell(g, idx[i], c);
            if (c) sb_put(out, ",", 1);
            if (csv_needs_quotes(t)) sb_quoted(out, t);
            else sb_str(out, t);
        }
        sb_put(out, "\n", 1);
    }
}

static void same_bytes(const char *a, size_t an, const char *b, size_t bn, const char *what)
{
    if (an == bn && memcmp(a, b, an) == 0) return;
    size_t i = 0;
    while (i < an && i < bn && a[i] == b[i]) i++;
    size_t from = i > 60 ? i - 60 : 0, line = 1;
    for (size_t k = 0; k < i; k++) line += a[k] == '\n';
    char x[400], y[400], xa[200], yb[200];
    snprintf(xa, sizeof xa, "%.*s", (int)((an - from) < 120 ? an - from : 120), a + from);
    snprintf(yb, sizeof yb, "%.*s", (int)((bn - from) < 120 ? bn - from : 120), b + from);
    fail_msg("%s: %zu and %zu bytes, first difference at byte %zu (about output line %zu):\n  ...%s\n  ...%s",
             what, an, bn, i, line, output_sanitize(xa, x, sizeof x), output_sanitize(yb, y, sizeof y));
}

/* Exports rows idx[0..n) of the loaded catalogue (rows copied whole) and of
 * the API one (cell by cell) and compares them with each other, with the
 * export written by hand, and with what they read back as. */
static void compare_exports(const ld_catalog *loaded, const ld_catalog *api, const dgrid *g, const uint32_t *idx,
                            size_t n, const char *what)
{
    int cols[DCOLS];
    for (int c = 0; c < DCOLS; c++) cols[c] = c;
    size_t flen, slen;
    char *fast = render(loaded, idx, n, cols, DCOLS, LD_FMT_CSV, &flen);
    char *slow = render(api, idx, n, cols, DCOLS, LD_FMT_CSV, &slen);
    char msg[160];
    snprintf(msg, sizeof msg, "%s: loaded (rows whole) vs set cell by cell", what);
    same_bytes(fast, flen, slow, slen, msg);
    sbuf want = {0};
    expected_export(g, idx, n, &want);
    snprintf(msg, sizeof msg, "%s: export vs written by hand", what);
    same_bytes(fast, flen, want.s, want.n, msg);
    free(want.s);
    /* and it reads back to the cells, in this order */
    ld_error err;
    error_clear(&err);
    ld_catalog *back = csvload_buffer(fast, flen, "export.csv", NULL, &err);
    if (!back) fail_msg("%s: the export does not read back: %s at %ld:%ld", what, err.msg, err.line, err.col);
    assert_int_equal(catalog_rows(back), n);
    assert_int_equal(catalog_cols(back), DCOLS);
    for (size_t i = 0; i < n; i++)
        for (size_t c = 0; c < DCOLS; c++)
            if (strcmp(catalog_text(back, i, c), dcell(g, idx[i], c)) != 0)
                fail_msg("%s: exported row %zu (row %u) col %zu reads back as %zu bytes, not %zu", what, i, idx[i],
                         c, strlen(catalog_text(back, i, c)), strlen(dcell(g, idx[i], c)));
    catalog_free(back);
    /* columns not all in order: both cell by cell, still alike */
    int perm[DCOLS] = {1, 0, 2, 3, 5, 4}, prefix[3] = {0, 1, 2};
    free(fast);
    free(slow);
    fast = render(loaded, idx, n, perm, DCOLS, LD_FMT_CSV, &flen);
    slow = render(api, idx, n, perm, DCOLS, LD_FMT_CSV, &slen);
    snprintf(msg, sizeof msg, "%s: columns swapped", what);
    same_bytes(fast, flen, slow, slen, msg);
    free(fast);
    free(slow);
    fast = render(loaded, idx, n, prefix, 3, LD_FMT_CSV, &flen);
    slow = render(api, idx, n, prefix, 3, LD_FMT_CSV, &slen);
    snprintf(msg, sizeof msg, "%s: the first three columns", what);
    same_bytes(fast, flen, slow, slen, msg);
    free(fast);
    free(slow);
}

/* Row orders: as loaded, reversed, shuffled, and a sample with repeats. */
enum { ORD_IDENTITY, ORD_REVERSED, ORD_SHUFFLED, ORD_SAMPLE, ORD_COUNT };
static const char *const ORD_NAMES[ORD_COUNT] = {"as loaded", "reversed", "shuffled", "sampled"};

static size_t make_order(uint32_t *idx, size_t rows, int kind, uint32_t seed)
{
    uint32_t s = seed * 747796405u + 1;
    for (size_t i = 0; i < rows; i++) idx[i] = (uint32_t)(kind == ORD_REVERSED ? rows - 1 - i : i);
    if (kind == ORD_SHUFFLED)
        for (size_t i = rows; i > 1; i--) {
            size_t j = xs32(&s) % i;
            uint32_t t = idx[i - 1];
            idx[i - 1] = idx[j];
            idx[j] = t;
        }
    if (kind == ORD_SAMPLE) {
        for (size_t i = 0; i < rows / 2; i++) idx[i] = xs32(&s) % rows;
        return rows / 2;
    }
    return rows;
}

static ld_catalog *load_grid(const dgrid *g, int bom, int final_eol, uint32_t seed, const char *what)
{
    sbuf csv = {0};
    dgrid_csv(g, &csv, bom, final_eol, seed);
    ld_error err;
    error_clear(&err);
    ld_catalog *cat = csvload_buffer(csv.s, csv.n, "fast.csv", NULL, &err);
    if (!cat) fail_msg("%s: the CSV does not load: %s at %ld:%ld", what, err.msg, err.line, err.col);
    free(csv.s);
    same_cells(cat, g, what);
    return cat;
}

static void test_csv_export_whole_rows_match_cells(void **state)
{
    (void)state;
    for (uint32_t seed = 1; seed <= 8; seed++) {
        int bom = seed % 2, final_eol = seed / 2 % 2;
        char what[96];
        snprintf(what, sizeof what, "seed %u (BOM %d, final line end %d)", seed, bom, final_eol);
        dgrid g = {0};
        dgrid_fill(&g, seed);
        ld_catalog *loaded = load_grid(&g, bom, final_eol, seed, what);
        /* the loader kept every full row whole: the fast path is taken */
        size_t whole = 0;
        for (size_t r = 0; r < g.rows; r++) {
            size_t nc = 0, bytes = 0, sum = 0;
            int special = 0, any = 0;
            const char *span = catalog_row_span(loaded, r, &nc, &bytes, &special);
            if (!span) {
                if (g.written[r] == DCOLS) fail_msg("%s: full row %zu not kept whole", what, r);
                continue;
            }
            whole++;
            assert_int_equal(nc, DCOLS);
            for (size_t c = 0; c < DCOLS; c++) { /* its cells back to back */
                const char *t = dcell(&g, r, c);
                if (strcmp(span + sum, t) != 0) fail_msg("%s: row %zu's span differs at cell %zu", what, r, c);
                sum += strlen(t) + 1;
                any |= csv_needs_quotes(t);
            }
            assert_int_equal(bytes, sum);
            if (!!special != any)
                fail_msg("%s: row %zu: span special %d, its cells say %d", what, r, special, any);
        }
        assert_true(whole > g.rows / 2);
        ld_catalog *api = dgrid_catalog(&g);
        uint32_t *idx = malloc(g.rows * sizeof *idx);
        assert_non_null(idx);
        for (int k = 0; k < ORD_COUNT; k++) {
            size_t n = make_order(idx, g.rows, k, seed);
            char w[160];
            snprintf(w, sizeof w, "%s, rows %s", what, ORD_NAMES[k]);
            compare_exports(loaded, api, &g, idx, n, w);
        }
        free(idx);
        catalog_free(api);
        catalog_free(loaded);
        dgrid_free(&g);
    }
}

/* Rows changed after the load (cell by cell) among rows still whole (copied
 * at once), in a shuffled order: each row in its place, every cell right,
 * the unchanged cells of the loaded catalogue too. */
static void test_csv_export_changed_rows_among_whole_rows(void **state)
{
    (void)state;
    static const char *const NEW[] = {"changed", "new, \"quoted\"\r\nvalue", "", " padded ", "7.25"};
    for (uint32_t seed = 1; seed <= 8; seed++) {
        int bom = seed % 2, final_eol = seed / 2 % 2, many = seed > 4;
        char what[128];
        snprintf(what, sizeof what, "seed %u (BOM %d, final line end %d, %s)", seed, bom, final_eol,
                 many ? "several rows changed" : "one row changed");
        dgrid g = {0};
        dgrid_fill(&g, seed + 100);
        ld_catalog *loaded = load_grid(&g, bom, final_eol, seed, what);
        uint32_t *idx = malloc(g.rows * sizeof *idx);
        assert_non_null(idx);
        size_t n = make_order(idx, g.rows, ORD_SHUFFLED, seed);
        /* the row in the middle of the order; with `many` also others, the
         * file's first and last rows among them */
        size_t picks[6] = {idx[n / 2]}, npicks = 1;
        if (many) {
            picks[npicks++] = idx[n / 3];
            picks[npicks++] = idx[2 * n / 3];
            picks[npicks++] = 0;
            picks[npicks++] = g.rows - 1;
            picks[npicks++] = idx[n - 1];
        }
        for (size_t k = 0; k < npicks; k++) {
            size_t r = picks[k], c = (seed + k) % DCOLS;
            const char *t = NEW[(seed + k) % (sizeof NEW / sizeof NEW[0])];
            assert_true(catalog_set_cell(loaded, r, c, t, strlen(t)) >= 0);
            dgrid_set(&g, r, c, t);
            size_t nc, bytes;
            int special;
            assert_null(catalog_row_span(loaded, r, &nc, &bytes, &special)); /* no longer whole */
        }
        same_cells(loaded, &g, what); /* the change touched no other cell */
        ld_catalog *api = dgrid_catalog(&g);
        compare_exports(loaded, api, &g, idx, n, what);
        n = make_order(idx, g.rows, ORD_IDENTITY, seed);
        compare_exports(loaded, api, &g, idx, n, what);
        free(idx);
        catalog_free(api);
        catalog_free(loaded);
        dgrid_free(&g);
    }
}

/* A big export (over 50,000 rows: the export may format blocks of rows on
 * more than one thread) of full rows, with rows changed since the load at
 * the positions where blocks of a power-of-two size would start or end,
 * and short rows (never whole) among them: the rows stay in order and
 * every one is right. */
static void test_csv_export_big_with_changed_rows(void **state)
{
    (void)state;
    const char *what = "52,000 rows";
    dgrid g = {0};
    dgrid_fill_rows(&g, 77, 52000, 0);
    long_row(&g, 3, 70000, 1); /* one row over 64 KiB */
    ld_catalog *loaded = load_grid(&g, 0, 1, 77, what);
    uint32_t *idx = malloc(g.rows * sizeof *idx);
    assert_non_null(idx);
    ld_catalog *api = dgrid_catalog(&g);
    size_t n = make_order(idx, g.rows, ORD_IDENTITY, 77);
    compare_exports(loaded, api, &g, idx, n, "52,000 rows as loaded, none changed");
    n = make_order(idx, g.rows, ORD_SHUFFLED, 77);
    compare_exports(loaded, api, &g, idx, n, "52,000 rows shuffled, none changed");
    catalog_free(api);
    /* one row changed, in a later block of the order (csvrows.c formats
     * blocks of 4,096 rows, two at a time), then one in an earlier one */
    static const char *const once[] = {"changed, \"once\"", "changed again"};
    static const size_t at[] = {20000, 5000};
    for (size_t k = 0; k < 2; k++) {
        size_t r = idx[at[k]];
        assert_true(catalog_set_cell(loaded, r, 1, once[k], strlen(once[k])) >= 0);
        dgrid_set(&g, r, 1, once[k]);
        api = dgrid_catalog(&g);
        char w[96];
        snprintf(w, sizeof w, "52,000 rows shuffled, changed at %zu", at[k]);
        compare_exports(loaded, api, &g, idx, n, w);
        catalog_free(api);
    }
    /* rows changed around every power of two from 1,024 on, and the first
     * and last */
    n = make_order(idx, g.rows, ORD_SHUFFLED, 78);
    for (size_t b = 1024; b < n; b *= 2)
        for (size_t k = b - 1; k <= b + 1; k++) {
            char t[32];
            snprintf(t, sizeof t, k % 2 ? "odd %zu" : " even %zu", k);
            assert_true(catalog_set_cell(loaded, idx[k], k % DCOLS, t, strlen(t)) >= 0);
            dgrid_set(&g, idx[k], k % DCOLS, t);
        }
    assert_true(catalog_set_cell(loaded, idx[0], 0, "first", 5) >= 0);
    dgrid_set(&g, idx[0], 0, "first");
    assert_true(catalog_set_cell(loaded, idx[n - 1], DCOLS - 1, "last", 4) >= 0);
    dgrid_set(&g, idx[n - 1], DCOLS - 1, "last");
    same_cells(loaded, &g, what);
    api = dgrid_catalog(&g);
    compare_exports(loaded, api, &g, idx, n, "52,000 rows shuffled, changed around powers of two");
    n = make_order(idx, g.rows, ORD_REVERSED, 78);
    compare_exports(loaded, api, &g, idx, n, "52,000 rows reversed, changed around powers of two");
    catalog_free(api);
    catalog_free(loaded);
    dgrid_free(&g);
    /* short rows (not whole) here and there among full ones */
    memset(&g, 0, sizeof g);
    dgrid_fill_rows(&g, 79, 52000, 0);
    for (size_t b = 4096; b < g.rows; b += 4096 + 1000 * (b % 3)) g.written[b] = 2;
    for (size_t b = 4096; b < g.rows; b += 4096 + 1000 * (b % 3))
        for (size_t c = 2; c < DCOLS; c++) dgrid_set(&g, b, c, "");
    loaded = load_grid(&g, 1, 0, 79, "52,000 rows, some short");
    api = dgrid_catalog(&g);
    n = make_order(idx, g.rows, ORD_IDENTITY, 79);
    compare_exports(loaded, api, &g, idx, n, "52,000 rows as loaded, some short");
    n = make_order(idx, g.rows, ORD_SHUFFLED, 79);
    compare_exports(loaded, api, &g, idx, n, "52,000 rows shuffled, some short");
    free(idx);
    catalog_free(api);
    catalog_free(loaded);
    dgrid_free(&g);
}

/* The smallest case of test_csv_export_changed_rows_among_whole_rows: a
 * file without a final line break, a cell changed after the load.  The last cell of the file ends where the file
 * does; changing another cell must not change it. */
static void test_csv_export_cell_changed_in_file_without_final_newline(void **state)
{
    (void)state;
    static const char csv[] = "model,note,score\nA,x,1\nB,y,2\nC,z,3";
    ld_error err;
    error_clear(&err);
    ld_catalog *cat = csvload_buffer(csv, sizeof csv - 1, "nofinal.csv", NULL, &err);
    assert_non_null(cat);
    assert_string_equal(catalog_text(cat, 2, 2), "3");
    assert_int_equal(catalog_set_cell(cat, 1, 1, "NEW", 3), 0);
    assert_string_equal(catalog_text(cat, 1, 1), "NEW");
    assert_string_equal(catalog_text(cat, 2, 2), "3");
    uint32_t idx[] = {0, 1, 2};
    int cols[] = {0, 1, 2};
    size_t len;
    char *out = render(cat, idx, 3, cols, 3, LD_FMT_CSV, &len);
    assert_string_equal(out, "model,note,score\nA,x,1\nB,NEW,2\nC,z,3\n");
    free(out);
    catalog_free(cat);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sanitize_controls),
        cmocka_unit_test(test_sanitize_bidi),
        cmocka_unit_test(test_sanitize_invalid_utf8),
        cmocka_unit_test(test_sanitize_keeps_text),
        cmocka_unit_test(test_sanitize_small_buffers),
        cmocka_unit_test(test_csv_round_trip),
        cmocka_unit_test(test_csv_export_row_added_after_load),
        cmocka_unit_test(test_csv_export_cell_with_nul),
        cmocka_unit_test(test_csv_field),
        cmocka_unit_test(test_json_valid_and_exact),
        cmocka_unit_test(test_json_value_score),
        cmocka_unit_test(test_json_string_escapes),
        cmocka_unit_test(test_markdown),
        cmocka_unit_test(test_text_output),
        cmocka_unit_test(test_text_long_cells_cut),
        cmocka_unit_test(test_parse_format_and_cell),
        cmocka_unit_test(test_csv_export_whole_rows_match_cells),
        cmocka_unit_test(test_csv_export_changed_rows_among_whole_rows),
        cmocka_unit_test(test_csv_export_cell_changed_in_file_without_final_newline),
        cmocka_unit_test(test_csv_export_big_with_changed_rows),
    };
    if (getenv("LD_TEST_FILTER")) cmocka_set_test_filter(getenv("LD_TEST_FILTER"));
    return cmocka_run_group_tests(tests, NULL, NULL);
}
