#!/bin/bash
# Runs inside the booted test container as systest.service (packages.sh installs it) and checks eniagent.service
# under a real systemd. One line per check goes to /systest-out/results.tsv: "pass|fail|skip<TAB>name<TAB>detail".
# The container has a private network: only lo, plus the veths made here. Every wait is bounded; the unit that
# runs this script powers the container off when it ends, whatever happens.
#
#   /systest/mode        deb or rpm: which package is installed, and how to remove and reinstall it
#   /pkgs/               the packages (read-only)
#   /opt/dotnet, /opt/emulator   the host's .NET and the metadata emulator (optional: the end-to-end part)
# SC2317: helpers run through wait_for/check look unreachable to shellcheck. SC2012: ls only feeds messages.
# shellcheck disable=SC2317,SC2012
set -u

OUT=/systest-out
MODE=$(cat /systest/mode)
UNIT=eniagent.service
exec 3>>"$OUT/results.tsv"
exec >>"$OUT/probe-$MODE.log" 2>&1
set -x

result() { printf '%s\t%s: %s\t%s\n' "$1" "$MODE" "$2" "$(printf '%s' "${3:-}" | tr '\t\n' '  ')" >&3; }
pass() { result pass "$1" "${2:-}"; }
fail() { result fail "$1" "${2:-}"; }
skip() { result skip "$1" "${2:-}"; }
# check NAME DETAIL COMMAND...: pass when COMMAND succeeds.
check() {
  local name=$1 detail=$2
  shift 2
  if "$@"; then pass "$name" "$detail"; else fail "$name" "$detail"; fi
}

prop() { systemctl show -P "$2" "$1"; }
state() { printf '%s/%s' "$(prop "$UNIT" ActiveState)" "$(prop "$UNIT" SubState)"; }
journal() { journalctl -b -u "$UNIT" -o cat --no-pager; }
count_in_journal() { journal | grep -c -E -- "$1" || true; }

# wait_for SECONDS COMMAND...: retries every 0.2 s.
wait_for() {
  local deadline=$((SECONDS + $1))
  shift
  until "$@"; do
    [ "$SECONDS" -ge "$deadline" ] && return 1
    sleep 0.2
  done
}
settled() { local s; s=$(prop "$UNIT" ActiveState); [ "$s" = active ] || [ "$s" = failed ] || [ "$s" = inactive ]; }
is_active() { [ "$(state)" = active/running ]; }

set_allow_in_container() {
  sed -i 's/^\(  allow-in-container:\) false$/\1 true/' /etc/eniagent/eniagent.yaml
  grep -q '^  allow-in-container: true$' /etc/eniagent/eniagent.yaml
}

ms_between() { echo $(( ($(prop "$UNIT" "$2") - $(prop "$UNIT" "$1")) / 1000 )); }

# ---------------------------------------------------------------------------------------------------------------
# 1. Boot: the unit was enabled by the package's scripts offline; no metadata service exists here.
wait_for 60 settled
if is_active; then
  pass "boot: active (running) as Type=notify without metadata" \
    "$(state), Type=$(prop $UNIT Type), ready $(ms_between ExecMainStartTimestampMonotonic ActiveEnterTimestampMonotonic) ms after exec, STATUS=\"$(prop $UNIT StatusText)\""
else
  fail "boot: active (running) as Type=notify without metadata" "$(state), result $(prop $UNIT Result), status $(prop $UNIT ExecMainStatus): $(journal | tail -n 5)"
fi
check "boot: unit is Type=notify with NotifyAccess=main" "$(prop $UNIT Type)/$(prop $UNIT NotifyAccess)" \
  test "$(prop $UNIT Type)/$(prop $UNIT NotifyAccess)" = notify/main
check "boot: no restart happened" "NRestarts=$(prop $UNIT NRestarts)" test "$(prop $UNIT NRestarts)" = 0
check "boot: READY came after the first metadata attempt failed" "$(journal | grep -m1 -i 'metadata' | cut -c1-160)" \
  sh -c 'journalctl -b -u eniagent.service -o cat --no-pager | grep -q -E "metadata (unavailable|has never answered)"'
check "boot: STATUS= text is set" "$(prop $UNIT StatusText)" test -n "$(prop $UNIT StatusText)"
check "boot: /run/eniagent and /var/lib/eniagent (0700) exist" "$(stat -c '%n %a' /run/eniagent /var/lib/eniagent 2>&1 | tr '\n' ' ')" \
  test "$(stat -c %a /var/lib/eniagent 2>/dev/null)" = 700 -a -d /run/eniagent
score=$(systemd-analyze security "$UNIT" 2>/dev/null | sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]*\).*/\1/p')
check "security: exposure of the running unit at most 2.0" "systemd-analyze security: ${score:-?}" \
  awk -v s="${score:-99}" 'BEGIN { exit !(s <= 2.0) }'

# ---------------------------------------------------------------------------------------------------------------
# 2. Reload (SIGHUP through ExecReload; this image has no /bin/kill). SIGHUP's default action would end the process:
#    surviving it with the same PID shows the daemon handles it; a bad file shows it re-reads the configuration.
pid=$(prop $UNIT MainPID)
if systemctl reload "$UNIT"; then rc=0; else rc=$?; fi
sleep 1
check "reload: systemctl reload succeeds, same process still running" "rc=$rc, MainPID $pid -> $(prop $UNIT MainPID), $(state)" \
  test "$rc" = 0 -a "$(prop $UNIT MainPID)" = "$pid" -a "$(state)" = active/running

cp /etc/eniagent/eniagent.yaml /run/eniagent.yaml.good
printf 'log-level: loud\n' >>/etc/eniagent/eniagent.yaml
before=$(count_in_journal 'eniagent.yaml:[0-9]+')
systemctl reload "$UNIT" || true
wait_for 10 test "$(count_in_journal 'eniagent.yaml:[0-9]+')" -gt "$before"
check "reload: a bad configuration is reported (file:line) and the daemon keeps running" \
  "$(journal | grep -E 'eniagent.yaml:[0-9]+' | tail -n 1 | cut -c1-200)" \
  test "$(count_in_journal 'eniagent.yaml:[0-9]+')" -gt "$before" -a "$(state)" = active/running -a "$(prop $UNIT MainPID)" = "$pid"
cp /run/eniagent.yaml.good /etc/eniagent/eniagent.yaml

# ---------------------------------------------------------------------------------------------------------------
# 3. Stop: SIGTERM, a clean exit (code 0, not a signal) well within TimeoutStopSec.
start=$(date +%s%N)
if systemctl stop "$UNIT"; then rc=0; else rc=$?; fi
took=$(( ($(date +%s%N) - start) / 1000000 ))
check "stop: inactive, exited 0 on SIGTERM (not killed)" \
  "rc=$rc in ${took} ms, $(state), Result=$(prop $UNIT Result), ExecMainCode=$(prop $UNIT ExecMainCode) ExecMainStatus=$(prop $UNIT ExecMainStatus)" \
  test "$rc/$(state)/$(prop $UNIT Result)/$(prop $UNIT ExecMainCode)/$(prop $UNIT ExecMainStatus)" = 0/inactive/dead/success/1/0

# ---------------------------------------------------------------------------------------------------------------
# 4. End to end under the hardened unit: a primary ENI managed by systemd-networkd, a secondary ENI, and the
#    metadata emulator at 100.100.100.200. The agent must find networkd running (it reads /proc/PID/comm of a
#    process owned by another user), configure eth1 over netlink and persist a networkd file: the capabilities,
#    syscall filter and ReadWritePaths of the unit all in real use. First the daemon; then, after 'eniagent
#    clean', a one-shot 'eniagent reconcile' in a copy of the unit (same sandbox, Type=oneshot), which checks the
#    sandbox whatever the daemon does.
configured() { ip -4 addr show dev eth1 | grep -q 192.168.2.10/24 && ip -4 addr show dev eth1 | grep -q 192.168.2.11/24; }
check_configured() {
  local who=$1
  wait_for 30 configured
  ip rule; ip route show table all | grep -v 'table local'
  check "e2e ($who): eth1 got its primary and secondary IPs" "$(ip -br -4 addr show dev eth1)" configured
  # Once networkd has taken the persisted file, the rules are its twins (protocol static) and eniagent removes its
  # own copies (docs/routing.md, Ownership): either kind counts. The routes keep protocol 201 (Protocol=201 in
  # the file), shown by name through rt_protos.d.
  check "e2e ($who): policy rules send eth1's addresses to its table (eniagent's or networkd's)" \
    "$(ip rule | grep -c 'from 192.168.2.1[01] lookup 31') rule(s): $(ip rule | grep 'from 192.168.2.11 ' | tr '\n' ';')" \
    sh -c 'ip rule | grep -q -E "from 192.168.2.11 lookup 31[0-9]{3} suppress_prefixlength 0" && ip rule | grep -q -E "from 192.168.2.11 lookup 31[0-9]{3}( |$)"'
  check "e2e ($who): the ENI's table holds its routes, protocol 'eniagent' (rt_protos.d name)" \
    "$(ip route show table all proto eniagent | head -n 3 | tr '\n' ';')" \
    sh -c 'ip route show table all proto eniagent | grep -q "^default via 192.168.2.253 dev eth1"'
  check "e2e ($who): ARP settings of eth1 set over netlink (ProtectKernelTunables only covers /proc/sys)" \
    "arp_ignore=$(cat /proc/sys/net/ipv4/conf/eth1/arp_ignore) arp_announce=$(cat /proc/sys/net/ipv4/conf/eth1/arp_announce)" \
    test "$(cat /proc/sys/net/ipv4/conf/eth1/arp_ignore)/$(cat /proc/sys/net/ipv4/conf/eth1/arp_announce)" = 1/2
  wait_for 10 test -f /etc/systemd/network/10-eniagent-eth1.network
  check "e2e ($who): networkd detected, its file persisted through ReadWritePaths (0644)" \
    "$(stat -c '%n %a %U' /etc/systemd/network/10-eniagent-eth1.network 2>&1)" \
    test "$(stat -c %a /etc/systemd/network/10-eniagent-eth1.network 2>/dev/null)" = 644
  # networkd does not watch its folder: it takes the file only when told to over D-Bus (Reload/ReconfigureLink),
  # so this shows the D-Bus call got through the sandbox (AF_UNIX, networkd's capability check on CAP_NET_ADMIN).
  netfile() { networkctl status eth1 2>/dev/null | grep -q 'Network File: /etc/systemd/network/10-eniagent-eth1.network'; }
  wait_for 10 netfile
  check "e2e ($who): systemd-networkd took the file for eth1 (live pickup over D-Bus)" \
    "$(networkctl status eth1 2>&1 | grep -E 'Network File|State:' | sed 's/^ *//' | tr '\n' ';')" netfile
  check "e2e ($who): state file written, 0600" "$(stat -c '%n %a' /var/lib/eniagent/state.json 2>&1)" \
    test "$(stat -c %a /var/lib/eniagent/state.json 2>/dev/null)" = 600
}
# sandboxed NAME COMMAND...: a Type=oneshot copy of eniagent.service (same sandbox) that runs COMMAND instead.
sandboxed() {
  local name=$1
  shift
  sed -e 's/^Type=notify$/Type=oneshot/' -e "s|^ExecStart=.*|ExecStart=$*|" \
    -e '/^\(ExecReload\|NotifyAccess\|WatchdogSec\|Restart\|RestartSec\|RestartPreventExitStatus\)=/d' -e '/^\[Install\]/,$d' \
    "$(systemctl show -P FragmentPath "$UNIT")" >"/run/systemd/system/$name"
  systemctl daemon-reload
}
no_permission_errors() {
  local unit=$1 who=$2 denied
  denied=$(journalctl -b -u "$unit" -o cat --no-pager | grep -i -E 'denied|not permitted|read-only file system|EPERM|EACCES' | head -n 3)
  check "e2e ($who): no permission errors in the journal" "${denied:-none}" test -z "$denied"
}

if [ -x /opt/dotnet/dotnet ] && [ -f /opt/emulator/eniagent-metadata-emulator.dll ]; then
  ip link set lo up
  ip link add eth0 type veth peer name peer0 && ip link set eth0 address 00:16:3e:00:00:01
  ip link add eth1 type veth peer name peer1 && ip link set eth1 address 00:16:3e:00:01:01
  ip link set peer0 up && ip link set peer1 up
  ip addr add 100.100.100.200/32 dev lo
  printf '[Match]\nName=eth0\n\n[Network]\nAddress=192.168.1.10/24\nGateway=192.168.1.253\n' >/etc/systemd/network/10-eth0.network
  # Debug logging: networkd's netlink requests for eth1 end up in the saved journal.
  mkdir -p /run/systemd/system/systemd-networkd.service.d
  printf '[Service]\nEnvironment=SYSTEMD_LOG_LEVEL=debug\n' >/run/systemd/system/systemd-networkd.service.d/debug.conf
  systemctl daemon-reload
  systemctl start systemd-networkd
  wait_for 15 sh -c 'ip route show default | grep -q eth0'
  systemd-run --unit=systest-emulator -p StandardOutput=file:/run/emulator.out -p StandardError=file:/run/emulator.err \
    /opt/dotnet/dotnet /opt/emulator/eniagent-metadata-emulator.dll --scenario /systest/scenario.json \
    --listen http://100.100.100.200:80
  if wait_for 30 grep -q 'listening on' /run/emulator.out; then
    pass "e2e: metadata emulator listens on 100.100.100.200:80" "$(head -n 1 /run/emulator.out)"

    systemctl start "$UNIT" || true
    check_configured daemon
    check "e2e (daemon): still active (running) after the reconcile" "$(state), STATUS=\"$(prop $UNIT StatusText)\"" is_active
    no_permission_errors "$UNIT" daemon
    systemctl stop "$UNIT" || true
    check "e2e (daemon): stopping the service leaves the network configured" "$(ip -br -4 addr show dev eth1)" configured

    /usr/sbin/eniagent clean >/run/clean.out 2>&1 || true
    cat /run/clean.out; ip rule; ip -br addr; ls -la /etc/systemd/network
    check "e2e: 'eniagent clean' removes the addresses and the file" "$(ip -br -4 addr show dev eth1); $(tail -n 1 /run/clean.out)" \
      sh -c '! ip -4 addr show dev eth1 | grep -q 192.168.2. && ! test -e /etc/systemd/network/10-eniagent-eth1.network'
    # networkd had taken our file: clean tells it the file is gone, so it drops its own copies of our rules too.
    left=$(ip rule | grep -E '^31[0-9]{3}:'; ip route show table all | grep -E 'table 31[0-9]{3}')
    check "e2e: after 'eniagent clean' nothing is left in the 31000 range (networkd dropped its copies)" \
      "${left:-nothing}; $(grep -E 'systemd-networkd' /run/clean.out | tr '\n' ';')" test -z "$left"
    sandboxed eniagent-sandbox-check.service /usr/sbin/eniagent reconcile
    if systemctl start eniagent-sandbox-check.service; then rc=0; else rc=$?; fi
    check "e2e (one-shot in the unit's sandbox): eniagent reconcile exits 0" \
      "rc=$rc, Result=$(prop eniagent-sandbox-check.service Result), ExecMainStatus=$(prop eniagent-sandbox-check.service ExecMainStatus)" \
      test "$rc/$(prop eniagent-sandbox-check.service ExecMainStatus)" = 0/0
    check_configured "one-shot in the unit's sandbox"
    check "e2e: the reconcile after clean gives eth1 the same table as before (31000)" \
      "$(ip rule | grep 'from 192.168.2.10 ' | tr '\n' ';')" sh -c 'ip rule | grep -q "from 192.168.2.10 lookup 31000"'
    no_permission_errors eniagent-sandbox-check.service "one-shot in the unit's sandbox"
  else
    fail "e2e: metadata emulator listens on 100.100.100.200:80" "$(tail -n 5 /run/emulator.err 2>&1)"
  fi
  systemctl stop systest-emulator.service || true
  # networkd logs a failed request for a link as "eth1: Failed to ..." and carries on: none may appear.
  nwd_failed=$(journalctl -b -u systemd-networkd -o cat --no-pager | grep -E '^eth1: .*Failed to' | head -n 3)
  check "e2e: systemd-networkd reported no failure for eth1" "${nwd_failed:-none}" test -z "$nwd_failed"

  # netplan systems: the agent runs 'netplan generate --root-dir' (a Python program) on a scratch copy in /tmp and
  # writes the result to /run/systemd/network, all inside this sandbox (MemoryDenyWriteExecute, the syscall
  # filter, no capability but CAP_NET_ADMIN). netplan-check.sh does the same steps under a copy of the unit.
  mkdir -p /run/systemd/network
  sandboxed eniagent-netplan-check.service /systest/netplan-check.sh
  if systemctl start eniagent-netplan-check.service; then rc=0; else rc=$?; fi
  check "netplan generate and the write to /run/systemd/network work in the unit's sandbox" \
    "rc=$rc; $(journalctl -b -u eniagent-netplan-check.service -o cat --no-pager | grep -v -E '^(Starting|Finished|eniagent-netplan)' | tail -n 3 | tr '\n' ' ')" \
    test "$rc/$(prop eniagent-netplan-check.service ExecMainStatus)" = 0/0
else
  skip "e2e: reconcile under the hardened unit" "no .NET or emulator mounted at /opt (packages.sh mounts the host's)"
fi

# ---------------------------------------------------------------------------------------------------------------
# 5. Remove with systemd running (the scripts stop the daemon), purge, reinstall (the scripts start it).
systemctl start "$UNIT" || true
wait_for 30 settled
pre_remove=$(state)
case "$MODE" in
  deb) DEBIAN_FRONTEND=noninteractive dpkg -r eniagent </dev/null; rc=$? ;;
  rpm) rpm -e --nodeps eniagent; rc=$? ;;
esac
check "remove: succeeds and stops the running daemon" "rc=$rc, $pre_remove -> $(state), LoadState=$(prop $UNIT LoadState)" \
  test "$rc/$pre_remove/$(prop $UNIT ActiveState)/$(prop $UNIT LoadState)" = 0/active/running/inactive/not-found
if ip link show eth1 >/dev/null 2>&1; then
  check "remove: the network configuration stays (only 'eniagent clean' undoes it)" "$(ip -br -4 addr show dev eth1)" \
    sh -c 'ip -4 addr show dev eth1 | grep -q 192.168.2.11/24'
fi
case "$MODE" in
  deb)
    check "remove: conffiles and state stay until purge" "$(ls -d /etc/eniagent/eniagent.yaml /var/lib/eniagent 2>&1 | tr '\n' ' ')" \
      test -f /etc/eniagent/eniagent.yaml -a -d /var/lib/eniagent
    DEBIAN_FRONTEND=noninteractive dpkg --purge eniagent </dev/null; rc=$?
    left=$(ls -d /etc/eniagent /etc/iproute2/rt_protos.d/eniagent.conf /var/lib/eniagent /run/eniagent \
      /etc/systemd/system/multi-user.target.wants/eniagent.service 2>/dev/null | tr '\n' ' ')
    check "purge: configuration, state and enablement are gone" "rc=$rc, left: ${left:-nothing}" test "$rc" = 0 -a -z "$left"
    DEBIAN_FRONTEND=noninteractive dpkg -i /pkgs/*.deb </dev/null; rc=$?
    ;;
  rpm)
    left=$(ls -d /usr/sbin/eniagent /usr/lib/systemd/system/eniagent.service /etc/systemd/system/multi-user.target.wants/eniagent.service 2>/dev/null | tr '\n' ' ')
    check "remove: files and enablement gone, edited config kept as .rpmsave" "left: ${left:-nothing}; $(ls /etc/eniagent 2>&1 | tr '\n' ' ')" \
      test -z "$left" -a -f /etc/eniagent/eniagent.yaml.rpmsave
    rm -rf /etc/eniagent /var/lib/eniagent
    rpm -i --nodeps /pkgs/*.rpm; rc=$?
    ;;
esac
# The fresh default configuration refuses to run in a container: the scripts' start attempt ends in exit 78,
# which RestartPreventExitStatus turns into one failure instead of a restart loop.
wait_for 15 settled
enabled=$(systemctl is-enabled $UNIT 2>&1)
started=$(prop $UNIT ExecMainStartTimestampMonotonic)
check "install under systemd: the scripts enable and start the unit" \
  "rc=$rc, is-enabled $enabled, $(state), ExecMainStatus=$(prop $UNIT ExecMainStatus)" \
  test "$rc" = 0 -a "$enabled" = enabled -a "${started:-0}" != 0
check "exit 78 (refused: container) fails once, no restart loop" \
  "$(state), ExecMainStatus=$(prop $UNIT ExecMainStatus), NRestarts=$(prop $UNIT NRestarts)" \
  test "$(prop $UNIT ActiveState)/$(prop $UNIT ExecMainStatus)/$(prop $UNIT NRestarts)" = failed/78/0
set_allow_in_container
systemctl restart "$UNIT" || true
wait_for 30 settled
check "restart after fixing the configuration: active (running)" "$(state)" is_active

if [ "$MODE" = deb ]; then
  pid=$(prop $UNIT MainPID)
  DEBIAN_FRONTEND=noninteractive dpkg -i /pkgs/*.deb </dev/null; rc=$?
  wait_for 30 settled
  newpid=$(prop $UNIT MainPID)
  kept=no
  grep -q '^  allow-in-container: true$' /etc/eniagent/eniagent.yaml && kept=yes
  check "upgrade: restarts the daemon (new process, active), keeps the edited conffile without asking" \
    "rc=$rc, MainPID $pid -> $newpid, $(state), edit kept: $kept" \
    test "$rc" = 0 -a "$newpid" != "$pid" -a "$newpid" != 0 -a "$kept" = yes -a "$(state)" = active/running
fi
systemctl stop "$UNIT" || true

journalctl -b --no-pager >"$OUT/journal-$MODE.txt" 2>&1
exit 0
