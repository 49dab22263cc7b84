#!/usr/bin/env bash
# Builds the eniagent .deb and .rpm from the NativeAOT binary (./build.sh publish).
#
#   packaging/build-packages.sh [--binary FILE] [--out DIR]
#
#   --binary FILE   the eniagent executable (default artifacts/publish/eniagent)
#   --out DIR       where the packages go (default artifacts/packages)
#
# Writes DIR/eniagent_<ver>_amd64.deb and DIR/eniagent-<ver>-1.x86_64.rpm, <ver> being <Version> in
# Directory.Build.props. Needs dpkg-deb and dpkg-shlibdeps (dpkg-dev), rpmbuild (Debian package rpm) and objdump
# (binutils). Both packages accept glibc packaging/glibc-floor or newer (docs/packaging.md, "glibc floor").
# File times are clamped to SOURCE_DATE_EPOCH (default: the last commit) so a rebuild gives the same content.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
binary="$repo/artifacts/publish/eniagent"
out="$repo/artifacts/packages"

while [ $# -gt 0 ]; do
  case "$1" in
    --binary) binary=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    -h | --help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "build-packages: unknown argument '$1'" >&2; exit 2 ;;
  esac
done

die() { echo "build-packages: $*" >&2; exit 1; }
log() { printf '==> %s\n' "$*" >&2; }

for tool in dpkg-deb dpkg-shlibdeps rpmbuild gzip objdump; do
  command -v "$tool" >/dev/null || die "$tool is not installed (apt-get install dpkg-dev rpm gzip binutils)"
done
[ -x "$binary" ] || die "no executable at $binary: run ./build.sh publish first"
binary=$(cd "$(dirname "$binary")" && pwd)/$(basename "$binary")
mkdir -p "$out"
out=$(cd "$out" && pwd)

version=$(sed -n 's:.*<Version>\([^<]*\)</Version>.*:\1:p' "$repo/Directory.Build.props" | head -n 1)
[[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+([-.+~][0-9A-Za-z.]+)?$ ]] || die "no usable <Version> in Directory.Build.props (got '$version')"
# A prerelease (0.2.0-rc.1) must sort before the release in both formats: '~' does that for dpkg and rpm.
pkg_version=${version/-/\~}
pkg_version=${pkg_version//+/.}

if [ -z "${SOURCE_DATE_EPOCH:-}" ]; then
  SOURCE_DATE_EPOCH=$(git -C "$repo" log -1 --format=%ct 2>/dev/null || date +%s)
fi
export SOURCE_DATE_EPOCH

work=$(mktemp -d "${TMPDIR:-/tmp}/eniagent-pkg.XXXXXX")
trap 'rm -rf "$work"' EXIT

# ---------------------------------------------------------------------------------------------------------------
# The staged tree both packages share; only the unit folder differs (Debian 12: /lib, RPM distros: /usr/lib).
# /var/lib/eniagent (0700) is created by systemd (StateDirectory=) or the agent; only the rpm lists it (%dir).
stage() {
  local root=$1 unitdir=$2
  install -d -m 0755 "$root/usr/sbin" "$root$unitdir" "$root/etc/eniagent" "$root/etc/iproute2/rt_protos.d" \
    "$root/usr/share/doc/eniagent" "$root/usr/share/man/man8"
  install -m 0755 "$binary" "$root/usr/sbin/eniagent"
  install -m 0644 "$repo/systemd/eniagent.service" "$root$unitdir/eniagent.service"
  install -m 0644 "$repo/packaging/eniagent.yaml" "$root/etc/eniagent/eniagent.yaml"
  install -m 0644 "$repo/packaging/iproute2/eniagent.conf" "$root/etc/iproute2/rt_protos.d/eniagent.conf"
  install -m 0644 "$repo/README.md" "$root/usr/share/doc/eniagent/README.md"
  install -m 0644 "$repo/packaging/copyright" "$root/usr/share/doc/eniagent/copyright"
  gzip -9n <"$repo/packaging/eniagent.8" >"$root/usr/share/man/man8/eniagent.8.gz"
  chmod 0644 "$root/usr/share/man/man8/eniagent.8.gz"
}

clamp_times() {
  find "$1" -newermt "@$SOURCE_DATE_EPOCH" -exec touch --no-dereference --date="@$SOURCE_DATE_EPOCH" {} +
}

# ---------------------------------------------------------------------------------------------------------------
build_deb() {
  local root="$work/deb" deb="$out/eniagent_${pkg_version}_amd64.deb"
  stage "$root" /lib/systemd/system

  # A native package: its changelog is changelog.gz (lintian: debian-changelog-file-missing otherwise).
  {
    printf 'eniagent (%s) unstable; urgency=medium\n\n' "$pkg_version"
    printf '  * Release %s, built from the eniagent source tree.\n\n' "$version"
    printf ' -- %s  %s\n' "$maintainer" "$(date -u -R -d "@$SOURCE_DATE_EPOCH")"
  } | gzip -9n >"$root/usr/share/doc/eniagent/changelog.gz"
  chmod 0644 "$root/usr/share/doc/eniagent/changelog.gz"

  install -d -m 0755 "$root/usr/share/lintian/overrides"
  install -m 0644 "$repo/packaging/deb/lintian-overrides" "$root/usr/share/lintian/overrides/eniagent"

  # Depends from the binary's real needs: dpkg-shlibdeps reads the ELF and must find libc6 alone (NativeAOT).
  local shlibs
  mkdir -p "$work/shlibs/debian"
  printf 'Source: eniagent\n\nPackage: eniagent\nArchitecture: amd64\n' >"$work/shlibs/debian/control"
  shlibs=$(cd "$work/shlibs" && dpkg-shlibdeps -O -e"$root/usr/sbin/eniagent" 2>"$work/shlibdeps.log") \
    || { cat "$work/shlibdeps.log" >&2; die "dpkg-shlibdeps failed"; }
  shlibs=${shlibs#shlibs:Depends=}
  [[ "$shlibs" =~ ^libc6\ \(\>=\ [0-9.]+\)$ ]] || die "dpkg-shlibdeps found more or other than libc6: '$shlibs'"
  # Its version is not used: it comes from this machine's libc6 symbols file, where pthread_*, dl* and friends
  # count from 2.34 (they moved into libc.so.6 then), while the binary, linked against bullseye, imports them
  # from libpthread.so.0 and libdl.so.2 at their old versions. The version is the newest glibc symbol version the
  # ELF needs, or the declared floor when that is newer (it is: .NET 10 needs 2.27, the symbols 2.17).
  local libc
  libc=$(objdump -T "$root/usr/sbin/eniagent" | grep -o -E 'GLIBC_[0-9][0-9.]*' | sed 's/^GLIBC_//' | sort -V | tail -n 1)
  [ -n "$libc" ] || die "objdump -T found no glibc symbol version in the binary"
  [ "$(printf '%s\n' "$libc" "$glibc_floor" | sort -V | tail -n 1)" = "$libc" ] || libc=$glibc_floor
  # Nothing else: the agent never loads OpenSSL (.NET's crypto shim would dlopen it; the daemon tests check that
  # it stays unmapped), so no libssl dependency either.
  local depends="libc6 (>= $libc)"

  install -d -m 0755 "$root/DEBIAN"
  install -m 0755 "$repo/packaging/deb/postinst" "$repo/packaging/deb/prerm" "$repo/packaging/deb/postrm" "$root/DEBIAN/"
  printf '%s\n' /etc/eniagent/eniagent.yaml /etc/iproute2/rt_protos.d/eniagent.conf >"$root/DEBIAN/conffiles"
  clamp_times "$root"
  (cd "$root" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | sort -z | xargs -0 md5sum) >"$root/DEBIAN/md5sums"

  local size
  size=$(du -s -k --apparent-size --exclude=DEBIAN "$root" | cut -f1)
  cat >"$root/DEBIAN/control" <<EOF
Package: eniagent
Version: $pkg_version
Architecture: amd64
Maintainer: $maintainer
Installed-Size: $size
Depends: $depends
Section: net
Priority: optional
Description: configures secondary ENIs on Alibaba Cloud ECS
 eniagent reads the ECS metadata service, brings every secondary elastic
 network interface up with all its private addresses, installs per-ENI
 policy routing so that each address answers through its own ENI, and
 writes the same configuration in the distribution's own network format
 so that it survives a reboot. It never touches the primary interface
 unless told to, and only ever deletes what it created.
 .
 The eniagent service (systemd, Type=notify) follows netlink events and
 the metadata; the eniagent command reconciles, shows status and renders
 configuration offline for image builders.
EOF
  chmod 0644 "$root/DEBIAN/control" "$root/DEBIAN/conffiles" "$root/DEBIAN/md5sums"
  clamp_times "$root"

  rm -f "$deb"
  dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >/dev/null
  log "$deb ($(du -h "$deb" | cut -f1)), Depends: $depends"
}

# ---------------------------------------------------------------------------------------------------------------
build_rpm() {
  local root="$work/rpm" top="$work/rpmbuild"
  stage "$root" /usr/lib/systemd/system
  install -m 0644 "$repo/LICENSE" "$root/usr/share/doc/eniagent/LICENSE"
  install -d -m 0700 "$root/var/lib/eniagent"
  clamp_times "$root"
  mkdir -p "$top"/{BUILD,BUILDROOT,RPMS,SOURCES,SPECS,SRPMS}

  if ! rpmbuild -bb --quiet \
      --define "_topdir $top" \
      --define "_tmppath $work/rpmtmp" \
      --define "eni_version $pkg_version" \
      --define "eni_stage $root" \
      --define "eni_glibc_floor $glibc_floor" \
      --define "use_source_date_epoch_as_buildtime 1" \
      --define "clamp_mtime_to_source_date_epoch 1" \
      --define "_buildhost eniagent-build" \
      --target x86_64-linux \
      "$repo/packaging/rpm/eniagent.spec" >"$work/rpmbuild.log" 2>&1; then
    cat "$work/rpmbuild.log" >&2
    die "rpmbuild failed"
  fi

  local rpm
  rpm=$(find "$top/RPMS" -name "eniagent-${pkg_version}-1.x86_64.rpm" -print -quit)
  [ -n "$rpm" ] || { cat "$work/rpmbuild.log" >&2; die "rpmbuild wrote no eniagent-${pkg_version}-1.x86_64.rpm"; }
  cp "$rpm" "$out/"
  log "$out/$(basename "$rpm") ($(du -h "$rpm" | cut -f1))"
}

maintainer=${ENIAGENT_MAINTAINER:-eniagent authors <maintainers@eniagent.invalid>}
# The oldest glibc the packages accept (docs/packaging.md, "glibc floor"): the one line that is not a comment.
glibc_floor=$(grep -v -E '^[[:space:]]*(#|$)' "$repo/packaging/glibc-floor" | head -n 1)
[[ "$glibc_floor" =~ ^2\.[0-9]+$ ]] || die "packaging/glibc-floor holds no glibc version like 2.27 (got '$glibc_floor')"
log "packaging eniagent $version from $binary"
build_deb
build_rpm
