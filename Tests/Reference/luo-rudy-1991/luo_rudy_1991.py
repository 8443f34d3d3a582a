#!/usr/bin/env python3
"""Independent port of Luo & Rudy 1991 (Circ Res 68:1501-1526, doi:10.1161/01.RES.68.6.1501), written from the
paper's equations (README.md maps each line to the paper and to the CellML model), not from Membrane's Swift code.

Units: mV, ms, mM, uA/cm^2, mS/cm^2, uF/cm^2. Currents outward positive; the stimulus is a depolarising (inward)
current of amplitude `stim_amplitude` > 0: C dV/dt = -(I_ion - I_stim).
"""
import math

# CODATA 2018 exact constants (SI).
E_CHARGE = 1.602176634e-19
N_A = 6.02214076e23
K_B = 1.380649e-23
FARADAY = E_CHARGE * N_A          # C/mol
GAS = K_B * N_A                   # J/(mol K)

PARAMS = {
    "T": 310.15,            # K, 37 degC (paper: 37 degC)
    "K_o": 5.4, "K_i": 145.0, "Na_o": 140.0, "Na_i": 18.0,   # mM (paper, Table 1 / CellML ionic_concentrations)
    "g_Na": 23.0,           # mS/cm^2
    "g_si": 0.09,
    "g_K_base": 0.282,      # g_K = 0.282 sqrt(K_o/5.4)
    "g_K1_base": 0.6047,    # g_K1 = 0.6047 sqrt(K_o/5.4)
    "g_Kp": 0.0183,
    "g_b": 0.03921, "E_b": -59.87,
    "PR_NaK": 0.01833,
    "C": 1.0,
    "stim_amplitude": 25.5, "stim_duration": 2.0, "stim_start": 100.0, "cycle": 1000.0,
}

# CellML initial state (luo_rudy_1991, Lloyd): V, m, h, j, d, f, X, Ca_i.
CELLML_INITIAL = [-84.3801107371, 0.00171338077730188, 0.982660523699656, 0.989108212766685,
                  0.00302126301779861, 0.999967936476325, 0.0417603108167287, 0.00017948816388306]


def exprel(x):
    """(e^x - 1)/x, 1 at x = 0."""
    return 1.0 if x == 0 else math.expm1(x) / x


def rates(v):
    """alpha, beta (1/ms) of m, h, j, d, f, X at V (mV)."""
    am = 3.2 / exprel(-0.1 * (v + 47.13))                  # 0.32(V+47.13)/(1-exp(-0.1(V+47.13)))
    bm = 0.08 * math.exp(-v / 11.0)
    if v < -40.0:
        ah = 0.135 * math.exp((80.0 + v) / -6.8)
        bh = 3.56 * math.exp(0.079 * v) + 3.1e5 * math.exp(0.35 * v)
        aj = (-1.2714e5 * math.exp(0.2444 * v) - 3.474e-5 * math.exp(-0.04391 * v)) * (v + 37.78) \
            / (1.0 + math.exp(0.311 * (v + 79.23)))
        bj = 0.1212 * math.exp(-0.01052 * v) / (1.0 + math.exp(-0.1378 * (v + 40.14)))
    else:
        ah = 0.0
        bh = 1.0 / (0.13 * (1.0 + math.exp((v + 10.66) / -11.1)))
        aj = 0.0
        bj = 0.3 * math.exp(-2.535e-7 * v) / (1.0 + math.exp(-0.1 * (v + 32.0)))
    ad = 0.095 * math.exp(-0.01 * (v - 5.0)) / (1.0 + math.exp(-0.072 * (v - 5.0)))
    bd = 0.07 * math.exp(-0.017 * (v + 44.0)) / (1.0 + math.exp(0.05 * (v + 44.0)))
    af = 0.012 * math.exp(-0.008 * (v + 28.0)) / (1.0 + math.exp(0.15 * (v + 28.0)))
    bf = 0.0065 * math.exp(-0.02 * (v + 30.0)) / (1.0 + math.exp(-0.2 * (v + 30.0)))
    ax = 0.0005 * math.exp(0.083 * (v + 50.0)) / (1.0 + math.exp(0.057 * (v + 50.0)))
    bx = 0.0013 * math.exp(-0.06 * (v + 20.0)) / (1.0 + math.exp(-0.04 * (v + 20.0)))
    return (am, bm), (ah, bh), (aj, bj), (ad, bd), (af, bf), (ax, bx)


def reversal(p):
    """E_Na, E_K (with PR_NaK), E_K1 (= E_Kp), mV."""
    rtf = GAS * p["T"] / FARADAY * 1e3
    e_na = rtf * math.log(p["Na_o"] / p["Na_i"])
    e_k = rtf * math.log((p["K_o"] + p["PR_NaK"] * p["Na_o"]) / (p["K_i"] + p["PR_NaK"] * p["Na_i"]))
    e_k1 = rtf * math.log(p["K_o"] / p["K_i"])
    return e_na, e_k, e_k1


def currents(y, p):
    """I_Na, I_si, I_K, I_K1, I_Kp, I_b (uA/cm^2, outward positive)."""
    v, m, h, j, d, f, x, cai = y
    e_na, e_k, e_k1 = reversal(p)
    scale = math.sqrt(p["K_o"] / 5.4)
    i_na = p["g_Na"] * m ** 3 * h * j * (v - e_na)
    e_si = 7.7 - 13.0287 * math.log(cai)
    i_si = p["g_si"] * d * f * (v - e_si)
    xi = 1.0 if v <= -100.0 else 2.837 * 0.04 * exprel(0.04 * (v + 77.0)) / math.exp(0.04 * (v + 35.0))
    i_k = p["g_K_base"] * scale * x * xi * (v - e_k)
    ak1 = 1.02 / (1.0 + math.exp(0.2385 * (v - e_k1 - 59.215)))
    bk1 = (0.49124 * math.exp(0.08032 * (v - e_k1 + 5.476)) + math.exp(0.06175 * (v - e_k1 - 594.31))) \
        / (1.0 + math.exp(-0.5143 * (v - e_k1 + 4.753)))
    i_k1 = p["g_K1_base"] * scale * ak1 / (ak1 + bk1) * (v - e_k1)
    kp = 1.0 / (1.0 + math.exp((7.488 - v) / 5.98))
    i_kp = p["g_Kp"] * kp * (v - e_k1)
    i_b = p["g_b"] * (v - p["E_b"])
    return i_na, i_si, i_k, i_k1, i_kp, i_b


def make_rhs(params=None, stimulus_on=False):
    p = dict(PARAMS)
    p.update(params or {})

    def rhs(t, y):
        v = y[0]
        gates = rates(v)
        i_ion = sum(currents(y, p))
        i_stim = p["stim_amplitude"] if stimulus_on else 0.0
        dy = [-(i_ion - i_stim) / p["C"]]
        for (a, b), g in zip(gates, y[1:7]):
            dy.append(a * (1.0 - g) - b * g)
        i_si = currents(y, p)[1]
        dy.append(-1e-4 * i_si + 0.07 * (1e-4 - y[7]))
        return dy
    return rhs, p


def steady_state(v, p):
    """Gates at their steady states at V and the Ca_i that makes dCa_i/dt = 0 there."""
    gates = [a / (a + b) for a, b in rates(v)]
    m, h, j, d, f, x = gates
    # 0 = -1e-4 g_si d f (V - 7.7 + 13.0287 ln Ca) + 0.07 (1e-4 - Ca): monotone in Ca, bisection in ln Ca.
    lo, hi = math.log(1e-12), math.log(10.0)
    def g(lc):
        ca = math.exp(lc)
        return -1e-4 * p["g_si"] * d * f * (v - 7.7 + 13.0287 * lc) + 0.07 * (1e-4 - ca)
    for _ in range(200):
        mid = 0.5 * (lo + hi)
        if g(mid) > 0:
            lo = mid
        else:
            hi = mid
    return [v, m, h, j, d, f, x, math.exp(0.5 * (lo + hi))]


def rest(p):
    """The resting potential: the V at which the total ionic current with every gate and Ca_i at steady state is 0
    (brentq on [-100, -20] mV; the lowest root)."""
    from scipy.optimize import brentq
    total = lambda v: sum(currents(steady_state(v, p), p))
    grid = [-100.0 + 0.5 * k for k in range(161)]
    for a, b in zip(grid, grid[1:]):
        if total(a) * total(b) <= 0:
            v = brentq(total, a, b, xtol=1e-13, rtol=1e-15, maxiter=500)
            return v, steady_state(v, p)
    raise RuntimeError("no rest")
