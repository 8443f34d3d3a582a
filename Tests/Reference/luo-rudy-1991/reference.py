#!/usr/bin/env python3
"""Integrates the port of Luo & Rudy 1991 (luo_rudy_1991.py) with scipy and writes reference data.

The stimulus switches on and off at t_k = stim_start + k*cycle and t_k + stim_duration: each piece between edges is
its own solve_ivp call (dense output), started from the state where the previous ended.

Usage:
  reference.py beats METHOD RTOL ATOL START DURATION [key=value ...]   -> JSON: V at chosen times, per-beat metrics
  reference.py rest [key=value ...]                                    -> CSV K_o, rest, E_K, E_K1, I_ion at rest
  reference.py hyperkalemia METHOD RTOL ATOL KO1,KO2,... [key=value]   -> CSV K_o, rest, E_K, peak, Vmax, APD90
START is `cellml` (the CellML model's initial state) or `rest` (the steady rest at the parameters' K_o).
Beat metrics: rest = V at the stimulus onset; peak = max V before the next stimulus; Vmax = max dV/dt (V/s, the
stimulus included) within 20 ms of the onset; APD90 = time from the instant of Vmax until V falls below
rest + 0.1 (peak - rest).
"""
import json
import sys
import numpy as np
from scipy.integrate import solve_ivp
from luo_rudy_1991 import make_rhs, rest, reversal, currents, CELLML_INITIAL, PARAMS

TIMES_MS = [100.5, 101.0, 101.5, 102.0, 103.0, 105.0, 110.0, 150.0, 200.0, 300.0, 400.0, 500.0, 700.0, 1000.0]


def parse(args):
    params = {}
    for kv in args:
        k, v = kv.split("=")
        params[k] = float(v)
    return params


def integrate(method, rtol, atol, y0, duration, params):
    """Pieces [(t0, t1, stimulus_on, sol)] covering [0, duration]."""
    p = dict(PARAMS); p.update(params)
    edges = {0.0, duration}
    t = p["stim_start"]
    while t < duration:
        edges.add(t)
        if t + p["stim_duration"] < duration:
            edges.add(t + p["stim_duration"])
        if p["cycle"] <= 0:
            break
        t += p["cycle"]
    edges = sorted(edges)
    pieces, y, nfev = [], list(y0), 0
    for t0, t1 in zip(edges, edges[1:]):
        k = 0 if p["cycle"] <= 0 else np.floor((t0 - p["stim_start"]) / p["cycle"] + 1e-12)
        on = t0 >= p["stim_start"] and (t0 - p["stim_start"] - k * (p["cycle"] if p["cycle"] > 0 else 0)) < p["stim_duration"] - 1e-9
        rhs, _ = make_rhs(params, stimulus_on=on)
        sol = solve_ivp(rhs, (t0, t1), y, method=method, rtol=rtol, atol=atol, dense_output=True)
        if sol.status != 0:
            raise RuntimeError(sol.message)
        pieces.append((t0, t1, on, sol, rhs))
        y = list(sol.y[:, -1])
        nfev += sol.nfev
    return pieces, p, nfev


def state_at(pieces, t):
    for t0, t1, on, sol, rhs in pieces:
        if t0 <= t <= t1:
            return sol.sol(t), rhs
    raise ValueError(t)


def beats(pieces, p, duration):
    """Per-beat metrics on the dense output (grid of 0.001 ms over the upstroke, 0.01 ms elsewhere)."""
    out = []
    onsets = []
    t = p["stim_start"]
    while t < duration:
        onsets.append(t)
        if p["cycle"] <= 0:
            break
        t += p["cycle"]
    for k, t0 in enumerate(onsets):
        t_end = min(onsets[k + 1] if k + 1 < len(onsets) else duration, duration)
        y0, _ = state_at(pieces, t0)
        v_rest = y0[0]
        up = np.arange(t0, min(t0 + 20.0, t_end), 0.001)
        best = (-np.inf, t0)
        for t in up:
            y, rhs = state_at(pieces, t)
            dv = rhs(t, y)[0]
            if dv > best[0]:
                best = (dv, t)
        grid = np.arange(t0, t_end, 0.01)
        vs = np.array([state_at(pieces, t)[0][0] for t in grid])
        peak = vs.max()
        level = v_rest + 0.1 * (peak - v_rest)
        i_peak = int(vs.argmax())
        apd = None
        for i in range(i_peak, len(grid) - 1):
            if vs[i] >= level > vs[i + 1]:
                # refine the crossing by bisection on the dense output
                a, b = grid[i], grid[i + 1]
                for _ in range(60):
                    c = 0.5 * (a + b)
                    if state_at(pieces, c)[0][0] >= level:
                        a = c
                    else:
                        b = c
                apd = 0.5 * (a + b) - best[1]
                break
        out.append({"onset_ms": t0, "rest_mV": v_rest, "peak_mV": float(peak), "vmax_V_per_s": float(best[0]),
                    "t_vmax_ms": float(best[1]), "apd90_ms": apd})
    return out


def spikes(pieces):
    times = []
    for t0, t1, on, sol, rhs in pieces:
        grid = np.linspace(t0, t1, max(2, int((t1 - t0) / 0.01)))
        v = sol.sol(grid)[0]
        for i in range(len(grid) - 1):
            if v[i] < 0 <= v[i + 1]:
                a, b = grid[i], grid[i + 1]
                for _ in range(60):
                    c = 0.5 * (a + b)
                    if sol.sol(c)[0] < 0:
                        a = c
                    else:
                        b = c
                times.append(0.5 * (a + b))
    return times


def main(argv):
    mode = argv[1]
    if mode == "beats":
        method, rtol, atol, start, duration = argv[2], float(argv[3]), float(argv[4]), argv[5], float(argv[6])
        params = parse(argv[7:])
        p = dict(PARAMS); p.update(params)
        y0 = CELLML_INITIAL if start == "cellml" else rest(p)[1]
        pieces, p, nfev = integrate(method, rtol, atol, y0, duration, params)
        vs = {("%g" % t): float(state_at(pieces, t)[0][0]) for t in TIMES_MS if t <= duration}
        final = [float(x) for x in pieces[-1][3].y[:, -1]]
        print(json.dumps({"method": method, "rtol": rtol, "atol": atol, "start": start, "duration_ms": duration,
                          "params": params, "v_at_ms": vs, "beats": beats(pieces, p, duration),
                          "spike_times_ms": spikes(pieces), "final_state": final, "nfev": nfev}, indent=1))
    elif mode == "rest":
        params = parse(argv[2:])
        print("K_o_mM,rest_mV,E_K_mV,E_K1_mV,I_ion_at_rest_uA_per_cm2")
        for ko in [2.0, 3.0, 4.0, 5.4, 6.0, 8.0, 10.0, 12.0, 16.0, 20.0]:
            p = dict(PARAMS); p.update(params); p["K_o"] = ko
            v, y = rest(p)
            _, ek, ek1 = reversal(p)
            print("%g,%.12g,%.12g,%.12g,%.3g" % (ko, v, ek, ek1, sum(currents(y, p))))
    elif mode == "hyperkalemia":
        method, rtol, atol = argv[2], float(argv[3]), float(argv[4])
        kos = [float(x) for x in argv[5].split(",")]
        params = parse(argv[6:])
        print("K_o_mM,rest_mV,E_K_mV,E_K1_mV,peak_mV,vmax_V_per_s,apd90_ms")
        for ko in kos:
            q = dict(params); q["K_o"] = ko; q["cycle"] = 0.0
            p = dict(PARAMS); p.update(q)
            v, y0 = rest(p)
            _, ek, ek1 = reversal(p)
            duration = p["stim_start"] + 1000.0
            pieces, p, nfev = integrate(method, rtol, atol, y0, duration, q)
            b = beats(pieces, p, duration)[0]
            print("%g,%.10g,%.10g,%.10g,%.10g,%.10g,%s" % (ko, v, ek, ek1, b["peak_mV"], b["vmax_V_per_s"],
                  "" if b["apd90_ms"] is None else "%.10g" % b["apd90_ms"]))
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
