#!/bin/sh
# tests/fuzz/run.sh SECONDS [NAME...] : builds every libFuzzer harness
# (tests/fuzz/fuzz_NAME.c) with clang -fsanitize=fuzzer,address,undefined
# against the core sources into build-fuzz/, replays the kept regressions
# (tests/fuzz/regressions/NAME/), then fuzzes each harness for SECONDS from
# its seed corpus (tests/fuzz/corpus/NAME/), one at a time.  Prints TAP lines:
#   ok - fuzz NAME: N execs in S s
#   not ok - fuzz NAME: crash (build-fuzz/artifacts/NAME/crash-...)
# Without clang or its fuzzer runtime every harness is reported as skipped.
#
#   FUZZ_BUILD=DIR     build directory (default build-fuzz)
#   FUZZ_RUNS=N        also stop a harness after N executions (-runs), whichever
#                      comes first: FUZZ_RUNS=2000000 sh tests/fuzz/run.sh 600
#   FUZZ_MAX_LEN=N     longest generated input (default 8192 bytes)
#   FUZZ_FLAGS=...     extra libFuzzer flags
#   FUZZ_CFLAGS=...    extra compiler flags (e.g. -fno-sanitize=float-cast-overflow
#                      to fuzz past a known finding)
# A crasher is kept in build-fuzz/artifacts/NAME/; after fixing it, copy it to
# tests/fuzz/regressions/NAME/ so test_regressions and this script replay it.
SECONDS_EACH=${1:-60}
[ $# -gt 0 ] && shift
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
cd "$top" || exit 1
B=${FUZZ_BUILD:-build-fuzz}
CC_FUZZ=${CC_FUZZ:-clang}

names=$*
if [ -z "$names" ]; then
  for f in tests/fuzz/fuzz_*.c; do
    n=$(basename "$f" .c); names="$names ${n#fuzz_}"
  done
fi

skip_all() {
  for n in $names; do echo "ok - fuzz $n # SKIP $1"; done
  exit 0
}

command -v "$CC_FUZZ" >/dev/null 2>&1 || skip_all "$CC_FUZZ not found (install clang)"
mkdir -p "$B/core" "$B/embed" "$B/artifacts" || exit 1
# The fuzzer runtime (libclang-rt-*-dev on Debian) is a separate package.
printf '#include <stddef.h>\n#include <stdint.h>\nint LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { (void)d; (void)n; return 0; }\n' > "$B/probe.c"
if ! "$CC_FUZZ" -fsanitize=fuzzer,address,undefined "$B/probe.c" -o "$B/probe" > "$B/probe.log" 2>&1; then
  skip_all "$CC_FUZZ cannot link -fsanitize=fuzzer,address,undefined (install libclang-rt-dev): $(head -1 "$B/probe.log")"
fi

CFLAGS_FUZZ="-std=c11 -D_GNU_SOURCE -Iinclude -Isrc -g -O1 -fno-omit-frame-pointer \
  -fsanitize=address,undefined -fno-sanitize-recover=all \
  $(pkg-config --cflags libcjson 2>/dev/null) $FUZZ_CFLAGS"
LIBS="$(pkg-config --libs libcjson 2>/dev/null || echo -lcjson) -lcsv -lm"

# --- build: core objects (instrumented for coverage), embedded data --------
echo "# building the core into $B"
objs=""
for src in src/core/*.c; do
  o="$B/core/$(basename "$src" .c).o"
  if ! "$CC_FUZZ" $CFLAGS_FUZZ -fsanitize=fuzzer-no-link -c "$src" -o "$o" 2> "$B/build.log"; then
    sed 's/^/#   /' "$B/build.log" | head -20
    for n in $names; do echo "not ok - fuzz $n: the core does not build ($src)"; done
    exit 1
  fi
  objs="$objs $o"
done
sh tests/gen_embed.sh "$B/embed" "$top" $(ls data/*.csv data/*.json themes/*.json 2>/dev/null | sort) || exit 1
"$CC_FUZZ" -c "$B/embed/embed.S" -o "$B/embed/embed.o" || exit 1
"$CC_FUZZ" $CFLAGS_FUZZ -c "$B/embed/embed_index.c" -o "$B/embed/embed_index.o" || exit 1
objs="$objs $B/embed/embed.o $B/embed/embed_index.o"

status=0
for n in $names; do
  h=tests/fuzz/fuzz_$n.c
  if [ ! -f "$h" ]; then echo "not ok - fuzz $n: no $h"; status=1; continue; fi
  # A harness may need sources outside the core ("EXTRA: src/tui/keyspec.c")
  extra=$(sed -n 's/.*EXTRA: *\([^ *]*\).*/\1/p' "$h")
  missing=""
  for e in $extra; do [ -f "$e" ] || missing="$missing $e"; done
  if [ -n "$missing" ]; then echo "ok - fuzz $n # SKIP$missing not present yet"; continue; fi
  # and libraries ("LINK: ncursesw": a pkg-config name).
  link=""
  for l in $(sed -n 's/.*LINK: *\([^ *]*\).*/\1/p' "$h"); do
    link="$link $(pkg-config --cflags --libs "$l" 2>/dev/null || echo "-l$l")"
  done
  bin="$B/fuzz_$n"
  if ! "$CC_FUZZ" $CFLAGS_FUZZ -fsanitize=fuzzer -o "$bin" "$h" $extra $objs $link $LIBS 2> "$B/build.log"; then
    sed 's/^/#   /' "$B/build.log" | head -20
    echo "not ok - fuzz $n: does not build"; status=1; continue
  fi
  art="$B/artifacts/$n"; work="$B/corpus/$n"
  mkdir -p "$art" "$work"
  # Replay the kept crashers first: each must now pass.
  reg=tests/fuzz/regressions/$n
  if [ -d "$reg" ] && [ -n "$(ls "$reg" 2>/dev/null)" ]; then
    if ! "$bin" -runs=1 "$reg"/* > "$B/$n.replay.log" 2>&1; then
      echo "not ok - fuzz $n: a kept regression fails again"
      grep -m3 'ERROR\|runtime error\|Running:' "$B/$n.replay.log" | sed 's/^/#   /'
      status=1; continue
    fi
  fi
  # and a dictionary: "DICT: json.dict" (a file in tests/fuzz/).
  d=$(sed -n 's/.*DICT: *\([^ *]*\).*/\1/p' "$h" | head -1)
  dict=""; [ -n "$d" ] && [ -f "tests/fuzz/$d" ] && dict="-dict=tests/fuzz/$d"
  limit="-max_total_time=$SECONDS_EACH"; [ -n "$FUZZ_RUNS" ] && limit="$limit -runs=$FUZZ_RUNS"
  start=$(date +%s)
  "$bin" $limit -max_len=${FUZZ_MAX_LEN:-8192} -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$art/" $dict $FUZZ_FLAGS "$work" "tests/fuzz/corpus/$n" > "$B/$n.log" 2>&1
  rc=$?
  took=$(( $(date +%s) - start ))
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$B/$n.log" | tail -1)
  if [ $rc -eq 0 ]; then
    echo "ok - fuzz $n: ${execs:-?} execs in ${took} s"
  else
    found=$(ls -t "$art" 2>/dev/null | head -1)
    why=$(grep -m1 'ERROR: \|runtime error:\|ALARM\|out-of-memory' "$B/$n.log")
    echo "not ok - fuzz $n: ${why:-exit status $rc} ($art/$found, log $B/$n.log)"
    status=1
  fi
done
exit $status
