#!/usr/bin/env bash
# Pump-leak benchmark (BENCHMARKS.md, "Pump-leak cell"): Membrane (release) and the scipy peer side by side,
# at equal tolerances (rtol 1e-8, atol 1e-10) and at equal accuracy against a tight reference.
# Usage: Benchmarks/run-pump-leak.sh [repeats]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
repeats="${1:-50}"
[ -x "$root/Benchmarks/.venv/bin/python" ] || "$root/Benchmarks/peers/setup.sh"
cd "$root"
swift build -c release --product membrane >/dev/null
py="$root/Benchmarks/.venv/bin/python"
out="$(mktemp -d)"
for rtol in 1e-12 1e-8 1e-7 1e-6; do
  .build/release/membrane bench-pump-leak --repeats "$repeats" --rtol "$rtol" --atol 1e-10 --json > "$out/membrane-$rtol.json"
done
for rtol in 1e-8 1e-6; do
  "$py" "$root/Benchmarks/peers/pump_leak_peer.py" "$((repeats / 5 + 3))" "$rtol" > "$out/peer-$rtol.json"
done
"$py" - "$out" <<'PY'
import json, sys, os
d = sys.argv[1]
m = {r: json.load(open(os.path.join(d, f"membrane-{r}.json"))) for r in ("1e-12", "1e-8", "1e-7", "1e-6")}
p = {r: json.load(open(os.path.join(d, f"peer-{r}.json"))) for r in ("1e-8", "1e-6")}
ref_v, ref_w = m["1e-12"]["block_1h_vm_mV"], m["1e-12"]["block_1h_volume_relative"]
print("reference (Membrane, rtol 1e-12): V(3600 s) = %.12f mV, volume x %.12f" % (ref_v, ref_w))
print("%-34s %11s %7s %12s %12s" % ("run", "median", "steps", "|dV| (mV)", "|dw|/w"))
for r in ("1e-8", "1e-7", "1e-6"):
    x = m[r]
    print("%-34s %8.3f ms %7d %12.2e %12.2e" % ("Membrane Rodas4 rtol " + r, x["1 h pump block from steady state"]["median_s"] * 1e3,
          x["block_1h_steps"], abs(x["block_1h_vm_mV"] - ref_v), abs(x["block_1h_volume_relative"] / ref_w - 1)))
for r in ("1e-8", "1e-6"):
    for meth in ("BDF", "LSODA"):
        x = p[r]["block_1h_" + meth]
        print("%-34s %8.3f ms %7d %12.2e %12.2e" % ("scipy %s rtol %s" % (meth, r), x["median_s"] * 1e3, x["steps"],
              abs(x["vm_mV"] - ref_v), abs(x["volume_relative"] / ref_w - 1)))
ss_m = m["1e-8"]["steady state (kay-2017, Newton)"]["median_s"]
ss_p = p["1e-8"]["steady_state"]["median_s"]
print("steady state: Membrane %.1f us, scipy root (hybr) %.1f us, ratio %.1fx" % (ss_m * 1e6, ss_p * 1e6, ss_p / ss_m))
t8 = m["1e-8"]["1 h pump block from steady state"]["median_s"]
for meth in ("BDF", "LSODA"):
    print("1 h block at rtol 1e-8: scipy %s / Membrane = %.1fx" % (meth, p["1e-8"]["block_1h_" + meth]["median_s"] / t8))
print("versions:", "scipy", p["1e-8"]["scipy"], "numpy", p["1e-8"]["numpy"], "python", p["1e-8"]["python"])
PY
