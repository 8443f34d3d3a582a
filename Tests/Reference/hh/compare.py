#!/usr/bin/env python3
"""Compares the NEURON runs and the DOP853 tolerance check with the tight DOP853 reference; prints summary.json.
Spike trains are paired by index (k-th spike with k-th spike); errors are max |t_peer - t_ref| over the pairs.
Usage: compare.py (in this folder, after generate.sh has written the CSV and JSON files)
"""
import csv, json, os

HERE = os.path.dirname(os.path.abspath(__file__))


def spikes(name, column="time_ms"):
    return [float(r[column]) for r in csv.DictReader(open(os.path.join(HERE, name))) if r[column] != ""]


def rows(name):
    return list(csv.DictReader(open(os.path.join(HERE, name))))


def train_error(ref, peer, until_ms):
    ref = [t for t in ref if t < until_ms]
    peer = [t for t in peer if t < until_ms]
    pairs = list(zip(ref, peer))
    return {"until_ms": until_ms, "reference_count": len(ref), "peer_count": len(peer),
            "max_abs_error_ms": max(abs(a - b) for a, b in pairs) if pairs else None,
            "last_spike_error_ms": abs(ref[-1] - peer[-1]) if ref and len(ref) == len(peer) else None}


def population_error(ref_rows, peer_rows):
    peer = {int(r["index"]): r for r in peer_rows}
    mism, err, n = [], 0.0, 0
    for r in ref_rows:
        k = int(r["index"])
        if k not in peer:
            continue
        p = peer[k]
        n += 1
        if int(r["spike_count"]) != int(p["spike_count"]):
            mism.append({"index": k, "stimulus_uA_per_cm2": float(r["stimulus_uA_per_cm2"]),
                         "reference": int(r["spike_count"]), "peer": int(p["spike_count"]),
                         "reference_last_spike_ms": float(r["last_spike_ms"]) if r["last_spike_ms"] else None,
                         "peer_last_spike_ms": float(p["last_spike_ms"]) if p["last_spike_ms"] else None})
        if r["first_spike_ms"] and p["first_spike_ms"]:
            err = max(err, abs(float(r["first_spike_ms"]) - float(p["first_spike_ms"])))
    last_err = max((abs(float(r["last_spike_ms"]) - float(peer[int(r["index"])]["last_spike_ms"]))
                    for r in ref_rows if int(r["index"]) in peer and r["last_spike_ms"]
                    and peer[int(r["index"])]["last_spike_ms"]
                    and r["spike_count"] == peer[int(r["index"])]["spike_count"]), default=None)
    return {"cells": n, "count_mismatches": len(mism), "mismatches": mism, "max_first_spike_error_ms": err,
            "max_last_spike_error_ms_where_counts_agree": last_err,
            "reference_total_spikes": sum(int(r["spike_count"]) for r in ref_rows if int(r["index"]) in peer),
            "peer_total_spikes": sum(int(p["spike_count"]) for p in peer_rows)}


def main():
    ref10 = spikes("scipy_dop853_10s_10uA.csv")
    out = {"reference": "scipy DOP853 rtol = atol = 1e-12 (scipy_dop853_10s_10uA.csv, "
                        "scipy_dop853_population_1s.csv)"}
    out["dop853_tolerance_check"] = {
        "single_10s_rtol1e-13_vs_1e-12": train_error(ref10, spikes("scipy_dop853_tol1e-13_10s_10uA.csv"), 10000.0),
        "population_rtol1e-13_vs_1e-12": population_error(rows("scipy_dop853_population_1s.csv"),
                                                          rows("scipy_dop853_tol1e-13_population_check.csv"))}
    out["neuron_cvode_atol1e-8"] = {
        "1s_hermite": train_error(ref10, spikes("neuron_cvode_atol1e-8_1s_10uA.csv"), 1000.0),
        "1s_netcon_condition_order2": train_error(ref10, spikes("neuron_cvode_atol1e-8_1s_10uA.csv", "netcon_ms"), 1000.0),
        "10s_hermite": train_error(ref10, spikes("neuron_cvode_atol1e-8_10s_10uA.csv"), 10000.0)}
    fixed = spikes("neuron_fixed_dt0.025_10s_10uA.csv")
    out["neuron_fixed_dt0.025"] = {
        "1s_linear": train_error(ref10, fixed, 1000.0),
        "10s_linear": train_error(ref10, fixed, 10000.0),
        "population_1s_netcon": population_error(rows("scipy_dop853_population_1s.csv"),
                                                 rows("neuron_fixed_dt0.025_population_1s.csv"))}
    rn = json.load(open(os.path.join(HERE, "rest_neuron.json")))
    rs = json.load(open(os.path.join(HERE, "rest_scipy.json")))
    out["rest"] = {"neuron_cvode_settled_mV": rn["vm_mV"], "root_mV": rs["vm_mV"],
                   "difference_mV": rn["vm_mV"] - rs["vm_mV"]}
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
