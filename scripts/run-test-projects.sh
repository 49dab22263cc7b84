#!/usr/bin/env bash
# Runs every tests/*.Tests project (already built, Release), two at a time, one TRX folder per project under RESULTS:
# the way ./build.sh test and scripts/test-loop.sh run them. Extra arguments go to every `dotnet test`.
# A test that hangs (none takes a minute) is ended after 5 minutes by the blame collector and named in the TRX,
# instead of holding the run until something kills it. Exit status: 0 when every project passed.
#   scripts/run-test-projects.sh RESULTS [dotnet test arguments...]
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 1 ] || { echo "usage: $0 RESULTS [dotnet test arguments...]" >&2; exit 2; }
results=$1
shift
mkdir -p "$results"
# Separate folders: TRX names carry only a timestamp to the second, parallel projects would collide.
# shellcheck disable=SC2016 # the inner script expands its own arguments
find tests -name '*.Tests.csproj' | sort | xargs -P 2 -I{} sh -c '
  p="$1"; results="$2"; shift 2; n=$(basename "$p" .csproj)
  dotnet test "$p" -c Release --no-build --nologo --logger trx --logger "console;verbosity=minimal" \
    --blame-hang-timeout 5min --blame-hang-dump-type none --results-directory "$results/$n" "$@" || exit 1' _ {} "$results" "$@"
