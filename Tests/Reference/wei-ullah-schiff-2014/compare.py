#!/usr/bin/env python3
"""Checks the tight reference (LSODA rtol 1e-12) against two other integrations (LSODA rtol 1e-11 and Radau rtol
1e-10, written by generate.sh to a scratch folder) before and after reoxygenation, and summarises the behaviour the
preset shows; prints summary.json.
Usage: compare.py CHECK_DIR
"""
import csv, json, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
REOXYGENATION = 120.0
COLUMNS = ("vm_mV", "K_o_mM", "Na_o_mM", "Na_i_mM", "volume_um3", "O2_mg_per_L")


def load(name):
    return list(csv.DictReader(open(name if os.path.isabs(name) else os.path.join(HERE, name))))


def max_diff(a, b, column, window):
    return max(abs(float(x[column]) - float(y[column])) for x, y in zip(a, b) if window(float(x["time_s"])))


def spikes(name):
    return [float(r["time_s"]) for r in load(name)]


def main():
    tight = load("reference_tight.csv")
    out = {"tight": "LSODA rtol 1e-12 atol 1e-14 (reference_tight*.csv)", "checks": {}}
    check = sys.argv[1]
    windows = {"until_125_s": lambda t: t <= REOXYGENATION + 5, "after_125_s": lambda t: t > REOXYGENATION + 5}
    for name, label in (("lsoda_rtol1e-11.csv", "LSODA rtol 1e-11 atol 1e-13"), ("radau_rtol1e-10.csv", "Radau rtol 1e-10 atol 1e-12")):
        other = load(os.path.join(check, name))
        out["checks"][label] = {w: {c: max_diff(tight, other, c, f) for c in COLUMNS} for w, f in windows.items()}
    s, s11 = (spikes("spikes_tight_kbath8.5.csv"), spikes(os.path.join(check, "spikes_kbath8.5_lsoda_rtol1e-11.csv")))
    out["checks"]["K_bath 8.5 spikes, LSODA rtol 1e-11"] = {"count": len(s11), "tight_count": len(s),
                                                           "max_abs_time_diff_s": max(abs(a - b) for a, b in zip(s, s11))}
    at = {int(float(r["time_s"])): r for r in tight}
    f = lambda t, c: float(at[t][c])
    out["behaviour"] = {
        "anoxia_20_to_120_s": {c: {t: f(t, c) for t in (0, 20, 40, 60, 119, 200, 400)} for c in COLUMNS + ("volume_ecs_um3",)},
        "normoxia": {c: {t: float(r[c]) for r in load("reference_tight_normoxia.csv") for t in (int(float(r["time_s"])),) if t in (0, 10, 50, 100)}
                     for c in ("vm_mV", "K_o_mM", "volume_um3")},
        "K_bath_8.5": {"spike_count": len(s), "first_spike_s": s[0], "last_spike_s": s[-1]},
    }
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
