import MembraneUnits
import MembraneNumerics
import MembraneLanes
import RealModule

/// Why a scenario cannot run on the ``GatedCellKernel`` (the population then runs on the general ``Simulation``).
public struct KernelIncompatibility: Error, Sendable, CustomStringConvertible {
    public var description: String
}

extension GatedCellStructure {
    /// The structure and the parameters of the cell compiled in `model`, or why the kernel cannot run it: it needs
    /// every concentration held (no amounts in the state), only ``HodgkinHuxleyChannel``s with an ohmic open channel
    /// and ``PassiveCurrent``s, constant current clamps, and no timed events.
    public static func compile(_ model: CellModel) throws(KernelIncompatibility) -> (GatedCellStructure, GatedCellParameters) {
        func fail(_ why: String) -> KernelIncompatibility { KernelIncompatibility(description: why) }
        let scenario = model.scenario
        guard model.cellIndex.allSatisfy({ $0 < 0 }), model.otherIndex >= 0, !model.electroneutral else {
            throw fail("concentrations that change (the kernel holds every concentration)")
        }
        guard scenario.leaks.isEmpty, scenario.pump == nil, scenario.cotransporters.isEmpty else {
            throw fail("leaks, pumps or cotransporters of the pump–leak cell")
        }
        guard scenario.events.isEmpty else { throw fail("timed events") }
        var stimulus = 0.0
        for s in scenario.stimuli {
            guard case .currentClamp(.constant(let a)) = s else { throw fail("a stimulus other than a constant current") }
            stimulus += a * 1e2  // A/m² → µA/cm²
        }
        let layout = model.layout
        var gates: [GatedCellStructure.Gate] = [], rates: [GatedCellStructure.Rate] = [], firstGate = [0], indices: [Int] = [model.otherIndex]
        var conductances: [Double] = [], reversals: [Double] = []
        var passiveG = 0.0, passiveDrive = 0.0
        let y0 = model.initialState
        var start: [Double] = [model.potential(y0) * 1e3]
        for (i, name) in model.mechanismNames.enumerated() {
            let m = model.mechanism(at: i)
            if let p = m as? PassiveCurrent {
                let g = p.conductance.millisiemensPerSquareCentimetre
                passiveG += g
                passiveDrive += g * p.reversal.millivolts
            } else if let c = m as? HodgkinHuxleyChannel {
                guard case .ohmic(let g, let reversal) = c.permeation else { throw fail("a GHK channel (\(name))") }
                let e: Double
                switch reversal {
                case .fixed(let v): e = v.millivolts
                case .nernst:
                    guard let j = scenario.index(of: c.ion) else { throw fail("an unknown ion \(c.ion)") }
                    e = model.vt / model.z[j] * Double.log(model.outsideFixed[j] / model.fixedInside[j]) * 1e3
                }
                let channel = conductances.count
                conductances.append(g.millisiemensPerSquareCentimetre * (1 - c.block))
                reversals.append(e)
                for gate in c.gates {
                    guard let index = layout.index(of: "\(name).\(gate.name)") else { throw fail("a gate without a state") }
                    guard gate.exponent >= 1 else { throw fail("a gate of exponent \(gate.exponent) (\(name).\(gate.name))") }
                    gates.append(GatedCellStructure.Gate(channel: channel, exponent: gate.exponent, phi: c.rateFactor))
                    rates += [GatedCellStructure.Rate(gate.alpha), GatedCellStructure.Rate(gate.beta)]
                    indices.append(index)
                    start.append(y0[index])
                }
                firstGate.append(gates.count)
            } else {
                throw fail("the mechanism \(name) (the kernel runs Hodgkin–Huxley channels and passive currents)")
            }
        }
        let parameters = GatedCellParameters(conductances: conductances, reversals: reversals, passiveConductance: passiveG,
                                        passiveDrive: passiveDrive, stimulus: stimulus,
                                        inverseCapacitance: 1 / scenario.capacitance.microfaradsPerSquareCentimetre,
                                        initialState: start)
        return (GatedCellStructure(gates: gates, rates: rates, firstGate: firstGate, modelIndices: indices), parameters)
    }

    /// The ``CellModel`` state vector of a lane state (for cell states and reports).
    public func modelState(_ laneState: [Double], model: CellModel) -> [Double] {
        var y = model.initialState
        // V = κ·(charge of the held-ion-free cell, constant) + V_other.
        let offset = model.potential(y) - y[model.otherIndex]
        y[model.otherIndex] = laneState[0] * 1e-3 - offset
        for k in 1..<laneState.count { y[modelIndices[k]] = laneState[k] }
        return y
    }
}

extension GatedCellStructure.Rate {
    /// A channel's rate function in the kernel's units: SI (s⁻¹, V) to ms⁻¹ and mV.
    init(_ f: HodgkinHuxleyChannel.RateFunction) {
        switch f {
        case .exponential(let r, let m, let s): self.init(form: .exponential, rate: r * 1e-3, slope: 1 / (s * 1e3), offset: -m / s)
        case .sigmoid(let r, let m, let s): self.init(form: .sigmoid, rate: r * 1e-3, slope: -1 / (s * 1e3), offset: m / s)
        case .expLinear(let r, let m, let s): self.init(form: .expLinear, rate: r * 1e-3, slope: -1 / (s * 1e3), offset: m / s)
        }
    }
}
