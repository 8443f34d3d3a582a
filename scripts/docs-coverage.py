#!/usr/bin/env python3
"""Documentation coverage of the `Membrane` symbol graph.

A public symbol counts as documented when it has its own doc comment, or when DocC shows a protocol requirement's
documentation for it (implementations of requirements, default implementations, synthesized members).
Usage: docs-coverage.py SYMBOLS.json BASELINE [--write]
Fails when a symbol is undocumented and not in BASELINE (one `kind path` per line); --write rewrites BASELINE.
"""
import json, sys

graph, baseline_path = sys.argv[1], sys.argv[2]
data = json.load(open(graph))
inherited = {r["source"] for r in data["relationships"]
             if r["kind"] == "defaultImplementationOf" or r.get("sourceOrigin")}

def key(s):
    return f'{s["kind"]["identifier"]} {".".join(s["pathComponents"])}'

symbols = data["symbols"]
undocumented = sorted({key(s) for s in symbols
                       if not s.get("docComment") and s["identifier"]["precise"] not in inherited
                       and "::SYNTHESIZED::" not in s["identifier"]["precise"]})
total = len({key(s) for s in symbols})
print(f"documentation coverage: {total - len(undocumented)}/{total} public symbols documented "
      f"({100 * (total - len(undocumented)) / total:.1f} %)")
if "--write" in sys.argv:
    header = ("# Public symbols still without a doc comment (issue 15). The list may only shrink: document a symbol,\n"
              "# then regenerate it: python3 scripts/docs-coverage.py .build/docs/symbol-graphs/Membrane.symbols.json "
              "scripts/docs-undocumented.txt --write\n")
    open(baseline_path, "w").write(header + "".join(u + "\n" for u in undocumented))
    sys.exit(0)
baseline = {line.strip() for line in open(baseline_path) if line.strip() and not line.startswith("#")}
new = [u for u in undocumented if u not in baseline]
fixed = sorted(baseline - set(undocumented))
if fixed:
    print(f"{len(fixed)} symbols of {baseline_path} are documented now (or gone): remove them with "
          f"`python3 scripts/docs-coverage.py {graph} {baseline_path} --write`")
if new:
    print("undocumented public symbols (write a doc comment: the equation and its source where physical):")
    for u in new:
        print("  " + u)
    sys.exit(1)
