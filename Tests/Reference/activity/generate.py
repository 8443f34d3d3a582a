"""Generates the PHREEQC reference data for Membrane's activity-model tests.

PHREEQC 3.8.6 (the IPhreeqc build bundled with pyEQL 1.7.0, module pyEQL._phreeqc) computes the
speciation and activity coefficients of physiological solutions at 25 and 37 °C with
  - phreeqc.dat as shipped (Truesdell–Jones `-gamma a b` where the database gives them, Davies
    for charged species without them)            -> dataset "truesdell-jones"
  - phreeqc.dat with every `-gamma` line removed (PHREEQC then uses the Davies equation for every
    charged species)                              -> dataset "davies"
  - pitzer.dat (Pitzer, MacInnes scale)           -> dataset "pitzer" (solutions it covers)
For every solution, the species molalities, their charges, PHREEQC's log10 γ and the ionic
strength μ are written to phreeqc-activity.json. The Swift tests rebuild each solution from the
species molalities and compare their own γ with PHREEQC's (no Python at test time).
Run: Tests/Reference/activity/generate.sh
"""
import json
import re
import sys
from importlib import resources
from pathlib import Path

from pyEQL._phreeqc import PyIPhreeqc
import pyEQL.phreeqc
from pyEQL.phreeqc.var import Var

HERE = Path(__file__).resolve().parent
DB_DIR = Path(str(resources.files("pyEQL.phreeqc.database")))

# Solutions in mmol/kg water. Organic anions (gluconate, HEPES, ATP) are not in phreeqc.dat:
# they are defined below as new master species without -gamma, so PHREEQC treats them with Davies.
SOLUTIONS = {
    "acsf": {  # 125 NaCl, 2.5 KCl, 1.25 NaH2PO4, 25 NaHCO3, 2 CaCl2, 1 MgCl2 (glucose omitted: neutral)
        "Na": 151.25, "K": 2.5, "Cl": 133.5, "Ca": 2.0, "Mg": 1.0, "P": 1.25, "C(4)": 25.0,
    },
    "ringer": {"Na": 147.0, "K": 4.0, "Ca": 2.25, "Cl": 155.5},  # USP Ringer's injection
    "k-gluconate-internal": {"K": 140.0, "Na": 10.0, "Mg": 2.0, "Cl": 10.0, "Gluc": 130.0, "Hepes": 6.0, "Atp": 2.0},
    "nacl-150": {"Na": 150.0, "Cl": 150.0},
    "plasma-like": {"Na": 142.0, "K": 4.5, "Ca": 2.5, "Mg": 0.9, "Cl": 103.0, "C(4)": 27.0, "P": 1.0, "S(6)": 0.5},
}
PITZER_SOLUTIONS = ["ringer", "nacl-150"]
ORGANICS = """
SOLUTION_MASTER_SPECIES
    Gluc   Gluc-   0   195.1   195.1
    Hepes  Hepes-  0   237.3   237.3
    Atp    Atp-4   0   503.1   503.1
SOLUTION_SPECIES
    Gluc- = Gluc-
        log_k 0
    Hepes- = Hepes-
        log_k 0
    Atp-4 = Atp-4
        log_k 0
"""
PUNCH = """
SELECTED_OUTPUT
    -reset false
USER_PUNCH
    -headings mu
    10 PUNCH MU
    20 t = SYS("aq", count, name$, type$, moles)
    30 FOR i = 1 TO count
    40   PUNCH name$(i), MOL(name$(i)), LG(name$(i))
    50 NEXT i
"""


def charge(species: str) -> int:
    m = re.search(r"([+-])(\d*)$", species)
    if not m:
        return 0
    n = int(m.group(2)) if m.group(2) else 1
    return n if m.group(1) == "+" else -n


def run(database_text: str, solution: dict, celsius: float, organics: bool) -> dict:
    ip = PyIPhreeqc()
    db = HERE / "_db.tmp"
    db.write_text(database_text, encoding="latin-1")
    ip.load_database(str(db))
    db.unlink()
    lines = ["SOLUTION 1", f"    temp {celsius}", "    pH 7.4", "    units mmol/kgw"]
    lines += [f"    {k} {v}" for k, v in solution.items()]
    text = (ORGANICS if organics else "") + "\n".join(lines) + "\n" + PUNCH + "END\n"
    ip.run_string(text)
    if ip.get_error_string():
        raise RuntimeError(ip.get_error_string())
    ncol = ip.get_selected_output_column_count()
    var = Var()
    row = []
    for j in range(ncol):
        ip.get_value(1, j, var._var.var)
        row.append(var.value)
    mu = row[0]
    species = []
    for j in range(1, len(row) - 2, 3):
        name, mol, lg = row[j], row[j + 1], row[j + 2]
        if name is None or name == "" or mol is None or mol < 1e-12 or name == "H2O":
            continue
        species.append({"name": name, "charge": charge(name), "molality": mol, "log10_gamma": lg})
    return {"ionic_strength_molal": mu, "species": species}


def main() -> None:
    phreeqc_dat = (DB_DIR / "phreeqc.dat").read_bytes().decode("latin-1")
    pitzer_dat = (DB_DIR / "pitzer.dat").read_bytes().decode("latin-1")
    davies_dat = "\n".join(l for l in phreeqc_dat.splitlines() if not l.strip().startswith("-gamma"))
    out = {
        "tool": "PHREEQC (IPhreeqc) %s, as bundled with pyEQL 1.7.0" % pyEQL.phreeqc.__version__,
        "databases": {
            "truesdell-jones": "phreeqc.dat as bundled (" + phreeqc_dat.splitlines()[0].strip("# ") + ")",
            "davies": "the same phreeqc.dat with every -gamma line removed (Davies for all charged species)",
            "pitzer": "pitzer.dat as bundled",
        },
        "units": "molality in mol/kg water; log10_gamma is PHREEQC's LG(); ionic strength is PHREEQC's MU",
        "input_units": "mmol/kgw, pH 7.4",
        "solutions_mmol_per_kgw": SOLUTIONS,
        "cases": [],
    }
    for celsius in (25.0, 37.0):
        for name, sol in SOLUTIONS.items():
            organics = any(k in sol for k in ("Gluc", "Hepes", "Atp"))
            for model, db in (("truesdell-jones", phreeqc_dat), ("davies", davies_dat)):
                r = run(db, sol, celsius, organics)
                out["cases"].append({"solution": name, "model": model, "temperature_C": celsius, **r})
            if name in PITZER_SOLUTIONS:
                r = run(pitzer_dat, sol, celsius, False)
                out["cases"].append({"solution": name, "model": "pitzer", "temperature_C": celsius, **r})
    (HERE / "phreeqc-activity.json").write_text(json.dumps(out, indent=1) + "\n")
    print("wrote", HERE / "phreeqc-activity.json", len(out["cases"]), "cases", file=sys.stderr)


if __name__ == "__main__":
    main()
