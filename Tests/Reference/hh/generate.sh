#!/usr/bin/env bash
# Regenerates every file of Tests/Reference/hh (see README.md) in Benchmarks/.venv (NEURON 9.0.2, scipy, numpy < 2.4).
# Takes about 45 min of CPU on 2 cores (the two DOP853 populations dominate).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
py="$root/Benchmarks/.venv/bin/python"
[ -x "$py" ] && "$py" -c "import neuron, scipy" 2>/dev/null || "$root/Benchmarks/peers/setup.sh"
cd "$here"
export NEURON_MODULE_OPTIONS="-nogui"
# Tight reference (scipy DOP853), its tolerance check, and the rest as a root.
"$py" reference_scipy.py single 1e-12 10000 10 > scipy_dop853_10s_10uA.csv
"$py" reference_scipy.py single 1e-13 10000 10 > scipy_dop853_tol1e-13_10s_10uA.csv
"$py" reference_scipy.py population 1e-12 1000 1000 0 20 > scipy_dop853_population_1s.csv
"$py" reference_scipy.py population 1e-13 1000 1000 0 20 \
  0,110,111,112,200,296,297,298,306,307,308,309,310,311,312,313,368,500,628,792,999 \
  > scipy_dop853_tol1e-13_population_check.csv
"$py" reference_scipy.py rest > rest_scipy.json
# NEURON.
"$py" reference_neuron.py cvode 1000 10 1e-8 > neuron_cvode_atol1e-8_1s_10uA.csv
"$py" reference_neuron.py cvode 10000 10 1e-8 > neuron_cvode_atol1e-8_10s_10uA.csv
"$py" reference_neuron.py fixed 10000 10 0.025 > neuron_fixed_dt0.025_10s_10uA.csv
"$py" reference_neuron.py population 1000 1000 0 20 0.025 > neuron_fixed_dt0.025_population_1s.csv
"$py" reference_neuron.py rest 5000 > rest_neuron.json
"$py" compare.py > summary.json
echo "wrote $here"
