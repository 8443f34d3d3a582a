#!/usr/bin/env bash
# Validates deploy/kubernetes/*.yaml against the Kubernetes API schemas (kubernetes-validate from PyPI, --strict:
# unknown fields are errors), in a virtual environment made here, and checks what a schema cannot: the Indexed Job's
# completions equal its SHARDS, its pods use JOB_COMPLETION_INDEX, and every claim is the results PVC.
# If the package cannot be installed (no network), it falls back to a YAML parse and those checks, and says so.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=$(mktemp -d /tmp/membrane-k8s.XXXXXX)
trap 'rm -rf "$venv"' EXIT
python3 -m venv "$venv"
schema=yes
if ! "$venv/bin/pip" install --quiet "kubernetes-validate==1.37.0" 2>"$venv/pip.log"; then
  echo "kubernetes-validate could not be installed ($(tail -n 1 "$venv/pip.log")); YAML parse and field checks only"
  schema=no
  "$venv/bin/pip" install --quiet pyyaml 2>/dev/null || true
fi
if [ "$schema" = yes ]; then
  "$venv/bin/kubernetes-validate" --strict deploy/kubernetes/*.yaml
fi
"$venv/bin/python" - deploy/kubernetes/*.yaml <<'PY'
import sys
try:
    import yaml
except ImportError:
    sys.exit("PyYAML is not available: the manifests were not parsed")
docs = {}
for path in sys.argv[1:]:
    for doc in yaml.safe_load_all(open(path)):
        docs[doc["metadata"]["name"]] = doc
        for key in ("apiVersion", "kind", "metadata", "spec"):
            assert key in doc, f"{path}: no {key}"
sweep = docs["membrane-sweep"]["spec"]
assert sweep["completionMode"] == "Indexed", "the sweep must be an Indexed Job"
container = sweep["template"]["spec"]["containers"][0]
shards = {e["name"]: e["value"] for e in container["env"]}["SHARDS"]
assert int(shards) == sweep["completions"], f"SHARDS={shards} but completions={sweep['completions']}"
script = " ".join(container["args"])
assert '--shard "$JOB_COMPLETION_INDEX/$SHARDS"' in script, "the shard must come from JOB_COMPLETION_INDEX"
claim = docs["membrane-results"]["metadata"]["name"]
for name in ("membrane-sweep", "membrane-merge"):
    volumes = docs[name]["spec"]["template"]["spec"]["volumes"]
    assert all(v["persistentVolumeClaim"]["claimName"] == claim for v in volumes), f"{name}: claim is not {claim}"
print("manifests: Indexed Job of %s shards, merge Job and claim consistent" % shards)
PY
