import MembraneUnits
import MembraneChemistry
import MembraneNumerics
import MembranePhysics
import RealModule

/// A cell compiled into equations on one flat state: the compartments (the cell and its bath), the ions, the
/// mechanisms on the membrane between them (``Mechanism``) and the stimuli, laid out as an ``ODESystem`` with
/// named observables and parameters (``SimulationModel``). Built from a ``Scenario`` (which it validates).
///
/// State (amounts in units of mM × reference volume, mol/m³ × w_ref, so that they read as concentrations at the
/// reference volume w_ref; ``layout`` names every component):
///
///     [ Nⱼ (each ion in the cell) | Bⱼ (each ion in a finite bath) | v̂ (cell volume / w_ref, with osmotic water)
///       | V_other (charge not carried by the modelled ions, as a potential) | s (each mechanism's state variables)
///       | Eⱼ (each amount a finite bath's exchange has removed, ``ExtracellularExchange``) ]
///
/// Ions whose concentrations are held (``Scenario/fixedIons``) have no amounts. An infinite bath has fixed
/// concentrations and no amounts: what the cell gives it is Tⱼ − Nⱼ, rebuilt, not integrated (so Nⱼ + Bⱼ is conserved
/// exactly). Equations (σ = A/w_ref; Φⱼ the net outward flux of ion j summed over the mechanisms; I_x their
/// nonspecific current; I_stim the stimulus; Keener & Sneyd ch. 2; Kay 2017; Hodgkin & Huxley 1952):
///
///     dNⱼ/dt = −σ·Φⱼ,     dBⱼ/dt = +σ·Φⱼ
///     V = F·w_ref·(Σ zⱼNⱼ + z_X·N_X)/(C·A) + V_other              (charge difference, Fraser & Huang 2004)
///       or Σ zⱼ·F·Φⱼ(V) = 0                                      (electroneutral limit)
///     C·dV_other/dt = −I_x − Σ_held zⱼ·F·Φⱼ + I_stim(t, V)          (with no modelled ion: C·dV/dt = −I_ion + I_stim)
///     v̂ = (Σ Nⱼ + N_X)/Osm_out                                   (instantaneous water), or
///     dv̂/dt = σ·J_v                                              (osmotic water, ``OsmoticWater``)
///     dsₖ/dt from each mechanism                                  (gates)
///     dBⱼ/dt −= Rⱼ,  dEⱼ/dt = Rⱼ                                   (bath diffusion, glial uptake; Cressman et al. 2009)
///
/// The Jacobian is exact (``jacobian(at:state:into:)``): each mechanism's closed-form partial derivatives, chained
/// through the natural variables (V, concentrations, osmolarities, states) to the state.
public struct CellModel: Sendable {
    /// The compiled structure (immutable).
    let compiled: Shared<Compiled>
    /// The state at t = 0 built from the scenario (gates at their steady state at V(0)).
    public private(set) var initialState: [Double]
    /// The cell volume at the start of a run relative to the reference volume (the unit of
    /// ``CellState/relativeVolume``).
    public internal(set) var initialRelativeVolume: Double
    /// Bath concentrations of an infinite bath and of held ions (mM): a parameter (`outside.<ion>`).
    var outsideFixed: [Double]
    var osmOutFixed: Double
    /// The mechanisms, grouped by type (their parameters are the model's).
    var groups: [MechanismGroup]
    /// The exchange of a finite bath with the world outside it (``ExtracellularExchange``), with its parameters.
    var exchangeTerms: [ExchangeTerm]
    /// The linear piece in force of each stimulus (value, slope, origin).
    var pieces: [(value: Double, slope: Double, origin: Double)]

    /// What compiling a scenario fixes: where each quantity sits in the state, the constants of the equations, the
    /// structure of the chain rule. Shared by every copy of the model (``Shared``), so that a model is a few words to
    /// copy. (Names, the state layout and the parameter table are derived on demand: ``layout``, ``parameterNames``.)
    struct Compiled: Sendable {
        /// The scenario this model was compiled from.
        var scenario: Scenario
        var dimension = 0
        // Ions: count, charge numbers, RT/F, F.
        var n = 0
        var z: [Double] = []
        var vt = 0.0, faraday = 0.0
        // The cell: the state index of each ion's amount (−1 when held), held concentrations, the impermeant.
        var cellIndex: [Int] = []
        var fixedInside: [Double] = []
        var impermeantAmount = 0.0, zX = 0.0
        // The bath: infinite (fixed concentrations) or finite (amounts in the state), its impermeant, the total water.
        var infiniteBath = true
        var bathIndex: [Int] = []
        var outsideImpermeant = 0.0, zXo = 0.0
        var outsideImpermeantAmount = 0.0
        var waterTotal = 0.0
        var volume = VolumeMode.constant
        // The membrane: σ = A/w_ref, C, κ = F·w_ref/(C·A) (charge difference), or the electroneutral limit.
        var sigma = 0.0
        var capacitance = 0.0
        var kappa = 0.0
        var electroneutral = false
        /// The state index of V_other, or −1.
        var otherIndex = -1
        /// Where each mechanism sits (its group and place in it), in the order of ``Scenario/membraneMechanisms``.
        var mechanismPlaces: [MechanismPlace] = []
        /// The block of mechanism state variables: [stateOffset, stateOffset + stateCount).
        var stateOffset = 0
        var stateCount = 0
        var allAffine = false
        /// The columns of the local Jacobian (natural variables) whose ∂x/∂y can be non-zero, and the rows that feed f.
        var liveColumns: [Int] = []
        var liveRows: [Int] = []
        var stimuli: [Stimulus] = []
        var autonomous = true

        init(scenario: Scenario) { self.scenario = scenario }
    }

    enum VolumeMode: Sendable, Equatable {
        /// The reference volume (water cannot move).
        case constant
        /// Osmotic balance at every instant.
        case instantaneous
        /// Integrated (component `index` of the state).
        case dynamic(index: Int)
    }

    /// Compiles `scenario` (validating it first).
    public init(_ scenario: borrowing Scenario) throws {
        try scenario.validate()
        var c = Compiled(scenario: copy scenario)
        let conditions = scenario.conditions
        let n = scenario.ions.count
        c.n = n
        c.z = scenario.ions.map { Double($0.charge) }
        c.vt = conditions.thermalVoltage
        c.faraday = conditions.faraday
        // The state, block by block (``layout`` names it in the same order).
        var next = 0
        func allocate() -> Int { defer { next += 1 }; return next }
        var cellIndex = [Int](repeating: -1, count: n), bathIndex = cellIndex
        for (j, ion) in scenario.ions.enumerated() where !scenario.fixedIons.contains(ion.name) { cellIndex[j] = allocate() }
        let dynamicIons = cellIndex.contains { $0 >= 0 }
        c.infiniteBath = scenario.bath == .infinite
        var vb = 0.0
        if case .finite(let v) = scenario.bath {
            vb = v
            for j in 0..<n where cellIndex[j] >= 0 { bathIndex[j] = allocate() }
        }
        c.cellIndex = cellIndex
        c.bathIndex = bathIndex
        c.fixedInside = (0..<n).map { cellIndex[$0] < 0 ? scenario.inside[$0].millimolar : 0 }
        let outside = scenario.outside.map(\.millimolar)
        c.impermeantAmount = scenario.impermeant.concentration.millimolar
        c.zX = scenario.impermeant.charge
        c.outsideImpermeant = scenario.outsideImpermeant.concentration.millimolar
        c.zXo = scenario.outsideImpermeant.charge
        c.outsideImpermeantAmount = c.infiniteBath ? 0 : c.outsideImpermeant * vb
        c.waterTotal = c.infiniteBath ? 0 : 1 + vb
        switch scenario.water {
        case .impermeable: c.volume = .constant
        case .instantaneous: c.volume = dynamicIons ? .instantaneous : .constant
        case .osmotic: c.volume = dynamicIons ? .dynamic(index: allocate()) : .constant
        }
        let g = scenario.geometry
        c.sigma = g.area / g.volume
        c.capacitance = scenario.capacitance.faradsPerSquareMetre
        c.electroneutral = scenario.voltageModel == .electroneutral
        c.kappa = c.electroneutral ? 0 : conditions.faraday * g.volume / (c.capacitance * g.area)

        // Mechanisms: bindings (model ion indices, state offsets), groups by type.
        let grouping = MechanismGrouping(scenario)
        let needsOther = !scenario.fixedIons.isEmpty || !scenario.stimuli.isEmpty || grouping.carriesNonspecificCurrent
            || scenario.initialPotential != nil
        c.otherIndex = needsOther ? allocate() : -1
        c.stateOffset = next
        let states = grouping.stateCount
        groups = grouping.groups
        c.mechanismPlaces = grouping.places
        c.stateCount = states
        next += states
        exchangeTerms = Self.exchangeTerms(scenario, bathIndex: bathIndex, allocate: allocate)
        c.dimension = next
        c.allAffine = grouping.allAffine

        // The structure of the chain rule: which natural variables depend on the state, which local rows reach f.
        var columns = [Int](), rows = [Int]()
        columns.reserveCapacity(3 + 2 * n + states)
        rows.reserveCapacity(n + 2 + states)
        columns.append(0)
        for j in 0..<n where cellIndex[j] >= 0 { columns.append(1 + j) }
        for j in 0..<n where bathIndex[j] >= 0 { columns.append(1 + n + j) }
        if c.volume != .constant { columns.append(1 + 2 * n) }
        if !c.infiniteBath { columns.append(2 + 2 * n) }
        for k in 0..<states { columns.append(3 + 2 * n + k) }
        c.liveColumns = columns
        for j in 0..<n where cellIndex[j] >= 0 || c.otherIndex >= 0 { rows.append(j) }
        if c.otherIndex >= 0 { rows.append(n) }
        if case .dynamic = c.volume { rows.append(n + 1) }
        for k in 0..<states { rows.append(n + 2 + k) }
        c.liveRows = rows

        // Stimuli.
        c.stimuli = scenario.stimuli
        pieces = scenario.stimuli.map { s in let p = s.waveform.piece(at: 0); return (p.value, p.slope, 0) }
        c.autonomous = !scenario.stimuli.contains { s in if case .ramp = s.waveform { return true }; return false }
        outsideFixed = outside
        osmOutFixed = outside.reduce(0, +) + c.outsideImpermeant
        let volumeMode = c.volume, dimension = c.dimension, otherIndex = c.otherIndex, stateCount = c.stateCount
        let impermeantAmount = c.impermeantAmount, outsideImpermeantAmount = c.outsideImpermeantAmount
        let infiniteBath = c.infiniteBath, waterTotal = c.waterTotal, kappa = c.kappa
        compiled = Shared(c)

        // Initial state: amounts at the reference volume, the bath, the volume, V_other, the gates.
        var y = [Double](repeating: 0, count: dimension)
        var cellOsmoles = impermeantAmount
        for j in 0..<n where cellIndex[j] >= 0 {
            y[cellIndex[j]] = scenario.inside[j].millimolar
            cellOsmoles += scenario.inside[j].millimolar
        }
        for j in 0..<n where bathIndex[j] >= 0 { y[bathIndex[j]] = outside[j] * vb }
        switch volumeMode {
        case .constant:
            initialRelativeVolume = 1
        case .dynamic(let index):
            y[index] = 1
            initialRelativeVolume = 1
        case .instantaneous:
            if infiniteBath {
                initialRelativeVolume = cellOsmoles / osmOutFixed
            } else {
                let bathOsmoles = outside.reduce(0, +) * vb + outsideImpermeantAmount
                initialRelativeVolume = waterTotal * cellOsmoles / (cellOsmoles + bathOsmoles)
            }
        }
        initialState = y
        if otherIndex >= 0, let v0 = scenario.initialPotential {
            y[otherIndex] = v0.volts - kappa * chargeAmount(y)
        }
        if stateCount > 0 { y = withSteadyStates(y) }
        initialState = y
    }

    /// The mechanism called `name`, as compiled (its current parameters).
    public func mechanism(named name: String) -> (any Mechanism)? {
        mechanismNames.firstIndex(of: name).map { mechanism(at: $0) }
    }

    func mechanism(at i: Int) -> any Mechanism {
        let place = mechanismPlaces[i]
        return groups[place.group].instance(place.instance)
    }
}

/// An immutable value shared by reference.
final class Shared<Value: Sendable>: Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// The compiled structure, read through the shared box.
extension CellModel {
    /// The scenario this model was compiled from.
    @inline(__always) public var scenario: Scenario { compiled.value.scenario }
    @inline(__always) public var dimension: Int { compiled.value.dimension }
    @inline(__always) var n: Int { compiled.value.n }
    @inline(__always) var z: [Double] { compiled.value.z }
    @inline(__always) var vt: Double { compiled.value.vt }
    @inline(__always) var faraday: Double { compiled.value.faraday }
    @inline(__always) var cellIndex: [Int] { compiled.value.cellIndex }
    @inline(__always) var fixedInside: [Double] { compiled.value.fixedInside }
    @inline(__always) var impermeantAmount: Double { compiled.value.impermeantAmount }
    @inline(__always) var zX: Double { compiled.value.zX }
    @inline(__always) var infiniteBath: Bool { compiled.value.infiniteBath }
    @inline(__always) var bathIndex: [Int] { compiled.value.bathIndex }
    @inline(__always) var outsideImpermeant: Double { compiled.value.outsideImpermeant }
    @inline(__always) var zXo: Double { compiled.value.zXo }
    @inline(__always) var outsideImpermeantAmount: Double { compiled.value.outsideImpermeantAmount }
    @inline(__always) var waterTotal: Double { compiled.value.waterTotal }
    @inline(__always) var volume: VolumeMode { compiled.value.volume }
    @inline(__always) var sigma: Double { compiled.value.sigma }
    @inline(__always) var capacitance: Double { compiled.value.capacitance }
    @inline(__always) var kappa: Double { compiled.value.kappa }
    @inline(__always) var electroneutral: Bool { compiled.value.electroneutral }
    @inline(__always) var otherIndex: Int { compiled.value.otherIndex }
    @inline(__always) var mechanismPlaces: [MechanismPlace] { compiled.value.mechanismPlaces }
    @inline(__always) var stateOffset: Int { compiled.value.stateOffset }
    @inline(__always) var stateCount: Int { compiled.value.stateCount }
    @inline(__always) var allAffine: Bool { compiled.value.allAffine }
    @inline(__always) var liveColumns: [Int] { compiled.value.liveColumns }
    @inline(__always) var liveRows: [Int] { compiled.value.liveRows }
    @inline(__always) var stimuli: [Stimulus] { compiled.value.stimuli }
    @inline(__always) var autonomous: Bool { compiled.value.autonomous }
}
