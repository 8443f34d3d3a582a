#!/usr/bin/env bash
# Regenerates Tests/Reference/hubel-ullah-2016 (see README.md) in Benchmarks/.venv: the tight trajectories and spike
# times of the port of code_Fig3.ode, their check against two other integrations, and summary.json.
# About 15 min on one core (Radau at rtol 1e-10 takes most of it).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
py="$root/Benchmarks/.venv/bin/python"
[ -x "$py" ] && "$py" -c "import scipy" 2>/dev/null || "$root/Benchmarks/peers/setup.sh"
cd "$here"
check="$(mktemp -d)"
tight="LSODA 1e-12 1e-14"
"$py" reference.py trajectory $tight > reference_tight.csv
"$py" reference.py trajectory $tight gcl_l=0 > reference_tight_gcl0.csv
"$py" reference.py trajectory $tight s=1 > reference_tight_s1.csv
"$py" reference.py spikes $tight > spikes_tight.csv
"$py" reference.py spikes $tight gcl_l=0 > spikes_tight_gcl0.csv
"$py" reference.py spikes $tight s=1 > spikes_tight_s1.csv
"$py" reference.py trajectory LSODA 1e-11 1e-13 > "$check"/lsoda_rtol1e-11.csv
"$py" reference.py spikes LSODA 1e-11 1e-13 > "$check"/spikes_lsoda_rtol1e-11.csv
"$py" reference.py trajectory Radau 1e-10 1e-12 > "$check"/radau_rtol1e-10.csv
"$py" compare.py "$check" > summary.json
echo "wrote $here"
