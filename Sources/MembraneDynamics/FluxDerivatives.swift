import MembranePhysics
import RealModule

/// Exact partial derivatives of the net outward fluxes Φⱼ (mol·m⁻²·s⁻¹) of a ``PumpLeakSystem`` with respect to
/// the inside concentrations, the outside concentrations (mM) and V (volts), by differentiating each mechanism's
/// law in closed form:
///
/// - ohmic leak Φ = g·(V − (V_T/z)·ln(c_o/c_i))/(zF): ∂Φ/∂c_i = g·V_T/(z²F·c_i), ∂Φ/∂c_o = −g·V_T/(z²F·c_o),
///   ∂Φ/∂V = g/(zF);
/// - GHK leak Φ = P·(c_i·k(u) − c_o·k(−u)), u = zV/V_T: ∂Φ/∂c_i = P·k(u), ∂Φ/∂c_o = −P·k(−u),
///   ∂Φ/∂V = P·(z/V_T)·(c_i·k′(u) + c_o·k′(−u)) (``GHKCurrent/kernelDerivative(_:)``);
/// - the Na/K pump through ``NaKPump/cycleFluxGradient(sodiumInside:sodiumOutside:potassiumOutside:potential:thermalVoltage:)``;
/// - KCC2 and NKCC1 (``Cotransporter``): U·f·ln(Q) has ∂/∂c = ±U·f·ν/c for each ion of stoichiometry ν, plus
///   U·f′(K_o)·ln Q for NKCC1's gate f = 1/(1 + e^{16 − K_o}), f′ = f·(1 − f).
///
/// Row j, column l of `dInside` and `dOutside` is ∂Φⱼ/∂c_l (n × n, row-major); `dPotential[j]` is ∂Φⱼ/∂V.
/// Tested against central differences, through the steady-state residual and the right-hand side, for every
/// mechanism (Tests/MembraneDynamicsTests/ExactDerivativeTests.swift).
struct FluxDerivatives {
    let dInside: UnsafeMutableBufferPointer<Double>
    let dOutside: UnsafeMutableBufferPointer<Double>
    let dPotential: UnsafeMutableBufferPointer<Double>
}

extension PumpLeakSystem {
    /// Writes the exact ∂Φ/∂c_in, ∂Φ/∂c_out and ∂Φ/∂V at (c_in, c_out, V) into `d` (see ``FluxDerivatives``).
    func fluxDerivatives(ci: UnsafeMutableBufferPointer<Double>, co: UnsafeMutableBufferPointer<Double>, v: Double,
                         into d: FluxDerivatives) {
        let n = self.n
        for i in 0..<(n * n) { d.dInside[i] = 0; d.dOutside[i] = 0 }
        for j in 0..<n {
            let zj = z[j], diagonal = j * n + j
            var dv = 0.0
            let g = ohmic[j]
            if g > 0 {
                let s = g * vt / (zj * zj * faraday)
                d.dInside[diagonal] += s / ci[j]
                d.dOutside[diagonal] -= s / co[j]
                dv += g / (zj * faraday)
            }
            let p = ghk[j]
            if p > 0 {
                let u = zj * v / vt
                d.dInside[diagonal] += p * GHKCurrent.kernel(u)
                d.dOutside[diagonal] -= p * GHKCurrent.kernel(-u)
                dv += p * zj / vt * (ci[j] * GHKCurrent.kernelDerivative(u) + co[j] * GHKCurrent.kernelDerivative(-u))
            }
            d.dPotential[j] = dv
        }
        if let pump, pumpActivity > 0 {
            let gradient = pump.cycleFluxGradient(sodiumInside: ci[na], sodiumOutside: co[na], potassiumOutside: co[k],
                                                  potential: v, thermalVoltage: vt)
            for (row, count) in [(na, NaKPump.sodiumPerCycle), (k, -NaKPump.potassiumPerCycle)] {
                let s = count * pumpActivity
                d.dInside[row * n + na] += s * gradient.sodiumInside
                d.dOutside[row * n + na] += s * gradient.sodiumOutside
                d.dOutside[row * n + k] += s * gradient.potassiumOutside
                d.dPotential[row] += s * gradient.potential
            }
        }
        if kcc2 > 0 {
            for row in [k, cl] {
                for (ion, count) in [(k, 1.0), (cl, 1.0)] {
                    d.dInside[row * n + ion] += kcc2 * count / ci[ion]
                    d.dOutside[row * n + ion] -= kcc2 * count / co[ion]
                }
            }
        }
        if nkcc1 > 0 {
            let gate = 1 / (1 + Double.exp(16 - co[k]))
            let logQ = Double.log(ci[na] * ci[k] * ci[cl] * ci[cl] / (co[na] * co[k] * co[cl] * co[cl]))
            for (row, rowCount) in [(na, 1.0), (k, 1.0), (cl, 2.0)] {
                let s = nkcc1 * rowCount
                for (ion, count) in [(na, 1.0), (k, 1.0), (cl, 2.0)] {
                    d.dInside[row * n + ion] += s * gate * count / ci[ion]
                    d.dOutside[row * n + ion] -= s * gate * count / co[ion]
                }
                d.dOutside[row * n + k] += s * gate * (1 - gate) * logQ
            }
        }
    }
}
