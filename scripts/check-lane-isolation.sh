#!/usr/bin/env bash
# Checks that a built binary keeps its AVX2 code apart (VectorInstructionSet, LaneCodeCopy): every function that
# contains an AVX instruction (a VEX-encoded `v…` mnemonic, or a ymm/zmm register) must be one of MembraneLanesAVX2's:
# its symbol names that module or its LanePopulationAVX2.Code (both mangle with "AVX2"). A function of the portable
# path with AVX code in it (a specialisation the linker merged with the AVX2 copy's) would stop a processor without
# AVX2 with SIGILL; this fails the build instead.
# Usage: scripts/check-lane-isolation.sh [binary]   (default: the release `membrane`)
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${1:-.build/release/membrane}
[ -x "$binary" ] || { echo "check-lane-isolation: no binary at $binary (build it first)" >&2; exit 2; }
if [ "$(nm "$binary" | grep -c AVX2)" = 0 ]; then
    echo "check-lane-isolation: $binary has no AVX2 copy (a portable-only build): nothing to check"
    exit 0
fi
objdump -d --no-show-raw-insn "$binary" | awk '
    /^[0-9a-f]+ <.*>:$/ { name = $2; next }
    NF >= 2 && $1 ~ /:$/ {
        m = $2
        if ((m ~ /^v[a-z]/ && m != "verr" && m != "verw") || $0 ~ /%[yz]mm/) avx[name] = 1
    }
    END {
        bad = 0; good = 0
        for (f in avx) {
            if (f ~ /AVX2/) good++
            else { print "AVX code outside MembraneLanesAVX2: " f; bad++ }
        }
        printf "check-lane-isolation: %d functions with AVX code, all MembraneLanesAVX2'"'"'s: %s\n", good + bad, bad == 0 ? "yes" : "NO"
        exit bad > 0
    }'
