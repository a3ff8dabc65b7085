/* fuzz_config.c - the TUI's settings file (src/tui/config.c) and the code
 * that reads its values: any bytes as config.json must open (set aside when
 * corrupt, refused when unreadable), every getter must return a defined
 * value, and a save after a change must write JSON that parses.
 * EXTRA: src/tui/config.c */
#include <dirent.h>
#include <unistd.h>

#include "fuzz_common.h"

#include "tui/config.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char dir[64], path[96];
    /* tmpfs when there is one: every input is written, saved (fsync) and
     * renamed, and on a disk the fsyncs set the pace (about 2,000 a second) */
    const char *base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
    snprintf(dir, sizeof dir, "%s/llmdeck-fuzz-config-%ld", base, (long)getpid());
    snprintf(path, sizeof path, "%s/config.json", dir);
    mkdir(dir, 0700);
    FILE *f = fopen(path, "wb");
    if (!f) return 0;
    fwrite(data, 1, size, f);
    fclose(f);
    char warn[600];
    ld_config *c = config_open(path, warn, sizeof warn);
    FUZZ_CHECK(c != NULL, "config_open failed");
    static const char *const sections[] = {NULL, "table.current", "table.seed", "wizard", "cost", "table"};
    static const char *const keys[] = {"theme", "missing", "weights", "hidden", "tokens", "mode", "model", "x"};
    for (size_t s = 0; s < 6; s++)
        for (size_t k = 0; k < 8; k++) {
            const char *str = config_get_string(c, sections[s], keys[k]);
            if (str) FUZZ_CHECK(strlen(str) < 1 << 24, "string");
            double v;
            if (config_get_number(c, sections[s], keys[k], &v) == 0) (void)v;
        }
    config_set_string(c, "cost", "mode", "capacity");
    if (config_save(c, warn, sizeof warn) == 0) {
        size_t len;
        ld_error err;
        char *text = csvload_read_file(path, &len, &err);
        FUZZ_CHECK(text != NULL, "saved file unreadable");
        cJSON *root = cJSON_ParseWithLength(text, len);
        FUZZ_CHECK(cJSON_IsObject(root), "saved settings do not parse");
        cJSON_Delete(root);
        free(text);
    }
    config_free(c);
    /* what was set aside stays: clean up for the next input */
    DIR *d = opendir(dir);
    struct dirent *e;
    while (d && (e = readdir(d)))
        if (e->d_name[0] != '.') {
            char p[400];
            snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
            unlink(p);
        }
    if (d) closedir(d);
    return 0;
}
