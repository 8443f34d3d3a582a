#!/usr/bin/env bash
# Regenerates Tests/Reference/luo-rudy-1991 (see README.md) in Benchmarks/.venv: two paced beats from rest (LSODA at
# rtol 1e-10) and their check against Radau at rtol 1e-9 (summary.json), the rest against K_o (brentq), and the
# response to one pulse from rest against K_o (LSODA at rtol 1e-10). About 10 min on one core.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
py="$root/Benchmarks/.venv/bin/python"
[ -x "$py" ] && "$py" -c "import scipy" 2>/dev/null || "$root/Benchmarks/peers/setup.sh"
cd "$here"
check="$(mktemp -d)"
"$py" reference.py beats LSODA 1e-10 1e-12 rest 2000 > beats_tight.json
"$py" reference.py beats Radau 1e-9 1e-11 rest 2000 > "$check"/beats_radau.json
"$py" compare.py beats_tight.json "$check"/beats_radau.json > summary.json
"$py" reference.py rest > rest.csv
"$py" reference.py hyperkalemia LSODA 1e-10 1e-12 4,5.4,8,10,12,14,16 > hyperkalemia_tight.csv
echo "wrote $here"
