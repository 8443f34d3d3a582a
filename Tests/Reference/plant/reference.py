#!/usr/bin/env python3
"""Independent reference for the plant cell's pump–leak steady state (Membrane: PlantSteadyStateSolver).

The same equations, written from their sources and solved with scipy's brentq, not from Membrane's code:
- H⁺-ATPase: the two-state class-I carrier of Hansen, Gradmann, Sanders & Slayman 1981 (J. Membr. Biol. 63:165),
  rate constants k_out = a·e^{u/2}, k_in = b·e^{-u/2}, κ_f = 1, κ_b from detailed balance with
  ΔG_cycle = ΔG_ATP − n·F·(V − E_H); I = I_sat·(k_out·κ_f − k_in·κ_b)/(k_out + k_in + κ_f + κ_b).
- K⁺/H⁺ symport J = J_max·K_o/(K_m + K_o)·(1 − e^{ΔG/RT}), ΔG = RT ln(K_i/K_o) + n·RT ln(H_i/H_o) + (1 + n)·F·V.
- GHK leaks (Hille 2001 eq. 14-4) for K⁺, Cl⁻, H⁺.
- Optional Cl⁻/2 H⁺ symport (Sanders 1980, J. Membr. Biol. 53:129), the same form with z = −1, n = 2.
- Steady state: K⁺ flux zero (leak = symport), Cl⁻ flux zero, net current zero (the full sum of currents).
- Wall: ε·max(0, V/V_wall − 1) = RT·(K_i + Cl_i + |K_i − Cl_i| + N0/V − Osm_out).
Constants CODATA 2018 exact. Writes reference.json.
"""
import json, math, sys
import scipy
from scipy.optimize import brentq

e, NA, kB = 1.602176634e-19, 6.02214076e23, 1.380649e-23
R, F = kB * NA, e * NA


def ghk_flux(P, z, ci, co, V, vt):  # efflux positive, mol/m²/s; conc in mol/m³
    u = z * V / vt
    if abs(u) < 1e-9:
        return P * (ci - co)
    return P * u * (ci - co * math.exp(-u)) / (1 - math.exp(-u))


def solve(c):
    T = c["T"]; RT = R * T; vt = RT / F
    hi_, ho_ = 10 ** -c["pHi"] * 1e3, 10 ** -c["pHo"] * 1e3
    EH = vt * math.log(ho_ / hi_)
    nA, nK = c["n_atp"], c["n_k"]
    dG = c["dG_atp"]
    def pump(V):
        u = nA * V / vt
        kout, kin, kf = c["a"] * math.exp(u / 2), c["b"] * math.exp(-u / 2), 1.0
        dGc = dG - nA * F * (V - EH)
        kb = kout * kf / (kin * math.exp(-dGc / RT))
        return c["Isat"] * (kout * kf - kin * kb) / (kout + kin + kf + kb)
    def jsym(Ki, V):
        if c["Jmax"] == 0:
            return 0.0
        g = math.log(Ki / c["Ko"]) + nK * math.log(hi_ / ho_) + (1 + nK) * V / vt
        return c["Jmax"] * c["Ko"] / (c["Km"] + c["Ko"]) * (1 - math.exp(g))
    def Ki_of(V):
        lo = c["Ko"] * math.exp(-V / vt)
        hi = lo * math.exp(nK * (EH - V) / vt)
        if c["Jmax"] == 0 or hi <= lo:
            return lo
        return brentq(lambda k: ghk_flux(c["PK"], 1, k, c["Ko"], V, vt) - jsym(k, V), lo, hi, xtol=1e-300, rtol=1e-15, maxiter=500)
    def jcl(Cli, V):  # Cl⁻/2 H⁺ symport (Sanders 1980): ΔG = RT ln(Cl_i/Cl_o) + 2·RT ln(H_i/H_o) + (−1 + 2)·F·V
        if c.get("JmaxCl", 0) == 0:
            return 0.0
        g = math.log(Cli / c["Clo"]) + 2 * math.log(hi_ / ho_) + V / vt
        return c["JmaxCl"] * c["Clo"] / (c["KmCl"] + c["Clo"]) * (1 - math.exp(g))
    def Cli_of(V):  # zero Cl⁻ flux: leak alone → Nernst; with the symporter, leak efflux = symport influx
        lo = c["Clo"] * math.exp(V / vt)
        if c.get("JmaxCl", 0) == 0:
            return lo
        hi = c["Clo"] * math.exp(2 * math.log(10) * (c["pHi"] - c["pHo"]) - V / vt)
        if hi <= lo:
            return lo
        return brentq(lambda x: ghk_flux(c["PCl"], -1, x, c["Clo"], V, vt) - jcl(x, V), lo, hi, xtol=1e-300, rtol=1e-15, maxiter=500)
    def current(V):
        Ki, Cli = Ki_of(V), Cli_of(V)
        return (pump(V) + F * ghk_flux(c["PH"], 1, hi_, ho_, V, vt) + F * ghk_flux(c["PK"], 1, Ki, c["Ko"], V, vt)
                - F * ghk_flux(c["PCl"], -1, Cli, c["Clo"], V, vt) - (1 + nK) * F * jsym(Ki, V) - F * jcl(Cli, V))
    Vst = EH + dG / (nA * F)
    V = EH if c["Isat"] == 0 else brentq(current, Vst, EH, xtol=1e-16, rtol=1e-15, maxiter=500)
    Ki, Cli = Ki_of(V), Cli_of(V)
    out = dict(vm_mV=V * 1e3, K_mM=Ki, Cl_mM=Cli, pump_A_per_m2=pump(V), symport_mol_per_m2_s=jsym(Ki, V),
               proton_leak_A_per_m2=F * ghk_flux(c["PH"], 1, hi_, ho_, V, vt), chloride_symport_mol_per_m2_s=jcl(Cli, V))
    if "eps" in c:
        ions = Ki + Cli + abs(Ki - Cli)
        osm_out = c["Ko"] + c["Clo"]
        f = lambda w: RT * (ions + c["N0"] / w - osm_out) - c["eps"] * max(0.0, w - 1)
        w = brentq(f, 1, 1 + RT * (ions + c["N0"] - osm_out) / c["eps"] * 1.01 + 1e-9, xtol=1e-16, rtol=1e-15)
        out.update(volume_relative=w, turgor_Pa=c["eps"] * (w - 1))
    return out


base = dict(T=298.15, pHi=7.3, pHo=5.5, Ko=0.1, Clo=0.1, n_atp=1, n_k=1, dG_atp=-50e3, a=10.0, b=0.01, Isat=0.01,
            Jmax=1e-8, Km=0.03, PK=1e-8, PCl=1e-10, PH=1e-6, eps=10e6, N0=150.0)
cases = {
    "arabidopsis-root": {},
    "pump-3uA": dict(Isat=0.03),
    "symport-off": dict(Jmax=0.0),
    "two-protons-per-k": dict(n_k=2),
    "37C-dG-55-K1mM": dict(T=310.15, dG_atp=-55e3, Ko=1.0, Clo=1.0),
    "chloride-symport": dict(JmaxCl=1e-9, KmCl=0.01, Clo=1.0),
}
result = {"tool": f"CPython {sys.version.split()[0]}, scipy {scipy.__version__} (brentq)", "cases": {}}
for name, change in cases.items():
    c = dict(base); c.update(change)
    result["cases"][name] = {"inputs": c, "outputs": solve(c)}
json.dump(result, open("reference.json", "w"), indent=1)
print(json.dumps(result, indent=1))
