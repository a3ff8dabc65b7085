# llmdeck - build, run, test, install.
#
#   make run    install missing build dependencies, build, start the TUI
#   make test   the same set-up, then every test; ends with "N passed, N failed, N skipped"
#
# Respects CC, CFLAGS, LDFLAGS, PREFIX, DESTDIR.

CC      ?= cc
PREFIX  ?= /usr/local
BUILD   ?= build
PKG_CONFIG ?= pkg-config

# WERROR=0 for packagers: warnings stay warnings (CI keeps them errors)
WERROR  ?= 1
WARN     = -Wall -Wextra $(if $(filter 0,$(WERROR)),,-Werror) -Wshadow -Wstrict-prototypes -Wno-missing-field-initializers
CFLAGS  ?= -O2 -g
ALL_CFLAGS = -std=c11 -D_GNU_SOURCE $(WARN) -Iinclude -Isrc \
             $(shell $(PKG_CONFIG) --cflags ncursesw libcjson 2>/dev/null) $(CFLAGS)
CORE_LIBS  = $(shell $(PKG_CONFIG) --libs libcjson 2>/dev/null || echo -lcjson) -lcsv -lm -pthread
TUI_LIBS   = $(shell $(PKG_CONFIG) --libs ncursesw 2>/dev/null || echo -lncursesw)
TEST_LIBS  = $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null || echo -lcmocka)

CORE_SRC = $(sort $(wildcard src/core/*.c))
TUI_SRC  = $(sort $(wildcard src/tui/*.c))
CLI_SRC  = $(sort $(wildcard src/cli/*.c))
# shared by the TUI and the CLI, owned by neither (the load progress bar)
FRONT_SRC = $(sort $(wildcard src/front/*.c))
CORE_OBJ = $(CORE_SRC:%.c=$(BUILD)/%.o) $(BUILD)/embed/embed.o $(BUILD)/embed/embed_index.o
APP_OBJ  = $(TUI_SRC:%.c=$(BUILD)/%.o) $(CLI_SRC:%.c=$(BUILD)/%.o) $(FRONT_SRC:%.c=$(BUILD)/%.o)
EMBED_FILES = $(sort $(wildcard data/*.csv data/*.json themes/*.json))
UNIT_SRC = $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)

.PHONY: all run test deps check-asan check-tsan check-valgrind fuzz bench install uninstall clean

all: $(BUILD)/llmdeck

# --- dependencies -------------------------------------------------------------
deps:
	@sh tests/deps.sh

run: deps
	@$(MAKE) --no-print-directory all
	./$(BUILD)/llmdeck

test: deps
	@$(MAKE) --no-print-directory all tests
	@sh tests/run_all.sh $(BUILD)

tests: $(UNIT_BIN)

# --- build --------------------------------------------------------------------
$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

# Embedded data: every data/ and themes/ file is assembled into the binary with
# .incbin, and an index (name, start, size) is generated beside it.
# One rule makes both files: under make -j a rule with two targets would run
# twice at once and the runs would trip over each other's temporary files.
$(BUILD)/embed/embed.S: $(EMBED_FILES) tests/gen_embed.sh
	@mkdir -p $(BUILD)/embed
	sh tests/gen_embed.sh $(BUILD)/embed $(CURDIR) $(EMBED_FILES)
$(BUILD)/embed/embed_index.c: $(BUILD)/embed/embed.S
	@if test -f $@; then touch $@; else sh tests/gen_embed.sh $(BUILD)/embed $(CURDIR) $(EMBED_FILES); fi

# .incbin reads the files when this is assembled: it depends on them too
$(BUILD)/embed/embed.o: $(BUILD)/embed/embed.S $(EMBED_FILES)
	$(CC) -c $< -o $@

$(BUILD)/embed/embed_index.o: $(BUILD)/embed/embed_index.c
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(BUILD)/libllmdeck.a: $(CORE_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/llmdeck: $(APP_OBJ) $(BUILD)/libllmdeck.a
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $(APP_OBJ) $(BUILD)/libllmdeck.a $(TUI_LIBS) $(CORE_LIBS)

UNIT_HEADERS = $(wildcard tests/unit/*.h)
$(BUILD)/tests/%: tests/unit/%.c $(UNIT_HEADERS) $(BUILD)/libllmdeck.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Itests/unit $(LDFLAGS) -o $@ $< $(BUILD)/libllmdeck.a $(TEST_LIBS) $(CORE_LIBS)

# test_keyspec also needs the TUI's key parser, which is curses-free on purpose
$(BUILD)/tests/test_keyspec: tests/unit/test_keyspec.c tests/unit/testutil.h src/tui/keyspec.c src/tui/keyspec.h $(BUILD)/libllmdeck.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Itests/unit $(LDFLAGS) -o $@ $< src/tui/keyspec.c $(BUILD)/libllmdeck.a $(TEST_LIBS) $(CORE_LIBS)

# test_lineedit: the line editor of the prompt and the wizard's fields, curses-free too
$(BUILD)/tests/test_lineedit: tests/unit/test_lineedit.c tests/unit/testutil.h src/tui/lineedit.c src/tui/lineedit.h $(BUILD)/libllmdeck.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Itests/unit $(LDFLAGS) -o $@ $< src/tui/lineedit.c $(BUILD)/libllmdeck.a $(TEST_LIBS) $(CORE_LIBS)

# test_table_logic (the table view's logic: sort, filter, marks, weights) and
# test_keys (the key model): with the TUI's objects but no screen, they never
# initialise curses
TUI_OBJ = $(TUI_SRC:%.c=$(BUILD)/%.o) $(FRONT_SRC:%.c=$(BUILD)/%.o)
$(BUILD)/tests/test_table_logic $(BUILD)/tests/test_keys: $(BUILD)/tests/%: tests/unit/%.c $(UNIT_HEADERS) $(TUI_OBJ) $(BUILD)/libllmdeck.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Itests/unit $(LDFLAGS) -o $@ $< $(TUI_OBJ) $(BUILD)/libllmdeck.a $(TEST_LIBS) $(TUI_LIBS) $(CORE_LIBS)

# --- checks -------------------------------------------------------------------
SAN = -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all
check-asan: deps
	@$(MAKE) --no-print-directory BUILD=build-asan CFLAGS="$(SAN)" LDFLAGS="$(SAN)" all tests
	@ASAN_OPTIONS=detect_leaks=1 sh tests/run_all.sh build-asan

# The two-thread load, export, scores and sort, and the TUI's sort and filter jobs, under
# ThreadSanitizer (clang).
TSAN_TESTS = test_csvload_threads test_csvrows test_frontier test_recpipe test_score test_view test_viewjob test_worker
check-tsan: deps
	@$(MAKE) --no-print-directory BUILD=build-tsan CC=clang CFLAGS="-O1 -g -fsanitize=thread" \
	  LDFLAGS="-fsanitize=thread" $(TSAN_TESTS:%=build-tsan/tests/%)
	@for t in $(TSAN_TESTS); do TSAN_OPTIONS=halt_on_error=1 build-tsan/tests/$$t || exit 1; done

check-valgrind: deps
	@$(MAKE) --no-print-directory BUILD=build-vg CFLAGS="-O0 -g" all tests
	@LLMDECK_VALGRIND=1 sh tests/run_all.sh build-vg

FUZZ_SECONDS ?= 60
fuzz: deps
	@sh tests/fuzz/run.sh $(FUZZ_SECONDS)

bench: deps all
	@sh tests/bench/run.sh $(BUILD)

# --- install ------------------------------------------------------------------
install: all
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 $(BUILD)/llmdeck $(DESTDIR)$(PREFIX)/bin/llmdeck
	install -d $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 644 doc/llmdeck.1 $(DESTDIR)$(PREFIX)/share/man/man1/llmdeck.1

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/llmdeck $(DESTDIR)$(PREFIX)/share/man/man1/llmdeck.1

clean:
	rm -rf build build-*

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
