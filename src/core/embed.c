/* embed.c - lookup in the table of embedded files. */
#include "llmdeck/embed.h"

#include <string.h>

const char *embed_find(const char *name, size_t *len)
{
    for (const ld_embedded_file *f = ld_embedded_files; f->name; f++) {
        if (strcmp(f->name, name) == 0) {
            if (len) *len = (size_t)(f->end - f->start);
            return f->start;
        }
    }
    return NULL;
}
