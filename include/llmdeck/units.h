/* units.h - numbers as people type them: 750M, 1.25B, 1e9, 32k, 8000. */
#ifndef LLMDECK_UNITS_H
#define LLMDECK_UNITS_H

#include <stddef.h>

/* Parses a finite number with an optional scale suffix k/K (1e3), m/M (1e6),
 * b/B/g/G (1e9), t/T (1e12), and thousands separators in groups of three
 * ("1,000,000"; "1,5" is refused: a decimal comma is not a separator).
 * Always '.' for the decimal point, whatever the locale.  Surrounding blanks are allowed, anything else
 * (trailing garbage like "12abc", "nan", "inf", overflow, empty) is refused.
 * Returns 0 on success, -1 on failure. */
int units_parse_count(const char *s, double *out);

/* A price, USD per token count: "0.002", "$0.50", "0.5/M", "0.5/1M",
 * "0.002/K", "0.002/1K" (K, M, 1K, 1M case-insensitive).  Without a unit
 * the number is per `bare_tokens` tokens (1000 for the CLI's per-1K flags,
 * 1e6 for the TUI's per-1M prompt).  *per_1k receives USD per 1K tokens;
 * *unit_given (may be NULL) whether a unit was written.  -1 when it is not
 * a finite number >= 0 of that shape. */
int units_parse_price(const char *s, double bare_tokens, double *per_1k, int *unit_given);

/* Like units_parse_count but the result must be a whole number in
 * [min, max]; returns -1 otherwise. */
int units_parse_long(const char *s, long min, long max, long *out);

/* Formats a count compactly: 750M, 1.25B, 32k, 4096 (up to 3 significant
 * decimals, trailing zeros dropped). */
void units_format_count(double v, char *buf, size_t n);
/* A volume where a stretch starts (dir > 0: rounded up) or ends (dir < 0:
 * down) at `sig` figures, so the volume printed lies inside it:
 * "cheaper for good from 2.813B" (2.8125B; 2.812B would still be dearer). */
void units_format_count_bound(double v, int dir, int sig, char *buf, size_t n);
/* A stretch's two edges at sig0 figures or more, `from` rounded up and
 * `to` down, with more figures while they print alike ("1.31396B, but
 * only up to 1.314B", not 1.314B twice). */
void units_format_range(double from, double to, int sig0, char *a, size_t an, char *b, size_t bn);

/* Formats dollars with thousands separators, cents below $1,000 only:
 * "$0.12", "$999.50", "$1,500", "$12,346". */
void units_format_usd(double v, char *buf, size_t n);
/* As units_format_usd, but with the cents whenever they are not zero
 * ("$1,160.70", "$1,500"): a figure a basis multiplies, so the product
 * it prints checks by hand (10 x $1,161 is not $11,607). */
void units_format_usd_exact(double v, char *buf, size_t n);
/* Two unit prices compared in one sentence, with more figures while they
 * would print alike ("$0.0022831 ... more than the API's $0.0022832"). */
void units_format_prices_apart(double a, double b, char *x, size_t xn, char *y, size_t yn);

/* A unit price as a person writes it: four significant digits in fixed
 * notation, trailing zeros dropped: "$0.00004", "$0.0025", "$2.5", "$1500"
 * (never "4e-05"; "n/a" when not finite; "$%.4g" above 1e15). */
void units_format_price(double v, char *buf, size_t n);

/* A rate as a person reads it: three significant digits below 100, whole
 * numbers with separators above: "10.6", "38.3", "223", "1,890". */
void units_format_rate(double v, char *buf, size_t n);

/* A whole number with thousands separators: "131,072", "1,890" (rounded;
 * "n/a" when not finite). */
void units_format_grouped(double v, char *buf, size_t n);

#endif
