#!/usr/bin/env python3
"""Fuzz the built `membrane` binary with a bounded, reproducible sample of hostile inputs.

Each case takes a valid command line, replaces (or adds) one option with a hostile value -- a number at the
edges of Double, a non-number, a malformed, duplicated, Unicode or huge string, a broken configuration file --
and runs it in text or --json mode under a memory limit (ulimit -v) and a time limit. It asserts the error
contract of docs/CLI-CONTRACT.md section 8:

  * the exit status is 0, 64, 65 or 70 (no trap, no kill by the limits);
  * on an error stdout is empty; in text mode stderr starts with "error:", with --json it is one JSON object
    {"error": {"field", "value", "message"}} with a non-empty field and message;
  * no "nan" or "inf" is printed (stdout or stderr), and every number in a JSON result is finite;
  * an error quotes at most a bounded excerpt of the value (no 120 kB echo).

Usage: scripts/fuzz-cli.py [--binary .build/debug/membrane] [--cases 300] [--seed 20261206] [--verbose]
Exit status 0 when every case holds, 1 otherwise (each violation is printed).
"""
import argparse
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time

MEMORY_LIMIT = 4 << 30  # bytes of address space (ulimit -v)
TIME_LIMIT = 20  # seconds per case
ALLOWED_STATUS = {0, 64, 65, 70}

NUMBERS = ["0", "-0", "5e-324", "-5e-324", "2.2250738585072014e-308", "1e-300", "-1e-300", "1e308", "-1e308",
           "1.7976931348623157e308", "1e999", "-1", "-70", "1e10", "100", "0.5", "nan", "-nan", "inf", "-inf",
           "Infinity", "NaN", "1e308V", "-1e308mV", "1e-300K", "9.3e18", "139.9K", "0x10", "1_000", "1,5"]
STRINGS = ["", " ", ",", "=", "K=", "=1", "K=1,", "K=1e308,Na=1e-308", "K=1e308,Na=1e308", "K=0,Na=0", "K=1,K=2",
           "K=5,potassium=6", "K=nan", "K=-1", "Ca=0", "X(z=+100)=1", "NaCl 1e308", "KCl 150, KCl 150",
           "NaCl 150, pH 99 NaOH", "290±inf", "290±nan", "1:1e308:3", "none", "Κ=1", "K⁺=140", "Ca²⁺=2", "🧪=1",
           "K\n=1", "K = 140 , Cl = 140", "X" * 120_000]

# A valid command line per command, and its options that take a value (the fuzz replaces one of them).
TARGETS = [
    (["nernst", "--ion", "K", "--inside", "140", "--outside", "5"],
     ["--ion", "--inside", "--outside", "--valence", "--gamma-inside", "--gamma-outside", "--temperature",
      "--inside-solution", "--activity-model"], 40),
    (["ghk", "--inside", "K=140,Na=12,Cl=7", "--outside", "K=5,Na=145,Cl=120", "--permeability", "K=1,Na=0.04,Cl=0.45"],
     ["--inside", "--outside", "--permeability", "--pump-ratio", "--temperature", "--activity-model"], 35),
    (["ghk-current", "--ion", "K", "--inside", "140", "--outside", "5", "--permeability", "1e-6", "--voltage", "-20"],
     ["--ion", "--inside", "--outside", "--permeability", "--voltage", "--from", "--to", "--step"], 25),
    (["drive", "--ion", "Na", "--inside", "12", "--outside", "145", "--vm", "-70"],
     ["--ion", "--inside", "--outside", "--vm", "--temperature"], 20),
    (["charge", "--vm", "-80", "--radius-um", "10"], ["--vm", "--radius-um", "--capacitance-uF-per-cm2", "--inside"], 20),
    (["chord", "--conductance", "K=1,Na=0.05", "--reversal", "K=-89,Na=61"], ["--conductance", "--reversal", "--inside"], 20),
    (["report"], ["--preset", "--vm", "--pump-ratio", "--radius-um", "--temperature", "--inside", "--permeability"], 25),
    (["activity", "--solution", "Na=145,K=5,Cl=120"], ["--solution", "--model", "--temperature"], 20),
    (["osmolarity", "--solution", "NaCl 150"], ["--solution", "--model", "--target-osmolarity", "--temperature"], 15),
    (["recipe", "KCl 140, HEPES 10, pH 7.3 KOH"], ["--target-osmolarity", "--temperature", "--model"], 15),
    (["ljp", "--pipette", "K=140,Cl=140", "--bath", "Na=150,Cl=150", "--method", "henderson"],
     ["--pipette", "--bath", "--measured-vm", "--temperature", "--mobilities", "--electroneutralize"], 20),
    (["donnan", "--outside", "K=100,Cl=100", "--inside-impermeant", "charge=-1.2,concentration=120", "--permeant", "K,Cl"],
     ["--outside", "--inside-impermeant", "--permeant", "--wall-modulus-MPa", "--temperature"], 15),
    (["ions"], ["--temperature"], 5),
    (["steady-state", "--preset", "keener-sneyd", "--pump-rate", "3"], ["--pump-rate", "--temperature", "--atp-mM"], 10),
]

# Configuration files for steady-state: hostile values at their key paths, broken JSON.
CONFIGS = [
    '{"events": [{"time_s": 10, "action": "activity", "activity": 5}]}',
    '{"events": [{"time_s": 10, "action": "release"}, {"time_s": 20, "action": "block"}]}',
    '{"inside_mM": {"K": 140, "potassium": 100}}',
    '{"inside_mM": {"K": 1e308}}', '{"radius_um": 1e200}', '{"capacitance_uF_per_cm2": -1}',
    '{"impermeant": {"charge": 1e308}}', '{"conductances_mS_per_cm2": {"K": 1e308}}', '{"pump": {"activity": -0.5}}',
    '{"temperature_C": 1e6}', '{"delta_g_atp_kJ_per_mol": -1e308}', '{"ions": ["K", "potassium", "Na", "Cl"]}',
    '{"inside_mM": {"K": NaN}}', '{"inside_mM": ', '[]', '', '{"name": "' + "x" * 100_000 + '"}', '{"pump": null}',
]

NONFINITE = re.compile(r"(?<![a-z])(-?nan|-?inf|infinity)(?![a-z])", re.IGNORECASE)


def limits():
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def json_finite(value):
    if isinstance(value, float):
        return value == value and abs(value) != float("inf")
    if isinstance(value, list):
        return all(json_finite(v) for v in value)
    if isinstance(value, dict):
        return all(json_finite(v) for v in value.values())
    return True


def check(binary, args, json_mode):
    """Runs one case; returns a list of violations (empty when it holds)."""
    argv = [binary] + args + (["--json"] if json_mode else [])
    started = time.monotonic()
    try:
        p = subprocess.run(argv, capture_output=True, timeout=TIME_LIMIT, preexec_fn=limits, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        return [f"no answer within {TIME_LIMIT} s"]
    out = p.stdout.decode("utf-8", "replace")
    err = p.stderr.decode("utf-8", "replace")
    problems = []
    if p.returncode not in ALLOWED_STATUS:
        problems.append(f"exit status {p.returncode} (stderr: {err[:200]!r})")
    # Non-finite numbers as words in a result (an error may quote the user's own "nan").
    if p.returncode == 0 and NONFINITE.search(out):
        problems.append(f"a non-finite number in the output: {NONFINITE.search(out).group(0)!r}")
    if p.returncode != 0:
        if out.strip():
            problems.append("output on stdout with an error")
        if len(err) > 4000:
            problems.append(f"an error of {len(err)} characters")
        if json_mode:
            try:
                doc = json.loads(err)
                e = doc["error"]
                if not e.get("field") or not e.get("message"):
                    problems.append(f"a JSON error without field or message: {err[:200]!r}")
            except (ValueError, KeyError, TypeError):
                problems.append(f"stderr is not a JSON error object: {err[:200]!r}")
        elif not err.lower().startswith("error:"):
            problems.append(f"stderr does not start with 'error:': {err[:200]!r}")
    elif json_mode:
        try:
            if not json_finite(json.loads(out)):
                problems.append("a non-finite number in the JSON")
        except ValueError:
            problems.append(f"stdout is not JSON: {out[:200]!r}")
    if time.monotonic() - started > TIME_LIMIT:
        problems.append("slow")
    return problems


def cases(rng, total, config_dir):
    weights = [t[2] for t in TARGETS]
    scale = total / (sum(weights) + len(CONFIGS))
    out = []
    for base, options, weight in TARGETS:
        for _ in range(max(1, round(weight * scale))):
            option = rng.choice(options)
            value = rng.choice(NUMBERS + STRINGS)
            args = list(base)
            if option in args:
                i = args.index(option)
                del args[i:i + 2]
            out.append(args + [f"{option}={value}"])
    for k, text in enumerate(CONFIGS):
        path = os.path.join(config_dir, f"config-{k}.json")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        out.append(["steady-state", "--config", path])
    out.append(["steady-state", "--config", os.path.join(config_dir, "missing.json")])
    rng.shuffle(out)
    return out[:max(total, len(CONFIGS) + 1)]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", default=".build/debug/membrane")
    parser.add_argument("--cases", type=int, default=300)
    parser.add_argument("--seed", type=int, default=20261206)
    parser.add_argument("--verbose", action="store_true")
    a = parser.parse_args()
    rng = random.Random(a.seed)
    started = time.monotonic()
    failures = 0
    with tempfile.TemporaryDirectory() as config_dir:
        drawn = cases(rng, a.cases, config_dir)
        for i, args in enumerate(drawn):
            json_mode = i % 2 == 1
            problems = check(a.binary, args, json_mode)
            shown = " ".join(x if len(x) < 80 else x[:60] + f"…({len(x)} chars)" for x in args)
            if problems:
                failures += 1
                print(f"FAIL membrane {shown}{' --json' if json_mode else ''}: " + "; ".join(problems))
            elif a.verbose:
                print(f"ok   membrane {shown}{' --json' if json_mode else ''}")
    elapsed = time.monotonic() - started
    print(f"fuzz-cli: {len(drawn)} cases (seed {a.seed}) in {elapsed:.1f} s")
    print(f"{len(drawn) - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
