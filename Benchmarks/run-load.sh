#!/usr/bin/env bash
# Load test of `membrane serve` on loopback (BENCHMARKS.md, "Workbench server"): Debian's wrk, CONNECTIONS
# concurrent connections for SECONDS on POST /api/ghk, after a warm-up of the same load. Fails on any error (a
# non-2xx answer or a socket error). Reports p50/p99 latency and requests/s, and the server's resident memory
# (VmRSS of /proc/PID/status) after the warm-up and after the run, which must agree within 10 %.
# usage: Benchmarks/run-load.sh [SECONDS=30] [CONNECTIONS=200] [THREADS=2]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-30}"; connections="${2:-200}"; threads="${3:-2}"
command -v wrk >/dev/null || { echo "run-load: wrk is missing (apt-get install wrk)"; exit 1; }
swift build -c release --product membrane 2>&1 | grep -E "error|Compiling|Build complete" || true
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
log=$(mktemp)
.build/release/membrane serve --port "$port" >"$log" 2>&1 &
server=$!
trap 'kill -INT $server 2>/dev/null || true; rm -f "$log" "${out:-}"' EXIT
for _ in $(seq 1 100); do grep -q "open http://" "$log" && break; sleep 0.1; done
url="http://127.0.0.1:$port/api/ghk"
rss() { awk '/VmRSS/ {print $2}' "/proc/$server/status"; }
echo "run-load: warm-up, 5 s"
wrk -t"$threads" -c"$connections" -d5s -s Benchmarks/load/post-ghk.lua "$url" >/dev/null
before=$(rss)
echo "run-load: wrk -t$threads -c$connections -d${seconds}s --latency -s Benchmarks/load/post-ghk.lua $url"
out=$(mktemp)
wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency -s Benchmarks/load/post-ghk.lua "$url" | tee "$out"
after=$(rss)
python3 - "$before" "$after" "$out" <<'PY'
import re, sys
before, after = int(sys.argv[1]), int(sys.argv[2])
out = open(sys.argv[3]).read()
def field(pattern, default=None):
    m = re.search(pattern, out)
    return m.group(1) if m else default
errors = int(field(r"Non-2xx or 3xx responses: (\d+)", "0"))
socket = field(r"Socket errors: (.*)")
p50, p99 = field(r"\s50%\s+(\S+)"), field(r"\s99%\s+(\S+)")
rps = field(r"Requests/sec:\s+(\S+)")
total = field(r"(\d+) requests in")
change = (after - before) / before * 100
print(f"run-load: {total} requests, {rps} requests/s, p50 {p50}, p99 {p99}; non-2xx {errors}; socket errors: {socket or 'none'}")
print(f"run-load: VmRSS {before} kB after the warm-up, {after} kB after the run ({change:+.1f} %)")
if errors or socket:
    sys.exit("run-load: errors under load")
if abs(change) > 10:
    sys.exit("run-load: resident memory changed by more than 10 %")
PY
