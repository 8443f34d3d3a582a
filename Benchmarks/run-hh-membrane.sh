#!/usr/bin/env bash
# Hodgkin-Huxley benchmark, Membrane's side (BENCHMARKS.md "Hodgkin-Huxley"), then the peers side by side
# (Benchmarks/run-hh.sh: NEURON 9.0.2 psolve, Brian2 2.9.0 cpp_standalone). One JSON object per line on stdout.
#   membrane-single      1 cell, 10 s at 10 uA/cm^2: the wall time of the whole process (start-up, set-up, run, output),
#                        min and median over REPEATS runs; with the default build and with --static-swift-stdlib
#   membrane-population  1000 cells (cell k at 20k/999 uA/cm^2), 1 s, 2 threads and 1: the run's own time (process
#                        start-up and set-up not counted, as the peers' import and compile are not), on the squid
#                        axon's compiled kernel (the default) and on the general kernel (--kernel general), with the
#                        lane worker the processor runs best (the default: AVX2 where it has it) and the portable one
#                        (--isa portable: SSE2 on x86-64)
#   accuracy             spike-time errors against Tests/Reference/hh (DOP853 at 1e-12) for several tolerances
# Usage: Benchmarks/run-hh-membrane.sh [repeats] [--no-peers]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
repeats="${1:-10}"
cd "$root"
export MEMBRANE_BENCHMARKS=1
swift build -c release --product membrane-bench-hh >/dev/null
swift build -c release --product membrane-bench-hh --static-swift-stdlib --scratch-path .build-static >/dev/null
single() {  # binary label
  local times=()
  for _ in $(seq 1 "$repeats"); do
    local t0 t1
    t0=$(date +%s%N)
    "$1" single >/dev/null
    t1=$(date +%s%N)
    times+=($(( t1 - t0 )))
  done
  local sorted
  sorted=$(printf '%s\n' "${times[@]}" | sort -n)
  local min median
  min=$(echo "$sorted" | head -1)
  median=$(echo "$sorted" | sed -n "$(( (repeats + 1) / 2 ))p")
  local line
  line=$("$1" single)
  echo "{\"case\": \"membrane-single\", \"build\": \"$2\", \"whole_process_min_s\": $(awk "BEGIN{print $min/1e9}"), \"whole_process_median_s\": $(awk "BEGIN{print $median/1e9}"), \"repeats\": $repeats, \"result\": $line}"
}
single .build/release/membrane-bench-hh "release"
single .build-static/release/membrane-bench-hh "release, --static-swift-stdlib"
for isa in best portable; do
  isa_flag=()
  [ "$isa" = best ] || isa_flag=(--isa "$isa")
  for kernel in compiled general; do
    for threads in 2 1; do
      best=""
      for _ in $(seq 1 3); do
        line=$(.build/release/membrane-bench-hh population --threads "$threads" --kernel "$kernel" "${isa_flag[@]}")
        t=$(echo "$line" | sed 's/.*"run_s": \([0-9.e-]*\).*/\1/')
        if [ -z "$best" ] || awk "BEGIN{exit !($t < $best)}"; then best=$t; keep=$line; fi
      done
      echo "{\"case\": \"membrane-population\", \"isa\": \"$isa\", \"kernel\": \"$kernel\", \"threads\": $threads, \"min_of_3_run_s\": $best, \"result\": $keep}"
    done
  done
done
.build/release/membrane-bench-hh accuracy --rtol 1e-4 --rtol 3e-5 --rtol 1e-5 --rtol 1e-6 --rtol 1e-7 --rtol 1e-8
[ "${2:-}" = "--no-peers" ] || "$root/Benchmarks/run-hh.sh" 3
