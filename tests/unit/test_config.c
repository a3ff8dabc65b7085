/* test_config.c - saved settings are never lost (src/tui/config.c): a file
 * that cannot be read is not replaced, every set-aside copy is kept, a
 * link stays a link, and a second instance's changes survive a save. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "testutil.h"
#include "tui/config.c"

static char dir[256];

static void path_of(char *buf, size_t n, const char *name) { snprintf(buf, n, "%s/%s", dir, name); }

static void write_file(const char *name, const char *text)
{
    char p[512];
    path_of(p, sizeof p, name);
    FILE *f = fopen(p, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static char *read_file(const char *name)
{
    char p[512];
    path_of(p, sizeof p, name);
    size_t len;
    return slurp(p, &len);
}

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/llmdeck-config-test-%ld", (long)getpid());
    return mkdir(dir, 0700);
}

static int teardown(void **state)
{
    (void)state;
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd);
}

/* Another instance saved a section meanwhile: both changes are kept. */
static void test_second_instance_kept(void **state)
{
    (void)state;
    char p[512], warn[600];
    path_of(p, sizeof p, "two.json");
    write_file("two.json", "{\"theme\": \"light\"}");
    ld_config *a = config_open(p, warn, sizeof warn);
    assert_non_null(a);
    config_set_string(a, "table.current", "missing", "zero");
    /* the other instance changes the theme and saves first */
    write_file("two.json", "{\"theme\": \"mono\", \"cost\": {\"tokens\": 5}}");
    assert_int_equal(config_save(a, warn, sizeof warn), 0);
    char *text = read_file("two.json");
    assert_non_null(strstr(text, "\"mono\""));          /* theirs */
    assert_non_null(strstr(text, "\"tokens\""));        /* theirs */
    assert_non_null(strstr(text, "\"table.current\"")); /* ours */
    free(text);
    config_free(a);
}

/* A settings file that exists but cannot be read is never replaced. */
static void test_unreadable_not_replaced(void **state)
{
    (void)state;
    char p[512], warn[600];
    path_of(p, sizeof p, "big.json");
    FILE *f = fopen(p, "w");
    assert_non_null(f);
    for (int i = 0; i < 17 * 1024; i++) fputs("{\"x\": \"                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                        \"}\n", f);
    fclose(f);
    struct stat before, after;
    assert_int_equal(stat(p, &before), 0);
    assert_true(before.st_size > 16 * 1024 * 1024);
    ld_config *c = config_open(p, warn, sizeof warn);
    assert_non_null(strstr(warn, "nothing will be saved over it"));
    config_set_string(c, NULL, "theme", "light");
    assert_int_equal(config_save(c, warn, sizeof warn), -1);
    assert_non_null(strstr(warn, "could not be read"));
    assert_int_equal(stat(p, &after), 0);
    assert_int_equal(after.st_size, before.st_size);
    config_free(c);
}

/* Two corrupt files set aside in the same second: both copies are kept. */
static void test_corrupt_copies_kept(void **state)
{
    (void)state;
    char p[512], warn[600];
    path_of(p, sizeof p, "bad.json");
    for (int i = 0; i < 2; i++) {
        write_file("bad.json", i ? "{second" : "{first");
        ld_config *c = config_open(p, warn, sizeof warn);
        assert_non_null(strstr(warn, "moved aside"));
        config_free(c);
    }
    char cmd[600];
    snprintf(cmd, sizeof cmd, "test $(ls '%s' | grep -c '^bad.json.corrupt-') -eq 2", dir);
    assert_int_equal(system(cmd), 0);
}

/* A linked settings file is written through: the link stays a link. */
static void test_link_kept(void **state)
{
    (void)state;
    char p[512], real[512], warn[600];
    path_of(p, sizeof p, "link.json");
    path_of(real, sizeof real, "real.json");
    write_file("real.json", "{}");
    assert_int_equal(symlink(real, p), 0);
    ld_config *c = config_open(p, warn, sizeof warn);
    config_set_string(c, NULL, "theme", "light");
    assert_int_equal(config_save(c, warn, sizeof warn), 0);
    struct stat st;
    assert_int_equal(lstat(p, &st), 0);
    assert_true(S_ISLNK(st.st_mode));
    char *text = read_file("real.json");
    assert_non_null(strstr(text, "\"light\""));
    free(text);
    config_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_second_instance_kept),
        cmocka_unit_test(test_unreadable_not_replaced),
        cmocka_unit_test(test_corrupt_copies_kept),
        cmocka_unit_test(test_link_kept),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
