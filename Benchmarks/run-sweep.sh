#!/usr/bin/env bash
# Sweep benchmark (BENCHMARKS.md, "Sweeps"): `membrane sweep` (release build) with --jobs 1 and --jobs 2 against a
# Python loop over the equivalent scipy code (Benchmarks/peers/sweep_peer.py), on the same machine, one after the
# other; each time is the best of REPEATS runs (the machine is shared). The peer also checks its values against
# Membrane's CSV.
# With BEFORE=/path/to/another/membrane, that binary is timed too, alternating with this one (before/after tables).
# Usage: [BEFORE=path] Benchmarks/run-sweep.sh [repeats]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
repeats="${1:-3}"
[ -x "$root/Benchmarks/.venv/bin/python" ] || "$root/Benchmarks/peers/setup.sh"
cd "$root"
swift build -c release --product membrane >/dev/null
membrane="$root/.build/release/membrane"
py="$root/Benchmarks/.venv/bin/python"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

ghk=(--vary outside.K=1:100:100:log --vary temperature=0:40:100
     -- ghk --inside "K=140,Na=12,Cl=7,Ca=100nM" --outside "K=5,Na=145,Cl=120,Ca=2" --permeability "K=1,Na=0.04,Cl=0.45,Ca=0.1")
mono=(--vary outside.K=1:100:100:log --vary temperature=0:40:100
      -- ghk --inside "K=140,Na=12,Cl=7" --outside "K=5,Na=145,Cl=120" --permeability "K=1,Na=0.04,Cl=0.45")
pump=(--vary pump-current-uA-per-cm2=0.1:2:1000 -- steady-state --preset kay-2017)

# best NAME JOBS ARGS...: the best wall time (ns) of `membrane sweep --jobs JOBS ARGS` (this build and, with BEFORE,
# the other binary, run alternately: "NS BEFORE_NS"), output kept in $out/NAME-JOBS.csv.
best() {
  local name=$1 jobs=$2
  shift 2
  local best_ns= before_ns=
  for _ in $(seq "$repeats"); do
    local t0 t1
    if [ -n "${BEFORE:-}" ]; then
      t0=$(date +%s%N)
      "$BEFORE" sweep --jobs "$jobs" --output "$out/$name-$jobs-before.csv" "$@"
      t1=$(date +%s%N)
      if [ -z "$before_ns" ] || [ $((t1 - t0)) -lt "$before_ns" ]; then before_ns=$((t1 - t0)); fi
    fi
    t0=$(date +%s%N)
    "$membrane" sweep --jobs "$jobs" --output "$out/$name-$jobs.csv" "$@"
    t1=$(date +%s%N)
    if [ -z "$best_ns" ] || [ $((t1 - t0)) -lt "$best_ns" ]; then best_ns=$((t1 - t0)); fi
  done
  cmp "$out/$name-$jobs.csv" "$out/$name-1.csv"
  echo "$best_ns ${before_ns:-0}"
}

[ -z "${BEFORE:-}" ] || echo "before: $BEFORE (alternating with this build; 'before' columns)"
printf "%-44s %10s %10s %10s %12s %12s %12s\n" "sweep" "jobs 1" "jobs 2" "speed-up" "scipy loop" "scipy/jobs 1" "before 1 / 2"
for sweep in ghk mono pump; do
  case $sweep in
    ghk) args=("${ghk[@]}"); peer=ghk; label="GHK K/Na/Cl/Ca (root), 10 000 points" ;;
    mono) args=("${mono[@]}"); peer=ghk-mono; label="GHK K/Na/Cl (closed form), 10 000 points" ;;
    pump) args=("${pump[@]}"); peer=pump-leak; label="pump-leak steady state (kay-2017), 1000 pts" ;;
  esac
  read -r one before_one < <(best "$sweep" 1 "${args[@]}")
  read -r two before_two < <(best "$sweep" 2 "${args[@]}")
  (cd "$root/Benchmarks/peers" && "$py" sweep_peer.py "$peer" "$repeats" --compare "$out/$sweep-1.csv") >"$out/$sweep-peer.json"
  "$py" - "$label" "$one" "$two" "$out/$sweep-peer.json" "$before_one" "$before_two" <<'PY'
import json, sys
label, one, two, peer = sys.argv[1], int(sys.argv[2]) / 1e9, int(sys.argv[3]) / 1e9, json.load(open(sys.argv[4]))
b1, b2 = int(sys.argv[5]) / 1e9, int(sys.argv[6]) / 1e9
p = peer["best_s"]
before = "%6.3f / %.3f s" % (b1, b2) if b1 > 0 else ""
print("%-44s %8.3f s %8.3f s %9.2fx %10.3f s %11.2fx %s" % (label, one, two, one / two, p, p / one, before))
print("    largest |Membrane - scipy|: " + ", ".join("%s %.1e" % kv for kv in peer["max_abs_difference"].items())
      + "; points without a result: Membrane %(membrane)d, scipy %(scipy)d" % peer["failed_points"])
PY
done
"$py" -c 'import sys, scipy, numpy; print("python", sys.version.split()[0], "scipy", scipy.__version__, "numpy", numpy.__version__)'
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'); load average $(cut -d' ' -f1-3 /proc/loadavg)"
