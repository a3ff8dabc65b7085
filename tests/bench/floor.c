/* floor.c - the physical floor of a CSV job: read FILE from the page cache
 * in 1 MiB pieces and find every line end at memory speed (memchr), as
 * any CSV reader must at the least.  Prints the line count.
 *
 *   floor FILE
 *
 * `make bench` times it as it times llmdeck, Miller and VisiData, so the
 * figures beside each other share the process start-up too. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    static char buf[1 << 20];
    int fd = argc > 1 ? open(argv[1], O_RDONLY) : -1;
    if (fd < 0) {
        fprintf(stderr, "usage: floor FILE\n");
        return 2;
    }
    long lines = 0;
    ssize_t got;
    while ((got = read(fd, buf, sizeof buf)) > 0)
        for (const char *p = buf, *end = buf + got; (p = memchr(p, '\n', (size_t)(end - p))); p++) lines++;
    close(fd);
    printf("%ld\n", lines);
    return got < 0;
}
