#!/usr/bin/env bash
# Whole-process ingest throughput and peak memory: ooda ingest of generated IIS and JSON-line files.
# Usage: benchmarks/ingest.sh [iis-lines] [json-events]   (defaults 3,000,000 and 1,000,000)
# Prints lines/s and peak RSS (from /usr/bin/time) for each input.
set -euo pipefail
cd "$(dirname "$0")/.."
iis_lines=${1:-3000000}
json_events=${2:-1000000}
work=${BENCH_DIR:-/tmp/ooda-bench}
mkdir -p "$work"
dotnet build benchmarks/Ooda.Benchmarks -c Release -o out/bench --nologo -v quiet -clp:ErrorsOnly
./ooda.sh build
command -v /usr/bin/time >/dev/null || { apt-get install -y -qq time >/dev/null; }

[ -f "$work/iis-$iis_lines.log" ] || out/bench/Ooda.Benchmarks generate-iis "$work/iis-$iis_lines.log" "$iis_lines"
[ -f "$work/events-$json_events.jsonl" ] || out/bench/Ooda.Benchmarks generate-jsonl "$work/events-$json_events.jsonl" "$json_events"

run() {
  local name=$1 file=$2 count=$3
  rm -rf "$work/ws-$name"
  local start end
  start=$(date +%s.%N)
  /usr/bin/time -f "%M %U %S" -o "$work/rss-$name" out/cli/ooda ingest "$file" --tenant bench --host h1 --workspace "$work/ws-$name" --json >/dev/null 2>"$work/err-$name" || { cat "$work/err-$name"; exit 1; }
  end=$(date +%s.%N)
  local size
  size=$(stat -c %s "$file")
  read -r rss user sys < <(tail -1 "$work/rss-$name")
  awk -v n="$count" -v s="$start" -v e="$end" -v rss="$rss" -v cpu="$(echo "$user + $sys" | bc)" -v bytes="$size" -v name="$name" \
    'BEGIN { t = e - s; printf "%-6s %12d records %8.1f MB %7.2f s wall %7.2f s cpu %10.0f records/s %7.1f MB/s  peak RSS %6.0f MB\n", name, n, bytes/1e6, t, cpu, n/t, bytes/1e6/t, rss/1024 }'
}

run iis "$work/iis-$iis_lines.log" "$iis_lines"
run json "$work/events-$json_events.jsonl" "$json_events"
