/* fuzz_common.h - what the libFuzzer harnesses share.
 *
 * Each harness feeds its input to one parser and then uses the result the
 * way llmdeck does, so a hostile value that parses must also survive the
 * code behind the parser.  Besides the sanitizers, the harnesses check
 * properties that must hold for every input (FUZZ_CHECK aborts, which
 * libFuzzer reports as a crash and keeps the input):
 *   - a failure is a defined error: a code, a message, and for a syntax
 *     error a position;
 *   - text and Markdown output never contain a terminal control sequence;
 *   - JSON output parses; CSV output reads back. */
#ifndef LLMDECK_FUZZ_COMMON_H
#define LLMDECK_FUZZ_COMMON_H

#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "llmdeck/catalog.h"
#include "llmdeck/csvload.h"
#include "llmdeck/error.h"
#include "llmdeck/output.h"
#include "llmdeck/view.h"

#define FUZZ_CHECK(cond, ...) \
    do { if (!(cond)) { fprintf(stderr, "FUZZ_CHECK failed: %s: ", #cond); \
                        fprintf(stderr, __VA_ARGS__); fputc('\n', stderr); abort(); } } while (0)

/* A NUL-terminated copy of the input (parsers of text take C strings). */
static inline char *fz_cstr(const uint8_t *d, size_t n)
{
    char *s = malloc(n + 1);
    if (!s) abort();
    if (n) memcpy(s, d, n);
    s[n] = '\0';
    return s;
}

/* llmdeck runs in the user's locale; the tests pin C.UTF-8. */
static inline void fz_locale(void)
{
    if (!setlocale(LC_ALL, "C.UTF-8")) setlocale(LC_ALL, "");
}

/* A failure must say what went wrong, and with which code. */
static inline void fz_check_error(const ld_error *e)
{
    FUZZ_CHECK(e->code > LD_OK && e->code <= LD_ERR_CANCEL, "code %d", (int)e->code);
    FUZZ_CHECK(e->msg[0] != '\0', "empty error message");
    FUZZ_CHECK(e->line >= 0 && e->col >= 0, "line %ld col %ld", e->line, e->col);
    char buf[1200];
    error_format(e, buf, sizeof buf);
    FUZZ_CHECK(buf[0] != '\0', "empty formatted error");
}

/* Text meant for a terminal: no C0 control but newline, no DEL, no C1
 * (U+0080..U+009F as UTF-8), no bidi override or isolate. */
static inline void fz_check_terminal_safe(const char *s, size_t n, const char *what)
{
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i < n; i++) {
        FUZZ_CHECK(p[i] == '\n' || (p[i] >= 0x20 && p[i] != 0x7f),
                   "%s: byte 0x%02x at %zu", what, p[i], i);
        if (p[i] == 0xc2 && i + 1 < n)
            FUZZ_CHECK(!(p[i + 1] >= 0x80 && p[i + 1] <= 0x9f), "%s: C1 control at %zu", what, i);
        if (p[i] == 0xe2 && i + 2 < n && p[i + 1] == 0x80)
            FUZZ_CHECK(!(p[i + 2] >= 0xaa && p[i + 2] <= 0xae), "%s: bidi override at %zu", what, i);
        if (p[i] == 0xe2 && i + 2 < n && p[i + 1] == 0x81)
            FUZZ_CHECK(!(p[i + 2] >= 0xa6 && p[i + 2] <= 0xa9), "%s: bidi isolate at %zu", what, i);
    }
}

/* Runs `write(out, fmt, ctx)` into memory for every format and checks the
 * output: text and Markdown terminal-safe, JSON parses (`json_ok` 0 for
 * writers whose JSON is not one document). */
typedef void (*fz_writer)(FILE *out, ld_format fmt, const void *ctx);
static inline void fz_check_writer(fz_writer write, const void *ctx, const char *what, int json_ok)
{
    static const ld_format fmts[] = {LD_FMT_TEXT, LD_FMT_CSV, LD_FMT_JSON, LD_FMT_MD};
    for (size_t f = 0; f < sizeof fmts / sizeof fmts[0]; f++) {
        char *buf = NULL;
        size_t len = 0;
        FILE *out = open_memstream(&buf, &len);
        if (!out) abort();
        write(out, fmts[f], ctx);
        fclose(out);
        if (fmts[f] == LD_FMT_TEXT || fmts[f] == LD_FMT_MD) {
            fz_check_terminal_safe(buf, len, what);
        } else if (fmts[f] == LD_FMT_JSON && json_ok) {
            cJSON *j = cJSON_ParseWithLength(buf, len);
            FUZZ_CHECK(j != NULL, "%s: JSON output does not parse: %.300s", what, buf);
            cJSON_Delete(j);
        }
        free(buf);
    }
}

/* Writes the rows in every format and checks each output. */
static inline void fz_check_outputs(const ld_catalog *cat, const uint32_t *idx, size_t n,
                                    const int *cols, size_t ncols)
{
    static const ld_format fmts[] = {LD_FMT_TEXT, LD_FMT_CSV, LD_FMT_JSON, LD_FMT_MD};
    /* every row and column takes the same paths: keep the harness fast */
    if (n > 40) n = 40;
    if (ncols > 64) ncols = 64;
    for (size_t f = 0; f < sizeof fmts / sizeof fmts[0]; f++) {
        char *buf = NULL;
        size_t len = 0;
        FILE *out = open_memstream(&buf, &len);
        if (!out) abort();
        FUZZ_CHECK(output_table(out, cat, idx, n, cols, ncols, fmts[f]) == 0, "output failed");
        fclose(out);
        if (fmts[f] == LD_FMT_TEXT || fmts[f] == LD_FMT_MD) {
            fz_check_terminal_safe(buf, len, fmts[f] == LD_FMT_TEXT ? "text output" : "md output");
        } else if (fmts[f] == LD_FMT_JSON) {
            cJSON *j = cJSON_ParseWithLength(buf, len);
            FUZZ_CHECK(j != NULL, "JSON output does not parse: %.200s", buf);
            FUZZ_CHECK(cJSON_IsArray(j) && (size_t)cJSON_GetArraySize(j) == n, "JSON rows");
            cJSON_Delete(j);
        } else if (ncols > 0) {
            ld_error err;
            error_clear(&err);
            ld_catalog *back = csvload_buffer(buf, len, "csv output", NULL, &err);
            FUZZ_CHECK(back != NULL, "CSV output does not read back: %s", err.msg);
            FUZZ_CHECK(catalog_cols(back) == ncols, "CSV output has %zu columns, wrote %zu",
                       catalog_cols(back), ncols);
            catalog_free(back);
        }
        free(buf);
    }
}

#endif
