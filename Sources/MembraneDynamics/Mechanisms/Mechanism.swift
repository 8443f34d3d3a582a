import MembraneUnits

/// Anything that moves ions or water across a membrane, or carries current: a leak, a gated channel, a pump, a
/// cotransporter, water. The mechanism catalogue of a cell model (arbor's mechanisms, NEURON's NMODL files): each
/// conformance is one value type in one file, and a model is assembled from them (``Scenario``, ``CellModel``).
///
/// A mechanism is evaluated at a ``MembraneSite``: it reads V, the concentrations of its ions on both sides and its
/// own state variables (gates), and adds
/// - a flux per ion it carries (mol·m⁻²·s⁻¹, outward positive; the current it carries is z·F·Φ),
/// - optionally a current no modelled ion carries (A/m², NEURON's nonspecific current) and a water flux,
/// - the rates of its own state variables.
/// For the Jacobian it adds the exact partial derivatives of each of these with respect to V, each concentration,
/// the osmolarities and its own state variables (closed forms; the model assembles them by the chain rule). Its
/// ``steadyState(at:into:)`` initialises its state variables.
///
/// Parameters that events and `--set` may change are named (``parameterNames``, SI units). A model groups the
/// instances of each mechanism type and evaluates a group in one loop specialised for the type
/// (``contribute(_:count:bindings:at:derivatives:)``), so adding a type costs one indirect call per evaluation,
/// not one per instance. See docs/writing-a-mechanism.md.
public protocol Mechanism: Sendable {
    /// The name observables and parameters use ("leak_Na", "pump", "KCC2", "hh_Na"); a model makes repeated
    /// names unique ("leak_Na", "leak_Na_2").
    var name: String { get }
    /// The canonical names of the ions it moves (its slots, in order); empty for a current no modelled ion carries.
    var ions: [String] { get }
    /// Its own state variables (e.g. gates "m", "h"), in order.
    var stateNames: [String] { get }
    /// The parameters events may change, in SI units.
    var parameterNames: [String] { get }
    /// The value of parameter `index` (of ``parameterNames``).
    func parameter(_ index: Int) -> Double
    /// Sets parameter `index`, throwing ``MembraneError/invalidValue(field:value:allowed:)`` outside its range.
    mutating func setParameter(_ index: Int, to value: Double) throws
    /// The mechanism ready to run at `conditions` (e.g. its Q10 factor at the model's temperature). Default: itself.
    func prepared(for conditions: Conditions) -> Self
    /// Adds its fluxes, currents and water flux at `site` and sets its state rates.
    func contribute(at site: MembraneSite)
    /// Adds the exact partial derivatives of what ``contribute(at:)`` adds, with respect to every ``SiteVariable``
    /// they depend on.
    func contributeDerivatives(at site: MembraneSite)
    /// Writes the steady state of its own state variables at `site` (V and concentrations held) into `states`.
    /// Default: nothing (no state variables).
    func steadyState(at site: MembraneSite, into states: UnsafeMutablePointer<Double>)
    /// A typical magnitude of the flux of the ion in `slot` (mol·m⁻²·s⁻¹) near `site`: e.g. g·(RT/F)/(|z|F) for a
    /// conductance. It scales the steady-state equations; 0 means the mechanism cannot move that ion.
    func characteristicFlux(at site: MembraneSite, slot: Int) -> Double
    /// True when every flux and current is affine in V at fixed concentrations and state (the electroneutral
    /// potential then has a closed form). Default: false.
    var isAffineInPotential: Bool { get }
    /// True when it may add a current no modelled ion carries (``MembraneSite/addCurrent(_:)``). Default: false.
    var carriesNonspecificCurrent: Bool { get }
    /// True for a primary active transporter, which spends ATP to move ions against their gradients (the energy
    /// budget counts what the others dissipate). Default: false.
    var isActiveTransport: Bool { get }
    /// Evaluates the `count` instances of this type at `instances`, bound as `bindings` describes: one call per type
    /// and evaluation, a loop specialised for the type. Implemented once by the protocol; mechanisms do not implement
    /// it.
    static func contribute(_ instances: UnsafeRawPointer, count: Int, bindings: MechanismBindings, at site: MembraneSite,
                           derivatives: Bool)
    /// `mechanisms` (all of this type) copied into memory laid out for
    /// ``contribute(_:count:bindings:at:derivatives:)``; ``release(_:count:)`` frees it. Implemented once by the
    /// protocol; mechanisms do not implement them.
    static func store(_ mechanisms: [any Mechanism]) -> UnsafeRawPointer
    static func release(_ instances: UnsafeRawPointer, count: Int)
}

extension Mechanism {
    public var stateNames: [String] { [] }
    public var parameterNames: [String] { [] }
    public func parameter(_ index: Int) -> Double { preconditionFailure("\(name) has no parameter \(index)") }
    public mutating func setParameter(_ index: Int, to value: Double) throws {
        preconditionFailure("\(name) has no parameter \(index)")
    }
    public func prepared(for conditions: Conditions) -> Self { self }
    public func steadyState(at site: MembraneSite, into states: UnsafeMutablePointer<Double>) {}
    public var isAffineInPotential: Bool { false }
    public var isActiveTransport: Bool { false }
    public var carriesNonspecificCurrent: Bool { false }

    @inlinable
    public static func contribute(_ instances: UnsafeRawPointer, count: Int, bindings: MechanismBindings,
                                  at site: MembraneSite, derivatives: Bool) {
        // Called through a mutable pointer and `inout` shims: a method call on a value loaded from a plain pointer would
        // copy it first (retaining its strings); an `inout` access borrows it in place. Nothing is written.
        let m = UnsafeMutableRawPointer(mutating: instances).assumingMemoryBound(to: Self.self)
        let environment = site.environment
        if derivatives {
            for i in 0..<count {
                m[i].contributeDerivativesInPlace(at: MembraneSite(environment, slots: bindings.slots + bindings.slotOffsets[i],
                                                                   stateOffset: bindings.stateOffsets[i]))
            }
        } else {
            for i in 0..<count {
                m[i].contributeInPlace(at: MembraneSite(environment, slots: bindings.slots + bindings.slotOffsets[i],
                                                        stateOffset: bindings.stateOffsets[i]))
            }
        }
    }

    public static func store(_ mechanisms: [any Mechanism]) -> UnsafeRawPointer {
        let p = UnsafeMutablePointer<Self>.allocate(capacity: mechanisms.count)
        // Each value copied as its own (opened) type, which is Self: no dynamic cast.
        func put<M: Mechanism>(_ m: M, at i: Int) {
            precondition(M.self == Self.self, "a group of mechanisms of one type")
            UnsafeMutableRawPointer(p + i).initializeMemory(as: M.self, to: m)
        }
        for (i, m) in mechanisms.enumerated() { put(m, at: i) }
        return UnsafeRawPointer(p)
    }

    public static func release(_ instances: UnsafeRawPointer, count: Int) {
        let p = UnsafeMutableRawPointer(mutating: instances).assumingMemoryBound(to: Self.self)
        p.deinitialize(count: count)
        p.deallocate()
    }

    @inlinable @inline(__always)
    mutating func contributeInPlace(at site: MembraneSite) { contribute(at: site) }

    @inlinable @inline(__always)
    mutating func contributeDerivativesInPlace(at site: MembraneSite) { contributeDerivatives(at: site) }

    /// Checks a parameter value: finite and ≥ 0 (conductances, permeabilities, rates), naming the parameter.
    public func requireNonNegative(_ value: Double, parameter: String, unit: String) throws {
        try MembraneError.requireNonNegative(value, field: "\(name).\(parameter)", allowed: "a value ≥ 0 (\(unit))")
    }
}

/// Where the instances of one mechanism type are bound in a model: instance i's slots (model ion indices) start at
/// `slots[slotOffsets[i]]` and its state variables at `stateOffsets[i]` in the membrane's state block. Pointers into
/// storage its ``MechanismGroup`` owns (trivial to copy: the hot path counts no references).
public struct MechanismBindings: @unchecked Sendable {
    public let slots: UnsafePointer<Int>
    public let slotOffsets: UnsafePointer<Int>
    public let stateOffsets: UnsafePointer<Int>
}

/// The instances of one mechanism type in a model, with their bindings: evaluated by one call of the type's
/// ``Mechanism/contribute(_:count:bindings:at:derivatives:)`` (through its metatype, specialised for it) on
/// storage the group owns. Everything the hot path reads is a plain value or pointer. (Sendable: the pointers point
/// into `storage`, which is immutable and kept alive by the group.)
struct MechanismGroup: @unchecked Sendable {
    /// The instances, as values of the catalogue (for reports and parameter changes).
    private(set) var instances: [any Mechanism]
    /// The instances' type and their storage, which owns the bindings.
    private(set) var kind: any Mechanism.Type
    private(set) var storage: MechanismStorage
    /// `storage`'s pointers, held here too so that evaluating touches no reference.
    private(set) var base: UnsafeRawPointer
    private(set) var bindings: MechanismBindings

    /// `instances` (one type) with their slots, one after another, the offset of each instance's first slot and its
    /// state offset (`table` = slots ++ slot offsets ++ state offsets).
    init(_ instances: [any Mechanism], table: [Int]) {
        self.instances = instances
        kind = type(of: instances[0])
        storage = MechanismStorage(instances, table: table)
        base = storage.instances
        bindings = storage.bindings
    }

    /// Evaluates every instance at `site`.
    @inline(__always)
    func contribute(at site: MembraneSite, derivatives: Bool) {
        kind.contribute(base, count: instances.count, bindings: bindings, at: site, derivatives: derivatives)
    }

    /// Replaces instance i (same type), e.g. after a parameter change.
    mutating func replace(_ i: Int, with mechanism: any Mechanism) {
        precondition(type(of: mechanism) == type(of: instances[i]), "a mechanism replaced by another type")
        instances[i] = mechanism
        storage = MechanismStorage(instances, table: storage.table)
        base = storage.instances
        bindings = storage.bindings
    }

    /// Calls `body` with instance i and `site` bound to it (its slots and state variables).
    func withInstance(_ i: Int, at site: MembraneSite, _ body: (any Mechanism, MembraneSite) -> Void) {
        body(instances[i], MembraneSite(site.environment, slots: bindings.slots + bindings.slotOffsets[i],
                                        stateOffset: bindings.stateOffsets[i]))
    }
}

/// The memory of a ``MechanismGroup``: its instances laid out as an array of their type, and its bindings. Immutable
/// once made (a parameter change makes new storage), so copies of a model share it safely.
final class MechanismStorage: @unchecked Sendable {
    let kind: any Mechanism.Type
    let instances: UnsafeRawPointer
    let count: Int
    /// The bindings in one allocation: slots ++ slot offsets ++ state offsets.
    let bindings: MechanismBindings
    private let tableCount: Int

    init(_ mechanisms: [any Mechanism], table: [Int]) {
        kind = type(of: mechanisms[0])
        instances = kind.store(mechanisms)
        count = mechanisms.count
        tableCount = table.count
        let base = UnsafeMutablePointer<Int>.allocate(capacity: table.count)
        base.initialize(from: table, count: table.count)
        let slotCount = table.count - 2 * count
        bindings = MechanismBindings(slots: base, slotOffsets: base + slotCount, stateOffsets: base + slotCount + count)
    }

    /// The bindings table, as given.
    var table: [Int] { Array(UnsafeBufferPointer(start: bindings.slots, count: tableCount)) }

    deinit {
        kind.release(instances, count: count)
        UnsafeMutablePointer(mutating: bindings.slots).deallocate()
    }
}

/// Groups `mechanisms` by type, in the order of first appearance, binding each instance's slots to the model's ions
/// (`ionIndex`) and its state variables after those of the mechanisms before it. Returns the groups, where each
/// mechanism went (group, place in it), and the number of state variables. (Compiling a model runs this for every
/// steady state and run: it allocates a few arrays per type, not per instance.)
func groupMechanisms(_ mechanisms: [any Mechanism], ionIndex: (String) -> Int)
    -> (groups: [MechanismGroup], places: [(group: Int, instance: Int)], stateCount: Int) {
    var firsts: [Int] = [], counts: [Int] = []
    var places: [(group: Int, instance: Int)] = []
    var stateOffsets = [Int](repeating: 0, count: mechanisms.count)
    places.reserveCapacity(mechanisms.count)
    var states = 0
    for (i, m) in mechanisms.enumerated() {
        stateOffsets[i] = states
        states += m.stateNames.count
        let kind = type(of: m)
        if let g = firsts.firstIndex(where: { type(of: mechanisms[$0]) == kind }) {
            places.append((g, counts[g]))
            counts[g] += 1
        } else {
            places.append((firsts.count, 0))
            firsts.append(i)
            counts.append(1)
        }
    }
    var groups: [MechanismGroup] = []
    groups.reserveCapacity(firsts.count)
    for g in firsts.indices {
        var instances: [any Mechanism] = [], table: [Int] = [], offsets: [Int] = [], stateTable: [Int] = []
        instances.reserveCapacity(counts[g]); offsets.reserveCapacity(counts[g]); stateTable.reserveCapacity(counts[g])
        for (i, m) in mechanisms.enumerated() where places[i].group == g {
            instances.append(m)
            offsets.append(table.count)
            for ion in m.ions { table.append(ionIndex(ion)) }
            stateTable.append(stateOffsets[i])
        }
        table += offsets
        table += stateTable
        groups.append(MechanismGroup(instances, table: table))
    }
    return (groups, places, states)
}
