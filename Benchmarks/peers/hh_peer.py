#!/usr/bin/env python3
"""Timing peers for `membrane simulate hh` (issue 9, BENCHMARKS.md "Hodgkin-Huxley"): NEURON 9.0.2 and Brian2 2.9.0
running NEURON's built-in `hh` (Hodgkin & Huxley 1952 as hh.mod: 6.3 degC, rates without tables), one compartment,
a constant current density from t = 0, V = -65 mV with steady-state gates at t = 0. Prints one JSON object per case.

Cases:
  neuron-single [REPEATS]          one cell, 10 s at 10 uA/cm^2, fixed step dt = 0.025 ms (implicit Euler),
                                   ParallelContext.psolve; only psolve is timed (not import, set-up, finitialize)
  neuron-population [REPEATS] [THREADS]
                                   1000 independent cells, cell k at 20 k/999 uA/cm^2, 1 s, fixed step 0.025 ms,
                                   psolve with pc.nthread(THREADS) (default 2) and cache_efficient; spikes from
                                   NetCon (threshold 0 mV)
  brian2-population [REPEATS] [THREADS] [DT_MS] [METHOD]
                                   the same 1000 cells in Brian2's cpp_standalone device (g++ -O3 -march=native),
                                   exponential Euler at dt = 0.025 ms, OpenMP THREADS (default 2); the time is the
                                   network run time the device measures inside the binary (device._last_run_time),
                                   compile time reported apart; the binary is run REPEATS times. DT_MS (default
                                   0.025) other than the default checks that Brian2 runs the same model: its
                                   counts approach the reference as dt shrinks; METHOD (default exponential_euler)
                                   is any of Brian2's state updaters (e.g. rk4): with DT_MS, the cost of Brian2 at
                                   Membrane's accuracy (BENCHMARKS.md, "Brian2 at Membrane's accuracy")
Each population case compares its spike counts with Tests/Reference/hh/scipy_dop853_population_1s.csv (the tight
DOP853 reference): `count_mismatches` (cells whose count differs), `max_first_spike_error_ms`.
Timing: `median_s` and `min_s` over REPEATS runs. Run by Benchmarks/run-hh.sh.
"""
import csv, json, os, statistics, sys, tempfile, time
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
REFERENCE_DIR = os.path.join(ROOT, "Tests", "Reference", "hh")
REFERENCE = os.path.join(REFERENCE_DIR, "scipy_dop853_population_1s.csv")
sys.path.insert(0, REFERENCE_DIR)
from hh_equations import steady_gates  # noqa: E402  (hh.mod's rates, the same as NEURON's finitialize)
N_CELLS, I_MAX, DT_MS = 1000, 20.0, 0.025


def stimulus(k):
    return I_MAX * k / (N_CELLS - 1)


def compare_with_reference(counts, firsts):
    ref = list(csv.DictReader(open(REFERENCE)))
    mism, err = [], 0.0
    for k, row in enumerate(ref):
        if int(row["spike_count"]) != counts[k]:
            mism.append({"index": k, "reference": int(row["spike_count"]), "peer": counts[k],
                         "reference_last_spike_ms": float(row["last_spike_ms"]) if row["last_spike_ms"] else None})
        if row["first_spike_ms"] and firsts[k] is not None:
            err = max(err, abs(float(row["first_spike_ms"]) - firsts[k]))
    return {"count_mismatches": len(mism), "mismatched_cells": mism[:20], "max_first_spike_error_ms": err,
            "total_spikes": sum(counts), "reference_total_spikes": sum(int(r["spike_count"]) for r in ref)}


def timing(samples):
    return {"median_s": statistics.median(samples), "min_s": min(samples), "repeats": len(samples)}


def neuron_fixed_step():
    """NEURON with the set-up of Tests/Reference/hh/reference_neuron.py (6.3 degC, no rate tables), fixed step."""
    from neuron import h
    import reference_neuron
    reference_neuron.setup_globals()
    h.dt = DT_MS
    h.CVode().active(0)
    return h, reference_neuron


def neuron_cell(ref, j):
    sec = ref.hh_cell()
    return sec, ref.clamp(sec, j)


def neuron_single(repeats):
    import neuron
    h, ref = neuron_fixed_step()
    sec, stim = neuron_cell(ref, 10.0)
    nc = h.NetCon(sec(0.5)._ref_v, None, sec=sec)
    nc.threshold = 0.0
    spikes = h.Vector()
    nc.record(spikes)
    pc = h.ParallelContext()
    pc.set_maxstep(10)
    samples = []
    for _ in range(repeats):
        h.finitialize(-65.0)
        t0 = time.perf_counter()
        pc.psolve(10000.0)
        samples.append(time.perf_counter() - t0)
    return dict(case="neuron-single", tool="NEURON %s" % neuron.__version__,
                what="1 HH cell, 10 s at 10 uA/cm^2, fixed step dt 0.025 ms, ParallelContext.psolve",
                spike_count=len(spikes), last_spike_ms=spikes[-1] if len(spikes) else None, **timing(samples))


def neuron_population(repeats, threads):
    import neuron
    h, ref = neuron_fixed_step()
    cells = [neuron_cell(ref, stimulus(k)) for k in range(N_CELLS)]
    vecs, ncs = [], []
    for sec, _ in cells:
        nc = h.NetCon(sec(0.5)._ref_v, None, sec=sec)
        nc.threshold = 0.0
        v = h.Vector()
        nc.record(v)
        ncs.append(nc); vecs.append(v)
    pc = h.ParallelContext()
    pc.nthread(threads)
    h.CVode().cache_efficient(1)
    pc.set_maxstep(10)
    samples = []
    for _ in range(repeats):
        h.finitialize(-65.0)
        t0 = time.perf_counter()
        pc.psolve(1000.0)
        samples.append(time.perf_counter() - t0)
    counts = [len(v) for v in vecs]
    firsts = [v[0] if len(v) else None for v in vecs]
    pc.nthread(1)
    return dict(case="neuron-population", tool="NEURON %s" % neuron.__version__, threads=threads,
                what="1000 HH cells, 0-20 uA/cm^2, 1 s, fixed step dt 0.025 ms, psolve, nthread %d" % threads,
                **compare_with_reference(counts, firsts), **timing(samples))


def brian2_population(repeats, threads, dt_ms=DT_MS, method="exponential_euler"):
    import brian2 as b2
    from brian2 import mV, ms, second, uF, cm, msiemens, uA, exprel
    workdir = tempfile.mkdtemp(prefix="brian2-hh-")
    b2.set_device("cpp_standalone", directory=workdir, build_on_run=False)
    b2.prefs.devices.cpp_standalone.openmp_threads = threads
    b2.defaultclock.dt = dt_ms * ms
    Cm, gna, gk, gl = 1 * uF / cm ** 2, 120 * msiemens / cm ** 2, 36 * msiemens / cm ** 2, 0.3 * msiemens / cm ** 2
    ENa, EK, El = 50 * mV, -77 * mV, -54.3 * mV
    # hh.mod's vtrap(x, y) = x/(exp(x/y) - 1) = y/exprel(x/y) (Brian2's exprel is exact at 0, as vtrap's limit).
    eqs = """
    dv/dt = (I - gna*m**3*h*(v - ENa) - gk*n**4*(v - EK) - gl*(v - El))/Cm : volt
    dm/dt = alpham*(1 - m) - betam*m : 1
    dh/dt = alphah*(1 - h) - betah*h : 1
    dn/dt = alphan*(1 - n) - betan*n : 1
    alpham = 1.0/exprel(-(v + 40*mV)/(10*mV))/ms : Hz
    betam = 4*exp(-(v + 65*mV)/(18*mV))/ms : Hz
    alphah = 0.07*exp(-(v + 65*mV)/(20*mV))/ms : Hz
    betah = 1/(exp(-(v + 35*mV)/(10*mV)) + 1)/ms : Hz
    alphan = 0.1/exprel(-(v + 55*mV)/(10*mV))/ms : Hz
    betan = 0.125*exp(-(v + 65*mV)/(80*mV))/ms : Hz
    I : amp/meter**2 (constant)
    """
    group = b2.NeuronGroup(N_CELLS, eqs, threshold="v > 0*mV", refractory="v > 0*mV", method=method)
    m0, h0, n0 = steady_gates(-65.0)
    group.v, group.m, group.h, group.n = -65 * mV, m0, h0, n0
    group.I = np.array([stimulus(k) for k in range(N_CELLS)]) * uA / cm ** 2
    mon = b2.SpikeMonitor(group)
    b2.run(1 * second)
    t0 = time.perf_counter()
    b2.device.build(directory=workdir, compile=True, run=True, debug=False, with_output=False)
    build_and_first_run = time.perf_counter() - t0
    samples = [b2.device._last_run_time]
    for _ in range(repeats - 1):
        b2.device.run(directory=workdir, with_output=False)
        samples.append(b2.device._last_run_time)
    counts = [int(c) for c in mon.count[:]]
    trains = mon.spike_trains()
    firsts = [float(trains[k][0] / ms) if len(trains[k]) else None for k in range(N_CELLS)]
    compile_s = sum(v for v in b2.device.timers["compile"].values() if v is not None)
    return dict(case="brian2-population", tool="Brian2 %s cpp_standalone" % b2.__version__, threads=threads,
                what="1000 HH cells, 0-20 uA/cm^2, 1 s, %s dt %g ms, OpenMP %d threads" % (method, dt_ms, threads),
                compile_s=compile_s, build_and_first_run_s=build_and_first_run,
                binary_wall_s=b2.device.timers["run_binary"],
                **compare_with_reference(counts, firsts), **timing(samples))


def main(argv):
    case = argv[1] if len(argv) > 1 else None
    repeats = int(argv[2]) if len(argv) > 2 else 5
    threads = int(argv[3]) if len(argv) > 3 else 2
    if case == "neuron-single":
        out = neuron_single(repeats)
    elif case == "neuron-population":
        out = neuron_population(repeats, threads)
    elif case == "brian2-population":
        out = brian2_population(repeats, threads, float(argv[4]) if len(argv) > 4 else DT_MS,
                                argv[5] if len(argv) > 5 else "exponential_euler")
    else:
        raise SystemExit(__doc__)
    out["python"] = sys.version.split()[0]
    print(json.dumps(out))


if __name__ == "__main__":
    main(sys.argv)
