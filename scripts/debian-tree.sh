#!/usr/bin/env bash
# Prints the path of a cached minimal Debian tree (debootstrap --variant=minbase), building it first when the
# cache holds none.
#
#   scripts/debian-tree.sh SUITE INCLUDE
#
#   SUITE     a Debian suite deb.debian.org serves (bookworm, bullseye)
#   INCLUDE   comma-separated extra packages (debootstrap --include)
#
# Used for the package system test's trees (tests/system/base-tree.sh: bookworm with systemd) and for the glibc
# sysroot the NativeAOT binary is linked against (./build.sh publish: bullseye with libc6-dev, docs/packaging.md).
# The cached tree is never modified: callers copy it or only read it. Cache folder: $ENIAGENT_TEST_CACHE, default
# artifacts/test-cache in the repository (not /tmp, which may be a small tmpfs). A tree counts only once
# debootstrap finished (a .complete marker), and a lock keeps two runs (two worktrees, say) from building one at
# once. Building needs root and debootstrap.
set -euo pipefail

[ $# -eq 2 ] || { echo "usage: $0 SUITE INCLUDE" >&2; exit 2; }
SUITE=$1
INCLUDE=$2
MIRROR=${ENIAGENT_TEST_MIRROR:-http://deb.debian.org/debian}
CACHE=${ENIAGENT_TEST_CACHE:-$(cd "$(dirname "$0")/.." && pwd)/artifacts/test-cache}

# The key names the content, so a changed package list builds a new tree next to the old one.
key=$(printf '%s %s %s' "$SUITE" minbase "$INCLUDE" | sha256sum | cut -c1-12)
tree="$CACHE/$SUITE-minbase-$key"

# A finished tree never changes again: no lock needed to use it (so a user without write access to the cache can).
if [ -f "$tree/.complete" ]; then
  printf '%s\n' "$tree"
  exit 0
fi

mkdir -p "$CACHE"
exec 9>"$CACHE/.lock"
flock 9

if [ ! -f "$tree/.complete" ]; then
  command -v debootstrap >/dev/null || { echo "debian-tree: debootstrap is not installed (apt-get install debootstrap)" >&2; exit 3; }
  rm -rf "$tree" "$tree.partial"
  log="$CACHE/debootstrap-$SUITE.log"
  echo "debian-tree: debootstrap $SUITE into $tree (80-200 s)" >&2
  start=$SECONDS
  if ! debootstrap --variant=minbase --include="$INCLUDE" "$SUITE" "$tree.partial" "$MIRROR" >"$log" 2>&1; then
    echo "debian-tree: debootstrap $SUITE failed, last lines of $log:" >&2
    tail -n 20 "$log" >&2
    exit 1
  fi
  # Smaller copies: no package lists or downloaded .debs are needed.
  rm -rf "$tree.partial"/var/cache/apt/archives/*.deb "$tree.partial"/var/lib/apt/lists/*
  # Library symlinks made relative (libpthread.so -> /lib/x86_64-linux-gnu/libpthread.so.0 and the like): used as
  # a linker sysroot, an absolute link would reach this machine's own, newer glibc. Inside the tree nothing changes.
  while IFS= read -r -d '' link; do
    target=$(readlink "$link")
    ln -sfn "$(realpath -s -m --relative-to="$(dirname "$link")" "$tree.partial$target")" "$link"
  done < <(find "$tree.partial/usr/lib" "$tree.partial/usr/lib64" -xdev -type l -lname '/*' -print0 2>/dev/null)
  mv "$tree.partial" "$tree"
  touch "$tree/.complete"
  echo "debian-tree: $SUITE done in $((SECONDS - start)) s" >&2
fi

printf '%s\n' "$tree"
