#!/usr/bin/env bash
# IOC matching throughput and peak memory: a generated set of mixed indicators against lazily generated IIS and Sysmon
# events, one thread, in one process (no files: this measures the matcher, not parsing).
# Usage: benchmarks/ioc.sh [iocs] [events] [--bdn]   (defaults 100,000 and 10,000,000)
#   --bdn also runs the BenchmarkDotNet per-event micro-benchmark (IocMatcherBenchmarks).
# Prints compile time, events/s (matching alone and end to end), hits, and peak RSS (from /usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."
iocs=${1:-100000}
events=${2:-10000000}
work=${BENCH_DIR:-/tmp/ooda-bench}
mkdir -p "$work"
dotnet build benchmarks/Ooda.Benchmarks -c Release -o out/bench --nologo -v quiet -clp:ErrorsOnly >/dev/null
command -v /usr/bin/time >/dev/null || { echo "/usr/bin/time missing: apt-get install time" >&2; exit 2; }
echo "$(uname -m), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1 /proc/loadavg)"
/usr/bin/time -f "%M %e %U %S" -o "$work/ioc-time" out/bench/Ooda.Benchmarks ioc "$iocs" "$events"
read -r rss wall user sys < "$work/ioc-time"
awk -v rss="$rss" -v wall="$wall" -v cpu="$(echo "$user + $sys" | bc)" 'BEGIN { printf "process: %.1f s wall, %.1f s cpu, peak RSS %.0f MB\n", wall, cpu, rss / 1024 }'
if [ "${3:-}" = --bdn ]; then
  out/bench/Ooda.Benchmarks --filter '*IocMatcherBenchmarks*' --artifacts "$work/bdn"
fi
