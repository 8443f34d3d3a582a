"""Independent Python port of Wei, Ullah & Schiff 2014, "Unification of neuronal spikes, seizures, and spreading
depression", J Neurosci 34(35):11733-11743 (doi:10.1523/JNEUROSCI.0516-14.2014). README.md maps each line to the
paper's equations and says which parts could be checked against which source.

Units are the paper's: V in mV, currents in uA/cm^2, concentrations in mM, O2 in mg/L, rates of the ion and O2
equations in mM/s (or mg/L/s) multiplied by tau = 1e-3 s/ms, gating rates in 1/ms. The integration time is in
seconds (every right-hand side is multiplied by 1000), so that minutes of hypoxia are not 1e5 ms.
Amounts are in fmol and volumes in um^3 (1 mM * 1 um^3 = 1e-3 fmol): the paper's mol and m^3 rescaled, which
changes no equation. The surface area S and gamma = S/(F Vol_i) are computed in m^2 and m^3 as in the paper.

State y = (V, m, h, n, N_Ko, N_Ki, N_Nao, N_Nai, N_Clo, N_Cli, Vol_i, O2_o).
"""
from math import exp, log, pi

STATE = ("V", "m", "h", "n", "N_Ko", "N_Ki", "N_Nao", "N_Nai", "N_Clo", "N_Cli", "Vol_i", "O2_o")

DEFAULTS = {
    "C": 1.0,            # uF/cm^2
    "g_Na": 30.0,        # mS/cm^2, gated Na+
    "g_K": 25.0,         # mS/cm^2, gated K+
    "g_NaL": 0.0247,     # mS/cm^2, Na+ leak
    "g_KL": 0.05,        # mS/cm^2, K+ leak
    "g_ClL": 0.1,        # mS/cm^2, Cl- leak
    "rho_max": 0.8,      # mM/s, maximal pump rate
    "G_glia": 5.0,       # mM/s, maximal glial K+ uptake
    "eps_K": 0.25,       # 1/s, K+ diffusion to the bath
    "eps_O": 0.17,       # 1/s, O2 diffusion from the bath
    "alpha": 5.3,        # g/mol, O2 consumed per pump turnover (mM/s -> mg/L/s)
    "U_kcc2": 0.3,       # mM/s
    "U_nkcc1": 0.1,      # mM/s
    "beta0": 7.0,        # initial Vol_i / Vol_o
    "Vol0": 1436.8,      # um^3 (1.4368e-15 m^3: a sphere of radius 7 um)
    "tau": 1e-3,         # s/ms
    "tau_vol": 0.25,     # s, volume relaxation
    "Na_gi": 18.0,       # mM, glial Na+ (fixed)
    "A_i": 132.0,        # mM, impermeant particles inside at Vol0
    "A_o": 18.0,         # mM, impermeant particles outside at Vol0/beta0
    "rt_f": 26.64,       # mV, RT/F hard-coded
    "F": 6.02e23 * 1.6e-19,  # C/mol, F = N_A e as the code hard-codes it (gamma = 0.0445 at Vol0)
    "K_bath": 4.0,       # mM
    "O2_bath": 32.0,     # mg/L
    # the ischaemia protocol (the preset's default): O2_bath drops to O2_low at t_hypoxia, back at t_reoxygenation (s)
    "O2_low": 0.0, "t_hypoxia": 20.0, "t_reoxygenation": 120.0,
}

INITIAL = {"V": -74.30, "m": 0.0031, "h": 0.9994, "n": 0.0107,
           "K_o": 4.0, "K_i": 140.0, "Na_o": 144.0, "Na_i": 18.0, "Cl_o": 130.0, "Cl_i": 6.0, "O2_o": 29.3}


def initial_state(p):
    vol, volo = p["Vol0"], p["Vol0"] / p["beta0"]
    c = INITIAL
    return [c["V"], c["m"], c["h"], c["n"], c["K_o"] * volo * 1e-3, c["K_i"] * vol * 1e-3, c["Na_o"] * volo * 1e-3,
            c["Na_i"] * vol * 1e-3, c["Cl_o"] * volo * 1e-3, c["Cl_i"] * vol * 1e-3, vol, c["O2_o"]]


def o2_bath(t, p):
    if p["O2_low"] is not None and p["t_hypoxia"] is not None and t >= p["t_hypoxia"]:
        if p["t_reoxygenation"] is None or t < p["t_reoxygenation"]:
            return p["O2_low"]
    return p["O2_bath"]


def observables(t, y, p, bath=None):
    V, m, h, n, NKo, NKi, NNao, NNai, NClo, NCli, voli, O = y
    O = max(O, 0.0)
    Ob = o2_bath(t, p) if bath is None else bath
    vol0 = p["Vol0"]
    volo = (1.0 + 1.0 / p["beta0"]) * vol0 - voli              # ECS volume: total fixed
    beta = voli / volo
    Ko, Ki = NKo / volo * 1e3, NKi / voli * 1e3
    Nao, Nai = NNao / volo * 1e3, NNai / voli * 1e3
    Clo, Cli = NClo / volo * 1e3, NCli / voli * 1e3
    fo = 1.0 / (1.0 + exp((2.5 - Ob) / 0.2))                    # bath O2 gates diffusion and glia
    fv = 1.0 / (1.0 + exp((beta - 20.0) / 2.0))                 # a shrunken ECS stops diffusion
    eps_K = p["eps_K"] * fo * fv
    G_glia = p["G_glia"] * fo
    vol_m3 = voli * 1e-18
    S = 4.0 * pi * (3.0 * vol_m3 / (4.0 * pi)) ** (2.0 / 3.0)   # m^2, sphere
    gamma = S / (p["F"] * vol_m3) * 1e-2                        # mM/s per uA/cm^2
    am = 0.32 * (V + 54.0) / (1.0 - exp(-(V + 54.0) / 4.0))
    bm = 0.28 * (V + 27.0) / (exp((V + 27.0) / 5.0) - 1.0)
    ah = 0.128 * exp(-(V + 50.0) / 18.0)
    bh = 4.0 / (1.0 + exp(-(V + 27.0) / 5.0))
    an = 0.032 * (V + 52.0) / (1.0 - exp(-(V + 52.0) / 5.0))
    bn = 0.5 * exp(-(V + 57.0) / 40.0)
    rho = p["rho_max"] / (1.0 + exp((20.0 - O) / 3.0))          # mM/s, O2-dependent pump rate
    I_pump = rho / gamma / (1.0 + exp((25.0 - Nai) / 3.0)) / (1.0 + exp(3.5 - Ko))          # uA/cm^2
    I_gliapump = rho / gamma / 3.0 / (1.0 + exp((25.0 - p["Na_gi"]) / 3.0)) / (1.0 + exp(3.5 - Ko))  # uA/cm^2
    I_glia = G_glia / (1.0 + exp((18.0 - Ko) / 2.5))                                         # mM/s
    I_diff = eps_K * (Ko - p["K_bath"])                                                      # mM/s
    fKo = 1.0 / (1.0 + exp(16.0 - Ko))
    F_KCC2 = p["U_kcc2"] * log((Ki * Cli) / (Ko * Clo))
    F_NKCC1 = p["U_nkcc1"] * fKo * (log((Ki * Cli) / (Ko * Clo)) + log((Nai * Cli) / (Nao * Clo)))
    E_K = p["rt_f"] * log(Ko / Ki)
    E_Na = p["rt_f"] * log(Nao / Nai)
    E_Cl = p["rt_f"] * log(Cli / Clo)
    I_Na = p["g_Na"] * m ** 3 * h * (V - E_Na) + p["g_NaL"] * (V - E_Na)
    I_K = p["g_K"] * n ** 4 * (V - E_K) + p["g_KL"] * (V - E_K)
    I_Cl = p["g_ClL"] * (V - E_Cl)
    Pi_i = Nai + Ki + Cli + p["A_i"] * vol0 / voli
    Pi_o = Nao + Ko + Clo + p["A_o"] * (vol0 / p["beta0"]) / volo
    vol_hat = vol0 * (1.1029 - 0.1029 * exp((Pi_o - Pi_i) / 20.0))
    return dict(O=O, O2_bath=Ob, volo=volo, beta=beta, Ko=Ko, Ki=Ki, Nao=Nao, Nai=Nai, Clo=Clo, Cli=Cli, fo=fo,
                fv=fv, eps_K=eps_K, G_glia=G_glia, S=S, gamma=gamma, am=am, bm=bm, ah=ah, bh=bh, an=an, bn=bn,
                rho=rho, I_pump=I_pump, I_gliapump=I_gliapump, I_glia=I_glia, I_diff=I_diff, F_KCC2=F_KCC2,
                F_NKCC1=F_NKCC1, E_K=E_K, E_Na=E_Na, E_Cl=E_Cl, I_Na=I_Na, I_K=I_K, I_Cl=I_Cl, Pi_i=Pi_i,
                Pi_o=Pi_o, vol_hat=vol_hat)


def make_rhs(params=None):
    p = dict(DEFAULTS, **(params or {}))

    def rhs(t, y, bath=None):
        o = observables(t, y, p, bath)
        V, m, h, n = y[0], y[1], y[2], y[3]
        voli, volo, beta, g, tau = y[10], o["volo"], o["beta"], o["gamma"], p["tau"]
        Ip, Igp = o["I_pump"], o["I_gliapump"]
        dV = -(o["I_Na"] + o["I_K"] + o["I_Cl"] + Ip) / p["C"]
        dm = o["am"] * (1.0 - m) - o["bm"] * m
        dh = o["ah"] * (1.0 - h) - o["bh"] * h
        dn = o["an"] * (1.0 - n) - o["bn"] * n
        # ECS K+ loses to the bath (diffusion), to the glia (uptake) and to the glial pump (2 K+ per cycle)
        k_loss = o["I_diff"] + o["I_glia"] + 2.0 * Igp * g
        dNKo = tau * (g * beta * (o["I_K"] - 2.0 * Ip) - k_loss + o["F_KCC2"] * beta + o["F_NKCC1"] * beta) * volo
        dNKi = tau * (-g * (o["I_K"] - 2.0 * Ip) - o["F_KCC2"] - o["F_NKCC1"]) * voli
        dNNao = tau * (g * beta * (o["I_Na"] + 3.0 * Ip) + o["F_NKCC1"] * beta) * volo
        dNNai = tau * (-g * (o["I_Na"] + 3.0 * Ip) - o["F_NKCC1"]) * voli
        dNClo = tau * (-g * beta * o["I_Cl"] + o["F_KCC2"] * beta + 2.0 * o["F_NKCC1"] * beta) * volo
        dNCli = tau * (g * o["I_Cl"] - o["F_KCC2"] - 2.0 * o["F_NKCC1"]) * voli
        dvol = -tau * (voli - o["vol_hat"]) / p["tau_vol"]
        dO = tau * (-p["alpha"] * (Ip + Igp) * g + p["eps_O"] * (o["O2_bath"] - o["O"]))
        # amounts: mM * um^3 * 1e-3 = fmol; rates per ms, time in s: x1000
        amounts = [1e-3 * x for x in (dNKo, dNKi, dNNao, dNNai, dNClo, dNCli)]
        return [1000.0 * x for x in [dV, dm, dh, dn] + amounts + [dvol, dO]]
    return rhs, p
