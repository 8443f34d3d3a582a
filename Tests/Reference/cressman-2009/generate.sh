#!/usr/bin/env bash
# Regenerates Tests/Reference/cressman-2009 (see README.md) in Benchmarks/.venv: the tight trajectories and spike
# times of the port of Cressman et al. 2009, their check against two other integrations, and summary.json.
# About 30 min of one core (pure-Python right-hand side; the 100-s seizure run at rtol 1e-12 is the slow part).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
py="$root/Benchmarks/.venv/bin/python"
[ -x "$py" ] && "$py" -c "import scipy" 2>/dev/null || "$root/Benchmarks/peers/setup.sh"
cd "$here"
check="$(mktemp -d)"
"$py" reference.py rest LSODA 1e-12 1e-14 30 k_bath=4
"$py" reference.py seizure LSODA 1e-12 1e-14 100 k_bath=8
"$py" reference.py table1 LSODA 1e-12 1e-14 65 k_bath=8 G_glia=66 epsilon=1.2
"$py" reference.py "$check"/rest_lsoda11 LSODA 1e-11 1e-13 30 k_bath=4
"$py" reference.py "$check"/seizure_lsoda11 LSODA 1e-11 1e-13 100 k_bath=8
"$py" reference.py "$check"/seizure_dop853 DOP853 1e-12 1e-14 100 k_bath=8
"$py" compare.py "$check" > summary.json
echo "wrote $here"
