/* export.h - "export to a file named in a prompt", shared by the views.
 *
 * The flow every view's `e` follows: a prompt with a suggested name; `~/`
 * expands to $HOME; the file is created with O_EXCL (checking and creating
 * are one step, so nothing is clobbered by a file that appears meanwhile);
 * an existing file is overwritten only after a y; the outcome is a message.
 * The view supplies what to write. */
#ifndef LLMDECK_TUI_EXPORT_H
#define LLMDECK_TUI_EXPORT_H

#include <stdio.h>

#include "app.h"

typedef struct tui_export tui_export;

/* Checks the typed name before anything is created: 0, or -1 with a reason
 * in err (the prompt stays open).  May be NULL. */
typedef int (*export_check_fn)(const tui_export *x, const char *path, char *err, size_t errlen);
/* Writes the export to f; returns 0, or -1 (ferror/errno tell why). */
typedef int (*export_write_fn)(app *a, const tui_export *x, FILE *f);
/* The success message, e.g. "exported 12 rows to PATH (CSV)". */
typedef void (*export_done_fn)(app *a, const tui_export *x);

struct tui_export {
    char path[512];        /* the last name used; suggested next time */
    export_check_fn check;
    export_write_fn write;
    export_done_fn done;
    void *ctx;             /* the view's state, for the callbacks */
};

/* Opens the prompt (with x->path, or `suggested` the first time). */
void export_start(app *a, tui_export *x, const char *prompt, const char *suggested);

#endif
