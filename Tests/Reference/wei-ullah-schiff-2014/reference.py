#!/usr/bin/env python3
"""Integrates the port of Wei, Ullah & Schiff 2014 (wei_ullah_schiff_2014.py) with scipy and writes reference data.

The bath O2 switches (t_hypoxia, t_reoxygenation) are discontinuities of the right-hand side: every run integrates
the pieces between them as separate solve_ivp calls, each starting from the state where the previous one ended.

Usage:
  reference.py trajectory METHOD RTOL ATOL T_END STEP [key=value ...]  -> CSV on stdout, t = 0, STEP, ..., T_END s
  reference.py spikes METHOD RTOL ATOL T_END [key=value ...]           -> CSV spike_index,time_s (upward 0 mV crossings)
METHOD is a solve_ivp method (LSODA, Radau, BDF); key=value sets a parameter of DEFAULTS by name (K_bath, O2_bath,
O2_low, t_hypoxia, t_reoxygenation, g_ClL, ...).
"""
import sys
import numpy as np
from scipy.integrate import solve_ivp
from wei_ullah_schiff_2014 import make_rhs, initial_state, observables

COLUMNS = ("time_s", "vm_mV", "m", "h", "n", "K_o_mM", "K_i_mM", "Na_o_mM", "Na_i_mM", "Cl_o_mM", "Cl_i_mM",
           "volume_um3", "volume_ecs_um3", "O2_mg_per_L", "N_K_fmol", "N_Na_fmol", "N_Cl_fmol", "I_pump_uA_per_cm2")


def integrate(method, rtol, atol, t_end, params, t_eval=None, events=None):
    rhs, p = make_rhs(params)
    cuts = sorted(t for t in (p["t_hypoxia"], p["t_reoxygenation"]) if t is not None and 0 < t < t_end)
    edges = [0.0] + cuts + [t_end]
    segments, y, nfev = [], initial_state(p), 0
    for t0, t1 in zip(edges[:-1], edges[1:]):
        te = None if t_eval is None else [t for t in t_eval if t0 <= t <= t1 and not (t == t0 and t0 > 0)]
        # the bath O2 of the piece, evaluated inside it
        bath = __import__("wei_ullah_schiff_2014").o2_bath(0.5 * (t0 + t1), p)
        f = lambda t, y, bath=bath: rhs(t, y, bath)
        sol = solve_ivp(f, (t0, t1), y, method=method, rtol=rtol, atol=atol, t_eval=te, events=events)
        if sol.status != 0:
            raise RuntimeError(sol.message)
        segments.append((sol, bath))
        y = sol.y[:, -1]
        nfev += sol.nfev
    return segments, p, nfev


def parse(argv, start):
    params = {}
    for kv in argv[start:]:
        k, v = kv.split("=")
        params[k] = float(v)
    return params


def main(argv):
    mode, method, rtol, atol, t_end = argv[1], argv[2], float(argv[3]), float(argv[4]), float(argv[5])
    if mode == "trajectory":
        step = float(argv[6])
        params = parse(argv, 7)
        grid = np.arange(0.0, t_end + 0.5 * step, step)
        segs, p, nfev = integrate(method, rtol, atol, t_end, params, t_eval=list(grid))
        print(",".join(COLUMNS))
        for sol, bath in segs:
            for t, y in zip(sol.t, sol.y.T):
                o = observables(t, y, p, bath)
                row = (t, y[0], y[1], y[2], y[3], o["Ko"], o["Ki"], o["Nao"], o["Nai"], o["Clo"], o["Cli"], y[10],
                       o["volo"], y[11], y[4] + y[5], y[6] + y[7], y[8] + y[9], o["I_pump"])
                print(",".join("%.12g" % x if i else "%g" % x for i, x in enumerate(row)))
    elif mode == "spikes":
        params = parse(argv, 6)
        crossing = lambda t, y, *a: y[0]
        crossing.direction = 1
        segs, p, nfev = integrate(method, rtol, atol, t_end, params, events=crossing)
        print("spike_index,time_s")
        times = [t for sol, _ in segs for t in sol.t_events[0]]
        for i, t in enumerate(times):
            print("%d,%.12f" % (i, t))
    else:
        raise SystemExit(__doc__)
    print("# %s rtol %g atol %g %s: %d f evaluations" % (method, rtol, atol, params, nfev), file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv)
