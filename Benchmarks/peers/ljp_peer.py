"""Peer for `membrane bench` LJP cases: the same stationary electroneutral Nernst–Planck junction in scipy.

LJPcalc (C#/.NET) has no runtime in Debian's packages, so this is the scipy implementation of the
same problem (Marino et al. 2014; the model LJPcalc approximates), written for the comparison:
shooting on the unknown fluxes j_i = J_i/D_i with scipy.integrate.solve_ivp (DOP853, rtol 1e-10)
and scipy.optimize.root (hybr), started from the Henderson potential. Henderson is computed as in
JPCalc. Same three junctions, same mobilities (CRC/Barry values of `membrane ions`), 37 °C.
Run: Benchmarks/.venv/bin/python Benchmarks/peers/ljp_peer.py
"""
import json
import math
import time

import numpy as np
from scipy.integrate import solve_ivp
from scipy.optimize import root

F = 1.602176634e-19 * 6.02214076e23
R = 1.380649e-23 * 6.02214076e23
VT = R * 310.15 / F

# D at 25 °C exactly as `membrane ions` derives it: Nernst–Einstein from λ°/|z| (CRC 5-09 / Lange), or
# Barry's u/u_K times D_K(λ = 73.5) for the organic ions.
def _d(lam, z):
    return R * 298.15 * lam * 1e-4 / (abs(z) * F * F)


_DK = _d(73.5, 1)
D = {"K": _d(73.48, 1), "Na": _d(50.08, 1), "Cl": _d(76.31, 1), "Cs": _d(77.2, 1), "Mg": _d(53.0, 2),
     "Ca": _d(59.47, 2), "HEPES": 0.30 * _DK, "gluconate": 0.33 * _DK, "methanesulfonate": _d(48.8, 1),
     "EGTA": 0.24 * _DK, "ATP": 0.15 * _DK, "TEA": _d(32.6, 1), "citrate": _d(70.2, 3), "SO4": _d(80.0, 2)}
Z = {"K": 1, "Na": 1, "Cl": -1, "Cs": 1, "Mg": 2, "Ca": 2, "HEPES": -1, "gluconate": -1,
     "methanesulfonate": -1, "EGTA": -2, "ATP": -2, "TEA": 1, "citrate": -3, "SO4": -2}

JUNCTIONS = [
    ("2 ions", {"K": 140, "Cl": 140}, {"K": 4, "Cl": 4}),
    ("7 ions", {"K": 145, "Na": 13, "Cl": 10, "gluconate": 145, "Mg": 1, "HEPES": 5},
     {"K": 2.8, "Na": 145, "Cl": 148.8, "Mg": 2, "Ca": 1, "HEPES": 5}),
    ("14 ions", {"K": 120, "Cs": 10, "Na": 10, "gluconate": 100, "methanesulfonate": 10, "Cl": 17.5, "Mg": 2,
                 "Ca": 0.1, "HEPES": 10, "EGTA": 1, "ATP": 2, "TEA": 5, "citrate": 1, "SO4": 1.35},
     {"Na": 140, "K": 3, "Cs": 0.5, "Ca": 2, "Mg": 1, "TEA": 1, "Cl": 144.21, "gluconate": 1,
      "methanesulfonate": 0.75, "HEPES": 1, "EGTA": 0.01, "ATP": 0.01, "citrate": 0.5, "SO4": 1}),
]


def arrays(p, b):
    names = list(dict.fromkeys(list(p) + list(b)))
    z = np.array([Z[n] for n in names], float)
    d = np.array([D[n] for n in names]) * 1e9
    cp = np.array([p.get(n, 0.0) for n in names])
    cb = np.array([b.get(n, 0.0) for n in names])
    return z, d, cp, cb


def henderson(z, d, cp, cb):
    n = np.sum(z * d * (cb - cp))
    xp, xs = np.sum(z * z * d * cp), np.sum(z * z * d * cb)
    lm = (xs - xp) / math.log(xs / xp) if abs(xs / xp - 1) > 1e-9 else xp
    return -VT * n / lm


def planck(z, d, cp, cb):
    psi_h = henderson(z, d, cp, cb) / VT

    def end_state(j):
        a = np.sum(z * j)

        def rhs(x, y):
            c = y[:-1]
            dpsi = -a / np.sum(z * z * c)
            return np.append(-j - z * c * dpsi, dpsi)

        sol = solve_ivp(rhs, (0, 1), np.append(cp, 0.0), method="DOP853", rtol=1e-10, atol=1e-12)
        return sol.y[:, -1]

    def residual(j):
        end = end_state(j)
        r = (end[:-1] - cb)[:-1]
        return np.append(r, np.sum(z * d * j))

    cm = np.maximum((cp + cb) / 2, 1e-6)
    j0 = -(cb - cp) - z * cm * psi_h
    sol = root(residual, j0, method="hybr", options={"xtol": 1e-12})
    return VT * end_state(sol.x)[-1], sol.success


def per_second(fn, minimum=1.0):
    n, start = 0, time.perf_counter()
    while time.perf_counter() - start < minimum:
        fn()
        n += 1
    return n / (time.perf_counter() - start)


if __name__ == "__main__":
    out = {}
    for label, p, b in JUNCTIONS:
        z, d, cp, cb = arrays(p, b)
        out[f"ljp henderson, {label}"] = per_second(lambda: henderson(z, d, cp, cb))
        value, ok = planck(z, d, cp, cb)
        out[f"ljp planck (scipy shooting), {label}"] = per_second(lambda: planck(z, d, cp, cb), 2.0)
        out[f"value planck mV, {label}"] = value * 1e3
        out[f"converged, {label}"] = bool(ok)
    print(json.dumps(out, indent=2))
