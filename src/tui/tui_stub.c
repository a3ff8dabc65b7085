/* tui_stub.c - placeholder until the TUI lands (issue 3). */
#include <stdio.h>

#include "tui.h"

int tui_main(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "llmdeck: the interactive view is not built yet; try 'llmdeck table'\n");
    return 1;
}
