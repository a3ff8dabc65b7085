/* fuzz_manifest.c - a data folder's manifest.json (and the data check that
 * reads every file of a data set): any bytes must give a defined as-of
 * date (YYYY-MM-DD or "") and a data check that completes. */
#include <sys/stat.h>
#include <unistd.h>

#include "fuzz_common.h"

#include "llmdeck/datacheck.h"
#include "llmdeck/dataset.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char dir[64], path[96];
    snprintf(dir, sizeof dir, "/tmp/llmdeck-fuzz-manifest-%ld", (long)getpid());
    mkdir(dir, 0700);
    snprintf(path, sizeof path, "%s/manifest.json", dir);
    FILE *f = fopen(path, "wb");
    if (!f) return 0;
    fwrite(data, 1, size, f);
    fclose(f);
    snprintf(path, sizeof path, "%s/models.csv", dir);
    f = fopen(path, "wb");
    if (!f) return 0;
    fputs("model,source,open_weights,params_b\nA,card,no,\n", f);
    fclose(f);
    ld_dataset ds;
    ld_error err;
    error_clear(&err);
    if (dataset_open(&ds, dir, NULL, &err) == 0) {
        char as_of[32];
        dataset_as_of(&ds, as_of, sizeof as_of);
        FUZZ_CHECK(strlen(as_of) < sizeof as_of, "as_of");
        ld_check_report rep;
        FUZZ_CHECK(datacheck_run(&ds, "2026-12-03", &rep) == 0, "datacheck");
        datacheck_free(&rep);
    } else {
        FUZZ_CHECK(err.msg[0] != '\0', "an error without a message");
    }
    dataset_close(&ds);
    return 0;
}
