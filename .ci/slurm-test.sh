#!/usr/bin/env bash
# A real Slurm run of the documented sweep recipe (docs/cluster.md), on a one-node cluster started here:
#   1. installs Debian's slurm-wlm and munge if absent (apt-get; CI runs as root);
#   2. starts a private munged, slurmctld and slurmd: own key, socket, ports, state and logs in a temporary
#      directory, so that nothing of the machine's own Slurm or munge is touched;
#   3. runs a sweep unsharded, submits the same sweep with deploy/slurm/submit.sh as a 4-task job array and the
#      dependent merge job, waits for the merge (bounded), and compares the merged file with the unsharded one (cmp);
#   4. stops the daemons it started and removes its files, also on failure or interruption (trap).
# Usage: .ci/slurm-test.sh [MEMBRANE_BINARY]   (default: .build/debug/membrane, built if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
timeout_s=${SLURM_TEST_TIMEOUT:-300}
started=$(date +%s)

membrane=${1:-$root/.build/debug/membrane}
[ -x "$membrane" ] || swift build --product membrane
membrane=$(cd "$(dirname "$membrane")" && pwd)/$(basename "$membrane")

if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v munged >/dev/null; then
  echo "== installing slurm-wlm and munge (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq slurm-wlm munge >/dev/null
fi

work=$(mktemp -d /tmp/membrane-slurm.XXXXXX)
chmod 711 "$work"  # the munge socket lives here; slurmstepd must reach it
cleanup() {
  status=$?
  trap - EXIT INT TERM
  if [ -f "$work/slurm.conf" ]; then
    SLURM_CONF="$work/slurm.conf" scancel --quiet --user="$(id -un)" 2>/dev/null || true
  fi
  for daemon in slurmd slurmctld munged; do
    if [ -f "$work/$daemon.pid" ]; then
      pid=$(cat "$work/$daemon.pid")
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$pid" 2>/dev/null || true
    fi
  done
  if [ "$status" -ne 0 ]; then
    echo "== Slurm test failed (status $status); logs:"
    tail -n 20 "$work"/*.log "$work"/results/*.log 2>/dev/null || true
  fi
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A free TCP port at or above $1.
free_port() {
  local p=$1
  while (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; do p=$((p + 1)); done
  echo "$p"
}

echo "== munge (private key and socket)"
dd if=/dev/urandom of="$work/munge.key" bs=1024 count=1 2>/dev/null
chmod 400 "$work/munge.key"
munged --force --key-file="$work/munge.key" --socket="$work/munge.socket" --pid-file="$work/munged.pid" \
  --log-file="$work/munged.log" --seed-file="$work/munged.seed"
munge -S "$work/munge.socket" -n | unmunge -S "$work/munge.socket" >/dev/null

echo "== slurmctld and slurmd (one node)"
host=$(hostname -s)
ctld_port=$(free_port 16817)
slurmd_port=$(free_port $((ctld_port + 1)))
memory=$(($(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024 - 512))
mkdir -p "$work/state" "$work/spool" "$work/results"
cat >"$work/slurm.conf" <<CONF
ClusterName=membraneci
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
AuthType=auth/munge
AuthInfo=socket=$work/munge.socket
CredType=cred/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
MpiDefault=none
JobCompType=jobcomp/none
AccountingStorageType=accounting_storage/none
MinJobAge=600
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmUser=root
SlurmdUser=root
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
NodeName=$host NodeAddr=127.0.0.1 CPUs=$(nproc) RealMemory=$memory State=UNKNOWN
PartitionName=ci Nodes=$host Default=YES MaxTime=30 State=UP
CONF
export SLURM_CONF="$work/slurm.conf"
slurmctld -f "$SLURM_CONF" -c
slurmd -f "$SLURM_CONF"
for _ in $(seq 60); do
  [ "$(sinfo -h -o %T 2>/dev/null)" = "idle" ] && break
  sleep 1
done
sinfo
[ "$(sinfo -h -o %T)" = "idle" ] || { echo "the node did not become idle"; exit 1; }

# The sweep: its points print different keys (a non-ideal activity model adds γ's), one value fails, so the shards'
# columns differ and the merge must reconcile them.
sweep=(--vary "activity-model=ideal,davies,pitzer" --vary "outside=0.1:100:40:log" --vary "inside=140,-3,70"
       -- nernst --ion K --inside 140 --outside 5)

echo "== unsharded sweep"
"$membrane" sweep "${sweep[@]}" >"$work/unsharded.csv"
wc -l <"$work/unsharded.csv"

echo "== job array of 4 shards and the dependent merge (deploy/slurm/submit.sh)"
export MEMBRANE="$membrane"
cd "$work"
read -r array merge < <("$root/deploy/slurm/submit.sh" 4 "$work/results" "${sweep[@]}")
echo "array job $array, merge job $merge"

state=
deadline=$(($(date +%s) + timeout_s))
while [ "$(date +%s)" -lt "$deadline" ]; do
  state=$(scontrol show job "$merge" -o 2>/dev/null | grep -o 'JobState=[A-Z_]*' | cut -d= -f2 || true)
  case "$state" in
    COMPLETED | FAILED | CANCELLED | TIMEOUT | NODE_FAIL | OUT_OF_MEMORY | BOOT_FAIL | DEADLINE) break ;;
  esac
  sleep 1
done
echo "merge job: ${state:-unknown}"
squeue
[ "$state" = "COMPLETED" ] || { echo "the merge job did not complete within ${timeout_s} s"; exit 1; }
ls "$work/results" "$work/results/shards"
head -c 300 "$work/results/shards/1.csv"; echo " …"
cmp "$work/results/sweep.csv" "$work/unsharded.csv"
echo "merged file = unsharded output ($(wc -l <"$work/unsharded.csv") lines), Slurm part took $(($(date +%s) - started)) s"
