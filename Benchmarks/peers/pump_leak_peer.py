#!/usr/bin/env python3
"""Peer for `membrane bench-pump-leak`: the same Kay 2017 pump-leak equations (charge-difference V,
instantaneous osmotic water, constant 3:2 pump, ohmic leaks; PLM_CD.m parameters at 25 °C, CODATA 2018)
solved with scipy:

- the steady state with scipy.optimize.root (hybr, MINPACK) in the same well-scaled unknowns Membrane's
  Newton uses;
- the steady state by time integration with scipy.integrate.solve_ivp (BDF and LSODA, rtol 1e-8, atol 1e-10
  mM) from the preset's initial state (the point Membrane's Newton starts from), pump on, with two stopping
  rules: (a) a terminal event when the largest relative rate max_j |dN_j/dt|/N_j falls below 1e-11 per second
  (the slowest relaxation time is ~330 s, so the state is then ~3e-9 relative from the root), and (b) a fixed
  horizon of 10^6 s (thousands of relaxation times); each result is checked against the root;
- one hour of pump block from that steady state with solve_ivp (BDF and LSODA) at the given rtol (atol 1e-10),
  with scipy's finite-difference Jacobian and with the exact one (`rhs_jacobian`); root likewise (`steady_jacobian`).

Run by Benchmarks/run-pump-leak.sh in the venv of Benchmarks/peers/setup.sh. Prints one JSON object.
Usage: pump_leak_peer.py [repeats] [rtol] [--no-steady-integration]
"""
import json, math, statistics, sys, time
import numpy as np
from scipy.integrate import solve_ivp
from scipy.optimize import root

# CODATA 2018 exact constants.
E, NA_AV, KB = 1.602176634e-19, 6.02214076e23, 1.380649e-23
F, R = E * NA_AV, KB * NA_AV
T = 298.15
VT = R * T / F

# Kay 2017 (PLM_CD.m), SI units: amounts as mol/m^3 x reference volume (numerically mM at w_ref).
r = 5e-6
W = 4 / 3 * math.pi * r ** 3
A = 4 * math.pi * r ** 2
C = 1e-2                          # F/m^2 (1 uF/cm^2)
G = np.array([0.1, 3.0, 2.0])     # S/m^2 (0.01, 0.3, 0.2 mS/cm^2): Na, K, Cl
Z = np.array([1.0, 1.0, -1.0])
CO = np.array([147.0, 3.0, 150.0])
OSM_O = CO.sum()
NX, ZX = 50.0, -1.0
JP = 0.5e-2 / F                   # mol/(m^2 s): 0.5 uA/cm^2 net pump current
SIGMA = A / W
KAPPA = F * W / (C * A)

def fluxes(c, v, pump):
    e = VT / Z * np.log(CO / c)
    phi = G * (v - e) / (Z * F)
    phi[0] += 3 * JP * pump
    phi[1] -= 2 * JP * pump
    return phi

def rhs_numpy(t, n, pump):
    vol = (n.sum() + NX) / OSM_O
    c = n / vol
    v = KAPPA * (Z @ n + ZX * NX)
    return -SIGMA * fluxes(c, v, pump)

G_NA, G_K, G_CL = (float(g) for g in G)
CO_NA, CO_K, CO_CL = (float(c) for c in CO)
log = math.log

def rhs(t, n, pump):
    # Scalar arithmetic: for three ions this is several times faster than numpy's per-call overhead.
    na, k, cl = n[0], n[1], n[2]
    vol = (na + k + cl + NX) / OSM_O
    v = KAPPA * (na + k - cl + ZX * NX)
    jna = G_NA * (v - VT * log(CO_NA * vol / na)) / F + 3 * JP * pump
    jk = G_K * (v - VT * log(CO_K * vol / k)) / F - 2 * JP * pump
    jcl = -G_CL * (v + VT * log(CO_CL * vol / cl)) / F
    return np.array([-SIGMA * jna, -SIGMA * jk, -SIGMA * jcl])

def rhs_jacobian(t, n, pump):
    # The exact Jacobian of rhs (for the runs that give solve_ivp a Jacobian, as Membrane has one).
    na, k, cl = n[0], n[1], n[2]
    vol = (na + k + cl + NX) / OSM_O
    dvol = 1 / OSM_O / vol           # d(ln vol)/dn_m, the same for every m
    dv = (KAPPA, KAPPA, -KAPPA)
    rows = []
    for g, sign, own in ((G_NA, 1.0, 0), (G_K, 1.0, 1), (G_CL, -1.0, 2)):
        # j = sign*g*(v - sign*VT*log(co*vol/c))/F for cations (sign 1) and Cl (sign -1: -(v + VT log(...)))
        row = []
        for m in range(3):
            dlog = dvol - (1 / n[own] if m == own else 0.0)
            row.append(-SIGMA * sign * g * (dv[m] - sign * VT * dlog) / F)
        rows.append(row)
    return np.array(rows)

SCALE = G * VT / F + np.array([3 * JP, 2 * JP, 0.0])

def steady_residual_numpy(x):
    v = x[0] * VT
    c = np.exp(x[1:4])
    vol = math.exp(x[4])
    f = np.empty(5)
    f[1:4] = fluxes(c, v, 1.0) / SCALE
    charge = vol * (Z @ c) + ZX * NX
    f[0] = (charge - v / KAPPA) / (NX + 250.0)
    f[4] = (c.sum() + NX / vol - OSM_O) / OSM_O
    return f

S_NA, S_K, S_CL = (float(v) for v in SCALE)
exp = math.exp

def steady_residual(x):
    # Scalar form of steady_residual_numpy (faster for five unknowns).
    v = x[0] * VT
    na, k, cl, vol = exp(x[1]), exp(x[2]), exp(x[3]), exp(x[4])
    jna = G_NA * (v - VT * log(CO_NA / na)) / F + 3 * JP
    jk = G_K * (v - VT * log(CO_K / k)) / F - 2 * JP
    jcl = G_CL * (v + VT * log(CO_CL / cl)) / (-F)
    charge = vol * (na + k - cl) + ZX * NX
    return [(charge - v / KAPPA) / (NX + 250.0), jna / S_NA, jk / S_K, jcl / S_CL,
            (na + k + cl + NX / vol - OSM_O) / OSM_O]

def steady_jacobian(x):
    # The exact Jacobian of steady_residual.
    na, k, cl, vol = exp(x[1]), exp(x[2]), exp(x[3]), exp(x[4])
    q = NX + 250.0
    return [[-VT / KAPPA / q, vol * na / q, vol * k / q, -vol * cl / q, vol * (na + k - cl) / q],
            [G_NA * VT / F / S_NA, G_NA * VT / F / S_NA, 0.0, 0.0, 0.0],
            [G_K * VT / F / S_K, 0.0, G_K * VT / F / S_K, 0.0, 0.0],
            [-G_CL * VT / F / S_CL, 0.0, 0.0, G_CL * VT / F / S_CL, 0.0],
            [0.0, na / OSM_O, k / OSM_O, cl / OSM_O, -NX / vol / OSM_O]]

def steady_state(with_jacobian=False):
    n0 = np.array([120.0, 30.0, 100.0])
    vol0 = (n0.sum() + NX) / OSM_O
    c0 = n0 / vol0
    # Electroneutral potential of the initial state (ohmic, constant pump: closed form).
    v0 = (G @ (VT / Z * np.log(CO / c0)) - F * JP) / G.sum()
    x0 = np.concatenate([[v0 / VT], np.log(c0), [math.log(vol0)]])
    if with_jacobian:
        return root(steady_residual, x0, method="hybr", jac=steady_jacobian, options={"xtol": 1e-13})
    return root(steady_residual, x0, method="hybr", options={"xtol": 1e-13})

N0 = np.array([120.0, 30.0, 100.0])   # PLM_CD.m's initial amounts (mM at the reference volume)
SETTLED_RATE = 1e-11                  # s^-1: stopping rule (a)
HORIZON = 1e6                         # s: stopping rule (b)


def relative_rate(t, n, pump):
    f = rhs(t, n, pump)
    return max(abs(f[0] / n[0]), abs(f[1] / n[1]), abs(f[2] / n[2]))


def settled(t, n, pump):
    return relative_rate(t, n, pump) - SETTLED_RATE


settled.terminal = True
settled.direction = -1


def steady_by_integration(method, rule):
    if rule == "event":
        return solve_ivp(rhs, (0.0, 10 * HORIZON), N0, method=method, rtol=1e-8, atol=1e-10, args=(1.0,),
                         events=settled)
    return solve_ivp(rhs, (0.0, HORIZON), N0, method=method, rtol=1e-8, atol=1e-10, args=(1.0,))


def median_time(fn, repeats):
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), out

def main():
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    x_test = np.array([-3.0, 3.0, 4.0, 1.0, -1.0])
    assert np.allclose(steady_residual(x_test), steady_residual_numpy(x_test), rtol=1e-12, atol=1e-15)
    # Both exact Jacobians against central differences.
    h = 1e-6
    fd = np.array([(np.array(steady_residual(x_test + h * e)) - np.array(steady_residual(x_test - h * e))) / (2 * h)
                   for e in np.eye(5)]).T
    assert np.allclose(steady_jacobian(x_test), fd, rtol=1e-6, atol=1e-9)
    n_test = np.array([15.0, 140.0, 8.0])
    fdn = np.array([(rhs(0, n_test + 1e-6 * e, 1.0) - rhs(0, n_test - 1e-6 * e, 1.0)) / 2e-6 for e in np.eye(3)]).T
    assert np.allclose(rhs_jacobian(0, n_test, 1.0), fdn, rtol=1e-6, atol=1e-9 * np.abs(fdn).max())
    t_ss_jac, sol_jac = median_time(lambda: steady_state(True), repeats)
    t_ss, sol = median_time(steady_state, repeats)
    x = sol.x
    c = np.exp(x[1:4]); vol = math.exp(x[4])
    n_ss = c * vol
    out = {"scipy": __import__("scipy").__version__, "numpy": np.__version__, "python": sys.version.split()[0],
           "steady_state": {"median_s": t_ss, "success": bool(sol.success), "vm_mV": x[0] * VT * 1e3,
                             "inside_mM": c.tolist(), "volume_reference_relative": vol, "nfev": int(sol.nfev)},
           "steady_state_jac": {"median_s": t_ss_jac, "success": bool(sol_jac.success), "vm_mV": sol_jac.x[0] * VT * 1e3,
                                "nfev": int(sol_jac.nfev), "njev": int(sol_jac.njev)}}
    rtol = float(sys.argv[2]) if len(sys.argv) > 2 else 1e-8
    out["rtol"] = rtol
    if "--no-steady-integration" not in sys.argv:
        for method in ("BDF", "LSODA"):
            for rule in ("event", "horizon"):
                t_int, res = median_time(lambda: steady_by_integration(method, rule), max(3, repeats // 4))
                n = res.y[:, -1]
                out["steady_integration_%s_%s" % (rule, method)] = {
                    "median_s": t_int, "success": bool(res.success), "t_end_s": float(res.t[-1]),
                    "steps": int(res.t.size - 1), "nfev": int(res.nfev),
                    "vm_mV": KAPPA * (Z @ n + ZX * NX) * 1e3,
                    "vm_minus_root_mV": KAPPA * (Z @ n + ZX * NX) * 1e3 - x[0] * VT * 1e3,
                    "max_relative_amount_minus_root": float(np.max(np.abs(n / n_ss - 1))),
                }
    # The scalar right-hand side and the numpy one agree to round-off; time the faster (scalar) one.
    assert np.allclose(rhs(0.0, n_ss, 0.0), rhs_numpy(0.0, n_ss, 0.0), rtol=1e-12, atol=0)
    # Without a Jacobian (scipy estimates it by differences, as most users run it) and with the exact one.
    for method in ("BDF", "LSODA"):
        for suffix, jac in (("", None), ("_jac", rhs_jacobian)):
            run = lambda: solve_ivp(rhs, (0.0, 3600.0), n_ss, method=method, rtol=rtol, atol=1e-10, args=(0.0,), jac=jac)
            t_sim, res = median_time(run, repeats)
            n = res.y[:, -1]
            vol_end = (n.sum() + NX) / OSM_O
            out["block_1h_" + method + suffix] = {
                "median_s": t_sim, "success": bool(res.success), "steps": int(res.t.size - 1), "nfev": int(res.nfev),
                "njev": int(res.njev), "vm_mV": KAPPA * (Z @ n + ZX * NX) * 1e3, "volume_relative": vol_end / vol,
            }
    print(json.dumps(out, indent=2))

if __name__ == "__main__":
    main()
