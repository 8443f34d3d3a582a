#!/bin/bash
# Submits a sharded Membrane sweep to Slurm: the job array (one task per shard) and the merge that runs when every
# task has succeeded. Prints the two job ids. See docs/cluster.md.
#
#   deploy/slurm/submit.sh SHARDS RESULTS [SWEEP OPTIONS]... -- COMMAND ARGS...
#   deploy/slurm/submit.sh 4 results/ghk --vary outside.K=1:100:400:log -- ghk --inside "K=140,Na=12,Cl=7" ...
#
# Extra sbatch options (partition, account, time, CPUs per task) go in SBATCH_ARRAY_OPTIONS and SBATCH_MERGE_OPTIONS,
# e.g. SBATCH_ARRAY_OPTIONS="--partition=short --time=00:30:00 --cpus-per-task=4".
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
shards=${1:?usage: submit.sh SHARDS RESULTS [SWEEP OPTIONS]... -- COMMAND ARGS...}
results=${2:?usage: submit.sh SHARDS RESULTS [SWEEP OPTIONS]... -- COMMAND ARGS...}
shift 2
mkdir -p "$results"
# shellcheck disable=SC2086
array=$(sbatch --parsable --array="0-$((shards - 1))" --output="$results/sweep-%A_%a.log" ${SBATCH_ARRAY_OPTIONS:-} \
  "$here/sweep-array.sbatch" "$results" "$@")
array=${array%%;*}
# shellcheck disable=SC2086
merge=$(sbatch --parsable --dependency="afterok:$array" --kill-on-invalid-dep=yes --output="$results/merge-%j.log" \
  ${SBATCH_MERGE_OPTIONS:-} "$here/merge.sbatch" "$results")
merge=${merge%%;*}
echo "$array $merge"
