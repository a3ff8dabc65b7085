/* units.c - parse and format human-scaled numbers. */
#include "llmdeck/units.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static double suffix_scale(char c)
{
    switch (c) {
    case 'k': case 'K': return 1e3;
    case 'm': case 'M': return 1e6;
    case 'b': case 'B': case 'g': case 'G': return 1e9;
    case 't': case 'T': return 1e12;
    default: return 0;
    }
}

/* "1,000,000.5" -> "1000000.5" in buf when the commas group thousands; 0
 * when there are none (s is used as it is), -1 when they are misplaced. */
static int strip_grouping(const char *s, char *buf, size_t n)
{
    const char *comma = strchr(s, ',');
    if (!comma) return 0;
    const char *p = s;
    while (isspace((unsigned char)*p)) p++;
    if (*p == '+' || *p == '-') p++;
    size_t lead = 0;
    while (isdigit((unsigned char)p[lead])) lead++;
    if (lead < 1 || lead > 3 || p[lead] != ',') return -1;
    size_t o = 0;
    for (const char *q = s; q < p + lead; q++) {
        if (o + 1 >= n) return -1;
        buf[o++] = *q;
    }
    const char *q = p + lead;
    while (*q == ',') {
        for (int k = 1; k <= 3; k++)
            if (!isdigit((unsigned char)q[k])) return -1;
        if (o + 4 >= n) return -1;
        memcpy(buf + o, q + 1, 3);
        o += 3;
        q += 4;
    }
    if (isdigit((unsigned char)*q) || strchr(q, ',')) return -1; /* "1,0000" or a second group of commas later */
    size_t rest = strlen(q);
    if (o + rest + 1 > n) return -1;
    memcpy(buf + o, q, rest + 1);
    return 1;
}

int units_parse_count(const char *s, double *out)
{
    if (!s) return -1;
    char grouped[128];
    int g = strip_grouping(s, grouped, sizeof grouped);
    if (g < 0) return -1;
    if (g > 0) s = grouped;
    while (isspace((unsigned char)*s)) s++;
    /* strtod would accept "nan", "inf" and hex floats: only decimals here. */
    const char *p = s;
    if (*p == '+' || *p == '-') p++;
    if (!isdigit((unsigned char)*p) && !(*p == '.' && isdigit((unsigned char)p[1])))
        return -1;
    for (const char *q = s; *q; q++)
        if (*q == 'x' || *q == 'X') return -1;
    errno = 0;
    char *end;
    double v = strtod(s, &end);
    if (end == s || errno == ERANGE || !isfinite(v)) return -1;
    double scale = suffix_scale(*end);
    if (scale != 0) {
        v *= scale;
        end++;
    }
    while (isspace((unsigned char)*end)) end++;
    if (*end || !isfinite(v)) return -1;
    *out = v;
    return 0;
}

int units_parse_long(const char *s, long min, long max, long *out)
{
    double v;
    if (units_parse_count(s, &v) != 0) return -1;
    /* (double)LONG_MAX rounds up to 2^63, which no long holds */
    if (v != floor(v) || v < (double)min || v > (double)max || v >= 9223372036854775808.0) return -1;
    *out = (long)v;
    return 0;
}

void units_format_count(double v, char *buf, size_t n)
{
    static const struct { double scale; const char *suffix; } steps[] = {
        {1e12, "T"}, {1e9, "B"}, {1e6, "M"}, {1e3, "k"},
    };
    if (!isfinite(v)) {
        snprintf(buf, n, "n/a");
        return;
    }
    double a = fabs(v);
    if (a >= 1e15) { /* beyond 999T: the scaled digits would not fit a buffer */
        snprintf(buf, n, "%.4g", v);
        return;
    }
    for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
        /* 999,960 would print as "1000.0k": it belongs to the next step */
        if (a >= steps[i].scale * 0.99995) { /* (999.96M is 1B at four figures) */
            char tmp[64];
            /* four figures (1.616B, 62.81B, 580.4M): a break-even from
             * assumptions of a few percent claims no more ("580.35M" did) */
            double x = fabs(v / steps[i].scale);
            int dec = x < 9.9995 ? 3 : x < 99.995 ? 2 : 1;
            snprintf(tmp, sizeof tmp, "%.*f", dec, v / steps[i].scale);
            /* drop trailing zeros and a trailing point */
            char *dot = strchr(tmp, '.');
            if (dot) {
                char *e = tmp + strlen(tmp) - 1;
                while (e > dot && *e == '0') *e-- = '\0';
                if (e == dot) *e = '\0';
            }
            snprintf(buf, n, "%s%s", tmp, steps[i].suffix);
            return;
        }
    }
    snprintf(buf, n, "%.10g", v);
}

/* A volume as units_format_count wrote it, read back ("1.5B" = 1.5e9). */
static double count_value(const char *s)
{
    char *end;
    double v = strtod(s, &end);
    switch (*end) {
    case 'k': return v * 1e3;
    case 'M': return v * 1e6;
    case 'B': return v * 1e9;
    case 'T': return v * 1e12;
    default: return v;
    }
}

void units_format_count_bound(double v, int dir, int sig, char *buf, size_t n)
{
    double a = fabs(v);
    if (!isfinite(v) || a < 1e3 || a >= 1e15 || sig < 1 || sig > 12) {
        units_format_count(v, buf, n);
        return;
    }
    /* the display's last place at `sig` figures (units_format_count's is
     * sig 4), v moved to the grid point on its side, then formatted */
    double scale = a >= 1e12 * 0.99995 ? 1e12 : a >= 1e9 * 0.99995 ? 1e9 : a >= 1e6 * 0.99995 ? 1e6 : 1e3;
    double x = a / scale;
    int whole = x < 10 ? 1 : x < 100 ? 2 : 3;
    int dec = sig - whole > 0 ? sig - whole : 0;
    double step = scale / pow(10, dec), q = v / step;
    double k = dir > 0 ? ceil(q - 1e-9) : dir < 0 ? floor(q + 1e-9) : round(q);
    char tmp[64];
    snprintf(tmp, sizeof tmp, "%.*f", dec, k * step / scale);
    char *dot = strchr(tmp, '.');
    if (dot) { /* trailing zeros and a trailing point dropped, as units_format_count */
        char *e = tmp + strlen(tmp) - 1;
        while (e > dot && *e == '0') *e-- = '\0';
        if (e == dot) *e = '\0';
    }
    static const char *const suffix[] = {"k", "M", "B", "T"};
    snprintf(buf, n, "%s%s", tmp, suffix[scale == 1e3 ? 0 : scale == 1e6 ? 1 : scale == 1e9 ? 2 : 3]);
}

void units_format_range(double from, double to, int sig0, char *a, size_t an, char *b, size_t bn)
{
    /* sig0 figures, more while they would read as one volume or the
     * wrong way round (201.75M to 201.76M: "201.8M ... up to 201.7M") */
    for (int sig = sig0; sig <= 12; sig++) {
        units_format_count_bound(from, +1, sig, a, an);
        units_format_count_bound(to, -1, sig, b, bn);
        if (count_value(a) < count_value(b)) return;
    }
}

void units_format_prices_apart(double a, double b, char *x, size_t xn, char *y, size_t yn)
{
    units_format_price(a, x, xn);
    units_format_price(b, y, yn);
    for (int sig = 5; sig <= 12 && a != b && !strcmp(x, y); sig++) { /* more figures until they differ */
        snprintf(x, xn, "%s$%.*g", a < 0 ? "-" : "", sig, fabs(a));
        snprintf(y, yn, "%s$%.*g", b < 0 ? "-" : "", sig, fabs(b));
    }
}

void units_format_rate(double v, char *buf, size_t n)
{
    if (isfinite(v) && fabs(v) < 100) snprintf(buf, n, "%.3g", v);
    else units_format_grouped(v, buf, n);
}

void units_format_price(double v, char *buf, size_t n)
{
    if (!isfinite(v)) {
        snprintf(buf, n, "n/a");
        return;
    }
    double a = fabs(v);
    if (a >= 1e15 || (a > 0 && a < 1e-12)) {
        snprintf(buf, n, "%s$%.4g", v < 0 ? "-" : "", a);
        return;
    }
    int decimals = a > 0 ? 3 - (int)floor(log10(a)) : 0; /* four significant digits */
    if (decimals < 0) decimals = 0;
    char digits[64];
    snprintf(digits, sizeof digits, "%.*f", decimals, a);
    if (strchr(digits, '.')) { /* drop trailing zeros, and the dot if nothing follows it */
        size_t l = strlen(digits);
        while (digits[l - 1] == '0') digits[--l] = '\0';
        if (digits[l - 1] == '.') digits[--l] = '\0';
    }
    snprintf(buf, n, "%s$%s", v < 0 ? "-" : "", digits);
}

static void format_usd(double v, int cents, char *buf, size_t n)
{
    char digits[64];
    snprintf(digits, sizeof digits, cents ? "%.2f" : "%.0f", fabs(v));
    char *dot = strchr(digits, '.');
    size_t intlen = dot ? (size_t)(dot - digits) : strlen(digits);
    char out[96];
    size_t o = 0;
    if (v < 0) out[o++] = '-';
    out[o++] = '$';
    for (size_t i = 0; i < intlen; i++) {
        if (i > 0 && (intlen - i) % 3 == 0) out[o++] = ',';
        out[o++] = digits[i];
    }
    if (dot) {
        size_t rest = strlen(dot);
        memcpy(out + o, dot, rest);
        o += rest;
    }
    out[o] = '\0';
    snprintf(buf, n, "%s", out);
}

/* n/a, or a figure past what the buffers hold said shorter: 1 when done */
static int usd_special(double v, char *buf, size_t n)
{
    if (!isfinite(v)) {
        snprintf(buf, n, "n/a");
        return 1;
    }
    if (fabs(v) >= 1e18) {
        snprintf(buf, n, "%s$%.4g", v < 0 ? "-" : "", fabs(v));
        return 1;
    }
    return 0;
}

void units_format_usd(double v, char *buf, size_t n)
{
    if (!usd_special(v, buf, n)) format_usd(v, fabs(v) < 1000.0, buf, n); /* cents for small amounts only */
}

void units_format_usd_exact(double v, char *buf, size_t n)
{
    if (usd_special(v, buf, n)) return;
    double c = fabs(v) * 100;
    format_usd(v, fabs(v) < 1000.0 || fabs(c - 100 * round(c / 100)) >= 0.5, buf, n);
}

void units_format_grouped(double v, char *buf, size_t n)
{
    if (!isfinite(v) || fabs(v) >= 1e18) {
        snprintf(buf, n, isfinite(v) ? "%.4g" : "n/a", v);
        return;
    }
    char digits[32], out[48];
    snprintf(digits, sizeof digits, "%.0f", fabs(v));
    size_t len = strlen(digits), o = 0;
    if (v <= -0.5) out[o++] = '-';
    for (size_t i = 0; i < len; i++) {
        if (i > 0 && (len - i) % 3 == 0) out[o++] = ',';
        out[o++] = digits[i];
    }
    out[o] = '\0';
    snprintf(buf, n, "%s", out);
}

int units_parse_price(const char *s, double bare_tokens, double *per_1k, int *unit_given)
{
    if (!s) return -1;
    char buf[128];
    while (isspace((unsigned char)*s)) s++;
    if (*s == '$') s++;
    if (snprintf(buf, sizeof buf, "%s", s) >= (int)sizeof buf) return -1;
    double tokens = bare_tokens;
    int given = 0;
    char *slash = strchr(buf, '/');
    if (slash) {
        char *u = slash + 1;
        while (isspace((unsigned char)*u)) u++;
        size_t l = strlen(u);
        while (l && isspace((unsigned char)u[l - 1])) u[--l] = '\0';
        if (!strcasecmp(u, "k") || !strcasecmp(u, "1k")) tokens = 1e3;
        else if (!strcasecmp(u, "m") || !strcasecmp(u, "1m")) tokens = 1e6;
        else return -1;
        given = 1;
        *slash = '\0';
    }
    /* a price has no scale suffix of its own: "0.5M" is a typo, not 500,000 */
    size_t l = strlen(buf);
    while (l && isspace((unsigned char)buf[l - 1])) buf[--l] = '\0';
    if (l && isalpha((unsigned char)buf[l - 1])) return -1;
    double v;
    if (units_parse_count(buf, &v) != 0 || v < 0) return -1;
    *per_1k = v / tokens * 1000.0;
    if (unit_given) *unit_given = given;
    return 0;
}
