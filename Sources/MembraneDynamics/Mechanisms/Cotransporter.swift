import MembraneUnits
import RealModule

/// An electroneutral cotransporter driven by its thermodynamic force, in the form of Wei, Ullah & Schiff 2014
/// (J. Neurosci. 34:11733), per membrane area as in Sætra, Einevoll & Halnes 2020 (PLoS Comput. Biol.
/// 16:e1007661, edNEG `pump.py`):
///
///     J = U · f(c) · ln Q,   Q = Πᵢ (c_in,i / c_out,i)^νᵢ,   Φᵢ = νᵢ·J  (efflux positive)
///
/// with the stoichiometry νᵢ of one cycle (written once per type, ``stoichiometry``) and an activation f (1 unless the
/// type says otherwise: NKCC1's K_out gate). ln Q is the free energy of one cycle over RT, so the flux runs down the
/// combined gradient and vanishes at its equilibrium; the transporter moves no net charge. Exact derivatives:
/// ∂Φᵢ/∂c_in,l = νᵢ·U·f·ν_l/c_in,l, ∂Φᵢ/∂c_out,l = −νᵢ·U·f·ν_l/c_out,l, plus νᵢ·U·f′·ln Q in the gate's concentration.
/// Conformances: ``KCC2``, ``NKCC1``. Parameter: `strength` (U, mol·m⁻²·s⁻¹).
public protocol Cotransporter: Mechanism {
    /// U in mol·m⁻²·s⁻¹.
    var strength: Double { get set }
    /// Ions moved out per cycle (canonical name, count), the type's slots in order.
    static var stoichiometry: [(ion: String, count: Double)] { get }
    /// The activation f and, if it depends on an outside concentration, that slot and ∂f/∂c_out there.
    func activation(at site: MembraneSite) -> (value: Double, outsideSlot: Int?, derivative: Double)
}

extension Cotransporter {
    /// Ions this transporter moves per cycle (name, count), efflux direction.
    public var stoichiometry: [(ion: String, count: Double)] { Self.stoichiometry }
    public var ions: [String] { Self.stoichiometry.map(\.ion) }
    public var parameterNames: [String] { ["strength"] }
    public func parameter(_ index: Int) -> Double { strength }

    public mutating func setParameter(_ index: Int, to value: Double) throws {
        try requireNonNegative(value, parameter: "strength", unit: "mol/(m²·s)")
        strength = value
    }

    public func activation(at site: MembraneSite) -> (value: Double, outsideSlot: Int?, derivative: Double) { (1, nil, 0) }

    /// ln Q at `site` (the products formed first, then one logarithm).
    func logQuotient(at site: MembraneSite) -> Double {
        var inside = 1.0, outside = 1.0
        for (slot, entry) in Self.stoichiometry.enumerated() {
            let ci = site.inside(slot), co = site.outside(slot)
            var count = entry.count
            while count >= 1 { inside *= ci; outside *= co; count -= 1 }
            if count > 0 { inside *= Double.pow(ci, count); outside *= Double.pow(co, count) }
        }
        return Double.log(inside / outside)
    }

    public func contribute(at site: MembraneSite) {
        guard strength > 0 else { return }
        let f = activation(at: site).value
        let j = strength * f * logQuotient(at: site)
        for (slot, entry) in Self.stoichiometry.enumerated() { site.addFlux(slot, entry.count * j) }
    }

    public func contributeDerivatives(at site: MembraneSite) {
        guard strength > 0 else { return }
        let gate = activation(at: site)
        let logQ = gate.outsideSlot == nil ? 0 : logQuotient(at: site)
        let stoichiometry = Self.stoichiometry
        for (row, rowEntry) in stoichiometry.enumerated() {
            let s = strength * rowEntry.count
            for (slot, entry) in stoichiometry.enumerated() {
                site.addDerivative(of: .flux(row), withRespectTo: .inside(slot), s * gate.value * entry.count / site.inside(slot))
                site.addDerivative(of: .flux(row), withRespectTo: .outside(slot), -s * gate.value * entry.count / site.outside(slot))
            }
            if let k = gate.outsideSlot {
                site.addDerivative(of: .flux(row), withRespectTo: .outside(k), s * gate.derivative * logQ)
            }
        }
    }

    /// ν·U for each ion.
    public func characteristicFlux(at site: MembraneSite, slot: Int) -> Double { strength * Self.stoichiometry[slot].count }

    public var isAffineInPotential: Bool { true }
}

extension Cotransporter where Self == KCC2 {
    /// KCC2 with U in mol·m⁻²·s⁻¹.
    public static func kcc2(strength: Double) -> KCC2 { KCC2(strength: strength) }
    /// edNEG's U_KCC2 = 7.00·10⁻⁷ mol·m⁻²·s⁻¹ ("Wei et al. 2014").
    public static var kcc2Wei2014: KCC2 { KCC2(strength: 7.00e-7) }
}

extension Cotransporter where Self == NKCC1 {
    /// NKCC1 with U in mol·m⁻²·s⁻¹.
    public static func nkcc1(strength: Double) -> NKCC1 { NKCC1(strength: strength) }
    /// edNEG's U_NKCC1 = 2.33·10⁻⁷ mol·m⁻²·s⁻¹ ("Wei et al. 2014").
    public static var nkcc1Wei2014: NKCC1 { NKCC1(strength: 2.33e-7) }
}
