#!/usr/bin/env bash
# The console under load on 127.0.0.1: a demo workspace served by `ooda serve --inbox`, N concurrent API readers on the
# main reads (fleet exposure, leads, one case, its timeline) while one stream uploads evidence files through the
# authenticated ingest route, for a bounded time. Prints latency p50/p90/p99/max and errors per route, waits until the
# queue has hunted every upload, stops the console, then checks the store: every upload ingested exactly once.
# Usage: benchmarks/console-load.sh [clients] [seconds] [uploads]   (default 200 60 100; every tenth upload is a duplicate)
# OODA_CLI=path uses an existing ooda build instead of ./ooda.sh build; BENCH_DIR sets the scratch folder.
set -euo pipefail
cd "$(dirname "$0")/.."
clients=${1:-200}
seconds=${2:-60}
uploads=${3:-100}
work=${BENCH_DIR:-/tmp/ooda-console-load}
port=${PORT:-5097}
if [ -n "${OODA_CLI:-}" ]; then ooda=$OODA_CLI; else ./ooda.sh build; ooda=out/cli/ooda; fi
dotnet build benchmarks/Ooda.LoadTest -c Release -o "$work/loadtest" --nologo -v quiet -clp:ErrorsOnly
rm -rf "$work/ws" "$work/inbox" "$work/demo-files"
mkdir -p "$work/inbox"

"$ooda" demo --workspace "$work/ws" -o "$work/demo-files" >/dev/null
LOAD_PASSWORD=load-test-password-1 "$ooda" user add loadtest --role admin --password-env LOAD_PASSWORD --workspace "$work/ws" --as bench >/dev/null
token=$("$ooda" user token loadtest --label load-test --workspace "$work/ws" --as bench | tail -1)

"$ooda" serve --workspace "$work/ws" --urls "http://127.0.0.1:$port" --inbox "$work/inbox" >"$work/serve.log" 2>&1 &
serve=$!
trap 'kill "$serve" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
  kill -0 "$serve" 2>/dev/null || { cat "$work/serve.log"; exit 1; }
  sleep 0.5
done

set +e
"$work/loadtest/Ooda.LoadTest" run "http://127.0.0.1:$port" "$token" "$clients" "$seconds" "$uploads" acme C-0001 "$work/receipts.tsv"
load=$?
set -e
echo "console peak RSS: $(grep -E '^VmHWM' /proc/$serve/status | awk '{print $2/1024 " MB"}')"
kill -TERM "$serve"
wait "$serve" || true
trap - EXIT
"$work/loadtest/Ooda.LoadTest" verify "$work/ws" "$work/receipts.tsv"
exit "$load"
