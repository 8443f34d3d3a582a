#!/usr/bin/env bash
# Runs the authors' own C code of Cressman et al. 2009 (ModelDB 136773, Cressman_et_al_JCNS_1_fullmodel_RK4.c: the
# full model, RK4 at dt = 0.01 ms, k_bath = 8 mM, after 50 ms of pre-integration) and summarises its bursts with
# summarise.py, as an independent check of our port (README.md, "The authors' code, run"). The C file is not in this
# repository (ModelDB states no licence for it): download it from ModelDB (accession 136773) or its GitHub mirror
# ModelDBRepository/136773 and pass its path.
# It needs Numerical Recipes' nrutil.h for dvector/free_dvector only; nrutil_standin.h (ours) provides those two.
# The only edit to the C file: scanf's "%ld" into an int becomes "%d" (undefined behaviour otherwise).
# Usage: ./run.sh path/to/Cressman_et_al_JCNS_1_fullmodel_RK4.c [seconds] > authors_run_kbath8_100s.json  (default 100 s)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
src="${1:?usage: run.sh path/to/Cressman_et_al_JCNS_1_fullmodel_RK4.c [seconds]}"
seconds="${2:-100}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
sed 's/scanf("%ld", &seconds)/scanf("%d", \&seconds)/' "$src" > "$work/fullmodel.c"
cp "$here/nrutil_standin.h" "$work/nrutil.h"
command -v cc >/dev/null || { apt-get install -y -qq gcc >/dev/null; }
# Strict C89: the code's global `gamma` would clash with glibc's gamma() under the GNU defaults.
cc -std=c89 -O2 -w -o "$work/fullmodel" "$work/fullmodel.c" -lm
(cd "$work" && echo "$seconds" | ./fullmodel >/dev/null)
python="${PYTHON:-python3}"
"$python" "$here/summarise.py" "$work/datafile.dat"
