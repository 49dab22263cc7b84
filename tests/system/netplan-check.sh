#!/bin/sh
# Run by in-container.sh as a Type=oneshot copy of eniagent.service: the steps the agent takes to pick up a
# netplan file (NetplanGenerator, NetplanRuntimeSync), under the same sandbox. Prints what it did; exits non-zero
# on the first failure.
set -eu
scratch=$(mktemp -d /tmp/eniagent-netplan-XXXXXX)
mkdir -p "$scratch/etc/netplan"
cat >"$scratch/etc/netplan/90-eniagent-eth1.yaml" <<'YAML'
network:
  version: 2
  ethernets:
    eth1:
      addresses: [192.168.2.10/24]
YAML
chmod 0600 "$scratch/etc/netplan/90-eniagent-eth1.yaml"
netplan generate --root-dir "$scratch"
generated="$scratch/run/systemd/network/10-netplan-eth1.network"
test -s "$generated"
echo "generated $(basename "$generated")"
cp "$generated" /run/systemd/network/.eniagent-check.network
rm /run/systemd/network/.eniagent-check.network
echo "wrote and removed a file in /run/systemd/network"
rm -rf "$scratch"
