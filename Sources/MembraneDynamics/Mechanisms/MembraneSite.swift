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
/// The value is a handful of pointers into the model's scratch: cheap to copy, valid only during the call that
/// receives it.
public struct MembraneSite {
    /// V_m = φ_in − φ_out (volts).
    public let potential: Double
    /// RT/F (volts).
    public let thermalVoltage: Double
    /// F (C/mol).
    public let faraday: Double
    /// The absolute temperature (K).
    public let temperature: Double
    /// Total osmolarity inside and outside (mol/m³), set when the model has a water mechanism (else 0).
    public let osmolarityInside: Double
    public let osmolarityOutside: Double

    @usableFromInline let insideConcentrations: UnsafePointer<Double>
    @usableFromInline let outsideConcentrations: UnsafePointer<Double>
    @usableFromInline let valences: UnsafePointer<Double>
    /// This mechanism's slots → the model's ion indices.
    @usableFromInline var slots: UnsafePointer<Int>
    /// This mechanism's state variables (the model's state block of its membrane, offset to this mechanism).
    @usableFromInline var states: UnsafePointer<Double>
    @usableFromInline var stateOffset: Int
    @usableFromInline let fluxes: UnsafeMutablePointer<Double>
    @usableFromInline let current: UnsafeMutablePointer<Double>
    @usableFromInline let water: UnsafeMutablePointer<Double>
    /// Rates of the membrane's state variables (this mechanism's start at `stateOffset`).
    @usableFromInline let rates: UnsafeMutablePointer<Double>
    /// The local Jacobian (rows ``SiteQuantity``, columns ``SiteVariable``), or nil when only values are asked.
    @usableFromInline let partials: UnsafeMutablePointer<Double>?
    @usableFromInline let ionCount: Int
    @usableFromInline let stateCount: Int

    @usableFromInline
    init(potential: Double, thermalVoltage: Double, faraday: Double, temperature: Double, osmolarityInside: Double,
         osmolarityOutside: Double, inside: UnsafePointer<Double>, outside: UnsafePointer<Double>,
         valences: UnsafePointer<Double>, states: UnsafePointer<Double>,
         fluxes: UnsafeMutablePointer<Double>, current: UnsafeMutablePointer<Double>, water: UnsafeMutablePointer<Double>,
         rates: UnsafeMutablePointer<Double>, partials: UnsafeMutablePointer<Double>?, ionCount: Int, stateCount: Int) {
        self.potential = potential
        self.thermalVoltage = thermalVoltage
        self.faraday = faraday
        self.temperature = temperature
        self.osmolarityInside = osmolarityInside
        self.osmolarityOutside = osmolarityOutside
        insideConcentrations = inside
        outsideConcentrations = outside
        self.valences = valences
        // Bound to each instance's slots by its group before any mechanism reads it (never dereferenced unbound).
        slots = UnsafePointer(bitPattern: MemoryLayout<Int>.alignment)!
        self.states = states
        stateOffset = 0
        self.fluxes = fluxes
        self.current = current
        self.water = water
        self.rates = rates
        self.partials = partials
        self.ionCount = ionCount
        self.stateCount = stateCount
    }

    // MARK: Reading

    /// The concentration inside of the ion in `slot` (mol/m³).
    @inlinable public func inside(_ slot: Int) -> Double { insideConcentrations[slots[slot]] }
    /// The concentration outside of the ion in `slot` (mol/m³).
    @inlinable public func outside(_ slot: Int) -> Double { outsideConcentrations[slots[slot]] }
    /// The charge number z of the ion in `slot`.
    @inlinable public func valence(_ slot: Int) -> Double { valences[slots[slot]] }
    /// The mechanism's own state variable k.
    @inlinable public func state(_ k: Int) -> Double { states[k] }
    /// The Nernst potential (RT/zF)·ln(c_out/c_in) of the ion in `slot` (volts).
    @inlinable public func nernstPotential(_ slot: Int) -> Double {
        thermalVoltage / valence(slot) * Double.log(outside(slot) / inside(slot))
    }
    /// True when partial derivatives are being collected.
    @inlinable public var wantsDerivatives: Bool { partials != nil }

    // MARK: Writing values

    /// Adds Φ (mol·m⁻²·s⁻¹, outward positive) to the flux of the ion in `slot`.
    @inlinable public func addFlux(_ slot: Int, _ value: Double) { fluxes[slots[slot]] += value }
    /// Adds a current density not carried by any of the model's ions (A/m², outward positive), like NEURON's
    /// NONSPECIFIC_CURRENT.
    @inlinable public func addCurrent(_ value: Double) { current.pointee += value }
    /// Adds a water (volume) flux, m³·m⁻²·s⁻¹, inward positive.
    @inlinable public func addWaterFlux(_ value: Double) { water.pointee += value }
    /// Sets the rate of change of the mechanism's state variable k (per second).
    @inlinable public func setRate(_ k: Int, _ value: Double) { rates[stateOffset + k] = value }

    // MARK: Writing derivatives

    /// Adds ∂(quantity)/∂(variable) = `value` to the local Jacobian (ignored when no derivatives are collected).
    @inlinable public func addDerivative(of quantity: SiteQuantity, withRespectTo variable: SiteVariable, _ value: Double) {
        guard let partials else { return }
        let n = ionCount
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
        partials[row * (3 + 2 * n + stateCount) + column] += value
    }
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
    case potential
    /// The inside concentration of the ion in a slot.
    case inside(Int)
    /// The outside concentration of the ion in a slot.
    case outside(Int)
    case osmolarityInside
    case osmolarityOutside
    /// The mechanism's own state variable k.
    case state(Int)
}
