import RealModule

/// Where a ``Mechanism`` sits, what it reads there and where it writes: the membrane potential, the concentrations
/// on both sides of its membrane, the osmolarities, its own state variables (gates), and the accumulators of the
/// fluxes, currents and rates it contributes (and, for a Jacobian, of their partial derivatives).
///
/// A mechanism addresses ions by *slot* (the position of the ion in its ``Mechanism/ions``) and its own state
/// variables by their position in ``Mechanism/stateNames``; the compiled model binds slots to its ions and state
/// positions to its flat state, so a mechanism never sees the model's layout. Units are SI throughout: V in volts,
/// concentrations in mol/m³ (numerically mM), fluxes in mol·m⁻²·s⁻¹ (outward positive), currents in A/m² (outward
/// positive), water flux in m³·m⁻²·s⁻¹ = m/s (inward positive), rates in s⁻¹.
///
/// The value is three words, cheap to pass in registers: a pointer to the evaluation's `SiteEnvironment` (shared
/// by every mechanism of one evaluation, written once) and this mechanism's bindings. Valid only during the call that
/// receives it.
public struct MembraneSite {
    /// What every mechanism of one evaluation reads and writes.
    @usableFromInline let environment: UnsafePointer<SiteEnvironment>
    /// This mechanism's slots → the model's ion indices.
    @usableFromInline let slots: UnsafePointer<Int>
    /// Where this mechanism's state variables start in the membrane's state block.
    @usableFromInline let stateOffset: Int

    @usableFromInline
    init(_ environment: UnsafePointer<SiteEnvironment>, slots: UnsafePointer<Int>, stateOffset: Int) {
        self.environment = environment
        self.slots = slots
        self.stateOffset = stateOffset
    }

    /// The site of `environment` before it is bound to a mechanism (its slots are never read unbound).
    init(unbound environment: UnsafePointer<SiteEnvironment>) {
        self.init(environment, slots: UnsafePointer(bitPattern: MemoryLayout<Int>.alignment)!, stateOffset: 0)
    }

    /// V_m = φ_in − φ_out (volts).
    @inlinable public var potential: Double { environment.pointee.potential }
    /// RT/F (volts).
    @inlinable public var thermalVoltage: Double { environment.pointee.thermalVoltage }
    /// F (C/mol).
    @inlinable public var faraday: Double { environment.pointee.faraday }
    /// The absolute temperature (K).
    @inlinable public var temperature: Double { environment.pointee.temperature }
    /// Total osmolarity inside and outside (mol/m³), set when the model has a water mechanism (else 0).
    @inlinable public var osmolarityInside: Double { environment.pointee.osmolarityInside }
    /// Total osmolarity outside (mol/m³), set when the model has a water mechanism (else 0).
    @inlinable public var osmolarityOutside: Double { environment.pointee.osmolarityOutside }

    // MARK: Reading

    /// The concentration inside of the ion in `slot` (mol/m³).
    @inlinable public func inside(_ slot: Int) -> Double { environment.pointee.inside[slots[slot]] }
    /// The concentration outside of the ion in `slot` (mol/m³).
    @inlinable public func outside(_ slot: Int) -> Double { environment.pointee.outside[slots[slot]] }
    /// The charge number z of the ion in `slot`.
    @inlinable public func valence(_ slot: Int) -> Double { environment.pointee.valences[slots[slot]] }
    /// The mechanism's own state variable k.
    @inlinable public func state(_ k: Int) -> Double { environment.pointee.states[stateOffset + k] }
    /// The Nernst potential (RT/zF)·ln(c_out/c_in) of the ion in `slot` (volts).
    @inlinable public func nernstPotential(_ slot: Int) -> Double {
        thermalVoltage / valence(slot) * Double.log(outside(slot) / inside(slot))
    }
    /// True when partial derivatives are being collected.
    @inlinable public var wantsDerivatives: Bool { environment.pointee.partials != nil }

    // MARK: Writing values

    /// Adds Φ (mol·m⁻²·s⁻¹, outward positive) to the flux of the ion in `slot`.
    @inlinable public func addFlux(_ slot: Int, _ value: Double) { environment.pointee.fluxes[slots[slot]] += value }
    /// Adds a current density not carried by any of the model's ions (A/m², outward positive), like NEURON's
    /// NONSPECIFIC_CURRENT.
    @inlinable public func addCurrent(_ value: Double) { environment.pointee.current.pointee += value }
    /// Adds a water (volume) flux, m³·m⁻²·s⁻¹, inward positive.
    @inlinable public func addWaterFlux(_ value: Double) { environment.pointee.water.pointee += value }
    /// Sets the rate of change of the mechanism's state variable k (per second).
    @inlinable public func setRate(_ k: Int, _ value: Double) { environment.pointee.rates[stateOffset + k] = value }

    // MARK: Writing derivatives

    /// Adds ∂(quantity)/∂(variable) = `value` to the local Jacobian (ignored when no derivatives are collected).
    @inlinable public func addDerivative(of quantity: SiteQuantity, withRespectTo variable: SiteVariable, _ value: Double) {
        guard let partials = environment.pointee.partials else { return }
        let n = environment.pointee.ionCount
        let row: Int
        switch quantity {
        case .flux(let slot): row = slots[slot]
        case .current: row = n
        case .waterFlux: row = n + 1
        case .rate(let k): row = n + 2 + stateOffset + k
        }
        let column: Int
        switch variable {
        case .potential: column = 0
        case .inside(let slot): column = 1 + slots[slot]
        case .outside(let slot): column = 1 + n + slots[slot]
        case .osmolarityInside: column = 1 + 2 * n
        case .osmolarityOutside: column = 2 + 2 * n
        case .state(let k): column = 3 + 2 * n + stateOffset + k
        }
        partials[row * environment.pointee.columns + column] += value
    }
}

/// What the mechanisms of one evaluation share at their site: V, the constants, the osmolarities, and pointers to the
/// concentrations on both sides, the valences, the membrane's state block and the accumulators (fluxes, nonspecific
/// current, water flux, state rates and, for a Jacobian, the local partial derivatives). Written once per evaluation
/// by the model, read through ``MembraneSite``.
@usableFromInline
struct SiteEnvironment {
    @usableFromInline var potential: Double
    @usableFromInline var thermalVoltage: Double
    @usableFromInline var faraday: Double
    @usableFromInline var temperature: Double
    @usableFromInline var osmolarityInside: Double
    @usableFromInline var osmolarityOutside: Double
    @usableFromInline var inside: UnsafePointer<Double>
    @usableFromInline var outside: UnsafePointer<Double>
    @usableFromInline var valences: UnsafePointer<Double>
    /// The membrane's state block (all mechanisms' state variables).
    @usableFromInline var states: UnsafePointer<Double>
    @usableFromInline var fluxes: UnsafeMutablePointer<Double>
    @usableFromInline var current: UnsafeMutablePointer<Double>
    @usableFromInline var water: UnsafeMutablePointer<Double>
    /// Rates of the membrane's state variables.
    @usableFromInline var rates: UnsafeMutablePointer<Double>
    /// The local Jacobian (rows ``SiteQuantity``, columns ``SiteVariable``, row-major with ``columns`` columns), or nil
    /// when only values are asked.
    @usableFromInline var partials: UnsafeMutablePointer<Double>?
    @usableFromInline var ionCount: Int
    /// 3 + 2·ionCount + the number of state variables.
    @usableFromInline var columns: Int
}

/// What a mechanism contributes, as the rows of the local Jacobian (``MembraneSite/addDerivative(of:withRespectTo:_:)``).
public enum SiteQuantity: Sendable, Hashable {
    /// The flux of the ion in a slot.
    case flux(Int)
    /// The current not carried by the model's ions.
    case current
    /// The water flux.
    case waterFlux
    /// The rate of the mechanism's own state variable k.
    case rate(Int)
}

/// What a mechanism's contributions depend on, as the columns of the local Jacobian.
public enum SiteVariable: Sendable, Hashable {
    /// V_m (volts).
    case potential
    /// The inside concentration of the ion in a slot.
    case inside(Int)
    /// The outside concentration of the ion in a slot.
    case outside(Int)
    /// The total osmolarity inside (mol/m³; osmotic water flux).
    case osmolarityInside
    /// The total osmolarity outside (mol/m³; osmotic water flux).
    case osmolarityOutside
    /// The mechanism's own state variable k.
    case state(Int)
}
