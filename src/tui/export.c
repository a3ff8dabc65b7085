/* export.c - see export.h. */
#include "export.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* s for a message: whole when it has at most max bytes, else "..." and its
 * tail (cut at a character boundary) in buf of n > max bytes. */
static const char *fit(const char *s, size_t max, char *buf, size_t n)
{
    size_t len = strlen(s);
    if (len <= max || max < 8 || n <= max) return s;
    const char *t = s + len - (max - 3);
    while (((unsigned char)*t & 0xC0) == 0x80) t++;
    snprintf(buf, n, "...%s", t);
    return buf;
}

enum { SHOWN = 160 }; /* the most of a path a message carries */

void export_tell(app *a, ld_msgkind kind, const char *before, const char *path, const char *after)
{
    /* bytes, not columns: a byte is at most one column, so the cut is
     * never too short; 20 bytes of path at least, whatever the width */
    size_t room = a->cols > 0 ? (size_t)a->cols : 80, fixed = strlen(before) + strlen(after);
    size_t max = room > fixed + 20 ? room - fixed : 20;
    char b[SHOWN + 8];
    app_message(a, kind, "%s%s%s", before, fit(path, max < SHOWN ? max : SHOWN, b, sizeof b), after);
}

int export_expand(const char *text, const char *home, char *out, size_t n)
{
    int k;
    if (text[0] == '~' && text[1] == '/' && home && *home) /* as a shell would */
        k = snprintf(out, n, "%s%s", home, text + 1);
    else
        k = snprintf(out, n, "%s", text);
    if (k < 0 || (size_t)k >= n) {
        if (n) out[0] = '\0';
        return -1;
    }
    return 0;
}

static const char *kind_of(mode_t m)
{
    if (S_ISDIR(m)) return "a directory";
    if (S_ISFIFO(m)) return "a named pipe (FIFO)";
    if (S_ISCHR(m)) return "a character device";
    if (S_ISBLK(m)) return "a block device";
    if (S_ISSOCK(m)) return "a socket";
    return "not a regular file";
}

int export_examine(const char *path, struct stat *st, char *why, size_t n)
{
    char b1[SHOWN + 8], b2[SHOWN + 8];
    const char *p = fit(path, SHOWN, b1, sizeof b1);
    if (lstat(path, st) != 0) {
        if (errno == ENOENT) return 0;
        snprintf(why, n, "cannot use %s: %s", p, strerror(errno));
        return -1;
    }
    if (S_ISREG(st->st_mode)) return 1;
    if (S_ISLNK(st->st_mode)) {
        /* never followed: y would overwrite whatever it points to */
        char to[PATH_MAX];
        ssize_t l = readlink(path, to, sizeof to - 1);
        if (l < 0) l = 0;
        to[l] = '\0';
        struct stat t;
        int dangling = stat(path, &t) != 0;
        snprintf(why, n, "%s is a symbolic link to %s%s; not %s", p, fit(to, SHOWN, b2, sizeof b2),
                 dangling ? " (dangling)" : "", dangling ? "followed" : "overwritten");
        return -1;
    }
    snprintf(why, n, "%s is %s; exports go to regular files only", p, kind_of(st->st_mode));
    return -1;
}

/* Puts the finished temporary at path only if nothing is there: 0 or an
 * errno (EEXIST: something appeared).  The temporary is left on failure. */
static int place_new(const char *tmp, const char *path)
{
#ifdef RENAME_NOREPLACE
    if (renameat2(AT_FDCWD, tmp, AT_FDCWD, path, RENAME_NOREPLACE) == 0) return 0;
    if (errno != EINVAL && errno != ENOSYS && errno != EOPNOTSUPP) return errno;
#endif
    if (link(tmp, path) == 0) {
        unlink(tmp);
        return 0;
    }
    if (errno == EEXIST) return EEXIST;
    /* no hard links here (FAT, some FUSE file systems): check, then rename */
    struct stat st;
    if (lstat(path, &st) == 0) return EEXIST;
    return rename(tmp, path) == 0 ? 0 : errno;
}

/* The directory entry is durable only once the directory is synced. */
static void sync_dir(const char *path, size_t dirlen)
{
    char dir[PATH_MAX];
    if (dirlen == 0) snprintf(dir, sizeof dir, ".");
    else if (dirlen >= sizeof dir) return;
    else memcpy(dir, path, dirlen), dir[dirlen] = '\0';
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    (void)fsync(fd); /* best effort: the data itself is already synced */
    close(fd);
}

int export_replace(const char *path, int replace, mode_t mode, export_body_fn body, void *ctx,
                   char *why, size_t n)
{
    char b1[SHOWN + 8], tmp[PATH_MAX];
    const char *p = fit(path, SHOWN, b1, sizeof b1);
    const char *kept = replace ? "; it is left as it was" : "; nothing was written";
    const char *slash = strrchr(path, '/');
    size_t dirlen = slash ? (size_t)(slash - path) + 1 : 0; /* with the slash */
    static unsigned serial;
    int fd = -1, e = 0;
    for (int tries = 0; fd < 0 && tries < 100; tries++) {
        int k = snprintf(tmp, sizeof tmp, "%.*s.llmdeck-export-%ld-%u.tmp", (int)dirlen, path,
                         (long)getpid(), serial++);
        if (k < 0 || (size_t)k >= sizeof tmp) {
            snprintf(why, n, "cannot write %s: the name is too long%s", p, kept);
            return ENAMETOOLONG;
        }
        fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
        if (fd < 0 && errno != EEXIST) break;
    }
    if (fd < 0) {
        e = errno;
        snprintf(why, n, "cannot create a file beside %s: %s%s", p, strerror(e), kept);
        return e;
    }
    if (mode) (void)fchmod(fd, mode & 0777); /* a replaced file keeps its permissions */
    FILE *f = fdopen(fd, "w");
    if (!f) {
        e = errno;
        close(fd);
        unlink(tmp);
        snprintf(why, n, "cannot write %s: %s%s", p, strerror(e), kept);
        return e;
    }
    errno = 0;
    int bad = body(ctx, f) != 0 || ferror(f);
    if (bad) e = errno;
    if (fflush(f) != 0 && !bad) bad = 1, e = errno;
    if (!bad && fsync(fileno(f)) != 0) bad = 1, e = errno; /* on disk before it replaces anything */
    if (fclose(f) != 0 && !bad) bad = 1, e = errno;
    if (bad) {
        e = e ? e : EIO;
        unlink(tmp);
        snprintf(why, n, "cannot write %s: %s%s", p, strerror(e), kept);
        return e;
    }
    if (replace) {
        struct stat st;
        /* rename never follows a link, but the y was for a regular file */
        if (lstat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
            unlink(tmp);
            snprintf(why, n, "%s became %s meanwhile; not overwritten", p,
                     S_ISLNK(st.st_mode) ? "a symbolic link" : kind_of(st.st_mode));
            return EEXIST;
        }
        e = rename(tmp, path) == 0 ? 0 : errno;
    } else {
        e = place_new(tmp, path);
    }
    if (e) {
        unlink(tmp);
        if (e == EEXIST && !replace)
            snprintf(why, n, "%s appeared meanwhile; not overwritten (export again to replace it)", p);
        else
            snprintf(why, n, "cannot put %s in place: %s%s", p, strerror(e), kept);
        return e;
    }
    sync_dir(path, dirlen);
    return 0;
}

/* ---- the prompt and the question -------------------------------------------------- */

typedef struct {
    app *a;
    tui_export *x;
} body_ctx;

static int body(void *ctx, FILE *f)
{
    body_ctx *b = ctx;
    return b->x->write(b->a, b->x, f);
}

static void run(app *a, tui_export *x, int replace, mode_t mode)
{
    char why[600];
    body_ctx b = {a, x};
    if (export_replace(x->path, replace, mode, body, &b, why, sizeof why) != 0)
        app_message(a, MSG_ERROR, "export failed: %s", why);
    else
        x->done(a, x);
}

static void overwrite_cb(app *a, void *ctx, int yes)
{
    tui_export *x = ctx;
    char b1[SHOWN + 8], why[600];
    if (!yes) {
        app_message(a, MSG_INFO, "not exported: %s is left as it was", fit(x->path, SHOWN, b1, sizeof b1));
        return;
    }
    /* looked at again: it may have changed while the question was open */
    struct stat st;
    int what = export_examine(x->path, &st, why, sizeof why);
    if (what < 0) app_message(a, MSG_ERROR, "not exported: %s", why);
    else run(a, x, what == 1, what == 1 ? st.st_mode : 0);
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
    char path[PATH_MAX];
    if (export_expand(text, getenv("HOME"), path, sizeof path) != 0) {
        snprintf(err, errlen, "the name is too long (more than %d bytes with ~ expanded)", PATH_MAX - 1);
        return -1;
    }
    if (x->check && x->check(x, path, err, errlen) != 0) return -1;
    struct stat st;
    int what = export_examine(path, &st, err, errlen);
    if (what < 0) return -1;
    memcpy(x->path, path, strlen(path) + 1);
    if (strlen(text) < sizeof x->typed) memcpy(x->typed, text, strlen(text) + 1);
    else x->typed[0] = '\0'; /* cannot happen (the prompt is smaller); never cut */
    if (what == 1) {
        /* the label has room for about 88 bytes: keep the question whole */
        char q[128], b1[80];
        snprintf(q, sizeof q, "%s exists. Overwrite it%s%.40s?", fit(x->path, 60, b1, sizeof b1),
                 x->also ? " " : "", x->also ? x->also : "");
        app_confirm(a, q, overwrite_cb, x);
        return 0;
    }
    run(a, x, 0, 0);
    return 0;
}

void export_start(app *a, tui_export *x, const char *prompt, const char *suggested)
{
    app_prompt(a, prompt, x->typed[0] ? x->typed : suggested, path_cb, x);
}
