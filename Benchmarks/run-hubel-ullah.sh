#!/usr/bin/env bash
# Hübel & Ullah 2016 (code_Fig3.ode) over 1000 s (issue 9; BENCHMARKS.md), side by side on one machine:
# Membrane's hubel-ullah-2016 preset (membrane-bench-hubel-ullah: auto, BDF and Rodas4 at rtol 1e-6, atol 1e-6 in the
# code's units, set-up included) and the peer, scipy solve_ivp LSODA at rtol 1e-6 (atol 1e-6) on the port in
# Tests/Reference/hubel-ullah-2016; each with its error at 1000 s against the tight reference. One JSON object per
# line: Membrane auto (Dormand–Prince ⇄ BDF), BDF, Rodas4, LSODA; then auto, BDF and LSODA with g_ClL = 0.
# Usage: Benchmarks/run-hubel-ullah.sh [repeats]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
repeats="${1:-3}"
py="$root/Benchmarks/.venv/bin/python"
[ -x "$py" ] && "$py" -c "import scipy" 2>/dev/null || "$root/Benchmarks/peers/setup.sh" >&2
(cd "$root" && MEMBRANE_BENCHMARKS=1 swift build -c release --product membrane-bench-hubel-ullah >&2)
bench="$root/.build/release/membrane-bench-hubel-ullah"
"$bench" "$repeats" auto 1e-6 1e-6
"$bench" "$repeats" bdf 1e-6 1e-6
"$bench" "$repeats" rodas4 1e-6 1e-6
"$py" "$root/Benchmarks/peers/hubel_ullah_peer.py" "$repeats" 1e-6 1e-6
"$bench" "$repeats" auto 1e-6 1e-6 g_ClL=0
"$bench" "$repeats" bdf 1e-6 1e-6 g_ClL=0
"$bench" "$repeats" rodas4 1e-6 1e-6 g_ClL=0
"$py" "$root/Benchmarks/peers/hubel_ullah_peer.py" "$repeats" 1e-6 1e-6 gcl_l=0
