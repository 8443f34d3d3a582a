"""Summarises the authors' Cressman 2009 run (datafile.dat: t in s, V in mV, [K]o, [Na]i in mM every 0.2 ms): spikes
(upward crossings of 0 mV, linearly interpolated between samples), bursts (spikes closer than 1 s), onsets, spikes per
burst, the period, and the [K]o and [Na]i ranges from 10 s on; one JSON object on stdout (run.sh, README.md)."""
import json, sys
import numpy as np

data = np.loadtxt(sys.argv[1])
t, v, ko, nai = data[:, 0], data[:, 1], data[:, 2], data[:, 3]
up = np.nonzero((v[:-1] < 0) & (v[1:] >= 0))[0]
spikes = t[up] + (0 - v[up]) / (v[up + 1] - v[up]) * (t[up + 1] - t[up])
bursts = []
for s in spikes:
    if bursts and s - bursts[-1][-1] < 1.0:
        bursts[-1].append(s)
    else:
        bursts.append([s])
late = t >= 10
onsets = [b[0] for b in bursts]
print(json.dumps({
    "source": "authors' C code, ModelDB 136773 (RK4, dt 0.01 ms, k_bath 8 mM, 50 ms pre-integration)",
    "duration_s": float(t[-1]), "spikes": int(len(spikes)),
    "bursts": [{"onset_s": round(b[0], 4), "end_s": round(b[-1], 4), "spikes": len(b)} for b in bursts],
    "period_s": [round(b - a, 4) for a, b in zip(onsets[1:], onsets[2:])],
    "K_o_range_from_10s_mM": [round(float(ko[late].min()), 3), round(float(ko[late].max()), 3)],
    "Na_i_range_from_10s_mM": [round(float(nai[late].min()), 3), round(float(nai[late].max()), 3)],
}, indent=1))
