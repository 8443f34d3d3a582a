#!/usr/bin/env bash
# Runs `membrane bench` (release) and the Python peer side by side on this machine.
# Usage: Benchmarks/run-peers.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
[ -x "$root/Benchmarks/.venv/bin/python" ] || "$root/Benchmarks/peers/setup.sh"
cd "$root"
swift build -c release --product membrane >/dev/null
echo "== membrane bench (release) =="
.build/release/membrane bench --seconds 1
echo "== Python peer (CPython $("$root/Benchmarks/.venv/bin/python" -c 'import sys; print(sys.version.split()[0])'), scipy) =="
"$root/Benchmarks/.venv/bin/python" "$root/Benchmarks/peers/electro_peer.py"
echo "== Python peer: liquid junctions (scipy shooting for Planck, numpy Henderson) =="
"$root/Benchmarks/.venv/bin/python" "$root/Benchmarks/peers/ljp_peer.py"
