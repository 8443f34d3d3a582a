#!/usr/bin/env bash
# Regenerates scipy_bdf.json with scipy's BDF (see generate.py) in Benchmarks/.venv.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
[ -x "$root/Benchmarks/.venv/bin/python" ] || "$root/Benchmarks/peers/setup.sh"
"$root/Benchmarks/.venv/bin/python" "$here/generate.py" > "$here/scipy_bdf.json"
echo "wrote $here/scipy_bdf.json"
