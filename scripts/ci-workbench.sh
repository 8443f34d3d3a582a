#!/usr/bin/env bash
# CI for the workbench: starts `membrane serve` exactly as the README does (release build, here on a free loopback
# port), checks that `/` answers, validates its OpenAPI document, runs the browser test (Debian's headless
# chromium over the DevTools protocol) against it, and stops it with SIGINT, which must end it cleanly (status 0).
# Installs chromium and python3-websockets with apt-get when they are missing (CI runs as root on Debian).
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== workbench: browser and its driver =="
if ! command -v chromium >/dev/null || ! /usr/bin/python3 -c 'import websockets' 2>/dev/null; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends chromium python3-websockets >/dev/null
fi
chromium --version

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port/"
log=$(mktemp)
echo "== workbench: swift run -c release membrane serve --port $port (the README's first command) =="
swift run -c release membrane serve --port "$port" >"$log" 2>&1 &
server=$!
stop() { kill -INT "$server" 2>/dev/null || true; }
trap stop EXIT
for _ in $(seq 1 1200); do   # the first release build takes minutes
    grep -q "open http://" "$log" && break
    kill -0 "$server" 2>/dev/null || { cat "$log"; echo "membrane serve exited early"; exit 1; }
    sleep 1
done
grep "open http://" "$log"
python3 - "$base" <<'PY'
import sys, urllib.request
with urllib.request.urlopen(sys.argv[1], timeout=10) as r:
    page = r.read().decode()
    assert r.status == 200 and 'type="module"' in page, "the page does not answer"
    assert "default-src 'self'" in r.headers["Content-Security-Policy"]
print("smoke test: / answers", r.status, len(page), "bytes")
PY
echo "== workbench: OpenAPI document =="
scripts/check-openapi.sh "$base"
echo "== workbench: browser test =="
shot=$(mktemp --suffix=.png)
python3 scripts/browser-test.py "$base" --screenshot "$shot"
echo "== workbench: Ctrl-C =="
trap - EXIT
kill -INT "$server"
status=0; wait "$server" || status=$?
grep -q "stopped" "$log" || { cat "$log"; echo "no clean stop"; exit 1; }
[ "$status" -eq 0 ] || { cat "$log"; echo "membrane serve exited with status $status after SIGINT"; exit 1; }
echo "workbench: stopped cleanly"
rm -f "$log" "$shot"
