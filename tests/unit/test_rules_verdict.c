/* test_rules_verdict.c - what the faces say of a model against the
 * requirements (rules_verdict.c): the licence word, and the language test
 * over a card's named languages (codes, synonyms, partial lists, lists of
 * any length, and how a violation names them). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "llmdeck/catalog.h"
#include "llmdeck/rules.h"

/* The data's "restricted" is shown as what it means for a reader; the
 * other words (and an empty cell) as they are. */
static void test_commercial_word(void **state)
{
    (void)state;
    assert_string_equal(rules_commercial_word("restricted"), "with conditions");
    assert_string_equal(rules_commercial_word("Restricted"), "with conditions");
    assert_string_equal(rules_commercial_word("yes"), "yes");
    assert_string_equal(rules_commercial_word("no"), "no");
    assert_string_equal(rules_commercial_word("restricted "), "restricted ");
    assert_string_equal(rules_commercial_word(""), "");
    assert_null(rules_commercial_word(NULL));
}

/* A card's named languages, however many: the asked one found at the end
 * of a list longer than any fixed buffer; a count or "multilingual" says
 * nothing (-1); a list without it excludes (0); names match either way
 * round ("Simplified Chinese" asked, "Chinese" listed). */
static void test_language_fit_long_list(void **state)
{
    (void)state;
    char list[4000] = "";
    for (int i = 0; i < 150; i++) {
        char name[32];
        snprintf(name, sizeof name, "%sLang%03d", i ? "|" : "", i);
        strcat(list, name);
    }
    strcat(list, "| Welsh");
    assert_true(strlen(list) > 1100);
    assert_int_equal(rules_language_fit(list, "welsh"), 1);
    assert_int_equal(rules_language_fit(list, "Lang149"), 1);
    assert_int_equal(rules_language_fit(list, "breton"), 0);
    static const struct {
        const char *listed, *asked;
        int want;
    } cases[] = {
        /* a count or nothing says nothing; names match either way round */
        {"multilingual (119)", "welsh", -1},
        {"", "welsh", -1},
        {"English|Chinese", "Simplified Chinese", 1},
        {"English||Chinese|", "chinese", 1},
        {"English|", "french", 0},
        /* a list its source says is partial names, and excludes nothing */
        {"Chinese|English|others", "english", 1},
        {"Chinese|English|others", "french", -1},
        {"English|Others", "others", -1},
        /* codes and synonyms: zh and Mandarin are Chinese, a card's Farsi
         * is Persian (a code asked of a named list excluded every card) */
        {"English|Chinese", "zh", 1},
        {"English|Chinese", "ZH", 1},
        {"English|Simplified Chinese", "Mandarin", 1},
        {"English|Farsi", "persian", 1},
        {"English|Persian", "fa", 1},
        {"English|German", "zh", 0},
        /* three-letter codes, regional tags and the language's own name:
         * "Deutsch" asked of the cards naming German excluded all 59 */
        {"English|German", "Deutsch", 1},
        {"English|German", "deu", 1},
        {"English|German", "GER", 1},
        {"English|French", "français", 1},
        {"English|French", "Francais", 1},
        {"English|Spanish", "Español", 1},
        {"English|Portuguese", "pt-BR", 1},
        {"English|Japanese", "日本語", 1},
        {"English|Chinese", "中文", 1},
        {"English|Spanish", "Deutsch", 0},
        /* whole words only: "is" (Icelandic) was found in "English", "sw"
         * in "Swedish", "pa" in "Spanish", Java in Javanese */
        {"English|others", "is", -1},
        {"English|French", "is", 0},
        {"English|Icelandic", "is", 1},
        {"English|Swedish", "sw", 0},
        {"English|Swahili", "sw", 1},
        {"Spanish|Japanese", "pa", 0},
        {"English|Punjabi", "pa", 1},
        {"English|Javanese", "Java", 0},
        {"English|Brazilian Portuguese", "portuguese", 1},
        {"English|North Azerbaijani", "az", 1},
        /* ISO 639-1 codes the cards name, and a language's other names:
         * "hr" excluded the cards naming Croatian, Filipino those naming
         * Tagalog */
        {"English|Croatian", "hr", 1},
        {"English|Croatian", "HR", 1},
        {"English|Tagalog", "Filipino", 1},
        {"English|Tagalog", "tl", 1},
        {"English|Marathi", "mr", 1},
        {"English|Welsh", "cy", 1},
        {"English|Welsh", "mr", 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        if (rules_language_fit(cases[i].listed, cases[i].asked) != cases[i].want)
            fail_msg("'%s' asked of '%s': %d, expected %d", cases[i].asked, cases[i].listed,
                     rules_language_fit(cases[i].listed, cases[i].asked), cases[i].want);

    /* the violation names a short list and counts a long one (never cut in
     * the middle of a name) */
    ld_catalog *cat = catalog_new();
    catalog_add_column(cat, "model", LD_COL_TEXT, 0);
    int lc = catalog_add_column(cat, "languages", LD_COL_TEXT, 0);
    size_t r0 = catalog_add_row(cat), r1 = catalog_add_row(cat);
    catalog_set_cell(cat, r0, 0, "Short", 5);
    catalog_set_cell(cat, r0, (size_t)lc, "English|German", 14);
    catalog_set_cell(cat, r1, 0, "Long", 4);
    catalog_set_cell(cat, r1, (size_t)lc, list, strlen(list));
    ld_requirements q;
    rules_requirements_init(&q);
    assert_int_equal(rules_set_text(q.language, "breton"), 0);
    q.context_length = 0; /* (no context column: only the language is checked) */
    ld_violation v[LD_MAX_VIOLATIONS];
    size_t nv = rules_violations(cat, r0, &q, v);
    assert_true(nv >= 1);
    assert_string_equal(v[nv - 1].requirement, "language");
    assert_string_equal(v[nv - 1].detail, "its card lists English|German, not breton");
    nv = rules_violations(cat, r1, &q, v);
    assert_true(nv >= 1);
    assert_string_equal(v[nv - 1].detail, "its card lists 151 languages, not breton");
    catalog_free(cat);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_commercial_word),
        cmocka_unit_test(test_language_fit_long_list),
    };
    if (getenv("LD_TEST_FILTER")) cmocka_set_test_filter(getenv("LD_TEST_FILTER"));
    return cmocka_run_group_tests(tests, NULL, NULL);
}
