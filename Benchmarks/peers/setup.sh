#!/usr/bin/env bash
# Creates (or updates) Benchmarks/.venv with the Python peers used for side-by-side benchmarks and reference data:
#   numpy < 2.4 (brian2 2.9.0 does not import with numpy >= 2.4), scipy, NEURON 9.0.2, Brian2 2.9.0.
# Brian2's cpp_standalone device compiles generated C++ with the system's g++ (Debian: apt-get install g++).
# Usage: Benchmarks/peers/setup.sh [extra packages...]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
[ -x "$here/.venv/bin/python" ] || python3 -m venv "$here/.venv"
"$here/.venv/bin/pip" install --quiet --upgrade pip
"$here/.venv/bin/pip" install --quiet "numpy<2.4" scipy "neuron==9.0.2" "brian2==2.9.0" "$@"
"$here/.venv/bin/python" - <<'PY'
import numpy, scipy, neuron, brian2
print("numpy", numpy.__version__, "scipy", scipy.__version__, "neuron", neuron.__version__, "brian2", brian2.__version__)
PY
echo "peers installed in $here/.venv"
