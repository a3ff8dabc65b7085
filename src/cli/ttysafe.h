/* ttysafe.h - standard output made safe for a terminal.
 *
 * The text, Markdown and JSON writers escape control characters from the
 * data themselves; CSV keeps every byte (a file must round-trip).  When
 * stdout is a terminal, the subcommands write through this stream instead,
 * which escapes what a terminal would obey (ESC, other C0 and C1 controls,
 * CR, bidi overrides, invalid UTF-8) and keeps line feeds and tabs: a CSV of
 * hostile data can be looked at, not executed. */
#ifndef LLMDECK_TTYSAFE_H
#define LLMDECK_TTYSAFE_H

#include <stdio.h>

/* A stream that writes to `real` through output_sanitize_stream; NULL if
 * it cannot be made (then write to `real` as it is). */
FILE *ttysafe_open(FILE *real);
/* Flushes and closes it (and flushes `real`); 0, or EOF on a write error. */
int ttysafe_close(FILE *safe);

#endif
