#!/usr/bin/env python3
"""Peer for `membrane sweep` (BENCHMARKS.md, "Sweeps"): the same two sweeps as a plain Python loop over scipy code,
one point after another, writing a CSV as it goes, as a modeller would write it in a notebook.

ghk [mono]   10 000 points: outside K+ 1…100 mM (100 values, log) × temperature 0…40 °C (100 values); inside
             K 140, Na 12, Cl 7, Ca 100 nM, outside Na 145, Cl 120, Ca 2 mM, P K:Na:Cl:Ca = 1:0.04:0.45:0.1.
             Per point: the GHK potential (the root of the summed GHK currents with scipy's brentq, as Ca2+ is
             divalent; `mono` drops Ca and uses the closed form) and the Nernst potential of every ion.
pump-leak    1000 points: Kay 2017's pump-leak steady state (the equations of pump_leak_peer.py, PLM_CD.m, 25 °C)
             for net pump currents 0.1…2 uA/cm2 (linear), each by scipy.optimize.root (hybr) from the preset's
             initial state. Per point: V_m, the three concentrations and the volume.

Both write the CSV rows (csv module) and time the whole loop with time.perf_counter (best of `repeats`). With
`--compare FILE.csv` (Membrane's output of the same sweep), the values are compared point by point and the largest
differences printed. Prints one JSON object.
Usage: sweep_peer.py ghk|ghk-mono|pump-leak [repeats] [--compare membrane.csv] [--output peer.csv]
"""
import csv, io, json, math, sys, time
import numpy as np
from scipy.optimize import brentq

import pump_leak_peer as plm

# CODATA 2018 exact constants.
F = 1.602176634e-19 * 6.02214076e23
R = 1.380649e-23 * 6.02214076e23


def log_range(a, b, n):
    return [a * (b / a) ** (k / (n - 1)) if k < n - 1 else b for k in range(n)]


def lin_range(a, b, n):
    return [a + (b - a) * k / (n - 1) if k < n - 1 else b for k in range(n)]


def efun(x):
    return 1 - x / 2 if abs(x) < 1e-4 else x / math.expm1(x)


def ghk_sweep(out, with_calcium):
    writer = csv.writer(out)
    names = ["K", "Na", "Cl", "Ca"] if with_calcium else ["K", "Na", "Cl"]
    writer.writerow(["index", "outside.K", "temperature", "potential_mV"] + ["nernst_mV." + n for n in names])
    z = {"K": 1, "Na": 1, "Cl": -1, "Ca": 2}
    cin = {"K": 140.0, "Na": 12.0, "Cl": 7.0, "Ca": 1e-4}
    p = {"K": 1.0, "Na": 0.04, "Cl": 0.45, "Ca": 0.1}
    k = 0
    for ko in log_range(1.0, 100.0, 100):
        cout = {"K": ko, "Na": 145.0, "Cl": 120.0, "Ca": 2.0}
        for t_c in lin_range(0.0, 40.0, 100):
            vt = R * (t_c + 273.15) / F
            if with_calcium:
                def current(v):
                    total = 0.0
                    for n in names:
                        u = z[n] * v / vt
                        total += p[n] * z[n] * (cin[n] * efun(-u) - cout[n] * efun(u))
                    return total
                v = brentq(current, -0.4, 0.4, xtol=1e-15)
            else:
                v = vt * math.log((p["K"] * ko + p["Na"] * 145.0 + p["Cl"] * 7.0) / (p["K"] * 140.0 + p["Na"] * 12.0 + p["Cl"] * 120.0))
            nernst = [vt / z[n] * math.log(cout[n] / cin[n]) * 1e3 for n in names]
            writer.writerow([k, ko, t_c, v * 1e3] + nernst)
            k += 1


def pump_leak_sweep(out):
    writer = csv.writer(out)
    writer.writerow(["index", "pump-current-uA-per-cm2", "state.vm_mV", "state.inside_mM.Na", "state.inside_mM.K",
                     "state.inside_mM.Cl", "volume_reference_relative"])
    for k, current in enumerate(lin_range(0.1, 2.0, 1000)):
        plm.JP = current * 1e-2 / F                      # uA/cm2 -> A/m2 -> mol/(m2 s)
        plm.SCALE = plm.G * plm.VT / F + np.array([3 * plm.JP, 2 * plm.JP, 0.0])
        plm.S_NA, plm.S_K, plm.S_CL = (float(s) for s in plm.SCALE)
        sol = plm.steady_state()
        x = sol.x
        c = np.exp(x[1:4])
        writer.writerow([k, current, x[0] * plm.VT * 1e3, c[0], c[1], c[2], math.exp(x[4])] if sol.success
                        else [k, current, "", "", "", "", ""])


def compare(peer_csv, membrane_csv, keys):
    """The largest |difference| per key over the points both solved, and the points each failed."""
    ours = list(csv.DictReader(io.StringIO(peer_csv)))
    theirs = list(csv.DictReader(open(membrane_csv)))
    assert len(ours) == len(theirs), (len(ours), len(theirs))
    worst, failed = {}, {"scipy": 0, "membrane": 0}
    for a, b in zip(ours, theirs):
        assert a["index"] == b["index"]
        if a[keys[0]] == "" or b[keys[0]] == "":
            failed["scipy"] += a[keys[0]] == ""
            failed["membrane"] += b[keys[0]] == ""
            continue
        for key in keys:
            worst[key] = max(worst.get(key, 0.0), abs(float(a[key]) - float(b[key])))
    return worst, failed


def main():
    what = sys.argv[1]
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 and not sys.argv[2].startswith("--") else 3
    times, text = [], ""
    for _ in range(repeats):
        buffer = io.StringIO()
        t0 = time.perf_counter()
        if what == "pump-leak":
            pump_leak_sweep(buffer)
        else:
            ghk_sweep(buffer, with_calcium=(what == "ghk"))
        text = buffer.getvalue()
        if "--output" in sys.argv:
            with open(sys.argv[sys.argv.index("--output") + 1], "w") as f:
                f.write(text)
        times.append(time.perf_counter() - t0)
    result = {"sweep": what, "points": text.count("\n") - 1, "best_s": min(times), "times_s": times,
              "python": sys.version.split()[0], "scipy": __import__("scipy").__version__, "numpy": np.__version__}
    if "--compare" in sys.argv:
        keys = (["state.vm_mV", "state.inside_mM.Na", "state.inside_mM.K", "state.inside_mM.Cl"] if what == "pump-leak"
                else ["potential_mV", "nernst_mV.K", "nernst_mV.Na", "nernst_mV.Cl"])
        result["max_abs_difference"], result["failed_points"] = compare(text, sys.argv[sys.argv.index("--compare") + 1], keys)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
