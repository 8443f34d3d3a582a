import MembraneNumerics
import RealModule

extension PumpLeakSystem {
    /// The exact Jacobian ∂f/∂y by the chain rule through the natural variables of the fluxes.
    ///
    /// The fluxes Φ are smooth functions of the inside and outside concentrations and of V, differentiated in
    /// closed form (``fluxDerivatives(ci:co:v:into:)``); the derivatives of c, c_out, V and v̂ with respect to
    /// the state are exact too. (Plain finite differences in the amounts would be badly scaled: V = F·w·q/(C·A)
    /// turns a relative change of 10⁻⁸ in an amount into tens of millivolts.) For the full state, or, with an
    /// infinite bath, for the cell's part alone (``PumpLeakODE``). One scratch allocation on the stack, no heap.
    public func jacobian(at t: Double, state y: [Double], into jac: inout DenseMatrix) -> Bool {
        let n = self.n, d = y.count
        precondition(d == dimension || (infiniteBath && d == bathOffset), "state of \(d) components")
        let size = 5 * n + 2 * n * n + n + 2 * d
        // Constant capacity for up to 8 ions (no run-time stack-size check per call), else sized.
        if size <= 256 {
            withUnsafeTemporaryAllocation(of: Double.self, capacity: 256) { jacobian(y, into: &jac, scratch: $0) }
        } else {
            withUnsafeTemporaryAllocation(of: Double.self, capacity: size) { jacobian(y, into: &jac, scratch: $0) }
        }
        return true
    }

    /// The Jacobian with `scratch` (at least 5n + 2n² + n + 2·y.count values).
    func jacobian(_ y: [Double], into jac: inout DenseMatrix, scratch buffer: UnsafeMutableBufferPointer<Double>) {
        let n = self.n, d = y.count, bathRows = d > bathOffset
        do {
            var offset = 0
            func take(_ count: Int) -> UnsafeMutableBufferPointer<Double> {
                defer { offset += count }
                return UnsafeMutableBufferPointer(rebasing: buffer[offset..<(offset + count)])
            }
            let ci = take(n), co = take(n), phi = take(n), phi2 = take(n), work = take(n)
            let dPhidC = take(n * n), dPhidCo = take(n * n), dPhidV = take(n)
            let dVol = take(d), dV = take(d)
            let (volume, potential) = evaluateState(y, ci: ci, co: co, phi: phi)
            fluxDerivatives(ci: ci, co: co, v: potential,
                            into: FluxDerivatives(dInside: dPhidC, dOutside: dPhidCo, dPotential: dPhidV))
            // ∂v̂/∂y.
            for m in 0..<d { dVol[m] = 0; dV[m] = 0 }
            if wIndex >= 0 {
                dVol[wIndex] = 1
            } else if infiniteBath {
                for m in 0..<n { dVol[m] = 1 / osmOutFixed }
            } else {
                var cell = impermeantAmount, bath = outsideImpermeantAmount
                for j in 0..<n { cell += y[j]; bath += y[bathOffset + j] }
                let s = (cell + bath) * (cell + bath)
                for m in 0..<n {
                    dVol[m] = waterTotal * bath / s
                    dVol[bathOffset + m] = -waterTotal * cell / s
                }
            }
            let bathWater = waterTotal - volume
            let inverseVolume = 1 / volume
            // ∂c_l/∂y_m = δ_lm/v̂ − y_l/v̂²·∂v̂/∂y_m; ∂c_out,l/∂y_m = δ/(W − v̂) + B_l/(W − v̂)²·∂v̂/∂y_m.
            // ∂V/∂y: κ·z_m (charge difference) or, electroneutral, −(Σⱼ zⱼ ∂Φⱼ/∂x)/(Σⱼ zⱼ ∂Φⱼ/∂V) by the chain rule.
            if electroneutral {
                var denominator = 0.0
                for j in 0..<n { denominator += z[j] * dPhidV[j] }
                for l in 0..<n {
                    var numC = 0.0, numO = 0.0
                    for j in 0..<n { numC += z[j] * dPhidC[j * n + l]; numO += z[j] * dPhidCo[j * n + l] }
                    let dVdc = -numC / denominator, dVdco = -numO / denominator
                    let cFactor = -y[l] * inverseVolume * inverseVolume
                    for m in 0..<d {
                        var dc = cFactor * dVol[m]
                        if m == l { dc += inverseVolume }
                        dV[m] += dVdc * dc
                        if !infiniteBath {
                            var dco = y[bathOffset + l] / (bathWater * bathWater) * dVol[m]
                            if m == bathOffset + l { dco += 1 / bathWater }
                            dV[m] += dVdco * dco
                        }
                    }
                }
            } else {
                for m in 0..<n { dV[m] = kappa * z[m] }
            }
            // dΦⱼ/dy_m, row by row.
            jac.storage.withUnsafeMutableBufferPointer { out in
                for i in 0..<(d * d) { out[i] = 0 }
                for m in 0..<d {
                    // work[l] = ∂c_l/∂y_m, phi2[l] = ∂c_out,l/∂y_m.
                    for l in 0..<n {
                        var dc = -y[l] * inverseVolume * inverseVolume * dVol[m]
                        if m == l { dc += inverseVolume }
                        work[l] = dc
                        if infiniteBath {
                            phi2[l] = 0
                        } else {
                            var dco = y[bathOffset + l] / (bathWater * bathWater) * dVol[m]
                            if m == bathOffset + l { dco += 1 / bathWater }
                            phi2[l] = dco
                        }
                    }
                    for j in 0..<n {
                        var s = dPhidV[j] * dV[m]
                        for l in 0..<n {
                            s += dPhidC[j * n + l] * work[l]
                            if !infiniteBath { s += dPhidCo[j * n + l] * phi2[l] }
                        }
                        out[j * d + m] = -sigma * s
                        if bathRows { out[(bathOffset + j) * d + m] = sigma * s }
                    }
                }
                if let hydraulic {
                    var cell = impermeantAmount
                    for j in 0..<n { cell += y[j] }
                    let osmIn = cell * inverseVolume
                    for m in 0..<n { out[wIndex * d + m] = hydraulic * inverseVolume }
                    var dOsmOut = 0.0
                    if !infiniteBath {
                        var bath = outsideImpermeantAmount
                        for j in 0..<n { bath += y[bathOffset + j] }
                        dOsmOut = bath / (bathWater * bathWater)
                        for m in 0..<n { out[wIndex * d + bathOffset + m] = -hydraulic / bathWater }
                    }
                    out[wIndex * d + wIndex] = hydraulic * (-osmIn * inverseVolume - dOsmOut)
                }
            }
        }
    }
}
