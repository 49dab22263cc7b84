#!/usr/bin/env bash
# A live demo: a throwaway namespace "instance-<pid>" plays an ECS instance with a primary ENI (eth0) and two
# secondary ENIs (eth1, eth2, each with secondary IPs) behind a namespace "vpc-<pid>" that routes like a VPC
# (strict reverse-path filtering stands in for the source/destination check) and a namespace "internet-<pid>".
# The metadata emulator listens on 100.100.100.200:80 inside the instance; eniagent runs there for real.
# The <pid> suffix (this script's) lets demos run side by side. Nothing outside these namespaces and a temp
# folder is touched; everything is removed on every exit (end, error, Ctrl-C, SIGTERM), unless --keep.
#   scripts/demo.sh [--keep]    --keep: leave the namespaces and the temp root to explore; prints how to remove them
set -euo pipefail
cd "$(dirname "$0")/.."
KEEP=
case "${1:-}" in
  --keep) KEEP=1 ;;
  "") ;;
  *) echo "usage: $0 [--keep]" >&2; exit 2 ;;
esac
[ "$(id -u)" -eq 0 ] || { echo "demo needs root (network namespaces): sudo ./build.sh demo" >&2; exit 77; }
command -v ping >/dev/null || { echo "installing iputils-ping"; apt-get install -y -qq --no-install-recommends iputils-ping >/dev/null; }

BIN=src/EniAgent.Cli/bin/Release/net10.0/eniagent.dll
EMU=src/EniAgent.MetadataEmulator/bin/Release/net10.0/eniagent-metadata-emulator.dll
[ -f artifacts/publish/eniagent ] && AGENT=(artifacts/publish/eniagent) || AGENT=(dotnet "$BIN")
NS_I=instance-$$ NS_V=vpc-$$ NS_N=internet-$$
EMU_PID='' WORK='' CREATED=()

# Runs on every exit: the end, a failed command (set -e), and the signals below (turned into an exit).
cleanup() {
  local status=$?
  set +e
  trap - EXIT INT TERM HUP
  [ -n "$EMU_PID" ] && kill "$EMU_PID" 2>/dev/null && wait "$EMU_PID" 2>/dev/null
  if [ -n "$KEEP" ] && [ "$status" -eq 0 ]; then
    echo "Kept for you: namespaces ${CREATED[*]} (e.g. ip netns exec $NS_I ip rule) and $WORK (the instance's files under root/)."
    echo "Remove them with: for ns in ${CREATED[*]}; do ip netns del \$ns; done; rm -rf $WORK"
    return
  fi
  for ns in "${CREATED[@]}"; do ip netns del "$ns" 2>/dev/null; done
  [ -n "$WORK" ] && rm -rf "$WORK"
  if [ "${#CREATED[@]}" -gt 0 ]; then echo "Removed namespaces ${CREATED[*]} and the temp folder."; fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

# A demo killed with SIGKILL (or kept) leaves its namespaces; say so rather than guess which ones are wanted.
for ns in $(ip netns list | awk '{print $1}'); do
  if [[ $ns =~ ^(instance|vpc|internet)-([0-9]+)$ ]] && [ "${BASH_REMATCH[2]}" != $$ ] && ! kill -0 "${BASH_REMATCH[2]}" 2>/dev/null; then
    echo "note: namespace $ns is left from an earlier demo (pid ${BASH_REMATCH[2]} is gone); remove it with: ip netns del $ns"
  fi
done

WORK=$(mktemp -d /tmp/eniagent-demo.XXXXXX)
for ns in $NS_I $NS_V $NS_N; do
  # Only a run with our pid, long dead, can have left this name.
  ip netns del "$ns" 2>/dev/null || true
  ip netns add "$ns"
  CREATED+=("$ns")
done
echo "This run's namespaces: $NS_I (the ECS instance), $NS_V (the VPC router), $NS_N (a host on the internet)."
echo "While it runs, look inside with e.g.: ip netns exec $NS_I ip -br addr; ip netns exec $NS_I ip rule"

step() { printf '\n\033[1m## %s\033[0m\n' "$*"; }
in_i() { ip netns exec $NS_I "$@"; }

step "Building the VPC: vSwitch 192.168.1.0/24 (primary) and 192.168.2.0/24 (secondary ENIs), gateways .253"
ip -n $NS_V link add br1 type bridge; ip -n $NS_V link add br2 type bridge
ip -n $NS_V addr add 192.168.1.253/24 dev br1; ip -n $NS_V addr add 192.168.2.253/24 dev br2
ip -n $NS_V link set br1 up; ip -n $NS_V link set br2 up; ip -n $NS_V link set lo up
ip netns exec $NS_V sysctl -qw net.ipv4.ip_forward=1 net.ipv4.conf.all.rp_filter=1 net.ipv4.conf.default.rp_filter=1
enis=("eth0 00:16:3e:00:00:01 br1" "eth1 00:16:3e:00:01:01 br2" "eth2 00:16:3e:00:01:02 br2")
for e in "${enis[@]}"; do
  set -- $e
  ip link add "demo-$1" netns $NS_I type veth peer name "v-$1" netns $NS_V
  ip -n $NS_I link set "demo-$1" name "$1"; ip -n $NS_I link set "$1" address "$2"
  ip -n $NS_V link set "v-$1" master "$3" up
  ip netns exec $NS_V sysctl -qw "net.ipv4.conf.v-$1.rp_filter=1" 2>/dev/null || true
done
ip link add demo-inet netns $NS_N type veth peer name v-inet netns $NS_V
ip -n $NS_N addr add 203.0.113.10/24 dev demo-inet; ip -n $NS_N link set demo-inet up; ip -n $NS_N link set lo up
ip -n $NS_N route add default via 203.0.113.1
ip -n $NS_V addr add 203.0.113.1/24 dev v-inet; ip -n $NS_V link set v-inet up

step "The instance boots: eth0 configured by the image (DHCP stand-in), eth1/eth2 down; strict rp_filter"
in_i sysctl -qw net.ipv4.conf.all.rp_filter=1 net.ipv4.conf.default.rp_filter=1
ip -n $NS_I link set lo up; ip -n $NS_I link set eth0 up
ip -n $NS_I addr add 192.168.1.10/24 dev eth0; ip -n $NS_I route add default via 192.168.1.253
ip -n $NS_I addr add 100.100.100.200/32 dev lo

cat > "$WORK/scenario.json" <<'JSON'
{
  "instance": { "instance-id": "i-demo0000000000000001", "region-id": "cn-hangzhou", "zone-id": "cn-hangzhou-k",
                "instance-type": "ecs.g7.xlarge", "mac": "00:16:3e:00:00:01", "private-ipv4": "192.168.1.10",
                "vpc-id": "vpc-demo00000000000001", "vswitch-id": "vsw-demo00000000000001", "network-type": "vpc" },
  "token-mode": "required",
  "enis": [
    { "mac": "00:16:3e:00:00:01", "items": { "network-interface-id": "eni-demo0000000000000", "primary-ip-address": "192.168.1.10",
      "private-ipv4s": "[\"192.168.1.10\"]", "netmask": "255.255.255.0", "gateway": "192.168.1.253",
      "vswitch-cidr-block": "192.168.1.0/24", "vswitch-id": "vsw-demo00000000000001", "vpc-id": "vpc-demo00000000000001", "vpc-cidr-block": "192.168.0.0/16" } },
    { "mac": "00:16:3e:00:01:01", "items": { "network-interface-id": "eni-demo0000000000001", "primary-ip-address": "192.168.2.10",
      "private-ipv4s": "[\"192.168.2.10\",\"192.168.2.11\",\"192.168.2.12\"]", "netmask": "255.255.255.0", "gateway": "192.168.2.253",
      "vswitch-cidr-block": "192.168.2.0/24", "vswitch-id": "vsw-demo00000000000002", "vpc-id": "vpc-demo00000000000001", "vpc-cidr-block": "192.168.0.0/16" } },
    { "mac": "00:16:3e:00:01:02", "items": { "network-interface-id": "eni-demo0000000000002", "primary-ip-address": "192.168.2.20",
      "private-ipv4s": "[\"192.168.2.20\",\"192.168.2.21\"]", "netmask": "255.255.255.0", "gateway": "192.168.2.253",
      "vswitch-cidr-block": "192.168.2.0/24", "vswitch-id": "vsw-demo00000000000002", "vpc-id": "vpc-demo00000000000001", "vpc-cidr-block": "192.168.0.0/16" } }
  ]
}
JSON
step "Metadata emulator on 100.100.100.200:80 inside the instance (hardened token mode)"
# Not through in_i: a backgrounded function is a subshell, and killing it would leave the emulator running.
ip netns exec $NS_I dotnet "$EMU" --scenario "$WORK/scenario.json" --listen http://100.100.100.200:80 >"$WORK/emu.out" 2>"$WORK/emu.err" &
EMU_PID=$!
for _ in $(seq 100); do grep -q 'listening on' "$WORK/emu.out" 2>/dev/null && break; sleep 0.1; done
cat "$WORK/emu.out"

ping_from_internet() {
  for ip in "$@"; do
    if ip netns exec $NS_N ping -c1 -W1 -q "$ip" >/dev/null 2>&1; then echo "  internet -> $ip: reply"; else echo "  internet -> $ip: NO REPLY"; fi
  done
}
step "Before eniagent: the secondary ENIs are unusable"
ping_from_internet 192.168.1.10 192.168.2.10 192.168.2.11 192.168.2.20

ROOT=(--root "$WORK/root")
# The instance's files live under a temp root: an Ubuntu 22.04 image whose cloud-init netplan file matches eth*.
mkdir -p "$WORK/root/etc/netplan"
printf 'NAME="Ubuntu"\nID=ubuntu\nID_LIKE=debian\nVERSION_ID="22.04"\nPRETTY_NAME="Ubuntu 22.04.4 LTS"\n' > "$WORK/root/etc/os-release"
printf 'network:\n  version: 2\n  ethernets:\n    all-eth:\n      match: {name: "eth*"}\n      dhcp4: true\n' > "$WORK/root/etc/netplan/50-cloud-init.yaml"
step "eniagent metadata"
in_i "${AGENT[@]}" metadata "${ROOT[@]}" || true
step "eniagent reconcile --dry-run"
in_i "${AGENT[@]}" reconcile --dry-run "${ROOT[@]}" || true
step "eniagent reconcile"
in_i "${AGENT[@]}" reconcile "${ROOT[@]}" || true
step "Persisted configuration (netplan, detected from the image) under the temp root"
( cd "$WORK/root" && find etc -type f | sort )
step "ip rule / routes in the instance"
in_i ip rule; in_i ip route show table all | grep -E 'proto (201|eniagent)' || true
step "ARP settings of the secondary ENIs (eth1 and eth2 share 192.168.2.0/24; the primary is left alone)"
for i in eth0 eth1 eth2; do
  printf '  %s: arp_ignore %s arp_announce %s promote_secondaries %s\n' "$i" \
    "$(in_i cat /proc/sys/net/ipv4/conf/$i/arp_ignore)" "$(in_i cat /proc/sys/net/ipv4/conf/$i/arp_announce)" \
    "$(in_i cat /proc/sys/net/ipv4/conf/$i/promote_secondaries)"
done
# The unanswered pings above left the VPC router resolving 192.168.2.10/.11/.20 for up to 3 s; a ping queued
# behind such a stale resolution gets "host unreachable" however the instance is configured. Start clean.
ip -n $NS_V neigh flush dev br2
step "After eniagent: every address answers, through its own ENI, with strict rp_filter on both sides"
ping_from_internet 192.168.1.10 192.168.2.10 192.168.2.11 192.168.2.12 192.168.2.20 192.168.2.21
echo "  the VPC router's ARP entries (each address at its own ENI's MAC: 00:16:3e:00:01:01 eth1, :02 eth2):"
ip -n $NS_V neigh show dev br2 | sort -V | sed 's/^/    /'
step "A second reconcile changes nothing"
in_i "${AGENT[@]}" reconcile "${ROOT[@]}" || true
step "eniagent status"
in_i "${AGENT[@]}" status "${ROOT[@]}" || true
if [ -n "$KEEP" ]; then
  step "eniagent clean: skipped (--keep), the instance stays configured"
else
  step "eniagent clean"
  in_i "${AGENT[@]}" clean "${ROOT[@]}" || true
  in_i ip rule
fi
echo; echo "Demo done."
