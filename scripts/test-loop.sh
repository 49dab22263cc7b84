#!/usr/bin/env bash
# Hunts intermittent test failures: builds once, then runs every test project the way CI does
# (scripts/run-test-projects.sh) ROUNDS times, and prints per round the count, the failed tests and the time.
# --load adds one busy CPU loop for the whole run (a 2-core machine at about three times CI's load): races that
# almost never show up in CI show up within a few rounds. Extra arguments go to every `dotnet test` (e.g. --filter).
# A round that seems stuck: `dotnet-dump collect -p PID` on its testhost, then `dotnet-dump analyze FILE -c dumpasync`
# names the awaiting test (how the TriggerQueueTests hang was found). Results: artifacts/test-loop/rN/.
#   sudo scripts/test-loop.sh [--rounds N] [--load] [dotnet test arguments...]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=10 load=
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds=$2; shift 2 ;;
    --load) load=1; shift ;;
    *) break ;;
  esac
done
[ "$(id -u)" -eq 0 ] || { echo "the tests need root (network namespaces): sudo $0" >&2; exit 77; }

out=artifacts/test-loop
rm -rf "$out"; mkdir -p "$out"
hog=
trap '[ -n "$hog" ] && kill "$hog" 2>/dev/null; true' EXIT
dotnet build EniAgent.sln -c Release -warnaserror -nologo -clp:ErrorsOnly >"$out/build.log" 2>&1 \
  || { tail -n 20 "$out/build.log" >&2; exit 1; }
if [ -n "$load" ]; then
  sh -c 'while :; do :; done' &
  hog=$!
fi

bad=0
for i in $(seq 1 "$rounds"); do
  start=$(date +%s)
  scripts/run-test-projects.sh "$out/r$i" "$@" >"$out/r$i.log" 2>&1 || bad=$((bad + 1))
  echo "round $i/$rounds ($(( $(date +%s) - start )) s):"
  scripts/test-summary.py "$out/r$i" | sed 's/^/  /'
done
echo "$bad of $rounds round(s) had failures"
[ "$bad" -eq 0 ]
