#!/usr/bin/env bash
# Whole-process investigation pivots over a large store: `ooda case timeline` around a point in a workspace of generated
# events (several tenants of five hosts over 30 days: Sysmon 1 process chains with 4688 twins, 4624 logons, Sysmon 3/11,
# daily IIS logs on each tenant's Exchange server), ingested through `ooda ingest`. The workspace is built once and kept
# under $BENCH_DIR (the generated collection is deleted after ingest). Prints wall time, CPU time and peak RSS (from
# /usr/bin/time -v) per command, best of three runs by wall time. The issue's bar: each pivot under 1 s at 10M events.
# Usage: benchmarks/investigation.sh [events] [tenants]   (default 10000000 and 4)
# BENCH_PART=tree times only the process trees; OODA_CLI=path/to/ooda times that build (nothing is built) and BENCH_WS=dir
# that workspace (a copy, say: a newer Ooda migrates the workspace it opens, and an older one then refuses it).
set -euo pipefail
cd "$(dirname "$0")/.."
events=${1:-10000000}
tenants=${2:-4}
work=${BENCH_DIR:-/tmp/ooda-bench}
mkdir -p "$work"
part=${BENCH_PART:-all}
cli=${OODA_CLI:-out/cli/ooda}
if [ -z "${OODA_CLI:-}" ]; then
  dotnet build benchmarks/Ooda.Benchmarks -c Release -o out/bench --nologo -v quiet -clp:ErrorsOnly
  ./ooda.sh build
fi
command -v /usr/bin/time >/dev/null || { apt-get install -y -qq time >/dev/null; }

ws=${BENCH_WS:-$work/investigation-$events-$tenants}
in_ws=(--workspace "$ws")

# The generated month starts 2021-07-15 (InvestigationFleetGenerator.Start); pivot in its middle, on tenant t01.
anchor="2021-08-01T13:37:00Z"
case_id="C-0001"

build_workspace() {
  local collection="$work/investigation-$events-$tenants-collection"
  rm -rf "$ws"
  if [ ! -f "$collection.generated" ]; then
    rm -rf "$collection" "$collection.generated"
    local start end
    start=$(date +%s.%N)
    out/bench/Ooda.Benchmarks generate-investigation "$collection" "$events" "$tenants"
    end=$(date +%s.%N)
    touch "$collection.generated"
    awk -v s="$start" -v e="$end" -v b="$(du -sb "$collection" | cut -f1)" 'BEGIN { printf "generated %.1f MB of evidence in %.1f s\n", b/1e6, e - s }'
  fi
  /usr/bin/time -v -o "$work/time-investigation-ingest" out/cli/ooda ingest "$collection" --workspace "$ws" --json >/dev/null 2>"$work/err-investigation-ingest" \
    || { tail -5 "$work/err-investigation-ingest"; exit 1; }
  report "ingest" "$work/time-investigation-ingest"
  out/cli/ooda case open --tenant t01 --title "benchmark pivot" --host t01-ex01 --host t01-dc01 "${in_ws[@]}" >/dev/null
  rm -rf "$collection" "$collection.generated"
  touch "$ws/.complete"
}

# One line from a /usr/bin/time -v report: name, wall, CPU and peak RSS.
report() {
  local name=$1 file=$2
  awk -F': ' -v name="$name" '
    /Elapsed \(wall clock\)/ { n = split($2, t, ":"); w = 0; for (i = 1; i <= n; i++) w = w * 60 + t[i] }
    /User time|System time/ { cpu += $2 }
    /Maximum resident set size/ { rss = $2 }
    END { printf "%-34s %7.2f s wall  %7.2f s cpu  peak RSS %6.0f MB\n", name, w, cpu, rss / 1024 }' "$file"
}

# Runs a command three times and reports the run with the best wall time; the command's stdout goes to /dev/null.
best_of_3() {
  local name=$1
  shift
  local best="" best_wall=""
  for i in 1 2 3; do
    local file="$work/time-investigation-$i"
    /usr/bin/time -v -o "$file" "$@" >/dev/null 2>"$work/err-investigation" || { tail -5 "$work/err-investigation"; exit 1; }
    local wall
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$file")
    if [ -z "$best_wall" ] || awk -v a="$wall" -v b="$best_wall" 'BEGIN { exit !(a < b) }'; then best_wall=$wall best=$file; fi
  done
  cp "$best" "$work/time-investigation-best"
  report "$name" "$work/time-investigation-best"
}

timeline_timing() {
  best_of_3 "timeline table (limit 200)" out/cli/ooda case timeline "$case_id" --around "$anchor" "${in_ws[@]}"
  best_of_3 "timeline jsonl (limit 1000)" out/cli/ooda case timeline "$case_id" --around "$anchor" --format jsonl "${in_ws[@]}"
  best_of_3 "timeline one source (sysmon 1)" out/cli/ooda case timeline "$case_id" --around "$anchor" --source "sysmon 1" --format jsonl "${in_ws[@]}"
  best_of_3 "timeline timesketch (all rows)" out/cli/ooda case timeline "$case_id" --around "$anchor" --format timesketch --limit 0 "${in_ws[@]}"
  local rows
  rows=$(out/cli/ooda case timeline "$case_id" --around "$anchor" --format jsonl --limit 0 "${in_ws[@]}" | wc -l)
  echo "  (the 30 h window around $anchor on t01-ex01 and t01-dc01 holds $rows rows)"
}

# Process trees (`ooda case tree`) over the same workspace: the process-tree helper adds its timing here, e.g.
#   best_of_3 "tree t01-ex01" out/cli/ooda case tree "$case_id" --host t01-ex01 --from ... --to ... "${in_ws[@]}"
# The process tree of the tenant's Exchange server: a two-day window around the anchor (the case view), then its whole month.
process_tree_timing() {
  best_of_3 "tree, 2-day window, json" "$cli" case tree "$case_id" --host t01-ex01 --from 2021-07-31T13:37:00Z --to 2021-08-02T13:37:00Z \
    --format json --max-nodes 100000 "${in_ws[@]}"
  best_of_3 "tree, root w3wp.exe, 2-day window" "$cli" case tree "$case_id" --host t01-ex01 --root w3wp.exe \
    --from 2021-07-31T13:37:00Z --to 2021-08-02T13:37:00Z --format json "${in_ws[@]}"
  best_of_3 "tree, whole month, json" "$cli" case tree "$case_id" --host t01-ex01 --format json --max-nodes 100000 "${in_ws[@]}"
}

[ -f "$ws/.complete" ] || build_workspace
stored=$("$cli" sql "SELECT count(*) AS n FROM event_rows" --json "${in_ws[@]}" | tr -dc '0-9')
echo "workspace $ws: $stored events, $(du -sh "$ws" | cut -f1); $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
[ "$part" = tree ] || timeline_timing
process_tree_timing
