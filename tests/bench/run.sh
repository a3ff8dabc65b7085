#!/bin/sh
# make bench: builds the benchmark programs, generates deterministic
# leaderboard-shaped CSVs and prints one `NAME VALUE UNIT` line per figure,
# then a summary table of the peer comparison.  Benchmarks print; they never
# fail the test suite (no timing is ever asserted).
#
# The peer job, as a user runs it: open a 200k-row file, sort by mmlu
# descending, write CSV (`llmdeck table F --sort mmlu:desc --format csv`,
# `mlr --icsv --ocsv sort -nr mmlu F`, VisiData in batch mode).  It runs on
# the project's original file and on four real-world shapes from
# `gencsv --shape K` (quoted names with "", 5-20% empty cells, shuffled
# columns; three with a relative_cost column, so llmdeck computes and writes
# a value_score column).  llmdeck, Miller and the floor (floor.c: reading
# the file from the page cache and finding its line ends) run BENCH_RUNS
# times each (default 7), interleaved (the tools in turn on a file, the
# files in turn: see below), so a busy machine hurts all alike, and
# medians are compared; VisiData, ~15 s a run, BENCH_VD_RUNS times
# (default 1).  The order is checked against a stable reference sort
# (mmlu descending, missing last, ties in file order), made with Miller.
B=${1:-build}
D=$B/bench
mkdir -p "$D"
CFLAGS_B="-O2 -std=c11 -D_GNU_SOURCE -Iinclude $(pkg-config --cflags libcjson 2>/dev/null)"
LIBS_B="$B/libllmdeck.a $(pkg-config --libs libcjson 2>/dev/null || echo -lcjson) -lcsv -lm -pthread"
cc $CFLAGS_B -o "$D/gencsv" tests/bench/gencsv.c || exit 0
cc $CFLAGS_B -o "$D/floor" tests/bench/floor.c || exit 0
cc $CFLAGS_B -o "$D/bench_core" tests/bench/bench_core.c $LIBS_B || exit 0
cc $CFLAGS_B -o "$D/bench_cost" tests/bench/bench_cost.c $LIBS_B || exit 0
[ -f "$D/200k.csv" ] || "$D/gencsv" 200000 > "$D/200k.csv"
[ -f "$D/1m.csv" ] || "$D/gencsv" 1000000 > "$D/1m.csv"
SHAPES=${BENCH_SHAPES:-1 2 3 4}
for k in $SHAPES; do
  "$D/gencsv" --shape "$k" 0 2>&1 >/dev/null | sed 's/^/# /'
  [ -f "$D/shape$k.csv" ] || "$D/gencsv" --shape "$k" 200000 > "$D/shape$k.csv" 2>/dev/null
done
[ -f "$D/shape1_1m.csv" ] || "$D/gencsv" --shape 1 1000000 > "$D/shape1_1m.csv" 2>/dev/null

# The peers and /usr/bin/time: installed when missing and possible (root
# with apt-get), said so; otherwise their figures are left out.
missing=""
command -v mlr >/dev/null 2>&1 || missing="$missing miller"
command -v vd >/dev/null 2>&1 || missing="$missing visidata"
[ -x /usr/bin/time ] || missing="$missing time"
if [ -n "$missing" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "# installing for the bench:$missing (apt-get install -y$missing)"
  apt-get install -y $missing > "$D/apt.log" 2>&1 || echo "# apt-get failed, see $D/apt.log"
fi
command -v mlr >/dev/null 2>&1 || echo "mlr: not installed"
command -v vd >/dev/null 2>&1 || echo "vd: not installed"

now_ms() { date +%s%3N; }
echo "# machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "file_1m_mb $(($(stat -c %s "$D/1m.csv") / 1000000)) MB"
# each input read once first, untimed: see "from memory" at `timed` below
cat "$D/1m.csv" > /dev/null; "$D/bench_core" "$D/1m.csv" 1m
cat "$D/200k.csv" > /dev/null; "$D/bench_core" "$D/200k.csv" 200k | grep -E '^(load|sort|csv_write)_'
cat "$D/shape1_1m.csv" > /dev/null; "$D/bench_core" "$D/shape1_1m.csv" shape1_1m | grep -E '^(load|rows|peak_rss)_'
"$D/bench_cost"

# 1M rows through the CLI, the whole job (load, sort, CSV to /dev/null):
# peak RSS from /usr/bin/time, against the file's size
if [ -x /usr/bin/time ]; then
  for f in 1m shape1_1m; do
    cat "$D/$f.csv" > /dev/null
    /usr/bin/time -f '%e %M' -o "$D/time.txt" "$B/llmdeck" table "$D/$f.csv" --sort mmlu:desc --format csv > /dev/null
    read -r secs kb < "$D/time.txt"
    mb=$(awk -v s="$(stat -c %s "$D/$f.csv")" 'BEGIN {printf "%.1f", s / 1e6}')
    echo "cli_${f}_s $secs s (table --sort mmlu:desc --format csv > /dev/null)"
    echo "cli_peak_rss_${f}_mb $(awk -v k="$kb" -v m="$mb" 'BEGIN {printf "%.1f MB (%.2fx the file, %s MB)", k * 1.024 / 1000, k * 1.024 / 1000 / m, m}')"
  done
fi

# start-up to first frame, headless, on the embedded data (median of 20)
if "$B/llmdeck" --headless --size 100x30 --keys q --dump-screen /dev/null 2>/dev/null; then
  times=""
  for i in $(seq 20); do
    t0=$(date +%s%N); "$B/llmdeck" --headless --size 100x30 --keys q --dump-screen /dev/null; t1=$(date +%s%N)
    times="$times $(( (t1 - t0) / 1000 ))"
  done
  echo "$times" | tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {printf "startup_ms %.1f ms\n", a[int((NR+1)/2)]/1000}'
  # keystroke latency on 1M rows: a scripted session of 240 keys
  keys=""
  for i in $(seq 20); do keys="$keys jjjj<PageDown>ll]hh[<PageUp>kkk"; done
  LLMDECK_KEY_TIMES="$D/keytimes.txt" "$B/llmdeck" --headless --size 120x40 --keys "$keys q" \
      --dump-screen /dev/null "$D/1m.csv" 2>/dev/null
  if [ -s "$D/keytimes.txt" ]; then
    sort -n "$D/keytimes.txt" | awk '{a[NR]=$1} END {
      printf "keystrokes %d keys\n", NR;
      printf "keystroke_p50_ms %.2f ms\n", a[int(NR*0.50)+1];
      printf "keystroke_p99_ms %.2f ms\n", a[int(NR*0.99)+1];
      printf "keystroke_max_ms %.2f ms\n", a[NR] }'
  fi
fi
# a 1M-row session by kind of key: first text sort, filters, numeric sorts,
# paging; main-thread time per key and background job time (keys.sh)
sh tests/bench/keys.sh "$B" "$D/1m.csv"

# The peer comparison (see the top of this file).
RUNS=${BENCH_RUNS:-7}
VD_RUNS=${BENCH_VD_RUNS:-1}
median() { sort -n | awk '{a[NR]=$1} END {if (NR) print a[int((NR+1)/2)]}'; }
ms() { awk -v u="$1" 'BEGIN {printf "%.1f", u / 1000}'; }
# timed FILE OUTPUT COMMAND...: runs it, appends its wall time (us) to FILE
# and, with /usr/bin/time, its CPU time (user + system, 10 ms resolution)
# to FILE.cpu: on a machine shared with other work the CPU time moves less
# than the wall time, so both are printed.
#
# The previous run's output is removed before the clock starts: `> FILE`
# on a 31 MB file written a few seconds before truncates it, and the
# kernel then drops (or waits for the write-back of) its page cache inside
# the timed run; measured on shape3 right after Miller, llmdeck took a
# median of 107 ms truncating its old output and 92 ms writing a new file.
# Every tool is timed writing a new file.
#
# And every tool reads its input from memory, as the floor does: this
# machine's kernel reclaims cold pages in the background (kdamond: ~20
# pages a second of a 34 MB file, 90% of it gone after a few minutes;
# `fincore` shows it), so a file read seconds before is partly on disk
# again.  The input (the loop's $in) is read once, untimed, before each
# timed run.
timed() {
  t_file=$1 t_out=$2; shift 2
  [ -f "$t_out" ] && rm -f "$t_out"
  cat "$in" > /dev/null
  if [ -x /usr/bin/time ]; then
    t0=$(date +%s%N); /usr/bin/time -f '%U %S' -o "$t_file.one" "$@" > "$t_out" 2>/dev/null; t1=$(date +%s%N)
    awk '{printf "%d\n", ($1 + $2) * 1e6}' "$t_file.one" >> "$t_file.cpu"
  else
    t0=$(date +%s%N); "$@" > "$t_out" 2>/dev/null; t1=$(date +%s%N)
  fi
  echo $(( (t1 - t0) / 1000 )) >> "$t_file"
}
has_mlr=$(command -v mlr >/dev/null 2>&1 && echo 1)
has_vd=$(command -v vd >/dev/null 2>&1 && echo 1)
[ -n "$has_mlr" ] && echo "# $(mlr --version)"
[ -n "$has_vd" ] && echo "# VisiData $(vd --version 2>/dev/null | head -1)"
summary="$D/summary.txt"
printf '%-8s %6s %6s %8s %10s %9s %9s %9s %11s %10s %12s  %s\n' file rows MB floor_ms llmdeck_ms mlr_ms vd_ms x_Miller pairs_p25-75 x_VisiData cpu_x_Miller order > "$summary"
# The runs go round the files (each file once, then again), not file by
# file: the host of this VM takes a third or more of its CPU for seconds
# or minutes at a time (a loop of multiplies: 123 ms, then 195 ms a second
# later), and file by file such a stretch took all of one file's runs
# (shape1 116 ms, its run-by-run ratios 13.6-16.9x, while the other files
# took 75-99 ms in the same run).  Round the files, it falls on every file
# a little.  Within a round the tools still take
# turns on the same file, so each ratio compares runs seconds apart.
FILES="200k $(for k in $SHAPES; do echo shape$k; done)"
for f in $FILES; do
  for t in llmdeck mlr floor vd; do : > "$D/t_${f}_$t"; : > "$D/t_${f}_$t.cpu"; done
done
for i in $(seq "$RUNS"); do
  for f in $FILES; do
    in=$D/$f.csv
    timed "$D/t_${f}_floor" /dev/null "$D/floor" "$in"
    timed "$D/t_${f}_llmdeck" "$D/llmdeck_sorted_$f.csv" "$B/llmdeck" table "$in" --sort mmlu:desc --format csv
    [ -n "$has_mlr" ] && timed "$D/t_${f}_mlr" "$D/mlr_sorted.csv" mlr --icsv --ocsv sort -nr mmlu "$in"
  done
done
if [ -n "$has_vd" ]; then
  for i in $(seq "$VD_RUNS"); do
    for f in $FILES; do
      in=$D/$f.csv
      printf 'sheet\tcol\trow\tlongname\tinput\tkeystrokes\tcomment\n%s\tmmlu\t\ttype-float\t\t%%\t\n%s\tmmlu\t\tsort-desc\t\t]\t\n' "$f" "$f" > "$D/sort.vd"
      timed "$D/t_${f}_vd" /dev/null vd -b -p "$D/sort.vd" -o "$D/vd_sorted.csv" "$in"
    done
  done
fi
for f in $FILES; do
  in=$D/$f.csv
  T=$D/t_$f # this file's times: ${T}_llmdeck, ${T}_mlr, ...
  rows=$(( $(wc -l < "$in") - 1 ))
  mb=$(awk -v s="$(stat -c %s "$in")" 'BEGIN {printf "%.1f", s / 1e6}')
  ld_us=$(median < "${T}_llmdeck"); fl_us=$(median < "${T}_floor")
  echo "${f}_rows $rows rows, $mb MB"
  echo "${f}_floor_ms $(ms "$fl_us") ms (median of $RUNS: read from the page cache, find every line end)"
  echo "${f}_llmdeck_ms $(ms "$ld_us") ms (median of $RUNS; $(awk -v a="$ld_us" -v b="$fl_us" 'BEGIN {printf "%.1f", a / b}')x the floor)"
  ml="-" vdm="-" rm="-" rv="-" rc="-" order="-" spread="-"
  if [ -n "$has_mlr" ]; then
    ml_us=$(median < "${T}_mlr"); ml=$(ms "$ml_us")
    rm=$(awk -v a="$ml_us" -v b="$ld_us" 'BEGIN {printf "%.1f", a / b}')
    echo "${f}_mlr_ms $ml ms (median of $RUNS)"
    echo "${f}_ratio_mlr $rm x"
    # the noise: the ratio of each interleaved pair of runs, quartiles
    spread=$(paste "${T}_mlr" "${T}_llmdeck" | awk '$2 > 0 {printf "%.2f\n", $1 / $2}' | sort -n |
             awk '{a[NR]=$1} END {if (NR) printf "%.1f-%.1f", a[int(NR/4)+1], a[int((3*NR+3)/4)]}')
    echo "${f}_ratio_mlr_pairs $spread x (p25-p75 of the $RUNS run-by-run ratios)"
    if [ -s "${T}_mlr.cpu" ]; then
      lc=$(median < "${T}_llmdeck.cpu"); mc=$(median < "${T}_mlr.cpu")
      echo "${f}_cpu_ms llmdeck $(ms "$lc"), Miller $(ms "$mc") ms (user + system, medians)"
      rc=$(awk -v a="$mc" -v b="$lc" 'BEGIN {if (b > 0) printf "%.1f", a / b; else print "-"}')
      echo "${f}_cpu_ratio_mlr $rc x"
    fi
    # The order against a stable reference sort: Miller sorting by mmlu
    # descending and then by the row's place in the file.  (Plain `sort -nr`
    # groups rows by the key's text first, so to Miller 68.70 and 68.7000000
    # are not ties and their rows come out group by group.)  The rows with
    # mmlu come first, then those without it in file order (llmdeck puts
    # missing values last); llmdeck's value_score column is left out; both
    # sides are written by Miller, so quoting is alike.
    mlr --icsv --ocsv put '$__row = NR' then sort -nr mmlu -n __row then filter '$mmlu != ""' \
        then cut -x -f __row "$in" > "$D/ref_sorted.csv"
    mlr --icsv --ocsv --headerless-csv-output filter '$mmlu == ""' "$in" >> "$D/ref_sorted.csv"
    if mlr --icsv --ocsv cut -x -f value_score "$D/llmdeck_sorted_$f.csv" | cmp -s - "$D/ref_sorted.csv"; then
      order=yes
    else
      order=NO
    fi
    echo "${f}_order_matches_reference $order"
  fi
  if [ -n "$has_vd" ] && [ -s "${T}_vd" ]; then
    vd_us=$(median < "${T}_vd"); vdm=$(ms "$vd_us")
    rv=$(awk -v a="$vd_us" -v b="$ld_us" 'BEGIN {printf "%.1f", a / b}')
    echo "${f}_vd_ms $vdm ms (median of $VD_RUNS)"
    echo "${f}_ratio_vd $rv x"
  fi
  printf '%-8s %6s %6s %8s %10s %9s %9s %9s %11s %10s %12s  %s\n' "$f" "$rows" "$mb" "$(ms "$fl_us")" "$(ms "$ld_us")" \
    "$ml" "$vdm" "$rm" "${spread:--}" "$rv" "$rc" "$order" >> "$summary"
done
echo "# open, sort by mmlu descending, write CSV: medians of $RUNS interleaved runs (VisiData: $VD_RUNS); load average now $(cut -d' ' -f1-3 /proc/loadavg)"
sed 's/^/# /' "$summary"
exit 0
