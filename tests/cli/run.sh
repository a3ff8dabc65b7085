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

# Numbers never follow the locale: under a comma-decimal locale (built here
# with localedef into a temporary folder, found through LOCPATH) JSON keeps
# '.', "1.5B" parses, and the cost view still says 1B.
loc=$tmp/locales
if mkdir -p "$loc" && localedef -i de_DE -f UTF-8 "$loc/de_DE.UTF-8" >/dev/null 2>&1; then
  run_de() { ( cd "$tmp" && LOCPATH=$loc LC_ALL=de_DE.UTF-8 LLMDECK_DATA= "$BIN" "$@" ); }
  if run_de table --columns model,arena_score,relative_cost --format json --limit 3 > "$tmp/de.json" 2>&1 &&
     grep -q '"arena_score": 1464' "$tmp/de.json" && ! grep -Eq ': -?[0-9]+,[0-9]' "$tmp/de.json"; then
    echo "ok - cli locale de_DE: table JSON keeps '.'"
  else echo "not ok - cli locale de_DE: table JSON"; sed 's/^/#   /' "$tmp/de.json" | head -5; fi
  if run_de cost --tokens 1.5B --api-price 0.5/M --selfhost-monthly 1500 --format json > "$tmp/de.cost" 2>&1 &&
     grep -q '"tokens_per_month": 1500000000' "$tmp/de.cost" && grep -q '"api_input_per_1k": 0.0005' "$tmp/de.cost"; then
    echo "ok - cli locale de_DE: cost parses 1.5B and 0.5/M"
  else echo "not ok - cli locale de_DE: cost"; sed 's/^/#   /' "$tmp/de.cost" | head -5; fi
  if run_de --headless --size 100x30 --view cost --keys '' --dump-screen - > "$tmp/de.screen" 2>&1 &&
     grep -q '1B tokens/month' "$tmp/de.screen" && ! grep -q '1,000B\|,,' "$tmp/de.screen"; then
    echo "ok - cli locale de_DE: the cost view says 1B"
  else echo "not ok - cli locale de_DE: cost view"; sed 's/^/#   /' "$tmp/de.screen" | head -5; fi
else
  echo "ok - cli locale de_DE # SKIP localedef could not build de_DE.UTF-8 (package locales)"
fi
