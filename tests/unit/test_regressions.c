/* test_regressions.c - replays every input kept in tests/fuzz/regressions/
 * (one directory per parser, named like the fuzz harness) through its parser
 * and asserts a defined result: success, or an error with a code and a
 * message (and, for a syntax error, a position).  Under `make check-asan`
 * and `make check-valgrind` a crash, an overflow or a leak fails the test too.
 *
 * keyspec and theme live in the TUI (theme.c needs curses at link time), so
 * their inputs go through the real program instead ($LLMDECK_BIN, set by
 * tests/run_all.sh): `--headless --keys SPEC` and `--theme FILE` must exit 0
 * or 2, never on a signal. */
#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "testutil.h"

#include "core/csvscan.h"
#include "llmdeck/catalog.h"
#include "llmdeck/csvload.h"
#include "llmdeck/dataset.h"
#include "llmdeck/filter.h"
#include "llmdeck/hosting.h"
#include "llmdeck/output.h"
#include "llmdeck/rules.h"
#include "llmdeck/score.h"
#include "llmdeck/units.h"
#include "llmdeck/view.h"

#define REG_DIR "tests/fuzz/regressions"

typedef void (*replay_fn)(const char *path, const char *data, size_t len);

/* A failure must be a defined error: a code for bad input, a message, and
 * never a negative position. */
static void assert_defined_error(const char *path, const ld_error *e)
{
    if (e->code != LD_ERR_PARSE && e->code != LD_ERR_USAGE)
        fail_msg("%s: error code %d (%s), expected a parse or usage error", path, (int)e->code, e->msg);
    if (!e->msg[0]) fail_msg("%s: an error without a message", path);
    if (e->line < 0 || e->col < 0) fail_msg("%s: position %ld:%ld", path, e->line, e->col);
}

static void write_all_formats(const ld_catalog *cat)
{
    size_t rows = catalog_rows(cat), ncols = catalog_cols(cat);
    uint32_t *idx = malloc((rows ? rows : 1) * sizeof *idx);
    int *cols = malloc((ncols ? ncols : 1) * sizeof *cols);
    assert_non_null(idx);
    assert_non_null(cols);
    size_t n = view_identity(cat, idx);
    for (size_t c = 0; c < ncols; c++) cols[c] = (int)c;
    for (int f = LD_FMT_TEXT; f <= LD_FMT_MD; f++) {
        char *buf = NULL;
        size_t len = 0;
        FILE *out = open_memstream(&buf, &len);
        assert_non_null(out);
        assert_int_equal(output_table(out, cat, idx, n, cols, ncols, (ld_format)f), 0);
        fclose(out);
        if (f == LD_FMT_TEXT || f == LD_FMT_MD) assert_null(memchr(buf, 0x1b, len));
        free(buf);
    }
    free(idx);
    free(cols);
}

/* ---- one replay per parser ------------------------------------------------ */

static void replay_csv(const char *path, const char *data, size_t len)
{
    static const char *const numbers[] = {"params_b", "context_length", "mmlu", "humaneval",
                                          "gsm8k", "relative_cost", NULL};
    ld_csv_options opt = {.number_cols = numbers};
    ld_error err;
    error_clear(&err);
    ld_catalog *cat = csvload_buffer(data, len, path, &opt, &err);
    if (!cat) {
        assert_defined_error(path, &err);
        if (err.line < 1) fail_msg("%s: a CSV error without a line: %s", path, err.msg);
        return;
    }
    assert_true(score_update(cat, LD_MISSING_ZERO) >= 0);
    write_all_formats(cat);
    catalog_free(cat);
}

static void scan_field(void *ctx, const char *s, size_t len, long line, long col)
{
    (void)ctx;
    (void)s;
    (void)len;
    assert_true(line >= 1 && col >= 1);
}

static void scan_row(void *ctx, long line)
{
    (void)ctx;
    assert_true(line >= 1);
}

static void replay_csvscan(const char *path, const char *data, size_t len)
{
    csvscan_state st;
    csvscan_init(&st);
    csvscan_callbacks cb = {scan_field, scan_row, NULL};
    size_t used = 0;
    csvscan_status rc = csvscan_feed(&st, data, len, 1, &cb, &used);
    if (rc != CSVSCAN_OK && !(st.err_line >= 1 && st.err_col >= 1))
        fail_msg("%s: scanner error %d at %ld:%ld", path, (int)rc, st.err_line, st.err_col);
    if (rc == CSVSCAN_OK) assert_int_equal(used, len);
    csvscan_free(&st);
}

static void replay_metrics(const char *path, const char *data, size_t len)
{
    static const char MODELS[] = "model,mmlu,humaneval,relative_cost\nA,50,40,0.1\nB,,,0\n";
    ld_error err;
    error_clear(&err);
    ld_catalog *cat = csvload_buffer(MODELS, sizeof MODELS - 1, "models.csv", NULL, &err);
    assert_non_null(cat);
    assert_true(score_add_columns(cat) >= 0);
    if (dataset_apply_metrics(cat, data, len, path, &err) != 0) {
        assert_defined_error(path, &err);
    } else {
        assert_true(score_update(cat, LD_MISSING_ZERO) >= 0);
        write_all_formats(cat);
    }
    catalog_free(cat);
}

static void replay_rules(const char *path, const char *data, size_t len)
{
    ld_rules *rs = NULL;
    ld_error err;
    error_clear(&err);
    if (rules_load(data, len, path, &rs, &err) != 0) {
        assert_defined_error(path, &err);
        assert_null(rs);
        return;
    }
    ld_requirements req;
    rules_requirements_defaults(rs, &req);
    ld_recommendation rec;
    int rc = rules_recommend(rs, &req, &rec);
    assert_true(rc == 0 || rc == 1);
    rules_recommendation_free(&rec);
    rules_free(rs);
}

static void replay_hosting(const char *path, const char *data, size_t len)
{
    ld_hosting h;
    hosting_init(&h);
    ld_error err;
    error_clear(&err);
    if (hosting_parse(&h, data, len, path, &err) != 0) assert_defined_error(path, &err);
    hosting_free(&h);
}

static void replay_litellm(const char *path, const char *data, size_t len)
{
    ld_hosting h;
    hosting_init(&h);
    ld_error err;
    error_clear(&err);
    size_t added = 0;
    if (hosting_load_litellm(&h, data, len, path, &added, &err) != 0) assert_defined_error(path, &err);
    else assert_int_equal(added, h.noffers);
    hosting_free(&h);
}

static void replay_gpus(const char *path, const char *data, size_t len)
{
    ld_gpu_list l;
    ld_error err;
    error_clear(&err);
    if (hosting_gpus_parse(&l, data, len, path, &err) != 0) assert_defined_error(path, &err);
    else hosting_gpus_free(&l);
}

static void replay_filter(const char *path, const char *data, size_t len)
{
    ld_dataset ds;
    ld_error err;
    assert_int_equal(dataset_open(&ds, NULL, NULL, &err), 0);
    char *expr = malloc(len + 1);
    assert_non_null(expr);
    memcpy(expr, data, len);
    expr[len] = '\0'; /* as argv: a NUL ends it */
    error_clear(&err);
    ld_filter *f = filter_compile(ds.models, expr, "--filter", &err);
    if (!f) {
        assert_defined_error(path, &err);
    } else {
        size_t n = catalog_rows(ds.models);
        uint32_t *idx = malloc((n ? n : 1) * sizeof *idx);
        assert_non_null(idx);
        n = view_identity(ds.models, idx);
        filter_apply(f, ds.models, idx, n, idx);
        free(idx);
        filter_free(f);
    }
    free(expr);
    dataset_close(&ds);
}

static void replay_units(const char *path, const char *data, size_t len)
{
    char *s = malloc(len + 1);
    assert_non_null(s);
    memcpy(s, data, len);
    s[len] = '\0';
    double v, back;
    if (units_parse_count(s, &v) == 0) {
        char buf[64];
        units_format_count(v, buf, sizeof buf);
        /* what is shown reads back close to the value */
        if (units_parse_count(buf, &back) != 0) fail_msg("%s: '%s' formats as '%s'", path, s, buf);
        if (fabs(back - v) > 5e-4 * fabs(v) + 1e-9)
            fail_msg("%s: %.17g formats as '%s'", path, v, buf);
        units_format_usd(v, buf, sizeof buf);
        assert_non_null(strchr(buf, '$'));
    }
    catalog_parse_number(data, len, &v);
    free(s);
}

/* The program itself, for the TUI's parsers: exit 0 or 2, no signal. */
static void run_program(const char *path, const char *what, const char *arg)
{
    const char *bin = getenv("LLMDECK_BIN");
    if (!bin || !*bin) {
        printf("# %s: LLMDECK_BIN not set, %s not replayed\n", path, what);
        return;
    }
    char *argv[10];
    int k = 0;
    argv[k++] = (char *)bin;
    argv[k++] = "--headless";
    argv[k++] = "--size";
    argv[k++] = "80x24";
    if (strcmp(what, "theme") == 0) {
        argv[k++] = "--theme";
        argv[k++] = (char *)arg;
        argv[k++] = "--keys";
        argv[k++] = "q";
    } else {
        argv[k++] = "--keys";
        argv[k++] = (char *)arg;
    }
    argv[k] = NULL;
    fflush(stdout);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        freopen("/dev/null", "w", stdout);
        freopen("/dev/null", "w", stderr);
        execv(bin, argv);
        _exit(127);
    }
    int status;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    if (!WIFEXITED(status)) fail_msg("%s: llmdeck ended on signal %d", path, WTERMSIG(status));
    int rc = WEXITSTATUS(status);
    if (rc != 0 && rc != 2) fail_msg("%s: llmdeck exited with %d, expected 0 or 2", path, rc);
}

static void replay_theme(const char *path, const char *data, size_t len)
{
    (void)data;
    (void)len;
    run_program(path, "theme", path);
}

static void replay_keyspec(const char *path, const char *data, size_t len)
{
    char *s = malloc(len + 1);
    assert_non_null(s);
    memcpy(s, data, len);
    s[len] = '\0';
    run_program(path, "keyspec", s);
    free(s);
}

/* ---- the walk ---------------------------------------------------------------- */

static const struct {
    const char *dir;
    replay_fn fn;
} PARSERS[] = {
    {"csv", replay_csv},         {"csvscan", replay_csvscan}, {"metrics", replay_metrics},
    {"rules", replay_rules},     {"hosting", replay_hosting}, {"litellm", replay_litellm},
    {"gpus", replay_gpus},       {"filter", replay_filter},   {"units", replay_units},
    {"keyspec", replay_keyspec}, {"theme", replay_theme},
};

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    for (size_t got; buf && (got = fread(buf + n, 1, cap - n, f)) > 0;) {
        n += got;
        if (n == cap) {
            char *b = realloc(buf, cap * 2);
            if (!b) { free(buf); buf = NULL; break; }
            buf = b;
            cap *= 2;
        }
    }
    fclose(f);
    *len = n;
    return buf;
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
    return strcmp((*a)->d_name, (*b)->d_name);
}

static void test_replay(void **state)
{
    size_t i = (size_t)(uintptr_t)*state;
    char dir[256];
    snprintf(dir, sizeof dir, "%s/%s", REG_DIR, PARSERS[i].dir);
    struct dirent **names = NULL;
    int n = scandir(dir, &names, NULL, by_name);
    if (n < 0) {
        if (errno != ENOENT) fail_msg("%s: %s", dir, strerror(errno));
        return; /* nothing kept for this parser */
    }
    for (int k = 0; k < n; k++) {
        if (names[k]->d_name[0] != '.') {
            char path[600];
            snprintf(path, sizeof path, "%s/%s", dir, names[k]->d_name);
            size_t len = 0;
            char *data = read_all(path, &len);
            if (!data) fail_msg("cannot read %s", path);
            PARSERS[i].fn(path, data, len);
            free(data);
        }
        free(names[k]);
    }
    free(names);
}

/* Every directory under regressions/ has a replay (a new harness needs one). */
static void test_every_directory_has_a_parser(void **state)
{
    (void)state;
    DIR *d = opendir(REG_DIR);
    assert_non_null(d);
    for (struct dirent *e; (e = readdir(d));) {
        if (e->d_name[0] == '.') continue;
        int known = 0;
        for (size_t i = 0; i < sizeof PARSERS / sizeof PARSERS[0]; i++)
            known |= strcmp(PARSERS[i].dir, e->d_name) == 0;
        if (!known) fail_msg("%s/%s: no replay for this parser", REG_DIR, e->d_name);
    }
    closedir(d);
}

int main(void)
{
    struct CMUnitTest tests[sizeof PARSERS / sizeof PARSERS[0] + 1];
    static char names[sizeof PARSERS / sizeof PARSERS[0]][64];
    size_t n = 0;
    for (size_t i = 0; i < sizeof PARSERS / sizeof PARSERS[0]; i++) {
        snprintf(names[i], sizeof names[i], "regressions/%s", PARSERS[i].dir);
        tests[n++] = (struct CMUnitTest){names[i], test_replay, NULL, NULL, (void *)(uintptr_t)i};
    }
    tests[n++] = (struct CMUnitTest)cmocka_unit_test(test_every_directory_has_a_parser);
    return _cmocka_run_group_tests("regressions", tests, n, NULL, NULL);
}
