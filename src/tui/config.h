/* config.h - saved settings: $XDG_CONFIG_HOME/llmdeck/config.json
 * (default ~/.config/llmdeck/config.json).
 *
 * One JSON object; each view keeps its own sub-object ("table", "wizard",
 * "cost") and may put anything in it; "theme" is a string at the top.
 * Unknown keys are kept, so an older llmdeck never drops a newer one's
 * settings.  Loading never fails: a corrupt file is renamed aside
 * (config.json.corrupt-YYYYMMDDTHHMMSSZ) and defaults are used, with a
 * warning.  Saving is atomic (temporary file, fsync, rename); a directory
 * that cannot be written gives a warning only.  A path longer than
 * PATH_MAX (a very long $XDG_CONFIG_HOME) is refused with a warning, never
 * cut: the settings then live for this run only. */
#ifndef LLMDECK_TUI_CONFIG_H
#define LLMDECK_TUI_CONFIG_H

#include <cjson/cJSON.h>
#include <stddef.h>

typedef struct ld_config ld_config;

/* Opens the config at `path`, or at the default place when path is NULL.
 * Any problem is described in warn (empty string when all went well). */
ld_config *config_open(const char *path, char *warn, size_t n);
/* Settings that live in memory only: nothing is read, nothing is saved
 * (scripted --headless and --play runs must not depend on or change the
 * user's settings). */
ld_config *config_open_memory(void);
void config_free(ld_config *cfg);

/* A top-level value (a view's section), or NULL.  Do not modify it: use
 * config_set. */
const cJSON *config_get(const ld_config *cfg, const char *name);
/* Replaces a top-level value; takes ownership of `value` (NULL removes). */
void config_set(ld_config *cfg, const char *name, cJSON *value);

/* Conveniences for flat values inside a section (section NULL = top level).
 * The getters return NULL / -1 when the value is absent or of another type. */
const char *config_get_string(const ld_config *cfg, const char *section, const char *key);
int config_get_number(const ld_config *cfg, const char *section, const char *key, double *out);
void config_set_string(ld_config *cfg, const char *section, const char *key, const char *v);

/* Writes the file if anything changed.  0 on success (or nothing to do);
 * -1 with a message in warn. */
int config_save(ld_config *cfg, char *warn, size_t n);

#endif
