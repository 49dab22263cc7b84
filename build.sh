#!/usr/bin/env bash
# eniagent build entry point.
#   ./build.sh            build (warnings are errors)
#   ./build.sh test       install test prerequisites (root, apt, idempotent), build, run every test,
#                         end with "N passed, N failed, N skipped"
#   ./build.sh publish    NativeAOT binary in artifacts/publish/, linked against Debian bullseye's glibc (root the
#                         first time: debootstrap of the sysroot)
#   ./build.sh package    .deb and .rpm in artifacts/packages/
#   ./build.sh demo       run the agent for real against a throwaway namespace "instance-<pid>" (root; --keep leaves it)
#   ./build.sh bench      benchmarks (bench/), results summarised in docs/benchmarks.md
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# Packages the tests use: real kernel tools and the real consumers of our rendered files. The package system test
# (tests/system/packages.sh) adds debootstrap, systemd-nspawn (systemd-container), rpmbuild (rpm), lintian,
# the shell linter and dpkg-shlibdeps (dpkg-dev). The stack tests run systemd-networkd (systemd) and NetworkManager
# on private buses (dbus); dnsmasq (dnsmasq-base) is the VPC DHCP server of the NetworkManager hot-plug race test.
TEST_APT_PACKAGES=(iproute2 iputils-ping procps python3 util-linux curl netplan.io ifupdown network-manager dnsmasq-base
  systemd dbus debootstrap systemd-container rpm lintian shellcheck dpkg-dev binutils)
# binutils: objdump, for the glibc symbol versions of the binary.
PACKAGE_APT_PACKAGES=(rpm dpkg-dev binutils)

log() { printf '==> %s\n' "$*" >&2; }

apt_install() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    log "not root: cannot install ${missing[*]}; tests needing them will be skipped"
    return 0
  fi
  log "apt-get install ${missing[*]}"
  if [ ! -f /tmp/.eniagent-apt-updated ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq && touch /tmp/.eniagent-apt-updated
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

build() {
  log "dotnet build (Release, warnings as errors)"
  dotnet build EniAgent.sln -c Release -warnaserror -nologo -clp:ErrorsOnly "$@"
}

run_tests() {
  apt_install "${TEST_APT_PACKAGES[@]}"
  build
  local results="$ROOT/artifacts/test-results"
  rm -rf "$results"; mkdir -p "$results"
  log "dotnet test (one results folder per project, two projects at a time)"
  local rc=0
  scripts/run-test-projects.sh "$results" || rc=$?
  package_tests "$results/system-packages" || rc=$?
  scripts/test-summary.py "$results"
  return $rc
}

# The glibc the binary is linked against (docs/packaging.md): a cached Debian bullseye tree (glibc 2.31) with
# libc6-dev, built by debootstrap the first time (1-2 minutes and 160 MB, root) under artifacts/test-cache.
SYSROOT_SUITE=bullseye
SYSROOT_INCLUDE=libc6-dev

# The oldest glibc the packages declare (packaging/glibc-floor: the one line that is not a comment).
glibc_floor() { grep -v -E '^[[:space:]]*(#|$)' "$ROOT/packaging/glibc-floor" | head -n 1; }

# Fails when BINARY needs a glibc symbol version newer than the floor, naming the symbols that do.
check_glibc_floor() {
  local binary=$1 floor newest version symbol
  floor=$(glibc_floor)
  # "VERSION SYMBOL" per imported or defined glibc symbol.
  objdump -T "$binary" | awk 'match($0, /GLIBC_[0-9][0-9.]*/) { print substr($0, RSTART + 6, RLENGTH - 6), $NF }' \
    | sort -V -u >"$ROOT/artifacts/publish/glibc-symbols.txt"
  newest=$(tail -n 1 "$ROOT/artifacts/publish/glibc-symbols.txt" | cut -d' ' -f1)
  if [ "$(printf '%s\n' "$floor" "$newest" | sort -V | tail -n 1)" != "$floor" ]; then
    log "$binary needs glibc $newest, newer than the floor $floor (packaging/glibc-floor). The symbols:"
    while read -r version symbol; do
      [ "$(printf '%s\n' "$floor" "$version" | sort -V | tail -n 1)" = "$floor" ] || printf '    %s GLIBC_%s\n' "$symbol" "$version" >&2
    done <"$ROOT/artifacts/publish/glibc-symbols.txt"
    return 1
  fi
  log "glibc: the binary needs at most GLIBC_$newest (floor $floor; artifacts/publish/glibc-symbols.txt)"
}

publish() {
  apt_install debootstrap binutils
  local sysroot
  sysroot=$(scripts/debian-tree.sh "$SYSROOT_SUITE" "$SYSROOT_INCLUDE") || { log "no $SYSROOT_SUITE sysroot to link against (scripts/debian-tree.sh)"; return 1; }
  log "NativeAOT publish (linked against $SYSROOT_SUITE's glibc in $sysroot)"
  # Each publish flavour gets its own intermediate folder (platform.md: shared obj/ produced a broken binary).
  # --artifacts-path gives every project its own obj/ under it; one BaseIntermediateOutputPath for all projects
  # made them share project.assets.json and the restore broke.
  dotnet publish src/EniAgent.Cli/EniAgent.Cli.csproj -c Release -r linux-x64 -p:PublishAot=true \
    -p:EniAgentSysRoot="$sysroot" \
    --artifacts-path "$ROOT/artifacts/obj-aot" -o "$ROOT/artifacts/publish" -nologo "$@"
  ls -l "$ROOT/artifacts/publish/eniagent"
  check_glibc_floor "$ROOT/artifacts/publish/eniagent"
}

# The .deb, .rpm and unit under a real systemd (tests/system/packages.sh; its results join the summary as a TRX):
# NativeAOT publish (~2 min) and packaging, then about 1 min of install and boot checks in cached Debian trees
# (the first run on a machine adds two debootstraps: bullseye for the publish, 1-2 min, and bookworm, ~3 min).
# Old packages are deleted first, so a failed publish can never let stale packages pass.
package_tests() {
  local out=$1
  mkdir -p "$out"
  rm -rf "$ROOT/artifacts/packages"
  log "package system test: publish and package (logs in $out)"
  if ! { publish >"$out/publish.log" 2>&1 && packaging/build-packages.sh >"$out/build-packages.log" 2>&1; }; then
    log "publish or packaging failed: see $out/publish.log and $out/build-packages.log"
  fi
  log "package system test: tests/system/packages.sh"
  tests/system/packages.sh --results "$out"
}

cmd=${1:-build}
[ $# -gt 0 ] && shift
case "$cmd" in
  build) build "$@" ;;
  test) run_tests "$@" ;;
  publish) publish "$@" ;;
  package) apt_install "${PACKAGE_APT_PACKAGES[@]}"; publish; packaging/build-packages.sh "$@" ;;
  demo) [ -x scripts/demo.sh ] || { echo "demo not available yet" >&2; exit 2; }; build; scripts/demo.sh "$@" ;;
  bench) [ -x bench/run.sh ] || { echo "bench/run.sh missing" >&2; exit 2; }; bench/run.sh "$@" ;;
  *) echo "usage: $0 [build|test|publish|package|demo|bench]" >&2; exit 2 ;;
esac
