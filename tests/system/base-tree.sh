#!/usr/bin/env bash
# Prints the path of a cached minimal Debian bookworm tree that boots with systemd-nspawn, building it first
# (debootstrap, about 80 s and 270 MB) when the cache holds none. The cached tree is never modified: callers copy
# it. The cache, its lock and its .complete marker: scripts/debian-tree.sh ($ENIAGENT_TEST_CACHE, default
# artifacts/test-cache in the repository).
set -euo pipefail

# systemd + systemd-sysv: the container boots it as PID 1. dbus: systemctl and the daemon's D-Bus peers.
# iproute2: checks the rt_protos.d entry. rpm: runs the .rpm scriptlets under a running systemd. netplan.io:
# runs "netplan generate" (Python) under the unit's sandbox.
exec "$(dirname "$0")/../../scripts/debian-tree.sh" bookworm systemd,systemd-sysv,dbus,iproute2,rpm,netplan.io
