/* test_output.c - text / CSV / JSON / Markdown writers and terminal safety. */
#include <cjson/cJSON.h>
#include <math.h>
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

#include "render.h"

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
    };
    if (getenv("LD_TEST_FILTER")) cmocka_set_test_filter(getenv("LD_TEST_FILTER"));
    return cmocka_run_group_tests(tests, NULL, NULL);
}
