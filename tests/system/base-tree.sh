#!/usr/bin/env bash
# Prints the path of a cached minimal Debian bookworm tree that boots with systemd-nspawn, building it first
# (debootstrap, about 80 s and 270 MB) when the cache holds none. The cached tree is never modified: callers copy
# it. Cache folder: $ENIAGENT_TEST_CACHE, default artifacts/test-cache in the repository (not /tmp, which may be a small
# tmpfs). A tree counts only once debootstrap finished (a .complete marker), and a lock keeps two runs (two
# worktrees, say) from building the same tree at once.
set -euo pipefail

SUITE=bookworm
MIRROR=${ENIAGENT_TEST_MIRROR:-http://deb.debian.org/debian}
# systemd + systemd-sysv: the container boots it as PID 1. dbus: systemctl and the daemon's D-Bus peers.
# iproute2: checks the rt_protos.d entry. rpm: runs the .rpm scriptlets under a running systemd. netplan.io:
# runs "netplan generate" (Python) under the unit's sandbox.
INCLUDE=systemd,systemd-sysv,dbus,iproute2,rpm,netplan.io
CACHE=${ENIAGENT_TEST_CACHE:-$(cd "$(dirname "$0")/../.." && pwd)/artifacts/test-cache}

key=$(printf '%s %s %s' "$SUITE" minbase "$INCLUDE" | sha256sum | cut -c1-12)
tree="$CACHE/$SUITE-minbase-$key"

mkdir -p "$CACHE"
exec 9>"$CACHE/.lock"
flock 9

if [ ! -f "$tree/.complete" ]; then
  command -v debootstrap >/dev/null || { echo "base-tree: debootstrap is not installed (apt-get install debootstrap)" >&2; exit 3; }
  rm -rf "$tree" "$tree.partial"
  echo "base-tree: debootstrap $SUITE into $tree (about 80 s)" >&2
  start=$SECONDS
  if ! debootstrap --variant=minbase --include="$INCLUDE" "$SUITE" "$tree.partial" "$MIRROR" >"$CACHE/debootstrap.log" 2>&1; then
    echo "base-tree: debootstrap failed, last lines of $CACHE/debootstrap.log:" >&2
    tail -n 20 "$CACHE/debootstrap.log" >&2
    exit 1
  fi
  # Smaller copies: no package lists or downloaded .debs are needed by the tests.
  rm -rf "$tree.partial"/var/cache/apt/archives/*.deb "$tree.partial"/var/lib/apt/lists/*
  mv "$tree.partial" "$tree"
  touch "$tree/.complete"
  echo "base-tree: done in $((SECONDS - start)) s" >&2
fi

printf '%s\n' "$tree"
