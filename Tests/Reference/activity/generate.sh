#!/usr/bin/env bash
# Regenerates Tests/Reference/activity/phreeqc-activity.json with PHREEQC 3.8.6 (bundled with pyEQL 1.7.0).
# Installs the peers into Benchmarks/.venv through the project's own setup script, then runs generate.py.
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
[ -x "$root/Benchmarks/.venv/bin/python" ] && "$root/Benchmarks/.venv/bin/python" -c "import pyEQL, phreeqpython" 2>/dev/null \
  || "$root/Benchmarks/peers/setup.sh" "pyEQL==1.7.0" "phreeqpython==1.6.2"
"$root/Benchmarks/.venv/bin/python" "$root/Tests/Reference/activity/generate.py"
