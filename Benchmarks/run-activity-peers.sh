#!/usr/bin/env bash
# Runs `membrane bench-activity` (release) and the pyEQL/PHREEQC peer side by side on this machine.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/Benchmarks/.venv/bin/python" -c "import pyEQL" 2>/dev/null || "$root/Benchmarks/peers/setup.sh" "pyEQL==1.7.0" "phreeqpython==1.6.2"
cd "$root"
swift build -c release --product membrane >/dev/null
echo "== membrane bench-activity (release) =="
.build/release/membrane bench-activity --seconds 1
echo "== pyEQL 1.7.0 / PHREEQC 3.8.6 (CPython $("$root/Benchmarks/.venv/bin/python" -c 'import sys; print(sys.version.split()[0])')) =="
"$root/Benchmarks/.venv/bin/python" "$root/Benchmarks/peers/activity_peer.py"
