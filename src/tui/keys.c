/* keys.c - the key table of the shell and the table view, lookup, and the
 * help text generated from it (see keys.h). */
#include "keys.h"

#include <stdlib.h>
#include <string.h>

/* Order matters twice: within a scope the first binding of a key wins, and
 * the help lists actions in this order. */
static const ld_keybind builtin[] = {
    {SCOPE_GLOBAL, "q", ACT_QUIT, "quit; in a panel q closes it, Q always quits"},
    {SCOPE_GLOBAL, "Q", ACT_QUIT, NULL},
    {SCOPE_GLOBAL, "<C-c>", ACT_QUIT, NULL},
    {SCOPE_GLOBAL, "?", ACT_HELP, "this help: every key, search with /"},
    {SCOPE_GLOBAL, "<F1>", ACT_HELP, NULL},
    {SCOPE_GLOBAL, "1", ACT_VIEW_TABLE, "view 1: the benchmark table"},
    {SCOPE_GLOBAL, "2", ACT_VIEW_WIZARD, "view 2: the recommendation wizard"},
    {SCOPE_GLOBAL, "3", ACT_VIEW_COST, "view 3: API vs self-hosting cost"},
    {SCOPE_GLOBAL, "<Tab>", ACT_NEXT_VIEW, "next view"},
    {SCOPE_GLOBAL, "<S-Tab>", ACT_PREV_VIEW, "previous view"},
    {SCOPE_GLOBAL, "t", ACT_THEME_NEXT, "next colour theme (saved)"},
    {SCOPE_GLOBAL, "<C-l>", ACT_REDRAW, "redraw the screen"},

    {SCOPE_MOVE, "k", ACT_UP, "up"},
    {SCOPE_MOVE, "<Up>", ACT_UP, NULL},
    {SCOPE_MOVE, "j", ACT_DOWN, "down"},
    {SCOPE_MOVE, "<Down>", ACT_DOWN, NULL},
    {SCOPE_MOVE, "h", ACT_LEFT, "left"},
    {SCOPE_MOVE, "<Left>", ACT_LEFT, NULL},
    {SCOPE_MOVE, "l", ACT_RIGHT, "right"},
    {SCOPE_MOVE, "<Right>", ACT_RIGHT, NULL},
    {SCOPE_MOVE, "<PageUp>", ACT_PAGE_UP, "page up"},
    {SCOPE_MOVE, "<C-b>", ACT_PAGE_UP, NULL},
    {SCOPE_MOVE, "<PageDown>", ACT_PAGE_DOWN, "page down"},
    {SCOPE_MOVE, "<C-f>", ACT_PAGE_DOWN, NULL},
    {SCOPE_MOVE, "<Space>", ACT_PAGE_DOWN, NULL},
    {SCOPE_MOVE, "g", ACT_TOP, "first row"},
    {SCOPE_MOVE, "<Home>", ACT_TOP, NULL},
    {SCOPE_MOVE, "G", ACT_BOTTOM, "last row"},
    {SCOPE_MOVE, "<End>", ACT_BOTTOM, NULL},
    {SCOPE_MOVE, "^", ACT_LINE_START, "first column"},
    {SCOPE_MOVE, "$", ACT_LINE_END, "last column (as in vi and less)"},

    {SCOPE_TABLE, "[", ACT_SORT_ASC, "sort by the cursor column, ascending"},
    {SCOPE_TABLE, "]", ACT_SORT_DESC, "sort by the cursor column, descending"},
    {SCOPE_TABLE, "{", ACT_SORT_ADD_ASC, "then by the cursor column, ascending"},
    {SCOPE_TABLE, "}", ACT_SORT_ADD_DESC, "then by the cursor column, descending"},
    {SCOPE_TABLE, "o", ACT_SORT_CLEAR, "original order (clear the sort)"},
    {SCOPE_TABLE, "'", ACT_BACK_TO_ROW, "back to the row the cursor was on before the last sort"},
    /* p, not $: $ is the last column, as in vi, less and the movement scope */
    {SCOPE_TABLE, "p", ACT_COST_OF, "price: cost view on the cursor's model (API against self-hosting it)"},
    {SCOPE_TABLE, "/", ACT_FILTER, "filter: text, or e.g. gpqa_diamond>=60 and context_length>=131072"},
    {SCOPE_TABLE, "<Esc>", ACT_CLEAR, "clear the filter"},
    {SCOPE_TABLE, "n", ACT_NEXT_MATCH, "next cell with a word of the filter"},
    {SCOPE_TABLE, "N", ACT_PREV_MATCH, "previous cell with a word of the filter"},
    {SCOPE_TABLE, "<Enter>", ACT_DETAIL, "detail: every field, its meaning and source"},
    {SCOPE_TABLE, "m", ACT_MARK, "mark or unmark the row (and move down)"},
    {SCOPE_TABLE, "M", ACT_UNMARK_ALL, "unmark all rows"},
    {SCOPE_TABLE, "c", ACT_COMPARE, "compare the marked rows, best values starred"},
    {SCOPE_TABLE, "w", ACT_WEIGHTS, "weights of the value score; re-ranks live"},
    {SCOPE_TABLE, "-", ACT_HIDE_COLUMN, "hide the cursor column (saved)"},
    {SCOPE_TABLE, "+", ACT_SHOW_COLUMNS, "show all hidden columns"},
    {SCOPE_TABLE, ")", ACT_COL_WIDER, "widen the cursor column (this session)"},
    {SCOPE_TABLE, "(", ACT_COL_NARROWER, "narrow the cursor column (this session)"},
    {SCOPE_TABLE, "_", ACT_COL_FIT, "fit the cursor column to its widest cell; again: back"},
    {SCOPE_TABLE, "C", ACT_COLUMNS, "column picker: show or hide any column"},
    {SCOPE_TABLE, "e", ACT_EXPORT, "export what is shown to a .csv or .md file"},
    {SCOPE_TABLE, "i", ACT_COL_STATS, "statistics of the cursor column: min, max, mean, median, histogram"},
    {SCOPE_TABLE, "F", ACT_COL_FREQ, "frequencies of the cursor column's values; Enter filters on one"},
    {SCOPE_TABLE, "S", ACT_MEM_SETUP, "memory set-up of Mem GB and Fits on: quantization and context"},
    {SCOPE_TABLE, "v", ACT_CHART, "chart: quality against cost of the rows shown, frontier marked"},

    {SCOPE_DETAIL, "q", ACT_CLOSE, "close the panel"},
    {SCOPE_DETAIL, "<Esc>", ACT_CLOSE, NULL},
    {SCOPE_DETAIL, "<Enter>", ACT_CLOSE, NULL},
    {SCOPE_DETAIL, "l", ACT_RIGHT, "next row"},
    {SCOPE_DETAIL, "<Right>", ACT_RIGHT, NULL},
    {SCOPE_DETAIL, "h", ACT_LEFT, "previous row"},
    {SCOPE_DETAIL, "<Left>", ACT_LEFT, NULL},

    {SCOPE_COMPARE, "q", ACT_CLOSE, "close the comparison"},
    {SCOPE_COMPARE, "<Esc>", ACT_CLOSE, NULL},
    {SCOPE_COMPARE, "c", ACT_CLOSE, NULL},

    {SCOPE_WEIGHTS, "q", ACT_CLOSE, "close the editor (weights are saved)"},
    {SCOPE_WEIGHTS, "<Esc>", ACT_CLOSE, NULL},
    {SCOPE_WEIGHTS, "w", ACT_CLOSE, NULL},
    {SCOPE_WEIGHTS, "+", ACT_INC, "weight +0.1"},
    {SCOPE_WEIGHTS, "l", ACT_INC, NULL},
    {SCOPE_WEIGHTS, "<Right>", ACT_INC, NULL},
    {SCOPE_WEIGHTS, "-", ACT_DEC, "weight -0.1"},
    {SCOPE_WEIGHTS, "h", ACT_DEC, NULL},
    {SCOPE_WEIGHTS, "<Left>", ACT_DEC, NULL},
    {SCOPE_WEIGHTS, "L", ACT_INC_BIG, "weight +1"},
    {SCOPE_WEIGHTS, "H", ACT_DEC_BIG, "weight -1"},
    {SCOPE_WEIGHTS, "<Enter>", ACT_EDIT, "type a weight"},
    {SCOPE_WEIGHTS, "e", ACT_EDIT, NULL},
    {SCOPE_WEIGHTS, "z", ACT_ZERO, "weight 0: leave the metric out"},
    {SCOPE_WEIGHTS, "r", ACT_RESET, "every weight back to the data set's default"},
    {SCOPE_WEIGHTS, "p", ACT_POLICY, "a missing metric counts as 0, or is skipped"},
    {SCOPE_WEIGHTS, "s", ACT_SCALE, "each metric as its percentile among the rows measured on it, or as metric/100"},

    {SCOPE_COLUMNS, "q", ACT_CLOSE, "close the picker (saved)"},
    {SCOPE_COLUMNS, "<Esc>", ACT_CLOSE, NULL},
    {SCOPE_COLUMNS, "C", ACT_CLOSE, NULL},
    {SCOPE_COLUMNS, "<Space>", ACT_TOGGLE, "show or hide the column"},
    {SCOPE_COLUMNS, "<Enter>", ACT_TOGGLE, NULL},
    {SCOPE_COLUMNS, "x", ACT_TOGGLE, NULL},
    {SCOPE_COLUMNS, "+", ACT_SHOW_COLUMNS, "show all columns"},

    {SCOPE_STATS, "q", ACT_CLOSE, "close the panel"},
    {SCOPE_STATS, "<Esc>", ACT_CLOSE, NULL},
    {SCOPE_STATS, "i", ACT_CLOSE, NULL},
    {SCOPE_STATS, "F", ACT_CLOSE, NULL},
    {SCOPE_STATS, "<Enter>", ACT_ACCEPT, "frequencies: filter the table to the value (and close)"},

    {SCOPE_CHART, "q", ACT_CLOSE, "close the chart: the table, its cursor on the selected model"},
    {SCOPE_CHART, "<Esc>", ACT_CLOSE, NULL},
    {SCOPE_CHART, "v", ACT_CLOSE, NULL},
    {SCOPE_CHART, "<Enter>", ACT_ACCEPT, "detail of the selected model; closing it comes back here"},
    {SCOPE_CHART, "h", ACT_LEFT, "nearest point to the left"},
    {SCOPE_CHART, "<Left>", ACT_LEFT, NULL},
    {SCOPE_CHART, "l", ACT_RIGHT, "nearest point to the right"},
    {SCOPE_CHART, "<Right>", ACT_RIGHT, NULL},
    {SCOPE_CHART, "k", ACT_UP, "nearest point above"},
    {SCOPE_CHART, "<Up>", ACT_UP, NULL},
    {SCOPE_CHART, "j", ACT_DOWN, "nearest point below"},
    {SCOPE_CHART, "<Down>", ACT_DOWN, NULL},
    {SCOPE_CHART, "x", ACT_CHART_X, "x axis: the next numeric column (log when it spans x20)"},
    {SCOPE_CHART, "X", ACT_CHART_X_PICK, "x axis: type a numeric column (id or header)"},
    {SCOPE_CHART, "y", ACT_CHART_Y, "y axis: the next numeric column"},
    {SCOPE_CHART, "Y", ACT_CHART_Y_PICK, "y axis: type a numeric column (id or header)"},
    {SCOPE_CHART, "c", ACT_CHART_COLOR, "colour the points by family, licence, or not (legend)"},
    {SCOPE_CHART, "e", ACT_CHART_EXPORT, "export the chart as SVG, the same as llmdeck chart writes"},

    {SCOPE_PROMPT, "<Enter>", ACT_TXT_ACCEPT, "accept"},
    {SCOPE_PROMPT, "<Esc>", ACT_TXT_CANCEL, "cancel"},
    {SCOPE_PROMPT, "<C-g>", ACT_TXT_CANCEL, NULL},
    {SCOPE_PROMPT, "<Left>", ACT_TXT_LEFT, "character left"},
    {SCOPE_PROMPT, "<C-b>", ACT_TXT_LEFT, NULL},
    {SCOPE_PROMPT, "<Right>", ACT_TXT_RIGHT, "character right"},
    {SCOPE_PROMPT, "<C-f>", ACT_TXT_RIGHT, NULL},
    {SCOPE_PROMPT, "<Home>", ACT_TXT_HOME, "start of the line"},
    {SCOPE_PROMPT, "<C-a>", ACT_TXT_HOME, NULL},
    {SCOPE_PROMPT, "<End>", ACT_TXT_END, "end of the line"},
    {SCOPE_PROMPT, "<C-e>", ACT_TXT_END, NULL},
    {SCOPE_PROMPT, "<BS>", ACT_TXT_BS, "delete the character before the cursor"},
    {SCOPE_PROMPT, "<Del>", ACT_TXT_DEL, "delete the character under the cursor"},
    {SCOPE_PROMPT, "<C-d>", ACT_TXT_DEL, NULL},
    {SCOPE_PROMPT, "<C-u>", ACT_TXT_KILL_LINE, "delete the whole line"},
    {SCOPE_PROMPT, "<C-k>", ACT_TXT_KILL_END, "delete to the end of the line"},
    {SCOPE_PROMPT, "<C-w>", ACT_TXT_KILL_WORD, "delete the word before the cursor"},
    {SCOPE_PROMPT, "y", ACT_ACCEPT, "yes, to a y/n question (any other key: no)"},

    {SCOPE_HELP, "q", ACT_CLOSE, "close the help (Esc first clears a search)"},
    {SCOPE_HELP, "<Esc>", ACT_CLOSE, NULL},
    {SCOPE_HELP, "?", ACT_CLOSE, NULL},
    {SCOPE_HELP, "<F1>", ACT_CLOSE, NULL},
    {SCOPE_HELP, "/", ACT_SEARCH, "search the help"},
    {0, NULL, ACT_NONE, NULL},
};

static const char *const scope_titles[SCOPE__COUNT] = {
    "Everywhere", "Moving", "Table", "Detail panel", "Compare panel", "Weights editor",
    "Column picker", "Help", "Text fields and questions", "Wizard", "Cost", "Chart",
    "Statistics panel", "Cost list picker",
};

const char *keys_scope_title(ld_scope s) { return s < SCOPE__COUNT ? scope_titles[s] : "?"; }

/* Parsed keys: one array for the built-in table and one per view. */
static ld_key *parsed[1 + VIEW_COUNT];
static ld_helpline *help_lines;
static size_t n_help;

ld_key keys_from_event(const ks_event *ev)
{
    if (ev->kind == KS_CHAR) return keys_from_curses(0, ev->code);
    if (ev->kind != KS_KEY) return 0;
    switch ((ks_key)ev->code) {
    case KS_UP: return LD_KEYCODE(KEY_UP);
    case KS_DOWN: return LD_KEYCODE(KEY_DOWN);
    case KS_LEFT: return LD_KEYCODE(KEY_LEFT);
    case KS_RIGHT: return LD_KEYCODE(KEY_RIGHT);
    case KS_ENTER: return '\n';
    case KS_ESC: return 27;
    case KS_TAB: return '\t';
    case KS_BTAB: return LD_KEYCODE(KEY_BTAB);
    case KS_PAGE_UP: return LD_KEYCODE(KEY_PPAGE);
    case KS_PAGE_DOWN: return LD_KEYCODE(KEY_NPAGE);
    case KS_HOME: return LD_KEYCODE(KEY_HOME);
    case KS_END: return LD_KEYCODE(KEY_END);
    case KS_BS: return LD_KEYCODE(KEY_BACKSPACE);
    case KS_DEL: return LD_KEYCODE(KEY_DC);
    case KS_S_LEFT: return LD_KEYCODE(KEY_SLEFT);
    case KS_S_RIGHT: return LD_KEYCODE(KEY_SRIGHT);
    default:
        if (ev->code >= KS_F1 && ev->code <= KS_F12) return LD_KEYCODE(KEY_F((int)(ev->code - KS_F1 + 1)));
        return 0;
    }
}

ld_key keys_from_curses(int is_key, unsigned code)
{
    if (is_key) {
        if (code == KEY_ENTER) return '\n';
        return LD_KEYCODE((int)code);
    }
    if (code == '\r') return '\n';
    if (code == 127 || code == 8) return LD_KEYCODE(KEY_BACKSPACE);
    return (ld_key)code;
}

char *keys_name(ld_key k, char *buf, size_t n)
{
    ks_event ev = {KS_CHAR, 0, 0, 0};
    if (LD_IS_CHAR(k)) {
        if (k == '\n') ev.kind = KS_KEY, ev.code = KS_ENTER;
        else if (k == 27) ev.kind = KS_KEY, ev.code = KS_ESC;
        else if (k == '\t') ev.kind = KS_KEY, ev.code = KS_TAB;
        else ev.code = (uint32_t)k;
        return keyspec_format(&ev, buf, n);
    }
    /* a curses key: find the keyspec name that maps to it */
    for (uint32_t c = KS_UP; c <= KS_LAST; c++) {
        ev.kind = KS_KEY;
        ev.code = c;
        if (keys_from_event(&ev) == k) return keyspec_format(&ev, buf, n);
    }
    const char *name = keyname(k - LD_KEYCODE(0));
    snprintf(buf, n, "%s", name ? name : "?");
    return buf;
}

static int parse_table(const ld_keybind *t, ld_key **out, char *err, size_t errlen)
{
    size_t n = 0;
    while (t && t[n].key) n++;
    *out = calloc(n + 1, sizeof **out);
    if (!*out) return -1;
    for (size_t i = 0; i < n; i++) {
        ks_event ev;
        if (keyspec_parse_one(t[i].key, &ev) != 0 || !((*out)[i] = keys_from_event(&ev))) {
            snprintf(err, errlen, "bad key '%s' in the key table", t[i].key);
            return -1;
        }
    }
    return 0;
}

static int add_help(ld_helpline **lines, size_t *n, size_t *cap, ld_helpline line)
{
    if (*n == *cap) {
        size_t nc = *cap ? *cap * 2 : 64;
        ld_helpline *more = realloc(*lines, nc * sizeof *more);
        if (!more) return -1;
        *lines = more;
        *cap = nc;
    }
    (*lines)[(*n)++] = line;
    return 0;
}

/* Appends the bindings of table t in scope s, one line per action. */
static int help_scope(const ld_keybind *t, ld_scope s, size_t *cap)
{
    for (size_t i = 0; t && t[i].key; i++) {
        if (t[i].scope != s || !t[i].help) continue;
        ld_helpline l = {s, NULL, "", t[i].help};
        for (size_t j = i; t[j].key; j++) {
            if (t[j].scope != s || t[j].action != t[i].action) continue;
            if (j != i && t[j].help) continue; /* same action, other meaning */
            char one[24];
            ks_event ev;
            keyspec_parse_one(t[j].key, &ev);
            keyspec_format(&ev, one, sizeof one);
            size_t used = strlen(l.keys);
            if (used + strlen(one) + 2 < sizeof l.keys)
                snprintf(l.keys + used, sizeof l.keys - used, "%s%s", used ? " " : "", one);
        }
        if (add_help(&help_lines, &n_help, cap, l) != 0) return -1;
    }
    return 0;
}

static int build_help(void)
{
    static const ld_scope order[] = {SCOPE_GLOBAL, SCOPE_MOVE, SCOPE_TABLE, SCOPE_DETAIL, SCOPE_COMPARE,
                                     SCOPE_WEIGHTS, SCOPE_COLUMNS,
                                     SCOPE_STATS, SCOPE_CHART, SCOPE_WIZARD, SCOPE_COST,
                                     SCOPE_COST_PICK, SCOPE_PROMPT, SCOPE_HELP};
    size_t cap = 0;
    for (size_t k = 0; k < sizeof order / sizeof order[0]; k++) {
        size_t before = n_help;
        ld_helpline title = {order[k], scope_titles[order[k]], "", NULL};
        if (add_help(&help_lines, &n_help, &cap, title) != 0) return -1;
        for (int v = 0; v < VIEW_COUNT; v++)
            if (help_scope(ld_views[v]->keys, order[k], &cap) != 0) return -1;
        if (help_scope(builtin, order[k], &cap) != 0) return -1;
        if (n_help == before + 1) n_help = before; /* a scope without keys: no title */
    }
    return 0;
}

int keys_init(char *err, size_t errlen)
{
    snprintf(err, errlen, "out of memory");
    if (parse_table(builtin, &parsed[0], err, errlen) != 0) return -1;
    for (int v = 0; v < VIEW_COUNT; v++)
        if (parse_table(ld_views[v]->keys, &parsed[1 + v], err, errlen) != 0) return -1;
    if (build_help() != 0) return -1;
    err[0] = '\0';
    return 0;
}

void keys_fini(void)
{
    for (int i = 0; i <= VIEW_COUNT; i++) {
        free(parsed[i]);
        parsed[i] = NULL;
    }
    free(help_lines);
    help_lines = NULL;
    n_help = 0;
}

static ld_action find(const ld_keybind *t, const ld_key *keys, ld_scope s, ld_key k)
{
    for (size_t i = 0; t && keys && t[i].key; i++)
        if (t[i].scope == s && keys[i] == k) return t[i].action;
    return ACT_NONE;
}

ld_action keys_lookup(ld_scope s, int view, ld_key k)
{
    const ld_keybind *vt = view >= 0 && view < VIEW_COUNT ? ld_views[view]->keys : NULL;
    const ld_key *vk = view >= 0 && view < VIEW_COUNT ? parsed[1 + view] : NULL;
    ld_scope chain[3] = {s, SCOPE_MOVE, SCOPE_GLOBAL};
    int n = s == SCOPE_PROMPT ? 1 : 3;
    for (int i = 0; i < n; i++) {
        ld_action a = find(vt, vk, chain[i], k);
        if (a == ACT_NONE) a = find(builtin, parsed[0], chain[i], k);
        if (a != ACT_NONE) return a;
    }
    return ACT_NONE;
}

int keys_is_global(ld_action act) { return act > ACT_NONE && act <= ACT_REDRAW; }

/* Whether k types a character in a text field (and so cannot be a hint there). */
static int types_char(ld_key k) { return LD_IS_CHAR(k) && k >= 0x20 && k != 0x7F; }

/* Whether key k, pressed in scope s, performs act. */
static int reaches(ld_scope s, int view, int typing, ld_key k, ld_action act)
{
    if (typing) {
        if (types_char(k)) return 0;
        /* the field's editing keys come first; Enter and Esc are the view's */
        ld_action t = keys_lookup(SCOPE_PROMPT, -1, k);
        if (t != ACT_NONE && t != ACT_TXT_ACCEPT && t != ACT_TXT_CANCEL) return t == act;
    }
    return keys_lookup(s, view, k) == act;
}

/* The first key of table t bound to act in scope `in` that reaches act
 * from scope s (a key shadowed by a closer binding does not); 0 if none. */
static ld_key first_key(const ld_keybind *t, const ld_key *keys, ld_scope in, ld_scope s, int view, int typing,
                        ld_action act)
{
    for (size_t i = 0; t && keys && t[i].key; i++)
        if (t[i].scope == in && t[i].action == act && reaches(s, view, typing, keys[i], act)) return keys[i];
    return 0;
}

static ld_key hint_key(ld_scope s, int view, int typing, ld_action act)
{
    const ld_keybind *vt = view >= 0 && view < VIEW_COUNT ? ld_views[view]->keys : NULL;
    const ld_key *vk = view >= 0 && view < VIEW_COUNT ? parsed[1 + view] : NULL;
    ld_scope chain[4] = {SCOPE_PROMPT, s, SCOPE_MOVE, SCOPE_GLOBAL};
    int from = typing ? 0 : 1, n = s == SCOPE_PROMPT ? 2 : 4;
    for (int i = from; i < n; i++) {
        ld_key k = first_key(vt, vk, chain[i], s, view, typing, act);
        if (!k) k = first_key(builtin, parsed[0], chain[i], s, view, typing, act);
        if (k) return k;
    }
    return 0;
}

/* A key's name for a hint: "<Enter>" is shown as "Enter". */
static void hint_name(ld_key k, char *buf, size_t n)
{
    char name[32];
    keys_name(k, name, sizeof name);
    size_t l = strlen(name);
    if (strcmp(name, "<lt>") == 0) snprintf(buf, n, "<");
    else if (l > 2 && name[0] == '<' && name[l - 1] == '>') snprintf(buf, n, "%.*s", (int)(l - 2), name + 1);
    else snprintf(buf, n, "%s", name);
}

char *keys_hint(ld_scope s, int view, int typing, const ld_hint *items, size_t n, char *buf, size_t len)
{
    size_t used = 0;
    if (len) buf[0] = '\0';
    for (size_t i = 0; i < n && used < len; i++) {
        char keys[96] = "";
        size_t kl = 0;
        int any = 0;
        for (int j = 0; j < 4 && items[i].act[j] != ACT_NONE; j++) {
            any = 1;
            ld_key k = hint_key(s, view, typing, items[i].act[j]);
            if (!k) continue;
            char one[32];
            hint_name(k, one, sizeof one);
            int w = snprintf(keys + kl, sizeof keys - kl, "%s%s", kl ? "/" : "", one);
            if (w > 0 && (size_t)w < sizeof keys - kl) kl += (size_t)w;
        }
        if (any && !kl) continue; /* no key reaches it here */
        int w = snprintf(buf + used, len - used, "%s%s%s%s", used ? "  " : "", keys, kl ? " " : "", items[i].label);
        if (w < 0) break;
        used += (size_t)w;
    }
    return buf;
}

const ld_helpline *keys_help_lines(size_t *n)
{
    *n = n_help;
    return help_lines;
}

void keys_print_markdown(FILE *out)
{
    fputs("| Where | Keys | What it does |\n|---|---|---|\n", out);
    const char *where = "";
    for (size_t i = 0; i < n_help; i++) {
        const ld_helpline *l = &help_lines[i];
        if (l->title) {
            where = l->title;
            continue;
        }
        fprintf(out, "| %s | ", where);
        /* each key in backticks; a lone backtick key would need escaping */
        char copy[64];
        snprintf(copy, sizeof copy, "%s", l->keys);
        char *save = NULL;
        int first = 1;
        for (char *k = strtok_r(copy, " ", &save); k; k = strtok_r(NULL, " ", &save), first = 0)
            fprintf(out, "%s`%s`", first ? "" : " ", k);
        fprintf(out, " | %s |\n", l->help);
    }
}
