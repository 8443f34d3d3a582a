import MembraneUnits
import MembranePhysics
import MembraneNumerics
import RealModule

/// Solves the pump–leak steady state of a plant cell (``PlantPumpLeakCell``): the net membrane current is zero and
/// so is the net flux of each permeant ion, K⁺ and Cl⁻, with the cytosolic pH clamped.
///
/// Nested Brent solves (Brent 1973, ch. 4):
/// 1. Cl⁻ has only its leak, so zero flux puts it at its Nernst potential: Cl_in = Cl_out·e^{F·V/RT}.
/// 2. K⁺ (for a given V): the leak's GHK efflux equals the symporter's influx. In x = ln(K_in/K_out) the leak's efflux
///    rises and the symporter's influx falls, and the root lies between the channel bound x = −F·V/RT (leak flux zero)
///    and the symporter bound x = −(1 + n)·F·V/RT + n·ln 10·ΔpH (symport flux zero), which bracket it for V ≤ E_H.
/// 3. V_m: the net current I(V) = I_pump + I_sym + I_K + I_Cl + I_H is zero. With the K⁺ and Cl⁻ fluxes balanced it
///    reduces to I_pump + I_H − n·F·J_sym, the H⁺ circuit (Mitchell 1966, Biol. Rev. 41:445; Sanders, Hansen & Slayman
///    1981, PNAS 78:5903), so the K⁺ and Cl⁻ channels carry no net current and V_m is where the pump's H⁺ efflux
///    equals the H⁺ returning through the leak and the symporter. At the stall potential the pump's current is zero
///    and the return is inward (I ≤ 0); at E_H the return is zero and the pump outward (I ≥ 0): the root is bracketed
///    in [V_stall, E_H]. With the pump off V_m = E_H and every ion is at equilibrium (a Donnan equilibrium with the
///    pH clamp).
///
/// A consequence: the full steady state satisfies zero net H⁺ flux too (charge conservation: I = F·Σ z·J).
public enum PlantSteadyStateSolver {
    /// Solves `cell`; throws a ``MembraneError`` naming the field for bad input.
    public static func solve(_ cell: PlantPumpLeakCell) throws -> PlantSteadyState {
        try cell.validate()
        let c = cell.conditions, vt = c.thermalVoltage
        let eH = cell.protonPotential
        let n = Double(cell.symporter.protonsPerSubstrate)
        let ko = cell.potassiumOutside, clo = cell.chlorideOutside
        let hIn = Concentration.molar(Double.pow(10, -cell.pHCytosol)), hOut = Concentration.molar(Double.pow(10, -cell.pHApoplast))
        let inner = BrentRootFinder(absoluteTolerance: 1e-15, relativeTolerance: 4 * .ulpOfOne)
        var failure: MembraneError?

        func potassium(at v: Voltage) -> Concentration {
            let lo = -v.volts / vt
            let hi = -(1 + n) * v.volts / vt + n * Double.log(10) * (cell.pHCytosol - cell.pHApoplast)
            func k(_ x: Double) -> Concentration { .millimolar(ko.millimolar * Double.exp(x)) }
            func residual(_ x: Double) -> Double {
                let leak = GHKCurrent.flux(z: 1, permeability: cell.leaks.potassium, inside: k(x), outside: ko, at: v, conditions: c)
                let sym = cell.symporter.influx(substrateInside: k(x), substrateOutside: ko, pHInside: cell.pHCytosol,
                                                pHOutside: cell.pHApoplast, at: v, conditions: c)
                return leak.molesPerSquareMetreSecond - sym.molesPerSquareMetreSecond
            }
            guard hi > lo, cell.symporter.maximumFlux.molesPerSquareMetreSecond > 0 else { return k(lo) }
            guard let r = inner.root(in: lo, hi, of: residual), r.converged else {
                failure = .noConvergence(method: "Brent (plant K⁺ balance)", iterations: inner.maximumIterations, residual: .nan,
                                         detail: "no cytosolic K⁺ balances the leak and the symporter at V_m = \(v.millivolts) mV")
                return k(lo)
            }
            return k(r.root)
        }
        func chloride(at v: Voltage) -> Concentration { .millimolar(clo.millimolar * Double.exp(v.volts / vt)) }

        func state(at v: Voltage, iterations: Int) -> PlantSteadyState {
            let kIn = potassium(at: v), clIn = chloride(at: v)
            return PlantSteadyState(
                cell: cell, vm: v, potassiumInside: kIn, chlorideInside: clIn,
                pumpCurrent: cell.pump.current(at: v, protonPotential: eH, atp: cell.atp, conditions: c),
                symportInflux: cell.symporter.influx(substrateInside: kIn, substrateOutside: ko, pHInside: cell.pHCytosol,
                                                     pHOutside: cell.pHApoplast, at: v, conditions: c),
                potassiumLeakCurrent: GHKCurrent.currentDensity(z: 1, permeability: cell.leaks.potassium, inside: kIn,
                                                                outside: ko, at: v, conditions: c),
                chlorideLeakCurrent: GHKCurrent.currentDensity(z: -1, permeability: cell.leaks.chloride, inside: clIn,
                                                               outside: clo, at: v, conditions: c),
                protonLeakCurrent: GHKCurrent.currentDensity(z: 1, permeability: cell.leaks.proton, inside: hIn,
                                                             outside: hOut, at: v, conditions: c),
                iterations: iterations, wall: nil)
        }

        var result: PlantSteadyState
        if cell.pump.saturationCurrent.amperesPerSquareMetre == 0 {
            result = state(at: eH, iterations: 0)
        } else {
            let vStall = cell.pump.stallPotential(protonPotential: eH, atp: cell.atp, conditions: c)
            let outer = BrentRootFinder(absoluteTolerance: 1e-15, relativeTolerance: 4 * .ulpOfOne)
            func netCurrent(_ v: Double) -> Double { state(at: .volts(v), iterations: 0).netCurrent.amperesPerSquareMetre }
            guard let r = outer.root(in: vStall.volts, eH.volts, of: netCurrent), r.converged else {
                if let failure { throw failure }
                throw MembraneError.noConvergence(method: "Brent (plant V_m)", iterations: outer.maximumIterations, residual: .nan,
                                                  detail: "the net current does not change sign between the pump's stall potential and E_H")
            }
            result = state(at: .volts(r.root), iterations: r.iterations)
        }
        if let failure { throw failure }
        if let wall = cell.wall {
            result.wall = try wall.balance(ionOsmolarity: result.ionOsmolarity, outside: result.outsideOsmolarity, conditions: c)
        }
        return result
    }
}
