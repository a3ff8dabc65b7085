/* main.c - llmdeck's entry: a subcommand, or the TUI. */
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "llmdeck/suggest.h"
#include "ttysafe.h"
#include "tui/tui.h"

static const struct {
    const char *name;
    int (*run)(int, char **);
    const char *what;
} commands[] = {
    {"table", cmd_table, "the benchmark table with value scores"},
    {"recommend", cmd_recommend, "recommend a model for your requirements"},
    {"chart", cmd_chart, "quality against cost with the Pareto frontier (SVG or text)"},
    {"cost", cmd_cost, "API vs self-hosting monthly cost and break-even"},
    {"size", cmd_size, "memory, GPUs and speed for a model"},
    {"data", cmd_data, "the data files in use, their dates and sources"},
};

static void usage(FILE *out)
{
    fprintf(out,
            "usage: llmdeck [--data DIR] [--load FILE]... [--theme NAME] [--view table|wizard|cost]\n"
            "       llmdeck COMMAND [OPTIONS]   (llmdeck COMMAND --help for its options)\n"
            "       llmdeck --headless --size WxH --keys KEYS [--dump-screen FILE|-]\n"
            "       llmdeck --play FILE [--delay MS]\n\n"
            "Choose an open-source LLM and explain the choice.\n\ncommands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(out, "  %-10s %s\n", commands[i].name, commands[i].what);
    fprintf(out, "\nWithout a command llmdeck starts the interactive view (press ? for help).\n"
                 "Exit status: 0 success, 1 runtime failure, 2 bad usage or bad input.\n");
}

int main(int argc, char **argv)
{
    setlocale(LC_ALL, "");
    /* Characters and their widths follow the user's locale; numbers never
     * do: JSON and CSV need '.', and "1.5B" must parse the same everywhere. */
    setlocale(LC_NUMERIC, "C");
    if (argc > 1) {
        for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
            if (strcmp(argv[1], commands[i].name) == 0) {
                /* on a terminal, nothing from the data may drive it */
                FILE *real = stdout, *safe = isatty(STDOUT_FILENO) ? ttysafe_open(real) : NULL;
                if (safe) stdout = safe;
                int status = commands[i].run(argc - 1, argv + 1);
                if (safe) {
                    if (ttysafe_close(safe) != 0 && status == 0) status = 1;
                    stdout = real;
                }
                return status;
            }
        if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
            usage(stdout);
            return 0;
        }
        if (strcmp(argv[1], "--version") == 0) {
            printf("llmdeck %s\n", LLMDECK_VERSION);
            return 0;
        }
        /* a first word that is no file but nearly a command is a typo, not a
         * file to open ("llmdeck tabel") */
        if (argv[1][0] != '-' && access(argv[1], F_OK) != 0) {
            const char *names[sizeof commands / sizeof commands[0]];
            for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) names[i] = commands[i].name;
            const char *near = suggest_closest(argv[1], names, sizeof names / sizeof names[0], 2);
            if (near) {
                char safe[512];
                fprintf(stderr, "llmdeck: unknown command '%s'; did you mean '%s'?\nTry 'llmdeck --help'.\n",
                        output_sanitize(argv[1], safe, sizeof safe), near);
                return 2;
            }
        }
    }
    return tui_main(argc, argv);
}
