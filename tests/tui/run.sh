#!/bin/sh
# Headless screen tests of the TUI, then the tmux end-to-end test.
#
# For each tests/tui/cases/NAME.keys:
#   line 1       the screen size, e.g. 100x30
#   line 2       extra arguments, shell words ($DATA is tests/tui/data, $FILES
#                tests/tui/files, both linked into the case's directory);
#                leading VAR=value words set the environment
#   other lines  the keys, in --keys syntax (line breaks count as blanks)
#   NAME.screen  the expected screen; LLMDECK_BLESS=1 (re)writes it
#   NAME.status  the expected exit status (default 0; non-zero: no screen)
#   NAME.err     a text expected in stderr
#   NAME.pre     shell commands run first, in the case's own directory
#   NAME.post    shell commands run after; they must succeed ($CASES is here)
#   NAME.current the case runs on the shipped data (default: the frozen test
#                catalogue tests/fixtures/catalog-2026-11, via LLMDECK_DATA)
# Every case gets its own working directory and XDG_CONFIG_HOME, so saved
# settings never leak from one case into another.
here=$(cd "$(dirname "$0")" && pwd)
CASES=$here/cases
DATA=data
FILES=files
BIN=${LLMDECK_BIN:-$here/../../build/llmdeck}
export CASES DATA FILES BIN
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
esc=$(printf '\033')

for keys in "$CASES"/*.keys; do
  [ -f "$keys" ] || continue
  name=$(basename "$keys" .keys)
  work=$tmp/$name
  mkdir -p "$work/config"
  # relative names, so no absolute path of this checkout reaches a screen
  ln -s "$here/data" "$work/data"
  ln -s "$here/files" "$work/files"
  size=$(sed -n 1p "$keys")
  args=$(sed -n 2p "$keys")
  presses=$(sed -n '3,$p' "$keys" | tr '\n' ' ')
  want_status=0
  [ -f "$CASES/$name.status" ] && want_status=$(cat "$CASES/$name.status")
  (
    cd "$work" || exit 99
    export XDG_CONFIG_HOME="$work/config"
    if [ -f "$CASES/$name.current" ]; then unset LLMDECK_DATA
    else LLMDECK_DATA=$here/../fixtures/catalog-2026-11; export LLMDECK_DATA; fi
    [ -f "$CASES/$name.pre" ] && { . "$CASES/$name.pre" || exit 98; }
    eval "set -- $args"
    # leading VAR=value words are the environment of this case
    while [ $# -gt 0 ]; do
      case $1 in
        [A-Za-z_]*=*) export "${1?}"; shift ;;
        *) break ;;
      esac
    done
    eval "$LLMDECK_WRAP \"\$BIN\" --headless --size \"\$size\" --keys \"\$presses\" --dump-screen \"\$work/screen\" \"\$@\""
  ) > "$work/out" 2> "$work/err" < /dev/null
  status=$?
  why=""
  [ "$status" = "$want_status" ] || why="exit status $status, expected $want_status"
  if [ -z "$why" ] && [ "$want_status" = 0 ]; then
    if [ -n "$LLMDECK_BLESS" ]; then cp "$work/screen" "$CASES/$name.screen"; fi
    if [ ! -f "$CASES/$name.screen" ]; then
      why="no $name.screen (check the screen by eye, then bless with LLMDECK_BLESS=1)"
    elif ! cmp -s "$work/screen" "$CASES/$name.screen"; then
      why="screen differs from $name.screen"
      diff "$CASES/$name.screen" "$work/screen" | head -20 | sed 's/^/#   /'
    elif grep -q "$esc" "$work/screen"; then
      why="an ESC byte reached the screen"
    fi
  fi
  if [ -z "$why" ] && [ -f "$CASES/$name.err" ] && ! grep -qF -- "$(cat "$CASES/$name.err")" "$work/err"; then
    why="stderr lacks '$(cat "$CASES/$name.err")'"
  fi
  if [ -z "$why" ] && [ -f "$CASES/$name.post" ] && ! (cd "$work" && . "$CASES/$name.post") > "$work/post" 2>&1; then
    why="$name.post failed: $(head -3 "$work/post" | tr '\n' ' ')"
  fi
  if [ -z "$why" ] && grep -qi 'AddressSanitizer\|runtime error:\|== ERROR SUMMARY: [1-9]' "$work/err"; then
    why="sanitizer or valgrind report on stderr"
  fi
  if [ -n "$why" ]; then
    echo "not ok - tui $name: $why"
    sed 's/^/#   stderr: /' "$work/err" | head -5
  else
    echo "ok - tui $name"
  fi
done

# Without a terminal (and without --headless) the TUI must refuse at once.
"$BIN" > "$tmp/nt.out" 2> "$tmp/nt.err" < /dev/null
st=$?
if [ $st = 2 ] && grep -q 'needs a terminal' "$tmp/nt.err"; then
  echo "ok - tui refuses to start without a terminal (exit 2)"
else
  echo "not ok - tui without a terminal: exit $st, stderr: $(head -2 "$tmp/nt.err")"
fi

# The key table in doc/tui.md is generated from the key table: it must match.
readme=$here/../../doc/tui.md
"$BIN" --print-keys > "$tmp/keys.md" 2>&1
awk '/^\| Where \|/ { f = 1 } f && !/^\|/ { exit } f' "$readme" > "$tmp/readme-keys.md" 2>/dev/null
if [ -s "$tmp/keys.md" ] && cmp -s "$tmp/keys.md" "$tmp/readme-keys.md"; then
  echo "ok - tui doc/tui.md key table matches the key table"
else
  echo "not ok - tui doc/tui.md key table differs from 'llmdeck --print-keys' (regenerate it in $(basename "$readme"))"
  diff "$tmp/readme-keys.md" "$tmp/keys.md" | head -10 | sed 's/^/#   /'
fi

# The man page's KEYS section is generated from the key table too.
sh "$here/../../doc/man-keys.sh" "$BIN" > "$tmp/keys.roff" 2>&1
awk '/^\.\\" keys:begin/ { f = 1; next } /^\.\\" keys:end/ { f = 0 } f' "$here/../../doc/llmdeck.1" > "$tmp/man-keys.roff"
if [ -s "$tmp/keys.roff" ] && cmp -s "$tmp/keys.roff" "$tmp/man-keys.roff"; then
  echo "ok - tui doc/llmdeck.1 KEYS match the key table"
else
  echo "not ok - tui doc/llmdeck.1 KEYS differ from doc/man-keys.sh's output (regenerate them)"
  diff "$tmp/man-keys.roff" "$tmp/keys.roff" | head -10 | sed 's/^/#   /'
fi

# The README's screen pictures are this program's screens on the embedded
# data: each must still be what it draws (a picture may be the top of a
# taller screen).  A change to the data or the drawing that moves them
# fails here, so the README never shows an answer the program no longer
# gives.  readme_picture FIRST-LINE SIZE KEYS
readme_picture() {
  awk -v p="$1" 'index($0, p) == 1 { f = 1 } f && /^```$/ { exit } f' "$here/../../README.md" > "$tmp/pic.txt"
  n=$(wc -l < "$tmp/pic.txt")
  mkdir -p "$tmp/pic-config"
  XDG_CONFIG_HOME="$tmp/pic-config" LLMDECK_DATA="" "$BIN" --headless --size "$2" --keys "$3" --dump-screen - \
    2> /dev/null | sed 's/ *$//' | head -n "$n" > "$tmp/pic-now.txt"
  if [ "$n" -gt 0 ] && cmp -s "$tmp/pic.txt" "$tmp/pic-now.txt"; then
    echo "ok - tui README picture '$1' is the screen of today's program"
  else
    echo "not ok - tui README picture '$1' ($n lines) differs from --size $2 --keys '$3'"
    diff "$tmp/pic.txt" "$tmp/pic-now.txt" | head -10 | sed 's/^/#   /'
  fi
}
readme_picture ' llmdeck  [1 Table]' 100x16 q
readme_picture ' llmdeck   1 Table  [2 Wizard]' 100x30 '2<Enter>jj<Enter><C-u>32k<Enter><Enter><Enter><Enter>jj<Enter><Enter><Enter>'
readme_picture ' llmdeck   1 Table   2 Wizard  [3 Cost]' 100x30 3

if command -v tmux > /dev/null 2>&1; then
  sh "$here/tmux_e2e.sh"
else
  echo "ok - tui tmux end-to-end # SKIP tmux not installed"
fi
