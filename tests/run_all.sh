#!/bin/sh
# run_all.sh BUILD_DIR : runs every test suite and ends with "N passed, N failed".
# Each suite prints TAP lines ("ok ..." / "not ok ..."); this script counts them.
# LLMDECK_VALGRIND=1 runs the unit tests and the CLI under valgrind.
B=${1:-build}
LOG=$B/test.log
mkdir -p "$B"; : > "$LOG"
# A pinned environment: the tests compare text, so locale and time must not vary.
export LANG=C.UTF-8 LC_ALL=C.UTF-8 TZ=UTC
HOME=$(mktemp -d); export HOME
unset XDG_CONFIG_HOME XDG_DATA_HOME XDG_CACHE_HOME XDG_STATE_HOME NO_COLOR LLMDECK_DATA
export LLMDECK_BIN="$PWD/$B/llmdeck"
export CMOCKA_MESSAGE_OUTPUT=TAP
VG=""
if [ -n "$LLMDECK_VALGRIND" ]; then
  VG="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect,possible"
  export LLMDECK_WRAP="$VG"
fi
for t in "$B"/tests/test_*; do
  [ -x "$t" ] || continue
  echo "# $t" >> "$LOG"
  $VG "$t" > "$B/one.log" 2>&1
  rc=$?
  cat "$B/one.log" >> "$LOG"
  # A crash or a valgrind error after the TAP lines must still count as a failure.
  if [ $rc -ne 0 ] && ! grep -q '^not ok' "$B/one.log"; then
    echo "not ok - $(basename "$t") exited with status $rc" >> "$LOG"
  fi
done
for suite in tests/layers.sh tests/cli/run.sh tests/tui/run.sh; do
  [ -f "$suite" ] || continue
  echo "# $suite" >> "$LOG"
  sh "$suite" >> "$LOG" 2>&1 || true
done
# A skipped test is counted as skipped, never as passed: cmocka's TAP
# writes one as "not ok N # SKIP", the shell suites as "ok - NAME # SKIP".
passed=$(grep '^ok ' "$LOG" | grep -vc '# SKIP')
skipped=$(grep -c '^\(not \)\{0,1\}ok .*# SKIP' "$LOG")
failed=$(grep '^not ok ' "$LOG" | grep -vc '# SKIP')
grep '^not ok ' "$LOG" | grep -v '# SKIP' | head -50
grep '# SKIP' "$LOG" | head -10
rm -rf "$HOME"
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
