#!/usr/bin/env bash
# Hübel & Ullah 2016 (code_Fig3.ode) timing peer (issue 9; BENCHMARKS.md): scipy solve_ivp LSODA at rtol 1e-6
# (atol 1e-6, scipy's default) over 1000 s on the port in Tests/Reference/hubel-ullah-2016, with its error at
# 1000 s against the tight reference. One JSON object per line: the default model, then g_ClL = 0.
# Usage: Benchmarks/run-hubel-ullah.sh [repeats]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
repeats="${1:-3}"
py="$root/Benchmarks/.venv/bin/python"
[ -x "$py" ] && "$py" -c "import scipy" 2>/dev/null || "$root/Benchmarks/peers/setup.sh" >&2
"$py" "$root/Benchmarks/peers/hubel_ullah_peer.py" "$repeats" 1e-6 1e-6
"$py" "$root/Benchmarks/peers/hubel_ullah_peer.py" "$repeats" 1e-6 1e-6 gcl_l=0
