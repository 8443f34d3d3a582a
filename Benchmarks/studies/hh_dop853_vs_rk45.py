"""Evaluations against spike-time error of scipy's RK45 (Dormand-Prince 5(4)) and DOP853 on NEURON's hh at 10 uA/cm^2 for
2 s (spike = upward zero crossing of V, located by solve_ivp's events on each method's dense output), against the DOP853
reference of Tests/Reference/hh (BENCHMARKS.md, issue 9: does a higher-order explicit pair save evaluations?).
atol = rtol for V (mV) and the gates, as membrane-bench-hh's tolerance study; max_step 2 ms. An overflow of exp in a
rejected trial step returns a huge derivative, so the step is rejected as the Swift integrators do.
Usage: Benchmarks/.venv/bin/python Benchmarks/studies/hh_dop853_vs_rk45.py (after Benchmarks/peers/setup.sh)"""
import os
import sys

import numpy as np
from scipy.integrate import solve_ivp

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..')
sys.path.insert(0, os.path.join(ROOT, 'Tests', 'Reference', 'hh'))
from hh_equations import make_rhs, initial_state  # noqa: E402

T = 2000.0
ref = np.loadtxt(os.path.join(ROOT, 'Tests', 'Reference', 'hh', 'scipy_dop853_10s_10uA.csv'),
                 delimiter=',', skiprows=1, ndmin=2)[:, 1]
ref = ref[ref < T]
raw = make_rhs(10.0)


def rhs(t, y):
    try:
        return raw(t, y)
    except OverflowError:
        return [1e30] * 4


def spike(t, y):
    return y[0]


spike.direction = 1
for method in ['RK45', 'DOP853']:
    for rtol in [1e-3, 3e-4, 1e-4, 1e-5, 1e-6]:
        sol = solve_ivp(rhs, (0, T), initial_state(), method=method, rtol=rtol, atol=[rtol] * 4, events=spike,
                        max_step=2.0)
        t = sol.t_events[0]
        err = np.max(np.abs(t - ref)) if len(t) == len(ref) else float('nan')
        print(f"{method} rtol {rtol:g}: {sol.nfev} evaluations, {len(sol.t) - 1} steps, {len(t)} spikes "
              f"(reference {len(ref)}), max spike-time error {err:.3g} ms", flush=True)
