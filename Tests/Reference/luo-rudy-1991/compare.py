#!/usr/bin/env python3
"""Compares two `reference.py beats` outputs (the tight LSODA reference and a check run): the largest differences of
V at the chosen times, of each beat's rest, peak, Vmax and APD90, and of the spike times. Prints JSON."""
import json
import sys


def main(a_path, b_path):
    a, b = json.load(open(a_path)), json.load(open(b_path))
    out = {"reference": "%s rtol %g" % (a["method"], a["rtol"]), "check": "%s rtol %g" % (b["method"], b["rtol"])}
    out["max_abs_V_mV"] = max(abs(a["v_at_ms"][k] - b["v_at_ms"][k]) for k in a["v_at_ms"])
    for key in ("rest_mV", "peak_mV", "vmax_V_per_s", "apd90_ms"):
        out["max_abs_" + key] = max(abs(x[key] - y[key]) for x, y in zip(a["beats"], b["beats"]))
    out["max_abs_spike_ms"] = max(abs(x - y) for x, y in zip(a["spike_times_ms"], b["spike_times_ms"]))
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
