"""Side-by-side peer for `membrane bench-activity`: activity coefficients of the same 10-ion plasma-like
solution (Na 142, K 4.5, Ca 2.5, Mg 0.9, Cl 103, HCO3 25, SO4 0.5, HPO4 0.8, H2PO4 0.2, H 4e-5 mM) with
pyEQL 1.7.0 and with PHREEQC 3.8.6 (IPhreeqc bundled with pyEQL), as evaluations per second of all 10 γ.
Run: Benchmarks/.venv/bin/python Benchmarks/peers/activity_peer.py
"""
import json
import time
import warnings

warnings.filterwarnings("ignore")
import logging  # noqa: E402

import pyEQL  # noqa: E402

logging.disable(logging.CRITICAL)  # pyEQL logs an ERROR per ion it cannot match to a salt
from pyEQL._phreeqc import PyIPhreeqc  # noqa: E402
from importlib import resources  # noqa: E402

IONS = {"Na+": 142, "K+": 4.5, "Ca+2": 2.5, "Mg+2": 0.9, "Cl-": 103, "HCO3-": 25, "SO4-2": 0.5,
        "HPO4-2": 0.8, "H2PO4-": 0.2}


def rate(fn, seconds=1.0):
    n, start = 0, time.perf_counter()
    while True:
        fn(n)
        n += 1
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            return n / elapsed


def pyeql_case(engine):
    def one(i):
        sol = pyEQL.Solution({k: f"{v + (i & 7) * 1e-4 if k == 'Na+' else v} mmol/L" for k, v in IONS.items()},
                             pH=7.4, temperature="37 degC", engine=engine)
        return [sol.get_activity_coefficient(k) for k in IONS]
    return one


def pyeql_reuse(engine):
    sol = pyEQL.Solution({k: f"{v} mmol/L" for k, v in IONS.items()}, pH=7.4, temperature="37 degC", engine=engine)
    def one(i):
        return [sol.get_activity_coefficient(k) for k in IONS]
    return one


def phreeqc_case(strip_gamma):
    ip = PyIPhreeqc()
    db = resources.files("pyEQL.phreeqc.database") / "phreeqc.dat"
    text = db.read_bytes().decode("latin-1")
    if strip_gamma:
        text = "\n".join(l for l in text.splitlines() if not l.strip().startswith("-gamma"))
    import tempfile, os
    fd, path = tempfile.mkstemp(suffix=".dat")
    os.write(fd, text.encode("latin-1")); os.close(fd)
    ip.load_database(path)
    os.unlink(path)
    def one(i):
        ip.run_string(f"""SOLUTION 1
 temp 37
 pH 7.4
 units mmol/kgw
 Na {142 + (i & 7) * 1e-4}
 K 4.5
 Ca 2.5
 Mg 0.9
 Cl 103
 C(4) 25
 S(6) 0.5
 P 1.0
SELECTED_OUTPUT
 -reset false
 -activities Na+ K+ Ca+2 Mg+2 Cl- HCO3- SO4-2 HPO4-2 H2PO4- H+
END
""")
    return one


results = {
    "pyeql native (new Solution + 10 γ)": rate(pyeql_case("native")),
    "pyeql native (same Solution, 10 γ)": rate(pyeql_reuse("native")),
    "pyeql ideal (same Solution, 10 γ)": rate(pyeql_reuse("ideal")),
    "pyeql phreeqc engine (new Solution + 10 γ)": rate(pyeql_case("phreeqc")),
    "PHREEQC run, truesdell-jones (phreeqc.dat)": rate(phreeqc_case(False)),
    "PHREEQC run, davies (phreeqc.dat without -gamma)": rate(phreeqc_case(True)),
}
print(json.dumps({"evaluations_per_second": results}, indent=1))
