/* export.c - see export.h. */
#include "export.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Writes through fd (closed here); 0 on success, else an errno. */
static int write_fd(app *a, tui_export *x, int fd)
{
    FILE *f = fdopen(fd, "w");
    if (!f) {
        int e = errno;
        close(fd);
        return e;
    }
    errno = 0;
    int bad = x->write(a, x, f) != 0;
    bad |= ferror(f) != 0 || fflush(f) != 0;
    int e = errno;
    bad |= fclose(f) != 0;
    return bad ? (e ? e : EIO) : 0;
}

static void finish(app *a, tui_export *x, int e)
{
    if (e) app_message(a, MSG_ERROR, "export to %s failed: %s", x->path, strerror(e));
    else x->done(a, x);
}

static void overwrite_cb(app *a, void *ctx, int yes)
{
    tui_export *x = ctx;
    if (!yes) {
        app_message(a, MSG_INFO, "not exported: %s is left as it was", x->path);
        return;
    }
    int fd = open(x->path, O_WRONLY | O_TRUNC | O_CLOEXEC);
    finish(a, x, fd < 0 ? errno : write_fd(a, x, fd));
}

static int path_cb(app *a, void *ctx, const char *text, int done, char *err, size_t errlen)
{
    tui_export *x = ctx;
    if (done <= 0) return 0;
    while (*text == ' ') text++;
    if (!*text) {
        snprintf(err, errlen, "type a file name");
        return -1;
    }
    if (x->check && x->check(x, text, err, errlen) != 0) return -1;
    const char *home = getenv("HOME");
    if (text[0] == '~' && text[1] == '/' && home && *home) /* as a shell would */
        snprintf(x->path, sizeof x->path, "%s%s", home, text + 1);
    else
        snprintf(x->path, sizeof x->path, "%s", text);
    int fd = open(x->path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0 && errno == EEXIST) {
        char q[600];
        snprintf(q, sizeof q, "%s exists. Overwrite it?", x->path);
        app_confirm(a, q, overwrite_cb, x);
        return 0;
    }
    if (fd < 0) {
        snprintf(err, errlen, "cannot create it: %s", strerror(errno));
        return -1;
    }
    finish(a, x, write_fd(a, x, fd));
    return 0;
}

void export_start(app *a, tui_export *x, const char *prompt, const char *suggested)
{
    app_prompt(a, prompt, x->path[0] ? x->path : suggested, path_cb, x);
}
