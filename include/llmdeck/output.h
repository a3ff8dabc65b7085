/* output.h - text / CSV / JSON / Markdown writers shared by the CLI and the
 * TUI's export.  They write to a FILE* they are given (never to the
 * terminal on their own).  Text and Markdown never contain raw control
 * characters from the data: they are shown escaped (see output_sanitize). */
#ifndef LLMDECK_OUTPUT_H
#define LLMDECK_OUTPUT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "llmdeck/catalog.h"
#include "llmdeck/error.h"

typedef enum { LD_FMT_TEXT = 0, LD_FMT_CSV, LD_FMT_JSON, LD_FMT_MD } ld_format;

/* "text" | "csv" | "json" | "md" (also "markdown"); -1 if unknown. */
int output_parse_format(const char *s, ld_format *fmt);

/* Writes rows idx[0..n) with columns cols[0..ncols). */
int output_table(FILE *out, const ld_catalog *cat, const uint32_t *idx,
                 size_t n, const int *cols, size_t ncols, ld_format fmt);

/* A computed number as text: its decimals in the usual range, all 17
 * significant digits outside it (so it reads back the same), "" when it is
 * not finite.  Returns its length.  Only digits, '-', '.', 'e' and '+':
 * it never needs quotes in a CSV file. */
size_t output_derived_number(double v, int decimals, char *buf, size_t n);

/* The display text of a cell: the original text, or for derived/numeric
 * cells without text the number formatted with the column's decimals;
 * "" when missing.  Written to buf (always NUL-terminated). */
const char *output_cell(const ld_catalog *cat, size_t row, size_t col,
                        char *buf, size_t n);

/* The cell as people read it (the text table, Markdown, the TUI): a
 * computed score to three significant digits (value 30.4, quality 0.812),
 * what the data supports; every other cell as output_cell.  CSV and JSON
 * keep every digit (output_cell). */
const char *output_display_cell(const ld_catalog *cat, size_t row, size_t col, char *buf, size_t n);
/* A computed score for people, as output_display_cell shows one: three
 * significant digits (0.833, 30.4, 735); "" when not a finite number. */
void output_display_number(double v, char *buf, size_t n);
/* The same without trailing zeros (0.0032, 0.05, 1, 0.00206): a relative
 * cost, which the seed's data writes as 0.05 and 1. */
void output_display_ratio(double v, char *buf, size_t n);

/* Copies `in` to `out` making it safe for a terminal: C0 controls, DEL, C1
 * controls, bidi overrides and invalid UTF-8 become visible escapes
 * (\x1b, \u202e, \xff).  Returns out. */
char *output_sanitize(const char *in, char *out, size_t n);

/* The same for a stream to a terminal: writes in[0..len) to out with the
 * unsafe characters escaped, except line feeds and tabs, which stay (lines
 * still break).  An incomplete UTF-8 sequence at the end is left unwritten
 * unless `final` (it is completed by the next call); returns the bytes of
 * `in` consumed. */
size_t output_sanitize_stream(FILE *out, const char *in, size_t len, int final);

/* Writers for single values, used by the other subcommands' outputs. */
void output_json_string(FILE *out, const char *s);
void output_csv_field(FILE *out, const char *s);
/* Markdown table cell: sanitized, '|' escaped. */
void output_md_cell(FILE *out, const char *s);

#endif
