#!/usr/bin/env python3
"""Integrates the port of code_Fig3.ode (hubel_ullah_2016.py) with scipy and writes reference data.

The pump switch at t = 50 s (heav(50 - t)) is a discontinuity of the right-hand side: every run integrates
[0, 50] and (50, T] as two solve_ivp calls, the second starting from the state at 50 s.

Usage:
  reference.py trajectory METHOD RTOL ATOL [key=value ...]  -> CSV on stdout, t = 0, 1, ..., 1000 s
  reference.py spikes METHOD RTOL ATOL [key=value ...]      -> CSV spike_index,time_s (upward 0 mV crossings)
METHOD is a solve_ivp method (LSODA, Radau, BDF, DOP853); key=value sets a parameter of the .ode by name
(s, gcl_l, gna_l, gna_g, gk_l, gk_g, max_p0, t_stop, ...).
"""
import sys
import numpy as np
from scipy.integrate import solve_ivp
from hubel_ullah_2016 import make_rhs, initial_state, observables

T_END = 1000.0
COLUMNS = ("time_s", "vm_mV", "n", "h", "n_ki_fmol", "n_cli_fmol", "n_nai_fmol", "volume_um3",
           "K_i_mM", "Na_i_mM", "Cl_i_mM", "K_e_mM", "Na_e_mM", "Cl_e_mM", "volume_e_um3", "volume_relative",
           "E_K_mV", "E_Na_mV", "E_Cl_mV", "I_pump_uA_per_cm2")


def integrate(method, rtol, atol, params, t_eval=None, events=None):
    rhs, p = make_rhs(params)
    segments, y, nfev = [], initial_state(), 0
    for t0, t1 in ((0.0, p["t_stop"]), (p["t_stop"], T_END)):
        te = None if t_eval is None else [t for t in t_eval if t0 <= t <= t1 and not (t == t0 and t0 > 0)]
        sol = solve_ivp(rhs, (t0, t1), y, method=method, rtol=rtol, atol=atol, t_eval=te, events=events)
        if sol.status != 0:
            raise RuntimeError(sol.message)
        segments.append(sol)
        y = sol.y[:, -1]
        nfev += sol.nfev
    return segments, p, nfev


def parse(argv):
    method, rtol, atol = argv[2], float(argv[3]), float(argv[4])
    params = {}
    for kv in argv[5:]:
        k, v = kv.split("=")
        params[k] = float(v)
    return method, rtol, atol, params


def main(argv):
    mode = argv[1]
    method, rtol, atol, params = parse(argv)
    if mode == "trajectory":
        grid = np.arange(0.0, T_END + 0.5, 1.0)
        segs, p, nfev = integrate(method, rtol, atol, params, t_eval=list(grid))
        print(",".join(COLUMNS))
        for sol in segs:
            for t, y in zip(sol.t, sol.y.T):
                o = observables(t, y, p)
                row = (t, y[0], y[1], y[2], y[3], y[4], o["n_nai"], y[5], o["ki"], o["nai"], o["cli"], o["ke"],
                       o["nae"], o["cle"], o["vle"], y[5] / p["vli0"], o["EK"], o["ENA"], o["ECL"], o["IP"])
                print(",".join("%.12g" % x if i else "%g" % x for i, x in enumerate(row)))
    elif mode == "spikes":
        crossing = lambda t, y: y[0]
        crossing.direction = 1
        segs, p, nfev = integrate(method, rtol, atol, params, events=crossing)
        print("spike_index,time_s")
        times = [t for sol in segs for t in sol.t_events[0]]
        for i, t in enumerate(times):
            print("%d,%.12f" % (i, t))
    else:
        raise SystemExit(__doc__)
    print("# %s rtol %g atol %g %s: %d f evaluations" % (method, rtol, atol, params, nfev), file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv)
