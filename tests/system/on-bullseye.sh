#!/bin/bash
# Runs inside a Debian 11 (bullseye, glibc 2.31) tree under systemd-nspawn without boot (packages.sh starts it): the
# .deb must install with bullseye's own dpkg, whose dependency check weighs the package's libc6 (>= floor) against
# bullseye's libc6, and the installed binary must run there: --version, --help, render (offline, from a metadata
# file) and status (against the metadata emulator on 127.0.0.1: HTTP, netlink, the state file). One line per check
# goes to /systest-out/results.tsv: "pass|fail<TAB>name<TAB>detail"; the trace to /systest-out/probe-bullseye.log.
#
#   /pkgs/                        the .deb (read-only)
#   /systest/version              the version eniagent --version must print
#   /systest/all.json             a meta-data/all document for render (made from scenario.json)
#   /systest/scenario.json        the same metadata for the emulator
#   /systest/glibc-compat-math-test   tests/native/glibc-compat-math-test.c, built by packages.sh
#   /opt/dotnet, /opt/emulator    the host's .NET and the metadata emulator (without them the status check fails)
set -u

OUT=/systest-out
exec 3>>"$OUT/results.tsv"
exec >>"$OUT/probe-bullseye.log" 2>&1
set -x

# check NAME DETAIL COMMAND...: one result line, pass when COMMAND succeeds.
check() {
  local name=$1 detail=$2 outcome=fail
  shift 2
  "$@" && outcome=pass
  printf '%s\tbullseye: %s\t%s\n' "$outcome" "$name" "$(printf '%s' "$detail" | tr '\t\n' '  ')" >&3
}

libc=$(dpkg-query -W -f='${Version}' libc6)
DEBIAN_FRONTEND=noninteractive dpkg -i /pkgs/*.deb </dev/null
rc=$?
check "dpkg -i the .deb next to libc6 $libc" "rc=$rc, Depends: $(dpkg-query -W -f='${Depends}' eniagent 2>&1)" test "$rc" = 0

out=$(/systest/glibc-compat-math-test 2>&1)
rc=$?
check "glibc-compat-math: exp/exp2/log/log2/pow@GLIBC_2.2.5 equal the default versions on glibc $libc" "$(tail -n 2 <<<"$out")" test "$rc" = 0

out=$(/usr/sbin/eniagent --version 2>&1)
check "eniagent --version runs on glibc $libc" "$out" grep -q -F "$(cat /systest/version)" <<<"$out"
out=$(/usr/sbin/eniagent --help 2>&1)
rc=$?
commands=$(sed -n '/^Commands:/,$p' <<<"$out" | awk 'NF { print $1 }' | tr '\n' ' ')
check "eniagent --help lists the commands" "rc=$rc: $commands" \
  test "$rc" = 0 -a -n "$(grep -E '^ +render ' <<<"$out")" -a -n "$(grep -E '^ +status ' <<<"$out")"

image=/tmp/image
mkdir -p "$image"
out=$(/usr/sbin/eniagent render --root "$image" --metadata-file /systest/all.json --os-release /etc/os-release 2>&1)
rc=$?
check "eniagent render --metadata-file writes the ifupdown file" "rc=$rc, $(head -n 1 <<<"$out"), $(cd "$image" && find . -type f | sort | tr '\n' ' ')" \
  test "$rc" = 0 -a -s "$image/etc/network/interfaces.d/eniagent-eth1" -a -s "$image/var/lib/eniagent/state.json"

# status asks a metadata service: the emulator on the container's loopback (no iproute2 in this tree for
# 100.100.100.200; the URL is an option). eth1 does not exist here, so the secondary ENI is pending: exit 0.
emulator=
if [ -x /opt/dotnet/dotnet ] && [ -f /opt/emulator/eniagent-metadata-emulator.dll ]; then
  /opt/dotnet/dotnet /opt/emulator/eniagent-metadata-emulator.dll --scenario /systest/scenario.json \
    --listen http://127.0.0.1:8080 >/tmp/emulator.out 2>&1 &
  emulator=$!
  for _ in $(seq 150); do
    grep -q 'listening on' /tmp/emulator.out && break
    sleep 0.2
  done
fi
out=$(timeout 60 /usr/sbin/eniagent status --root "$image" --metadata-url http://127.0.0.1:8080 2>&1)
rc=$?
check "eniagent status --root against the metadata emulator" "rc=$rc, $(grep -E 'instance|secondary' <<<"$out" | tr '\n' ';')" \
  test "$rc" = 0 -a -n "$(grep -F 'instance i-systest000000000001' <<<"$out")" -a -n "$(grep -E 'eni-systest0000000001 .* PENDING$' <<<"$out")"
[ -n "$emulator" ] && kill "$emulator"
exit 0
