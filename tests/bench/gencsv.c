/* gencsv.c - writes a deterministic leaderboard-shaped CSV for benchmarks.
 *
 *   gencsv ROWS > file.csv
 *
 * 14 columns like the Open LLM Leaderboard export: a model id, six scores
 * (some missing), a quoted licence with a comma now and then, booleans,
 * parameters, a date and a URL.  A fixed LCG makes every run identical. */
#include <stdio.h>
#include <stdlib.h>

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

int main(int argc, char **argv)
{
    long rows = argc > 1 ? atol(argv[1]) : 1000;
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
    return 0;
}
