"""Side-by-side peer for `membrane bench`: the same Nernst and GHK evaluations in Python.

The formulas are written out independently of Membrane's Swift code (NEURON's ghk() form for the
current, the closed GHK voltage equation, and scipy's brentq for the root with Ca2+), with the
same inputs as BenchCommand.swift, so the ratio compares like with like.
Run: Benchmarks/.venv/bin/python Benchmarks/peers/electro_peer.py
"""
import json
import math
import timeit

from scipy.optimize import brentq

F = 1.602176634e-19 * 6.02214076e23
R = 1.380649e-23 * 6.02214076e23
T = 310.15
VT = R * T / F


def nernst(z, cin, cout):
    return VT / z * math.log(cout / cin)


def ghk_closed(k_o):
    num = 1.0 * k_o + 0.04 * 145 + 0.45 * 7
    den = 1.0 * 140 + 0.04 * 12 + 0.45 * 120
    return VT * math.log(num / den)


def efun(x):
    return 1 - x / 2 if abs(x) < 1e-4 else x / math.expm1(x)


def ghk_i(z, cin, cout, v):
    u = z * v / VT
    return z * (cin * efun(-u) - cout * efun(u))


def ghk_root(k_o):
    ions = [(1, 140, k_o, 1.0), (1, 12, 145, 0.04), (-1, 7, 120, 0.45), (2, 1e-4, 2, 0.1)]
    f = lambda v: sum(p * ghk_i(z, ci, co, v) for z, ci, co, p in ions)
    return brentq(f, -0.2, 0.2, xtol=1e-15)


def per_second(stmt, number):
    t = min(timeit.repeat(stmt, number=number, repeat=3))
    return number / t


if __name__ == "__main__":
    i = [0]

    def step():
        i[0] = (i[0] + 1) & 7
        return i[0]

    results = {
        "nernst (python math)": per_second(lambda: nernst(1, 140 + step(), 5), 200_000),
        "ghk voltage, K/Na/Cl closed form": per_second(lambda: ghk_closed(5 + step()), 200_000),
        "ghk voltage, K/Na/Cl/Ca root (scipy brentq)": per_second(lambda: ghk_root(5 + step()), 5_000),
        "ghk current density, one ion": per_second(lambda: ghk_i(2, 1e-4, 2, -0.020 + step() * 1e-3), 200_000),
    }
    print(json.dumps(results, indent=2))
