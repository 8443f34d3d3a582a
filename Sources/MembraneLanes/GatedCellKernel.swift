import MembraneNumerics

/// An excitable cell compiled for integration in SIMD lanes (``LaneODESystem``): the equations of its `CellModel`
/// when every concentration is held, one lane per cell of a population, each with its own conductances, reversal
/// potentials, capacitance and stimulus. In the units of the published tables (t in ms, V in mV, conductances in
/// mS/cm², currents in µA/cm², C in µF/cm²):
///
///     C·dV/dt = I_stim − Σ_c ḡ_c·(1 − b_c)·Π_{gates of c} x^p·(V − E_c) − Σ g_L·(V − E_L)
///     dx/dt = φ·(α_x(V) − (α_x(V) + β_x(V))·x)
///
/// for `HodgkinHuxleyChannel`s with an ohmic open channel (E fixed, or the Nernst potential of held concentrations),
/// `PassiveCurrent`s and constant current clamps: the model of NEURON's `hh` and of any cell written with those
/// mechanisms. The rates are the channels' own `HodgkinHuxleyChannel.RateFunction`s, evaluated with ``LaneMath``.
/// It is a second execution of the same description, not a second model: `GatedCellKernelTests` checks that it
/// gives the `CellModel`'s right-hand side.
///
/// State of one lane: [V, the gates channel by channel] (`GatedCellStructure.modelState(_:model:)` maps it to the model's).
/// `Copy` names the compiled copy of the lane worker that runs it (``LaneCodeCopy``: ``PortableLaneCode``, or the AVX2
/// copy's own type).
public struct GatedCellKernel<Lanes: SIMD, Copy: LaneCodeCopy>: GatedLaneSystem where Lanes.Scalar == Double {
    @usableFromInline let structure: GatedCellStructure
    @usableFromInline var conductances: [Lanes]
    @usableFromInline var reversals: [Lanes]
    @usableFromInline var passiveConductance = Lanes()
    @usableFromInline var passiveDrive = Lanes()
    @usableFromInline var stimulus = Lanes()
    @usableFromInline var inverseCapacitance = Lanes(repeating: 1)

    /// V and the gates.
    @inlinable public var dimension: Int { 1 + structure.gates.count }

    /// A kernel for cells of `structure`, every lane's conductances, reversal potentials, passive current and stimulus
    /// zero and 1/C = 1 cm²/µF until ``load(_:into:)`` sets them.
    public init(structure: GatedCellStructure) {
        self.structure = structure
        conductances = [Lanes](repeating: Lanes(), count: structure.channelCount)
        reversals = conductances
    }

    /// Sets lane `lane`'s parameters.
    @inlinable public mutating func load(_ p: GatedCellParameters, into lane: Int) {
        for c in 0..<structure.channelCount {
            conductances[c][lane] = p.conductances[c]
            reversals[c][lane] = p.reversals[c]
        }
        passiveConductance[lane] = p.passiveConductance
        passiveDrive[lane] = p.passiveDrive
        stimulus[lane] = p.stimulus
        inverseCapacitance[lane] = p.inverseCapacitance
    }

    /// The right-hand side above, lane by lane: [dV/dt (mV/ms), the gates' dx/dt (ms⁻¹)].
    @inlinable
    public func derivatives(at t: Lanes, state y: UnsafePointer<Lanes>, into dydt: UnsafeMutablePointer<Lanes>) {
        let v = y[0]
        // Σ I_ion − I_stim, µA/cm², starting with the passive currents.
        var current = passiveConductance * v - passiveDrive - stimulus
        let groups = structure.exponents.count
        withUnsafeTemporaryAllocation(of: Lanes.self, capacity: groups) { values in
            // The rates' exponentials (``GatedCellStructure/exponents``): computed, or squared from another.
            structure.exponents.withUnsafeBufferPointer { exponents in
                for j in 0..<groups {
                    let x = exponents[j]
                    if x.source < 0 {
                        values[j] = LaneMath.exp(Lanes(repeating: x.slope) * v + Lanes(repeating: x.offset))
                    } else {
                        var e = values[x.source]
                        for _ in 0..<x.doublings { e *= e }
                        values[j] = e
                    }
                }
            }
            structure.rates.withUnsafeBufferPointer { rates in
                structure.gates.withUnsafeBufferPointer { gates in
                    structure.firstGate.withUnsafeBufferPointer { first in
                        conductances.withUnsafeBufferPointer { g in
                            reversals.withUnsafeBufferPointer { e in
                                for c in 0..<g.count {
                                    var open = Lanes(repeating: 1)
                                    for k in first[c]..<first[c + 1] {
                                        let gate = gates[k], x = y[1 + k]
                                        let alpha = rates[2 * k], beta = rates[2 * k + 1]
                                        let a = alpha.value(at: v, exponential: values[alpha.exponent])
                                        let b = beta.value(at: v, exponential: values[beta.exponent])
                                        dydt[1 + k] = Lanes(repeating: gate.phi) * (a - (a + b) * x)
                                        var power = x
                                        for _ in 1..<gate.exponent { power *= x }
                                        open *= power
                                    }
                                    current += g[c] * open * (v - e[c])
                                }
                            }
                        }
                    }
                }
            }
        }
        dydt[0] = (Lanes() - current) * inverseCapacitance
    }
}
