#!/bin/bash
# Captures the adverts of a keepalived 2.2.7 started with NAME.conf (beside this script) as the
# only router on a veth pair between two throwaway network namespaces, into NAME.pcap.
#
#   sudo ./capture-ah.sh NAME [SECONDS]
#
# Namespace "a": eth0 = 10.9.0.1/24, MAC 02:00:00:00:00:01, where keepalived and tcpdump run.
# Namespace "b": eth0 = 10.9.0.2/24 and 10.9.0.3/24, MAC 02:00:00:00:00:02, the unicast peers
# (nothing runs there: its kernel answers ARP, so that keepalived's unicast adverts go out).
# keepalived runs SECONDS (default 4) and is then stopped with SIGTERM, so the capture ends with
# its priority 0 advert. keepalived's log (-l -D) goes to NAME.log in a temporary directory and
# is printed at the end. The namespaces, keepalived and tcpdump are always removed.
set -euo pipefail
name=$1
seconds=${2:-4}
here=$(cd "$(dirname "$0")" && pwd)
tag=ahcap$$
a=${tag}a
b=${tag}b
work=$(mktemp -d)
kpid=
tpid=

cleanup() {
    [ -n "$kpid" ] && kill "$kpid" 2>/dev/null && sleep 0.5
    [ -n "$tpid" ] && kill "$tpid" 2>/dev/null && wait "$tpid" 2>/dev/null
    ip netns del "$a" 2>/dev/null || true
    ip netns del "$b" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

ip netns add "$a"
ip netns add "$b"
ip link add eth0 netns "$a" address 02:00:00:00:00:01 type veth peer name eth0 netns "$b" address 02:00:00:00:00:02
ip -n "$a" addr add 10.9.0.1/24 dev eth0
ip -n "$b" addr add 10.9.0.2/24 dev eth0
ip -n "$b" addr add 10.9.0.3/24 dev eth0
for ns in "$a" "$b"; do
    ip -n "$ns" link set lo up
    ip -n "$ns" link set eth0 up
done

ip netns exec "$a" tcpdump -i eth0 -U -w "$here/$name.pcap" 'ip proto 51 or ip proto 112' 2>"$work/tcpdump.err" &
tpid=$!
sleep 1
ip netns exec "$a" keepalived -P -n -l -D -f "$here/$name.conf" \
    -p "$work/keepalived.pid" -r "$work/vrrp.pid" -c "$work/checkers.pid" -b "$work/bfd.pid" >"$work/$name.log" 2>&1 &
kpid=$!
sleep "$seconds"
kill -TERM "$kpid"
wait "$kpid" || true
kpid=
sleep 0.5
kill "$tpid"
wait "$tpid" 2>/dev/null || true
tpid=
cat "$work/$name.log"
tcpdump -nn -v -r "$here/$name.pcap"
