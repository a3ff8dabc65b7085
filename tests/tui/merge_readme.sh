#!/bin/sh
# Copies tests/tui/README-tui-section.md into README.md between the
# tui-section markers (run after regenerating the key table with
# `build/llmdeck --print-keys`).
cd "$(dirname "$0")/../.." || exit 1
awk -v sec=tests/tui/README-tui-section.md '
  /<!-- tui-section:begin -->/ { print; while ((getline line < sec) > 0) print line; skip = 1; next }
  /<!-- tui-section:end -->/ { skip = 0 }
  !skip { print }' README.md > README.md.tmp && mv README.md.tmp README.md
