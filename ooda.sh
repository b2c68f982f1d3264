#!/usr/bin/env bash
# Ooda's one entry point on a fresh Debian machine with the .NET SDK:
#   ./ooda.sh demo    install what is missing, build, run `ooda demo`
#   ./ooda.sh test    install what the tests need, run every test
#   ./ooda.sh build   build the CLI into out/cli (benchmarks use this)
#   ./ooda.sh <args>  build if needed and run the ooda CLI with <args>
set -euo pipefail
cd "$(dirname "$0")"

# Debian packages: reference tools the tests compare against, and native libraries Ooda loads.
runtime_packages=(libyara9)
test_packages=(libevtx-utils python3-evtx yara chromium)

install_missing() {
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "installing: ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

# ReadyToRun: precompiled code halves start-up and the first second of every run (EVTX dump, triage, hunts).
build_cli() {
  dotnet publish src/Ooda.Cli/Ooda.Cli.csproj -c Release --use-current-runtime --self-contained false -p:PublishReadyToRun=true \
    -o out/cli --nologo -v quiet -clp:ErrorsOnly >&2
}

case "${1:-}" in
  demo)
    shift
    install_missing "${runtime_packages[@]}"
    build_cli
    exec out/cli/ooda demo "$@"
    ;;
  build)
    build_cli
    ;;
  test)
    shift
    install_missing "${runtime_packages[@]}" "${test_packages[@]}"
    exec dotnet test Ooda.slnx -c Release --nologo "$@"
    ;;
  *)
    [ -x out/cli/ooda ] || build_cli
    exec out/cli/ooda "$@"
    ;;
esac
