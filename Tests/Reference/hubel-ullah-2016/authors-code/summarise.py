"""Summarises the XPPAUT runs of code_Fig3.ode made by run.sh (README.md, "The authors' code, run in XPPAUT"): for
Fig. 3, Fig. 4 (gcl_l = 0) and the insets (s = 1), the state at chosen times (V in mV, cell volume in um^3, [K]e,
[Na]i, [Cl]i in mM) from the published-numerics and the tight runs, and the spikes (upward crossings of 0 mV, linearly
interpolated between output points) of the published run (0.5-ms output) and of the tight run (20-us output, 0-65 s).
XPP's output.dat columns: t, the ODE variables (v n h n_ki n_cli vli), then the aux (_ki _ke _nai _nae _cli _cle _EK
_ENA _ECL _vli _vle)."""
import json, os, sys
import numpy as np

TIMES = [10, 50, 60, 70, 100, 200, 300, 500, 700, 1000]
COLUMNS = {"V_mV": 1, "volume_um3": 6, "K_e_mM": 8, "Na_i_mM": 9, "Cl_i_mM": 11}


def load(path):
    return np.loadtxt(path)


def spikes(d):
    t, v = d[:, 0], d[:, 1]
    up = np.nonzero((v[:-1] < 0) & (v[1:] >= 0))[0]
    return [round(float(x), 7) for x in t[up] + (0 - v[up]) / (v[up + 1] - v[up]) * (t[up + 1] - t[up])]


def samples(d):
    out = {}
    for T in TIMES:
        i = int(np.argmin(np.abs(d[:, 0] - T)))
        assert abs(d[i, 0] - T) < 1e-3, (T, d[i, 0])
        out[str(T)] = {k: float(d[i, c]) for k, c in COLUMNS.items()}
    return out


work = sys.argv[1]
result = {"source": "ModelDB 187599 code_Fig3.ode run in XPPAUT 6.11 (Debian xppaut 6.11b+1.dfsg-1.1), CVODE",
          "variants": {}}
for name in ["fig3", "fig4", "insets"]:
    published = load(os.path.join(work, f"{name}-published", "output.dat"))
    tight = load(os.path.join(work, f"{name}-tight", "output.dat"))
    fine = load(os.path.join(work, f"{name}-tight-fine", "output.dat"))
    result["variants"][name] = {
        "published": {"numerics": "the file's own: CVODE at XPP's default tol, atol; output every 0.5 ms",
                      "samples": samples(published), "spikes_on_0.5ms_output": spikes(published)},
        "tight": {"numerics": "CVODE tol = atol = 1e-9; samples from output every 0.5 ms, spikes from output every 20 us (0-65 s)",
                  "samples": samples(tight), "spikes": spikes(fine)},
    }
print(json.dumps(result, indent=1))
