#!/usr/bin/env bash
# Sigma hunts over a workspace store, the in-memory engine against the SQL engine (rules compiled to DuckDB SQL):
# same rules, same store, both engines must print the same detections.
# Usage: benchmarks/sigma-sql.sh [json-events]   (default 1,000,000)
# Stores: the demo workspace (ooda demo, ~53k events) and one of generated Sysmon JSON lines (Ooda.Benchmarks
# generate-jsonl). Rules: every SigmaHQ rule of $RULES (default ../shared/corpus/sigma/rules; non-Windows ones are
# refused as unmapped, as in any hunt). Prints per store and engine: wall seconds, events/s over the hunt (ooda's
# summary, rule loading excluded), detections and peak RSS, then the SQL engine's own summary line.
set -euo pipefail
cd "$(dirname "$0")/.."
events=${1:-1000000}
corpus=${OODA_CORPUS:-$(cd .. && pwd)/shared/corpus}
rules=${RULES:-$corpus/sigma/rules}
work=${BENCH_DIR:-/tmp/ooda-bench}
mkdir -p "$work"
dotnet build benchmarks/Ooda.Benchmarks -c Release -o out/bench --nologo -v quiet -clp:ErrorsOnly
./ooda.sh build
command -v /usr/bin/time >/dev/null || { apt-get install -y -qq time >/dev/null; }

[ -d "$work/ws-demo" ] || out/cli/ooda demo --workspace "$work/ws-demo" -o "$work/demo-files" >/dev/null
[ -f "$work/events-$events.jsonl" ] || out/bench/Ooda.Benchmarks generate-jsonl "$work/events-$events.jsonl" "$events"
[ -d "$work/ws-json-$events" ] || out/cli/ooda ingest "$work/events-$events.jsonl" --tenant bench --host h1 --workspace "$work/ws-json-$events" --json >/dev/null

hunt() {
  local store=$1 engine=$2
  local out="$work/hunt-$store-$engine"
  /usr/bin/time -f "%e %M" -o "$out.time" out/cli/ooda hunt --store --workspace "$work/ws-$store" --sigma "$rules" --engine "$engine" --json \
    >"$out.jsonl" 2>"$out.err" || { cat "$out.err"; exit 1; }
  local wall rss summary
  read -r wall rss < <(tail -1 "$out.time")
  summary=$(tr '\n' ' ' < "$out.err")
  local count rate
  count=$(grep -oE '[0-9]+ events, ' <<<"$summary" | head -1 | tr -dc 0-9)
  rate=$(grep -oE '\([0-9]+ events/s\)' <<<"$summary" | head -1 | tr -dc 0-9)
  printf "%-14s %-6s %9d events %8.2f s wall %9d events/s %8d detections  peak RSS %6d MB\n" \
    "$store" "$engine" "$count" "$wall" "$rate" "$(wc -l < "$out.jsonl")" "$((rss / 1024))"
}

for store in demo "json-$events"; do
  hunt "$store" memory
  hunt "$store" sql
  if cmp -s <(sort "$work/hunt-$store-memory.jsonl") <(sort "$work/hunt-$store-sql.jsonl"); then
    echo "$store: both engines printed the same detections"
  else
    echo "$store: the engines' detections DIFFER (see $work/hunt-$store-*.jsonl)"
    exit 1
  fi
  tr '\n' ' ' < "$work/hunt-$store-sql.err" | tr -s ' ' | grep -oE 'sql: .* hits decided in memory' || true
done
