/* ttysafe.c - see ttysafe.h.  A glibc cookie stream: the writers keep
 * writing to a FILE *. */
#include "ttysafe.h"

#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "llmdeck/output.h"

typedef struct {
    FILE *real;
    unsigned char carry[4]; /* an incomplete UTF-8 sequence from the last write */
    size_t ncarry;
} tty_cookie;

static ssize_t tty_write(void *vc, const char *buf, size_t size)
{
    tty_cookie *c = vc;
    size_t i = 0;
    /* complete a sequence the last write cut, one byte at a time */
    while (c->ncarry && i < size) {
        c->carry[c->ncarry++] = (unsigned char)buf[i++];
        size_t used = output_sanitize_stream(c->real, (const char *)c->carry, c->ncarry, c->ncarry == 4);
        memmove(c->carry, c->carry + used, c->ncarry - used);
        c->ncarry -= used;
    }
    size_t used = output_sanitize_stream(c->real, buf + i, size - i, 0);
    c->ncarry = size - i - used; /* at most 3 bytes */
    memcpy(c->carry, buf + i + used, c->ncarry);
    return ferror(c->real) ? -1 : (ssize_t)size;
}

static int tty_close(void *vc)
{
    tty_cookie *c = vc;
    output_sanitize_stream(c->real, (const char *)c->carry, c->ncarry, 1);
    int rc = fflush(c->real);
    free(c);
    return rc;
}

FILE *ttysafe_open(FILE *real)
{
    tty_cookie *c = calloc(1, sizeof *c);
    if (!c) return NULL;
    c->real = real;
    cookie_io_functions_t io = {NULL, tty_write, NULL, tty_close};
    FILE *f = fopencookie(c, "w", io);
    if (!f) free(c);
    return f;
}

int ttysafe_close(FILE *safe)
{
    return fclose(safe);
}
