"""Cressman, Ullah, Ziburkus, Schiff & Barreto 2009 (J Comput Neurosci 26:159-170, doi:10.1007/s10827-008-0132-4)
with the erratum (J Comput Neurosci 30:781, 2011, doi:10.1007/s10827-011-0333-0): the full single-neuron model, an
independent port written from the equations (README.md maps every line to the paper and to the authors' C code,
ModelDB 136773 Cressman_et_al_JCNS_1_fullmodel_RK4.c, used only to check constants).

Units as in the paper: V in mV, t in ms, currents in uA/cm^2, conductances in mS/cm^2, concentrations in mM.
State y = (V, n, h, [K]o, [Na]i, [Ca]i).
"""
import math

# Parameters (paper Table 1 with the erratum); names as in the paper.
DEFAULTS = dict(
    C=1.0,          # uF/cm^2
    g_Na=100.0,     # mS/cm^2
    g_NaL=0.0175,
    g_K=40.0,
    g_KL=0.05,
    g_AHP=0.01,
    g_ClL=0.05,
    g_Ca=0.1,
    phi=3.0,        # gating time-scale factor
    V_Ca=120.0,     # mV
    rho=1.25,       # mM/s, pump strength
    G_glia=200.0 / 3.0,  # mM/s, glial uptake strength (66.666)
    epsilon=4.0 / 3.0,   # 1/s, diffusion to the bath (1.333)
    k_bath=4.0,     # mM, bath K+ (k_oo)
    beta=7.0,       # intracellular / extracellular volume
    gamma=0.044494542,  # mM/s per uA/cm^2 (4.45e-2)
    tau=1000.0,     # ms per s
    Cl_i=6.0, Cl_o=130.0,  # mM
    RT_F=26.64,     # mV, hard-coded
)

# Initial state: the authors' C code (V, n, h, [K]o, [Na]i, [Ca]i).
INITIAL = (-50.0, 0.08553, 0.96859, 7.8, 15.5, 0.0)


def params(overrides=None):
    p = dict(DEFAULTS)
    for k, v in (overrides or {}).items():
        if k not in p:
            raise KeyError(k)
        p[k] = float(v)
    return p


def quantities(y, p):
    V, n, h, ko, nai, ca = y
    ki = 140.0 + (18.0 - nai)               # [K]i = 140 + (18 - [Na]i)
    nao = 144.0 - p["beta"] * (nai - 18.0)  # [Na]o = 144 - beta([Na]i - 18)
    E_K = p["RT_F"] * math.log(ko / ki)
    E_Na = p["RT_F"] * math.log(nao / nai)
    E_Cl = p["RT_F"] * math.log(p["Cl_i"] / p["Cl_o"])
    a_m = 0.1 * (V + 30.0) / (1.0 - math.exp(-0.1 * (V + 30.0)))
    b_m = 4.0 * math.exp(-(V + 55.0) / 18.0)
    m_inf = a_m / (a_m + b_m)
    I_Na = p["g_Na"] * m_inf ** 3 * h * (V - E_Na) + p["g_NaL"] * (V - E_Na)
    I_K = (p["g_K"] * n ** 4 + p["g_AHP"] * ca / (1.0 + ca)) * (V - E_K) + p["g_KL"] * (V - E_K)
    I_Cl = p["g_ClL"] * (V - E_Cl)
    I_pump = p["rho"] / (1.0 + math.exp((25.0 - nai) / 3.0)) / (1.0 + math.exp(5.5 - ko))
    I_glia = p["G_glia"] / (1.0 + math.exp((18.0 - ko) / 2.5))
    I_diff = p["epsilon"] * (ko - p["k_bath"])
    return dict(ki=ki, nao=nao, E_K=E_K, E_Na=E_Na, E_Cl=E_Cl, m_inf=m_inf, I_Na=I_Na, I_K=I_K, I_Cl=I_Cl,
                I_pump=I_pump, I_glia=I_glia, I_diff=I_diff)


def make_rhs(overrides=None):
    """The right-hand side f(t, y) in the paper's units (per ms), and the parameters in force."""
    p = params(overrides)
    C, g_Na, g_NaL, g_K, g_KL, g_AHP, g_ClL, g_Ca = (p[k] for k in ("C", "g_Na", "g_NaL", "g_K", "g_KL", "g_AHP", "g_ClL", "g_Ca"))
    phi, V_Ca, rho, G_glia, eps, k_bath = (p[k] for k in ("phi", "V_Ca", "rho", "G_glia", "epsilon", "k_bath"))
    beta, gamma, tau, rtf = p["beta"], p["gamma"], p["tau"], p["RT_F"]
    E_Cl = rtf * math.log(p["Cl_i"] / p["Cl_o"])
    exp, log = math.exp, math.log

    def rhs(t, y):
        V, n, h, ko, nai, ca = y
        ki = 140.0 + (18.0 - nai)
        nao = 144.0 - beta * (nai - 18.0)
        E_K = rtf * log(ko / ki)
        E_Na = rtf * log(nao / nai)
        a_m = 0.1 * (V + 30.0) / (1.0 - exp(-0.1 * (V + 30.0)))
        b_m = 4.0 * exp(-(V + 55.0) / 18.0)
        m = a_m / (a_m + b_m)
        I_Na = g_Na * m * m * m * h * (V - E_Na) + g_NaL * (V - E_Na)
        I_K = (g_K * n ** 4 + g_AHP * ca / (1.0 + ca)) * (V - E_K) + g_KL * (V - E_K)
        I_Cl = g_ClL * (V - E_Cl)
        I_pump = rho / (1.0 + exp((25.0 - nai) / 3.0)) / (1.0 + exp(5.5 - ko))
        I_glia = G_glia / (1.0 + exp((18.0 - ko) / 2.5))
        I_diff = eps * (ko - k_bath)
        a_n = 0.01 * (V + 34.0) / (1.0 - exp(-0.1 * (V + 34.0)))
        b_n = 0.125 * exp(-(V + 44.0) / 80.0)
        a_h = 0.07 * exp(-(V + 44.0) / 20.0)
        b_h = 1.0 / (1.0 + exp(-0.1 * (V + 14.0)))
        return [-(I_Na + I_K + I_Cl) / C,
                phi * (a_n * (1.0 - n) - b_n * n),
                phi * (a_h * (1.0 - h) - b_h * h),
                (gamma * beta * I_K - 2.0 * beta * I_pump - I_glia - I_diff) / tau,
                (-gamma * I_Na - 3.0 * I_pump) / tau,
                -0.002 * g_Ca * (V - V_Ca) / (1.0 + exp(-(V + 25.0) / 2.5)) - ca / 80.0]

    return rhs, p
