#!/usr/bin/env bash
# Regenerates reference.json (CPython 3 with scipy; no other dependency).
set -euo pipefail
cd "$(dirname "$0")"
python3 reference.py > /dev/null
