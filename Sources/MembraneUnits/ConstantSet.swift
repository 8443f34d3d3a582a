/// A named set of the physical constants a calculation uses.
///
/// Every result of Membrane names the set it used, so that a number can be traced:
/// `codata2018` is the default and the only set built from exact SI values;
/// `neuronLegacy` reproduces numbers published with NEURON before version 8.
public struct ConstantSet: Sendable, Hashable, CustomStringConvertible {
    /// Short identifier used on the command line (`--constants NAME`).
    public let name: String
    /// Faraday constant F in C/mol.
    public let faraday: Double
    /// Molar gas constant R in J/(mol·K).
    public let gasConstant: Double
    /// Elementary charge e in C.
    public let elementaryCharge: Double
    /// Avogadro constant N_A in mol⁻¹.
    public let avogadro: Double
    /// Where the values come from.
    public let source: String

    /// A named set of constants: F in C/mol, R in J/(mol·K), e in C, N_A in mol⁻¹, and where they come from.
    public init(name: String, faraday: Double, gasConstant: Double,
                elementaryCharge: Double, avogadro: Double, source: String) {
        self.name = name
        self.faraday = faraday
        self.gasConstant = gasConstant
        self.elementaryCharge = elementaryCharge
        self.avogadro = avogadro
        self.source = source
    }

    /// Boltzmann constant implied by the set, k_B = R / N_A, in J/K.
    public var boltzmann: Double { gasConstant / avogadro }

    public var description: String { name }

    /// CODATA 2018: exact SI values (see ``CODATA2018``). The default.
    public static let codata2018 = ConstantSet(
        name: "codata2018",
        faraday: CODATA2018.faraday,
        gasConstant: CODATA2018.gasConstant,
        elementaryCharge: CODATA2018.elementaryCharge,
        avogadro: CODATA2018.avogadro,
        source: "CODATA 2018 exact values (Tiesinga et al., Rev. Mod. Phys. 93, 025010, 2021): F = e·N_A, R = k_B·N_A")

    /// The constants NEURON used before version 8 in its ion mechanisms.
    ///
    /// Source: neuronsimulator/nrn `src/nrnoc/eion.c` (before 8.0): `#define FARADAY 96485.309` and
    /// `#define ktf (1000.*8.3134*(celsius + 273.15)/FARADAY)`, i.e. R = 8.3134 J/(mol·K), the values
    /// behind NEURON's `nernst()` and `ghk()` and the reversal potentials its ions compute from
    /// concentrations. NEURON's own test (`test/pynrn/test_units.py`, `test_hoc_legacy`) gives
    /// `ghk(30, 0.01, 10, 1) = -483.7914803097116` at 6.3 °C with them. e and N_A are the legacy
    /// `nrnunits.lib.in` values (1.6021917e-19 C, 6.022169e23 /mol). Note that hoc's legacy
    /// built-in `R` was 8.31441 and MOD files saw 8.3145: NEURON had no single legacy pair.
    /// The difference from CODATA 2018 moves Nernst potentials by about 0.01 mV.
    public static let neuronLegacy = ConstantSet(
        name: "neuron-legacy",
        faraday: 96485.309,
        gasConstant: 8.3134,
        elementaryCharge: 1.6021917e-19,
        avogadro: 6.022169e23,
        source: "NEURON < 8 ion mechanisms (src/nrnoc/eion.c): F = 96485.309 C/mol, R = 8.3134 J/(mol·K)")

    /// All sets, for `--constants` parsing and listings.
    public static let all: [ConstantSet] = [.codata2018, .neuronLegacy]

    /// Looks a set up by its command-line name.
    public static func named(_ name: String) throws -> ConstantSet {
        // A set's own name is its key (lower case, hyphens).
        if let set = all.first(where: { $0.name == name }) { return set }
        let key = String(name.lowercased().map { $0 == "_" ? "-" : $0 })
        if let set = all.first(where: { $0.name == key }) { return set }
        if key == "codata" || key == "codata-2018" || key == "si" { return .codata2018 }
        if key == "neuron" || key == "legacy" || key == "neuronlegacy" { return .neuronLegacy }
        throw MembraneError.invalidValue(field: "constants", value: name,
                                         allowed: all.map(\.name).joined(separator: ", "))
    }
}
