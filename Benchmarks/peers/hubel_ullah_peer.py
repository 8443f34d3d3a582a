#!/usr/bin/env python3
"""Timing peer for `membrane simulate pump-leak --preset hubel-ullah-2016` (issue 9): the port of Hübel & Ullah's
code_Fig3.ode (Tests/Reference/hubel-ullah-2016/hubel_ullah_2016.py, the same equations and constants) integrated
with scipy.integrate.solve_ivp(method="LSODA", rtol=1e-6, atol=1e-6) over 0..1000 s, in two calls split at the
pump stop (t = 50 s, a discontinuity of the right-hand side), without dense output or t_eval.
Prints one JSON object: the median and minimum wall time over REPEATS runs (import and set-up not counted), the
steps and f evaluations, and the state at 1000 s against the tight reference (reference_tight.csv).
Usage: hubel_ullah_peer.py [REPEATS] [RTOL] [ATOL] [key=value ...]
"""
import csv, json, os, statistics, sys, time
import numpy as np
import scipy
from scipy.integrate import solve_ivp

HERE = os.path.dirname(os.path.abspath(__file__))
REF_DIR = os.path.join(HERE, "..", "..", "Tests", "Reference", "hubel-ullah-2016")
sys.path.insert(0, REF_DIR)
from hubel_ullah_2016 import make_rhs, initial_state, observables  # noqa: E402


def run(rhs, p, rtol, atol):
    y, steps, nfev = initial_state(), 0, 0
    for t0, t1 in ((0.0, p["t_stop"]), (p["t_stop"], 1000.0)):
        sol = solve_ivp(rhs, (t0, t1), y, method="LSODA", rtol=rtol, atol=atol)
        if sol.status != 0:
            raise RuntimeError(sol.message)
        y, steps, nfev = sol.y[:, -1], steps + len(sol.t) - 1, nfev + sol.nfev
    return y, steps, nfev


def main(argv):
    repeats = int(argv[1]) if len(argv) > 1 else 3
    rtol = float(argv[2]) if len(argv) > 2 else 1e-6
    atol = float(argv[3]) if len(argv) > 3 else 1e-6
    params = dict((k, float(v)) for k, v in (a.split("=") for a in argv[4:]))
    rhs, p = make_rhs(params)
    samples = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        y, steps, nfev = run(rhs, p, rtol, atol)
        samples.append(time.perf_counter() - t0)
    o = observables(1000.0, y, p)
    out = {"case": "hubel-ullah-2016 1000 s", "tool": "scipy %s solve_ivp LSODA" % scipy.__version__,
           "rtol": rtol, "atol": atol, "params": params, "median_s": statistics.median(samples),
           "min_s": min(samples), "repeats": repeats, "steps": steps, "nfev": nfev,
           "final": {"vm_mV": y[0], "volume_relative": y[5] / p["vli0"], "K_e_mM": o["ke"], "Cl_i_mM": o["cli"]}}
    name = "reference_tight.csv" if not params else None
    if name and os.path.exists(os.path.join(REF_DIR, name)):
        last = list(csv.DictReader(open(os.path.join(REF_DIR, name))))[-1]
        out["error_at_1000_s"] = {"vm_mV": abs(y[0] - float(last["vm_mV"])),
                                  "volume_relative": abs(y[5] / p["vli0"] - float(last["volume_relative"]))}
    out["python"], out["numpy"] = sys.version.split()[0], np.__version__
    print(json.dumps(out))


if __name__ == "__main__":
    main(sys.argv)
