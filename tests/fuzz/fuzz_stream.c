/* fuzz_stream.c - the streaming CSV loader used for pipes and devices
 * (csvload_file on a pipe: size unknown, read in chunks): any bytes must
 * load or fail with a defined error, and what loads must equal what
 * csvload_buffer loads from the same bytes (the fuzzed in-memory path). */
#include <pthread.h>
#include <unistd.h>

#include "fuzz_common.h"

typedef struct {
    int fd;
    const uint8_t *data;
    size_t size;
} feeder;

static void *feed(void *p)
{
    feeder *f = p;
    size_t done = 0;
    while (done < f->size) { /* small writes: the loader sees many chunks */
        size_t n = f->size - done < 977 ? f->size - done : 977;
        ssize_t w = write(f->fd, f->data + done, n);
        if (w <= 0) break;
        done += (size_t)w;
    }
    close(f->fd);
    return NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    int fds[2];
    if (pipe(fds) != 0) return 0;
    feeder fd = {fds[1], data, size};
    pthread_t t;
    if (pthread_create(&t, NULL, feed, &fd) != 0) {
        close(fds[0]);
        close(fds[1]);
        return 0;
    }
    char path[64];
    snprintf(path, sizeof path, "/dev/fd/%d", fds[0]);
    ld_error e1, e2;
    error_clear(&e1);
    error_clear(&e2);
    ld_catalog *a = csvload_file(path, NULL, &e1);
    /* drain what the loader left (it stops at the first error) so the writer ends */
    char sink[4096];
    while (read(fds[0], sink, sizeof sink) > 0) {}
    pthread_join(t, NULL);
    close(fds[0]);
    ld_catalog *b = csvload_buffer((const char *)data, size, "mem", NULL, &e2);
    if (!a) FUZZ_CHECK(e1.msg[0] != '\0', "a stream error without a message");
    if (a && b) {
        FUZZ_CHECK(catalog_rows(a) == catalog_rows(b), "rows %zu vs %zu", catalog_rows(a), catalog_rows(b));
        FUZZ_CHECK(catalog_cols(a) == catalog_cols(b), "cols");
        for (size_t r = 0; r < catalog_rows(a); r++)
            for (size_t c = 0; c < catalog_cols(a); c++)
                FUZZ_CHECK(strcmp(catalog_text(a, r, c), catalog_text(b, r, c)) == 0, "cell %zu,%zu", r, c);
    }
    catalog_free(a);
    catalog_free(b);
    return 0;
}
