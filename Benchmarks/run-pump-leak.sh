#!/usr/bin/env bash
# Pump-leak benchmark (BENCHMARKS.md, "Pump-leak cell"): Membrane (release; Rodas4 and BDF) and the scipy peer
# (solve_ivp BDF and LSODA, optimize.root) side by side, at equal tolerances and at equal accuracy against a tight
# reference (Membrane Rodas4 at rtol 1e-12).
# Usage: Benchmarks/run-pump-leak.sh [repeats] [rounds]
#   Each round runs every Membrane case, then every peer case; a case's time is the smallest of its per-round medians
#   (the machine is shared: the minimum over rounds removes most of the other users' load from both sides alike).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
repeats="${1:-50}"
rounds="${2:-2}"
[ -x "$root/Benchmarks/.venv/bin/python" ] || "$root/Benchmarks/peers/setup.sh"
cd "$root"
swift build -c release --product membrane >/dev/null
py="$root/Benchmarks/.venv/bin/python"
out="$(mktemp -d)"
mtols="1e-12 1e-11 1e-10 5e-10 2e-10 1e-9 5e-9 2e-9 1e-8 5e-8 2e-8 1e-7 5e-7 2e-7 1e-6"
ptols="1e-10 1e-9 1e-8 1e-7 1e-6"
for round in $(seq 1 "$rounds"); do
  for method in rodas4 bdf; do
    for rtol in $mtols; do
      .build/release/membrane bench-pump-leak --repeats "$repeats" --method "$method" --rtol "$rtol" --atol 1e-10 --json \
        > "$out/membrane-$method-$rtol-$round.json"
    done
  done
  for rtol in $ptols; do
    extra="--no-steady-integration"
    [ "$rtol" = "1e-8" ] && extra=""
    "$py" "$root/Benchmarks/peers/pump_leak_peer.py" "$((repeats / 5 + 3))" "$rtol" $extra > "$out/peer-$rtol-$round.json"
  done
done
"$py" - "$out" "$rounds" "$mtols" "$ptols" <<'PY'
import json, sys, os
d, rounds = sys.argv[1], int(sys.argv[2])
mtols, ptols = sys.argv[3].split(), sys.argv[4].split()
def load(name):
    return [json.load(open(os.path.join(d, "%s-%d.json" % (name, r)))) for r in range(1, rounds + 1)]
def best(runs, key):
    return min(r[key]["median_s"] for r in runs)
M = {(m, t): load("membrane-%s-%s" % (m, t)) for m in ("rodas4", "bdf") for t in mtols}
P = {t: load("peer-%s" % t) for t in ptols}
ref = M[("rodas4", "1e-12")][0]
ref_v, ref_w = ref["block_1h_vm_mV"], ref["block_1h_volume_relative"]
BLOCK, SS, SI = "1 h pump block from steady state", "steady state (kay-2017, Newton)", "steady state by integration (10⁶ s)"
print("reference (Membrane Rodas4, rtol 1e-12): V(3600 s) = %.12f mV, volume x %.12f" % (ref_v, ref_w))
print()
print("1 h of pump block from the steady state (atol 1e-10 mM)")
print("%-30s %10s %7s %7s %11s %11s" % ("run", "time", "steps", "f evals", "|dV| (mV)", "|dw|/w"))
rows = []  # (name, time, dV, dw)
for m, label in (("rodas4", "Membrane Rodas4"), ("bdf", "Membrane BDF")):
    for t in mtols:
        x = M[(m, t)][0]
        tm = best(M[(m, t)], BLOCK)
        dv, dw = abs(x["block_1h_vm_mV"] - ref_v), abs(x["block_1h_volume_relative"] / ref_w - 1)
        rows.append(("%s rtol %s" % (label, t), tm, dv, dw, m, t))
        print("%-30s %7.3f ms %7d %7d %11.2e %11.2e" % (rows[-1][0], tm * 1e3, x["block_1h_steps"], x["block_1h_rhs_evaluations"], dv, dw))
peers = []
PEERS = ("BDF", "BDF_jac", "LSODA", "LSODA_jac")
def peer_name(meth):
    return meth.replace("_jac", "+jac")
for meth in PEERS:
    for t in ptols:
        x = P[t][0]["block_1h_" + meth]
        tm = min(p["block_1h_" + meth]["median_s"] for p in P[t])
        dv, dw = abs(x["vm_mV"] - ref_v), abs(x["volume_relative"] / ref_w - 1)
        peers.append(("scipy %s rtol %s" % (peer_name(meth), t), tm, dv, dw, meth, t))
        print("%-30s %7.3f ms %7d %7d %11.2e %11.2e" % (peers[-1][0], tm * 1e3, x["steps"], x["nfev"], dv, dw))
print()
print("equal tolerance (rtol 1e-8): peer time / Membrane time")
for m, label in (("rodas4", "Rodas4"), ("bdf", "BDF")):
    tm = best(M[(m, "1e-8")], BLOCK)
    for meth in PEERS:
        tp = min(p["block_1h_" + meth]["median_s"] for p in P["1e-8"])
        print("  scipy %-9s / Membrane %-6s = %6.1fx  (%.3f ms / %.3f ms)" % (peer_name(meth), label, tp / tm, tp * 1e3, tm * 1e3))
print()
print("equal tolerance at every peer rtol: peer time / Membrane BDF time")
for t in ptols:
    tm = best(M[("bdf", t)], BLOCK)
    print("  rtol %-6s Membrane BDF %.3f ms: " % (t, tm * 1e3) + ", ".join(
        "%s %.1fx" % (peer_name(meth), min(p["block_1h_" + meth]["median_s"] for p in P[t]) / tm) for meth in PEERS))
print()
print("equal accuracy: for each peer run, the fastest Membrane run at least as accurate in both V and volume")
for name, tp, dv, dw, meth, t in peers:
    for m in ("rodas4", "bdf"):
        ok = [r for r in rows if r[4] == m and r[2] <= dv and r[3] <= dw]
        if ok:
            r = min(ok, key=lambda r: r[1])
            print("  %-28s vs %-30s %6.1fx" % (name, r[0], tp / r[1]))
        else:
            print("  %-24s vs Membrane %-6s: no run as accurate" % (name, m))
print()
print("Membrane's two methods at equal accuracy: for each run, the fastest run of the other method at least as accurate")
for name, tm, dv, dw, m, t in rows:
    other = "bdf" if m == "rodas4" else "rodas4"
    ok = [r for r in rows if r[4] == other and r[2] <= dv and r[3] <= dw]
    if ok:
        r = min(ok, key=lambda r: r[1])
        print("  %-28s %7.3f ms   %-28s %7.3f ms   (%s faster by %.2fx)" % (name, tm * 1e3, r[0], r[1] * 1e3,
              "BDF" if (r[1] < tm) == (other == "bdf") else "Rodas4", max(tm, r[1]) / min(tm, r[1])))
    else:
        print("  %-28s %7.3f ms   no %s run as accurate" % (name, tm * 1e3, other))
print()
ss_m = min(best(M[(m, t)], SS) for m in ("rodas4", "bdf") for t in mtols)
# Both sides: the best per-run median over every run (Membrane and the peer time the steady state in each run).
root_t = min(p["steady_state"]["median_s"] for t in ptols for p in P[t])
root_jac_t = min(p["steady_state_jac"]["median_s"] for t in ptols for p in P[t])
print("steady state: Membrane Newton %.2f us (V = %.10f mV)" % (ss_m * 1e6, ref["steady_state_vm_mV"]))
print("  scipy.optimize.root (hybr): %.1f us -> %.1fx" % (root_t * 1e6, root_t / ss_m))
print("  scipy.optimize.root (hybr, exact Jacobian): %.1f us -> %.1fx" % (root_jac_t * 1e6, root_jac_t / ss_m))
for rule, text in (("event", "until max|dN/dt|/N < 1e-11/s"), ("horizon", "over 10^6 s")):
    for meth in ("BDF", "LSODA"):
        key = "steady_integration_%s_%s" % (rule, meth)
        x = P["1e-8"][0][key]
        tp = min(p[key]["median_s"] for p in P["1e-8"])
        print("  solve_ivp %-5s %-30s %8.2f ms (%d steps, V - V_root = %.1e mV, amounts %.1e) -> %7.0fx"
              % (meth, text, tp * 1e3, x["steps"], x["vm_minus_root_mV"], x["max_relative_amount_minus_root"], tp / ss_m))
print("steady state by integration over 10^6 s at rtol 1e-8, Membrane vs solve_ivp (same horizon and tolerance):")
for m, label in (("rodas4", "Rodas4"), ("bdf", "BDF")):
    x = M[(m, "1e-8")][0]
    tm = best(M[(m, "1e-8")], SI)
    for meth in ("BDF", "LSODA"):
        key = "steady_integration_horizon_" + meth
        tp = min(p[key]["median_s"] for p in P["1e-8"])
        print("  Membrane %-6s %.3f ms (%d steps, V - V_Newton = %.1e mV) vs solve_ivp %-5s %.2f ms -> %.1fx"
              % (label, tm * 1e3, x["steady_integration_steps"], x["steady_integration_vm_minus_newton_mV"], meth, tp * 1e3, tp / tm))
p0 = P["1e-8"][0]
print("versions:", "scipy", p0["scipy"], "numpy", p0["numpy"], "python", p0["python"])
PY
