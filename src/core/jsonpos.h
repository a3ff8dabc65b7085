/* jsonpos.h - LINE:COL of a cJSON syntax error (internal to the core).
 * cJSON reports only a pointer into the text; messages want a position. */
#ifndef LLMDECK_JSONPOS_H
#define LLMDECK_JSONPOS_H

#include <stddef.h>

/* Line and column (1-based) of the byte cJSON_GetErrorPtr() points at
 * within text[0..len); 1:1 if it points elsewhere. */
void jsonpos_of_error(const char *text, size_t len, long *line, long *col);
/* Line and column of byte offset `off`. */
void jsonpos_of_offset(const char *text, size_t len, size_t off, long *line, long *col);

#endif
