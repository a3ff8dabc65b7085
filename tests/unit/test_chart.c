/* test_chart.c - the trade-off chart (chart.h): its points, frontier, axis
 * scale, and the SVG it writes. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "hand_catalog.h"

#include "llmdeck/catalog.h"
#include "llmdeck/chart.h"
#include "llmdeck/csvload.h"
#include "llmdeck/dataset.h"

static void build_all(const ld_catalog *cat, const char *x, const char *y, ld_chart *ch)
{
    size_t n = catalog_rows(cat);
    uint32_t idx[64];
    assert_true(n <= 64);
    for (size_t i = 0; i < n; i++) idx[i] = (uint32_t)i;
    assert_int_equal(chart_build(cat, idx, n, catalog_col_index(cat, x), catalog_col_index(cat, y), ch), 0);
}

static int on(const ld_chart *ch, const ld_catalog *cat, const char *name)
{
    for (size_t i = 0; i < ch->n; i++)
        if (strcmp(catalog_text(cat, ch->pts[i].row, 0), name) == 0) return ch->pts[i].frontier;
    return -1; /* not a point */
}

/* Renders to memory; the caller frees. */
static char *svg(const ld_catalog *cat, const ld_chart *ch)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    const char *footer[] = {"Data: hand-made & tested"};
    assert_int_equal(chart_write_svg(f, cat, ch, "A <title>", footer, 1, LD_MISSING_SKIP), 0);
    fclose(f);
    return buf;
}

static size_t count(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *p = hay; (p = strstr(p, needle)); p += strlen(needle)) n++;
    return n;
}

static void test_points_and_frontier(void **state)
{
    (void)state;
    ld_catalog *cat = hand("model,cost,score\n"
                           "A,1,80\n"   /* on */
                           "B,0.5,60\n" /* on */
                           "C,0.6,50\n" /* off: B is cheaper and better */
                           "D,,90\n"    /* no cost: not a point */
                           "E,40,95\n"); /* on: the best */
    catalog_col(cat, 1)->higher_is_better = 0; /* a cost */
    ld_chart ch;
    build_all(cat, "cost", "score", &ch);
    assert_int_equal(ch.n, 4);
    assert_int_equal(ch.skipped, 1);
    assert_int_equal(on(&ch, cat, "A"), 1);
    assert_int_equal(on(&ch, cat, "B"), 1);
    assert_int_equal(on(&ch, cat, "C"), 0);
    assert_int_equal(on(&ch, cat, "D"), -1);
    assert_int_equal(on(&ch, cat, "E"), 1);
    assert_int_equal(ch.x_log, 1); /* 0.5 .. 40 spans a factor of 80 */
    chart_free(&ch);

    /* both axes "higher is better": the frontier flips to the top right */
    catalog_col(cat, 1)->higher_is_better = 1;
    build_all(cat, "cost", "score", &ch);
    assert_int_equal(on(&ch, cat, "E"), 1);
    assert_int_equal(on(&ch, cat, "A"), 0);
    assert_int_equal(on(&ch, cat, "B"), 0);
    chart_free(&ch);

    /* a y that is better low (a latency): the cheapest-and-lowest wins */
    catalog_col(cat, 1)->higher_is_better = 0;
    catalog_col(cat, 2)->higher_is_better = 0;
    build_all(cat, "cost", "score", &ch);
    assert_int_equal(on(&ch, cat, "B"), 1);
    assert_int_equal(on(&ch, cat, "C"), 1); /* dearer than B but lower: on */
    assert_int_equal(on(&ch, cat, "A"), 0); /* B is cheaper and lower */
    chart_free(&ch);
    catalog_free(cat);
}

static void test_linear_axis_and_one_point(void **state)
{
    (void)state;
    ld_catalog *cat = hand("model,cost,score\nA,2,50\nB,3,70\n");
    catalog_col(cat, 1)->higher_is_better = 0;
    ld_chart ch;
    build_all(cat, "cost", "score", &ch);
    assert_int_equal(ch.x_log, 0); /* 2 .. 3: linear */
    chart_free(&ch);
    ld_catalog *one = hand("model,cost,score\nOnly,2,50\n");
    build_all(one, "cost", "score", &ch);
    assert_int_equal(ch.n, 1);
    assert_int_equal(ch.pts[0].frontier, 1);
    char *s = svg(one, &ch);
    assert_non_null(strstr(s, ">Only</text>")); /* labelled */
    assert_null(strstr(s, "<polyline"));         /* no line through one point */
    assert_null(strstr(s, "nan"));
    assert_null(strstr(s, "inf"));
    free(s);
    chart_free(&ch);
    catalog_free(one);
    catalog_free(cat);
}

static void test_svg_content(void **state)
{
    (void)state;
    ld_catalog *cat = hand("model,cost,score\n"
                           "\"<b>&\"\"x\"\"\",1,80\n" /* markup in a name */
                           "\"bell\x07name\",0.5,60\n"  /* a control character */
                           "C,0.6,50\n");
    catalog_col(cat, 1)->higher_is_better = 0;
    ld_chart ch;
    build_all(cat, "cost", "score", &ch);
    char *s = svg(cat, &ch);
    assert_non_null(strstr(s, "&lt;b&gt;&amp;&quot;x&quot;"));
    assert_null(strstr(s, "<b>"));
    assert_null(strchr(s, '\x07'));
    assert_non_null(strstr(s, "bell\\x07name")); /* visible, not raw */
    assert_non_null(strstr(s, "A &lt;title&gt;"));
    assert_non_null(strstr(s, "Data: hand-made &amp; tested"));
    /* three points + two legend marks; the line through the two on it */
    assert_int_equal(count(s, "<circle"), 5);
    assert_int_equal(count(s, "<polyline"), 1);
    assert_non_null(strstr(s, "3 models, 2 on the frontier"));
    assert_non_null(strstr(s, "lower is better"));
    free(s);
    chart_free(&ch);
    catalog_free(cat);
}

static void test_labels_do_not_overlap(void **state)
{
    (void)state;
    /* twenty frontier points packed in a corner (one far point stretches
     * the axes): most labels cannot fit, and the footer says how many were
     * left out */
    char csv[4096] = "model,cost,score\nModel-number-far,100,99\n";
    for (int i = 0; i < 20; i++)
        snprintf(csv + strlen(csv), sizeof csv - strlen(csv), "Model-number-%02d,%g,%g\n", i, 1 + i * 0.001,
                 50 + i * 0.01);
    ld_catalog *cat = hand(csv);
    catalog_col(cat, 1)->higher_is_better = 0;
    ld_chart ch;
    build_all(cat, "cost", "score", &ch);
    size_t front = 0;
    for (size_t i = 0; i < ch.n; i++) front += ch.pts[i].frontier;
    assert_int_equal(front, 21);
    char *s = svg(cat, &ch);
    size_t labels = count(s, "\">Model-number-"); /* <text ...>, not <title> */
    assert_true(labels >= 2 && labels < 21);
    assert_non_null(strstr(s, ">Model-number-far</text>"));
    char want[80];
    snprintf(want, sizeof want, "%zu frontier labels left out for room", 21 - labels);
    assert_non_null(strstr(s, want));
    free(s);
    chart_free(&ch);
    catalog_free(cat);
}

static const char *group_of(const ld_chart *ch, const ld_catalog *cat, const char *name)
{
    for (size_t i = 0; i < ch->n; i++)
        if (strcmp(catalog_text(cat, ch->pts[i].row, 0), name) == 0) return ch->group_name[ch->group[i]];
    return NULL;
}

static void test_colour_groups(void **state)
{
    (void)state;
    /* nine families: the six most frequent (ties by name) get a colour,
     * the rest and the empty cell are "other"; "b" and "B" are one */
    ld_catalog *cat = hand("model,cost,score,family\n"
                           "a1,1,80,A\na2,2,70,A\na3,3,60,A\n"
                           "b1,1.5,75,B\nb2,2.5,65,b\n"
                           "h1,4,50,H\ng1,5,40,G\nf1,6,30,F\ne1,7,20,E\nd1,8,10,D\nc1,9,5,C\n"
                           "x1,10,99,\n"); /* on the frontier with a1 */
    catalog_col(cat, 1)->higher_is_better = 0;
    ld_chart ch;
    build_all(cat, "cost", "score", &ch);
    int fam = -1;
    assert_int_equal(chart_color_column(cat, "family", &fam), 0);
    assert_int_equal(fam, 3);
    int lic = 7;
    assert_int_equal(chart_color_column(cat, "license", &lic), -1); /* no such column */
    assert_int_equal(chart_color_column(cat, "none", &lic), 0);
    assert_int_equal(lic, -1);
    assert_int_equal(chart_color_column(cat, "red", &lic), -1);

    assert_int_equal(chart_group(cat, &ch, fam), 0);
    assert_int_equal(ch.ngroups, 7);
    assert_int_equal(ch.has_other, 1);
    assert_string_equal(ch.group_name[0], "A");
    assert_int_equal(ch.group_count[0], 3);
    assert_string_equal(ch.group_name[1], "B");
    assert_int_equal(ch.group_count[1], 2);
    assert_string_equal(ch.group_name[2], "C");
    assert_string_equal(ch.group_name[5], "F");
    assert_string_equal(ch.group_name[6], "other");
    assert_int_equal(ch.group_count[6], 3); /* G, H and the empty one */
    assert_string_equal(group_of(&ch, cat, "b2"), "B");
    assert_string_equal(group_of(&ch, cat, "g1"), "other");
    assert_string_equal(group_of(&ch, cat, "x1"), "other");
    assert_string_equal(group_of(&ch, cat, "c1"), "C");
    /* grouping again (the view's c) counts afresh */
    assert_int_equal(chart_group(cat, &ch, fam), 0);
    assert_int_equal(ch.group_count[6], 3);
    assert_int_equal(ch.group_count[0], 3);

    /* the SVG: a legend with counts, each group's colour, frontier still
     * filled (and ringed) and the others hollow */
    char *s = svg(cat, &ch);
    assert_non_null(strstr(s, ">other (3)</text>"));
    assert_non_null(strstr(s, ">A (3)</text>"));
    assert_non_null(strstr(s, "fill=\"#999999\"/>")); /* other's swatch */
    assert_non_null(strstr(s, "stroke=\"#333333\"")); /* the frontier line, not red */
    size_t front = 0;
    for (size_t i = 0; i < ch.n; i++) front += ch.pts[i].frontier;
    assert_int_equal(count(s, "r=\"4.5\""), front);
    assert_int_equal(count(s, "r=\"3\" fill=\"none\" stroke=\"#"), ch.n - front + 1); /* + the legend's */
    free(s);

    /* regrouping by nothing removes the colours; by a column with few
     * values leaves no "other" */
    assert_int_equal(chart_group(cat, &ch, -1), 0);
    assert_null(ch.group);
    assert_int_equal(ch.ngroups, 0);
    s = svg(cat, &ch);
    assert_null(strstr(s, "(3)</text>"));
    assert_non_null(strstr(s, "stroke=\"#c0392b\""));
    free(s);
    chart_free(&ch);
    catalog_free(cat);

    cat = hand("model,cost,score,family\nA,1,2,X\nB,2,1,Y\n");
    build_all(cat, "cost", "score", &ch);
    assert_int_equal(chart_group(cat, &ch, 3), 0);
    assert_int_equal(ch.ngroups, 2);
    assert_int_equal(ch.has_other, 0);
    chart_free(&ch);
    catalog_free(cat);
}

/* Beside a quality (or a value made of it), each point says how many
 * metrics it rests on, and under the seed's rule that the rest count as 0:
 * the article's Falcon-180B has 1 of 3 (its 0.235 is two zeros and MMLU). */
static void test_point_coverage(void **state)
{
    (void)state;
    ld_dataset ds;
    ld_error err;
    error_clear(&err);
    unsetenv("LLMDECK_DATA");
    assert_int_equal(dataset_open_kind(&ds, NULL, LD_DATASET_SEED, NULL, &err), 0);
    const ld_catalog *cat = ds.models;
    long falcon = catalog_find(cat, "Falcon-180B"), mistral = catalog_find(cat, "Mistral-7B");
    assert_true(falcon >= 0 && mistral >= 0);
    ld_chart ch;
    build_all(cat, "relative_cost", "quality", &ch);
    char buf[64];
    assert_true(chart_rests_on_quality(cat, &ch));
    assert_string_equal(chart_point_coverage(cat, &ch, (size_t)falcon, LD_MISSING_ZERO, buf, sizeof buf),
                        "1 of 3 metrics, the rest as 0");
    assert_string_equal(chart_point_coverage(cat, &ch, (size_t)falcon, LD_MISSING_SKIP, buf, sizeof buf), "1 of 3 metrics");
    assert_string_equal(chart_point_coverage(cat, &ch, (size_t)mistral, LD_MISSING_ZERO, buf, sizeof buf), "3 of 3 metrics");
    char *s = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&s, &len);
    assert_non_null(f);
    assert_int_equal(chart_write_svg(f, cat, &ch, "t", NULL, 0, LD_MISSING_ZERO), 0);
    fclose(f);
    assert_non_null(strstr(s, "Falcon-180B: 0.08, 0.234667 (quality from 1 of 3 metrics, the rest as 0)") ? s : NULL);
    free(s);
    chart_free(&ch);
    /* neither axis a quality: nothing to say */
    build_all(cat, "relative_cost", "mmlu", &ch);
    assert_false(chart_rests_on_quality(cat, &ch));
    assert_string_equal(chart_point_coverage(cat, &ch, (size_t)falcon, LD_MISSING_ZERO, buf, sizeof buf), "");
    chart_free(&ch);
    dataset_close(&ds);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_points_and_frontier),
        cmocka_unit_test(test_linear_axis_and_one_point),
        cmocka_unit_test(test_svg_content),
        cmocka_unit_test(test_labels_do_not_overlap),
        cmocka_unit_test(test_colour_groups),
        cmocka_unit_test(test_point_coverage),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
