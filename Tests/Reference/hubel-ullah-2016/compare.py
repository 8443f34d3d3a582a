#!/usr/bin/env python3
"""Checks the tight reference (LSODA rtol 1e-12) against two independent integrations (LSODA rtol 1e-11 and Radau
rtol 1e-10, written by generate.sh to a scratch folder), and summarises the published behaviour; prints summary.json.
Usage: compare.py CHECK_DIR
"""
import csv, json, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
BURST = (56.0, 62.0)   # the spike burst after the pump stops: samples there are phase-sensitive


def load(name):
    return list(csv.DictReader(open(name if os.path.isabs(name) else os.path.join(HERE, name))))


def max_diff(a, b, column, burst):
    inside = lambda t: BURST[0] <= t <= BURST[1]
    return max(abs(float(x[column]) - float(y[column])) for x, y in zip(a, b)
               if inside(float(x["time_s"])) == burst)


def spikes(name):
    return [float(r["time_s"]) for r in load(name)]


def behaviour(rows, spike_times):
    at = {int(float(r["time_s"])): r for r in rows}
    f = lambda t, c: float(at[t][c])
    return {"vm_mV": {t: f(t, "vm_mV") for t in (0, 50, 100, 1000)},
            "volume_relative": {t: f(t, "volume_relative") for t in (0, 50, 100, 1000)},
            "K_e_mM": {t: f(t, "K_e_mM") for t in (0, 50, 100, 1000)},
            "Cl_i_mM": {t: f(t, "Cl_i_mM") for t in (0, 50, 100, 1000)},
            "spike_count": len(spike_times),
            "first_spike_s": spike_times[0] if spike_times else None,
            "last_spike_s": spike_times[-1] if spike_times else None}


def main():
    tight = load("reference_tight.csv")
    out = {"tight": "LSODA rtol 1e-12 atol 1e-14 (reference_tight*.csv, spikes_tight*.csv)",
           "checks": {}}
    check = sys.argv[1]
    for name, label in ((os.path.join(check, "lsoda_rtol1e-11.csv"), "LSODA rtol 1e-11 atol 1e-13"),
                        (os.path.join(check, "radau_rtol1e-10.csv"), "Radau rtol 1e-10 atol 1e-12")):
        other = load(name)
        out["checks"][label] = {
            inside: {c: max_diff(tight, other, c, inside == "in_burst")
                     for c in ("vm_mV", "n", "h", "K_i_mM", "Na_i_mM", "Cl_i_mM", "K_e_mM", "volume_um3")}
            for inside in ("outside_burst", "in_burst")}
    s, s11 = spikes("spikes_tight.csv"), spikes(os.path.join(check, "spikes_lsoda_rtol1e-11.csv"))
    out["checks"]["spikes LSODA rtol 1e-11"] = {"count": len(s11), "tight_count": len(s),
                                                "max_abs_time_diff_s": max(abs(a - b) for a, b in zip(s, s11))}
    out["published_behaviour"] = {
        "fig3_gcl_l_0.05": behaviour(tight, s),
        "fig4_gcl_l_0": behaviour(load("reference_tight_gcl0.csv"), spikes("spikes_tight_gcl0.csv")),
        "fig3_insets_s_1": behaviour(load("reference_tight_s1.csv"), spikes("spikes_tight_s1.csv"))}
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
