/* output.c - table writers (text, CSV, JSON, Markdown) and terminal safety. */
#include "llmdeck/output.h"

#include "csvrows.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <wchar.h>

int output_parse_format(const char *s, ld_format *fmt)
{
    static const struct { const char *name; ld_format fmt; } names[] = {
        {"text", LD_FMT_TEXT}, {"csv", LD_FMT_CSV}, {"json", LD_FMT_JSON},
        {"md", LD_FMT_MD}, {"markdown", LD_FMT_MD},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcasecmp(s, names[i].name) == 0) {
            *fmt = names[i].fmt;
            return 0;
        }
    return -1;
}

const char *output_cell(const ld_catalog *cat, size_t row, size_t col, char *buf, size_t n)
{
    const ld_column *c = catalog_col(cat, col);
    if (!(c->flags & LD_COLF_DERIVED)) {
        snprintf(buf, n, "%s", catalog_text(cat, row, col));
        return buf;
    }
    double v = catalog_num(cat, row, col);
    if (c->flags & LD_COLF_YESNO) snprintf(buf, n, "%s", isnan(v) ? "" : v != 0 ? "yes" : "no");
    else output_derived_number(v, c->decimals, buf, n);
    return buf;
}

const char *output_display_cell(const ld_catalog *cat, size_t row, size_t col, char *buf, size_t n)
{
    const ld_column *c = catalog_col(cat, col);
    if (!strcmp(c->id, "relative_cost") && c->type == LD_COL_NUMBER && !isnan(catalog_num(cat, row, col))) {
        /* a hosted price / GPT-4's or llmdeck's own estimate: three figures,
         * as the value it divides (an estimate's 0.00206369 claimed six) */
        output_display_ratio(catalog_num(cat, row, col), buf, n);
        return buf;
    }
    if (c->type == LD_COL_NUMBER && !(c->flags & LD_COLF_DERIVED) && isnan(catalog_num(cat, row, col))) {
        /* a missing marker as the file spelled it ("NA", "?", "-", "null"):
         * people read one "missing" (the writers' n/a), not seven spellings */
        if (n) buf[0] = '\0';
        return buf;
    }
    if (!(c->flags & LD_COLF_DERIVED) || (c->flags & LD_COLF_YESNO) || c->decimals <= 0)
        return output_cell(cat, row, col, buf, n);
    output_display_number(catalog_num(cat, row, col), buf, n);
    return buf;
}

void output_display_number(double v, char *buf, size_t n)
{
    if (!isfinite(v)) {
        if (n) buf[0] = '\0';
        return;
    }
    int mag = v != 0 ? (int)floor(log10(fabs(v))) : 0;
    int dec = 2 - mag; /* three significant digits: 0.833, 30.4, 735 */
    if (dec < 0) dec = 0;
    if (dec > 8) dec = 8;
    snprintf(buf, n, "%.*f", dec, v);
}

void output_display_ratio(double v, char *buf, size_t n)
{
    if (v != 0 && fabs(v) < 1e-5) { /* past eight decimals: 1e-09, never a 0 */
        snprintf(buf, n, "%.3g", v);
        return;
    }
    output_display_number(v, buf, n);
    if (!strchr(buf, '.')) return;
    size_t len = strlen(buf); /* 0.00320 -> 0.0032, 1.00 -> 1 */
    while (len && buf[len - 1] == '0') buf[--len] = '\0';
    if (len && buf[len - 1] == '.') buf[--len] = '\0';
}

#ifdef __SIZEOF_INT128__
__extension__ typedef unsigned __int128 u128;
#endif

/* The eight decimal digits of x < 10^8 (leading zeros too) as ASCII, the
 * first in the lowest byte: two groups of four, each split into two pairs
 * and each pair into two digits, all lanes at once (multiplying by 10486
 * and shifting by 20 divides by 100 below 10^4, by 103 and 10 divides by
 * 10 below 100).  One division a digit, each waiting for the last, made
 * a value score take 23 ns; now 17 (200k values, strlen included). */
static inline uint64_t ascii8(uint64_t x)
{
    uint64_t v = x / 10000 | (x % 10000) << 32;
    uint64_t hundreds = ((v * 10486) >> 20) & UINT64_C(0x0000007F0000007F);
    v = hundreds | (v - hundreds * 100) << 16;
    uint64_t tens = ((v * 103) >> 10) & UINT64_C(0x000F000F000F000F);
    v = tens | (v - tens * 10) << 8;
    return v + UINT64_C(0x3030303030303030);
}

static inline void store_ascii8(char *d, uint64_t x)
{
    uint64_t w = ascii8(x);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    w = __builtin_bswap64(w); /* the first digit in the first byte */
#endif
    memcpy(d, &w, sizeof w);
}

/* snprintf(buf, n, "%.*f", d, v) for 0 <= d <= 9 and |v| * 10^d < 9e18,
 * byte for byte, about ten times faster (a CSV export of 200k rows with a
 * value column spent a fifth of its time in printf).  Exact, not
 * approximate: v is m * 2^e with a 53-bit m, so v * 10^d = m * 10^d * 2^e
 * fits in 128 bits and is rounded half to even, as glibc's printf rounds in
 * the default mode (tests/unit/test_output_numbers.c compares millions of
 * values).
 * Returns the length written, or 0 when it does not apply and printf must
 * do it. */
static size_t fixed_fast(double v, int d, char *buf, size_t n)
{
#ifndef __SIZEOF_INT128__ /* no 128-bit integers (32-bit targets): printf does it */
    (void)v, (void)d, (void)buf, (void)n;
    return 0;
#else
    static const uint64_t p10[] = {1, 10, 100, 1000, 10000, 100000, 1000000, 10000000,
                                   100000000, 1000000000};
    double a = fabs(v);
    if (d < 0 || d > 9 || n < 32 || !(a < 9e18 / (double)p10[d])) return 0;
    /* a = m * 2^e exactly, read from the IEEE-754 bits (frexp and ldexp
     * were library calls, a third of this function's time in an export) */
    uint64_t bits;
    memcpy(&bits, &a, sizeof bits);
    int biased = (int)(bits >> 52 & 0x7FF);
    uint64_t m = bits & ((UINT64_C(1) << 52) - 1);
    int e;
    if (biased) m |= UINT64_C(1) << 52, e = biased - 1075;
    else e = -1074; /* subnormal (or zero): no implicit bit */
    u128 x = (u128)m * p10[d];
    uint64_t q; /* round(a * 10^d) */
    if (e >= 0) q = (uint64_t)(x << e); /* < 9e18 by the test above */
    else if (-e >= 127) q = 0; /* x < 2^83: far below one half */
    else {
        u128 rem = x & (((u128)1 << -e) - 1), half = (u128)1 << (-e - 1);
        q = (uint64_t)(x >> -e);
        q += rem > half || (rem == half && (q & 1));
    }
    /* the digits, eight at a time (ascii8), right-aligned in dig; at
     * least d + 1 of them (0.05, not .05) */
    char dig[24];
    size_t len = 8;
    memset(dig + 8, '0', 8); /* d + 1 may be 10 digits */
    store_ascii8(dig + 16, q % 100000000);
    if (q >= 100000000) {
        q /= 100000000;
        store_ascii8(dig + 8, q % 100000000);
        len = 16;
        if (q >= 100000000) {
            store_ascii8(dig, q / 100000000);
            len = 24;
        }
    }
    if (len < (size_t)d + 1) len = (size_t)d + 1;
    const char *first = dig + sizeof dig - len;
    while (len > (size_t)d + 1 && *first == '0') first++, len--; /* no leading zeros */
    char *o = buf;
    if (signbit(v)) *o++ = '-'; /* printf keeps the sign of -0.0 and of a negative that rounds to 0 */
    size_t whole = len - (size_t)d;
    memcpy(o, first, whole);
    o += whole;
    if (d) {
        *o++ = '.';
        memcpy(o, first + whole, (size_t)d);
        o += d;
    }
    *o = '\0';
    return (size_t)(o - buf);
#endif
}

size_t output_derived_number(double v, int decimals, char *buf, size_t n)
{
    /* fixed decimals read well in the usual range; outside it (a cost of
     * 1e-70 makes a value of 1e69) every digit still round-trips; never
     * "inf" or "nan": not a number is an empty cell / null */
    int d = decimals >= 0 ? decimals : 6;
    size_t len;
    if (!isfinite(v)) {
        buf[0] = '\0';
        return 0;
    }
    if (v != 0 && (fabs(v) >= 1e15 || fabs(v) < 1e-6)) snprintf(buf, n, "%.17g", v);
    else if ((len = fixed_fast(v, d, buf, n)) > 0) return len;
    else snprintf(buf, n, "%.*f", d, v);
    return strlen(buf);
}

/* Length of a valid UTF-8 sequence at s (1..4), or 0 if invalid. */
static size_t utf8_len(const unsigned char *s, unsigned *cp)
{
    if (s[0] < 0x80) return *cp = s[0], 1;
    size_t n;
    unsigned c;
    if ((s[0] & 0xE0) == 0xC0) n = 2, c = s[0] & 0x1F;
    else if ((s[0] & 0xF0) == 0xE0) n = 3, c = s[0] & 0x0F;
    else if ((s[0] & 0xF8) == 0xF0) n = 4, c = s[0] & 0x07;
    else return 0;
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80) return 0;
        c = (c << 6) | (s[i] & 0x3F);
    }
    static const unsigned min[] = {0, 0, 0x80, 0x800, 0x10000};
    if (c < min[n] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return 0;
    *cp = c;
    return n;
}

static int unsafe_cp(unsigned c)
{
    return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) ||
           (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) ||
           c == 0x200E || c == 0x200F || c == 0x061C;
}

/* The visible form of an unsafe character: \t \n \r, \x1b, \u202e. */
static const char *escape_cp(unsigned cp, char esc[16])
{
    if (cp == '\t') return strcpy(esc, "\\t");
    if (cp == '\n') return strcpy(esc, "\\n");
    if (cp == '\r') return strcpy(esc, "\\r");
    snprintf(esc, 16, cp < 0x100 ? "\\x%02x" : "\\u%04x", cp);
    return esc;
}

size_t output_sanitize_stream(FILE *out, const char *in, size_t len, int final)
{
    const unsigned char *s = (const unsigned char *)in;
    size_t i = 0;
    while (i < len) {
        size_t run = i; /* printable ASCII, line feeds and tabs: as they are */
        while (run < len && ((s[run] >= 0x20 && s[run] < 0x7F) || s[run] == '\n' || s[run] == '\t')) run++;
        if (run > i) {
            fwrite(s + i, 1, run - i, out);
            i = run;
            continue;
        }
        size_t need = s[i] >= 0xF0 ? 4 : s[i] >= 0xE0 ? 3 : s[i] >= 0xC0 ? 2 : 1;
        if (i + need > len && !final) break; /* the rest of it comes with the next write */
        unsigned char one[5] = {0}; /* NUL after it: utf8_len stops there */
        memcpy(one, s + i, i + need > len ? len - i : need);
        unsigned cp;
        size_t l = utf8_len(one, &cp);
        if (l == 0) {
            fprintf(out, "\\x%02x", s[i]);
            l = 1;
        } else if (unsafe_cp(cp)) {
            char esc[16];
            fputs(escape_cp(cp, esc), out);
        } else {
            fwrite(s + i, 1, l, out);
        }
        i += l;
    }
    return i;
}

char *output_sanitize(const char *in, char *out, size_t n)
{
    size_t o = 0;
    const unsigned char *s = (const unsigned char *)in;
    if (!n) return out;
    while (*s) {
        unsigned cp;
        size_t l = utf8_len(s, &cp);
        char esc[16];
        const char *piece;
        size_t plen;
        if (l == 0) {
            snprintf(esc, sizeof esc, "\\x%02x", *s);
            piece = esc, plen = strlen(esc), l = 1;
        } else if (unsafe_cp(cp)) {
            piece = escape_cp(cp, esc), plen = strlen(esc);
        } else {
            piece = (const char *)s, plen = l;
        }
        if (o + plen + 1 > n) break;
        memcpy(out + o, piece, plen);
        o += plen;
        s += l;
    }
    out[o] = '\0';
    return out;
}

/* Display width of sanitized UTF-8 text (wide characters count 2). */
static size_t text_width(const char *s)
{
    size_t w = 0;
    mbstate_t st;
    memset(&st, 0, sizeof st);
    size_t len = strlen(s);
    while (len) {
        wchar_t wc;
        size_t l = mbrtowc(&wc, s, len, &st);
        if (l == (size_t)-1 || l == (size_t)-2 || l == 0) { /* C locale: bytes */
            w++, s++, len--;
            memset(&st, 0, sizeof st);
            continue;
        }
        int cw = wcwidth(wc);
        w += cw > 0 ? (size_t)cw : 0;
        s += l, len -= l;
    }
    return w;
}

void output_json_string(FILE *out, const char *s)
{
    fputc('"', out);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        unsigned c = *p;
        if (c == '"' || c == '\\') fprintf(out, "\\%c", c);
        else if (c == '\n') fputs("\\n", out);
        else if (c == '\t') fputs("\\t", out);
        else if (c == '\r') fputs("\\r", out);
        else if (c < 0x20 || c == 0x7F) fprintf(out, "\\u%04x", c);
        else {
            unsigned cp;
            size_t l = utf8_len(p, &cp);
            if (l == 0) fputs("\\ufffd", out); /* invalid UTF-8: JSON must be valid */
            else if (unsafe_cp(cp)) fprintf(out, "\\u%04x", cp);
            else fwrite(p, 1, l, out);
            if (l > 1) p += l - 1;
        }
    }
    fputc('"', out);
}

/* Characters that force quoting in RFC 4180 output. */
static const unsigned char csv_special[256] = {[','] = 1, ['"'] = 1, ['\r'] = 1, ['\n'] = 1};

/* Writes one field; returns its length (the hot loop walks on with it). */
static size_t write_csv_field(FILE *out, const char *s)
{
    /* Quote only when needed, doubling inner quotes; leading or trailing
     * blanks are quoted so a reader keeps them.  Hot path of large exports:
     * one scan, then one fwrite. */
    size_t n = 0;
    int quote = 0;
    for (; s[n]; n++) quote |= csv_special[(unsigned char)s[n]];
    if (n && (s[0] == ' ' || s[0] == '\t' || s[n - 1] == ' ' || s[n - 1] == '\t')) quote = 1;
    if (!quote) {
        fwrite_unlocked(s, 1, n, out);
        return n;
    }
    putc_unlocked('"', out);
    for (const char *p = s, *end = s + n; p < end;) { /* runs between quotes, each in one write */
        const char *q = memchr(p, '"', (size_t)(end - p));
        size_t run = q ? (size_t)(q - p) + 1 : (size_t)(end - p);
        fwrite_unlocked(p, 1, run, out);
        if (q) putc_unlocked('"', out); /* the quote written again: "" */
        p += run;
    }
    putc_unlocked('"', out);
    return n;
}

void output_csv_field(FILE *out, const char *s)
{
    write_csv_field(out, s);
}

void output_md_cell(FILE *out, const char *s)
{
    char buf[2048];
    output_sanitize(s, buf, sizeof buf);
    for (const char *p = buf; *p; p++) {
        if (*p == '|') fputc('\\', out);
        fputc(*p, out);
    }
}

/* Right-aligned: a number; a derived yes/no (frontier) reads as words, left
 * as the data's own yes/no columns (Open). */
static int is_num(const ld_catalog *cat, int col)
{
    const ld_column *c = catalog_col(cat, (size_t)col);
    return c->type == LD_COL_NUMBER && !(c->flags & LD_COLF_YESNO);
}

static void write_text(FILE *out, const ld_catalog *cat, const uint32_t *idx, size_t n,
                       const int *cols, size_t ncols)
{
    size_t *w = calloc(ncols ? ncols : 1, sizeof *w);
    char cell[1024], safe[4096];
    if (!w) return;
    for (size_t c = 0; c < ncols; c++) {
        w[c] = text_width(output_sanitize(catalog_col(cat, (size_t)cols[c])->label, safe, sizeof safe));
        for (size_t i = 0; i < n; i++) {
            output_display_cell(cat, idx[i], (size_t)cols[c], cell, sizeof cell);
            size_t cw = *cell ? text_width(output_sanitize(cell, safe, sizeof safe)) : 3;
            if (cw > w[c]) w[c] = cw;
        }
        if (w[c] > 60) w[c] = 60; /* very long cells are cut, not wrapped */
    }
    for (size_t r = 0; r <= n; r++) {
        for (size_t c = 0; c < ncols; c++) {
            const char *t;
            if (r == 0) t = catalog_col(cat, (size_t)cols[c])->label;
            else t = output_display_cell(cat, idx[r - 1], (size_t)cols[c], cell, sizeof cell);
            if (r > 0 && !*t) t = "n/a"; /* missing is shown, never as 0 */
            output_sanitize(t, safe, sizeof safe);
            size_t tw = text_width(safe);
            if (tw > w[c]) { /* cut at a character boundary */
                size_t b = 0, acc = 0;
                mbstate_t st;
                memset(&st, 0, sizeof st);
                while (safe[b]) {
                    wchar_t wc;
                    size_t l = mbrtowc(&wc, safe + b, strlen(safe + b), &st);
                    if (l == (size_t)-1 || l == (size_t)-2 || l == 0) l = 1, wc = '?';
                    int cw = wcwidth(wc);
                    if (acc + (size_t)(cw > 0 ? cw : 0) > w[c] - 1) break;
                    acc += (size_t)(cw > 0 ? cw : 0);
                    b += l;
                }
                strcpy(safe + b, "~");
                tw = acc + 1;
            }
            size_t pad = w[c] - tw;
            int right = r > 0 && is_num(cat, cols[c]);
            if (c) fputs("  ", out);
            if (right) for (size_t k = 0; k < pad; k++) fputc(' ', out);
            fputs(safe, out);
            if (!right && c + 1 < ncols) for (size_t k = 0; k < pad; k++) fputc(' ', out);
        }
        fputc('\n', out);
    }
    free(w);
}

static void write_csv_row(FILE *out, const ld_catalog *cat, uint32_t row, const int *cols,
                          size_t ncols)
{
    char cell[CSVROWS_CELL];
    for (size_t c = 0; c < ncols; c++) {
        if (c) putc_unlocked(',', out);
        const ld_column *col = catalog_col(cat, (size_t)cols[c]);
        if (col->flags & LD_COLF_DERIVED)
            write_csv_field(out, output_cell(cat, row, (size_t)cols[c], cell, sizeof cell));
        else /* the original text, unabridged */
            write_csv_field(out, catalog_text(cat, row, (size_t)cols[c]));
    }
    putc_unlocked('\n', out);
}

typedef struct {
    FILE *out;
    const ld_catalog *cat;
    const int *cols;
    size_t ncols;
} slow_row_ctx;

static void slow_row(void *vctx, uint32_t row)
{
    const slow_row_ctx *c = vctx;
    write_csv_row(c->out, c->cat, row, c->cols, c->ncols);
}

static void write_csv(FILE *out, const ld_catalog *cat, const uint32_t *idx, size_t n,
                      const int *cols, size_t ncols)
{
    for (size_t c = 0; c < ncols; c++) {
        if (c) fputc(',', out);
        output_csv_field(out, catalog_col(cat, (size_t)cols[c])->id);
    }
    fputc('\n', out);
    /* Every loaded column in order, then computed ones (value_score):
     * rows the loader kept whole are copied at once and the computed cells
     * appended (csvrows.c) */
    size_t loaded = 0;
    while (loaded < ncols && cols[loaded] == (int)loaded &&
           !(catalog_col(cat, loaded)->flags & LD_COLF_DERIVED))
        loaded++;
    int whole_rows = n > 0 && loaded > 0;
    for (size_t c = loaded; whole_rows && c < ncols; c++)
        whole_rows = (catalog_col(cat, (size_t)cols[c])->flags & LD_COLF_DERIVED) != 0;
    if (whole_rows) {
        slow_row_ctx ctx = {out, cat, cols, ncols};
        csvrows_write(out, cat, idx, n, loaded, cols + loaded, ncols - loaded, slow_row, &ctx);
        return;
    }
    for (size_t i = 0; i < n; i++) {
        /* Sorted rows are scattered in memory: fetch ahead, the offsets of
         * the row 16 places on and the texts of the row 8 places on. */
        if (i + 16 < n)
            for (size_t c = 0; c < ncols; c++) {
                const uint32_t *t = catalog_col(cat, (size_t)cols[c])->text; /* NULL: slim */
                if (t) __builtin_prefetch(&t[idx[i + 16]]);
            }
        if (i + 8 < n)
            for (size_t c = 0; c < ncols; c++)
                __builtin_prefetch(catalog_text(cat, idx[i + 8], (size_t)cols[c]));
        write_csv_row(out, cat, idx[i], cols, ncols);
    }
}

static void write_json(FILE *out, const ld_catalog *cat, const uint32_t *idx, size_t n,
                       const int *cols, size_t ncols)
{
    fputs("[", out);
    for (size_t i = 0; i < n; i++) {
        fputs(i ? ",\n  {" : "\n  {", out);
        for (size_t c = 0; c < ncols; c++) {
            const ld_column *col = catalog_col(cat, (size_t)cols[c]);
            if (c) fputs(", ", out);
            output_json_string(out, col->id);
            fputs(": ", out);
            if (col->type == LD_COL_NUMBER) {
                double v = catalog_num(cat, idx[i], (size_t)cols[c]);
                char num[64];
                if (!isfinite(v)) fputs("null", out); /* JSON has no inf or nan */
                else if (col->flags & LD_COLF_YESNO) fputs(v != 0 ? "true" : "false", out);
                else if (col->flags & LD_COLF_DERIVED) {
                    output_derived_number(v, col->decimals, num, sizeof num);
                    fputs(num, out);
                } else {
                    /* the shortest of 15 and 17 digits that reads back as v */
                    snprintf(num, sizeof num, "%.15g", v);
                    if (strtod(num, NULL) != v) snprintf(num, sizeof num, "%.17g", v);
                    fputs(num, out);
                }
            } else {
                const char *t = catalog_text(cat, idx[i], (size_t)cols[c]);
                if (*t) output_json_string(out, t);
                else fputs("null", out);
            }
        }
        fputs("}", out);
    }
    fputs(n ? "\n]\n" : "]\n", out);
}

static void write_md(FILE *out, const ld_catalog *cat, const uint32_t *idx, size_t n,
                     const int *cols, size_t ncols)
{
    char cell[1024];
    fputs("|", out);
    for (size_t c = 0; c < ncols; c++) {
        fputc(' ', out);
        output_md_cell(out, catalog_col(cat, (size_t)cols[c])->label);
        fputs(" |", out);
    }
    fputs("\n|", out);
    for (size_t c = 0; c < ncols; c++) fputs(is_num(cat, cols[c]) ? " ---: |" : " --- |", out);
    fputc('\n', out);
    for (size_t i = 0; i < n; i++) {
        fputs("|", out);
        for (size_t c = 0; c < ncols; c++) {
            const char *t = output_display_cell(cat, idx[i], (size_t)cols[c], cell, sizeof cell);
            fputc(' ', out);
            output_md_cell(out, *t ? t : "n/a");
            fputs(" |", out);
        }
        fputc('\n', out);
    }
}

int output_table(FILE *out, const ld_catalog *cat, const uint32_t *idx, size_t n,
                 const int *cols, size_t ncols, ld_format fmt)
{
    /* One lock for the whole table: once a load has started a thread, stdio
     * locks the stream on every call, and a JSON export of 200k rows made
     * millions of them (fwrite was 39% of its time; with the lock held each
     * call only counts itself in) */
    flockfile(out);
    switch (fmt) {
    case LD_FMT_TEXT: write_text(out, cat, idx, n, cols, ncols); break;
    case LD_FMT_CSV: write_csv(out, cat, idx, n, cols, ncols); break;
    case LD_FMT_JSON: write_json(out, cat, idx, n, cols, ncols); break;
    case LD_FMT_MD: write_md(out, cat, idx, n, cols, ncols); break;
    }
    int bad = ferror(out);
    funlockfile(out);
    return bad ? -1 : 0;
}
