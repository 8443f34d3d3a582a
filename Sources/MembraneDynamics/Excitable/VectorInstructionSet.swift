#if canImport(Glibc)
import Glibc
#endif

/// The vector instructions a population on the lane kernels runs with (``SpikingSolver/instructionSet``).
///
/// The default build of a Swift package targets the architecture's baseline: on x86-64 that is SSE2, 128-bit
/// registers, two doubles, so the 4 lanes of a `SIMD4<Double>` take two instructions for every operation. Brian2
/// compiles its generated C++ for the machine (`-march=native`). Membrane compiles the lane worker twice, the portable
/// copy (MembraneLanes) and an AVX2 copy (MembraneLanesAVX2, `-target-cpu haswell`: the x86-64-v3 level, AVX2, FMA,
/// BMI1/2, F16C, LZCNT, MOVBE on top of SSE4.2 and POPCNT, as Intel Haswell (2013), AMD Excavator (2015) and later
/// have), and picks at run time the best one the processor runs. Both do the same arithmetic in the same order and
/// give the same bits.
public enum VectorInstructionSet: String, Sendable, CaseIterable, CustomStringConvertible {
    /// The architecture's baseline (SSE2 on x86-64, NEON on arm64).
    case portable
    /// x86-64-v3 (Haswell): AVX2 with FMA, BMI1/2, F16C, LZCNT and MOVBE (256-bit registers: four doubles per instruction).
    case avx2

    /// "portable" or "AVX2", as run methods name it.
    public var description: String {
        switch self {
        case .portable: return "portable"
        case .avx2: return "AVX2"
        }
    }

    /// Whether this build contains the AVX2 worker (x86-64 hosts; Package.swift leaves it out elsewhere or when
    /// MEMBRANE_PORTABLE_ONLY is set).
    public static var builtWithAVX2: Bool {
        #if MEMBRANE_AVX2
        return true
        #else
        return false
        #endif
    }

    /// The instruction sets this build runs on this processor, best last: always ``portable``; ``avx2`` when this build
    /// has it and the processor lists every x86-64-v3 feature in the first `flags` line of /proc/cpuinfo, where Linux
    /// lists only what the processor has and the operating system enabled. Where there is no /proc/cpuinfo (macOS,
    /// or a container that hides it), only the portable copy.
    public static let available: [VectorInstructionSet] = {
        var sets: [VectorInstructionSet] = [.portable]
        if builtWithAVX2, let flags = processorFlags(), supportsX86_64V3(flags: flags) { sets.append(.avx2) }
        return sets
    }()

    /// The best of ``available``.
    public static var best: VectorInstructionSet { available.last ?? .portable }

    /// The features of x86-64-v3 (and of the levels below it) under their /proc/cpuinfo names (LZCNT is `abm`; the
    /// kernel drops `avx` and `avx2` when it does not save the YMM registers, which is what OSXSAVE would tell).
    static let x86_64V3Flags: Set<String> = ["avx", "avx2", "fma", "bmi1", "bmi2", "f16c", "movbe", "abm", "xsave",
                                              "sse4_1", "sse4_2", "ssse3", "popcnt", "cx16"]

    /// Whether the flags of a /proc/cpuinfo `flags` line (separated by white space) include every x86-64-v3 feature.
    public static func supportsX86_64V3(flags: String) -> Bool {
        let listed = Set(flags.split(whereSeparator: \.isWhitespace).map(String.init))
        return x86_64V3Flags.isSubset(of: listed)
    }

    /// The first `flags` line of /proc/cpuinfo without its label, or nil where there is none (not Linux).
    static func processorFlags() -> String? {
        #if canImport(Glibc)
        guard let file = fopen("/proc/cpuinfo", "r") else { return nil }
        defer { fclose(file) }
        var line: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(line) }
        while getline(&line, &capacity, file) > 0 {
            guard let line else { break }
            let text = String(cString: line)
            if text.hasPrefix("flags"), let colon = text.firstIndex(of: ":") {
                return String(text[text.index(after: colon)...])
            }
        }
        return nil
        #else
        return nil
        #endif
    }
}
