"""Hodgkin & Huxley (1952) as NEURON's built-in `hh` mechanism (nrn share/modfile/hh.mod, SW Jaslove 1992),
written out independently of NEURON for the scipy reference (generate.py).

Units: mV, ms, mS/cm^2, uA/cm^2, uF/cm^2 (so C dV/dt = I_stim - I_ion with I in uA/cm^2 and t in ms).
Rates (hh.mod PROCEDURE rates, UNITSOFF), q10 = 3^((celsius - 6.3)/10) = 1 at the default 6.3 degC:
  m: alpha = 0.1 vtrap(-(v+40), 10),  beta = 4 exp(-(v+65)/18)
  h: alpha = 0.07 exp(-(v+65)/20),     beta = 1/(exp(-(v+35)/10) + 1)
  n: alpha = 0.01 vtrap(-(v+55), 10),  beta = 0.125 exp(-(v+65)/80)
  x_inf = alpha/(alpha+beta), tau_x = 1/(q10 (alpha+beta)), dx/dt = (x_inf - x)/tau_x
  vtrap(x, y) = y (1 - x/y/2) if |x/y| < 1e-6 else x/(exp(x/y) - 1)
Currents: I_Na = g_Na m^3 h (V - E_Na), I_K = g_K n^4 (V - E_K), I_L = g_L (V - E_L)
with g_Na 120, g_K 36, g_L 0.3 mS/cm^2 (hh.mod: .12, .036, .0003 S/cm^2), E_L -54.3 mV, and NEURON's default
E_Na = 50 mV, E_K = -77 mV (the hh mechanism only READs ena, ek), C = 1 uF/cm^2.
"""
from math import exp, fabs

G_NA, G_K, G_L = 120.0, 36.0, 0.3       # mS/cm^2
E_NA, E_K, E_L = 50.0, -77.0, -54.3     # mV
C_M = 1.0                               # uF/cm^2
CELSIUS = 6.3


def q10(celsius=CELSIUS):
    return 3.0 ** ((celsius - 6.3) / 10.0)


def vtrap(x, y):
    if fabs(x / y) < 1e-6:
        return y * (1.0 - x / y / 2.0)
    return x / (exp(x / y) - 1.0)


def rates(v):
    """(alpha_m, beta_m, alpha_h, beta_h, alpha_n, beta_n) in 1/ms at 6.3 degC."""
    return (0.1 * vtrap(-(v + 40.0), 10.0), 4.0 * exp(-(v + 65.0) / 18.0),
            0.07 * exp(-(v + 65.0) / 20.0), 1.0 / (exp(-(v + 35.0) / 10.0) + 1.0),
            0.01 * vtrap(-(v + 55.0), 10.0), 0.125 * exp(-(v + 65.0) / 80.0))


def steady_gates(v):
    am, bm, ah, bh, an, bn = rates(v)
    return am / (am + bm), ah / (ah + bh), an / (an + bn)


def ionic_current(v, m, h, n):
    """I_Na + I_K + I_L in uA/cm^2 (outward positive)."""
    return G_NA * m * m * m * h * (v - E_NA) + G_K * n * n * n * n * (v - E_K) + G_L * (v - E_L)


def make_rhs(stimulus, celsius=CELSIUS):
    """dy/dt for y = (V, m, h, n) with a constant stimulus in uA/cm^2 (inward positive, as IClamp)."""
    k = q10(celsius)

    def rhs(t, y):
        v, m, h, n = y
        am, bm, ah, bh, an, bn = rates(v)
        return [(stimulus - ionic_current(v, m, h, n)) / C_M,
                k * (am * (1.0 - m) - bm * m),
                k * (ah * (1.0 - h) - bh * h),
                k * (an * (1.0 - n) - bn * n)]
    return rhs


def initial_state(v0=-65.0):
    """NEURON's finitialize(v0): V = v0, gates at their steady state at v0 (hh.mod INITIAL)."""
    return [v0, *steady_gates(v0)]
