import MembraneUnits

/// One exchange process of the ECS compiled (``ExtracellularExchange``): which ion, where its ECS amount and its
/// cumulative exchanged amount sit in the state, and its parameters (which events and `--set` change).
struct ExchangeTerm: Sendable {
    enum Kind: Sendable { case diffusion, glia }
    var kind: Kind
    /// The model's index of the ion.
    var ion: Int
    /// State index of the ion's ECS amount Bⱼ.
    var bath: Int
    /// State index of the amount the process has removed, Eⱼ.
    var index: Int
    /// Diffusion: k (s⁻¹), c_bath (mM). Glia: G (mM/s), K_sat (mM), s (mM).
    var parameters: (Double, Double, Double)

    /// The process's name: `bath_diffusion.<ion>` or `glia.K`.
    func name(ion: String) -> String { kind == .diffusion ? "bath_diffusion.\(ion)" : "glia.\(ion)" }

    /// Its parameters' names (without the ion), units and what they allow.
    var parameterNames: [String] { kind == .diffusion ? ["rate", "concentration"] : ["G_max", "K_half", "slope"] }

    /// R (mM·w_ref/s removed from the ECS) at ECS amount b and water w, with ∂R/∂B and ∂R/∂W.
    @inline(__always)
    func removal(amount b: Double, water w: Double) -> (value: Double, dAmount: Double, dWater: Double) {
        switch kind {
        case .diffusion: BathDiffusion.removal(rate: parameters.0, bath: parameters.1, amount: b, water: w)
        case .glia: GlialUptake.removal(maximal: parameters.0, half: parameters.1, slope: parameters.2, amount: b, water: w)
        }
    }

    /// Sets parameter k after checking its range (SI: s⁻¹, mol/m³ = mM, mM/s); `field` names it in the error.
    mutating func setParameter(_ k: Int, to value: Double, field: String) throws {
        switch (kind, k) {
        case (.diffusion, 0):
            try MembraneError.requireNonNegative(value, field: field, allowed: "a rate constant ≥ 0 s⁻¹")
            parameters.0 = value
        case (.diffusion, _):
            try MembraneError.requirePositive(value, field: field, allowed: "a bath concentration > 0 mM")
            parameters.1 = value
        case (.glia, 0):
            try MembraneError.requireNonNegative(value, field: field, allowed: "a maximal uptake ≥ 0 mM/s")
            parameters.0 = value
        case (.glia, 1):
            try MembraneError.requireFinite(value, field: field, allowed: "a half-activation concentration in mM")
            parameters.1 = value
        case (.glia, _):
            try MembraneError.requirePositive(value, field: field, allowed: "a slope > 0 mM")
            parameters.2 = value
        }
    }

    func parameter(_ k: Int) -> Double { k == 0 ? parameters.0 : k == 1 ? parameters.1 : parameters.2 }
}

extension CellModel {
    /// The exchange terms of `scenario` (validated) with their states allocated by `allocate`: diffusion in the order
    /// given, then glia.
    static func exchangeTerms(_ scenario: Scenario, bathIndex: [Int], allocate: () -> Int) -> [ExchangeTerm] {
        let exchange = scenario.extracellularExchange
        var terms: [ExchangeTerm] = []
        for d in exchange.bathDiffusion {
            let j = scenario.index(of: d.ion)!
            let cb = d.bathConcentration?.millimolar ?? scenario.outside[j].millimolar
            terms.append(ExchangeTerm(kind: .diffusion, ion: j, bath: bathIndex[j], index: allocate(), parameters: (d.rate, cb, 0)))
        }
        if let g = exchange.glialUptake {
            let j = scenario.index(of: GlialUptake.ion)!
            terms.append(ExchangeTerm(kind: .glia, ion: j, bath: bathIndex[j], index: allocate(),
                                      parameters: (g.maximalRate, g.halfActivation.millimolar, g.slope.millimolar)))
        }
        return terms
    }

    /// Adds the exchange to f: dBⱼ/dt −= R, dEⱼ/dt = R (after the membrane has written dBⱼ/dt).
    @inline(__always)
    func addExchange(_ y: UnsafePointer<Double>, water w: Double, _ out: UnsafeMutablePointer<Double>) {
        for term in exchangeTerms {
            let r = term.removal(amount: y[term.bath], water: w).value
            out[term.bath] -= r
            out[term.index] = r
        }
    }

    /// Adds the exchange to J (d × d, row-major): ∂R/∂yₘ = ∂R/∂B·δ_{m,B} − ∂R/∂W·∂v̂/∂yₘ (W = W_total − v̂).
    func addExchangeJacobian(_ y: UnsafePointer<Double>, water w: Double, dVolume: UnsafePointer<Double>,
                             _ out: UnsafeMutablePointer<Double>, dimension d: Int) {
        for term in exchangeTerms {
            let r = term.removal(amount: y[term.bath], water: w)
            let bathRow = out + term.bath * d, row = out + term.index * d
            for m in 0..<d {
                let value = -r.dWater * dVolume[m]
                bathRow[m] -= value
                row[m] = value
            }
            bathRow[term.bath] -= r.dAmount
            row[term.bath] += r.dAmount
        }
    }

    /// The rate of each exchange term at state y, mM/s of the ECS concentration (R/W).
    func exchangeRates(state y: [Double]) -> [Double] {
        guard !exchangeTerms.isEmpty else { return [] }
        let w = waterTotal - relativeVolume(y)
        return exchangeTerms.map { $0.removal(amount: y[$0.bath], water: w).value / w }
    }

    /// The amount of each ion the exchange has removed from the ECS so far (mM·w_ref; 0 for ions without exchange).
    public func exchangedAmounts(state y: [Double]) -> [Double] {
        var amounts = [Double](repeating: 0, count: n)
        for term in exchangeTerms { amounts[term.ion] += y[term.index] }
        return amounts
    }

    /// The names of the exchange terms (`bath_diffusion.K`, `glia.K`) with their rate constant or maximal rate, bath
    /// concentration or half-activation and slope as in force.
    public var exchangeSettings: [(name: String, parameters: [(name: String, value: Double)])] {
        exchangeTerms.map { term in
            (term.name(ion: scenario.ions[term.ion].name), term.parameterNames.indices.map { (term.parameterNames[$0], term.parameter($0)) })
        }
    }
}

/// Where one ion's amount went between two states of a model whose finite bath exchanges ions
/// (``ExtracellularExchange``): the change in the cell and in the ECS, and what each process removed (mol); the three
/// sum to zero up to the integration's round-off.
public struct ExchangeBalance: Sendable {
    /// The ion's canonical name.
    public var ion: String
    /// The amount in cell + ECS at the first state, mol.
    public var initialTotal: Double
    /// The change of the amount in the cell, mol.
    public var cellChange: Double
    /// The change of the amount in the ECS, mol.
    public var extracellularChange: Double
    /// What each process (`bath_diffusion.<ion>`, `glia.K`) removed from the ECS between the two states, mol, and its rate at
    /// the second state, mM/s of the ECS concentration.
    public var processes: [(name: String, removed: Double, rate: Double)]
    /// |Δcell + ΔECS + Σ removed| relative to the initial total: round-off for a correct run.
    public var imbalance: Double {
        abs(cellChange + extracellularChange + processes.reduce(0) { $0 + $1.removed }) / max(abs(initialTotal), 1e-300)
    }
}

extension CellModel {
    /// The balance of each ion with an exchange process between states `y0` and `y` (amounts in mol: the model's
    /// mM·w_ref times the reference volume).
    public func exchangeBalance(from y0: [Double], to y: [Double]) -> [ExchangeBalance] {
        let w = scenario.geometry.volume, rates = exchangeRates(state: y)
        var result: [ExchangeBalance] = []
        for j in 0..<n where exchangeTerms.contains(where: { $0.ion == j }) {
            let c = cellIndex[j], b = bathIndex[j]
            var balance = ExchangeBalance(ion: scenario.ions[j].name, initialTotal: (y0[c] + y0[b]) * w,
                                          cellChange: (y[c] - y0[c]) * w, extracellularChange: (y[b] - y0[b]) * w, processes: [])
            for (t, term) in exchangeTerms.enumerated() where term.ion == j {
                balance.processes.append((term.name(ion: scenario.ions[j].name), (y[term.index] - y0[term.index]) * w, rates[t]))
            }
            result.append(balance)
        }
        return result
    }
}
