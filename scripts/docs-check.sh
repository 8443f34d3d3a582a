#!/usr/bin/env bash
# Builds the DocC documentation of the `Membrane` library and checks it:
#   - docc convert with --warnings-as-errors (broken links, bad directives, missing tutorial code files fail);
#   - no public symbol without a doc comment beyond those listed in scripts/docs-undocumented.txt
#     (the list may only shrink: a new undocumented symbol fails; see scripts/docs-coverage.py).
# Output: .build/docs/Membrane.doccarchive (open it with `docc preview`, or serve the static copy in
# .build/docs/site with any web server: python3 -m http.server -d .build/docs/site, then /documentation/membrane).
#
# Why not `swift package generate-documentation`: Membrane is an umbrella of `@_exported import`s, and the
# symbol graph SwiftPM extracts for it is empty. swift-symbolgraph-extract's
# -experimental-allowed-reexported-modules puts the five layers' symbols into the `Membrane` module, as users
# see them after `import Membrane`.
set -euo pipefail
cd "$(dirname "$0")/.."
swift=${SWIFT_BIN:-$(dirname "$(readlink -f "$(command -v swift)")")}
docc=${DOCC:-$swift/docc}
out=.build/docs
swift build --target Membrane >/dev/null
bin=$(swift build --show-bin-path 2>/dev/null)
rm -rf "$out" && mkdir -p "$out/symbol-graphs"
numerics_map=$(find .build/checkouts/swift-numerics/Sources/_NumericsShims -name module.modulemap | head -1)
"$swift/swift-symbolgraph-extract" -module-name Membrane -target "$(swift -print-target-info | python3 -c 'import json,sys; print(json.load(sys.stdin)["target"]["triple"])')" \
    -I "$bin/Modules" -Xcc "-fmodule-map-file=$numerics_map" -minimum-access-level public -skip-inherited-docs \
    -experimental-allowed-reexported-modules=MembraneUnits,MembraneNumerics,MembraneLanes,MembraneChemistry,MembranePhysics,MembraneDynamics \
    -output-dir "$out/symbol-graphs"
"$docc" convert Sources/Membrane/Membrane.docc --additional-symbol-graph-dir "$out/symbol-graphs" \
    --fallback-display-name Membrane --fallback-bundle-identifier org.membrane.Membrane \
    --warnings-as-errors --output-path "$out/Membrane.doccarchive"
"$docc" process-archive transform-for-static-hosting "$out/Membrane.doccarchive" --output-path "$out/site" >/dev/null 2>&1 \
    || echo "note: static-hosting copy not written (docc process-archive unavailable)"
python3 scripts/docs-coverage.py "$out/symbol-graphs/Membrane.symbols.json" scripts/docs-undocumented.txt
