import MembraneNumerics

/// A right-hand side that runs the cells of one ``GatedCellStructure`` in SIMD lanes, each lane loaded with its own
/// ``GatedCellParameters``: the general ``GatedCellKernel`` (any Hodgkin–Huxley channels, rates read from the
/// structure) or a kernel compiled for one channel set (``HodgkinHuxley1952Kernel``, the squid axon's rates written
/// into the code, as NEURON compiles `hh.mod` to C). ``SpikingRun`` picks the compiled one where
/// `GatedCellStructure.runsOnHodgkinHuxley1952Kernel` says the structure is its.
public protocol GatedLaneSystem: LaneODESystem {
    /// A kernel for cells of `structure` (one it runs), every lane's parameters zero until ``load(_:into:)``.
    init(structure: GatedCellStructure)
    /// Sets lane `lane`'s parameters.
    mutating func load(_ p: GatedCellParameters, into lane: Int)
}
