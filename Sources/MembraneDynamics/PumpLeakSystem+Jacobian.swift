import MembraneNumerics
import RealModule

extension PumpLeakSystem {
    /// The Jacobian ∂f/∂y by the chain rule through the natural variables of the fluxes.
    ///
    /// The fluxes Φ are smooth functions of the inside and outside concentrations and of V; their partial
    /// derivatives are estimated by forward differences in those variables (steps √ε·c and √ε·RT/F, each
    /// well scaled), and the derivatives of c, c_out, V and v̂ with respect to the state are exact. Plain
    /// finite differences in the amounts would be badly scaled: V = F·w·q/(C·A) turns a relative change
    /// of 10⁻⁸ in an amount into tens of millivolts.
    public func jacobian(at t: Double, state y: [Double], into jac: inout DenseMatrix) -> Bool {
        let d = dimension
        var ci = [Double](repeating: 0, count: n), co = ci, phi = ci, phi2 = ci
        var volume = 0.0, potential = 0.0
        ci.withUnsafeMutableBufferPointer { c in
            co.withUnsafeMutableBufferPointer { o in
                phi.withUnsafeMutableBufferPointer { p in
                    (volume, potential) = evaluateState(y, ci: c, co: o, phi: p)
                    _ = fluxes(ci: c, co: o, v: potential, phi: p)
                }
            }
        }
        let root = Double.ulpOfOne.squareRoot()
        // ∂Φⱼ/∂c_l, ∂Φⱼ/∂c_out,l (n × n, row j), ∂Φⱼ/∂V.
        var dPhidC = [Double](repeating: 0, count: n * n)
        var dPhidCo = [Double](repeating: 0, count: n * n)
        var dPhidV = [Double](repeating: 0, count: n)
        func column(_ perturb: (inout [Double], inout [Double], inout Double) -> Double, into store: (Int, Double) -> Void) {
            var c2 = ci, o2 = co, v2 = potential
            let h = perturb(&c2, &o2, &v2)
            c2.withUnsafeMutableBufferPointer { c in
                o2.withUnsafeMutableBufferPointer { o in
                    phi2.withUnsafeMutableBufferPointer { p in _ = fluxes(ci: c, co: o, v: v2, phi: p) }
                }
            }
            for j in 0..<n { store(j, (phi2[j] - phi[j]) / h) }
        }
        for l in 0..<n {
            column({ c, _, _ in let h = root * c[l]; let old = c[l]; c[l] += h; return c[l] - old }) { j, v in dPhidC[j * n + l] = v }
            if !infiniteBath {
                column({ _, o, _ in let h = root * o[l]; let old = o[l]; o[l] += h; return o[l] - old }) { j, v in dPhidCo[j * n + l] = v }
            }
        }
        column({ _, _, v in let h = root * vt; v += h; return h }) { j, v in dPhidV[j] = v }

        // ∂v̂/∂y.
        var dVol = [Double](repeating: 0, count: d)
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
        // ∂V/∂y.
        var dV = [Double](repeating: 0, count: d)
        if electroneutral {
            var denominator = 0.0
            for j in 0..<n { denominator += z[j] * dPhidV[j] }
            for l in 0..<n {
                var numC = 0.0, numO = 0.0
                for j in 0..<n { numC += z[j] * dPhidC[j * n + l]; numO += z[j] * dPhidCo[j * n + l] }
                let dVdc = -numC / denominator, dVdco = -numO / denominator
                for m in 0..<d {
                    var dc = -y[l] / (volume * volume) * dVol[m]
                    if m == l { dc += 1 / volume }
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
        // dΦⱼ/dy_m.
        for i in 0..<(d * d) { jac.storage[i] = 0 }
        for j in 0..<n {
            for m in 0..<d {
                var s = dPhidV[j] * dV[m]
                for l in 0..<n {
                    var dc = -y[l] / (volume * volume) * dVol[m]
                    if m == l { dc += 1 / volume }
                    s += dPhidC[j * n + l] * dc
                    if !infiniteBath {
                        var dco = y[bathOffset + l] / (bathWater * bathWater) * dVol[m]
                        if m == bathOffset + l { dco += 1 / bathWater }
                        s += dPhidCo[j * n + l] * dco
                    }
                }
                jac[j, m] = -sigma * s
                jac[bathOffset + j, m] = sigma * s
            }
        }
        if let hydraulic {
            var cell = impermeantAmount
            for j in 0..<n { cell += y[j] }
            let osmIn = cell / volume
            for m in 0..<n { jac[wIndex, m] = hydraulic / volume }
            var dOsmOut = 0.0
            if !infiniteBath {
                var bath = outsideImpermeantAmount
                for j in 0..<n { bath += y[bathOffset + j] }
                dOsmOut = bath / (bathWater * bathWater)
                for m in 0..<n { jac[wIndex, bathOffset + m] = -hydraulic / bathWater }
            }
            jac[wIndex, wIndex] = hydraulic * (-osmIn / volume - dOsmOut)
        }
        return true
    }
}
