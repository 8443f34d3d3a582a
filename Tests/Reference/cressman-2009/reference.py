#!/usr/bin/env python3
"""Integrates the port of Cressman et al. 2009 (cressman_2009.py) with scipy and writes reference data.

Usage:
  reference.py OUT_PREFIX METHOD RTOL ATOL T_END [key=value ...]
writes OUT_PREFIX_trajectory.csv (the state and derived quantities at t = 0, 1, ..., T_END s) and
OUT_PREFIX_spikes.csv (spike_index,time_s: upward crossings of 0 mV, located by solve_ivp's event root finding),
both from one integration. METHOD is a solve_ivp method (LSODA, Radau, BDF, DOP853); key=value sets a parameter by
its name in cressman_2009.DEFAULTS (k_bath, rho, G_glia, epsilon, g_ClL, ...). Time is integrated in ms (the
paper's unit) and written in s.
"""
import sys
import numpy as np
from scipy.integrate import solve_ivp
from cressman_2009 import make_rhs, INITIAL, quantities

COLUMNS = ("time_s", "vm_mV", "n", "h", "K_o_mM", "Na_i_mM", "Ca_i_mM", "K_i_mM", "Na_o_mM",
           "E_K_mV", "E_Na_mV", "I_pump_mM_per_s", "I_glia_mM_per_s", "I_diff_mM_per_s")


def parse(argv):
    method, rtol, atol, t_end = argv[2], float(argv[3]), float(argv[4]), float(argv[5])
    params = {}
    for kv in argv[6:]:
        k, v = kv.split("=")
        params[k] = float(v)
    return method, rtol, atol, t_end, params


def main(argv):
    if len(argv) < 6:
        raise SystemExit(__doc__)
    prefix = argv[1]
    method, rtol, atol, t_end, params = parse(argv)
    rhs, p = make_rhs(params)
    crossing = lambda t, y: y[0]
    crossing.direction = 1
    grid = np.arange(0.0, t_end + 0.5, 1.0)
    sol = solve_ivp(rhs, (0.0, t_end * 1e3), INITIAL, method=method, rtol=rtol, atol=atol, t_eval=grid * 1e3,
                    events=crossing)
    if sol.status != 0:
        raise RuntimeError(sol.message)
    with open(prefix + "_trajectory.csv", "w") as f:
        f.write(",".join(COLUMNS) + "\n")
        for t, y in zip(sol.t, sol.y.T):
            q = quantities(y, p)
            row = (t * 1e-3, *y, q["ki"], q["nao"], q["E_K"], q["E_Na"], q["I_pump"], q["I_glia"], q["I_diff"])
            f.write(",".join("%.12g" % x if i else "%g" % x for i, x in enumerate(row)) + "\n")
    with open(prefix + "_spikes.csv", "w") as f:
        f.write("spike_index,time_s\n")
        for i, t in enumerate(sol.t_events[0]):
            f.write("%d,%.12f\n" % (i, t * 1e-3))
    print("# %s rtol %g atol %g T %g s %s: %d f evaluations, %d spikes" % (method, rtol, atol, t_end, params, sol.nfev,
          len(sol.t_events[0])), file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv)
