#!/usr/bin/env bash
# Validates the OpenAPI document of a running `membrane serve` with openapi-spec-validator (PyPI), and checks
# request bodies against its schemas with jsonschema (draft 2020-12): bodies the server accepts must validate,
# bodies it refuses for their shape must not.
# usage: scripts/check-openapi.sh http://127.0.0.1:8080/
# The validator is installed into a virtual environment ($OPENAPI_VENV, default /tmp/membrane-openapi-venv).
set -euo pipefail
base="${1:?usage: scripts/check-openapi.sh BASE_URL}"
venv="${OPENAPI_VENV:-/tmp/membrane-openapi-venv}"
if [ ! -x "$venv/bin/openapi-spec-validator" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check "openapi-spec-validator>=0.7"
fi
doc=$(mktemp --suffix=.json)
trap 'rm -f "$doc"' EXIT
curl -fsS "${base%/}/openapi.json" -o "$doc"
"$venv/bin/openapi-spec-validator" "$doc"
"$venv/bin/python" - "$doc" <<'PY'
import json, sys
from jsonschema import Draft202012Validator
doc = json.load(open(sys.argv[1]))
schemas = doc["components"]["schemas"]
def check(name, body, valid):
    ok = Draft202012Validator(schemas[name]).is_valid(body)
    if ok != valid:
        sys.exit(f"check-openapi: {name} {'rejects' if valid else 'accepts'} {json.dumps(body)}")
check("NernstRequest", {"ion": "K", "inside": 140, "outside": "5mM", "temperature": "310.15K"}, True)
check("NernstRequest", {"ion": "K", "inside": 140}, False)                       # outside is required
check("NernstRequest", {"ion": "K", "inside": 140, "outside": 5, "temprature": 37}, False)
check("GhkRequest", {"inside": {"K": 140, "Ca": "100nM"}, "outside": "K=5, Na=145", "permeability": {"K": 1}}, True)
check("GhkRequest", {"inside": [140], "outside": "K=5", "permeability": "K=1"}, False)
check("DonnanRequest", {"outside": "K=100,Cl=100", "inside-impermeant": ["charge=-1,concentration=50", {"charge": -2, "concentration": 10}],
                        "permeant": ["K", "Cl"]}, True)
check("SimulatePumpLeakRequest", {"preset": "kay-2017", "config": {"pump": None, "events": [{"time_s": 10, "action": "block"}]}}, True)
check("SimulatePumpLeakRequest", {"config": {"events": [{"action": "block"}]}}, False)   # time_s is required
print(f"check-openapi: {len(doc['paths'])} paths, {len(schemas)} schemas; document valid, bodies checked")
PY
