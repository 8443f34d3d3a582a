#!/usr/bin/env python3
"""NEURON 9.0.2 runs of its built-in `hh` mechanism, one compartment, for Tests/Reference/hh.

Set-up (every mode): one section, nseg = 1, L = 10 um, diam = 10/pi um (area 100 um^2, no axial current),
cm = 1 uF/cm^2, `hh` inserted with its defaults (gnabar .12, gkbar .036, gl .0003 S/cm^2, el -54.3 mV;
ena = 50, ek = -77 mV: NEURON's defaults, never recomputed because hh only READs them), celsius = 6.3,
h.usetable_hh = 0 (rates computed from the formulas, not interpolated from tables),
h.finitialize(-65): V = -65 mV and m, h, n at their steady state there (hh.mod INITIAL).
The stimulus is an IClamp at 0.5 with del = 0, dur = 1e9 ms and amp = J * area * 1e-5 nA for J in uA/cm^2
(1 uA/cm^2 x 1 um^2 = 1e-8 uA = 1e-5 nA), so that the current density is J (NEURON divides amp by area).

Spike times are upward crossings of 0 mV:
- CVODE: V, m, h, n recorded at every step; the crossing is located on the cubic Hermite interpolant of V
  between the two steps that bracket it, with dV/dt = (J - I_ion(V, m, h, n))/C from the recorded states
  (error O(h^4), far below CVODE's own). NEURON's NetCon times (threshold 0, condition_order 2) are also given.
- fixed step: V recorded at every step t_n = n dt, crossing by linear interpolation between the two steps.

Usage:
  reference_neuron.py cvode DURATION_MS J [ATOL] [RTOL]   -> CSV spike_index,time_ms,netcon_ms
  reference_neuron.py fixed DURATION_MS J [DT]            -> CSV spike_index,time_ms,netcon_ms
  reference_neuron.py rest SETTLE_MS                      -> JSON: V after SETTLE_MS with no stimulus (CVODE)
  reference_neuron.py population DURATION_MS N A B [DT]   -> CSV of N cells at fixed step (NetCon times)
"""
import json, math, sys
from neuron import h
import neuron

def hh_cell():
    sec = h.Section(name="soma")
    sec.nseg = 1
    sec.L = 10.0
    sec.diam = 10.0 / math.pi
    sec.cm = 1.0
    sec.insert("hh")
    return sec


def clamp(sec, j):
    stim = h.IClamp(sec(0.5))
    stim.delay = 0.0
    stim.dur = 1e9
    stim.amp = j * h.area(0.5, sec=sec) * 1e-5
    return stim


def setup_globals():
    h.celsius = 6.3
    h.usetable_hh = 0
    h.secondorder = 0


def ionic_current(v, m, hh, n):
    """uA/cm^2 from NEURON's parameters (the same expression as hh.mod's BREAKPOINT)."""
    return 120.0 * m ** 3 * hh * (v - 50.0) + 36.0 * n ** 4 * (v + 77.0) + 0.3 * (v + 54.3)


def hermite_crossings(t, v, dv):
    out = []
    for i in range(len(t) - 1):
        if v[i] < 0.0 <= v[i + 1]:
            t0, hstep = t[i], t[i + 1] - t[i]
            if hstep <= 0:
                out.append(t[i + 1]); continue
            def p(s):
                h00 = 2 * s ** 3 - 3 * s ** 2 + 1; h10 = s ** 3 - 2 * s ** 2 + s
                h01 = -2 * s ** 3 + 3 * s ** 2; h11 = s ** 3 - s ** 2
                return h00 * v[i] + h10 * hstep * dv[i] + h01 * v[i + 1] + h11 * hstep * dv[i + 1]
            lo, hi = 0.0, 1.0
            for _ in range(200):   # bisection to round-off
                mid = 0.5 * (lo + hi)
                if p(mid) < 0.0: lo = mid
                else: hi = mid
                if hi - lo < 1e-16: break
            out.append(t0 + 0.5 * (lo + hi) * hstep)
    return out


def linear_crossings(t, v):
    return [t[i] + (t[i + 1] - t[i]) * (0.0 - v[i]) / (v[i + 1] - v[i])
            for i in range(len(t) - 1) if v[i] < 0.0 <= v[i + 1]]


def run_single(duration, j, cvode, atol=1e-8, rtol=0.0, dt=0.025):
    setup_globals()
    sec = hh_cell()
    stim = clamp(sec, j)
    cv = h.CVode()
    cv.active(1 if cvode else 0)
    if cvode:
        cv.atol(atol)
        cv.rtol(rtol)
        cv.condition_order(2)
    else:
        h.dt = dt
    nc = h.NetCon(sec(0.5)._ref_v, None, sec=sec)
    nc.threshold = 0.0
    netcon_times = h.Vector()
    nc.record(netcon_times)
    tv, vv = h.Vector().record(h._ref_t), h.Vector().record(sec(0.5)._ref_v)
    mv, hv, nv = (h.Vector().record(getattr(sec(0.5), "_ref_%s_hh" % g)) for g in ("m", "h", "n"))
    h.finitialize(-65.0)
    pc = h.ParallelContext()
    pc.set_maxstep(10)
    pc.psolve(duration)
    t, v = list(tv), list(vv)
    if cvode:
        dv = [(j - ionic_current(a, b, c, d)) for a, b, c, d in zip(v, mv, hv, nv)]
        times = hermite_crossings(t, v, dv)
    else:
        times = linear_crossings(t, v)
    return times, list(netcon_times), len(t)


def run_rest(settle):
    setup_globals()
    sec = hh_cell()
    cv = h.CVode()
    cv.active(1)
    cv.atol(1e-10)
    h.finitialize(-65.0)
    pc = h.ParallelContext()
    pc.set_maxstep(10)
    pc.psolve(settle)
    s = sec(0.5)
    return {"settle_ms": settle, "vm_mV": s.v, "m": s.m_hh, "h": s.h_hh, "n": s.n_hh,
            "cvode_atol": 1e-10, "neuron": neuron.__version__}


def run_population(duration, n, a, b, dt):
    setup_globals()
    h.dt = dt
    h.CVode().active(0)
    cells, stims, ncs, vecs = [], [], [], []
    for k in range(n):
        sec = hh_cell()
        stims.append(clamp(sec, a + (b - a) * k / (n - 1)))
        nc = h.NetCon(sec(0.5)._ref_v, None, sec=sec)
        nc.threshold = 0.0
        vec = h.Vector()
        nc.record(vec)
        cells.append(sec); ncs.append(nc); vecs.append(vec)
    h.finitialize(-65.0)
    pc = h.ParallelContext()
    pc.set_maxstep(10)
    pc.psolve(duration)
    return [(k, a + (b - a) * k / (n - 1), list(vecs[k])) for k in range(n)]


def main(argv):
    mode = argv[1]
    if mode in ("cvode", "fixed"):
        duration, j = float(argv[2]), float(argv[3])
        if mode == "cvode":
            atol = float(argv[4]) if len(argv) > 4 else 1e-8
            rtol = float(argv[5]) if len(argv) > 5 else 0.0
            times, nct, steps = run_single(duration, j, True, atol=atol, rtol=rtol)
            print("# NEURON %s CVODE atol %g rtol %g, %d steps" % (neuron.__version__, atol, rtol, steps), file=sys.stderr)
        else:
            dt = float(argv[4]) if len(argv) > 4 else 0.025
            times, nct, steps = run_single(duration, j, False, dt=dt)
            print("# NEURON %s fixed step dt %g, %d steps" % (neuron.__version__, dt, steps), file=sys.stderr)
        if len(nct) != len(times):
            print("# warning: NetCon found %d spikes, V crossings %d" % (len(nct), len(times)), file=sys.stderr)
        print("spike_index,time_ms,netcon_ms")
        for i, t in enumerate(times):
            print("%d,%.12f,%s" % (i, t, "%.12f" % nct[i] if i < len(nct) else ""))
    elif mode == "rest":
        print(json.dumps(run_rest(float(argv[2])), indent=1))
    elif mode == "population":
        duration, n, a, b = float(argv[2]), int(argv[3]), float(argv[4]), float(argv[5])
        dt = float(argv[6]) if len(argv) > 6 else 0.025
        print("index,stimulus_uA_per_cm2,spike_count,first_spike_ms,last_spike_ms")
        for k, s, times in run_population(duration, n, a, b, dt):
            print("%d,%.17g,%d,%s,%s" % (k, s, len(times), "%.12f" % times[0] if times else "",
                                         "%.12f" % times[-1] if times else ""))
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
