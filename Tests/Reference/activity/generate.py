"""Generates the PHREEQC reference data for Membrane's activity-model tests.

PHREEQC 3.8.6 (the IPhreeqc build bundled with pyEQL 1.7.0, module pyEQL._phreeqc) computes the
speciation and activity coefficients of physiological solutions at 25 and 37 °C with
  - phreeqc.dat as shipped (Truesdell–Jones `-gamma a b` where the database gives them, Davies
    for charged species without them)            -> dataset "truesdell-jones"
  - phreeqc.dat with every `-gamma` line removed (PHREEQC then uses the Davies equation for every
    charged species)                              -> dataset "davies"
  - pitzer.dat with Membrane's parameter set for Na+, K+, Ca+2, Mg+2, H+, Cl-, SO4-2, HCO3-
    (pitzer-hmw84.dat: Harvie, Moller & Weare 1984 at 25 degC with the temperature terms of the
    pre-2015 pitzer.dat) appended as an input PITZER block, which replaces the bundled values of
    those pairs; bundled parameters among these ions that the set does not have (e.g. Appelo's
    beta2 of CaCl2) are set to 0 in the same block. MacInnes scale.
                                                  -> dataset "pitzer" (solutions it covers)
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
# Solutions run with the Pitzer model only: they exercise the Mg, SO4 and HCO3 pairs, the beta2 of the
# 2:2 pairs, theta/psi and the unsymmetrical-mixing terms that Ringer's solution and NaCl do not.
PITZER_ONLY_SOLUTIONS = {
    # Krebs-Henseleit bicarbonate buffer without phosphate and glucose (Krebs & Henseleit 1932):
    # 118 NaCl, 4.7 KCl, 2.5 CaCl2, 1.2 MgSO4, 25 NaHCO3 (KH2PO4 omitted: pitzer.dat has no phosphate).
    "krebs-no-phosphate": {"Na": 143.0, "K": 4.7, "Ca": 2.5, "Mg": 1.2, "Cl": 127.7, "S(6)": 1.2, "C(4)": 25.0},
    # The major ions of reference-composition seawater, S = 35 (Millero et al. 2008, Deep-Sea Res. I 55:50),
    # per kg of water, rounded; I = 0.72:
    # a stringent test of the mixing terms.
    "seawater-major-ions": {"Na": 486.0, "K": 10.6, "Ca": 10.7, "Mg": 54.7, "Cl": 566.0, "S(6)": 29.3},
}
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


def run(database_text: str, solution: dict, celsius: float, organics: bool, extra_input: str = "") -> dict:
    ip = PyIPhreeqc()
    db = HERE / "_db.tmp"
    db.write_text(database_text, encoding="latin-1")
    ip.load_database(str(db))
    db.unlink()
    lines = ["SOLUTION 1", f"    temp {celsius}", "    pH 7.4", "    units mmol/kgw"]
    lines += [f"    {k} {v}" for k, v in solution.items()]
    text = extra_input + (ORGANICS if organics else "") + "\n".join(lines) + "\n" + PUNCH + "END\n"
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


PITZER_IONS = {"Na+", "K+", "Ca+2", "Mg+2", "H+", "Cl-", "SO4-2", "HCO3-"}
PITZER_SECTIONS = ("-B0", "-B1", "-B2", "-C0", "-THETA", "-LAMBDA", "-ZETA", "-PSI")


def pitzer_entries(text: str) -> dict:
    """(section, frozenset of species) -> species as written, for the PITZER block of `text`,
    restricted to entries whose species are all in PITZER_IONS."""
    out, section, inside = {}, None, False
    for raw in text.splitlines():
        line = raw.split("#")[0].strip()
        if not line:
            continue
        first = line.split()[0]
        if re.fullmatch(r"[A-Z_]{4,}", first):  # a keyword: PITZER starts the block, any other ends it
            inside = first == "PITZER"
            section = None
            continue
        if not inside:
            continue
        if first.startswith("-"):
            section = first.upper() if first.upper() in PITZER_SECTIONS else None
            continue
        if section is None:
            continue
        n = 3 if section in ("-PSI", "-ZETA") else 2
        species = line.split()[:n]
        if all(sp in PITZER_IONS for sp in species):
            out[(section, frozenset(species))] = species
    return out


def membrane_pitzer_block(bundled: str) -> str:
    """pitzer-hmw84.dat, followed by zero entries for the bundled parameters among PITZER_IONS that
    the HMW84 set does not have (PHREEQC replaces a parameter that is defined again)."""
    block = (HERE / "pitzer-hmw84.dat").read_text().rstrip("\n").splitlines()
    ours = pitzer_entries("\n".join(block))
    missing = {}
    for key, species in pitzer_entries(bundled).items():
        if key not in ours:
            missing.setdefault(key[0], []).append("  " + "  ".join(species) + "  0   # not in the HMW84 set")
    for section in PITZER_SECTIONS:
        if section in missing:
            block.append(section)
            block.extend(sorted(missing[section]))
    return "\n".join(block) + "\n"


def main() -> None:
    phreeqc_dat = (DB_DIR / "phreeqc.dat").read_bytes().decode("latin-1")
    pitzer_dat = (DB_DIR / "pitzer.dat").read_bytes().decode("latin-1")
    davies_dat = "\n".join(l for l in phreeqc_dat.splitlines() if not l.strip().startswith("-gamma"))
    pitzer_block = membrane_pitzer_block(pitzer_dat)
    out = {
        "tool": "PHREEQC (IPhreeqc) %s, as bundled with pyEQL 1.7.0" % pyEQL.phreeqc.__version__,
        "databases": {
            "truesdell-jones": "phreeqc.dat as bundled (" + phreeqc_dat.splitlines()[0].strip("# ") + ")",
            "davies": "the same phreeqc.dat with every -gamma line removed (Davies for all charged species)",
            "pitzer": "pitzer.dat as bundled, with the input PITZER block `pitzer_block` (pitzer-hmw84.dat plus "
            "zeros for the bundled parameters among Na+, K+, Ca+2, Mg+2, H+, Cl-, SO4-2, HCO3- that it lacks)",
        },
        "units": "molality in mol/kg water; log10_gamma is PHREEQC's LG(); ionic strength is PHREEQC's MU",
        "input_units": "mmol/kgw, pH 7.4",
        "solutions_mmol_per_kgw": {**SOLUTIONS, **PITZER_ONLY_SOLUTIONS},
        "pitzer_block": pitzer_block,
        "cases": [],
    }
    for celsius in (25.0, 37.0):
        for name, sol in SOLUTIONS.items():
            organics = any(k in sol for k in ("Gluc", "Hepes", "Atp"))
            for model, db in (("truesdell-jones", phreeqc_dat), ("davies", davies_dat)):
                r = run(db, sol, celsius, organics)
                out["cases"].append({"solution": name, "model": model, "temperature_C": celsius, **r})
            if name in PITZER_SOLUTIONS:
                r = run(pitzer_dat, sol, celsius, False, pitzer_block)
                out["cases"].append({"solution": name, "model": "pitzer", "temperature_C": celsius, **r})
        for name, sol in PITZER_ONLY_SOLUTIONS.items():
            r = run(pitzer_dat, sol, celsius, False, pitzer_block)
            out["cases"].append({"solution": name, "model": "pitzer", "temperature_C": celsius, **r})
    (HERE / "phreeqc-activity.json").write_text(json.dumps(out, indent=1) + "\n")
    print("wrote", HERE / "phreeqc-activity.json", len(out["cases"]), "cases", file=sys.stderr)


if __name__ == "__main__":
    main()
