/* hardware.c - see hardware.h. */
#include "llmdeck/hardware.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "llmdeck/memfit.h"
#include "llmdeck/sizing.h"
#include "llmdeck/units.h"

/* A precision's own spelling ("Q4_K_M" -> "q4_k_m"), or NULL if unknown. */
static const char *known_quant(const char *q)
{
    if (memfit_is_release(q)) return "release";
    const ld_quant *k = sizing_quant_find(q);
    return k ? k->name : NULL;
}

/* Reads "N x ", "Nx", "N× ", "N * " at the start of s: the count, and
 * where the rest begins; 0 when s starts with no count. */
static int read_count(const char *s, const char **rest)
{
    const char *p = s;
    while (*p == ' ') p++;
    if ((*p == '-' || *p == '+') && isdigit((unsigned char)p[1])) return -1; /* "-1 x L4": no count */
    if (!isdigit((unsigned char)*p)) return 0;
    char *end;
    long k = strtol(p, &end, 10);
    const char *q = end;
    while (*q == ' ') q++;
    if (*q == 'x' || *q == 'X' || *q == '*') q++;
    else if (!strncmp(q, "\xc3\x97", 2)) q += 2; /* × */
    else return 0; /* "4090" alone: a name's digits, not a count */
    if (k < 1 || k > 1000) k = -1;               /* said below, not wrapped */
    *rest = q;
    return (int)k;
}

int hardware_parse(const ld_gpu_list *gpus, const char *text, ld_hardware *hw, char *why, size_t n)
{
    memset(hw, 0, sizeof *hw);
    snprintf(hw->quant, sizeof hw->quant, "release");
    hw->cards = 1;
    const char *rest = text;
    int k = read_count(text, &rest);
    if (k < 0 || k > LD_HARDWARE_MAX_CARDS) {
        snprintf(why, n, "a count is a whole number of GPUs from 1 to %d before the x (at most %d of one type)",
                 LD_HARDWARE_MAX_CARDS, LD_HARDWARE_MAX_CARDS);
        return -1;
    }
    if (k > 0) hw->cards = k;
    char name[128];
    while (*rest == ' ') rest++;
    snprintf(name, sizeof name, "%s", rest);
    size_t len = strlen(name);
    while (len && name[len - 1] == ' ') name[--len] = '\0';
    /* the whole rest as a GPU first ("RTX 4090"); else its last word as a
     * precision ("L40S int4", "L40S at int4") */
    char full[sizeof name]; /* as typed, for the messages */
    snprintf(full, sizeof full, "%s", name);
    const ld_gpu *g = len ? hosting_gpu_find(gpus, name) : NULL;
    if (!g && len) {
        char *sp = strrchr(name, ' ');
        const char *q = sp ? known_quant(sp + 1) : NULL;
        /* a last word that reads as a precision (a letter first: int3, fp6),
         * not a model number ("RTX 9090" is an unknown GPU) */
        if (sp && (q || isalpha((unsigned char)sp[1]))) {
            char word[40];
            snprintf(word, sizeof word, "%.39s", sp + 1);
            *sp = '\0';
            len = strlen(name);
            while (len && name[len - 1] == ' ') name[--len] = '\0';
            if (len > 3 && !strcmp(name + len - 3, " at")) name[len -= 3] = '\0';
            while (len && name[len - 1] == ' ') name[--len] = '\0';
            g = len ? hosting_gpu_find(gpus, name) : NULL;
            if (g && !q) { /* "L4 int3": the GPU is known, the precision is not */
                snprintf(why, n, "no precision named \"%s\" (release, fp16, bf16, fp8, int8, int4, q4_k_m, ...)", word);
                return -1;
            }
            if (q) snprintf(hw->quant, sizeof hw->quant, "%s", q);
        }
    }
    if (!len) {
        snprintf(why, n, "name a GPU (e.g. L40S, 2 x A100 80GB SXM, RTX 4090 int4)");
        return -1;
    }
    char which[400];
    if (g && hosting_gpu_candidates(gpus, name, which, sizeof which) > 1) {
        /* cards one has are one kind: "h100" is three, at three prices */
        snprintf(why, n, "\"%.60s\" could be %s: type the one you have", name, which);
        return -1;
    }
    if (!g) {
        char list[400] = "";
        size_t used = 0;
        for (size_t i = 0; gpus && i < gpus->n && used + 2 < sizeof list; i++) {
            int w = snprintf(list + used, sizeof list - used, "%s%s", i ? ", " : "", gpus->v[i].name);
            if (w < 0 || (size_t)w >= sizeof list - used) {
                list[used] = '\0';
                break;
            }
            used += (size_t)w;
        }
        snprintf(why, n, "no GPU named \"%.60s\" in gpus.csv (%s)", strcmp(hw->quant, "release") ? name : full, list);
        return -1;
    }
    hw->gpu = g;
    return 0;
}

void hardware_text(const ld_hardware *hw, char *buf, size_t n)
{
    if (!hw->gpu) {
        snprintf(buf, n, "not given");
        return;
    }
    if (memfit_is_release(hw->quant)) snprintf(buf, n, "%d \xc3\x97 %s", hw->cards, hw->gpu->name);
    else snprintf(buf, n, "%d \xc3\x97 %s at %s", hw->cards, hw->gpu->name, hw->quant);
}

int hardware_requirement(const ld_catalog *cat, const ld_hardware *hw, ld_requirements *req, signed char **fits)
{
    size_t rows = catalog_rows(cat);
    signed char *f = malloc(rows ? rows : 1);
    *fits = NULL;
    if (!f) return -1;
    for (size_t r = 0; r < rows; r++) {
        double mem;
        f[r] = (signed char)memfit_fits(cat, r, hw->quant, req->context_length, hw->gpu, hw->cards, &mem);
    }
    char ctx[32], words[512];
    units_format_grouped(req->context_length, ctx, sizeof ctx);
    snprintf(words, sizeof words, "%s%d \xc3\x97 %s (%g GB) at %s, one sequence of %s tokens",
             hw->cards > 1 ? "up to " : "", hw->cards, hw->gpu->name, hw->gpu->memory_gb,
             memfit_is_release(hw->quant) ? "the release precision (fp16 where none is stated)" : hw->quant, ctx);
    snprintf(req->hardware, sizeof req->hardware, "%.*s", (int)sizeof req->hardware - 1, words);
    req->fits = f;
    *fits = f;
    return 0;
}
