#!/usr/bin/env bash
# Hodgkin-Huxley timing peers (issue 9; BENCHMARKS.md): NEURON 9.0.2 and Brian2 2.9.0 on this machine, one JSON
# object per line on stdout (see Benchmarks/peers/hh_peer.py for what each case times and how):
#   neuron-single       1 cell, 10 s at 10 uA/cm^2, fixed step dt 0.025 ms, ParallelContext.psolve (only psolve timed)
#   neuron-population   1000 cells (cell k at 20k/999 uA/cm^2), 1 s, fixed step, psolve, nthread 1 and 2
#   brian2-population   the same 1000 cells, cpp_standalone, exponential Euler dt 0.025 ms, OpenMP 1 and 2 threads;
#                       the device's own run time (compile not counted); then RK4 at dt 0.025 ms, 2 threads: the
#                       cheapest Brian2 run that gets every spike count of the reference (BENCHMARKS.md, "Brian2 at
#                       Membrane's accuracy")
# The population cases also report their spike counts against Tests/Reference/hh/scipy_dop853_population_1s.csv.
# Usage: Benchmarks/run-hh.sh [repeats]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
repeats="${1:-5}"
py="$root/Benchmarks/.venv/bin/python"
[ -x "$py" ] && "$py" -c "import neuron, brian2" 2>/dev/null || "$root/Benchmarks/peers/setup.sh" >&2
export NEURON_MODULE_OPTIONS="-nogui"
peer="$root/Benchmarks/peers/hh_peer.py"
"$py" "$peer" neuron-single "$repeats"
for threads in 1 2; do
  "$py" "$peer" neuron-population "$repeats" "$threads"
done
for threads in 1 2; do
  "$py" "$peer" brian2-population "$repeats" "$threads"
done
"$py" "$peer" brian2-population "$repeats" 2 0.025 rk4
