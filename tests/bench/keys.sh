#!/bin/sh
# Key latency at a million rows (issue #15: no key may block more than
# 100 ms).  Replays a scripted session headless on FILE (the 1M-row file of
# run.sh) and prints, for each kind of key, p50, p99 and max of the time
# the main thread was busy with it (handling and drawing the key, taking a
# background job's result), and separately the longest background job of
# that kind (a sort or filter on the helper thread, while the screen stays
# live).  Usage: sh tests/bench/keys.sh BUILD FILE
B=${1:-build}
F=${2:-$B/bench/1m.csv}
[ -x "$B/llmdeck" ] && [ -f "$F" ] || { echo "keys.sh: no $B/llmdeck or $F" >&2; exit 0; }
D=$(dirname "$F")
keys=""; kinds=""
add() { # add KIND KEY...: keys of one kind
  k=$1; shift
  for key in "$@"; do keys="$keys $key"; kinds="$kinds $k"; done
}
add text_sort_first '['               # Model: builds the collation ranks
add text_sort ']'                      # Model again: ranks cached
for i in 1 2 3 4 5 6; do
  add column l; add numeric_sort ']' '['
done
for i in $(seq 20); do add page '<PageDown>'; done
for i in $(seq 10); do add move j; done
for i in $(seq 10); do add page '<PageUp>'; done
add prompt / m m l u '>' 5 0; add filter '<Enter>'      # a numeric filter
add numeric_sort ']' '['
add filter '<Esc>'                                     # cleared
add prompt / l l a m a; add filter '<Enter>'            # a word: every cell scanned
add filter '<Esc>'
add column '^'; add text_sort '[' ']'
add stats F; add move '<Esc>'                          # Model's values by frequency
add column l; add stats i; add move '<Esc>'             # a numeric column's statistics
add column '^'
for i in $(seq 20); do add column l; done              # to the last column, url
add text_sort_first '['                                # url: a second text column, all distinct
add quit q
LLMDECK_KEY_TIMES="$D/keys_session.txt" "$B/llmdeck" --headless --size 120x40 --keys "$keys" \
    --dump-screen /dev/null "$F" 2>/dev/null || { echo "keys.sh: the session failed" >&2; exit 0; }
# keys_session.txt: "BUSY JOB KEY" a line, in the order of the keys
echo "$kinds" | tr ' ' '\n' | grep . > "$D/keykinds.txt"
# weight edits need a value score: the same file with a relative_cost column
C=$D/1m_cost.csv
[ -f "$C" ] || awk -F, 'NR == 1 {print $0 ",relative_cost"; next} {print $0 "," (NR % 50 + 1) / 10}' "$F" > "$C"
keys=""; kinds=""
add weights_open w                     # sorts by value first
for i in 1 2 3 4; do add weight_edit +; add move j; done
add weight_edit p; add weight_edit r
add move '<Esc>'
add chart v; add chart_move j l k h; add move '<Esc>'  # a million points
add quit q
LLMDECK_KEY_TIMES="$D/keys_weights.txt" "$B/llmdeck" --headless --size 120x40 --keys "$keys" \
    --dump-screen /dev/null "$C" 2>/dev/null || { echo "keys.sh: the weights session failed" >&2; exit 0; }
echo "$kinds" | tr ' ' '\n' | grep . >> "$D/keykinds.txt"
cat "$D/keys_session.txt" "$D/keys_weights.txt" > "$D/keys_all.txt"
paste -d' ' "$D/keykinds.txt" "$D/keys_all.txt" | awk '
  { kind = $1; busy[kind, ++n[kind]] = $2; if ($3 > job[kind]) job[kind] = $3
    if ($2 > all) all = $2; if ($2 > 100) over++; total++ }
  END {
    for (k in n) {
      m = n[k]; for (i = 1; i <= m; i++) v[i] = busy[k, i]
      for (i = 2; i <= m; i++) { x = v[i]; for (j = i - 1; j >= 1 && v[j] > x; j--) v[j + 1] = v[j]; v[j + 1] = x }
      printf "key_%s_ms p50 %.1f p99 %.1f max %.1f (%d keys)", k, v[int(m * 0.50) + 1], v[int(m * 0.99) + 1], v[m], m
      if (job[k] > 0) printf "; job max %.0f ms", job[k]
      printf "\n"
    }
    printf "key_all_max_ms %.1f ms (%d keys, %d over 100 ms)\n", all, total, over
  }' | sort
