/* embed.h - the data and theme files compiled into the binary.
 *
 * The build assembles every file of data/ and themes/ into the program
 * (tests/gen_embed.sh), so llmdeck runs from any directory. */
#ifndef LLMDECK_EMBED_H
#define LLMDECK_EMBED_H

#include <stddef.h>

typedef struct {
    const char *name;  /* path relative to the source tree: "data/models.csv" */
    const char *start;
    const char *end;   /* one past the last byte (a NUL follows) */
} ld_embedded_file;

/* Terminated by an entry with name NULL. */
extern const ld_embedded_file ld_embedded_files[];

/* The embedded file called `name` ("data/models.csv"), or NULL; *len is set. */
const char *embed_find(const char *name, size_t *len);

#endif
