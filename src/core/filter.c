/* filter.c - compile and evaluate filter expressions (grammar in filter.h).
 *
 * Tokens: words are runs of anything but blanks, parentheses and operator
 * characters, so "Llama-2-70B" is one word and "mmlu>=65" is three tokens.
 * Adjacent terms without and/or are joined by `and`. */
#include "llmdeck/filter.h"

#include "llmdeck/suggest.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "llmdeck/units.h"
#include "llmdeck/view.h"

typedef enum { N_AND, N_OR, N_NOT, N_CMP, N_WORD } node_kind;
typedef enum { OP_LT, OP_LE, OP_GT, OP_GE, OP_EQ, OP_NE, OP_HAS } cmp_op;

typedef struct {
    node_kind kind;
    int a, b;      /* children (node indexes) */
    int col;       /* N_CMP */
    cmp_op op;
    int numeric;   /* compare as numbers */
    double num;
    char *text;    /* N_CMP value or N_WORD text */
} node;

struct ld_filter {
    node *nodes;
    int n, cap;
    int root; /* -1: matches everything */
};

typedef enum { T_END, T_WORD, T_OP, T_LP, T_RP } tok_kind;

typedef struct {
    const ld_catalog *cat;
    const char *src, *p, *what;
    ld_error *err;
    tok_kind kind;
    cmp_op op;
    char word[256];
    int quoted;
    long pos;      /* 1-based position of the current token */
    ld_filter *f;
} parser;

static int is_opch(char c) { return c == '<' || c == '>' || c == '=' || c == '!' || c == '~'; }

static int next(parser *ps)
{
    while (isspace((unsigned char)*ps->p)) ps->p++;
    ps->pos = (long)(ps->p - ps->src) + 1;
    ps->quoted = 0;
    char c = *ps->p;
    if (!c) return ps->kind = T_END, 0;
    if (c == '(') return ps->p++, ps->kind = T_LP, 0;
    if (c == ')') return ps->p++, ps->kind = T_RP, 0;
    if (is_opch(c)) {
        static const struct { const char *s; cmp_op op; } ops[] = {
            {">=", OP_GE}, {"<=", OP_LE}, {"==", OP_EQ}, {"!=", OP_NE},
            {">", OP_GT}, {"<", OP_LT}, {"=", OP_EQ}, {"~", OP_HAS},
        };
        for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++) {
            size_t l = strlen(ops[i].s);
            if (strncmp(ps->p, ops[i].s, l) == 0) {
                ps->p += l;
                ps->op = ops[i].op;
                return ps->kind = T_OP, 0;
            }
        }
        return error_set(ps->err, LD_ERR_USAGE, ps->what, 1, ps->pos, "unknown operator '%c'", c);
    }
    size_t n = 0;
    if (c == '"' || c == '\'') {
        char q = c;
        ps->p++;
        while (*ps->p && *ps->p != q) {
            if (n + 1 >= sizeof ps->word) goto too_long;
            ps->word[n++] = *ps->p;
            ps->p++;
        }
        if (*ps->p != q)
            return error_set(ps->err, LD_ERR_USAGE, ps->what, 1, ps->pos, "unterminated quoted text");
        ps->p++;
        ps->quoted = 1;
    } else {
        while (*ps->p && !isspace((unsigned char)*ps->p) && *ps->p != '(' && *ps->p != ')' &&
               !is_opch(*ps->p)) {
            if (n + 1 >= sizeof ps->word) goto too_long;
            ps->word[n++] = *ps->p;
            ps->p++;
        }
    }
    ps->word[n] = '\0';
    return ps->kind = T_WORD, 0;
too_long: /* never match on a silently shortened word */
    return error_set(ps->err, LD_ERR_USAGE, ps->what, 1, ps->pos, "a word longer than %zu characters",
                     sizeof ps->word - 1);
}

static int is_kw(const parser *ps, const char *kw)
{
    return ps->kind == T_WORD && !ps->quoted && strcasecmp(ps->word, kw) == 0;
}

static int add_node(parser *ps, node_kind k, int a, int b)
{
    ld_filter *f = ps->f;
    if (f->n == f->cap) {
        int cap = f->cap ? f->cap * 2 : 16;
        node *nn = realloc(f->nodes, (size_t)cap * sizeof *nn);
        if (!nn) return error_set(ps->err, LD_ERR_NOMEM, ps->what, 0, 0, "out of memory");
        f->nodes = nn;
        f->cap = cap;
    }
    node *nd = &f->nodes[f->n];
    memset(nd, 0, sizeof *nd);
    nd->kind = k;
    nd->a = a;
    nd->b = b;
    return f->n++;
}

static char *dup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d) memcpy(d, s, n);
    return d;
}

static int parse_or(parser *ps, int depth);

static int parse_unary(parser *ps, int depth)
{
    if (depth > 100)
        return error_set(ps->err, LD_ERR_USAGE, ps->what, 1, ps->pos, "expression nested too deeply");
    if (ps->kind == T_LP) {
        if (next(ps)) return -1;
        int e = parse_or(ps, depth + 1);
        if (e < 0) return -1;
        if (ps->kind != T_RP)
            return error_set(ps->err, LD_ERR_USAGE, ps->what, 1, ps->pos, "expected ')'");
        if (next(ps)) return -1;
        return e;
    }
    if (is_kw(ps, "not")) {
        if (next(ps)) return -1;
        int a = parse_unary(ps, depth + 1);
        return a < 0 ? -1 : add_node(ps, N_NOT, a, -1);
    }
    if (ps->kind != T_WORD)
        return error_set(ps->err, LD_ERR_USAGE, ps->what, 1, ps->pos,
                         ps->kind == T_END ? "expression ends too early" : "expected a column or a word");
    char first[256];
    long first_pos = ps->pos;
    int first_quoted = ps->quoted;
    memcpy(first, ps->word, sizeof first);
    if (next(ps)) return -1;
    int flag_col = first_quoted ? -1 : suggest_column(ps->cat, first);
    if (ps->kind != T_OP && flag_col >= 0 &&
        (catalog_col(ps->cat, (size_t)flag_col)->flags & LD_COLF_YESNO)) {
        /* a yes/no column's name alone: `frontier` is `frontier=yes` */
        int c = add_node(ps, N_CMP, -1, -1);
        if (c < 0) return -1;
        node *nd = &ps->f->nodes[c];
        nd->col = flag_col;
        nd->op = OP_EQ;
        nd->numeric = 1;
        nd->num = 1;
        if (!(nd->text = dup("yes")))
            return error_set(ps->err, LD_ERR_NOMEM, ps->what, 0, 0, "out of memory");
        return c;
    }
    if (ps->kind != T_OP || first_quoted) { /* a plain word: match any column */
        int w = add_node(ps, N_WORD, -1, -1);
        if (w < 0) return -1;
        if (!(ps->f->nodes[w].text = dup(first)))
            return error_set(ps->err, LD_ERR_NOMEM, ps->what, 0, 0, "out of memory");
        return w;
    }
    cmp_op op = ps->op;
    int col = suggest_column(ps->cat, first); /* the id or the header label */
    if (col < 0) {
        char hint[200];
        suggest_column_hint(ps->cat, first, hint, sizeof hint);
        return error_set(ps->err, LD_ERR_USAGE, ps->what, 1, first_pos, "unknown column '%s'%s", first, hint);
    }
    if (next(ps)) return -1;
    if (ps->kind != T_WORD)
        return error_set(ps->err, LD_ERR_USAGE, ps->what, 1, ps->pos, "expected a value after the operator");
    int c = add_node(ps, N_CMP, -1, -1);
    if (c < 0) return -1;
    node *nd = &ps->f->nodes[c];
    nd->col = col;
    nd->op = op;
    if (!(nd->text = dup(ps->word)))
        return error_set(ps->err, LD_ERR_NOMEM, ps->what, 0, 0, "out of memory");
    const ld_column *cd = catalog_col(ps->cat, (size_t)col);
    if (cd->flags & LD_COLF_YESNO) {
        if (op == OP_HAS) op = nd->op = OP_EQ; /* `frontier~yes` reads as = */
        if (op != OP_EQ && op != OP_NE)
            return error_set(ps->err, LD_ERR_USAGE, ps->what, 1, ps->pos,
                             "column '%s' is yes or no: compare it with = or !=", cd->id);
        if (strcasecmp(ps->word, "yes") == 0) nd->num = 1;
        else if (strcasecmp(ps->word, "no") == 0) nd->num = 0;
        else
            return error_set(ps->err, LD_ERR_USAGE, ps->what, 1, ps->pos,
                             "column '%s' is yes or no: '%s' is neither", cd->id, ps->word);
        nd->numeric = 1;
    } else if (cd->type == LD_COL_NUMBER && op != OP_HAS) {
        if (units_parse_count(ps->word, &nd->num) != 0)
            return error_set(ps->err, LD_ERR_USAGE, ps->what, 1, ps->pos,
                             "column '%s' is numeric: '%s' is not a number", cd->id, ps->word);
        nd->numeric = 1;
    }
    if (next(ps)) return -1;
    return c;
}

static int parse_and(parser *ps, int depth)
{
    int a = parse_unary(ps, depth);
    while (a >= 0) {
        if (is_kw(ps, "and")) {
            if (next(ps)) return -1;
        } else if (ps->kind == T_END || ps->kind == T_RP || is_kw(ps, "or")) {
            break;
        } /* else: adjacent terms, an implicit `and` */
        int b = parse_unary(ps, depth);
        if (b < 0) return -1;
        a = add_node(ps, N_AND, a, b);
    }
    return a;
}

static int parse_or(parser *ps, int depth)
{
    int a = parse_and(ps, depth);
    while (a >= 0 && is_kw(ps, "or")) {
        if (next(ps)) return -1;
        int b = parse_and(ps, depth);
        if (b < 0) return -1;
        a = add_node(ps, N_OR, a, b);
    }
    return a;
}

void filter_free(ld_filter *f)
{
    if (!f) return;
    for (int i = 0; i < f->n; i++) free(f->nodes[i].text);
    free(f->nodes);
    free(f);
}

ld_filter *filter_compile(const ld_catalog *cat, const char *expr, const char *what,
                          ld_error *err)
{
    ld_filter *f = calloc(1, sizeof *f);
    if (!f) {
        error_set(err, LD_ERR_NOMEM, what, 0, 0, "out of memory");
        return NULL;
    }
    f->root = -1;
    parser ps = {.cat = cat, .src = expr, .p = expr, .what = what, .err = err, .f = f};
    if (next(&ps) != 0) goto fail;
    if (ps.kind == T_END) return f;
    f->root = parse_or(&ps, 0);
    if (f->root < 0) goto fail;
    if (ps.kind != T_END) {
        error_set(err, LD_ERR_USAGE, what, 1, ps.pos, "unexpected '%s'",
                  ps.kind == T_RP ? ")" : ps.word);
        goto fail;
    }
    return f;
fail:
    filter_free(f);
    return NULL;
}

static int text_has(const char *hay, const char *needle)
{
    return strcasestr(hay, needle) != NULL;
}

static int eval(const ld_filter *f, int i, const ld_catalog *cat, size_t row)
{
    /* `a and b and c ...` compiles to a left-deep chain as long as the
     * expression (thousands of terms from a script): walk its spine in a
     * loop, so only nesting (bounded by the parser) costs stack. */
    while (f->nodes[i].kind == N_AND || f->nodes[i].kind == N_OR) {
        node_kind k = f->nodes[i].kind;
        for (; f->nodes[i].kind == k; i = f->nodes[i].a) {
            int hit = eval(f, f->nodes[i].b, cat, row);
            if (k == N_AND ? !hit : hit) return k == N_OR;
        }
    }
    const node *nd = &f->nodes[i];
    switch (nd->kind) {
    case N_AND:
    case N_OR: break; /* handled above */
    case N_NOT: return !eval(f, nd->a, cat, row);
    case N_WORD: {
        /* a row kept whole is walked once, cell after cell (its numeric
         * cells may keep no offsets: catalog_slim) */
        size_t c = 0, nc = 0, bytes = 0;
        int special = 0;
        const char *p = catalog_row_span(cat, row, &nc, &bytes, &special);
        for (; p && c < nc; c++, p += strlen(p) + 1)
            if (text_has(p, nd->text)) return 1;
        for (; c < catalog_cols(cat); c++)
            if (text_has(catalog_text(cat, row, c), nd->text)) return 1;
        return 0;
    }
    case N_CMP: break;
    }
    if (nd->op == OP_HAS) return text_has(catalog_text(cat, row, (size_t)nd->col), nd->text);
    int c;
    if (nd->numeric) {
        double v = catalog_num(cat, row, (size_t)nd->col);
        if (isnan(v)) return 0; /* a missing value matches no comparison */
        c = v < nd->num ? -1 : v > nd->num;
    } else {
        const char *t = catalog_text(cat, row, (size_t)nd->col);
        if (!*t) return 0;
        c = nd->op == OP_EQ || nd->op == OP_NE ? strcasecmp(t, nd->text) : view_text_cmp(t, nd->text);
    }
    switch (nd->op) {
    case OP_LT: return c < 0;
    case OP_LE: return c <= 0;
    case OP_GT: return c > 0;
    case OP_GE: return c >= 0;
    case OP_EQ: return c == 0;
    case OP_NE: return c != 0;
    case OP_HAS: break;
    }
    return 0;
}

int filter_match(const ld_filter *f, const ld_catalog *cat, size_t row)
{
    return f->root < 0 || eval(f, f->root, cat, row);
}

size_t filter_apply(const ld_filter *f, const ld_catalog *cat, const uint32_t *in,
                    size_t n, uint32_t *out)
{
    size_t o = 0;
    for (size_t i = 0; i < n; i++)
        if (filter_match(f, cat, in[i])) out[o++] = in[i];
    return o;
}

int filter_apply_progress(const ld_filter *f, const ld_catalog *cat, const uint32_t *in, size_t n,
                          uint32_t *out, size_t *nout, ld_progress *p)
{
    /* into a copy, so a cancel leaves out (which may be in) as it was */
    uint32_t *tmp = malloc((n ? n : 1) * sizeof *tmp);
    if (!tmp) return -1;
    if (p) atomic_store_explicit(&p->phase, LD_PHASE_FILTER, memory_order_relaxed);
    size_t o = 0;
    enum { CHUNK = 16384 }; /* a word filter scans every cell: a few ms a chunk */
    for (size_t i = 0; i < n; i += CHUNK) {
        size_t end = n - i > CHUNK ? i + CHUNK : n;
        for (size_t j = i; j < end; j++)
            if (filter_match(f, cat, in[j])) tmp[o++] = in[j];
        if (p) {
            atomic_fetch_add_explicit(&p->done, end - i, memory_order_relaxed);
            if (atomic_load_explicit(&p->cancel, memory_order_relaxed)) {
                free(tmp);
                return LD_CANCELLED;
            }
        }
    }
    memcpy(out, tmp, o * sizeof *out);
    free(tmp);
    *nout = o;
    return 0;
}
