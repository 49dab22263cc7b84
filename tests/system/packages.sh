#!/usr/bin/env bash
# System test of the eniagent .deb, .rpm and systemd unit (root; about 1 minute once the packages and the cached
# Debian tree exist; the first run adds a debootstrap of about 3 minutes).
#
#   tests/system/packages.sh [--deb FILE] [--rpm FILE] [--results DIR] [--keep]
#
#   --deb, --rpm   the packages (default artifacts/packages/*, as packaging/build-packages.sh writes them)
#   --results DIR  where results.tsv, system-packages.trx and the logs go (default artifacts/system-test)
#   --keep         keep the container trees (printed) for a look afterwards
#
# What it does:
#   1. inspects both packages on the host: fields, dependencies, file lists with modes and owners, conffiles,
#      maintainer scripts (shellcheck), lintian, rpm -qpil / --requires / --scripts, the unit's exposure score;
#   2. copies a cached minimal bookworm tree (tests/system/base-tree.sh) twice and installs the .deb into one and
#      the .rpm into the other with the tree's own dpkg/rpm inside systemd-nspawn (no boot, so no systemd runs:
#      the scripts must enable the unit and start nothing), then checks files, conffiles, `systemd-analyze
#      verify`, the binary and the rt_protos.d name;
#   3. installs the .deb into a copy of the Debian 11 tree the binary is linked against (glibc 2.31, bullseye's own
#      dpkg) and runs the binary there (tests/system/on-bullseye.sh: --version, --help, render, status);
#   4. boots each bookworm tree (systemd-nspawn -b, private network) and runs tests/system/in-container.sh there:
#      the service under a real systemd (ready without metadata, reload, stop, an end-to-end reconcile against the
#      metadata emulator, remove/purge/reinstall/upgrade with systemd running).
# Nothing here touches the machine's own /etc, /run or /var: packages only go into the trees, and systemd-nspawn
# runs in a private mount namespace with its own /run/systemd. The trees live under $ENIAGENT_TEST_CACHE
# (default artifacts/test-cache in the repository, never the machine's /var) next to the cached base and are deleted at the end.
# A missing tool or package fails the run with the reason; nothing is silently skipped.
# SC2016: the single-quoted $ in awk programs, sh -c scripts and dpkg-query formats are meant literally.
# shellcheck disable=SC2016
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
results="$repo/artifacts/system-test"
deb='' rpm='' keep=no
BOOT_TIMEOUT=${ENIAGENT_BOOT_TIMEOUT:-240}

while [ $# -gt 0 ]; do
  case "$1" in
    --deb) deb=$2; shift 2 ;;
    --rpm) rpm=$2; shift 2 ;;
    --results) results=$2; shift 2 ;;
    --keep) keep=yes; shift ;;
    -h | --help) sed -n '2,24p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "packages.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
done

mkdir -p "$results"
results=$(cd "$results" && pwd)

# The two trees (about 300 MB each) live on a tmpfs in this script's own mount namespace: copying and deleting
# them on disk took up to a minute on a busy disk, and the tmpfs vanishes with the namespace whatever happens.
# --keep puts them on disk instead, so they outlive the run.
if [ "$keep" = no ] && [ -z "${ENIAGENT_SYSTEST_NS:-}" ] && [ "$(id -u)" -eq 0 ] && command -v unshare >/dev/null; then
  exec unshare -m --propagation private env ENIAGENT_SYSTEST_NS=1 "$0" --results "$results" ${deb:+--deb "$deb"} ${rpm:+--rpm "$rpm"}
fi
tsv="$results/results.tsv"
: >"$tsv"
started=$SECONDS

# ---------------------------------------------------------------------------------------------------------------
record() { printf '%s\t%s\t%s\n' "$1" "$2" "$(printf '%s' "${3:-}" | tr '\t\r\n' '   ')" >>"$tsv"; }
pass() { record pass "$1" "${2:-}"; }
fail() { record fail "$1" "${2:-}"; }
# check NAME DETAIL COMMAND...
check() {
  local name=$1 detail=$2
  shift 2
  if "$@"; then pass "$name" "$detail"; else fail "$name" "$detail"; fi
}
phase() { printf '==> [%3d s] %s\n' "$((SECONDS - started))" "$*" >&2; }

# isolated COMMAND...: COMMAND in a private mount namespace whose /run/systemd is a fresh tmpfs, so what systemd's
# tools write there (systemd-nspawn: propagate/, locks/; systemd-analyze: the systemd-units-load stamp) never
# lands in the machine's own /run. ISOLATED_TIMEOUT (seconds) bounds the whole run: 120 s for the quick steps,
# the boots set their own.
ISOLATED_TIMEOUT=120
isolated() {
  local over=/run/systemd limit=()
  [ -d "$over" ] || over=/run
  [ -n "$ISOLATED_TIMEOUT" ] && limit=(timeout --kill-after=20 "$ISOLATED_TIMEOUT")
  "${limit[@]}" unshare -m --propagation private sh -c 'mount -t tmpfs -o mode=0755 tmpfs "$1" && shift && exec "$@"' sh "$over" "$@"
}

# nspawn TREE ARGS...: systemd-nspawn, isolated. --console=pipe: no pseudo-terminal, so the output carries no CRs
# or escape sequences. Both --register=no and --keep-unit are needed on a machine without systemd as PID 1.
nspawn() {
  local tree=$1
  shift
  isolated systemd-nspawn -q -D "$tree" --register=no --keep-unit --private-network --console=pipe "$@" </dev/null
}

finished=no
finish() {
  finished=yes
  local rc=0
  python3 - "$tsv" "$results/system-packages.trx" <<'PY' || rc=$?
import sys, uuid, datetime, html
rows = [(l.rstrip("\n").split("\t", 2) + ["", ""])[:3] for l in open(sys.argv[1], encoding="utf-8", newline="\n") if l.strip()]
rows = [r if r[0] in ("pass", "fail", "skip") else ["fail", "malformed result line", "\t".join(r)] for r in rows]
counts = {"pass": 0, "fail": 0, "skip": 0}
width = max([len(r[1]) for r in rows] + [10])
for outcome, name, detail in rows:
    counts[outcome] += 1
    print(f"{ {'pass': 'PASS', 'fail': 'FAIL', 'skip': 'SKIP'}[outcome] }  {name.ljust(width)}  {detail}")
now = datetime.datetime.now(datetime.timezone.utc).isoformat()
run, lst = str(uuid.uuid4()), str(uuid.uuid4())
outcome_of = {"pass": "Passed", "fail": "Failed", "skip": "NotExecuted"}
defs, res, entries = [], [], []
for outcome, name, detail in rows:
    tid, eid = str(uuid.uuid4()), str(uuid.uuid4())
    n = html.escape(name, quote=True)
    defs.append(f'<UnitTest name="{n}" id="{tid}"><Execution id="{eid}"/><TestMethod codeBase="tests/system/packages.sh" '
                f'className="SystemTests.Packages" name="{n}"/></UnitTest>')
    res.append(f'<UnitTestResult executionId="{eid}" testId="{tid}" testName="{n}" computerName="localhost" '
               f'outcome="{outcome_of[outcome]}" testType="13cdc9d9-ddb5-4fa4-a97d-d965ccfc6d4b" testListId="{lst}">'
               f'<Output><StdOut>{html.escape(detail)}</StdOut></Output></UnitTestResult>')
    entries.append(f'<TestEntry testId="{tid}" executionId="{eid}" testListId="{lst}"/>')
total = len(rows)
with open(sys.argv[2], "w", encoding="utf-8") as f:
    f.write('<?xml version="1.0" encoding="utf-8"?>\n'
            f'<TestRun id="{run}" name="eniagent system-packages" xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">'
            f'<Times creation="{now}" start="{now}" finish="{now}"/>'
            f'<Results>{"".join(res)}</Results><TestDefinitions>{"".join(defs)}</TestDefinitions>'
            f'<TestEntries>{"".join(entries)}</TestEntries>'
            f'<TestLists><TestList name="system" id="{lst}"/></TestLists>'
            f'<ResultSummary outcome="{"Failed" if counts["fail"] else "Completed"}">'
            f'<Counters total="{total}" executed="{counts["pass"] + counts["fail"]}" passed="{counts["pass"]}" '
            f'failed="{counts["fail"]}" error="0" timeout="0" aborted="0" inconclusive="0" notExecuted="{counts["skip"]}"/>'
            '</ResultSummary></TestRun>\n')
print(f"system-packages: {counts['pass']} passed, {counts['fail']} failed, {counts['skip']} skipped")
sys.exit(1 if counts["fail"] or not rows else 0)
PY
  phase "done (results and logs in $results)"
  return $rc
}

# ---------------------------------------------------------------------------------------------------------------
phase "prerequisites"
if [ "$(id -u)" -ne 0 ]; then
  fail "prerequisites: root" "the system test needs root (debootstrap, systemd-nspawn, dpkg/rpm into a tree)"
  finish; exit 1
fi
missing=()
for tool in dpkg-deb dpkg-query lintian shellcheck rpm rpmbuild debootstrap systemd-nspawn systemd-analyze unshare python3 timeout objdump gcc; do
  command -v "$tool" >/dev/null || missing+=("$tool")
done
if [ ${#missing[@]} -gt 0 ]; then
  fail "prerequisites: tools" "missing ${missing[*]} (apt-get install debootstrap systemd-container rpm lintian shellcheck dpkg-dev)"
  finish; exit 1
fi
version=$(sed -n 's:.*<Version>\([^<]*\)</Version>.*:\1:p' "$repo/Directory.Build.props" | head -n 1)
pkg_version=${version/-/\~}
pkg_version=${pkg_version//+/.}
deb=${deb:-$repo/artifacts/packages/eniagent_${pkg_version}_amd64.deb}
rpm=${rpm:-$repo/artifacts/packages/eniagent-${pkg_version}-1.x86_64.rpm}
if [ ! -f "$deb" ] || [ ! -f "$rpm" ]; then
  fail "prerequisites: packages" "missing $( [ -f "$deb" ] || printf '%s ' "$deb")$( [ -f "$rpm" ] || printf '%s' "$rpm") (./build.sh package)"
  finish; exit 1
fi
# The oldest glibc the packages declare (docs/packaging.md, "glibc floor").
glibc_floor=$(grep -v -E '^[[:space:]]*(#|$)' "$repo/packaging/glibc-floor" | head -n 1)
deb=$(cd "$(dirname "$deb")" && pwd)/$(basename "$deb")
rpm=$(cd "$(dirname "$rpm")" && pwd)/$(basename "$rpm")
pass "prerequisites" "root, tools, $(basename "$deb"), $(basename "$rpm")"

work=$(mktemp -d "$results/host.XXXXXX")
cache=${ENIAGENT_TEST_CACHE:-$repo/artifacts/test-cache}
mkdir -p "$cache"
run_dir=$(mktemp -d "$cache/run.XXXXXX")
if [ -n "${ENIAGENT_SYSTEST_NS:-}" ]; then
  mount -t tmpfs -o size=3g,mode=0700 eniagent-systest "$run_dir"
fi
# An unexpected error ends the script (set -e): it still counts as a failure in the results and the TRX.
failed_at=
trap 'failed_at=$LINENO' ERR
cleanup() {
  local rc=$?
  if [ "$finished" = no ]; then
    fail "system test ran to the end" "aborted with status $rc near line ${failed_at:-?} of tests/system/packages.sh"
    finish || true
  fi
  phase "cleanup"
  rm -rf "$work"
  if [ "$keep" = yes ]; then
    echo "kept: $run_dir" >&2
  else
    [ -n "${ENIAGENT_SYSTEST_NS:-}" ] && umount "$run_dir"
    rm -rf "$run_dir"
  fi
  exit "$rc"
}
trap cleanup EXIT

# ---------------------------------------------------------------------------------------------------------------
phase "deb: fields, files, conffiles, scripts, lintian"
field() { dpkg-deb -f "$deb" "$1"; }
check "deb: Package/Version/Architecture" "$(field Package) $(field Version) $(field Architecture)" \
  test "$(field Package) $(field Version) $(field Architecture)" = "eniagent $pkg_version amd64"
# NativeAOT needs glibc only (libc, libm, libpthread, libdl, librt, ld.so): the agent never loads OpenSSL
# (Cli.Tests' DaemonLifecycleTests checks /proc/PID/maps), so there is no libssl dependency. The version is the
# declared floor: the binary's own symbols need less (checked below).
check "deb: Depends is libc6 (>= $glibc_floor) only (packaging/glibc-floor)" "Depends: $(field Depends)" \
  test "$(field Depends)" = "libc6 (>= $glibc_floor)"
check "deb: no Pre-Depends/Recommends on systemd or iproute2" "$(field Pre-Depends)$(field Recommends)" \
  test -z "$(field Pre-Depends)$(field Recommends)"

dpkg-deb -c "$deb" | awk '{ print $1, $2, substr($6, 2) }' | sed 's:/$::' | awk 'NF == 3' | sort -k3 >"$work/deb-files"
cat >"$work/deb-files-expected" <<'EOF'
drwxr-xr-x root/root /etc
drwxr-xr-x root/root /etc/eniagent
-rw-r--r-- root/root /etc/eniagent/eniagent.yaml
drwxr-xr-x root/root /etc/iproute2
drwxr-xr-x root/root /etc/iproute2/rt_protos.d
-rw-r--r-- root/root /etc/iproute2/rt_protos.d/eniagent.conf
drwxr-xr-x root/root /lib
drwxr-xr-x root/root /lib/systemd
drwxr-xr-x root/root /lib/systemd/system
-rw-r--r-- root/root /lib/systemd/system/eniagent.service
drwxr-xr-x root/root /usr
drwxr-xr-x root/root /usr/sbin
-rwxr-xr-x root/root /usr/sbin/eniagent
drwxr-xr-x root/root /usr/share
drwxr-xr-x root/root /usr/share/doc
drwxr-xr-x root/root /usr/share/doc/eniagent
-rw-r--r-- root/root /usr/share/doc/eniagent/README.md
-rw-r--r-- root/root /usr/share/doc/eniagent/changelog.gz
-rw-r--r-- root/root /usr/share/doc/eniagent/copyright
drwxr-xr-x root/root /usr/share/lintian
drwxr-xr-x root/root /usr/share/lintian/overrides
-rw-r--r-- root/root /usr/share/lintian/overrides/eniagent
drwxr-xr-x root/root /usr/share/man
drwxr-xr-x root/root /usr/share/man/man8
-rw-r--r-- root/root /usr/share/man/man8/eniagent.8.gz
EOF
check "deb: file list, modes and owners are exactly the layout" \
  "$(diff "$work/deb-files-expected" "$work/deb-files" | grep '^[<>]' | head -n 4 | tr '\n' ';')" \
  diff -q "$work/deb-files-expected" "$work/deb-files"

dpkg-deb -e "$deb" "$work/DEBIAN"
check "deb: conffiles are the yaml and the rt_protos.d entry" "$(tr '\n' ' ' <"$work/DEBIAN/conffiles")" \
  test "$(cat "$work/DEBIAN/conffiles")" = "$(printf '/etc/eniagent/eniagent.yaml\n/etc/iproute2/rt_protos.d/eniagent.conf')"
scripts_ok=yes
for s in postinst prerm postrm; do
  [ -x "$work/DEBIAN/$s" ] && sh -n "$work/DEBIAN/$s" && shellcheck -s sh "$work/DEBIAN/$s" >>"$work/shellcheck.log" 2>&1 || scripts_ok=no
done
check "deb: postinst/prerm/postrm executable, shellcheck-clean" "$(head -c 300 "$work/shellcheck.log" 2>/dev/null)" test "$scripts_ok" = yes
check "deb: every start/stop/restart in the scripts sits under [ -d /run/systemd/system ]" \
  "$(cat "$work"/DEBIAN/p* | grep -c -E 'invoke (start|stop|try-restart|restart)') start/stop call(s)" \
  awk '/\[ -d \/run\/systemd\/system \]/ { guard = 1 } /^ *fi$/ && guard { guard = 0 }
       /(deb-systemd-invoke|systemctl)/ && /(start|stop|restart)/ && !guard { bad = 1; print FILENAME ": " $0 > "/dev/stderr" }
       END { exit bad }' "$work"/DEBIAN/postinst "$work"/DEBIAN/prerm "$work"/DEBIAN/postrm

lintian -I --fail-on error,warning "$deb" >"$results/lintian.log" 2>&1 && rc=0 || rc=$?
check "deb: lintian (errors and warnings fail; overrides in packaging/deb/lintian-overrides)" \
  "rc=$rc, $(grep -c '^E:' "$results/lintian.log") E, $(grep -c '^W:' "$results/lintian.log") W, $(grep -c '^I:' "$results/lintian.log") I (lintian.log)" \
  test "$rc" = 0 -a "$(grep -c -E '^(E|W):' "$results/lintian.log")" = 0

# ---------------------------------------------------------------------------------------------------------------
phase "rpm: -qpil, --requires, --scripts"
qf() { rpm -qp --qf "$1" "$rpm" 2>/dev/null; }
check "rpm: name-version-release.arch" "$(qf '%{NAME}-%{VERSION}-%{RELEASE}.%{ARCH}')" \
  test "$(qf '%{NAME}-%{VERSION}-%{RELEASE}.%{ARCH}')" = "eniagent-$pkg_version-1.x86_64"
rpm -qpil "$rpm" >"$results/rpm-qpil.txt" 2>&1
qf '[%{FILEMODES:perms} %{FILEUSERNAME}:%{FILEGROUPNAME} %{FILEFLAGS:fflags} %{FILENAMES}\n]' | sed 's/  */ /g' >"$work/rpm-files"
cat >"$work/rpm-files-expected" <<'EOF'
drwxr-xr-x root:root /etc/eniagent
-rw-r--r-- root:root cn /etc/eniagent/eniagent.yaml
drwxr-xr-x root:root /etc/iproute2/rt_protos.d
-rw-r--r-- root:root cn /etc/iproute2/rt_protos.d/eniagent.conf
-rw-r--r-- root:root /usr/lib/systemd/system/eniagent.service
-rwxr-xr-x root:root /usr/sbin/eniagent
drwxr-xr-x root:root /usr/share/doc/eniagent
-rw-r--r-- root:root dl /usr/share/doc/eniagent/LICENSE
-rw-r--r-- root:root d /usr/share/doc/eniagent/README.md
-rw-r--r-- root:root dl /usr/share/doc/eniagent/copyright
-rw-r--r-- root:root d /usr/share/man/man8/eniagent.8.gz
drwx------ root:root /var/lib/eniagent
EOF
check "rpm: file list, modes, owners; %config(noreplace) on the yaml and rt_protos.d" \
  "$(diff "$work/rpm-files-expected" "$work/rpm-files" | grep '^[<>]' | head -n 4 | tr '\n' ';')" \
  diff -q "$work/rpm-files-expected" "$work/rpm-files"
rpm -qp --requires "$rpm" 2>/dev/null | sort -u >"$results/rpm-requires.txt"
unexpected=$(grep -v -E '^(libc\.so\.6|libm\.so\.6|libpthread\.so\.0|libdl\.so\.2|librt\.so\.1|ld-linux-x86-64\.so\.2)(\(\)|\(GLIBC_[0-9.]+\))\(64bit\)$|^rtld\(GNU_HASH\)$|^rpmlib\(|^/bin/sh$|^config\(eniagent\) = ' \
  "$results/rpm-requires.txt" | tr '\n' ' ') || true
glibc=$(grep -o -E 'GLIBC_[0-9.]+' "$results/rpm-requires.txt" | sort -V | tail -n 1) || true
check "rpm: requires glibc (newest symbol version $glibc) and /bin/sh, nothing else" "unexpected: ${unexpected:-none}" \
  test -z "$unexpected" -a -n "$glibc"
check "rpm: the newest glibc it requires is the floor, libc.so.6(GLIBC_$glibc_floor)(64bit)" "newest: $glibc" \
  test "$glibc" = "GLIBC_$glibc_floor" -a -n "$(grep -x -F "libc.so.6(GLIBC_$glibc_floor)(64bit)" "$results/rpm-requires.txt")"
rpm -qp --scripts "$rpm" >"$results/rpm-scripts.txt" 2>/dev/null
awk '/^[a-z]+ scriptlet \(using \/bin\/sh\):$/ { n = $1; next } n { print > (dir "/rpm-" n ".sh") }' dir="$work" "$results/rpm-scripts.txt"
scripts_ok=yes
for s in postinstall preuninstall postuninstall; do
  [ -s "$work/rpm-$s.sh" ] && sh -n "$work/rpm-$s.sh" && shellcheck -s sh "$work/rpm-$s.sh" >>"$work/shellcheck-rpm.log" 2>&1 || scripts_ok=no
done
check "rpm: %post/%preun/%postun present, shellcheck-clean" "$(head -c 300 "$work/shellcheck-rpm.log" 2>/dev/null)" test "$scripts_ok" = yes
check "rpm: every start/stop/restart in the scriptlets sits under [ -d /run/systemd/system ]" \
  "$(grep -c -F '[ -d /run/systemd/system ]' "$results/rpm-scripts.txt") guard(s)" \
  awk '/\[ -d \/run\/systemd\/system \]/ { guard = 1 } /^fi$/ && guard { guard = 0 }
       /systemctl/ && /(start|stop|restart)/ && !guard { bad = 1; print FILENAME ": " $0 > "/dev/stderr" }
       END { exit bad }' "$work"/rpm-postinstall.sh "$work"/rpm-preuninstall.sh "$work"/rpm-postuninstall.sh

# ---------------------------------------------------------------------------------------------------------------
phase "binary: glibc symbol versions"
mkdir -p "$work/debroot"
dpkg-deb -x "$deb" "$work/debroot"
# What the binary asks of glibc (ELF version needs): at most the floor, else dpkg and rpm would have to refuse
# more distributions than the packages say. "VERSION SYMBOL" per line, in version order.
objdump -T "$work/debroot/usr/sbin/eniagent" | awk 'match($0, /GLIBC_[0-9][0-9.]*/) { print substr($0, RSTART + 6, RLENGTH - 6), $NF }' \
  | sort -V -u >"$results/glibc-symbols.txt"
newest=$(tail -n 1 "$results/glibc-symbols.txt" | cut -d' ' -f1)
check "binary: needs at most GLIBC_$glibc_floor (newest: $newest)" \
  "$(awk -v n="$newest" '$1 == n { printf "%s ", $2 }' "$results/glibc-symbols.txt")(glibc-symbols.txt)" \
  test "$(printf '%s\n' "$glibc_floor" "$newest" | sort -V | tail -n 1)" = "$glibc_floor"
# NativeLink/glibc-compat-math.c: these five stay at their original version, never the 2.29 one.
math=$(awk '$2 ~ /^(exp|exp2|log|log2|pow)$/ { printf "%s@GLIBC_%s ", $2, $1 }' "$results/glibc-symbols.txt")
check "binary: exp/exp2/log/log2/pow imported at GLIBC_2.2.5 (glibc-compat-math.c)" "${math:-none}" \
  test -n "$math" -a -z "$(awk '$2 ~ /^(exp|exp2|log|log2|pow)$/ && $1 != "2.2.5"' "$results/glibc-symbols.txt")"

# ---------------------------------------------------------------------------------------------------------------
phase "unit: exposure score (offline)"
isolated systemd-analyze security --offline=yes --no-pager "$work/debroot/lib/systemd/system/eniagent.service" >"$results/security.txt" 2>&1 || true
score=$(sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]*\).*/\1/p' "$results/security.txt")
check "unit: systemd-analyze security --offline=yes exposure at most 2.0" "exposure ${score:-?} (security.txt)" \
  awk -v s="${score:-99}" 'BEGIN { exit !(s <= 2.0) }'

# Every folder the agent writes network configuration to must be in ReadWritePaths (ProtectSystem=strict). The
# folders come from the source (the renderers' and the netplan runtime sync's constants), so a new renderer
# without its ReadWritePaths entry fails here. This is checked statically because inside systemd-nspawn systemd
# 252 leaves /run writable for this unit anyway (seen with ProtectKernelTunables=, ProtectControlGroups= or
# ProtectProc= set), so a missing /run entry would not show at run time there.
rw_check=$(python3 - "$repo" "$work/debroot/lib/systemd/system/eniagent.service" <<'PY'
import pathlib, re, sys
repo, unit = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]).read_text()
folders = set()
for f in list((repo / "src/EniAgent.Rendering/Renderers").glob("*.cs")) + [repo / "src/EniAgent.Platform/Stacks/NetplanRuntimeSync.cs"]:
    text = f.read_text()
    folders.update(re.findall(r'const string (?:Runtime)?Directory = "(/[^"]+)"', text))
    folders.update(m.rsplit("/", 1)[0] for m in re.findall(r'PathOf\(string interfaceName\) =>\s*\$"(/[^"{]+)', text))
allowed = {p.lstrip("-") for line in unit.splitlines() if line.startswith("ReadWritePaths=") for p in line.split("=", 1)[1].split()}
missing = sorted(folders - allowed)
print(f"{len(folders)} folder(s) in the source; missing: {' '.join(missing) or 'none'}")
sys.exit(1 if missing or len(folders) < 5 else 0)
PY
) && rc=0 || rc=$?
check "unit: ReadWritePaths covers every folder the agent writes (from the source)" "$rw_check" test "$rc" = 0

# ---------------------------------------------------------------------------------------------------------------
phase "base tree"
base=$("$here/base-tree.sh") || { fail "base tree: debootstrap bookworm" "tests/system/base-tree.sh failed (see its output)"; finish; exit 1; }
pass "base tree: cached bookworm minbase with systemd" "$base"

pkgdir="$work/pkgs-deb"
mkdir -p "$pkgdir" "$work/pkgs-rpm"
cp "$deb" "$pkgdir/"
cp "$rpm" "$work/pkgs-rpm/"

# ---------------------------------------------------------------------------------------------------------------
phase "deb: install into a tree without a running systemd"
dt="$run_dir/deb"
cp -a --reflink=auto "$base" "$dt"
nspawn "$dt" --bind-ro="$pkgdir:/pkgs" sh -c 'DEBIAN_FRONTEND=noninteractive dpkg -i /pkgs/*.deb </dev/null' >"$results/deb-install.log" 2>&1 && rc=0 || rc=$?
check "deb: dpkg -i into the tree (no systemd running)" "rc=$rc (deb-install.log)" test "$rc" = 0
enabled=$(nspawn "$dt" systemctl is-enabled eniagent.service 2>&1 | tail -n 1) || true
check "deb: the scripts enabled the unit offline" "is-enabled: $enabled" test "$enabled" = enabled
installed_modes=$(cd "$dt" && stat -c '%a %U:%G %n' usr/sbin/eniagent lib/systemd/system/eniagent.service etc/eniagent/eniagent.yaml etc/iproute2/rt_protos.d/eniagent.conf usr/share/doc/eniagent/README.md usr/share/doc/eniagent/copyright usr/share/man/man8/eniagent.8.gz 2>&1 | tr '\n' ';') || true
check "deb: installed layout and modes" "$installed_modes" \
  test "$installed_modes" = "755 root:root usr/sbin/eniagent;644 root:root lib/systemd/system/eniagent.service;644 root:root etc/eniagent/eniagent.yaml;644 root:root etc/iproute2/rt_protos.d/eniagent.conf;644 root:root usr/share/doc/eniagent/README.md;644 root:root usr/share/doc/eniagent/copyright;644 root:root usr/share/man/man8/eniagent.8.gz;"
conff=$(nspawn "$dt" dpkg-query -W -f='${Conffiles}' eniagent 2>&1 | awk 'NF { print $1 }' | tr '\n' ' ') || true
check "deb: dpkg records both conffiles" "$conff" test "$conff" = "/etc/eniagent/eniagent.yaml /etc/iproute2/rt_protos.d/eniagent.conf "
nspawn "$dt" systemd-analyze verify --man=no eniagent.service >"$results/deb-verify.log" 2>&1 && rc=0 || rc=$?
check "deb: systemd-analyze verify of the installed unit" "rc=$rc $(grep -v '^$' "$results/deb-verify.log" | head -n 3 | tr '\n' ';')" \
  test "$rc" = 0 -a ! -s "$results/deb-verify.log"
ver_out=$(nspawn "$dt" /usr/sbin/eniagent --version 2>&1 | tail -n 1) || true
check "deb: the installed binary runs on bookworm's glibc" "eniagent --version: $ver_out" grep -q -F "$version" <<<"$ver_out"
protos=$(nspawn "$dt" sh -c 'ip link set lo up && ip route add 198.51.100.0/24 dev lo proto 201 table 31000 && ip route show table 31000' 2>&1 | tr '\n' ' ') || true
check "deb: 'ip' names protocol 201 eniagent (rt_protos.d)" "$protos" grep -q 'proto eniagent' <<<"$protos"

# ---------------------------------------------------------------------------------------------------------------
phase "rpm: install into a tree without a running systemd"
rt="$run_dir/rpm"
cp -a --reflink=auto "$base" "$rt"
# --nodeps: this tree's rpm database knows nothing of Debian's glibc.
nspawn "$rt" --bind-ro="$work/pkgs-rpm:/pkgs" sh -c 'rpm -i --nodeps /pkgs/*.rpm' >"$results/rpm-install.log" 2>&1 && rc=0 || rc=$?
check "rpm: rpm -i into the tree (no systemd running)" "rc=$rc (rpm-install.log)" test "$rc" = 0
enabled=$(nspawn "$rt" systemctl is-enabled eniagent.service 2>&1 | tail -n 1) || true
check "rpm: %post enabled the unit offline" "is-enabled: $enabled" test "$enabled" = enabled
rpmv=$(nspawn "$rt" rpm -V --nodeps eniagent 2>&1 | tr '\n' ';') || true
check "rpm: rpm -V clean after install" "${rpmv:-clean}" test -z "$rpmv"
rpmc=$(nspawn "$rt" rpm -qc eniagent 2>&1 | tr '\n' ' ') || true
check "rpm: config files" "$rpmc" test "$rpmc" = "/etc/eniagent/eniagent.yaml /etc/iproute2/rt_protos.d/eniagent.conf "
nspawn "$rt" systemd-analyze verify --man=no eniagent.service >"$results/rpm-verify.log" 2>&1 && rc=0 || rc=$?
check "rpm: systemd-analyze verify of the installed unit (/usr/lib/systemd/system)" "rc=$rc $(grep -v '^$' "$results/rpm-verify.log" | head -n 3 | tr '\n' ';')" \
  test "$rc" = 0 -a ! -s "$results/rpm-verify.log"

# ---------------------------------------------------------------------------------------------------------------
phase "binary: the daemon command; the metadata emulator"
daemon_help=$("$work/debroot/usr/sbin/eniagent" --help 2>&1 | sed -n '/^Commands:/,$p') || true
check "binary: has the daemon command the unit runs" "$(grep -E '^ +daemon ' <<<"$daemon_help" | sed 's/  */ /g')" \
  grep -q -E '^ +daemon +' <<<"$daemon_help"

dotnet_root=
emulator="$repo/src/EniAgent.MetadataEmulator/bin/Release/net10.0"
if command -v dotnet >/dev/null; then
  dotnet_root=$(dirname "$(readlink -f "$(command -v dotnet)")")
  if [ ! -f "$emulator/eniagent-metadata-emulator.dll" ]; then
    dotnet build "$repo/src/EniAgent.MetadataEmulator/EniAgent.MetadataEmulator.csproj" -c Release -nologo -clp:ErrorsOnly >"$results/emulator-build.log" 2>&1 || true
  fi
fi
if [ -z "$dotnet_root" ] || [ ! -f "$emulator/eniagent-metadata-emulator.dll" ]; then
  fail "e2e: metadata emulator available" "no dotnet on PATH or the emulator did not build (emulator-build.log)"
fi

# ---------------------------------------------------------------------------------------------------------------
# Debian 11: the tree the binary is linked against (./build.sh publish: bullseye with libc6-dev, the same cache).
phase "bullseye (glibc 2.31): install the .deb, run the binary"
if bullseye_base=$("$repo/scripts/debian-tree.sh" bullseye libc6-dev); then
  pass "bullseye tree: cached minbase (the link sysroot)" "$bullseye_base"
  ot="$run_dir/bullseye"
  cp -a --reflink=auto "$bullseye_base" "$ot"
  mkdir -p "$ot/systest" "$ot/opt/dotnet" "$ot/opt/emulator" "$work/out-bullseye"
  : >"$work/out-bullseye/results.tsv"
  install -m 0755 "$here/on-bullseye.sh" "$ot/systest/on-bullseye.sh"
  install -m 0644 "$here/scenario.json" "$ot/systest/scenario.json"
  printf '%s\n' "$version" >"$ot/systest/version"
  # render's meta-data/all document, from the emulator's scenario (what GET /latest/meta-data/all answers).
  python3 - "$here/scenario.json" >"$ot/systest/all.json" <<'PY'
import json, sys
scenario = json.loads("".join(l for l in open(sys.argv[1], encoding="utf-8") if not l.lstrip().startswith("//")))
doc = {}
for name, value in scenario["instance"].items():
    *parents, leaf = ("instance/instance-type" if name == "instance-type" else name).split("/")
    node = doc
    for p in parents:
        node = node.setdefault(p, {})
    node[leaf] = value
doc["network"] = {"interfaces": {"macs": {eni["mac"]: eni["items"] for eni in scenario["enis"]}}}
json.dump(doc, sys.stdout)
PY
  # NativeLink/glibc-compat-math.c against the default versions, linked as the agent is (bullseye's glibc): run on
  # this machine's glibc here, and on bullseye's by on-bullseye.sh.
  if gcc --sysroot="$bullseye_base" -B"$bullseye_base/usr/lib/x86_64-linux-gnu" -L"$bullseye_base/usr/lib/x86_64-linux-gnu" \
      -O2 -fno-builtin -o "$ot/systest/glibc-compat-math-test" "$repo/tests/native/glibc-compat-math-test.c" \
      "$repo/src/EniAgent.Cli/NativeLink/glibc-compat-math.c" -lm >"$results/glibc-compat-math-build.log" 2>&1; then
    out=$("$ot/systest/glibc-compat-math-test" 2>&1) && rc=0 || rc=$?
    check "glibc-compat-math: exp/exp2/log/log2/pow@GLIBC_2.2.5 equal the default versions on $(getconf GNU_LIBC_VERSION)" "$(tail -n 2 <<<"$out")" test "$rc" = 0
  else
    fail "glibc-compat-math: the test program builds" "gcc failed (glibc-compat-math-build.log)"
  fi
  binds=(--bind="$work/out-bullseye:/systest-out" --bind-ro="$pkgdir:/pkgs")
  if [ -n "$dotnet_root" ] && [ -f "$emulator/eniagent-metadata-emulator.dll" ]; then
    binds+=(--bind-ro="$dotnet_root:/opt/dotnet" --bind-ro="$emulator:/opt/emulator")
  fi
  nspawn "$ot" "${binds[@]}" /systest/on-bullseye.sh >"$results/bullseye.log" 2>&1 && rc=0 || rc=$?
  cp "$work/out-bullseye/probe-bullseye.log" "$results/" 2>/dev/null || true
  check "bullseye: the checks ran" "nspawn rc=$rc, $(grep -c . "$work/out-bullseye/results.tsv") result(s) (bullseye.log, probe-bullseye.log)" \
    test "$rc" = 0 -a "$(grep -c . "$work/out-bullseye/results.tsv")" -ge 6
  cat "$work/out-bullseye/results.tsv" >>"$tsv"
else
  fail "bullseye tree: cached minbase (the link sysroot)" "scripts/debian-tree.sh bullseye libc6-dev failed (see its output)"
fi

prepare_boot() {
  local tree=$1 mode=$2
  mkdir -p "$tree/systest"
  echo "$mode" >"$tree/systest/mode"
  install -m 0755 "$here/in-container.sh" "$tree/systest/probe.sh"
  install -m 0755 "$here/netplan-check.sh" "$tree/systest/netplan-check.sh"
  install -m 0644 "$here/scenario.json" "$tree/systest/scenario.json"
  mkdir -p "$tree/opt/dotnet" "$tree/opt/emulator"
  cat >"$tree/etc/systemd/system/systest.service" <<'EOF'
[Unit]
Description=eniagent system test probe
After=multi-user.target
SuccessAction=poweroff-force
FailureAction=poweroff-force

[Service]
Type=oneshot
ExecStart=/systest/probe.sh
TimeoutStartSec=200

[Install]
WantedBy=multi-user.target
EOF
  ln -sf /etc/systemd/system/systest.service "$tree/etc/systemd/system/multi-user.target.wants/systest.service"
  # The container is a container: the daemon refuses that unless told (the checks also cover the refusal).
  # Debug logging makes the saved journals (journal-deb.txt, journal-rpm.txt) explain any failure.
  sed -i 's/^\(  allow-in-container:\) false$/\1 true/; s/^log-level: information$/log-level: debug/' "$tree/etc/eniagent/eniagent.yaml"
}

# boot TREE MODE: boots the tree, which runs in-container.sh and powers off. Runs in the background next to the
# other tree's boot (the checks mostly wait), so its host-side results go to its own file, merged afterwards.
boot() {
  local tree=$1 mode=$2 out="$work/out-$2" binds=()
  local tsv="$out/host.tsv"
  binds=(--bind="$out:/systest-out" --bind-ro="$work/pkgs-$mode:/pkgs")
  if [ -n "$dotnet_root" ] && [ -f "$emulator/eniagent-metadata-emulator.dll" ]; then
    binds+=(--bind-ro="$dotnet_root:/opt/dotnet" --bind-ro="$emulator:/opt/emulator")
  fi
  local t0=$SECONDS rc=0
  ISOLATED_TIMEOUT=$BOOT_TIMEOUT nspawn "$tree" -b "${binds[@]}" >"$results/boot-$mode.log" 2>&1 || rc=$?
  cp "$out"/probe-*.log "$out"/journal-*.txt "$results/" 2>/dev/null || true
  if [ "$rc" = 124 ] || [ "$rc" = 137 ]; then
    fail "$mode: boot finished within ${BOOT_TIMEOUT} s" "timed out (boot-$mode.log, probe-$mode.log)"
  elif ! grep -q . "$out/results.tsv"; then
    fail "$mode: the in-container checks ran" "no results; nspawn rc=$rc (boot-$mode.log)"
  else
    pass "$mode: boot, checks and poweroff" "$((SECONDS - t0)) s, nspawn rc=$rc"
  fi
}

phase "boot both trees: the service under systemd"
prepare_boot "$dt" deb
prepare_boot "$rt" rpm
for mode in deb rpm; do
  mkdir -p "$work/out-$mode"
  : >"$work/out-$mode/results.tsv"
  : >"$work/out-$mode/host.tsv"
done
boot "$dt" deb &
deb_boot=$!
boot "$rt" rpm &
rpm_boot=$!
wait "$deb_boot" "$rpm_boot" || true
cat "$work/out-deb/results.tsv" "$work/out-deb/host.tsv" "$work/out-rpm/results.tsv" "$work/out-rpm/host.tsv" >>"$tsv"

finish
