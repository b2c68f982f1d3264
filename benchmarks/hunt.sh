#!/usr/bin/env bash
# Sigma hunting end to end: parse EVTX + every SigmaHQ Windows rule + write JSON lines (ooda hunt --json), over
#   corpus  every .evtx of the shared corpus (the issue's measure: many small files, one process), and
#   concat  one big file of every corpus chunk evtxexport reads whole, written REPEAT times (benchmarks/evtx.sh --concat).
# Prints per input: events, detections, the hunt's own events/s (rule loading excluded), whole-process events/s, CPU
# seconds, peak RSS, and the in-process rule-evaluation time per event. Then the per-event cost of rules and output under
# each prefilter: none (every rule target on every event), logsource (channel/provider/event-id index), needles (the
# index plus literal needles; the default), measured as CPU seconds over a run with the same rules loaded but never
# evaluated (--prefilter off), divided by the events: robust on a shared machine, where wall times are not.
# Rule loading keeps parsed rule files in a cache keyed by their content ($OODA_CACHE, here $BENCH_DIR/rule-cache, filled
# before the first measure); the corpus-cold row loads without it (OODA_CACHE=off), as a first run on a machine does.
# Usage: benchmarks/hunt.sh   (RUNS=3 keeps each measure's best of 3; REPEAT=4 copies of the chunks in concat;
#   OODA_CLI=path/to/ooda skips the build and measures that binary; MODES="logsource needles" measures only those prefilters,
#   MODES= none of them (for a binary without --prefilter))
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${OODA_CORPUS:-$(cd .. && pwd)/shared/corpus}
rules=${RULES:-$corpus/sigma/rules/windows}
work=${BENCH_DIR:-/tmp/ooda-bench}
runs=${RUNS:-3}
repeat=${REPEAT:-4}
mkdir -p "$work"
[ -d "$corpus" ] || { echo "no corpus at $corpus (set OODA_CORPUS)" >&2; exit 2; }
command -v /usr/bin/time >/dev/null || { echo "/usr/bin/time missing: apt-get install time" >&2; exit 2; }
if [ -z "${OODA_CLI:-}" ]; then
  ./ooda.sh build
  ooda=out/cli/ooda
else
  ooda=$OODA_CLI
fi

# The concatenated log, made by evtx.sh's own concat step (its python, from the file list it caches).
concat="$work/concat$repeat.evtx"
if [ ! -s "$concat" ]; then
  if [ ! -s "$work/evtxexport-whole.txt" ]; then
    command -v evtxexport >/dev/null || { echo "evtxexport missing (apt-get install libevtx-utils): it picks the chunks" >&2; exit 2; }
    find "$corpus" -name '*.evtx' | sort | while read -r f; do
      evtxexport -f xml "$f" >/dev/null 2>&1 && echo "$f"
    done >"$work/evtxexport-whole.txt"
  fi
  mapfile -t whole <"$work/evtxexport-whole.txt"
  REPEAT=$repeat python3 - "$concat" "${whole[@]}" < <(sed -n "/<<'PY'$/,/^PY$/p" benchmarks/evtx.sh | sed '1d;$d')
fi
mapfile -d '' corpus_files < <(find "$corpus" -name '*.evtx' -print0 | sort -z)

export OODA_CACHE=$work/rule-cache
"$ooda" sigma lint "$rules" >/dev/null

# One hunt, best of $runs by CPU; sets wall cpu rss and the summary numbers (events, detections, hunt rate, rule us/event).
hunt() {
  local best=1e9 run out=$work/hunt.out err=$work/hunt.err t=$work/hunt.time
  for ((run = 0; run < runs; run++)); do
    /usr/bin/time -f '%e %U %S %M' -o "$t" "$ooda" hunt "$@" --sigma "$rules" --json -w "$work/ws-hunt" >"$out" 2>"$err" \
      || { cat "$err" >&2; exit 1; }
    read -r w u s m <"$t"
    local c
    c=$(awk -v u="$u" -v s="$s" 'BEGIN { print u + s }')
    if awk -v a="$c" -v b="$best" 'BEGIN { exit !(a < b) }'; then
      best=$c wall=$w cpu=$c rss=$((m / 1024))
      summary=$(tr '\n' ' ' <"$err")
      lines=$(wc -l <"$out")
    fi
  done
  events=$(grep -oE '[0-9]+ events, ' <<<"$summary" | head -1 | tr -dc 0-9)
  detections=$(grep -oE '[0-9]+ detections in' <<<"$summary" | head -1 | tr -dc 0-9)
  rate=$(grep -oE '\([0-9]+ events/s\)' <<<"$summary" | head -1 | tr -dc 0-9)
  ruleus=$(grep -oE '[0-9.]+ µs/event' <<<"$summary" | head -1 | cut -d' ' -f1 || true)
  ruleus=${ruleus:--}
}

echo "$(uname -m), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1 /proc/loadavg); $(find "$rules" -name '*.yml' | wc -l) rule files"
printf "%-11s %6s %8s %10s %11s %12s %8s %7s %7s %9s\n" input files events detections "hunt ev/s" "process ev/s" "wall s" "cpu s" "RSS MB" "rules µs/ev"
for input in corpus-cold corpus concat; do
  case $input in
    corpus-cold) OODA_CACHE=off hunt "${corpus_files[@]}"; count=${#corpus_files[@]} ;;
    corpus) hunt "${corpus_files[@]}"; count=${#corpus_files[@]} ;;
    *) hunt "$concat"; count=1 ;;
  esac
  [ "$lines" = "$detections" ] || { echo "$input: $lines JSON lines but $detections detections" >&2; exit 1; }
  printf "%-11s %6d %8d %10d %11d %12.0f %8.2f %7.2f %7d %9s\n" $input "$count" "$events" "$detections" "$rate" \
    "$(awk -v e="$events" -v w="$wall" 'BEGIN { print e / w }')" "$wall" "$cpu" "$rss" "$ruleus"
done

modes=${MODES-none logsource needles}
[ -n "$modes" ] || exit 0
echo "per-event cost of rules and output on concat (CPU over --prefilter off, best of $runs):"
hunt "$concat" --prefilter off
base=$cpu
printf "  %-10s %8.2f cpu s\n" off "$base"
for mode in $modes; do
  hunt "$concat" --prefilter $mode
  printf "  %-10s %8.2f cpu s %8.2f µs/event (in-process rule time %s µs/event, %d detections)\n" $mode "$cpu" \
    "$(awk -v c="$cpu" -v b="$base" -v e="$events" 'BEGIN { print (c - b) / e * 1e6 }')" "$ruleus" "$detections"
done
