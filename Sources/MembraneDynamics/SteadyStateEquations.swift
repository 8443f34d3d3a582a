import MembraneUnits
import MembraneNumerics
import RealModule

/// The steady-state conditions of a pump–leak cell as F(x) = 0 in well-scaled unknowns
/// x = (FV/RT, ln c₁ … ln cₙ, ln v̂):
///
/// - each ion with a pathway: its net flux Φⱼ = 0 (divided by a fixed flux scale of that ion);
///   an ion nothing can move keeps its amount: ln(cⱼ·v̂) = ln Nⱼ(0);
/// - the charge: V = F·w_ref·(v̂·Σ zⱼcⱼ + z_X·N_X)/(C·A) (charge difference, as a voltage mismatch over RT/F)
///   or v̂·Σ zⱼcⱼ + z_X·N_X = 0 (electroneutral);
/// - water: Osm_in = Osm_out (at steady state water does not move, whatever its permeability).
///
/// With a finite bath, bath concentrations follow from conservation, (Tⱼ − cⱼ·v̂)/(W − v̂).
struct SteadyStateEquations {
    let system: CellModel
    let n: Int
    let pathway: [Bool]
    let fluxScale: [Double]
    let initialAmounts: [Double]
    let totals: [Double]
    let chargeScale: Double
    /// How the charge condition is scaled: relative to the cell's contents (robust far from the solution) or as
    /// a voltage mismatch over RT/F (precise: the charge-difference V is κ·q with κ ≈ 16 V/mM for a 5 µm cell,
    /// so 10⁻¹¹ of the contents would still be 10⁻⁸ V). Newton runs with the first, then polishes with the second.
    var voltageScaledCharge = false
    /// Whether the charge residual is relative to the present contents (Newton) or to the initial ones (the polish
    /// of an electroneutral cell; ``residualChargeScale(contents:)``).
    var chargeRelativeToPresentContents = true

    /// The equations of `system`, a pump–leak cell: every ion's amount changes and no mechanism has state variables
    /// (checked by ``SteadyStateSolver``: ``isSupported(_:)``).
    init(_ system: CellModel) {
        self.system = system
        n = system.n
        let y0 = system.initialState
        initialAmounts = (0..<n).map { y0[system.cellIndex[$0]] }
        totals = (0..<n).map { y0[system.cellIndex[$0]] + (system.bathIndex[$0] >= 0 ? y0[system.bathIndex[$0]] : 0) }
        // Each ion's flux scale: its mechanisms' characteristic fluxes at the scenario's initial concentrations.
        let scale = system.characteristicFluxes(inside: system.scenario.inside.map(\.millimolar))
        fluxScale = scale
        pathway = scale.map { $0 > 0 }
        chargeScale = initialAmounts.reduce(system.impermeantAmount, +)
    }

    /// True for the cells these equations describe: every ion's amount changes, no mechanism has state variables,
    /// nothing charges the membrane but the ions (no stimulus, no nonspecific current).
    static func isSupported(_ system: CellModel) -> Bool {
        system.stateCount == 0 && system.otherIndex < 0 && system.cellIndex.allSatisfy { $0 >= 0 }
    }

    var dimension: Int { n + 2 }

    /// Bath concentration of ion j at inside concentration c and volume v̂.
    func outside(_ j: Int, _ c: Double, _ v: Double) -> Double {
        system.infiniteBath ? system.outsideFixed[j] : (totals[j] - c * v) / (system.waterTotal - v)
    }

    func residual(_ x: [Double], _ f: inout [Double]) {
        system.withWorkspace { residual(x, &f, $0) }
    }

    func residual(_ x: [Double], _ f: inout [Double], _ ws: Workspace) {
        // The number of ions as a constant for the usual three (the loops unrolled), else as a variable.
        if n == 3 { residual(x, &f, ws, ions: 3) } else { residual(x, &f, ws, ions: n) }
    }

    @inline(__always)
    func residual(_ x: [Double], _ f: inout [Double], _ ws: Workspace, ions n: Int) {
        let potential = x[0] * system.vt
        let v = Double.exp(x[n + 1])
        do {
            let ci = ws.ci, co = ws.co, phi = ws.phi
            var osmIn = system.impermeantAmount / v, charge = system.zX * system.impermeantAmount
            var contents = abs(system.zX) * system.impermeantAmount
            var bathOsmoles = system.outsideImpermeantAmount
            for j in 0..<n {
                ci[j] = Double.exp(x[1 + j])
                co[j] = outside(j, ci[j], v)
                osmIn += ci[j]
                charge += system.z[j] * ci[j] * v
                contents += abs(system.z[j]) * ci[j] * v
                bathOsmoles += co[j] * (system.waterTotal - v)
            }
            system.evaluateMembrane(system.natural(volume: v), potential: potential, states: ws.rates, ws, rates: ws.rates,
                                    partials: nil, ions: n)
            for j in 0..<n {
                f[1 + j] = pathway[j] ? phi[j] / fluxScale[j] : x[1 + j] + x[n + 1] - Double.log(initialAmounts[j])
            }
            // Charge difference: the potential the charge holds, V = κ·q, minus V, in units of RT/F (a charge
            // error of 10⁻¹¹ RT/F/κ is far below round-off in the amounts); electroneutral: q relative to the contents.
            // The scale: the initial plus the present contents (``residualChargeScale(contents:)``).
            let scale = residualChargeScale(contents: contents)
            if system.electroneutral {
                f[0] = charge / scale
            } else if voltageScaledCharge {
                f[0] = (system.kappa * charge - potential) / system.vt
            } else {
                f[0] = (charge - potential / system.kappa) / scale
            }
            let osmOut = system.infiniteBath ? system.osmOutFixed : bathOsmoles / (system.waterTotal - v)
            f[n + 1] = (osmIn - osmOut) / osmOut
            // Outside the physical domain (negative bath amounts): not a solution.
            if !system.infiniteBath && (0..<n).contains(where: { co[$0] <= 0 }) { f[0] = .nan }
        }
    }

    /// The scale of the charge residual: the initial contents plus the cell's charged contents Σ|zⱼ|·cⱼ·v̂ + |z_X|·N_X
    /// at x (a sum, smooth in x, rather than the larger of the two), for an electroneutral cell; the initial contents
    /// for a charge difference, whose Newton scaling and voltage-scaled polish are unchanged. q is a difference of these terms, so its round-off is ε times them: near the ends of the
    /// existence range the cell swells a millionfold (keener-sneyd at P = 1e-7: v̂ ≈ 1.7·10⁶), and q relative to
    /// the initial contents could not fall below ~10⁻¹⁰, above Newton's tolerance of 10⁻¹¹ — no convergence for a
    /// steady state that exists. Relative to the present contents it can.
    func residualChargeScale(contents: Double) -> Double {
        chargeRelativeToPresentContents && system.electroneutral ? chargeScale + contents : chargeScale
    }

    /// The cell's charged contents Σ|zⱼ|·cⱼ·v̂ + |z_X|·N_X at x.
    func contents(_ x: [Double]) -> Double {
        let v = Double.exp(x[n + 1])
        var contents = abs(system.zX) * system.impermeantAmount
        for j in 0..<n { contents += abs(system.z[j]) * Double.exp(x[1 + j]) * v }
        return contents
    }

    /// The starting point: the initial amounts at their osmotic volume, at the electroneutral potential.
    func initialGuess() -> [Double] {
        var y = system.initialState
        if case .dynamic(let index) = system.volume {
            var cell = system.impermeantAmount
            for j in 0..<n { cell += y[system.cellIndex[j]] }
            y[index] = system.infiniteBath ? cell / system.osmOutFixed : 1
        }
        var x = [Double](repeating: 0, count: n + 2)
        system.withWorkspace { ws in
            y.withUnsafeBufferPointer { yp in
                let natural = system.naturalVariables(yp.baseAddress!, ws)
                let potential = system.electroneutralPotential(natural, ws.rates, ws)
                x[0] = potential.isFinite ? potential / system.vt : 0
                for j in 0..<n { x[1 + j] = Double.log(ws.ci[j]) }
                x[n + 1] = Double.log(natural.volume)
            }
        }
        return x
    }

    /// The state vector of the system at solution x.
    func stateVector(_ x: [Double]) -> [Double] {
        let v = Double.exp(x[n + 1])
        var y = system.stateVector(inside: (0..<n).map { Double.exp(x[1 + $0]) }, relativeVolume: v)
        if !system.infiniteBath {
            for j in 0..<n { y[system.bathIndex[j]] = totals[j] - y[system.cellIndex[j]] }
        }
        return y
    }
}
