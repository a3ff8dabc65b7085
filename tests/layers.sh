#!/bin/sh
# layers.sh - the layers stay clean (doc/hacking.md): the core includes no
# curses and no front end; the TUI includes no CLI header; src/front (shared
# by both front ends) includes neither.  TAP lines, one per rule.
cd "$(dirname "$0")/.." || exit 1
check() { # NAME PATTERN FILES...
  name=$1 pat=$2
  shift 2
  hits=$(grep -n -E "$pat" "$@" 2>/dev/null)
  if [ -z "$hits" ]; then echo "ok - layers: $name"
  else
    echo "not ok - layers: $name"
    echo "$hits" | head -5 | sed 's/^/#   /'
  fi
}
check "the core includes no curses and no front end" \
  '#include *[<"](n?curses|.*tui/|.*cli/|.*front/)' src/core/*.c src/core/*.h include/llmdeck/*.h
check "the TUI includes no CLI header" '#include *"cli/' src/tui/*.c src/tui/*.h
check "src/front includes neither front end" '#include *[<"](n?curses|tui/|cli/)' src/front/*.c src/front/*.h
