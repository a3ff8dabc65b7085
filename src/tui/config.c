/* config.c - saved settings (see config.h). */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#ifndef PATH_MAX
#define PATH_MAX 4096
#endif

struct ld_config {
    char path[PATH_MAX]; /* "" when there is none: see nopath */
    char nopath[200];    /* why there is no path */
    cJSON *root;
    int dirty;
    int memory;          /* config_open_memory: never saved */
    int readonly;        /* the file exists but could not be read: never replaced */
    /* the sections this run changed: saving re-reads the file and writes
     * only these over it, so a second instance's changes are kept */
    char *changed[32];
    size_t nchanged;
};

/* snprintf that says whether it fitted: 0, or -1 (out is then "") */
static int fmt_path(char *out, size_t n, const char *a, const char *b)
{
    int k = snprintf(out, n, "%s%s", a, b);
    if (k >= 0 && (size_t)k < n) return 0;
    out[0] = '\0';
    return -1;
}

/* The default place; a path that does not fit PATH_MAX is refused (with the
 * reason in cfg->nopath), never cut: a cut path is another file. */
static void default_path(ld_config *cfg)
{
    const char *xdg = getenv("XDG_CONFIG_HOME");
    /* the XDG spec says relative values are invalid and must be ignored */
    if (xdg && xdg[0] == '/') {
        if (fmt_path(cfg->path, sizeof cfg->path, xdg, "/llmdeck/config.json") != 0)
            snprintf(cfg->nopath, sizeof cfg->nopath,
                     "$XDG_CONFIG_HOME/llmdeck/config.json is longer than %d bytes", PATH_MAX - 1);
        return;
    }
    const char *home = getenv("HOME");
    if (!home || !*home) {
        struct passwd *pw = getpwuid(getuid());
        home = pw ? pw->pw_dir : NULL;
    }
    if (!home || !*home)
        snprintf(cfg->nopath, sizeof cfg->nopath, "no home directory");
    else if (fmt_path(cfg->path, sizeof cfg->path, home, "/.config/llmdeck/config.json") != 0)
        snprintf(cfg->nopath, sizeof cfg->nopath,
                 "$HOME/.config/llmdeck/config.json is longer than %d bytes", PATH_MAX - 1);
}

/* Reads the whole file; NULL with errno set on failure. */
static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    char *buf = NULL;
    size_t cap = 0, n = 0;
    for (;;) {
        if (n + 4096 + 1 > cap) {
            size_t nc = cap ? cap * 2 : 8192;
            if (nc > (16u << 20)) { /* a settings file is small; this is not one */
                free(buf);
                fclose(f);
                errno = EFBIG;
                return NULL;
            }
            char *more = realloc(buf, nc);
            if (!more) {
                free(buf);
                fclose(f);
                errno = ENOMEM;
                return NULL;
            }
            buf = more;
            cap = nc;
        }
        size_t got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
        if (got == 0) break;
    }
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        free(buf);
        errno = EIO;
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

static void set_aside(ld_config *cfg, const char *why, char *warn, size_t n)
{
    char aside[PATH_MAX + 64], stamp[32];
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &tm);
    int k = snprintf(aside, sizeof aside, "%s.corrupt-%s", cfg->path, stamp);
    /* every set-aside copy is kept: a second one in the same second gets -2, -3, ... */
    struct stat st;
    for (int i = 2; k > 0 && (size_t)k < sizeof aside && lstat(aside, &st) == 0 && i < 1000; i++)
        k = snprintf(aside, sizeof aside, "%s.corrupt-%s-%d", cfg->path, stamp, i);
    if (k < 0 || (size_t)k >= sizeof aside) errno = ENAMETOOLONG;
    /* renamed, never deleted: the user may want to repair it */
    else if (rename(cfg->path, aside) == 0)
        snprintf(warn, n, "settings file config.json %s: moved aside as config.json.corrupt-*; defaults used", why);
    else
        snprintf(warn, n, "settings file config.json %s (and could not be moved aside: %s); defaults used",
                 why, strerror(errno));
}

ld_config *config_open(const char *path, char *warn, size_t n)
{
    if (n) warn[0] = '\0';
    ld_config *cfg = calloc(1, sizeof *cfg);
    if (!cfg) return NULL;
    if (!path) default_path(cfg);
    else if (fmt_path(cfg->path, sizeof cfg->path, path, "") != 0)
        snprintf(cfg->nopath, sizeof cfg->nopath, "the settings path is longer than %d bytes",
                 PATH_MAX - 1);
    if (!cfg->path[0] && cfg->nopath[0] && strcmp(cfg->nopath, "no home directory"))
        snprintf(warn, n, "settings not loaded or saved: %s", cfg->nopath);
    if (cfg->path[0]) {
        size_t len = 0;
        char *text = slurp(cfg->path, &len);
        if (text) {
            const char *end = NULL;
            cJSON *root = cJSON_ParseWithLengthOpts(text, len, &end, 0);
            if (root && cJSON_IsObject(root)) {
                cfg->root = root;
            } else {
                long line = 1;
                for (const char *p = text; end && p < end && *p; p++) line += *p == '\n';
                cJSON_Delete(root);
                char why[64];
                if (root) snprintf(why, sizeof why, "is not a JSON object");
                else snprintf(why, sizeof why, "is corrupt (line %ld)", line);
                set_aside(cfg, why, warn, n);
            }
            free(text);
        } else if (errno != ENOENT) {
            /* it is there but cannot be read (permissions, size): never replace it */
            cfg->readonly = 1;
            snprintf(warn, n, "cannot read settings %s: %s; defaults used, and nothing will be saved over it",
                     cfg->path, strerror(errno));
        }
    }
    if (!cfg->root) cfg->root = cJSON_CreateObject();
    if (!cfg->root) {
        free(cfg);
        return NULL;
    }
    return cfg;
}

ld_config *config_open_memory(void)
{
    ld_config *cfg = calloc(1, sizeof *cfg);
    if (!cfg) return NULL;
    cfg->memory = 1;
    if (!(cfg->root = cJSON_CreateObject())) {
        free(cfg);
        return NULL;
    }
    return cfg;
}

void config_free(ld_config *cfg)
{
    if (!cfg) return;
    for (size_t i = 0; i < cfg->nchanged; i++) free(cfg->changed[i]);
    cJSON_Delete(cfg->root);
    free(cfg);
}


const cJSON *config_get(const ld_config *cfg, const char *name)
{
    return cfg ? cJSON_GetObjectItemCaseSensitive(cfg->root, name) : NULL;
}

void config_set(ld_config *cfg, const char *name, cJSON *value)
{
    if (!cfg) {
        cJSON_Delete(value);
        return;
    }
    cJSON *old = cJSON_GetObjectItemCaseSensitive(cfg->root, name);
    if (value && old && cJSON_Compare(old, value, 1)) { /* unchanged: no write */
        cJSON_Delete(value);
        return;
    }
    cJSON_DeleteItemFromObjectCaseSensitive(cfg->root, name);
    if (value) cJSON_AddItemToObject(cfg->root, name, value);
    cfg->dirty = 1;
    size_t i = 0;
    while (i < cfg->nchanged && strcmp(cfg->changed[i], name)) i++;
    if (i == cfg->nchanged && i < sizeof cfg->changed / sizeof cfg->changed[0]) {
        char *copy = strdup(name);
        if (copy) cfg->changed[cfg->nchanged++] = copy;
    }
}

static const cJSON *item(const ld_config *cfg, const char *section, const char *key)
{
    if (!cfg) return NULL;
    const cJSON *obj = section ? cJSON_GetObjectItemCaseSensitive(cfg->root, section) : cfg->root;
    return cJSON_IsObject(obj) ? cJSON_GetObjectItemCaseSensitive(obj, key) : NULL;
}

const char *config_get_string(const ld_config *cfg, const char *section, const char *key)
{
    const cJSON *v = item(cfg, section, key);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

int config_get_number(const ld_config *cfg, const char *section, const char *key, double *out)
{
    const cJSON *v = item(cfg, section, key);
    if (!cJSON_IsNumber(v)) return -1;
    *out = v->valuedouble;
    return 0;
}

/* Sets key in section to value (owned), creating the section. */
static void set_item(ld_config *cfg, const char *section, const char *key, cJSON *value)
{
    if (!cfg || !value) {
        cJSON_Delete(value);
        return;
    }
    if (!section) {
        config_set(cfg, key, value);
        return;
    }
    const cJSON *old = cJSON_GetObjectItemCaseSensitive(cfg->root, section);
    cJSON *sec = cJSON_IsObject(old) ? cJSON_Duplicate(old, 1) : cJSON_CreateObject();
    if (!sec) {
        cJSON_Delete(value);
        return;
    }
    cJSON_DeleteItemFromObjectCaseSensitive(sec, key);
    cJSON_AddItemToObject(sec, key, value);
    config_set(cfg, section, sec);
}

void config_set_string(ld_config *cfg, const char *section, const char *key, const char *v)
{
    set_item(cfg, section, key, cJSON_CreateString(v));
}

/* mkdir -p of the directory part of path. */
static int make_dirs(const char *path)
{
    char dir[PATH_MAX];
    if (fmt_path(dir, sizeof dir, path, "") != 0) return errno = ENAMETOOLONG, -1;
    char *slash = strrchr(dir, '/');
    if (!slash || slash == dir) return 0;
    *slash = '\0';
    for (char *p = dir + 1; *p; p++) {
        if (*p != '/') continue;
        *p = '\0';
        if (mkdir(dir, 0755) != 0 && errno != EEXIST) return -1;
        *p = '/';
    }
    if (mkdir(dir, 0755) != 0 && errno != EEXIST) return -1;
    return 0;
}

int config_save(ld_config *cfg, char *warn, size_t n)
{
    if (n) warn[0] = '\0';
    if (!cfg || !cfg->dirty || cfg->memory) return 0;
    if (!cfg->path[0]) {
        snprintf(warn, n, "settings not saved: %s", cfg->nopath[0] ? cfg->nopath : "no home directory");
        return -1;
    }
    if (cfg->readonly) {
        snprintf(warn, n, "settings not saved: %s could not be read, so it is left as it is", cfg->path);
        return -1;
    }
    /* A link is written through: the file it points to is replaced, the
     * link stays a link. */
    char target[PATH_MAX];
    const char *dest = cfg->path;
    struct stat lst;
    if (lstat(cfg->path, &lst) == 0 && S_ISLNK(lst.st_mode) && realpath(cfg->path, target)) dest = target;
    /* Another instance may have saved since this one read the file: start
     * from what is there now and put this run's changed sections over it. */
    cJSON *merged = NULL;
    size_t flen = 0;
    char *now = slurp(dest, &flen);
    if (now) {
        merged = cJSON_ParseWithLength(now, flen);
        free(now);
        if (merged && !cJSON_IsObject(merged)) {
            cJSON_Delete(merged);
            merged = NULL;
        }
    }
    if (merged) {
        for (size_t i = 0; i < cfg->nchanged; i++) {
            const cJSON *mine = cJSON_GetObjectItemCaseSensitive(cfg->root, cfg->changed[i]);
            cJSON_DeleteItemFromObjectCaseSensitive(merged, cfg->changed[i]);
            cJSON *copy = mine ? cJSON_Duplicate(mine, 1) : NULL;
            if (copy) cJSON_AddItemToObject(merged, cfg->changed[i], copy);
        }
    }
    char *text = cJSON_Print(merged ? merged : cfg->root);
    cJSON_Delete(merged);
    if (!text) {
        snprintf(warn, n, "settings not saved: out of memory");
        return -1;
    }
    char tmp[PATH_MAX + 32];
    int k = snprintf(tmp, sizeof tmp, "%s.tmp-%ld", dest, (long)getpid());
    int fd = -1, rc = -1;
    const char *step = "name the temporary file";
    if (k < 0 || (size_t)k >= sizeof tmp) {
        errno = ENAMETOOLONG;
        tmp[0] = '\0';
        goto out;
    }
    step = "create the folder";
    if (make_dirs(dest) != 0) goto out;
    step = "write";
    fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) goto out;
    size_t len = strlen(text), done = 0;
    while (done < len) {
        ssize_t w = write(fd, text + done, len - done);
        if (w < 0) {
            if (errno == EINTR) continue;
            goto out;
        }
        done += (size_t)w;
    }
    if (write(fd, "\n", 1) != 1) goto out;
    /* the data must be on disk before the rename makes it the config */
    step = "sync";
    if (fsync(fd) != 0) goto out;
    if (close(fd) != 0) {
        fd = -1;
        goto out;
    }
    fd = -1;
    step = "replace";
    if (rename(tmp, dest) != 0) goto out;
    rc = 0;
    cfg->dirty = 0;
out:
    if (rc != 0) {
        snprintf(warn, n, "settings not saved (%s %s): %s", step, cfg->path, strerror(errno));
        if (fd >= 0) close(fd);
        if (tmp[0]) unlink(tmp);
    }
    free(text);
    return rc;
}
