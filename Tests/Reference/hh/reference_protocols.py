#!/usr/bin/env python3
"""NEURON 9.0.2 runs of its built-in `hh` under current-clamp protocols, for `simulate hh --stimulus-protocol`.

The cell and globals are those of reference_neuron.py (one compartment of 100 um^2, hh defaults, 6.3 degC,
usetable_hh = 0, finitialize(-65)). The protocol is a set of IClamps (NEURON's IClamp: del, dur, amp; each pulse of
a train its own IClamp), amp = J * area * 1e-5 nA for J in uA/cm^2. CVODE (atol given, rtol 0); spike times are
upward crossings of 0 mV located on the cubic Hermite interpolant of V with dV/dt = (J(t) - I_ion)/C, as in
reference_neuron.py; NetCon times (threshold 0, condition_order 2) are also given.

Usage:
  reference_protocols.py step DEL_MS DUR_MS J DURATION_MS [ATOL]
  reference_protocols.py train START_MS PERIOD_MS WIDTH_MS COUNT J DURATION_MS [ATOL]
  reference_protocols.py ramp START_MS DUR_MS J_FROM J_TO DURATION_MS [ATOL]
(a ramp: one IClamp whose amp is played continuously from a Vector, linear from J_FROM to J_TO over the ramp, 0
outside it, NeuroML's rampGenerator with baseline 0)
-> CSV spike_index,time_ms,netcon_ms
"""
import sys
from neuron import h
import neuron
from reference_neuron import hh_cell, setup_globals, ionic_current, hermite_crossings


def run(pulses, duration, atol, ramp=None):
    """pulses: list of (delay_ms, dur_ms, J uA/cm^2); ramp: (start_ms, dur_ms, J_from, J_to) or None."""
    setup_globals()
    sec = hh_cell()
    stims = []
    if ramp:
        start, dur, a, b = ramp
        s = h.IClamp(sec(0.5))
        s.delay, s.dur = 0, 1e9
        scale = h.area(0.5, sec=sec) * 1e-5
        tvec = h.Vector([0, start, start, start + dur, start + dur, 1e9])
        avec = h.Vector([0, 0, a * scale, b * scale, 0, 0])
        avec.play(s._ref_amp, tvec, 1)
        stims += [s, tvec, avec]
    for d, w, j in pulses:
        s = h.IClamp(sec(0.5))
        s.delay, s.dur, s.amp = d, w, j * h.area(0.5, sec=sec) * 1e-5
        stims.append(s)
    cv = h.CVode()
    cv.active(1)
    cv.atol(atol)
    cv.rtol(0.0)
    cv.condition_order(2)
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

    def stimulus(time):
        j = sum(j for d, w, j in pulses if d <= time < d + w)
        if ramp and ramp[0] <= time < ramp[0] + ramp[1]:
            j += ramp[2] + (ramp[3] - ramp[2]) * (time - ramp[0]) / ramp[1]
        return j

    dv = [(stimulus(a) - ionic_current(b, c, d, e)) for a, b, c, d, e in zip(t, v, mv, hv, nv)]
    return hermite_crossings(t, v, dv), list(netcon_times), len(t)


def main(argv):
    mode = argv[1]
    if mode == "step":
        d, w, j, duration = map(float, argv[2:6])
        atol = float(argv[6]) if len(argv) > 6 else 1e-10
        pulses = [(d, w, j)]
    elif mode == "train":
        start, period, width = map(float, argv[2:5])
        count, j, duration = int(argv[5]), float(argv[6]), float(argv[7])
        atol = float(argv[8]) if len(argv) > 8 else 1e-10
        pulses = [(start + k * period, width, j) for k in range(count)]
    elif mode == "ramp":
        start, dur, a, b, duration = map(float, argv[2:7])
        atol = float(argv[7]) if len(argv) > 7 else 1e-10
        pulses = []
    else:
        raise SystemExit(__doc__)
    ramp = (start, dur, a, b) if mode == "ramp" else None
    times, nct, steps = run(pulses, duration, atol, ramp)
    print("# NEURON %s CVODE atol %g rtol 0, %d steps" % (neuron.__version__, atol, steps), file=sys.stderr)
    print("spike_index,time_ms,netcon_ms")
    for i, t in enumerate(times):
        print("%d,%.12f,%s" % (i, t, "%.12f" % nct[i] if i < len(nct) else ""))


if __name__ == "__main__":
    main(sys.argv)
