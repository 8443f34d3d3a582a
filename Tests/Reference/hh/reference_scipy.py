#!/usr/bin/env python3
"""Tight independent reference for NEURON's `hh` (hh_equations.py): scipy's DOP853 (Hairer's explicit
Runge-Kutta 8(5,3) with 7th-order dense output) at rtol = atol = TOL, spike times as upward crossings of
0 mV located on the dense output (solve_ivp events: Brent's method to 4 machine epsilons).

Usage:
  reference_scipy.py single TOL DURATION_MS STIMULUS            -> CSV spike_index,time_ms on stdout
  reference_scipy.py population TOL DURATION_MS N A B [CELLS]   -> CSV of N cells, cell k at A+(B-A)k/(N-1);
                                                                   CELLS (e.g. 0,17,500) restricts the rows
  reference_scipy.py rest                                       -> JSON: the root of I_ion(V, gates at steady
                                                                   state at V) = 0 (scipy brentq, xtol 1e-13 mV)
Each run starts at NEURON's finitialize(-65): V = -65 mV, gates at steady state; the stimulus is on from t = 0.
"""
import json, sys
from multiprocessing import Pool
from scipy.integrate import solve_ivp
from scipy.optimize import brentq
from hh_equations import make_rhs, initial_state, ionic_current, steady_gates


def spike_times(stimulus, duration_ms, tol):
    crossing = lambda t, y: y[0]
    crossing.direction = 1
    sol = solve_ivp(make_rhs(stimulus), (0.0, duration_ms), initial_state(), method="DOP853",
                    rtol=tol, atol=tol, events=crossing)
    if sol.status != 0:
        raise RuntimeError(sol.message)
    return list(sol.t_events[0]), sol.nfev


def _cell(args):
    k, stimulus, duration_ms, tol = args
    times, _ = spike_times(stimulus, duration_ms, tol)
    return k, stimulus, times


def main(argv):
    mode = argv[1]
    if mode == "rest":
        f = lambda v: ionic_current(v, *steady_gates(v))
        v = brentq(f, -70.0, -60.0, xtol=1e-13, maxiter=200)
        m, h, n = steady_gates(v)
        print(json.dumps({"vm_mV": v, "m": m, "h": h, "n": n, "method": "scipy.optimize.brentq on "
                          "I_Na + I_K + I_L with m, h, n at steady state, bracket [-70, -60] mV"}, indent=1))
        return
    tol, duration = float(argv[2]), float(argv[3])
    if mode == "single":
        times, nfev = spike_times(float(argv[4]), duration, tol)
        print("spike_index,time_ms")
        for i, t in enumerate(times):
            print("%d,%.12f" % (i, t))
        print("# DOP853 rtol=atol=%g, %d f evaluations" % (tol, nfev), file=sys.stderr)
    elif mode == "population":
        n, a, b = int(argv[4]), float(argv[5]), float(argv[6])
        cells = [int(c) for c in argv[7].split(",")] if len(argv) > 7 else range(n)
        jobs = [(k, a + (b - a) * k / (n - 1), duration, tol) for k in cells]
        with Pool(2) as pool:
            rows = pool.map(_cell, jobs, chunksize=1)
        print("index,stimulus_uA_per_cm2,spike_count,first_spike_ms,last_spike_ms")
        for k, s, times in rows:
            first = "%.12f" % times[0] if times else ""
            last = "%.12f" % times[-1] if times else ""
            print("%d,%.17g,%d,%s,%s" % (k, s, len(times), first, last))
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
