#!/bin/sh
# man-keys.sh LLMDECK : the KEYS section of doc/llmdeck.1, in roff, from the
# key table itself (llmdeck --print-keys).  A test compares it with the man
# page; after changing a key, regenerate with:
#   sh doc/man-keys.sh build/llmdeck > /tmp/keys && (replace the part of
#   doc/llmdeck.1 between the "keys:begin" and "keys:end" lines)
"${1:-build/llmdeck}" --print-keys | awk -F' [|] ' '
  NR <= 2 { next }                     # the header and the |---| line
  /^\|/ {
    where = $1; sub(/^\| /, "", where)
    keys = $2; gsub(/`/, "", keys)
    what = $3; sub(/ \|$/, "", what)
    gsub(/\\/, "\\e", keys); gsub(/\\/, "\\e", what)
    if (what ~ /^[.\047]/) what = "\\&" what
    if (where != last) { printf ".SS %s\n", where; last = where }
    printf ".TP\n.B %s\n%s\n", keys, what
  }'
