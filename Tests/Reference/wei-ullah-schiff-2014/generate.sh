#!/usr/bin/env bash
# Regenerates Tests/Reference/wei-ullah-schiff-2014 (see README.md) in Benchmarks/.venv: the tight trajectories of the
# port of Wei, Ullah & Schiff 2014, their check against two other integrations, and summary.json.
# About 10 min on one core.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
py="$root/Benchmarks/.venv/bin/python"
[ -x "$py" ] && "$py" -c "import scipy" 2>/dev/null || "$root/Benchmarks/peers/setup.sh"
cd "$here"
check="$(mktemp -d)"
tight="LSODA 1e-12 1e-14"
"$py" reference.py trajectory $tight 400 1 > reference_tight.csv
"$py" reference.py trajectory $tight 100 1 t_hypoxia=1e5 t_reoxygenation=2e5 > reference_tight_normoxia.csv
k85="K_bath=8.5 t_hypoxia=1e5 t_reoxygenation=2e5"
"$py" reference.py trajectory $tight 80 1 $k85 > reference_tight_kbath8.5.csv
"$py" reference.py spikes $tight 80 $k85 > spikes_tight_kbath8.5.csv
"$py" reference.py spikes LSODA 1e-11 1e-13 80 $k85 > "$check"/spikes_kbath8.5_lsoda_rtol1e-11.csv
"$py" reference.py trajectory LSODA 1e-11 1e-13 400 1 > "$check"/lsoda_rtol1e-11.csv
"$py" reference.py trajectory Radau 1e-10 1e-12 400 1 > "$check"/radau_rtol1e-10.csv
"$py" compare.py "$check" > summary.json
echo "wrote $here"
