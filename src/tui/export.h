/* export.h - "export to a file named in a prompt", shared by the views.
 *
 * The flow every view's `e` follows: a prompt with a suggested name; `~/`
 * expands to $HOME; the outcome is a message.  The view supplies what to
 * write.  The file is never written in place:
 *
 *   - the target is looked at first (lstat, never opened): a symbolic link
 *     (dangling or not) is refused and named as a link with its target; a
 *     directory, FIFO, device or socket is refused as what it is; an
 *     existing regular file is replaced only after a y;
 *   - the export goes to a temporary file beside the target, created with
 *     O_CREAT|O_EXCL|O_NOFOLLOW (mode 0644 less the umask; a replaced file
 *     keeps its permission bits), is flushed and fsync'd, and only then
 *     renamed over the target.  A new export is put in place with
 *     RENAME_NOREPLACE (or link), so a file that appears meanwhile is not
 *     clobbered;
 *   - on any failure (full disk, quota, EFBIG, a write error, the target
 *     turned into something else) the temporary is removed and the target
 *     is left exactly as it was;
 *   - a name that does not fit PATH_MAX once `~/` is expanded is refused,
 *     never cut. */
#ifndef LLMDECK_TUI_EXPORT_H
#define LLMDECK_TUI_EXPORT_H

#include <limits.h>
#include <stdio.h>
#include <sys/stat.h>

#include "app.h"

#ifndef PATH_MAX
#define PATH_MAX 4096
#endif

typedef struct tui_export tui_export;

/* Checks the name (after `~/` expansion) before anything is created: 0, or
 * -1 with a reason in err (the prompt stays open).  May be NULL. */
typedef int (*export_check_fn)(const tui_export *x, const char *path, char *err, size_t errlen);
/* Writes the export to f; returns 0, or -1 (ferror/errno tell why). */
typedef int (*export_write_fn)(app *a, const tui_export *x, FILE *f);
/* The success message, e.g. "exported 12 rows to PATH (CSV)". */
typedef void (*export_done_fn)(app *a, const tui_export *x);

struct tui_export {
    char path[PATH_MAX];   /* the file written (`~/` expanded) */
    char typed[512];       /* the name as typed; suggested next time */
    export_check_fn check;
    export_write_fn write;
    export_done_fn done;
    void *ctx;             /* the view's state, for the callbacks */
    const char *also;      /* added to the overwrite question ("and its chart
                            * .svg") when one y covers a companion file; NULL */
};

/* Opens the prompt (with the last name typed, or `suggested` the first time). */
void export_start(app *a, tui_export *x, const char *prompt, const char *suggested);

/* An export's outcome: the message `before` PATH `after`, with PATH cut
 * from the left ("...") when the whole would not fit the screen's width,
 * so the file's name is still read on an 80-column line. */
void export_tell(app *a, ld_msgkind kind, const char *before, const char *path, const char *after);

/* ---- the file-system part, curses-free (tested on its own) ---------------- */

/* What is at `path` now (lstat, nothing is opened or followed):
 *   0   nothing: a new file can be made there
 *   1   a regular file (*st filled): replace it only if the user says so
 *  -1   refused: a symbolic link, a directory, a FIFO, a device, a socket,
 *       or lstat failed for another reason than ENOENT; why says which. */
int export_examine(const char *path, struct stat *st, char *why, size_t n);

/* The writer export_replace calls with the temporary file. */
typedef int (*export_body_fn)(void *ctx, FILE *f);

/* Writes `body` to a temporary file beside `path`, fsyncs it, then puts it
 * in place: over the regular file at `path` when `replace` (refusing if it
 * is no longer a regular file), or only if `path` is still free when not.
 * `mode`, when not 0, is given to the new file (the replaced one's bits).
 * Returns 0, or an errno with a one-line reason in why; on failure the
 * temporary is removed and `path` is untouched. */
int export_replace(const char *path, int replace, mode_t mode, export_body_fn body, void *ctx,
                   char *why, size_t n);

/* `text` with a leading "~/" expanded from `home` (NULL or "" = no
 * expansion) into out; 0, or -1 when it does not fit (nothing is cut). */
int export_expand(const char *text, const char *home, char *out, size_t n);

#endif
