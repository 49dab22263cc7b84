#!/usr/bin/env bash
# Daemon benchmarks (./build.sh bench): hot-plug latency, idle footprint, memory over many reconciles, for the
# framework-dependent build and the NativeAOT binary. Needs root (network namespaces). Not part of ./build.sh test.
#   BENCH_TRIALS (30)  BENCH_IDLE_MINUTES (10)  BENCH_SOAK_MINUTES (10)  BENCH_CYCLES (10000)
#   BENCH_WHAT (all|hotplug|idle|soak|cycles)
set -euo pipefail
cd "$(dirname "$0")/.."
[ "$(id -u)" -eq 0 ] || { echo "bench needs root (network namespaces): sudo ./build.sh bench" >&2; exit 77; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

./build.sh build
./build.sh publish >/dev/null
dotnet build bench/EniAgent.Bench -c Release -nologo -clp:ErrorsOnly -warnaserror

out=artifacts/bench/results-$(date -u +%Y%m%dT%H%M%SZ).txt
dotnet bench/EniAgent.Bench/bin/Release/net10.0/EniAgent.Bench.dll "${BENCH_WHAT:-all}" \
  --agent "jit=dotnet $PWD/src/EniAgent.Cli/bin/Release/net10.0/eniagent.dll" \
  --agent "aot=$PWD/artifacts/publish/eniagent" \
  --trials "${BENCH_TRIALS:-30}" --idle-minutes "${BENCH_IDLE_MINUTES:-10}" --soak-minutes "${BENCH_SOAK_MINUTES:-10}" --cycles "${BENCH_CYCLES:-10000}" \
  --out "$out"
echo "results: $out (summarise them in docs/benchmarks.md)"
