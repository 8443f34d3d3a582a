/// The ranges of input every model of Membrane accepts, each with its reason, in one place.
///
/// Membrane models aqueous solutions and the cell membranes between them. Inputs outside these ranges
/// are refused with their range (``MembraneError/invalidValue(field:value:allowed:)``) instead of being
/// computed into an overflow, a NaN or a number without physical meaning. Narrower ranges of single
/// models (an activity model's ionic strength, a fit's temperatures) are warnings of those models; the
/// table of every range is `docs/validity-ranges.md`.
public enum Domain {
    /// Temperatures of liquid water, °C: from −40 °C, about the homogeneous freezing limit of supercooled
    /// water at 1 atm (−41 °C: Kanno, Speedy & Angell 1975, Science 189:880), to 150 °C, the upper limit of
    /// Kell's density equation (Kell 1975, J. Chem. Eng. Data 20:97), the narrowest of the water-property
    /// fits the activity models use (water stays liquid there under its vapour pressure).
    public static let celsius: ClosedRange<Double> = -40...150

    /// The largest concentration accepted, mM (100 M). Pure water is 55.5 M; no solute in aqueous solution
    /// comes near 100 M, so larger values are typing or unit slips (and would overflow sums such as Σc).
    public static let maximumMillimolar = 1e5

    /// The largest membrane potential accepted, in volts (|V_m| ≤ 1 V). Lipid bilayers break down
    /// (electroporate) at transmembrane potentials of about 0.2–1 V (Weaver & Chizmadzhev 1996,
    /// Bioelectrochem. Bioenerg. 41:135), so no model of an intact membrane applies beyond 1 V.
    public static let membranePotentialVolts = 1.0

    /// The largest cell radius accepted, m. The largest single cells measure tens of centimetres.
    public static let maximumRadiusMetres = 1.0

    /// The largest specific membrane capacitance accepted, F/m² (100 µF/cm²). Biological membranes have
    /// about 1 µF/cm² (Gentet, Stuart & Clements 2000, Biophys. J. 79:314); electrode double layers 10–40.
    public static let maximumSpecificCapacitance = 1.0

    /// The temperature range as a sentence, for messages.
    public static let celsiusDescription =
        "a temperature of liquid water, -40 °C to 150 °C (233.15 K to 423.15 K): Membrane's models are of aqueous solutions"
    /// The concentration range as a sentence, for messages.
    public static let concentrationDescription =
        "a finite concentration from 0 to 100 M (1e5 mM), in mM unless a unit is written (nM, uM, µM, mM, M)"
    /// The membrane-potential range as a sentence, for messages.
    public static let membranePotentialDescription =
        "a membrane potential from -1000 to +1000 mV (lipid bilayers break down near 0.2–1 V)"
}

extension MembraneError {
    /// Checks that `x` (mM) is a finite concentration in 0…``Domain/maximumMillimolar``.
    @inlinable
    public static func requireConcentration(_ x: Double, field: @autoclosure () -> String,
                                            allowed: @autoclosure () -> String = Domain.concentrationDescription) throws {
        guard x.isFinite, x >= 0, x <= Domain.maximumMillimolar else {
            throw MembraneError.invalidValue(field: field(), value: plain(x) + " mM", allowed: allowed())
        }
    }

    /// Checks that `v` is a finite membrane potential with |V| ≤ ``Domain/membranePotentialVolts``.
    @inlinable
    public static func requireMembranePotential(_ v: Voltage, field: @autoclosure () -> String) throws {
        guard v.volts.isFinite, abs(v.volts) <= Domain.membranePotentialVolts else {
            throw MembraneError.invalidValue(field: field(), value: plain(v.millivolts) + " mV",
                                             allowed: Domain.membranePotentialDescription)
        }
    }
}
