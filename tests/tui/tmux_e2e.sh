#!/bin/sh
# End-to-end in a real terminal: tmux on a private socket runs llmdeck; keys
# go in with send-keys and the screen comes back with capture-pane, polled
# until the expected text shows (a bounded loop, never a bare sleep as the
# synchronisation).  Checks: start, sort, quit with q and status 0; colours
# with the default theme and none with NO_COLOR=1; resize down to "too
# small" and back; Ctrl-C and SIGTERM restore the terminal; a slow load
# shows its progress bar and Ctrl-C cancels it; CSV on a terminal shows
# control characters escaped.  The private server is killed on any exit.
here=$(cd "$(dirname "$0")" && pwd)
BIN=${LLMDECK_BIN:-$here/../../build/llmdeck}
tmp=$(mktemp -d)
# one private server per scenario: a new server on a socket just killed may
# find it still closing
n=0
T="tmux -L llmdeck-test-$$-$n -f /dev/null"
cleanup() {
  i=0
  while [ $i -le $n ]; do
    tmux -L "llmdeck-test-$$-$i" -f /dev/null kill-server > /dev/null 2>&1
    i=$((i + 1))
  done
  # a killed server leaves its socket file behind
  rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/llmdeck-test-$$-"*
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP
ln -s "$here/data" "$tmp/data"
mkdir -p "$tmp/config"
esc=$(printf '\033')

ok() { echo "ok - tui tmux $1"; }
fail() { echo "not ok - tui tmux $1"; sed 's/^/#   /' "$tmp/pane" 2>/dev/null | head -30; }

# wait_for TEXT: polls the pane until TEXT shows; 1 after about 10 s.
wait_for() {
  i=0
  while [ $i -lt 200 ]; do
    $T capture-pane -p -t llmdeck > "$tmp/pane" 2> /dev/null
    grep -qF -- "$1" "$tmp/pane" && return 0
    sleep 0.05
    i=$((i + 1))
  done
  return 1
}

# wait_file FILE: polls until FILE exists and is not empty.
wait_file() {
  i=0
  while [ $i -lt 200 ]; do
    [ -s "$1" ] && return 0
    sleep 0.05
    i=$((i + 1))
  done
  return 1
}

# start NAME ENV...: runs llmdeck (with the arguments in $EXTRA) in a new session.  The wrapper records
# the exit status and the terminal modes after llmdeck has gone, and keeps
# the pane open for capture.  It ignores SIGINT itself (llmdeck installs
# its own handler), so Ctrl-C reaches llmdeck alone.
start() {
  name=$1
  shift
  rm -f "$tmp/status" "$tmp/stty" "$tmp/pid"
  $T kill-server > /dev/null 2>&1
  n=$((n + 1))
  T="tmux -L llmdeck-test-$$-$n -f /dev/null"
  cmd="cd '$tmp' && trap '' INT && echo \$\$ > pid && env $* TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 \
XDG_CONFIG_HOME='$tmp/config' '$BIN' --data data $EXTRA; echo \$? > status; stty -a > stty; sleep 60"
  $T new-session -d -s llmdeck -x 100 -y 30 "$cmd" || { echo "not ok - tui tmux $name: tmux would not start"; return 1; }
  wait_for "[1 Table]"
}

# colours NAME: 0 if the pane (with attributes) holds SGR colour codes.
colours() {
  $T capture-pane -p -e -t llmdeck > "$tmp/pane-e"
  # SGR parameters 30-38, 40-48, 90-97, 100-107 set colours (39/49 reset them)
  tr "$esc" '\n' < "$tmp/pane-e" | sed -n 's/^\[\([0-9;]*\)m.*/\1/p' | tr ';' '\n' |
    grep -qE '^(3[0-8]|4[0-8]|9[0-7]|10[0-7])$'
}

# 1. start, sort, quit with q: exit status 0, terminal restored
if start "start" && wait_for "sort: none"; then
  ok "starts and shows the table"
  $T send-keys -t llmdeck l ']'
  if wait_for "sort: Value" && sed -n 3p "$tmp/pane" | grep -q "Mistral-7B"; then
    ok "sorts by value (Mistral-7B first)"
  else
    fail "sort by value"
  fi
  if colours; then ok "default theme draws colours"; else fail "default theme draws colours"; fi
  $T send-keys -t llmdeck Escape q
  if wait_file "$tmp/status" && [ "$(cat "$tmp/status")" = 0 ]; then
    ok "q quits with status 0"
  else
    fail "q quits with status 0 (status: $(cat "$tmp/status" 2> /dev/null))"
  fi
  if wait_file "$tmp/stty" && grep -q ' icanon' "$tmp/stty" && grep -q ' echo ' "$tmp/stty"; then
    ok "terminal modes restored after q"
  else
    fail "terminal modes restored after q"
  fi
else
  fail "starts and shows the table"
fi

# 2. NO_COLOR: attributes only
if start "no-color" NO_COLOR=1; then
  if colours; then fail "NO_COLOR=1 draws no colours"; else ok "NO_COLOR=1 draws no colours"; fi
  $T send-keys -t llmdeck q
  wait_file "$tmp/status"
else
  fail "starts with NO_COLOR=1"
fi

# 3. resize to too small and back, repeatedly
if start "resize"; then
  good=1
  for size in "30 8" "100 30" "60 16" "30 8" "80 24"; do
    set -- $size
    $T resize-window -t llmdeck -x "$1" -y "$2" > /dev/null 2>&1
    if [ "$1" -lt 60 ] || [ "$2" -lt 16 ]; then want="Terminal too small"; else want="[1 Table]"; fi
    wait_for "$want" || { good=0; break; }
  done
  if [ $good = 1 ] && wait_for "sort: none"; then ok "resizes to too small and back"; else fail "resizes to too small and back"; fi
  $T send-keys -t llmdeck q
  wait_file "$tmp/status"
else
  fail "starts for the resize test"
fi

EXTRA=""
# 4. Ctrl-C: the terminal is restored and llmdeck ends by SIGINT (130)
if start "ctrl-c"; then
  $T send-keys -t llmdeck C-c
  if wait_file "$tmp/status" && [ "$(cat "$tmp/status")" = 130 ] && wait_file "$tmp/stty" &&
     grep -q ' icanon' "$tmp/stty"; then
    ok "Ctrl-C restores the terminal (status 130)"
  else
    fail "Ctrl-C restores the terminal (status: $(cat "$tmp/status" 2> /dev/null))"
  fi
fi

# 5. SIGTERM, SIGHUP and a fatal signal (SIGSEGV): the terminal is restored
# and llmdeck ends by that signal (128 + its number)
for sig in TERM:143 HUP:129 SEGV:139; do
  signame=${sig%%:*}
  want=${sig#*:}
  start "sig$signame" || continue
  # the wrapper shell's pid is in pid; llmdeck is its only child
  child=$(ps -o pid= --ppid "$(cat "$tmp/pid")" 2> /dev/null | head -1 | tr -d ' ')
  if [ -z "$child" ]; then
    echo "ok - tui tmux SIG$signame restores the terminal # SKIP no ps --ppid"
    continue
  fi
  kill -"$signame" "$child"
  if wait_file "$tmp/status" && [ "$(cat "$tmp/status")" = "$want" ] && wait_file "$tmp/stty" &&
     grep -q ' icanon' "$tmp/stty" && grep -q ' echo ' "$tmp/stty"; then
    ok "SIG$signame restores the terminal (status $want)"
  else
    fail "SIG$signame restores the terminal (status: $(cat "$tmp/status" 2> /dev/null), want $want)"
  fi
done

# 6. --play replays a prepared walkthrough at a human pace, then q ends it
printf '# sort by value, best first\nl ]\n# and leave\nq\n' > "$tmp/demo.keys"
EXTRA="--play demo.keys --delay 150"
if start "play" && wait_for "sort: Value" && wait_file "$tmp/status" && [ "$(cat "$tmp/status")" = 0 ]; then
  ok "--play replays the keys and quits with status 0"
else
  fail "--play replays the keys and quits with status 0 (status: $(cat "$tmp/status" 2> /dev/null))"
fi
EXTRA=""

# 7. A load from a pipe that trickles: the progress bar (bytes, rows, rows/s)
# shows on the terminal, and Ctrl-C cancels the load: "load cancelled",
# status 130, terminal modes as they were.
mkfifo "$tmp/slow.csv"
( printf 'model,mmlu\n'; i=0; while [ $i -lt 600 ]; do printf 'm%d,%d\n' $i $((i % 100)); i=$((i + 1)); sleep 0.05; done ) \
  > "$tmp/slow.csv" 2> /dev/null &
writer=$!
rm -f "$tmp/status" "$tmp/stty"
$T kill-server > /dev/null 2>&1
n=$((n + 1))
T="tmux -L llmdeck-test-$$-$n -f /dev/null"
cmd="cd '$tmp' && trap '' INT && env TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 '$BIN' table slow.csv \
--format csv > /dev/null; echo \$? > status; stty -a > stty; sleep 60"
if $T new-session -d -s llmdeck -x 120 -y 10 "$cmd" && wait_for "rows/s" && grep -q "B read" "$tmp/pane" &&
   grep -q "(Ctrl-C cancels)" "$tmp/pane"; then
  ok "a trickling pipe shows the load bar (bytes, rows, rows/s)"
  $T send-keys -t llmdeck C-c
  if wait_file "$tmp/status" && [ "$(cat "$tmp/status")" = 130 ] && wait_for "load cancelled" &&
     wait_file "$tmp/stty" && grep -q ' icanon' "$tmp/stty"; then
    ok "Ctrl-C cancels a load (status 130, load cancelled)"
  else
    fail "Ctrl-C cancels a load (status: $(cat "$tmp/status" 2> /dev/null))"
  fi
else
  fail "a trickling pipe shows the load bar"
fi
kill "$writer" 2> /dev/null
wait "$writer" 2> /dev/null

# 8. The same load with stderr not a terminal: no bar at all, the rows all
# arrive
mkfifo "$tmp/slow2.csv"
( printf 'model,mmlu\n'; i=0; while [ $i -lt 12 ]; do printf 'm%d,%d\n' $i $i; i=$((i + 1)); sleep 0.05; done ) \
  > "$tmp/slow2.csv" &
"$BIN" table "$tmp/slow2.csv" --format csv > "$tmp/out2" 2> "$tmp/err2"
st=$?
wait
if [ $st = 0 ] && [ ! -s "$tmp/err2" ] && [ "$(wc -l < "$tmp/out2")" = 13 ]; then
  ok "no load bar when stderr is not a terminal"
else
  fail "no load bar when stderr is not a terminal (status $st, $(wc -c < "$tmp/err2") bytes on stderr)"
fi

# 9. CSV of hostile cells on a terminal: the escape sequences are shown
# escaped, not obeyed; through a pipe the bytes stay as they are
printf 'model,note\nA,"\033]0;pwned\007 \033[31mred"\nB,"x\ry \342\200\256 rtl"\n' > "$tmp/hostile.csv"
rm -f "$tmp/status"
$T kill-server > /dev/null 2>&1
n=$((n + 1))
T="tmux -L llmdeck-test-$$-$n -f /dev/null"
cmd="cd '$tmp' && env TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 '$BIN' table hostile.csv --format csv \
--columns model,note; echo \$? > status; sleep 60"
if $T new-session -d -s llmdeck -x 120 -y 10 "$cmd" && wait_file "$tmp/status" && wait_for 'A,\x1b]0;pwned\x07' &&
   grep -qF '\x1b[31mred' "$tmp/pane" && grep -qF 'B,"x\ry \u202e rtl"' "$tmp/pane"; then
  ok "CSV on a terminal shows control characters escaped"
else
  fail "CSV on a terminal shows control characters escaped"
fi
"$BIN" table "$tmp/hostile.csv" --format csv --columns model,note > "$tmp/raw.csv"
if grep -q "$esc" "$tmp/raw.csv"; then
  ok "CSV to a file keeps every byte"
else
  fail "CSV to a file keeps every byte"
fi

# 10. TERM=dumb cannot place text: refused with a message, exit 1, not overprinted
rm -f "$tmp/status"
$T kill-server > /dev/null 2>&1
n=$((n + 1))
T="tmux -L llmdeck-test-$$-$n -f /dev/null"
cmd="cd '$tmp' && env TERM=dumb LANG=C.UTF-8 LC_ALL=C.UTF-8 XDG_CONFIG_HOME='$tmp/config' '$BIN' --data data; echo \$? > status; sleep 60"
if $T new-session -d -s llmdeck -x 100 -y 10 "$cmd" && wait_file "$tmp/status" && [ "$(cat "$tmp/status")" = 1 ] &&
   wait_for "terminal type 'dumb' cannot place text"; then
  ok "TERM=dumb is refused with a message"
else
  fail "TERM=dumb is refused with a message"
fi
exit 0
