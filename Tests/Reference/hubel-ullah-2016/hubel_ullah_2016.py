"""Port of code_Fig3.ode (Hübel & Ullah 2016, PLoS ONE 11:e0147060, ModelDB 187599), the XPP/XPPAUT model of a
neuron whose Na/K pump stops at t = 50 s. Every line below that computes a model quantity is the XPP line given
in the comment `# ode N` (line N of code_Fig3.ode); README.md has the table. Nothing is changed: the units
(amounts in fmol, volumes in um^3, currents in uA/cm^2, conductances in mS/cm^2), the hard-coded RT/F = 26.64 mV,
m = m_inf, Na+ amounts from electroneutrality and conservation, and the time unit of the integration: seconds
(the .ode's header says msec, but its rates are in 1/ms multiplied by 1000 (ode 15-22), its pump stops at
heav(50 - t) and it runs for total = 1000: t is in seconds).

State y = (v [mV], n, h, n_ki [fmol], n_cli [fmol], vli [um^3]); t in s.
Parameters (XPP `par`): s (0: derived volume model, 1: exponential), gcl_l (mS/cm^2); we also expose the
other constants by their .ode names so that variants can be run (`params` dict).
"""
from math import exp, log

# ode 27-32: initial conditions (the published resting state).
INITIAL = {"v": -67.0, "n": 0.070, "h": 0.978, "n_ki": 277.7, "n_cli": 21.7, "vli": 2160.0}
STATE = ("v", "n", "h", "n_ki", "n_cli", "vli")

DEFAULTS = {
    "s": 0.0,            # ode 45: volume model, 0 derived, 1 exponential
    "max_p0": 6.8,       # ode 38: maximal pump current, uA/cm^2 (before the pump stops)
    "t_stop": 50.0,      # ode 38: the pump stops when t > 50 (heav(50 - t))
    "gna_l": 0.0175,     # ode 131, mS/cm^2
    "gna_g": 100.0,      # ode 132
    "gk_l": 0.05,        # ode 133
    "gk_g": 40.0,        # ode 134
    "gcl_l": 0.05,       # ode 135 (par)
    "c": 1.0,            # ode 158, uF/cm^2
    "conv": 9.55589e-5,  # ode 159, fmol/ms per uA/cm^2 (area/F: about 922 um^2)
    "phi": 3.0,          # ode 160, 1/ms
    "t_vl": 250.0,       # ode 161, ms
    "vl_tot": 2880.0,    # ode 87, um^3
    "vli0": 2160.0,      # ode 112, um^3
    "rt_f": 26.64,       # ode 122-124: RT/F in mV, hard-coded
}

# ode 64-71: resting amounts, fmol.
N_KI0, N_KE0, N_NAI0, N_NAE0, N_CLI0, N_CLE0, N_IMPI, N_IMPE = 277.7, 2.8, 54.6, 91.3, 21.7, 89.8, 318.0, 40.0


def heav(x):
    """XPP's heav: 1 for x >= 0, 0 for x < 0."""
    return 1.0 if x >= 0.0 else 0.0


def observables(t, y, p):
    """Every auxiliary quantity of the .ode at (t, y): dict keyed by the .ode's names."""
    v, n, h, n_ki, n_cli, vli = y
    o = {}
    max_p = p["max_p0"] * heav(p["t_stop"] - t)                                 # ode 38
    AN = 0.01 * (v + 34.0) / (1.0 - exp(-0.1 * (v + 34.0)))                     # ode 51
    BN = 0.125 * exp(-(v + 44.0) / 80.0)                                         # ode 52
    AM = 0.1 * (v + 30.0) / (1.0 - exp(-0.1 * (v + 30.0)))                      # ode 53
    BM = 4.0 * exp(-(v + 55.0) / 18.0)                                           # ode 54
    AH = 0.07 * exp(-(v + 44.0) / 20)                                            # ode 55
    BH = 1.0 / (1.0 + exp(-0.1 * (v + 14.0)))                                    # ode 56
    M = AM / (AM + BM)                                                           # ode 57
    n_nai = N_NAI0 + N_KI0 - n_ki - N_CLI0 + n_cli                               # ode 78
    n_nae = N_NAE0 + N_NAI0 - n_nai                                              # ode 79
    n_ke = N_KE0 + N_KI0 - n_ki                                                  # ode 80
    n_cle = N_CLE0 + N_CLI0 - n_cli                                              # ode 81
    vle = p["vl_tot"] - vli                                                      # ode 88
    nai = n_nai / vli * 1000.0                                                   # ode 93
    nae = n_nae / vle * 1000.0                                                   # ode 94
    ki = n_ki / vli * 1000.0                                                     # ode 95
    ke = n_ke / vle * 1000.0                                                     # ode 96
    cli = n_cli / vli * 1000.0                                                   # ode 97
    cle = n_cle / vle * 1000.0                                                   # ode 98
    n_i = n_nai + n_ki + n_cli + N_IMPI                                          # ode 108
    n_e = n_nae + n_ke + n_cle + N_IMPE                                          # ode 109
    vli_inf0 = p["vl_tot"] * n_i / (n_i + n_e)                                   # ode 110
    p_i = n_i / vli * 1000.0                                                     # ode 113
    p_e = n_e / vle * 1000.0                                                     # ode 114
    vli_inf1 = p["vli0"] * (1.35 - 0.35 * exp((p_e - p_i) / 20.0))               # ode 115
    vli_inf = (1 - p["s"]) * vli_inf0 + p["s"] * vli_inf1                        # ode 117
    EK = p["rt_f"] * log(ke / ki)                                                # ode 122
    ENA = p["rt_f"] * log(nae / nai)                                             # ode 123
    ECL = -p["rt_f"] * log(cle / cli)                                            # ode 124
    INA_l = p["gna_l"] * (v - ENA)                                               # ode 137
    INA_g = p["gna_g"] * M ** 3 * h * (v - ENA)                                  # ode 138
    IK_l = p["gk_l"] * (v - EK)                                                  # ode 139
    IK_g = p["gk_g"] * n ** 4 * (v - EK)                                         # ode 140
    ICL_l = p["gcl_l"] * (v - ECL)                                               # ode 141
    IP = max_p / (1.0 + exp((25 - nai) / 3.0)) / (1.0 + exp(5.5 - ke))          # ode 142
    INA = INA_l + INA_g + 3.0 * IP                                               # ode 147
    IK = IK_l + IK_g - 2.0 * IP                                                  # ode 148
    o.update(max_p=max_p, AN=AN, BN=BN, AM=AM, BM=BM, AH=AH, BH=BH, M=M, n_nai=n_nai, n_nae=n_nae, n_ke=n_ke,
             n_cle=n_cle, vle=vle, nai=nai, nae=nae, ki=ki, ke=ke, cli=cli, cle=cle, n_i=n_i, n_e=n_e,
             vli_inf0=vli_inf0, p_i=p_i, p_e=p_e, vli_inf1=vli_inf1, vli_inf=vli_inf, EK=EK, ENA=ENA, ECL=ECL,
             INA_l=INA_l, INA_g=INA_g, IK_l=IK_l, IK_g=IK_g, ICL_l=ICL_l, IP=IP, INA=INA, IK=IK)
    return o


def make_rhs(params=None):
    p = dict(DEFAULTS, **(params or {}))

    def rhs(t, y):
        o = observables(t, y, p)
        v, n, h, n_ki, n_cli, vli = y
        V_DOT = -1.0 / p["c"] * (o["INA"] + o["IK"] + o["ICL_l"])               # ode 163
        N_DOT = p["phi"] * (o["AN"] * (1 - n) - o["BN"] * n)                      # ode 164
        H_DOT = p["phi"] * (o["AH"] * (1 - h) - o["BH"] * h)                      # ode 165
        N_KI_DOT = -p["conv"] * o["IK"]                                           # ode 166
        N_CLI_DOT = p["conv"] * o["ICL_l"]                                        # ode 167
        VLI_DOT = 1.0 / p["t_vl"] * (o["vli_inf"] - vli)                          # ode 168
        # ode 17-22: the rates are per ms, the integration time is in s.
        return [1000.0 * V_DOT, 1000.0 * N_DOT, 1000.0 * H_DOT,
                1000.0 * N_KI_DOT, 1000.0 * N_CLI_DOT, 1000.0 * VLI_DOT]
    return rhs, p


def initial_state():
    return [INITIAL[k] for k in STATE]
