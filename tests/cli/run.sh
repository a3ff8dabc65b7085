#!/bin/sh
# Golden-file tests of the subcommands.  For each tests/cli/cases/NAME.cmd:
#   NAME.cmd     the arguments to llmdeck, one line, shell-quoted
#                ($SHARED expands to ../shared/data, $CASES to tests/cli/cases;
#                $CASES in the output is written back as the literal '$CASES')
#   NAME.out     expected stdout, byte for byte (omit to not compare)
#   NAME.status  expected exit status (default 0)
#   NAME.err     a text expected somewhere in stderr (optional)
# Cases that mention $SHARED are skipped (with a reason) when it is absent.
#   NAME.current the case runs on the shipped data (default: the frozen test
#                catalogue tests/fixtures/catalog-2026-11, via LLMDECK_DATA)
# Set LLMDECK_BLESS=1 to (re)write the .out files from the current output.
here=$(cd "$(dirname "$0")" && pwd)
CASES=$here/cases
SHARED=$(cd "$here/../../.." 2>/dev/null && pwd)/shared/data
BIN=${LLMDECK_BIN:-$here/../../build/llmdeck}
FIXTURE=$(cd "$here/../fixtures/catalog-2026-11" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for cmd in "$CASES"/*.cmd; do
  [ -f "$cmd" ] || continue
  name=$(basename "$cmd" .cmd)
  args=$(cat "$cmd")
  case "$args" in *'$SHARED'*)
    if [ ! -d "$SHARED" ]; then echo "ok - cli $name # SKIP ../shared/data not present"; continue; fi;;
  esac
  want_status=0
  [ -f "$CASES/$name.status" ] && want_status=$(cat "$CASES/$name.status")
  if [ -f "$CASES/$name.current" ]; then fixture=""; else fixture=$FIXTURE; fi
  ( cd "$tmp" && LLMDECK_DATA=$fixture && export LLMDECK_DATA &&
    eval "$LLMDECK_WRAP \"\$BIN\" $args" ) > "$tmp/out" 2> "$tmp/err" < /dev/null
  status=$?
  # paths under this folder print as $CASES, so goldens don't depend on the checkout
 sed -e "s|$CASES|\$CASES|g" -e "s|$FIXTURE|\$FIXTURE|g" "$tmp/out" > "$tmp/out.n" && mv "$tmp/out.n" "$tmp/out"
  why=""
  [ "$status" = "$want_status" ] || why="exit status $status, expected $want_status"
  if [ -n "$LLMDECK_BLESS" ] && [ -z "$why" ]; then cp "$tmp/out" "$CASES/$name.out"; fi
  if [ -z "$why" ] && [ -f "$CASES/$name.out" ] && ! cmp -s "$tmp/out" "$CASES/$name.out"; then
    why="stdout differs from $name.out"
    diff "$CASES/$name.out" "$tmp/out" | head -20 | sed 's/^/#   /'
  fi
  if [ -z "$why" ] && [ -f "$CASES/$name.err" ] && ! grep -qF -- "$(cat "$CASES/$name.err")" "$tmp/err"; then
    why="stderr lacks '$(cat "$CASES/$name.err")'"
  fi
  if [ -z "$why" ] && grep -q "$(printf '\033')" "$tmp/out" "$tmp/err"; then
    why="an ESC byte reached the output"
  fi
  if [ -z "$why" ] && grep -qi 'AddressSanitizer\|runtime error:\|== ERROR SUMMARY: [1-9]' "$tmp/err"; then
    why="sanitizer or valgrind report on stderr"
  fi
  if [ -n "$why" ]; then
    echo "not ok - cli $name: $why"
    sed 's/^/#   stderr: /' "$tmp/err" | head -5
  else
    echo "ok - cli $name"
  fi
done
