#!/usr/bin/env bash
# Runs the authors' own code of Hübel & Ullah 2016 (ModelDB 187599, code_Fig3.ode) in XPPAUT, the program it was
# written for (Debian's xppaut 6.11, installed here if missing), for Fig. 3, Fig. 4 (gcl_l = 0) and the Fig. 3 insets
# (s = 1), each twice: with the file's own numerics (CVODE at XPP's default tolerances, output every 0.5 ms: what the
# paper's figures show) and with CVODE at tol = atol = 1e-9 (to compare with our tight runs). Spikes need finer output
# than 0.5 ms (the burst's last spikes are brief), so each tight run also records 0-65 s every 20 us. summarise.py
# writes one JSON object (authors_runs.json). The .ode file is not in this repository (ModelDB states no licence for
# it): download it from ModelDB (accession 187599) or its GitHub mirror ModelDBRepository/187599 and pass its path.
# Only XPP's `@` option lines and the two `par` lines the ModelDB README names are changed, by sed; the equations not.
# Usage: ./run.sh path/to/code_Fig3.ode > authors_runs.json   (about 3 min of one core)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
src="${1:?usage: run.sh path/to/code_Fig3.ode}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
command -v xppaut >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq xppaut >/dev/null
variant() {  # name, sed expression for the par lines ('' for Fig. 3 as published)
  local name="$1" pars="$2"
  sed "$pars" "$src" > "$work/$name.ode"
  cp "$work/$name.ode" "$work/$name-published.ode"
  sed 's/^@ dt=5e-4/@ dt=5e-4, tol=1e-9, atol=1e-9/' "$work/$name.ode" > "$work/$name-tight.ode"
  sed 's/^@ dt=5e-4/@ dt=2e-5, tol=1e-9, atol=1e-9/; s/^@ total=1000/@ total=65/' "$work/$name.ode" > "$work/$name-tight-fine.ode"
  for run in published tight tight-fine; do
    mkdir -p "$work/$name-$run"
    (cd "$work/$name-$run" && xppaut "../$name-$run.ode" -silent >/dev/null 2>&1)
    test -s "$work/$name-$run/output.dat"
  done
}
variant fig3 ''
variant fig4 's/^par gcl_l=0.05/par gcl_l=0/'
variant insets 's/^par s=0/par s=1/'
"${PYTHON:-python3}" "$here/summarise.py" "$work"
