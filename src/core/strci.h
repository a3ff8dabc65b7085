/* strci.h - ASCII case-insensitive substring test shared by the rules
 * engine, the task profiles, the verdicts and the name suggestions. */
#ifndef LLMDECK_STRCI_H
#define LLMDECK_STRCI_H

#include <string.h>
#include <strings.h>

/* Does `hay` contain `needle`, ignoring ASCII case?  An empty needle is
 * contained in everything (as strstr says). */
static inline int str_contains_ci(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    if (!n) return 1;
    for (; *hay; hay++)
        if (strncasecmp(hay, needle, n) == 0) return 1;
    return 0;
}

#endif
