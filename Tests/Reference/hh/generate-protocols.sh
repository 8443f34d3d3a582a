#!/usr/bin/env bash
# Regenerates the current-clamp protocol references of Tests/Reference/hh (reference_protocols.py, NEURON 9.0.2) in
# Benchmarks/.venv; a few seconds.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
py="$root/Benchmarks/.venv/bin/python"
[ -x "$py" ] && "$py" -c "import neuron" 2>/dev/null || "$root/Benchmarks/peers/setup.sh"
cd "$here"
export NEURON_MODULE_OPTIONS="-nogui"
"$py" reference_protocols.py step 10 50 10 100 1e-10 > neuron_cvode_step_10ms_50ms_10uA.csv
"$py" reference_protocols.py train 0 20 1 10 20 250 1e-10 > neuron_cvode_train_20ms_1ms_10x_20uA.csv
"$py" reference_protocols.py ramp 5 40 0 40 60 1e-10 > neuron_cvode_ramp_5ms_40ms_0to40uA.csv
echo "wrote $here"
