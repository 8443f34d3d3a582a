#!/usr/bin/env bash
# Creates Benchmarks/.venv with the Python peers used for side-by-side benchmarks and checks.
# Usage: Benchmarks/peers/setup.sh [extra packages...]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
python3 -m venv "$here/.venv"
"$here/.venv/bin/pip" install --quiet --upgrade pip
"$here/.venv/bin/pip" install --quiet "numpy<2.4" scipy "$@"
echo "peers installed in $here/.venv"
