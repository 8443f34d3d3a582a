import MembraneUnits
import MembraneChemistry

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
    /// it (nor the storage functions below).
    static func contribute(_ instances: UnsafeRawPointer, count: Int, bindings: MechanismBindings, at site: MembraneSite,
                           derivatives: Bool)
    /// Evaluates instance i alone (values only).
    static func contribute(_ instances: UnsafeRawPointer, instance i: Int, bindings: MechanismBindings,
                           at site: MembraneSite)
    /// Memory for `count` instances of this type, laid out for ``contribute(_:count:bindings:at:derivatives:)``
    /// (``initialize(_:at:)`` fills it, ``release(_:count:)`` frees it).
    static func allocate(count: Int) -> UnsafeMutableRawPointer
    /// Copies this value into slot i of memory from ``allocate(count:)`` (of its own type: no cast).
    func initialize(_ instances: UnsafeMutableRawPointer, at i: Int)
    /// Instance i of memory from ``allocate(count:)``, as a value of the catalogue.
    static func instance(_ instances: UnsafeRawPointer, at i: Int) -> any Mechanism
    /// Gives `visitor` instance i of memory from ``allocate(count:)`` as its own type (no existential box).
    static func visit<V: MechanismVisitor>(_ instances: UnsafeRawPointer, at i: Int, _ visitor: inout V)
    /// Deinitializes and frees the `count` instances of memory from ``allocate(count:)``.
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

    public static func contribute(_ instances: UnsafeRawPointer, instance i: Int, bindings: MechanismBindings,
                                  at site: MembraneSite) {
        let m = UnsafeMutableRawPointer(mutating: instances).assumingMemoryBound(to: Self.self)
        m[i].contributeInPlace(at: MembraneSite(site.environment, slots: bindings.slots + bindings.slotOffsets[i],
                                                stateOffset: bindings.stateOffsets[i]))
    }

    public static func allocate(count: Int) -> UnsafeMutableRawPointer {
        UnsafeMutableRawPointer(UnsafeMutablePointer<Self>.allocate(capacity: count))
    }

    public func initialize(_ instances: UnsafeMutableRawPointer, at i: Int) {
        (instances.assumingMemoryBound(to: Self.self) + i).initialize(to: self)
    }

    public static func instance(_ instances: UnsafeRawPointer, at i: Int) -> any Mechanism {
        instances.assumingMemoryBound(to: Self.self)[i]
    }

    public static func visit<V: MechanismVisitor>(_ instances: UnsafeRawPointer, at i: Int, _ visitor: inout V) {
        visitor.visit(instances.assumingMemoryBound(to: Self.self)[i])
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
/// storage its `MechanismGroup` owns (trivial to copy: the hot path counts no references).
public struct MechanismBindings: @unchecked Sendable {
    /// The model ion index of each slot, instance after instance.
    public let slots: UnsafePointer<Int>
    /// Where instance i's slots start in ``slots``.
    public let slotOffsets: UnsafePointer<Int>
    /// Where instance i's state variables start in the membrane's state block.
    public let stateOffsets: UnsafePointer<Int>
}

/// The instances of one mechanism type in a model, with their bindings: evaluated by one call of the type's
/// ``Mechanism/contribute(_:count:bindings:at:derivatives:)`` (through its metatype, specialised for it) on
/// storage the group owns. Everything the hot path reads is a plain value or pointer. (Sendable: the pointers point
/// into `storage`, which is immutable and kept alive by the group.)
struct MechanismGroup: @unchecked Sendable {
    /// The instances' type, count and memory, which also holds the bindings.
    private(set) var storage: MechanismStorage
    /// `storage`'s fields, held here too so that evaluating touches no reference.
    private(set) var kind: any Mechanism.Type
    private(set) var count: Int
    private(set) var base: UnsafeRawPointer
    private(set) var bindings: MechanismBindings

    init(_ storage: MechanismStorage) {
        self.storage = storage
        kind = storage.kind
        count = storage.count
        base = storage.instances
        bindings = storage.bindings
    }

    /// Evaluates every instance at `site`.
    @inline(__always)
    func contribute(at site: MembraneSite, derivatives: Bool) {
        kind.contribute(base, count: count, bindings: bindings, at: site, derivatives: derivatives)
    }

    /// Evaluates instance i alone at `site` (values only).
    func contribute(_ i: Int, at site: MembraneSite) {
        kind.contribute(base, instance: i, bindings: bindings, at: site)
    }

    /// Instance i, as a value of the catalogue (for reports and parameter changes).
    func instance(_ i: Int) -> any Mechanism { kind.instance(base, at: i) }

    /// Instance i read as its own type `M` (nil when the group holds another type).
    func instance<M: Mechanism>(_ i: Int, as type: M.Type) -> M? {
        kind == M.self ? base.assumingMemoryBound(to: M.self)[i] : nil
    }

    /// Replaces instance i (same type), e.g. after a parameter change: new storage, shared with no other model.
    mutating func replace(_ i: Int, with mechanism: any Mechanism) {
        precondition(type(of: mechanism) == kind, "a mechanism replaced by another type")
        self = MechanismGroup(MechanismStorage(copying: storage, replacing: i, with: mechanism))
    }

    /// Gives `visitor` instance i as its own type.
    func visit<V: MechanismVisitor>(_ i: Int, _ visitor: inout V) { kind.visit(base, at: i, &visitor) }

    /// `site` bound to instance i (its slots and state variables).
    func bound(_ i: Int, at site: MembraneSite) -> MembraneSite {
        MembraneSite(site.environment, slots: bindings.slots + bindings.slotOffsets[i], stateOffset: bindings.stateOffsets[i])
    }
}

/// The memory of a ``MechanismGroup``: its instances laid out as an array of their type, and its bindings in one
/// table (slot offsets ++ state offsets ++ slots). Immutable once made (a parameter change makes new storage), so
/// copies of a model share it safely.
final class MechanismStorage: @unchecked Sendable {
    let kind: any Mechanism.Type
    let instances: UnsafeRawPointer
    let count: Int
    let bindings: MechanismBindings
    private let table: UnsafeMutablePointer<Int>
    private let tableCount: Int

    /// Storage for `count` instances of `kind`, filled by the caller (``Mechanism/initialize(_:at:)``), with the
    /// bindings `table`: slot offsets (into the table) ++ state offsets ++ slots.
    init(kind: any Mechanism.Type, count: Int, instances: UnsafeMutableRawPointer, table: [Int]) {
        self.kind = kind
        self.count = count
        self.instances = UnsafeRawPointer(instances)
        tableCount = table.count
        self.table = UnsafeMutablePointer<Int>.allocate(capacity: table.count)
        self.table.initialize(from: table, count: table.count)
        bindings = MechanismBindings(slots: self.table, slotOffsets: self.table, stateOffsets: self.table + count)
    }

    /// A copy of `other` with instance i replaced by `mechanism` (of the same type).
    convenience init(copying other: MechanismStorage, replacing i: Int, with mechanism: any Mechanism) {
        let memory = other.kind.allocate(count: other.count)
        for k in 0..<other.count {
            if k == i { mechanism.initialize(memory, at: k) } else { other.kind.instance(other.instances, at: k).initialize(memory, at: k) }
        }
        self.init(kind: other.kind, count: other.count, instances: memory,
                  table: Array(UnsafeBufferPointer(start: other.table, count: other.tableCount)))
    }

    deinit {
        kind.release(instances, count: count)
        table.deallocate()
    }
}

/// Something that takes mechanisms as their own types (`Scenario.visitMembraneMechanisms(_:)`,
/// ``Mechanism/visit(_:at:_:)``): compiling a model and reading its instances need no existential boxes.
public protocol MechanismVisitor {
    /// Takes one mechanism as its own type `M`.
    mutating func visit<M: Mechanism>(_ mechanism: M)
}

/// Where a mechanism sits in a model: its group and its place in the group.
struct MechanismPlace: Sendable {
    var group: Int
    var instance: Int
}

/// The mechanisms of a scenario grouped by type, in the order of first appearance, each instance's slots bound to the
/// model's ions and its state variables after those of the mechanisms before it: two visits of the scenario's
/// mechanisms, the first to count them by type, the second to store each (prepared for the conditions) in its group's
/// memory. A few arrays per type, not per instance.
struct MechanismGrouping {
    var groups: [MechanismGroup] = []
    var places: [MechanismPlace] = []
    /// The number of state variables of all mechanisms.
    var stateCount = 0
    var allAffine = true
    var carriesNonspecificCurrent = false

    init(_ scenario: borrowing Scenario) {
        var census = Census()
        scenario.visitMembraneMechanisms(&census)
        var filling = Filling(ions: scenario.ions, conditions: scenario.conditions, census: census)
        scenario.visitMembraneMechanisms(&filling)
        groups.reserveCapacity(census.kinds.count)
        for (g, group) in filling.groups.enumerated() {
            groups.append(MechanismGroup(MechanismStorage(kind: census.kinds[g], count: census.counts[g],
                                                          instances: group.memory, table: group.table)))
        }
        places = census.places
        stateCount = filling.stateCount
        allAffine = filling.allAffine
        carriesNonspecificCurrent = filling.carriesNonspecificCurrent
    }

    /// First visit: the types, how many of each, and where each mechanism goes.
    struct Census: MechanismVisitor {
        var identities: [ObjectIdentifier] = []
        var kinds: [any Mechanism.Type] = []
        var counts: [Int] = []
        var places: [MechanismPlace] = []

        init() {
            identities.reserveCapacity(4); kinds.reserveCapacity(4); counts.reserveCapacity(4); places.reserveCapacity(8)
        }

        mutating func visit<M: Mechanism>(_ mechanism: M) {
            if let g = identities.firstIndex(of: ObjectIdentifier(M.self)) {
                places.append(MechanismPlace(group: g, instance: counts[g]))
                counts[g] += 1
            } else {
                places.append(MechanismPlace(group: kinds.count, instance: 0))
                identities.append(ObjectIdentifier(M.self))
                kinds.append(M.self)
                counts.append(1)
            }
        }
    }

    /// Second visit: each mechanism prepared and stored, its slots and state offset in its group's table.
    struct Filling: MechanismVisitor {
        struct Group {
            var memory: UnsafeMutableRawPointer
            /// Slot offsets and state offsets (one of each per instance), then the slots.
            var table: [Int]
        }
        let ions: [Ion]
        let conditions: Conditions
        let places: [MechanismPlace]
        let counts: [Int]
        var groups: [Group] = []
        var next = 0
        var stateCount = 0
        var allAffine = true
        var carriesNonspecificCurrent = false

        init(ions: [Ion], conditions: Conditions, census: Census) {
            self.ions = ions
            self.conditions = conditions
            places = census.places
            counts = census.counts
            groups.reserveCapacity(census.kinds.count)
            for (kind, count) in zip(census.kinds, census.counts) {
                var table = [Int]()
                table.reserveCapacity(6 * count)
                for _ in 0..<(2 * count) { table.append(0) }
                groups.append(Group(memory: kind.allocate(count: count), table: table))
            }
        }

        mutating func visit<M: Mechanism>(_ mechanism: M) {
            let m = mechanism.prepared(for: conditions)
            let place = places[next]
            next += 1
            let g = place.group
            m.initialize(groups[g].memory, at: place.instance)
            groups[g].table[place.instance] = groups[g].table.count
            groups[g].table[counts[g] + place.instance] = stateCount
            for ion in m.ions { groups[g].table.append(ions.firstIndex { $0.name == ion }!) }
            stateCount += m.stateNames.count
            allAffine = allAffine && m.isAffineInPotential
            carriesNonspecificCurrent = carriesNonspecificCurrent || m.carriesNonspecificCurrent
        }
    }
}
