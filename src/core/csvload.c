/* csvload.c - CSV into a catalog with libcsv, one pass, positions tracked.
 *
 * libcsv reports fields and row ends but no positions, so the input is fed
 * one physical line at a time: a callback then knows the line it fires on,
 * and a parse error's byte offset within the line gives the column. */
#include "llmdeck/csvload.h"

#include <csv.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* The input: a buffer in memory or an open file (read in chunks, so a
 * large file is never held whole).  Error messages re-read bytes by offset. */
typedef struct {
    const char *mem;
    size_t len;  /* total bytes (file size for files) */
    FILE *f;
} csv_source;

static size_t source_read_at(const csv_source *src, size_t off, char *buf, size_t n)
{
    if (off >= src->len) return 0;
    if (n > src->len - off) n = src->len - off;
    if (src->mem) {
        memcpy(buf, src->mem + off, n);
        return n;
    }
    long here = ftell(src->f);
    if (fseek(src->f, (long)off, SEEK_SET) != 0) return 0;
    size_t got = fread(buf, 1, n, src->f);
    fseek(src->f, here, SEEK_SET);
    return got;
}

typedef struct {
    ld_catalog *cat;
    const ld_csv_options *opt;
    const char *name;
    ld_error *err;
    const csv_source *src; /* for column positions in messages */
    size_t line_start;    /* offset of the current physical line */
    long line;            /* 1-based number of the current physical line */
    size_t row_start;     /* offset where the current record began */
    long row_line;        /* line where the current record began */
    size_t field;         /* index of the next field in the record */
    int in_header;
    int failed;
    size_t header_fields;
    long *line_of_row;
    size_t line_cap;
} csv_ctx;

void csvload_snake_case(const char *in, size_t len, char *out, size_t n)
{
    size_t o = 0;
    int pending_sep = 0;
    for (size_t i = 0; i < len && o + 2 < n; i++) {
        unsigned char c = (unsigned char)in[i];
        int alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (alnum) {
            if (pending_sep && o > 0) out[o++] = '_';
            pending_sep = 0;
            out[o++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        } else if (c == '%') {
            /* "MMLU (%)" -> "mmlu": a unit is not part of the id */
        } else {
            pending_sep = 1;
        }
    }
    out[o] = '\0';
}

static int in_list(const char *const *list, const char *id)
{
    if (!list) return 0;
    for (; *list; list++)
        if (strcmp(*list, id) == 0) return 1;
    return 0;
}

/* 1-based character column of field `k` of the record starting at `off`. */
static long field_column(const csv_source *src, size_t off, size_t k)
{
    char buf[1 << 16];
    size_t n = source_read_at(src, off, buf, sizeof buf);
    size_t i = 0, f = 0, ls = 0;
    int q = 0;
    while (i < n && f < k) {
        if (buf[i] == '"') q = !q;
        else if (buf[i] == ',' && !q) f++;
        else if (buf[i] == '\n') ls = i + 1;
        i++;
    }
    return (long)(i - ls) + 1;
}

static void on_field(void *s, size_t len, void *vctx)
{
    csv_ctx *x = vctx;
    if (x->failed) return;
    size_t k = x->field++;
    if (x->in_header) {
        char id[128];
        csvload_snake_case(s, len, id, sizeof id);
        if (!id[0]) snprintf(id, sizeof id, "column_%zu", k + 1);
        if (catalog_col_index(x->cat, id) >= 0) { /* duplicate header */
            char base[128];
            snprintf(base, sizeof base, "%s", id);
            for (int n = 2; catalog_col_index(x->cat, id) >= 0; n++)
                snprintf(id, sizeof id, "%.100s_%d", base, n);
        }
        unsigned flags = 0;
        if (in_list(x->opt ? x->opt->number_cols : NULL, id)) flags |= LD_COLF_DECLARED_NUMBER;
        if (in_list(x->opt ? x->opt->text_cols : NULL, id)) flags |= LD_COLF_DECLARED_TEXT;
        /* parse numbers as the cells arrive (one pass); catalog_finish turns
         * columns with words into text.  The key column is always text. */
        int text = (flags & LD_COLF_DECLARED_TEXT) || strcmp(id, "model") == 0;
        int c = catalog_add_column(x->cat, id, text ? LD_COL_TEXT : LD_COL_NUMBER, flags);
        if (c < 0) {
            x->failed = 1;
            error_set(x->err, LD_ERR_NOMEM, x->name, x->line, 0, "out of memory");
            return;
        }
        /* keep the header's own words as the label */
        ld_column *col = catalog_col(x->cat, (size_t)c);
        char *label = malloc(len + 1);
        if (label) {
            memcpy(label, s, len);
            label[len] = '\0';
            free(col->label);
            col->label = label;
        }
        return;
    }
    if (k >= x->header_fields) {
        x->failed = 1;
        error_set(x->err, LD_ERR_PARSE, x->name, x->line, field_column(x->src, x->row_start, k),
                  "row has more fields than the header's %zu", x->header_fields);
        return;
    }
    size_t rows = catalog_rows(x->cat);
    if (k == 0) {
        if (catalog_add_row(x->cat) == (size_t)-1) goto nomem;
        if (rows == x->line_cap) {
            size_t cap = x->line_cap ? x->line_cap * 2 : 1024;
            long *l = realloc(x->line_of_row, cap * sizeof *l);
            if (!l) goto nomem;
            x->line_of_row = l;
            x->line_cap = cap;
        }
        x->line_of_row[rows] = x->row_line;
        rows++;
    }
    int rc = catalog_set_cell(x->cat, rows - 1, k, s, len);
    if (rc < 0) goto nomem;
    if (rc == 1 && (catalog_col(x->cat, k)->flags & LD_COLF_DECLARED_NUMBER)) {
        x->failed = 1;
        error_set(x->err, LD_ERR_PARSE, x->name, x->line, field_column(x->src, x->row_start, k),
                  "column '%s' expects a number, got '%.*s'", catalog_col(x->cat, k)->id,
                  (int)(len > 40 ? 40 : len), (const char *)s);
    }
    return;
nomem:
    x->failed = 1;
    error_set(x->err, LD_ERR_NOMEM, x->name, x->line, 0, "out of memory");
}

static void on_row_end(int term, void *vctx)
{
    (void)term;
    csv_ctx *x = vctx;
    if (x->failed) return;
    if (x->in_header) {
        x->in_header = 0;
        x->header_fields = x->field;
    }
    x->field = 0;
}

/* Where an unterminated quoted field starts: scans from the record at `off`. */
static void unterminated_at(const csv_source *src, size_t off, long line0, long *line, long *col)
{
    int q = 0;
    long l = line0, open_line = line0;
    size_t ls = off, open = off, open_ls = off;
    char buf[1 << 16];
    for (size_t base = off;;) {
        size_t n = source_read_at(src, base, buf, sizeof buf);
        if (n == 0) break;
        for (size_t j = 0; j < n; j++) {
            size_t i = base + j;
            if (buf[j] == '"') {
                if (!q) open = i, open_line = l, open_ls = ls;
                q = !q;
            } else if (buf[j] == '\n') {
                l++;
                ls = i + 1;
            }
        }
        base += n;
    }
    *line = open_line;
    *col = (long)(open - open_ls) + 1;
}

#define CHUNK (1u << 20)

/* Feeds one chunk to libcsv a physical line at a time. `base` is the
 * chunk's offset in the input. */
static void feed_chunk(struct csv_parser *p, csv_ctx *x, const char *chunk, size_t n, size_t base)
{
    size_t pos = 0;
    while (pos < n && !x->failed) {
        const char *nl = memchr(chunk + pos, '\n', n - pos);
        size_t seg = nl ? (size_t)(nl - (chunk + pos)) + 1 : n - pos;
        size_t done = csv_parse(p, chunk + pos, seg, on_field, on_row_end, x);
        if (x->failed) return;
        if (done != seg) {
            size_t at = base + pos + done, ls = at;
            char tmp[1 << 12];
            /* column: distance back to the line start (within 4 KiB) */
            size_t back = at > sizeof tmp ? sizeof tmp : at;
            size_t got = source_read_at(x->src, at - back, tmp, back);
            ls = at;
            while (ls > at - got && tmp[ls - 1 - (at - back)] != '\n') ls--;
            error_set(x->err, LD_ERR_PARSE, x->name, x->line, (long)(at - ls) + 1,
                      "malformed quoting (%s): a quote inside an unquoted field, or text after a closing quote",
                      csv_strerror(csv_error(p)));
            x->failed = 1;
            return;
        }
        pos += seg;
        if (nl) {
            /* a record that ended on this line: the next starts after it */
            if (x->field == 0) {
                x->row_start = base + pos;
                x->row_line = x->line + 1;
            }
            x->line++;
        }
    }
}

static ld_catalog *load(const csv_source *src, const char *name, const ld_csv_options *opt,
                        ld_error *err)
{
    struct csv_parser p;
    if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0) {
        error_set(err, LD_ERR_NOMEM, name, 0, 0, "out of memory");
        return NULL;
    }
    csv_ctx x = {0};
    x.cat = catalog_new();
    x.opt = opt;
    x.name = name;
    x.err = err;
    x.src = src;
    x.line = 1;
    x.row_line = 1;
    x.in_header = 1;
    char *buf = src->mem ? NULL : malloc(CHUNK);
    if (!x.cat || (!src->mem && !buf)) {
        csv_free(&p);
        catalog_free(x.cat);
        free(buf);
        error_set(err, LD_ERR_NOMEM, name, 0, 0, "out of memory");
        return NULL;
    }
    /* the cell texts are never longer than the input: one allocation */
    catalog_reserve_text(x.cat, src->len);
    int reserved = 0;
    size_t off = 0;
    while (off < src->len && !x.failed) {
        const char *chunk;
        size_t n;
        if (src->mem) {
            chunk = src->mem + off;
            n = src->len - off < CHUNK ? src->len - off : CHUNK;
        } else {
            n = fread(buf, 1, CHUNK, src->f);
            if (n == 0) {
                if (ferror(src->f)) error_set(err, LD_ERR_IO, name, 0, 0, "read error");
                else error_set(err, LD_ERR_IO, name, 0, 0, "file shrank while reading");
                x.failed = 1;
                break;
            }
            chunk = buf;
        }
        size_t skip = 0;
        if (off == 0) {
            if (n >= 3 && memcmp(chunk, "\xEF\xBB\xBF", 3) == 0) skip = 3; /* UTF-8 BOM */
            while (skip < n && (chunk[skip] == '\n' || chunk[skip] == '\r')) { /* blank lines */
                if (chunk[skip] == '\n') x.line++;
                skip++;
            }
            x.row_start = skip;
            x.row_line = x.line;
        }
        feed_chunk(&p, &x, chunk + skip, n - skip, off + skip);
        off += n;
        if (!reserved && !x.failed && catalog_rows(x.cat) > 0) {
            /* rows in the first chunk tell how many to expect: reserve once */
            size_t est = (size_t)((double)catalog_rows(x.cat) * ((double)src->len / (double)off) * 1.02) + 16;
            catalog_reserve(x.cat, est);
            reserved = 1;
        }
        if (opt && opt->progress && !x.failed &&
            opt->progress(opt->progress_ctx, off, src->len, catalog_rows(x.cat))) {
            error_set(err, LD_ERR_CANCEL, name, 0, 0, "load cancelled");
            x.failed = 1;
        }
    }
    free(buf);
    if (!x.failed && csv_fini(&p, on_field, on_row_end, &x) != 0) {
        long l, c;
        unterminated_at(src, x.row_start, x.row_line, &l, &c);
        error_set(err, LD_ERR_PARSE, name, l, c, "unterminated quoted field (a '\"' is never closed)");
        x.failed = 1;
    }
    csv_free(&p);
    if (!x.failed && catalog_cols(x.cat) == 0) {
        error_set(err, LD_ERR_PARSE, name, 1, 1, "empty file: expected a header row of column names");
        x.failed = 1;
    }
    if (!x.failed && catalog_finish(x.cat, name, x.line_of_row, err) != 0) x.failed = 1;
    free(x.line_of_row);
    if (x.failed) {
        catalog_free(x.cat);
        return NULL;
    }
    return x.cat;
}

ld_catalog *csvload_buffer(const char *data, size_t len, const char *name,
                           const ld_csv_options *opt, ld_error *err)
{
    csv_source src = {data, len, NULL};
    return load(&src, name, opt, err);
}

char *csvload_read_file(const char *path, size_t *len, ld_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        error_set(err, LD_ERR_IO, path, 0, 0, "cannot open: %s", strerror(errno));
        return NULL;
    }
    size_t cap = 1 << 16, n = 0;
    if (fseek(f, 0, SEEK_END) == 0) {
        long sz = ftell(f);
        if (sz > 0) cap = (size_t)sz + 1;
        rewind(f);
    }
    char *buf = malloc(cap);
    while (buf) {
        n += fread(buf + n, 1, cap - n - 1, f);
        if (ferror(f)) {
            error_set(err, LD_ERR_IO, path, 0, 0, "read error: %s", strerror(errno));
            free(buf);
            fclose(f);
            return NULL;
        }
        if (feof(f)) break;
        if (n + 1 >= cap) {
            char *b = realloc(buf, cap * 2);
            if (!b) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = b;
            cap *= 2;
        }
    }
    fclose(f);
    if (!buf) {
        error_set(err, LD_ERR_NOMEM, path, 0, 0, "out of memory");
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

ld_catalog *csvload_file(const char *path, const ld_csv_options *opt, ld_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        error_set(err, LD_ERR_IO, path, 0, 0, "cannot open: %s", strerror(errno));
        return NULL;
    }
    struct stat st;
    if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) {
        /* a pipe or device: read it whole, then parse from memory */
        fclose(f);
        size_t len;
        char *buf = csvload_read_file(path, &len, err);
        if (!buf) return NULL;
        ld_catalog *cat = csvload_buffer(buf, len, path, opt, err);
        free(buf);
        return cat;
    }
    csv_source src = {NULL, (size_t)st.st_size, f};
    ld_catalog *cat = load(&src, path, opt, err);
    fclose(f);
    return cat;
}
