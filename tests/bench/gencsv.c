/* gencsv.c - writes deterministic leaderboard-shaped CSVs for benchmarks.
 *
 *   gencsv ROWS > file.csv            the project's original file
 *   gencsv --shape K ROWS > file.csv  real-world shape K (1, 2, ...)
 *
 * The original: 14 columns like the Open LLM Leaderboard export, a model id,
 * six scores (some missing), a quoted licence with a comma now and then,
 * booleans, parameters, a date and a URL.  Its bytes never change, so older
 * figures stay comparable.
 *
 * The shapes are what users' files look like and the original is not:
 * model names quoted, some with escaped quotes (""), 5-20% empty cells in
 * the numeric columns, scores with many digits, a relative_cost column in
 * most shapes (so llmdeck computes a value_score column and exports it),
 * and the columns in a shuffled order.  Every proportion is drawn from K,
 * so each shape differs and no one file is what the code is tuned to; the
 * shape's proportions are printed on stderr.  A fixed LCG seeded from K
 * makes every run identical. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned long long state = 88172645463325252ull;

static unsigned rnd(unsigned n)
{
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return (unsigned)((state >> 33) % n);
}

static void score(int missing_per_mille)
{
    if ((int)rnd(1000) < missing_per_mille) return; /* an empty cell */
    printf("%u.%02u", 20 + rnd(70), rnd(100));
}

static void original(long rows)
{
    static const char *const orgs[] = {"meta-llama", "mistralai", "Qwen", "google", "microsoft",
                                       "tiiuae", "01-ai", "deepseek-ai", "allenai", "openchat"};
    static const char *const lic[] = {"apache-2.0", "mit", "llama2", "\"other, see card\"", "",
                                      "cc-by-nc-4.0", "\"\""};
    printf("model,average,arc,hellaswag,mmlu,truthfulqa,winogrande,gsm8k,type,merged,hub_license,params_b,date,url\n");
    for (long i = 0; i < rows; i++) {
        const char *org = orgs[rnd(10)];
        printf("%s/model-%ld-v%u,", org, i, rnd(9));
        score(5); putchar(',');
        score(20); putchar(',');
        score(20); putchar(',');
        score(50); putchar(',');
        score(20); putchar(',');
        score(20); putchar(',');
        score(80); putchar(',');
        printf("%s,", rnd(3) ? "fine-tuned" : "\"pretrained, base\"");
        printf("%s,", rnd(2) ? "TRUE" : "FALSE");
        printf("%s,", lic[rnd(7)]);
        printf("%u.%u,", rnd(180), rnd(10));
        printf("2024-%02u-%02uT%02u:00:00Z,", 1 + rnd(12), 1 + rnd(28), rnd(24));
        printf("https://huggingface.co/%s/model-%ld\n", org, i);
    }
}

/* --- the real-world shapes --- */

enum { C_MODEL, C_MMLU, C_ARC, C_HELLA, C_TRUTH, C_WINO, C_GSM, C_AVG, C_PARAMS, C_COST,
       C_LICENSE, C_TYPE, C_DATE, C_URL, C_N };
static const char *const col_id[C_N] = {"model", "mmlu", "arc", "hellaswag", "truthfulqa",
                                        "winogrande", "gsm8k", "average", "params_b",
                                        "relative_cost", "license", "type", "date", "url"};

typedef struct {
    unsigned quoted;   /* per mille of model names written quoted */
    unsigned escaped;  /* per mille of quoted names holding "" */
    unsigned missing[C_N]; /* per mille of empty cells, numeric columns: 50..200 */
    unsigned long_digits; /* per mille of scores written with many digits */
    int cost;          /* a relative_cost column, so value_score is computed */
    int order[C_N];    /* columns in file order */
    int ncols;
} shape;

static shape make_shape(unsigned k)
{
    shape s;
    memset(&s, 0, sizeof s);
    unsigned long long z = 0x9E3779B97F4A7C15ull * (k + 1); /* splitmix64: nearby K, */
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;             /* unrelated proportions */
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    state = z ^ (z >> 31);
    s.quoted = 100 + rnd(800);
    s.escaped = 50 + rnd(500);
    s.long_digits = rnd(1000);
    s.cost = k % 4 != 0; /* shapes 4, 8, ...: no cost column, nothing computed */
    for (int c = C_MMLU; c <= C_COST; c++) s.missing[c] = 50 + rnd(151);
    s.missing[C_COST] /= 2;
    for (int c = 0; c < C_N; c++)
        if (c != C_COST || s.cost) s.order[s.ncols++] = c;
    for (int i = s.ncols - 1; i > 0; i--) { /* shuffled */
        int j = (int)rnd((unsigned)i + 1), t = s.order[i];
        s.order[i] = s.order[j];
        s.order[j] = t;
    }
    return s;
}

static void real_score(const shape *s, int c)
{
    if (rnd(1000) < s->missing[c]) return;
    if (c == C_PARAMS) printf("%u.%u", 1 + rnd(180), rnd(10));
    else if (c == C_COST) printf("%u.%03u", rnd(4), 1 + rnd(999));
    else if (rnd(1000) < s->long_digits) printf("%u.%06u%u", 20 + rnd(70), rnd(1000000), rnd(10));
    else printf("%u.%02u", 20 + rnd(70), rnd(100));
}

static void real_cell(const shape *s, int c, long i, const char *org)
{
    static const char *const lic[] = {"apache-2.0", "mit", "llama2", "\"other, see card\"", "",
                                      "cc-by-nc-4.0", "\"llama3 \"\"community\"\"\""};
    static const char *const tune[] = {"chat", "instruct", "base", "dpo", "sft"};
    switch (c) {
    case C_MODEL:
        if (rnd(1000) >= s->quoted) printf("%s/model-%ld-%s", org, i, tune[rnd(5)]);
        else if (rnd(1000) < s->escaped)
            printf("\"%s/model-%ld \"\"%s\"\" v%u, merged\"", org, i, tune[rnd(5)], rnd(9));
        else printf("\"%s/model-%ld, %s\"", org, i, tune[rnd(5)]);
        break;
    case C_LICENSE: fputs(lic[rnd(7)], stdout); break;
    case C_TYPE: fputs(rnd(3) ? "fine-tuned" : "\"pretrained, base\"", stdout); break;
    case C_DATE: printf("2024-%02u-%02u", 1 + rnd(12), 1 + rnd(28)); break;
    case C_URL: printf("https://huggingface.co/%s/model-%ld", org, i); break;
    default: real_score(s, c);
    }
}

static void real(unsigned k, long rows)
{
    static const char *const orgs[] = {"meta-llama", "mistralai", "Qwen", "google", "microsoft",
                                       "tiiuae", "01-ai", "deepseek-ai", "allenai", "openchat"};
    shape s = make_shape(k);
    fprintf(stderr, "shape %u: %d columns, quoted names %.0f%% (with \"\" %.0f%% of those), "
                    "long scores %.0f%%, missing mmlu %.1f%%, relative_cost %s\n",
            k, s.ncols, s.quoted / 10.0, s.escaped / 10.0, s.long_digits / 10.0,
            s.missing[C_MMLU] / 10.0, s.cost ? "yes (value_score computed)" : "no");
    for (int j = 0; j < s.ncols; j++) printf("%s%s", j ? "," : "", col_id[s.order[j]]);
    putchar('\n');
    for (long i = 0; i < rows; i++) {
        const char *org = orgs[rnd(10)];
        for (int j = 0; j < s.ncols; j++) {
            if (j) putchar(',');
            real_cell(&s, s.order[j], i, org);
        }
        putchar('\n');
    }
}

int main(int argc, char **argv)
{
    if (argc > 2 && strcmp(argv[1], "--shape") == 0) {
        int k = atoi(argv[2]);
        if (k < 1) {
            fprintf(stderr, "gencsv: --shape wants a number >= 1\n");
            return 2;
        }
        real((unsigned)k, argc > 3 ? atol(argv[3]) : 1000);
        return 0;
    }
    original(argc > 1 ? atol(argv[1]) : 1000);
    return 0;
}
