/* tui_main.c - `llmdeck` without a subcommand: the TUI's flags, the data,
 * the settings and the theme, then the loop on a real terminal or headless.
 *
 *   llmdeck [--data DIR] [--load FILE]... [--theme NAME|FILE] [--view V]
 *           [--no-color] [FILE...]
 *   llmdeck --headless [--size WxH] [--keys KEYS] [--dump-screen FILE|-]
 *   llmdeck --play FILE [--delay MS] */
#include <getopt.h>
#include <langinfo.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "chart_view.h"
#include "keys.h"
#include "llmdeck/csvload.h"
#include "llmdeck/output.h"
#include "llmdeck/units.h"
#include "term.h"
#include "tui.h"
#include "front/loadbar.h"

enum { O_DATA = 1, O_LOAD, O_THEME, O_VIEW, O_NOCOLOR, O_HEADLESS, O_SIZE, O_KEYS, O_DUMP, O_PLAY,
       O_DELAY, O_HELP, O_PRINT_KEYS, O_CONFIG, O_USER_CONFIG, O_DATASET };

typedef struct {
    const char *data_dir, *loads[LD_MAX_LOADS], *theme, *keys, *dump, *play, *config;
    int nloads, view, chart, no_color, headless, w, h, delay, print_keys, user_config;
    ld_dataset_kind dataset;
    char **files;
    int nfiles;
} options;

/* The format is always a literal: names and messages go in as %s
 * arguments, never into the format (a file named 'p%s%n.keys' is data). */
static int usage_error(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;
static int usage_error(const char *fmt, ...)
{
    char msg[4096], safe[8192];
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (k < 0) snprintf(msg, sizeof msg, "invalid arguments");
    else if ((size_t)k >= sizeof msg) memcpy(msg + sizeof msg - 5, "...", 4); /* said, not hidden */
    fprintf(stderr, "llmdeck: %s\nTry 'llmdeck --help'.\n", output_sanitize(msg, safe, sizeof safe));
    return 2;
}

static void help(void)
{
    printf("usage: llmdeck [--dataset current|seed] [--data DIR] [--load FILE]... [--theme NAME|FILE]\n"
           "               [--view table|wizard|cost|chart] [--config FILE] [--no-color] [FILE.csv...]\n"
           "       llmdeck --headless [--size WxH] [--keys KEYS] [--dump-screen FILE|-] [same options]\n"
           "       llmdeck --play FILE [--delay MS] [same options]\n\n"
           "The interactive view: 1 table, 2 wizard, 3 cost; ? lists every key.\n\n"
           "  --dataset    current (today's sourced catalogue, default) or seed (the 2023\n"
           "               article's seven rows and its rule that a missing metric counts as 0)\n"
           "  --config     read and save settings in FILE instead of $XDG_CONFIG_HOME/llmdeck/\n"
           "  --theme      default, light, high-contrast, mono, or a theme .json file (t cycles)\n"
           "  --no-color   no colours (also when NO_COLOR is set)\n"
           "  FILE.csv     open these files instead of the built-in catalogue (like vd file.csv)\n"
           "  --headless   run on an off-screen screen of --size (default 80x24), press --keys,\n"
           "               then write the screen as text to --dump-screen (- for stdout)\n"
           "  --play       replay the keys of FILE on the terminal, one every --delay ms (400);\n"
           "               any key press hands over control\n"
           "  --headless and --play neither read nor save your settings (a fresh default), unless\n"
           "  --config FILE names a file, or --user-config asks for the usual one\n"
           "KEYS: characters as themselves, <Space> <Enter> <Esc> <Tab> <S-Tab> <Up> <Down> <Left>\n"
           "<Right> <PageUp> <PageDown> <Home> <End> <BS> <Del> <F1>..<F12> <C-x> <lt> <Resize WxH>\n"
           "<Click X,Y> <WheelUp> <WheelDown>.  Settings: $XDG_CONFIG_HOME/llmdeck/config.json.\n");
}

static int parse_args(int argc, char **argv, options *o)
{
    static const struct option opts[] = {
        {"data", required_argument, 0, O_DATA}, {"load", required_argument, 0, O_LOAD},
        {"theme", required_argument, 0, O_THEME}, {"view", required_argument, 0, O_VIEW},
        {"no-color", no_argument, 0, O_NOCOLOR}, {"no-colour", no_argument, 0, O_NOCOLOR},
        {"headless", no_argument, 0, O_HEADLESS}, {"size", required_argument, 0, O_SIZE},
        {"keys", required_argument, 0, O_KEYS}, {"dump-screen", required_argument, 0, O_DUMP},
        {"play", required_argument, 0, O_PLAY}, {"delay", required_argument, 0, O_DELAY},
        {"help", no_argument, 0, O_HELP}, {"print-keys", no_argument, 0, O_PRINT_KEYS},
        {"config", required_argument, 0, O_CONFIG}, {"user-config", no_argument, 0, O_USER_CONFIG},
        {"dataset", required_argument, 0, O_DATASET},
        {0, 0, 0, 0},
    };
    memset(o, 0, sizeof *o);
    o->w = 80, o->h = 24, o->delay = 400;
    int opt, sized = 0;
    long v;
    opterr = 0;
    optind = 1;
    while ((opt = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
        switch (opt) {
        case O_DATA: o->data_dir = optarg; break;
        case O_LOAD:
            if (o->nloads == LD_MAX_LOADS) return usage_error("--load: at most %d files", LD_MAX_LOADS);
            o->loads[o->nloads++] = optarg;
            break;
        case O_THEME: o->theme = optarg; break;
        case O_VIEW:
            if (!strcmp(optarg, "table")) o->view = VIEW_TABLE;
            else if (!strcmp(optarg, "wizard")) o->view = VIEW_WIZARD;
            else if (!strcmp(optarg, "cost")) o->view = VIEW_COST;
            else if (!strcmp(optarg, "chart")) o->view = VIEW_TABLE, o->chart = 1;
            else return usage_error("--view: expected table, wizard, cost or chart, got '%s'", optarg);
            break;
        case O_NOCOLOR: o->no_color = 1; break;
        case O_HEADLESS: o->headless = 1; break;
        case O_SIZE:
            if (keyspec_parse_size(optarg, &o->w, &o->h) != 0)
                return usage_error("--size: expected WIDTHxHEIGHT like 100x30 (1-1000), got '%s'", optarg);
            sized = 1;
            break;
        case O_KEYS: o->keys = optarg; break;
        case O_DUMP: o->dump = optarg; break;
        case O_PLAY: o->play = optarg; break;
        case O_DELAY:
            if (units_parse_long(optarg, 0, 60000, &v) != 0)
                return usage_error("--delay: expected milliseconds from 0 to 60000, got '%s'", optarg);
            o->delay = (int)v;
            break;
        case O_HELP: help(); return 0;
        case O_PRINT_KEYS: o->print_keys = 1; break;
        case O_CONFIG:
            if (!*optarg) return usage_error("--config: expected a file name");
            o->config = optarg;
            break;
        case O_USER_CONFIG: o->user_config = 1; break;
        case O_DATASET:
            if (dataset_parse_kind(optarg, &o->dataset) != 0)
                return usage_error("--dataset: expected current or seed, got '%s'", optarg);
            break;
        case ':': return usage_error("%s needs a value", argv[optind - 1]);
        default: return usage_error("unknown option '%s'", argv[optind - 1]);
        }
    }
    o->files = argv + optind;
    o->nfiles = argc - optind;
    if (!o->headless && (o->keys || o->dump || sized))
        return usage_error("--keys, --size and --dump-screen need --headless");
    if (o->headless && o->play) return usage_error("--play is for a real terminal; use --keys with --headless");
    if (o->nfiles && o->data_dir) return usage_error("--data: not with FILE arguments (they replace the catalogue)");
    if (o->nfiles && o->dataset != LD_DATASET_CURRENT)
        return usage_error("--dataset: not with FILE arguments (they replace the catalogue)");
    if (o->config && o->user_config) return usage_error("--config and --user-config: choose one");
    return -1; /* go on */
}

/* Reads a --play file: the key syntax, '#' comment lines allowed. */
static char *read_play(const char *path)
{
    ld_error err;
    size_t len;
    char *text = csvload_read_file(path, &len, &err);
    if (!text) return NULL;
    char *w = text;
    for (char *line = text; *line;) {
        char *nl = strchr(line, '\n');
        size_t l = nl ? (size_t)(nl - line) + 1 : strlen(line);
        const char *p = line;
        while (*p == ' ' || *p == '\t') p++;
        if (*p != '#') memmove(w, line, l), w += l;
        line += l;
    }
    *w = '\0';
    return text;
}

/* Load progress on a terminal, for files of a million rows. */
static int open_data(const options *o, ld_dataset *ds, char *label, size_t n)
{
    ld_error err;
    error_clear(&err);
    ld_csv_options copt = {0};
    if (!o->headless) loadbar_begin(&copt); /* a bar and Ctrl-C for big files */
    int rc = o->nfiles ? dataset_open_files(ds, o->files, (size_t)o->nfiles, &copt, &err)
                       : dataset_open_kind(ds, o->data_dir, o->dataset, &copt, &err);
    for (int i = 0; rc == 0 && i < o->nloads; i++) rc = dataset_load(ds, o->loads[i], &copt, &err);
    if (!o->headless && loadbar_end() && rc != 0) {
        fprintf(stderr, "llmdeck: load cancelled\n");
        return 130;
    }
    if (rc != 0 || !ds->models) {
        char msg[1200], safe[2400];
        if (rc == 0) error_set(&err, LD_ERR_PARSE, o->files[0], 0, 0, "no rows");
        error_format(&err, msg, sizeof msg);
        fprintf(stderr, "llmdeck: %s\n", output_sanitize(msg, safe, sizeof safe));
        return error_exit_status(&err);
    }
    const char *base = o->nfiles ? strrchr(o->files[0], '/') : NULL;
    base = base ? base + 1 : o->nfiles ? o->files[0] : NULL;
    size_t len = 0;
    if (o->nfiles) len += (size_t)snprintf(label, n, "%s%s", base, o->nfiles > 1 ? " +more" : "");
    else if (ds->dir[0]) len += (size_t)snprintf(label, n, "data: %s", ds->dir);
    else len += (size_t)snprintf(label, n, o->dataset == LD_DATASET_SEED ? "the 2023 article's data" : "embedded");
    /* How current the data is: the newest model it has (the files' own
     * dates, which say when they were last revised, are in `llmdeck data`). */
    if (!o->nfiles) {
        ld_data_horizon horizon;
        dataset_horizon(ds, &horizon);
        if (horizon.newest_release[0] && len < n)
            len += (size_t)snprintf(label + len, n - len, ", models to %s", horizon.newest_release);
    }
    if (o->nloads && len < n) len += (size_t)snprintf(label + len, n - len, " +%d loaded", o->nloads);
    if (len < n) snprintf(label + len, n - len, ", %zu rows", catalog_rows(ds->models));
    return 0;
}

static int run(const options *o, const ks_event *script, size_t nscript, app *a)
{
    char warn[600], err[256] = "";
    /* scripted runs start from defaults and leave the user's settings alone */
    warn[0] = '\0';
    if (o->config) a->cfg = config_open(o->config, warn, sizeof warn);
    else if ((o->headless || o->play) && !o->user_config) a->cfg = config_open_memory();
    else a->cfg = config_open(NULL, warn, sizeof warn);
    if (!a->cfg) return fprintf(stderr, "llmdeck: out of memory\n"), 1;
    const char *ne = getenv("NO_COLOR");
    a->mono = o->no_color || (ne && *ne);
    const char *want = o->theme ? o->theme : config_get_string(a->cfg, NULL, "theme");
    /* a terminal that cannot move the cursor would overprint everything on
     * one line: refuse it as plainly as an unknown one */
    const char *tn = getenv("TERM");
    if (!o->headless && tn && !strcmp(tn, "dumb")) {
        config_free(a->cfg);
        fprintf(stderr, "llmdeck: terminal type 'dumb' cannot place text on the screen; set TERM (e.g. "
                        "xterm-256color), or use 'llmdeck table' for plain output\n");
        return 1;
    }
    SCREEN *s = o->headless ? headless_open(o->w, o->h, err, sizeof err) : newterm(NULL, stdout, stdin);
    if (!s) {
        config_free(a->cfg);
        if (o->headless) return fprintf(stderr, "llmdeck: --headless: %s\n", err), 1;
        const char *t = getenv("TERM");
        char safe[256];
        fprintf(stderr, "llmdeck: cannot use terminal type '%s'; set TERM (e.g. xterm-256color)\n",
                output_sanitize(t ? t : "", safe, sizeof safe));
        return 1;
    }
    term_set_active(!o->headless);
    if (!has_colors()) a->mono = 1;
    term_setup(!o->headless, a->mono);
    a->view = o->view;
    int status = 0;
    if (app_init(a, err, sizeof err) != 0) {
        status = 1;
    } else {
        if (a->mono || !want || app_set_theme(a, want, 0) != 0) {
            /* a saved theme that no longer loads is not worth stopping for */
            if (want && !a->mono && !o->theme) snprintf(warn, sizeof warn, "saved theme '%s' not found: default used", want);
            app_set_theme(a, a->mono ? "mono" : "default", 0);
        }
        if (warn[0]) app_message(a, MSG_WARN, "%s", warn);
        if (o->chart) chart_view_open(a);
        if (o->headless) headless_run(a, script, nscript);
        else term_loop(a, script, nscript, o->delay);
    }
    app_fini(a);
    if (status == 0 && o->dump) {
        FILE *out = strcmp(o->dump, "-") == 0 ? stdout : fopen(o->dump, "w");
        if (!out || headless_dump(a, out) != 0 || (out != stdout && fclose(out) != 0)) {
            snprintf(err, sizeof err, "--dump-screen: cannot write '%s'", o->dump);
            status = 1;
        }
    }
    if (!o->headless) endwin();
    term_set_active(0);
    if (o->headless) headless_close(s);
    else delscreen(s);
    if (status == 1 && err[0]) fprintf(stderr, "llmdeck: %s\n", err);
    if (config_save(a->cfg, warn, sizeof warn) != 0) fprintf(stderr, "llmdeck: warning: %s\n", warn);
    config_free(a->cfg);
    return status;
}

int tui_main(int argc, char **argv)
{
    options o;
    int rc = parse_args(argc, argv, &o);
    if (rc >= 0) return rc;
    char err[256];
    if (o.print_keys) { /* the README's key table, from the key table itself */
        if (keys_init(err, sizeof err) != 0) return fprintf(stderr, "llmdeck: %s\n", err), 1;
        keys_print_markdown(stdout);
        keys_fini();
        return 0;
    }
    ks_event *script = NULL;
    size_t nscript = 0;
    if (o.keys && !(script = keyspec_parse(o.keys, &nscript, err, sizeof err)))
        return usage_error("--keys: %s", err);
    if (o.play) {
        char *text = read_play(o.play);
        if (!text) return usage_error("--play: cannot read '%s'", o.play);
        script = keyspec_parse(text, &nscript, err, sizeof err);
        free(text);
        if (!script) return usage_error("--play: %s: %s", o.play, err);
    }
    if (o.theme) { /* an unknown theme is a usage error, before anything starts */
        ld_theme t;
        ld_error e;
        error_clear(&e);
        if (theme_load(&t, o.theme, "--theme", &e) != 0) {
            char msg[800];
            error_format(&e, msg, sizeof msg);
            free(script);
            /* name the flag, also when the fault is inside the file */
            return usage_error("%s%s", strcmp(e.file, "--theme") ? "--theme: " : "", msg);
        }
    }
    if (!o.headless && (!isatty(0) || !isatty(1))) {
        free(script);
        fprintf(stderr, "llmdeck: the interactive view needs a terminal on stdin and stdout.\n"
                        "Use 'llmdeck table' for text, CSV, JSON or Markdown output, or --headless.\n");
        return 2;
    }
    ld_dataset ds;
    memset(&ds, 0, sizeof ds);
    app a;
    memset(&a, 0, sizeof a);
    a.ds = &ds;
    a.headless = o.headless;
    a.utf8 = strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
    if ((rc = open_data(&o, &ds, a.data_label, sizeof a.data_label)) != 0) {
        dataset_close(&ds);
        free(script);
        return rc;
    }
    /* a file-size limit (ulimit -f) makes an export fail with EFBIG and a
     * message, instead of killing the program with its settings unsaved */
    signal(SIGXFSZ, SIG_IGN);
    if (!o.headless) term_signals_install();
    rc = run(&o, script, nscript, &a);
    dataset_close(&ds);
    free(script);
    int sig = term_signal();
    if (sig) { /* the terminal is restored: now end the way the signal meant */
        signal(sig, SIG_DFL);
        raise(sig);
    }
    return rc;
}
