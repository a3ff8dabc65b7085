/* rules_verdict.c - does a model meet the requirements, and if nothing
 * does, why (see rules.h).  The article's rule picks a model whatever the
 * catalogue says; this is what the faces check that pick against, and what
 * names the requirement nothing meets. */
#include "llmdeck/rules.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "llmdeck/units.h"

/* Another name of a language as the catalogue names it (English names, as
 * the cards do): ISO 639-1, 639-2 and 639-3 codes, regional tags, common
 * synonyms and the language's own name.  "zh" asked of a card listing
 * Chinese excluded every such card; "Deutsch" excluded the 59 naming
 * German.  strcasecmp folds ASCII only: "Français" matches "français"
 * through its ASCII F, "FRANÇAIS" does not. */
static const char *language_name(const char *s)
{
    static const char *const alias[][2] = {
        {"en", "English"},     {"zh", "Chinese"},     {"zh-cn", "Chinese"},   {"zh-tw", "Chinese"},
        {"mandarin", "Chinese"}, {"fr", "French"},    {"de", "German"},       {"es", "Spanish"},
        {"ja", "Japanese"},    {"ko", "Korean"},      {"pt", "Portuguese"},   {"it", "Italian"},
        {"ru", "Russian"},     {"ar", "Arabic"},      {"hi", "Hindi"},        {"nl", "Dutch"},
        {"pl", "Polish"},      {"tr", "Turkish"},     {"vi", "Vietnamese"},   {"th", "Thai"},
        {"id", "Indonesian"},  {"uk", "Ukrainian"},   {"cs", "Czech"},        {"sv", "Swedish"},
        {"fa", "Persian"},     {"farsi", "Persian"},  {"he", "Hebrew"},       {"el", "Greek"},
        {"ro", "Romanian"},    {"hu", "Hungarian"},   {"da", "Danish"},       {"fi", "Finnish"},
        {"no", "Norwegian"},   {"ms", "Malay"},       {"bn", "Bengali"},      {"ta", "Tamil"},
        /* the rest of ISO 639-1 the cards name (a code unknown here was
         * looked for as a word and excluded every card naming the language) */
        {"af", "Afrikaans"},   {"am", "Amharic"},     {"as", "Assamese"},     {"az", "Azerbaijani"},
        {"ba", "Bashkir"},     {"be", "Belarusian"},  {"bg", "Bulgarian"},    {"bs", "Bosnian"},
        {"ca", "Catalan"},     {"cy", "Welsh"},       {"et", "Estonian"},     {"eu", "Basque"},
        {"fo", "Faroese"},     {"ga", "Irish"},       {"gl", "Galician"},     {"gu", "Gujarati"},
        {"ha", "Hausa"},       {"hr", "Croatian"},    {"ht", "Haitian"},      {"hy", "Armenian"},
        {"is", "Icelandic"},   {"jv", "Javanese"},    {"ka", "Georgian"},     {"kk", "Kazakh"},
        {"km", "Khmer"},       {"kn", "Kannada"},     {"lb", "Luxembourgish"}, {"li", "Limburgish"},
        {"lo", "Lao"},         {"lt", "Lithuanian"},  {"lv", "Latvian"},      {"mk", "Macedonian"},
        {"ml", "Malayalam"},   {"mr", "Marathi"},     {"mt", "Maltese"},      {"my", "Burmese"},
        {"nb", "Norwegian Bokmål"}, {"ne", "Nepali"}, {"nn", "Norwegian Nynorsk"}, {"oc", "Occitan"},
        {"or", "Oriya"},       {"pa", "Punjabi"},     {"sc", "Sardinian"},    {"sd", "Sindhi"},
        {"si", "Sinhala"},     {"sk", "Slovak"},      {"sl", "Slovenian"},    {"sq", "Albanian"},
        {"sr", "Serbian"},     {"su", "Sundanese"},   {"sw", "Swahili"},      {"te", "Telugu"},
        {"tg", "Tajik"},       {"tl", "Tagalog"},     {"tt", "Tatar"},        {"ur", "Urdu"},
        {"uz", "Uzbek"},       {"yi", "Yiddish"},
        /* other names of the same language */
        {"fil", "Tagalog"},    {"filipino", "Tagalog"}, {"odia", "Oriya"},    {"bangla", "Bengali"},
        {"azeri", "Azerbaijani"}, {"haitian creole", "Haitian"}, {"sinhalese", "Sinhala"},
        {"bokmål", "Norwegian Bokmål"}, {"nynorsk", "Norwegian Nynorsk"},
        /* regional tags */
        {"en-us", "English"},  {"en-gb", "English"},  {"zh-hans", "Chinese"}, {"zh-hant", "Chinese"},
        {"pt-br", "Portuguese"}, {"pt-pt", "Portuguese"}, {"es-mx", "Spanish"}, {"fr-ca", "French"},
        /* ISO 639-2/3 codes (bibliographic and terminology) */
        {"eng", "English"},    {"zho", "Chinese"},    {"chi", "Chinese"},     {"cmn", "Chinese"},
        {"fra", "French"},     {"fre", "French"},     {"deu", "German"},      {"ger", "German"},
        {"spa", "Spanish"},    {"jpn", "Japanese"},   {"kor", "Korean"},      {"por", "Portuguese"},
        {"ita", "Italian"},    {"rus", "Russian"},    {"ara", "Arabic"},      {"hin", "Hindi"},
        {"nld", "Dutch"},      {"dut", "Dutch"},      {"pol", "Polish"},      {"tur", "Turkish"},
        {"vie", "Vietnamese"}, {"tha", "Thai"},       {"ind", "Indonesian"},  {"ukr", "Ukrainian"},
        {"ces", "Czech"},      {"cze", "Czech"},      {"swe", "Swedish"},     {"fas", "Persian"},
        {"per", "Persian"},    {"heb", "Hebrew"},     {"ell", "Greek"},       {"gre", "Greek"},
        {"ron", "Romanian"},   {"rum", "Romanian"},   {"hun", "Hungarian"},   {"dan", "Danish"},
        {"fin", "Finnish"},    {"nor", "Norwegian"},  {"msa", "Malay"},       {"may", "Malay"},
        {"ben", "Bengali"},    {"tam", "Tamil"},
        /* the languages' own names (a stakeholder types "Deutsch"), with and without accents */
        {"deutsch", "German"}, {"français", "French"}, {"francais", "French"}, {"español", "Spanish"},
        {"espanol", "Spanish"}, {"castellano", "Spanish"}, {"italiano", "Italian"},
        {"português", "Portuguese"}, {"portugues", "Portuguese"}, {"nederlands", "Dutch"},
        {"polski", "Polish"},  {"türkçe", "Turkish"}, {"turkce", "Turkish"}, {"tiếng việt", "Vietnamese"},
        {"tieng viet", "Vietnamese"}, {"bahasa indonesia", "Indonesian"}, {"bahasa melayu", "Malay"},
        {"čeština", "Czech"},  {"cestina", "Czech"},  {"svenska", "Swedish"}, {"română", "Romanian"},
        {"romana", "Romanian"}, {"magyar", "Hungarian"}, {"dansk", "Danish"}, {"suomi", "Finnish"},
        {"norsk", "Norwegian"}, {"русский", "Russian"}, {"українська", "Ukrainian"}, {"ελληνικά", "Greek"},
        {"עברית", "Hebrew"},   {"العربية", "Arabic"}, {"فارسی", "Persian"},  {"हिन्दी", "Hindi"},
        {"हिंदी", "Hindi"},     {"বাংলা", "Bengali"},  {"தமிழ்", "Tamil"},     {"ไทย", "Thai"},
        {"中文", "Chinese"},    {"汉语", "Chinese"},    {"普通话", "Chinese"},   {"日本語", "Japanese"},
        {"한국어", "Korean"},
    };
    for (size_t i = 0; i < sizeof alias / sizeof alias[0]; i++)
        if (strcasecmp(s, alias[i][0]) == 0) return alias[i][1];
    return s;
}

const char *rules_language_label(const char *asked, char *buf, size_t n)
{
    const char *name = language_name(asked ? asked : "");
    if (name != asked && strcasecmp(name, asked) != 0) snprintf(buf, n, "%s (%s)", name, asked);
    else snprintf(buf, n, "%s", asked ? asked : "");
    return buf;
}

/* Does `name` hold `word` as whole words ("Portuguese" in "Brazilian
 * Portuguese"), ignoring ASCII case?  Letters inside a word never match:
 * "is" (Icelandic) was found in "English", "sw" in "Swedish", "Java" in
 * "Javanese", each a card said to name a language it does not. */
static int has_words(const char *name, const char *word)
{
    size_t n = strlen(word);
    if (!n) return 0;
    for (const char *p = name; *p; p++) {
        if (strncasecmp(p, word, n) != 0) continue;
        int before = p == name || !(isalnum((unsigned char)p[-1]) || (unsigned char)p[-1] >= 0x80);
        int after = !p[n] || !(isalnum((unsigned char)p[n]) || (unsigned char)p[n] >= 0x80);
        if (before && after) return 1;
    }
    return 0;
}

int rules_language_fit(const char *listed, const char *asked)
{
    if (!listed || !*listed || strncasecmp(listed, "multilingual", 12) == 0 || !asked || !*asked) return -1;
    asked = language_name(asked);
    /* name by name, however long the list (a card naming 119 languages is
     * over 1,000 bytes: a copy of the cell cut the tail off) */
    int partial = 0;
    for (const char *p = listed; *p;) {
        size_t len = strcspn(p, "|");
        char name[128];
        const char *t = p;
        while (len && *t == ' ') t++, len--;
        snprintf(name, sizeof name, "%.*s", (int)(len < sizeof name ? len : sizeof name - 1), t);
        const char *known = language_name(name); /* a card's "Farsi" is Persian too */
        if (strcasecmp(name, "others") == 0) partial = 1;
        else if (*name && (has_words(asked, known) || has_words(known, asked))) return 1;
        p = t + len;
        if (*p == '|') p++;
    }
    return partial ? -1 : 0;
}

static const char *text_of(const ld_catalog *cat, size_t row, const char *id)
{
    int c = catalog_col_index(cat, id);
    return c >= 0 ? catalog_text(cat, row, (size_t)c) : "";
}

static double num_of(const ld_catalog *cat, size_t row, const char *id)
{
    int c = catalog_col_index(cat, id);
    return c >= 0 ? catalog_num(cat, row, (size_t)c) : NAN;
}

static int yes(const char *s)
{
    return !strcasecmp(s, "yes") || !strcasecmp(s, "true") || !strcmp(s, "1");
}

/* The licence check alone: 1 when the row's commercial_use satisfies it. */
static int licence_ok(const char *com, ld_licence l)
{
    if (l == LD_LICENCE_ANY) return 1;
    if (yes(com)) return 1;
    return l == LD_LICENCE_COMMERCIAL && !strcasecmp(com, "restricted");
}

const char *rules_commercial_word(const char *cell)
{
    return cell && !strcasecmp(cell, "restricted") ? "with conditions" : cell;
}

size_t rules_violations(const ld_catalog *cat, size_t row, const ld_requirements *req,
                        ld_violation out[LD_MAX_VIOLATIONS])
{
    size_t n = 0;
    char a[48], b[48];
    if (catalog_col_index(cat, "open_weights") >= 0 && !yes(text_of(cat, row, "open_weights"))) {
        snprintf(out[n].requirement, sizeof out[n].requirement, "open weights");
        snprintf(out[n++].detail, sizeof out->detail, "its weights are not published");
    }
    double ctx = num_of(cat, row, "context_length");
    units_format_grouped(req->context_length, b, sizeof b);
    if (isnan(ctx) || ctx < req->context_length) {
        snprintf(out[n].requirement, sizeof out[n].requirement, "context");
        if (isnan(ctx)) snprintf(out[n++].detail, sizeof out->detail, "context length unknown; %s needed", b);
        else {
            units_format_grouped(ctx, a, sizeof a);
            snprintf(out[n++].detail, sizeof out->detail, "reads %s tokens; %s needed", a, b);
        }
    }
    const char *com = text_of(cat, row, "commercial_use");
    if (!licence_ok(com, req->licence)) {
        snprintf(out[n].requirement, sizeof out[n].requirement, "licence");
        /* "commercial use only with conditions (Llama 2 Community)", "no
         * commercial use (...)": the words recommend's tables use */
        const char *lic = *text_of(cat, row, "license") ? text_of(cat, row, "license") : "licence unknown";
        const char *need = req->licence == LD_LICENCE_UNRESTRICTED ? "unrestricted commercial use" : "commercial use";
        if (!strcasecmp(com, "restricted"))
            snprintf(out[n++].detail, sizeof out->detail, "commercial use only with conditions (%.120s); %s needed",
                     lic, need);
        else if (!strcasecmp(com, "no"))
            snprintf(out[n++].detail, sizeof out->detail, "no commercial use (%.120s); %s needed", lic, need);
        else
            snprintf(out[n++].detail, sizeof out->detail, "commercial use %.40s (%.120s); %s needed",
                     *com ? com : "unknown", lic, need);
    }
    if (req->fits && req->fits[row] != 1) { /* recommend --gpu */
        snprintf(out[n].requirement, sizeof out[n].requirement, "hardware");
        snprintf(out[n++].detail, sizeof out->detail, "%s %.200s", req->fits[row] == 0 ? "does not fit on" :
                 "cannot be sized (no architecture) for", req->hardware);
    }
    if (rules_language_fit(text_of(cat, row, "languages"), req->language) == 0) {
        snprintf(out[n].requirement, sizeof out[n].requirement, "language");
        const char *langs = text_of(cat, row, "languages");
        size_t names = 1;
        for (const char *p = langs; *p; p++) names += *p == '|';
        if (strlen(langs) <= 150)
            snprintf(out[n++].detail, sizeof out->detail, "its card lists %s, not %.60s", langs, req->language);
        else /* a long list is counted, not cut in the middle of a name */
            snprintf(out[n++].detail, sizeof out->detail, "its card lists %zu languages, not %.60s", names,
                     req->language);
    }
    return n;
}

void rules_no_fit_reason(const ld_catalog *cat, const ld_requirements *req, char *buf, size_t n)
{
    size_t rows = catalog_rows(cat);
    long longest = -1, closest = -1;
    size_t open = 0, fit_ctx = 0, fit_lic = 0, fit_lang = 0, best_k = LD_MAX_VIOLATIONS + 1;
    ld_violation v[LD_MAX_VIOLATIONS], best[LD_MAX_VIOLATIONS];
    for (size_t r = 0; r < rows; r++) {
        if (catalog_col_index(cat, "open_weights") >= 0 && !yes(text_of(cat, r, "open_weights"))) continue;
        open++;
        double c = num_of(cat, r, "context_length");
        if (!isnan(c) && (longest < 0 || c > num_of(cat, (size_t)longest, "context_length"))) longest = (long)r;
        fit_ctx += !isnan(c) && c >= req->context_length;
        fit_lic += licence_ok(text_of(cat, r, "commercial_use"), req->licence);
        fit_lang += rules_language_fit(text_of(cat, r, "languages"), req->language) != 0;
        size_t k = rules_violations(cat, r, req, v);
        if (k < best_k) {
            best_k = k;
            closest = (long)r;
            memcpy(best, v, sizeof v);
        }
    }
    char a[48], b[48];
    units_format_grouped(req->context_length, b, sizeof b);
    if (!open) {
        snprintf(buf, n, "the catalogue has no open-weight model");
    } else if (!fit_ctx) {
        units_format_grouped(longest >= 0 ? num_of(cat, (size_t)longest, "context_length") : NAN, a, sizeof a);
        snprintf(buf, n, "no open model reads %s tokens; the longest is %s (%s)", b,
                 longest >= 0 ? catalog_text(cat, (size_t)longest, catalog_key_col(cat)) : "unknown", a);
    } else if (!fit_lic) {
        snprintf(buf, n, "no open model allows %s", req->licence == LD_LICENCE_UNRESTRICTED
                                                      ? "unrestricted commercial use" : "commercial use");
    } else if (!fit_lang) {
        snprintf(buf, n, "no open model lists %s among its languages", req->language);
    } else if (closest >= 0) {
        int k = snprintf(buf, n, "no open model meets every requirement together; the closest is %s, which breaks ",
                         catalog_text(cat, (size_t)closest, catalog_key_col(cat)));
        for (size_t i = 0; i < best_k && k > 0 && (size_t)k < n; i++)
            k += snprintf(buf + k, n - (size_t)k, "%s%s (%s)", i ? "; " : "", best[i].requirement, best[i].detail);
    }
}
