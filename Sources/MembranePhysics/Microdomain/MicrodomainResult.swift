import MembraneUnits

/// Free Ca²⁺ and the local E_Ca at one distance from the reference channel.
public struct MicrodomainSample: Sendable, Hashable {
    /// r: the depth below the reference channel.
    public var distance: Length
    /// Free Ca²⁺ c(r).
    public var concentration: Concentration
    /// E_Ca = (RT/zF)·ln(c_out/c(r)).
    public var potential: Voltage
}

/// The result of ``Microdomain/solve(_:distance:profile:fractions:)``.
public struct MicrodomainResult: Sendable {
    /// The problem solved.
    public var problem: MicrodomainProblem
    /// At the requested distance.
    public var point: MicrodomainSample
    /// c(r) and E_Ca at a series of distances (empty unless a profile was asked for).
    public var profile: [MicrodomainSample]
    /// E_Ca from the bulk concentrations.
    public var bulkPotential: Voltage
    /// The unbuffered concentration at the requested distance (for comparison).
    public var unbufferedConcentration: Concentration = .zero
    /// λ_j = √(D/(k_on,j·B_free,j)) of each buffer (in the order of the buffers with B_T > 0).
    public var lengthConstants: [(name: String, length: Length)] = []
    /// The EBA's λ = √(D/Σ_j k_on,j·B_free,j).
    public var combinedLengthConstant: Length?
    /// EBA: the fraction of each buffer's free sites consumed at the distance and at the pore radius (≪ 1 for the
    /// approximation to hold).
    public var bufferDepletion: [(name: String, atDistance: Double, atPore: Double)] = []
    /// RBA: the fraction of each buffer's sites occupied at the distance.
    public var bufferSaturation: [(name: String, fraction: Double)] = []
    /// Which model the approach times use.
    public var transientModel = "unbuffered"
    /// (fraction of the steady elevation, seconds after opening).
    public var steadyStateTimes: [(fraction: Double, seconds: Double)] = []
    /// Where the approximation is strained: EBA with a buffer depleted at the pore, RBA with r not ≫ λ.
    public var warnings: [String] = []

    /// The conditions of the problem.
    public var conditions: Conditions { problem.conditions }
    /// c(r)/c∞.
    public var enrichment: Double { point.concentration / problem.inside }
}
