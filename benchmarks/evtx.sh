#!/usr/bin/env bash
# Whole-process EVTX throughput, side by side on the same files and machine:
#   ooda evtx dump --format jsonl (one thread and all cores), evtxexport -f xml (libevtx-utils), evtx_dump.py (python3-evtx).
# Usage: benchmarks/evtx.sh [--all | --concat [--repeat N]] [file.evtx ...]
#   no files: the three largest .evtx of the shared corpus ($OODA_CORPUS or ../shared/corpus); --all: every corpus file,
#   one process each; --concat: one file of every used chunk of the given files (default: every corpus file that
#   evtxexport reads whole, since it stops at the first record it cannot decode), header counts and CRC fixed, so that
#   process start-up does not dominate; --repeat N writes those chunks N times (a bigger log: start-up amortised).
# Prints seconds, MB/s and records/s per tool (records as ooda counts them), then each tool's time relative to ooda
# and evtxexport's CPU time relative to each ooda run (the issue's goal: >= 40x single-threaded).
# Example: SKIP_PY=1 benchmarks/evtx.sh --concat --repeat 4
# Set SKIP_PY=1 to leave out evtx_dump.py (about 100x slower than evtxexport); RUNS=3 keeps each tool's best of 3;
# BENCH_DIR (default /tmp/ooda-bench) holds the concatenated file; OODA_CLI=path/to/ooda measures that build as is.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${OODA_CORPUS:-$(cd .. && pwd)/shared/corpus}
all=0
concat=0
repeat=1
files=()
while [ $# -gt 0 ]; do
  case "$1" in --all) all=1 ;; --concat) concat=1 ;; --repeat) repeat=$2; shift ;; *) files+=("$1") ;; esac
  shift
done
if [ $concat = 1 ]; then
  work=${BENCH_DIR:-/tmp/ooda-bench}
  mkdir -p "$work"
  if [ ${#files[@]} -eq 0 ]; then
    # Every corpus file evtxexport exports without an error (cached: delete the list to rebuild it).
    if [ ! -s "$work/evtxexport-whole.txt" ]; then
      find "$corpus" -name '*.evtx' | sort | while read -r f; do
        evtxexport -f xml "$f" >/dev/null 2>&1 && echo "$f"
      done >"$work/evtxexport-whole.txt"
    fi
    mapfile -t files <"$work/evtxexport-whole.txt"
  fi
  REPEAT=$repeat python3 - "$work/concat.evtx" "${files[@]}" <<'PY'
import os, struct, sys, zlib
out, inputs = sys.argv[1], sys.argv[2:]
paths = [os.path.join(r, n) for i in inputs for r, _, ns in sorted(os.walk(i)) for n in sorted(ns) if n.endswith('.evtx')] if os.path.isdir(inputs[0]) else inputs
chunks, header = [], None
for path in paths:
        data = open(path, 'rb').read()
        if data[:8] != b'ElfFile\0' or len(data) < 4096:
            continue
        header = header or bytearray(data[:4096])
        for at in range(4096, len(data) - 65535, 65536):
            chunk = data[at:at + 65536]
            if chunk[:8] == b'ElfChnk\0' and struct.unpack_from('<I', chunk, 0x30)[0] > 0x200:
                chunks.append(chunk)
chunks = (chunks * int(os.environ.get('REPEAT', '1')))[:65535]
struct.pack_into('<QQ', header, 0x08, 0, len(chunks) - 1)  # first and last chunk number
struct.pack_into('<H', header, 0x2A, len(chunks))  # chunk count
struct.pack_into('<I', header, 0x78, 0)  # flags: clean
struct.pack_into('<I', header, 0x7C, zlib.crc32(bytes(header[:0x78])))
with open(out, 'wb') as f:
    f.write(header)
    for chunk in chunks:
        f.write(chunk)
PY
  files=("$work/concat.evtx")
fi
if [ ${#files[@]} -eq 0 ]; then
  [ -d "$corpus" ] || { echo "no corpus at $corpus (set OODA_CORPUS or pass files)" >&2; exit 2; }
  if [ $all = 1 ]; then
    mapfile -d '' files < <(find "$corpus" -name '*.evtx' -print0 | sort -z)
  else
    mapfile -t files < <(find "$corpus" -name '*.evtx' -printf '%s\t%p\n' | sort -rn | head -3 | cut -f2)
  fi
fi
for tool in evtxexport evtx_dump.py; do
  command -v "$tool" >/dev/null || { echo "$tool missing: apt-get install libevtx-utils python3-evtx" >&2; exit 2; }
done
work=${BENCH_DIR:-/tmp/ooda-bench}
mkdir -p "$work"
command -v /usr/bin/time >/dev/null || { echo "/usr/bin/time missing: apt-get install time" >&2; exit 2; }
# OODA_CLI=path/to/ooda measures that build instead (e.g. before/after copies); else out/cli, rebuilt by ./ooda.sh build.
if [ -n "${OODA_CLI:-}" ]; then
  ooda=$OODA_CLI
else
  ./ooda.sh build
  ooda=out/cli/ooda
fi
cores=$(nproc)

bytes=0
records=0
for f in "${files[@]}"; do
  bytes=$((bytes + $(stat -c %s "$f")))
  records=$((records + $("$ooda" evtx dump "$f" --format jsonl 2>/dev/null | wc -l)))
done

# Runs one command over every file (one process per file, as users run these tools); prints "wall-seconds cpu-seconds".
timed() {
  local start end cpu=0 used
  start=$(date +%s.%N)
  for f in "${files[@]}"; do
    /usr/bin/time -f '%U %S' -o "$work/cpu" "$@" "$f" >/dev/null 2>&1 || true
    used=$(tail -1 "$work/cpu" | awk '{ print $1 + $2 }')
    cpu=$(awk -v a="$cpu" -v b="$used" 'BEGIN { print a + b }')
  done
  end=$(date +%s.%N)
  awk -v s="$start" -v e="$end" -v c="$cpu" 'BEGIN { printf "%.3f %.3f", e - s, c }'
}

# Best of RUNS (default 1) by wall and by CPU time: on a shared machine the minimum is the least disturbed run.
best() {
  local run result wall=1e9 cpu=1e9
  for ((run = 0; run < ${RUNS:-1}; run++)); do
    result=$(timed "$@")
    wall=$(awk -v a="$wall" -v b="${result% *}" 'BEGIN { print (b < a ? b : a) }')
    cpu=$(awk -v a="$cpu" -v b="${result#* }" 'BEGIN { print (b < a ? b : a) }')
  done
  echo "$wall $cpu"
}

declare -A seconds
seconds[ooda-1]=$(best "$ooda" evtx dump --format jsonl --threads 1)
seconds[ooda-$cores]=$(best "$ooda" evtx dump --format jsonl)
seconds[evtxexport]=$(best evtxexport -f xml)
[ "${SKIP_PY:-0}" = 1 ] || seconds[evtx_dump.py]=$(best evtx_dump.py)

echo "$(uname -m), $cores cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1 /proc/loadavg)"
echo "${#files[@]} files, $(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }') MB, $records records"
echo "tool            wall s      MB/s   records/s   cpu s  MB/s/cpu-s  wall ratio  cpu ratio (vs ooda-1)"
read -r base_wall base_cpu <<<"${seconds[ooda-1]}"
for tool in ooda-1 "ooda-$cores" evtxexport evtx_dump.py; do
  [ -n "${seconds[$tool]:-}" ] || continue
  read -r wall cpu <<<"${seconds[$tool]}"
  awk -v t="$wall" -v c="$cpu" -v b="$bytes" -v n="$records" -v bw="$base_wall" -v bc="$base_cpu" -v name="$tool" \
    'BEGIN { printf "%-14s %7.2f %9.1f %11.0f %7.2f %11.1f %10.1fx %9.1fx\n", name, t, b / 1e6 / t, n / t, c, b / 1e6 / c, t / bw, c / bc }'
done
read -r ee_wall ee_cpu <<<"${seconds[evtxexport]}"
read -r many_wall many_cpu <<<"${seconds[ooda-$cores]}"
awk -v ew="$ee_wall" -v ec="$ee_cpu" -v ow="$base_wall" -v oc="$base_cpu" -v mw="$many_wall" -v n="$cores" \
  'BEGIN { printf "ooda vs evtxexport: one thread %.1fx CPU (%.1fx wall); %d cores %.1fx wall\n", ec / oc, ew / ow, n, ew / mw }'
