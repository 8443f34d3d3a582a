#!/usr/bin/env python3
"""Checks the tight reference (LSODA rtol 1e-12) against independent integrations (LSODA rtol 1e-11 and DOP853
rtol 1e-12, written by generate.sh to a scratch folder) and summarises the published behaviour; prints summary.json.
Usage: compare.py CHECK_DIR
"""
import csv, json, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
QUIET = 0.5      # a sample within 0.5 s of a spike is phase-sensitive (V moves tens of mV per ms in a spike)
BURST_GAP = 1.0  # spikes less than 1 s apart belong to one burst


def load(name):
    return list(csv.DictReader(open(name if os.path.isabs(name) else os.path.join(HERE, name))))


def spikes(name):
    return [float(r["time_s"]) for r in load(name)]


def max_diff(a, b, column, spike_times, quiet):
    near = lambda t: any(abs(s - t) < QUIET for s in spike_times)
    values = [abs(float(x[column]) - float(y[column])) for x, y in zip(a, b) if near(float(x["time_s"])) != quiet]
    return max(values) if values else None


def bursts(times):
    runs, first = [], 0
    for i in range(1, len(times)):
        if times[i] - times[i - 1] >= BURST_GAP:
            runs.append((first, i - 1))
            first = i
    if times:
        runs.append((first, len(times) - 1))
    return runs


def behaviour(rows, spike_times):
    ko = [float(r["K_o_mM"]) for r in rows]
    nai = [float(r["Na_i_mM"]) for r in rows]
    runs = bursts(spike_times)
    onsets = [spike_times[a] for a, _ in runs]
    later = onsets[1:]
    return {"spike_count": len(spike_times),
            "bursts": [{"start_s": spike_times[a], "end_s": spike_times[b], "spikes": b - a + 1} for a, b in runs],
            "onset_intervals_after_the_first_s": [y - x for x, y in zip(later, later[1:])],
            "K_o_mM_range_1s_samples": [min(ko), max(ko)],
            "Na_i_mM_range_1s_samples": [min(nai), max(nai)],
            "final": {k: float(rows[-1][k]) for k in ("time_s", "vm_mV", "K_o_mM", "Na_i_mM", "Ca_i_mM")}}


def main():
    check = sys.argv[1]
    out = {"tight": "LSODA rtol 1e-12 atol 1e-14 (rest_*.csv: k_bath 4 mM, 30 s; seizure_*.csv: k_bath 8 mM, 100 s; "
                    "table1_*.csv: k_bath 8 mM, G_glia 66, epsilon 1.2, 65 s)",
           "checks": {}}
    for prefix in ("rest", "seizure"):
        tight, s = load(prefix + "_trajectory.csv"), spikes(prefix + "_spikes.csv")
        for tag, label in (("lsoda11", "LSODA rtol 1e-11 atol 1e-13"), ("dop853", "DOP853 rtol 1e-12 atol 1e-14")):
            name = os.path.join(check, "%s_%s" % (prefix, tag))
            if not os.path.exists(name + "_trajectory.csv"):
                continue
            other, s2 = load(name + "_trajectory.csv"), spikes(name + "_spikes.csv")
            out["checks"]["%s vs %s" % (prefix, label)] = {
                "quiet_samples": {c: max_diff(tight, other, c, s, True) for c in ("vm_mV", "K_o_mM", "Na_i_mM", "Ca_i_mM")},
                "samples_near_spikes": {c: max_diff(tight, other, c, s, False) for c in ("vm_mV", "K_o_mM", "Na_i_mM", "Ca_i_mM")},
                "spike_count": [len(s), len(s2)],
                "max_abs_spike_time_diff_s": max(abs(a - b) for a, b in zip(s, s2)) if s else None}
    out["published_behaviour"] = {
        "k_bath_4": behaviour(load("rest_trajectory.csv"), spikes("rest_spikes.csv")),
        "k_bath_8": behaviour(load("seizure_trajectory.csv"), spikes("seizure_spikes.csv")),
        "k_bath_8_table1_G_glia_66_epsilon_1.2": behaviour(load("table1_trajectory.csv"), spikes("table1_spikes.csv"))}
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
