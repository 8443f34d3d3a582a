import MembraneUnits
import MembranePhysics
import MembraneNumerics
import RealModule

/// Solves the pump–leak steady state of a plant cell (``PlantPumpLeakCell``): the net membrane current is zero and
/// so is the net flux of each permeant ion, K⁺ and Cl⁻, with the cytosolic pH clamped.
///
/// Nested Brent solves (Brent 1973, ch. 4):
/// 1. Cl⁻ with only its leak: zero flux puts it at its Nernst potential, Cl_in = Cl_out·e^{F·V/RT}; with a Cl⁻/2 H⁺
///    symporter, as K⁺ below between the Nernst point and the symporter's bound.
/// 2. K⁺ (for a given V): the leak's GHK efflux equals the symporter's influx. In x = ln(K_in/K_out) the leak's efflux
///    rises and the symporter's influx falls, and the root lies between the channel bound x = −F·V/RT (leak flux zero)
///    and the symporter bound x = −(1 + n)·F·V/RT + n·ln 10·ΔpH (symport flux zero), which bracket it for V ≤ E_H.
/// 3. V_m: the net current I(V) = I_pump + I_sym + I_K + I_Cl + I_H is zero. With the K⁺ and Cl⁻ fluxes balanced it
///    reduces to I_pump + I_H − Σ n·F·J_sym (each symporter's H⁺), the H⁺ circuit (Mitchell 1966, Biol. Rev. 41:445; Sanders, Hansen & Slayman
///    1981, PNAS 78:5903), so the K⁺ and Cl⁻ channels carry no net current and V_m is where the pump's H⁺ efflux
///    equals the H⁺ returning through the leak and the symporters. At the stall potential the pump's current is zero
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
        let ko = cell.potassiumOutside, clo = cell.chlorideOutside
        let hIn = Concentration.molar(Double.pow(10, -cell.pHCytosol)), hOut = Concentration.molar(Double.pow(10, -cell.pHApoplast))
        let inner = BrentRootFinder(absoluteTolerance: 1e-15, relativeTolerance: 4 * .ulpOfOne)
        var failure: MembraneError?

        /// The inside concentration of a substrate ion whose leak efflux balances its symporter's influx at `v`: in
        /// x = ln(c_in/c_out), between the leak's Nernst point x = −z·F·V/RT and the symporter's bound.
        func balanced(at v: Voltage, z: Int, outside: Concentration, leak: Permeability, symporter: ProtonCoupledSymporter?,
                      name: String) -> Concentration {
            let lo = -Double(z) * v.volts / vt
            func conc(_ x: Double) -> Concentration { .millimolar(outside.millimolar * Double.exp(x)) }
            guard let symporter, symporter.maximumFlux.molesPerSquareMetreSecond > 0, outside.millimolar > 0 else { return conc(lo) }
            let hi = symporter.logRatioBound(pHInside: cell.pHCytosol, pHOutside: cell.pHApoplast, at: v, conditions: c)
            guard hi > lo else { return conc(lo) }
            func residual(_ x: Double) -> Double {
                let efflux = GHKCurrent.flux(z: z, permeability: leak, inside: conc(x), outside: outside, at: v, conditions: c)
                let influx = symporter.influx(substrateInside: conc(x), substrateOutside: outside, pHInside: cell.pHCytosol,
                                              pHOutside: cell.pHApoplast, at: v, conditions: c)
                return efflux.molesPerSquareMetreSecond - influx.molesPerSquareMetreSecond
            }
            guard let r = inner.root(in: lo, hi, of: residual), r.converged else {
                failure = .noConvergence(method: "Brent (plant \(name) balance)", iterations: inner.maximumIterations, residual: .nan,
                                         detail: "no cytosolic \(name) balances the leak and the symporter at V_m = \(v.millivolts) mV")
                return conc(lo)
            }
            return conc(r.root)
        }
        func potassium(at v: Voltage) -> Concentration {
            balanced(at: v, z: 1, outside: ko, leak: cell.leaks.potassium, symporter: cell.symporter, name: "K⁺")
        }
        func chloride(at v: Voltage) -> Concentration {
            balanced(at: v, z: -1, outside: clo, leak: cell.leaks.chloride, symporter: cell.chlorideSymporter, name: "Cl⁻")
        }

        func state(at v: Voltage, iterations: Int) -> PlantSteadyState {
            let kIn = potassium(at: v), clIn = chloride(at: v)
            return PlantSteadyState(
                cell: cell, vm: v, potassiumInside: kIn, chlorideInside: clIn,
                pumpCurrent: cell.pump.current(at: v, protonPotential: eH, atp: cell.atp, conditions: c),
                symportInflux: cell.symporter.influx(substrateInside: kIn, substrateOutside: ko, pHInside: cell.pHCytosol,
                                                     pHOutside: cell.pHApoplast, at: v, conditions: c),
                chlorideSymportInflux: cell.chlorideSymporter?.influx(substrateInside: clIn, substrateOutside: clo,
                                                                      pHInside: cell.pHCytosol, pHOutside: cell.pHApoplast,
                                                                      at: v, conditions: c) ?? .molesPerSquareMetreSecond(0),
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
