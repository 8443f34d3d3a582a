#!/usr/bin/env python3
"""Reference runs of scipy's BDF (scipy.integrate.solve_ivp(method="BDF"), scipy/integrate/_ivp/bdf.py: the
NDF/BDF of Shampine & Reichelt 1997) for Tests/MembraneNumericsTests/BDFIntegratorTests.swift.

Membrane's BDFIntegrator implements the same algorithm; with the same exact Jacobian, tolerances and starting
step rule it should take the same steps. This script records, for each problem and tolerance, the number of
accepted steps, f evaluations, Jacobian evaluations, LU decompositions and the final state.

Run by generate.sh in the venv of Benchmarks/peers/setup.sh. Writes scipy_bdf.json.
"""
import json, sys
import numpy as np
import scipy
from scipy.integrate import solve_ivp


def robertson(t, y):
    return [-0.04 * y[0] + 1e4 * y[1] * y[2],
            0.04 * y[0] - 1e4 * y[1] * y[2] - 3e7 * y[1] ** 2,
            3e7 * y[1] ** 2]


def robertson_jac(t, y):
    return [[-0.04, 1e4 * y[2], 1e4 * y[1]],
            [0.04, -1e4 * y[2] - 6e7 * y[1], -1e4 * y[1]],
            [0.0, 6e7 * y[1], 0.0]]


MU = 1000.0


def vdp(t, y):
    return [y[1], MU * (1 - y[0] ** 2) * y[1] - y[0]]


def vdp_jac(t, y):
    return [[0.0, 1.0], [-2 * MU * y[0] * y[1] - 1, MU * (1 - y[0] ** 2)]]


def run(name, fun, jac, y0, t_end, rtol, atol):
    r = solve_ivp(fun, (0.0, t_end), y0, method="BDF", rtol=rtol, atol=atol, jac=jac)
    assert r.success, r.message
    return {"problem": name, "t_end": t_end, "y0": y0, "rtol": rtol,
            "atol": atol if np.ndim(atol) else [atol] * len(y0),
            "steps": int(r.t.size - 1), "nfev": int(r.nfev), "njev": int(r.njev), "nlu": int(r.nlu),
            "y_end": r.y[:, -1].tolist()}


def main():
    cases = [
        run("robertson", robertson, robertson_jac, [1.0, 0.0, 0.0], 40.0, 1e-6, 1e-12),
        run("robertson", robertson, robertson_jac, [1.0, 0.0, 0.0], 40.0, 1e-8, [1e-14, 1e-20, 1e-14]),
        run("robertson", robertson, robertson_jac, [1.0, 0.0, 0.0], 40.0, 1e-10, [1e-14, 1e-20, 1e-14]),
        run("vanderpol-1000", vdp, vdp_jac, [2.0, 0.0], 1000.0, 1e-6, 1e-9),
    ]
    out = {"tool": "scipy.integrate.solve_ivp(method='BDF')", "scipy": scipy.__version__, "numpy": np.__version__,
           "python": sys.version.split()[0], "cases": cases}
    json.dump(out, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
